"""annales: political event data from English news.

Public API (everything else is private and may change):

    annales.code(text, published="2017-01-12") -> list[Event]
    annales.Pipeline(actors=[...], agents=[...])   the coder, built once
    annales.Store(path)                            the DuckDB store
    the record types: Article, Entity, Event, Attribution, DateValue, Location, Span, Quote,
    Rejection; the error tree: AnnalesError and its subclasses.
"""
from .errors import AnnalesError
from .pipeline import Pipeline, code
from .schema import (Article, Attribution, CodedArticle, DateValue, Entity, Event, Location,
                     Quote, Rejection, Span)
from .store import Store

__version__ = "0.1.0"

__all__ = [
    "code", "Pipeline", "Store", "AnnalesError",
    "Article", "Attribution", "CodedArticle", "DateValue", "Entity", "Event", "Location",
    "Quote", "Rejection", "Span", "__version__",
]
