"""A body as a MinHash signature: case-folded words, word 3-shingles, 128 permutations.

The signature is stored (SQLite, Redis) and compared across runs, so everything that makes it is fixed
here: the tokeniser, the shingle width, the shingle hash (CRC-32, stable across processes and Python
versions, unlike ``hash()``), datasketch's ``affine32`` permutation scheme and its seed. Changing any of
them is a new :data:`SIGNATURE_VERSION`: a store of another version is refused until rebuilt.
"""

from __future__ import annotations

import re
import zlib

import numpy as np
from datasketch import LeanMinHash, MinHash

NUM_PERM = 128
SHINGLE_WORDS = 3
SEED = 1
SCHEME = "affine32"
SIGNATURE_VERSION = f"w{SHINGLE_WORDS}-crc32-{SCHEME}-{NUM_PERM}-s{SEED}"
MIN_SHINGLES = 5
"""Below this many distinct shingles (about seven words) a text is too short to compare with anything."""
_WORD = re.compile(r"\w+")


def words(body: str) -> list[str]:
    """The body's words, case-folded; punctuation and spacing (re-wrapping, furniture dashes) drop out."""
    return _WORD.findall(body.casefold())


def shingles(tokens: list[str], width: int = SHINGLE_WORDS) -> set[bytes]:
    """Each run of ``width`` consecutive words, UTF-8 encoded, once."""
    return {" ".join(tokens[i : i + width]).encode("utf-8") for i in range(len(tokens) - width + 1)}


class Signer:
    """Makes signatures; holds the permutations, which datasketch would otherwise draw for every MinHash."""

    def __init__(self) -> None:
        self._permutations = MinHash(NUM_PERM, seed=SEED, hashfunc=zlib.crc32, scheme=SCHEME).permutations

    def sign(self, body: str) -> np.ndarray | None:
        """The body's signature (``NUM_PERM`` uint32 values), or None when it is too short to compare."""
        grams = shingles(words(body))
        if len(grams) < MIN_SHINGLES:
            return None
        minhash = MinHash(
            NUM_PERM, seed=SEED, hashfunc=zlib.crc32, permutations=self._permutations, scheme=SCHEME
        )
        minhash.update_batch(grams)
        return minhash.hashvalues


def lean(signature: np.ndarray) -> LeanMinHash:
    """The signature as datasketch's light MinHash, what ``MinHashLSH`` takes."""
    return LeanMinHash(seed=SEED, hashvalues=signature, scheme=SCHEME)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets: the share of equal signature values."""
    return float(np.count_nonzero(a == b)) / len(a)


def to_bytes(signature: np.ndarray) -> bytes:
    return signature.astype("<u4", copy=False).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    signature = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    if len(signature) != NUM_PERM:
        raise ValueError(f"a signature of {len(signature)} values, not {NUM_PERM}")
    return signature
