"""Scrapy extensions of the project (enabled in ``EXTENSIONS`` in ``newscrawl/settings.py``)."""
