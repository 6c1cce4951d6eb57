"""Downloader middlewares: politeness (robots Crawl-delay, retry backoff) and safety (addresses, redirects,
sizes)."""
