"""Extraction: fetched HTML in, article record out. ``core.extract_article`` is the one entry point."""
