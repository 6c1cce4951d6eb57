"""``newscrawl cluster``: what the shared Redis says of the cluster, for a person or a monitoring check.

Per portal: requests queued and in flight (leased to a worker); per worker: alive or not, its last heartbeat
and what it holds; the discovery leases held now and the units read this cycle; the seen-store's size.
Exit status: 0; 1 when a registered worker is dead and still holds requests (they return to the queue at the
next heartbeat of any live worker); 2 when Redis cannot be reached or no ``NEWSCRAWL_REDIS_URL`` is set.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from typing import Any

import redis

from newscrawl.cluster import keys
from newscrawl.cluster.worker import redis_url
from newscrawl.ops.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, add_settings_option, project_settings
from newscrawl.state.redis import URLS


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "cluster", help="the shared Redis frontier: queues, workers, leases (several machines)"
    )
    parser.add_argument("--json", action="store_true", help="the report as JSON, for machines")
    add_settings_option(parser)
    parser.set_defaults(func=cmd_cluster)


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def snapshot(server: redis.Redis, now: float | None = None) -> dict[str, Any]:
    """The cluster's state in one dict (see :func:`cmd_cluster` for the text form)."""
    now = now or time.time()
    portals: dict[str, dict[str, int]] = {}
    for key in server.scan_iter(match=keys.queue("*"), count=500):
        portals.setdefault(keys.portal_of(_text(key)), {"queued": 0, "in_flight": 0})["queued"] = int(
            server.zcard(key)
        )
    workers = []
    for member, beat in server.zrange(keys.WORKERS, 0, -1, withscores=True):
        worker = _text(member)
        leases = [_text(lease) for lease in server.hkeys(keys.processing(worker))]
        by_portal = Counter(keys.portal_of(lease.split("@", 1)[1]) for lease in leases if "@" in lease)
        for portal, count in by_portal.items():
            portals.setdefault(portal, {"queued": 0, "in_flight": 0})["in_flight"] += count
        workers.append(
            {
                "worker": worker,
                "alive": bool(server.exists(keys.alive(worker))),
                "last_heartbeat_s": round(now - float(beat), 1),
                "in_flight": len(leases),
            }
        )
    leases = []
    for key in server.scan_iter(match=keys.discovery_lease("*", "*"), count=500):
        name = _text(key)
        portal, unit = name.removeprefix(f"{keys.PREFIX}:").removesuffix(":lease").split(":discovery:", 1)
        holder, ttl = server.get(key), server.pttl(key)
        leases.append(
            {"portal": portal, "unit": unit, "holder": _text(holder or ""), "expires_in_s": ttl / 1000}
        )
    done = []
    for key in server.scan_iter(match=keys.discovery_done("*", "*"), count=500):
        name = _text(key)
        portal, unit = name.removeprefix(f"{keys.PREFIX}:").removesuffix(":done").split(":discovery:", 1)
        done.append({"portal": portal, "unit": unit, "read_by": _text(server.get(key) or ""),
                     "next_read_in_s": max(0, server.ttl(key))})  # fmt: skip
    return {
        "portals": dict(sorted(portals.items())),
        "workers": workers,
        "discovery_leases": sorted(leases, key=lambda d: (d["portal"], d["unit"])),
        "discovery_done": sorted(done, key=lambda d: (d["portal"], d["unit"])),
        "seen_urls": int(server.hlen(URLS)),
    }


def cmd_cluster(args: argparse.Namespace) -> int:
    url = redis_url(project_settings(args.set))
    if not url:
        print(
            "newscrawl cluster: no NEWSCRAWL_REDIS_URL (a setting or the environment variable)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        server = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=10)
        state = snapshot(server)
    except redis.RedisError as exc:
        print(f"newscrawl cluster: Redis at {url} cannot be reached: {exc}", file=sys.stderr)
        return EXIT_USAGE
    dead = [w for w in state["workers"] if not w["alive"] and w["in_flight"]]
    if args.json:
        print(json.dumps(state, indent=1))
    else:
        _print(state)
    return EXIT_FAILED if dead else EXIT_OK


def _print(state: dict[str, Any]) -> None:
    print(f"{'portal':<15} {'queued':>8} {'in flight':>10}")
    for portal, counts in state["portals"].items():
        print(f"{portal:<15} {counts['queued']:>8} {counts['in_flight']:>10}")
    print(f"\n{'worker':<32} {'state':<6} {'heartbeat':>10} {'in flight':>10}")
    for w in state["workers"]:
        status = "alive" if w["alive"] else "DEAD"
        print(f"{w['worker']:<32} {status:<6} {w['last_heartbeat_s']:>8.1f} s {w['in_flight']:>10}")
    print("\ndiscovery")
    for lease in state["discovery_leases"]:
        print(f"  {lease['portal']} {lease['unit']}: being read by {lease['holder']}")
    for done in state["discovery_done"]:
        when = f"next in {done['next_read_in_s']} s"
        print(f"  {done['portal']} {done['unit']}: read by {done['read_by']}, {when}")
    print(f"\nseen-store: {state['seen_urls']} URLs")
