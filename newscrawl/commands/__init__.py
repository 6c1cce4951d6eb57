"""Scrapy commands that newscrawl replaces (``COMMANDS_MODULE``): see :mod:`newscrawl.commands.crawl`."""
