"""Stories: how well near-copies are found and look-alikes kept apart, and what the index costs.

    python benchmarks/stories.py             # full: curves, 1,000,000-record memory, 200,000-record load
    python benchmarks/stories.py --quick     # smoke mode for CI: small sizes

Labelled set: every golden article body (tests/golden) with generated near-copies of it (another lead,
another ending, other furniture, a corrected paragraph, one sentence rewritten, and all of those at once
with another outlet's dateline, as a portal republishing wire copy would); all pairs within one article's
group must merge, pairs across articles must not. Hard negatives (``_stories_data.py``): one event
reported in different words by two newsrooms, and daily columns built on one template.

Printed: pair precision and recall by threshold and number of permutations (LSH query, then the
estimated similarity checked against the threshold, as :class:`StoryIndex` does), the same for the shipped
setting through the real index (story ids), per-record cost (signature, query, insert) on an index holding
a window, memory of the in-memory index, time to load a window from SQLite, and the Redis store's inserts
and queries per second (when redis-server is installed).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import random
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from datasketch import LeanMinHash, MinHash, MinHashLSH  # noqa: E402

from benchmarks._stories_data import SAME_EVENT_PAIRS, template_days  # noqa: E402
from benchmarks.seen_store import rss_mib  # noqa: E402
from newscrawl.stories.index import PER_BUCKET, StoryIndex  # noqa: E402
from newscrawl.stories.lsh import new_lsh  # noqa: E402
from newscrawl.stories.signature import NUM_PERM, SCHEME, lean, shingles, words  # noqa: E402
from newscrawl.stories.sqlite import SqliteStoryStore  # noqa: E402
from newscrawl.stories.store import DEFAULT_THRESHOLD, MemoryStoryStore, StoryEntry  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
DATELINES = (
    "JAKARTA, KOMPAS.com - ",
    "Jakarta (ANTARA) - ",
    "TRIBUNNEWS.COM - ",
    "Jakarta, CNN Indonesia -- ",
)
FURNITURE = ("Baca juga: {title}", "Ikuti berita terkini lainnya di Google News", "Editor: Redaksi")


# --- the labelled set ----------------------------------------------------------------------------------


def golden_articles() -> list[tuple[str, str, str, str]]:
    """(title, body, portal, publication day) of every golden article."""
    out = []
    for path in sorted(GOLDEN.glob("*/*.expected.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if "body" in record:
            day = (record["published_at"] or "2025-07-01T00:00:00+07:00")[:10]
            out.append((record["title"], record["body"], record["portal"], day))
    return out


def _sentences(paragraph: str) -> list[str]:
    return [s for s in paragraph.replace("? ", "?\n").replace(". ", ".\n").split("\n") if s]


def variants(title: str, body: str, other_title: str, other_sentence: str, rng: random.Random) -> list[str]:
    """Near-copies of one article, each as another portal could publish it."""
    paras = body.split("\n\n")
    lead = f"{title}. Hal itu disampaikan dalam keterangan yang diterima redaksi pada hari yang sama."
    other_lead = "\n\n".join([lead, *paras[1:]]) if len(paras) > 1 else f"{lead}\n\n{body}"
    ending = "Hingga berita ini diturunkan, pihak terkait belum memberikan keterangan lebih lanjut."
    other_ending = "\n\n".join([*paras[:-1], ending]) if len(paras) > 1 else f"{body}\n\n{ending}"
    furniture = list(paras)
    furniture.insert(min(2, len(furniture)), FURNITURE[0].format(title=other_title))
    furniture += FURNITURE[1:]
    corrected = list(paras)
    i = len(corrected) // 2
    corrected[i] = " ".join(
        str(rng.randint(2, 99)) if w.isdigit() else ("menyatakan" if w == "mengatakan" else w)
        for w in corrected[i].split()
    ).replace(" dan ", " serta ", 1)
    rewritten = list(paras)
    j = max(range(len(rewritten)), key=lambda k: len(rewritten[k]))
    sentences = _sentences(rewritten[j])
    if sentences:
        longest = max(range(len(sentences)), key=lambda k: len(sentences[k]))
        sentences[longest] = other_sentence
        rewritten[j] = " ".join(sentences)
    wire = [rng.choice(DATELINES) + other_lead.split("\n\n")[0], *other_ending.split("\n\n")[1:]]
    wire.insert(min(2, len(wire)), FURNITURE[0].format(title=other_title))
    return [
        "\n\n".join(v) if isinstance(v, list) else v
        for v in (other_lead, other_ending, furniture, corrected, rewritten, wire)
    ]


Labelled = tuple[list[str], list[int], list[tuple[str, str]], list[tuple[int, int]]]
COPY_PORTALS = ("kompas", "tribunnews", "republika", "okezone", "suara", "cnnindonesia", "merdeka")


def labelled_set(rng: random.Random, limit: int | None) -> Labelled:
    """Texts, their story label, their (portal, publication day), and the hard-negative pairs."""
    articles = golden_articles()[:limit]
    texts: list[str] = []
    labels: list[int] = []
    where: list[tuple[str, str]] = []
    for n, (title, body, portal, day) in enumerate(articles):
        other_title, other_body = articles[(n + 1) % len(articles)][:2]
        other_sentence = max(_sentences(other_body.split("\n\n")[0]) or [other_body[:200]], key=len)
        copies = variants(title, body, other_title, other_sentence, rng)
        for k, text in enumerate([body, *copies]):
            texts.append(text)
            labels.append(n)
            where.append((portal if k == 0 else COPY_PORTALS[k % len(COPY_PORTALS)], day))
    hard: list[tuple[int, int]] = []
    story = len(articles)
    for a, b in SAME_EVENT_PAIRS:
        texts += [a, b]
        labels += [story, story + 1]
        where += [("kompas", "2025-03-09"), ("detik", "2025-03-09")]
        hard.append((len(texts) - 2, len(texts) - 1))
        story += 2
    for days in template_days():
        first = len(texts)
        for d, text in enumerate(days):
            texts.append(text)
            labels.append(story)
            where.append(("tribunnews", f"2025-03-0{3 + d}"))
            story += 1
        hard += list(itertools.combinations(range(first, len(texts)), 2))
    return texts, labels, where, hard


# --- quality -------------------------------------------------------------------------------------------


def signatures(texts: list[str], num_perm: int) -> list[np.ndarray]:
    perms = MinHash(num_perm, seed=1, hashfunc=zlib.crc32, scheme=SCHEME).permutations
    out = []
    for text in texts:
        m = MinHash(num_perm, seed=1, hashfunc=zlib.crc32, permutations=perms, scheme=SCHEME)
        m.update_batch(shingles(words(text)))
        out.append(m.hashvalues)
    return out


def predicted_pairs(
    sigs: list[np.ndarray], threshold: float, where: list[tuple[str, str]] | None = None
) -> set[tuple[int, int]]:
    """Pairs the index would join: an LSH candidate, similar enough, and (with ``where``) not one portal's
    recurring column (same portal, another day)."""
    num_perm = len(sigs[0])
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    minhashes = [LeanMinHash(seed=1, hashvalues=s, scheme=SCHEME) for s in sigs]
    for i, m in enumerate(minhashes):
        lsh.insert(i, m)
    pairs = set()
    for i, m in enumerate(minhashes):
        for j in lsh.query(m):
            if j == i or float(np.mean(sigs[i] == sigs[j])) < threshold:
                continue
            if where is not None and where[i][0] == where[j][0] and where[i][1] != where[j][1]:
                continue
            pairs.add((min(i, j), max(i, j)))
    return pairs


def score(pairs: set[tuple[int, int]], labels: list[int]) -> tuple[float, float]:
    truth = {(i, j) for i, j in itertools.combinations(range(len(labels)), 2) if labels[i] == labels[j]}
    hits = len(pairs & truth)
    return (hits / len(pairs) if pairs else 1.0), hits / len(truth)


def index_pairs(texts: list[str], where: list[tuple[str, str]], threshold: float) -> set[tuple[int, int]]:
    """Pairs given one story id by the real index, texts fed in order."""
    index = StoryIndex(MemoryStoryStore(), threshold)
    stories = []
    for n, (text, (portal, day)) in enumerate(zip(texts, where, strict=True)):
        found = index.match(
            f"https://example.com/{n}",
            text,
            portal=portal,
            published_at=f"{day}T08:00:00+07:00",
            source_outlet=None,
            now="2026",
        )
        index.remember(found.entry)
        stories.append(found.entry.story_id)
    return {(i, j) for i, j in itertools.combinations(range(len(texts)), 2) if stories[i] == stories[j]}


def true_jaccard(a: str, b: str) -> float:
    sa, sb = shingles(words(a)), shingles(words(b))
    return len(sa & sb) / len(sa | sb)


# --- cost ------------------------------------------------------------------------------------------------


def random_entry(n: int, rng: np.random.Generator) -> StoryEntry:
    url = f"https://news.example.co.id/berita/{n}"
    sig = rng.integers(0, 2**32, NUM_PERM, dtype=np.uint32)
    return StoryEntry(url, "x", f"{n:016x}", url, None, "2026-01-01T00:00:00Z", None, sig)


def per_record_cost(texts: list[str], window: int, rounds: int) -> dict[str, float]:
    """Milliseconds per record, on an index already holding ``window`` records."""
    index = StoryIndex(MemoryStoryStore(), DEFAULT_THRESHOLD)
    rng = np.random.default_rng(3)
    for n in range(window):
        index.lsh.insert(10**12 + n, lean(rng.integers(0, 2**32, NUM_PERM, dtype=np.uint32)))
    sign = query = insert = 0.0
    count = 0
    for r in range(rounds):
        for n, text in enumerate(texts):
            t0 = time.perf_counter()
            sig = index.signer.sign(text)
            t1 = time.perf_counter()
            found = index.match(
                f"https://x.id/{r}/{n}", text, portal="x", published_at=None, source_outlet=None, now="2026"
            )
            t2 = time.perf_counter()
            index.remember(found.entry)
            t3 = time.perf_counter()
            sign += t1 - t0
            query += (t2 - t1) - (t1 - t0)  # match signs again: count the query part only
            insert += t3 - t2
            count += 1
            assert sig is not None
    return {"sign": sign / count * 1e3, "query": query / count * 1e3, "insert": insert / count * 1e3}


def memory_per_million(records: int) -> tuple[float, float]:
    """MiB per 1,000,000 records of the in-memory index (compact storage, measured at ``records``), and
    of datasketch's own storage (measured at no more than 100,000 records, extrapolated: 5 GiB per 1M)."""
    rng = np.random.default_rng(5)
    sigs = rng.integers(0, 2**32, size=(records, NUM_PERM), dtype=np.uint32)
    results = []
    for compact in (True, False):
        if not compact:
            records = min(records, 100_000)
        gc.collect()
        before = rss_mib()
        lsh = new_lsh(DEFAULT_THRESHOLD) if compact else MinHashLSH(DEFAULT_THRESHOLD, NUM_PERM)
        for n in range(records):
            lsh.insert(n, lean(sigs[n]), check_duplication=False)
        gc.collect()
        results.append((rss_mib() - before) * 1_000_000 / records)
        del lsh
        gc.collect()
    return results[0], results[1]


