"""Spiders: one per registered portal (generated from the registry in ``portals.py``)."""
