"""newscrawl: a Scrapy crawler for Indonesian news portals that writes clean articles as JSON Lines."""

__version__ = "0.1.0"
