"""Normalisation of what the parser found: event dates (dates.py, temporal.py) and places."""

from .dates import parse_published, resolve_date

__all__ = ["parse_published", "resolve_date"]
