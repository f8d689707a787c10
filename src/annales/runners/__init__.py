"""Runners apply a built pipeline to a stream of inputs.  `local` runs in this process; a Spark
runner (later) shares the same interface: `run(items) -> Iterator[CodedArticle | Rejection]`."""
from .local import LocalRunner

__all__ = ["LocalRunner"]