def load_time(records: int) -> tuple[float, float]:
    """Seconds to store ``records`` entries in SQLite, and to build the in-memory index from them."""
    rng = np.random.default_rng(7)
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStoryStore(Path(tmp) / "stories.sqlite3")
        started = time.perf_counter()
        for first in range(0, records, 5_000):
            store.add(random_entry(n, rng) for n in range(first, min(records, first + 5_000)))
        stored = time.perf_counter() - started
        index = StoryIndex(store, DEFAULT_THRESHOLD)
        started = time.perf_counter()
        index.lsh  # noqa: B018 - builds it
        built = time.perf_counter() - started
        index.close()
    return stored, built


def redis_rates(records: int, batch: int) -> tuple[float, float] | None:
    """Inserts/s (committed in batches, as the writer's commits do) and queries/s of the Redis store."""
    from tests.support.redis_server import REDIS_SERVER, redis_server

    if REDIS_SERVER is None:
        return None
    from newscrawl.stories.redis import RedisStoryStore

    rng = np.random.default_rng(9)
    entries = [random_entry(n, rng) for n in range(records)]
    with tempfile.TemporaryDirectory() as tmp, redis_server(Path(tmp)) as url:
        store = RedisStoryStore(url, DEFAULT_THRESHOLD)
        started = time.perf_counter()
        for first in range(0, records, batch):
            store.add(entries[first : first + batch])
        inserts = records / (time.perf_counter() - started)
        started = time.perf_counter()
        probes = entries[: min(records, 500)]
        for e in probes:
            store.query(e.signature, PER_BUCKET)
        queries = len(probes) / (time.perf_counter() - started)
        store.close()
    return inserts, queries


