"""Did one portal's crawl fail outright? The reasons that make ``newscrawl run`` exit non-zero.

Judged on the portal's summary entry alone (the portal's history is ``newscrawl health``'s business):
the crawl did not finish, its output could not be written or recorded, every feed/sitemap, index page or
article request failed, none of its fetched articles was written because most were dropped, or most
needed the generic fallback (``NEWSCRAWL_FAIL_FALLBACK_SHARE``).
"""

from __future__ import annotations

from typing import Any

DISCOVERY_KINDS = ("feed", "sitemap", "robots", "home")
MIN_ARTICLES_FOR_SHARE = 3
"""Below this many fetched articles, shares (fallbacks, drops) say too little to fail a run."""


def failures(entry: dict[str, Any], fallback_share: float = 0.5) -> list[str]:
    reasons: list[str] = []
    finish = entry.get("finish_reason")
    if finish == "shutdown":
        reasons.append("interrupted")
    elif finish != "finished":
        reasons.append(f"crawl closed: {finish}")
    if entry.get("write_errors"):
        reasons.append(f"{entry['write_errors']} write error(s): records not written")
    if entry.get("commit_errors"):
        reasons.append("written records not recorded in the seen-store")
    errors, fetched = entry.get("request_errors", {}), entry.get("responses", {})
    discovery_errors = sum(n for kind, n in errors.items() if kind in DISCOVERY_KINDS)
    if discovery_errors and not any(fetched.get(kind) for kind in DISCOVERY_KINDS):
        reasons.append(f"every feed/sitemap request failed ({discovery_errors})")
    if errors.get("index") and not fetched.get("index"):
        reasons.append(f"every dated index page request failed ({errors['index']})")
    if errors.get("article") and not entry.get("fetched"):
        reasons.append(f"every article request failed ({errors['article']})")
    articles, fallbacks = entry.get("fetched", 0), entry.get("fallbacks", 0)
    dropped = sum(entry.get("dropped", {}).values())
    if articles >= MIN_ARTICLES_FOR_SHARE and not entry.get("written") and 2 * dropped >= articles:
        reasons.append(f"none of {articles} fetched articles written ({dropped} dropped)")
    if articles >= MIN_ARTICLES_FOR_SHARE and fallbacks > fallback_share * articles:
        reasons.append(f"generic fallback on {fallbacks} of {articles} articles (portal rules missed)")
    return reasons
