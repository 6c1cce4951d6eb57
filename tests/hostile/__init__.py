"""Hostile conditions: bad servers, bad input, bad neighbours (README "Hostile conditions")."""
