"""annales: political event data from English news.

Public API (everything else is private and may change):

    annales.code(text, published="2017-01-12") -> list[Event]
    annales.Pipeline(actors=[...], agents=[...])   the coder, built once
    annales.Store(path)                            the DuckDB store
    the record types: Article, Entity, Event, Attribution, DateValue, Location, Span, Quote,
    Rejection; the error tree: AnnalesError and its subclasses.
"""

from importlib import metadata as _metadata
from typing import TYPE_CHECKING

from .errors import AnnalesError
from .schema import (
    Article,
    Attribution,
    CodedArticle,
    DateValue,
    Entity,
    Event,
    Location,
    Quote,
    Rejection,
    Span,
)

if TYPE_CHECKING:
    from .pipeline import Pipeline, code
    from .store import Store

# The coder imports spaCy (about a second) and the store DuckDB: both load on first use, so
# `import annales` and commands that need neither stay quick.
_LAZY = {"Pipeline": "pipeline", "code": "pipeline", "Store": "store"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The version lives in pyproject.toml only; the installed package's metadata carries it here.
try:
    __version__ = _metadata.version("annales")
except _metadata.PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "code",
    "Pipeline",
    "Store",
    "AnnalesError",
    "Article",
    "Attribution",
    "CodedArticle",
    "DateValue",
    "Entity",
    "Event",
    "Location",
    "Quote",
    "Rejection",
    "Span",
    "__version__",
]