# --- main ------------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--memory-records", type=int, default=1_000_000)
    parser.add_argument("--load-records", type=int, default=200_000)
    parser.add_argument("--redis-records", type=int, default=5_000)
    args = parser.parse_args()
    rng = random.Random(11)
    texts, labels, where, hard = labelled_set(rng, 6 if args.quick else None)
    groups = len(set(labels))
    print(f"{len(texts)} texts in {groups} stories; {len(hard)} hard-negative pairs")
    hard_j = [true_jaccard(texts[i], texts[j]) for i, j in hard]
    same = [
        true_jaccard(texts[i], texts[j])
        for i, j in itertools.combinations(range(len(texts)), 2)
        if labels[i] == labels[j]
    ]
    print(
        f"true Jaccard: near-copies min {min(same):.2f} median {np.median(same):.2f}; hard negatives max "
        f"{max(hard_j):.2f}\n"
    )

    print(
        "| permutations | threshold | bands x rows | precision | recall | hard negatives merged | "
        "without the recurring-column rule: precision, hard negatives merged |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    perms = (128,) if args.quick else (64, 128, 256)
    thresholds = (0.3, 0.5, 0.7) if args.quick else (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8)
    for num_perm in perms:
        sigs = signatures(texts, num_perm)
        for threshold in thresholds:
            pairs = predicted_pairs(sigs, threshold, where)
            precision, recall = score(pairs, labels)
            bare = predicted_pairs(sigs, threshold)
            bare_precision, _ = score(bare, labels)
            lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
            merged = sum(pair in pairs for pair in hard)
            bare_merged = sum(pair in bare for pair in hard)
            print(
                f"| {num_perm} | {threshold} | {lsh.b} x {lsh.r} | {precision:.4f} | {recall:.4f} | "
                f"{merged} of {len(hard)} | {bare_precision:.4f}, {bare_merged} |"
            )
    pairs = index_pairs(texts, where, DEFAULT_THRESHOLD)
    precision, recall = score(pairs, labels)
    print(
        f"\n| shipped index (story ids), threshold {DEFAULT_THRESHOLD} | precision {precision:.4f} | "
        f"recall {recall:.4f} |"
    )

    window = 2_000 if args.quick else 100_000
    cost = per_record_cost(texts, window, 1 if args.quick else 3)
    words_per = np.mean([len(t.split()) for t in texts])
    long_texts = [f"{a}\n\n{b}" for a, b in zip(texts, texts[7:] + texts[:7], strict=True)]
    long_cost = per_record_cost(long_texts[: len(texts)], window, 1)
    total, long_total = sum(cost.values()), sum(long_cost.values())
    memory_records = 20_000 if args.quick else args.memory_records
    compact, stock = memory_per_million(memory_records)
    load_records = 5_000 if args.quick else args.load_records
    stored, built = load_time(load_records)
    redis = redis_rates(200 if args.quick else args.redis_records, 100)

    print("\n| measure | value | target |")
    print("| --- | --- | --- |")
    print(
        f"| ms per record, {words_per:.0f}-word bodies: signature / query / insert (window {window:,}) | "
        f"{total:.3f} ({cost['sign']:.3f} / {cost['query']:.3f} / {cost['insert']:.3f}) | <= 1 |"
    )
    print(f"| ms per record, {2 * words_per:.0f}-word bodies | {long_total:.3f} | <= 1 |")
    print(
        f"| in-memory index, MiB per 1,000,000 records (measured at {memory_records:,}) | {compact:,.0f} "
        f"(datasketch's own dict storage: {stock:,.0f}, at {min(memory_records, 100_000):,}) | - |"
    )
    print(
        f"| SQLite: store {load_records:,} entries / build the index from them (s) | "
        f"{stored:.2f} / {built:.2f} | - |"
    )
    if redis is None:
        print("| Redis inserts/s, queries/s | redis-server not installed | - |")
    else:
        print(f"| Redis inserts/s (batches of 100) / queries/s | {redis[0]:,.0f} / {redis[1]:,.0f} | - |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
