"""The DuckDB store (articles, events, quotes, rejection rows), with numbered migrations."""

from .database import Store

__all__ = ["Store"]
