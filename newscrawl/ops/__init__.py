"""Unattended operation: ``newscrawl run`` (with its lock and backfill jobs), run summaries,
``newscrawl health`` and ``newscrawl state``."""
