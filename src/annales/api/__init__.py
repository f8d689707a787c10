"""The HTTP API over the store (`annales serve`): read-side query functions (queries), the
shared filters (filters), highlight spans for the article reader (highlights), coding and
ingesting on request (coding), and the FastAPI app (app.create_app)."""

from .app import create_app
from .filters import Filters

__all__ = ["create_app", "Filters"]
