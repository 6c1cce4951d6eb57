"""Downloader middlewares: politeness (robots Crawl-delay, retry backoff) and request routing."""
