"""The record contract, documented field by field in docs/records.md.

Field names here are the public interface: the JSON keys, the CSV columns and the DuckDB
columns all come from these dataclasses.  Change them only with a migration note in
docs/records.md.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Optional

EVENT_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
MODALITIES = ("asserted", "negated", "future", "hypothetical")
PRECISIONS = ("day", "month", "year", "decade")


def stable_hash(*parts: Any, length: int = 16) -> str:
    """A short, stable, platform-independent id from its parts."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


class Record:
    """Shared (de)serialisation: nested dataclasses become plain dicts, None stays null."""

    def to_dict(self) -> dict:
        # every subclass is a dataclass; this base is not one, so mypy cannot see it
        return asdict(self)  # type: ignore[call-overload]


@dataclass
class Entity(Record):
    text: str
    name: Optional[str] = None
    code: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    kb_id: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    # null: the country comes from the entity's own words or the knowledge base; "article":
    # the words name no country ("the Senate", "rebels") and it is the article's home country
    basis: Optional[str] = None

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> Optional[Entity]:
        return None if d is None else cls(**d)


@dataclass
class Attribution(Record):
    speaker: Optional[Entity]
    cue: Optional[str]
    quoted: bool = False
    anonymous: bool = False

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> Optional[Attribution]:
        if d is None:
            return None
        return cls(
            Entity.from_dict(d.get("speaker")),
            d.get("cue"),
            d.get("quoted", False),
            d.get("anonymous", False),
        )


@dataclass
class DateValue(Record):
    value: str  # ISO prefix: "2016-12-18", "2016-12", "2016", "198" (decade)
    precision: str  # one of PRECISIONS
    text: Optional[str]  # the words it came from; null when taken from `published`
    source: str = "text"  # "text": said in the sentence; "published": the article's date


@dataclass
class Location(Record):
    text: str
    name: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonames_id: Optional[int] = None
    kind: Optional[str] = None  # city | region | country | territory (how `name` was found)


@dataclass
class Span(Record):
    text: str
    start: int
    end: int


@dataclass
class Event(Record):
    id: str
    article_id: str
    sentence_index: int
    sentence: str
    event: str
    mode: Optional[str]
    cameo: Optional[str]
    quad_class: Optional[int]
    goldstein: Optional[float]
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    modality: str = "asserted"
    attribution: Optional[Attribution] = None
    date: Optional[DateValue] = None
    location: Optional[Location] = None
    trigger: Optional[Span] = None
    confidence: float = 0.5

    @staticmethod
    def make_id(
        article_id: str,
        sentence_index: int,
        trigger: Span,
        event: str,
        cameo: Optional[str] = None,
        actor_code: Optional[str] = None,
    ) -> str:
        # CAMEO code and first actor too: a two-way dictionary code ("A met B": 031 A->B and
        # 032 B->A) gives two records of one PLOVER type on one trigger.
        return stable_hash(
            article_id, sentence_index, trigger.start, trigger.end, event, cameo, actor_code
        )

    @classmethod
    def from_dict(cls, d: dict) -> Event:
        d = dict(d)
        d["actor"] = [Entity(**e) for e in d.get("actor") or []]
        d["recipient"] = [Entity(**e) for e in d.get("recipient") or []]
        d["attribution"] = Attribution.from_dict(d.get("attribution"))
        d["date"] = DateValue(**d["date"]) if d.get("date") else None
        d["location"] = Location(**d["location"]) if d.get("location") else None
        d["trigger"] = Span(**d["trigger"]) if d.get("trigger") else None
        return cls(**d)


@dataclass
class Article(Record):
    id: str
    text: str
    url: Optional[str] = None
    title: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None  # ISO date "YYYY-MM-DD" (or a longer ISO timestamp)
    language: Optional[str] = None

    @staticmethod
    def make_id(text: str, url: Optional[str] = None) -> str:
        """Content hash: whitespace-normalised text (and url when known)."""
        return stable_hash(" ".join(text.split()), url or "")


@dataclass
class Quote(Record):
    article_id: str
    speaker: Optional[Entity]
    text: str
    start: int
    end: int
    cue: Optional[str] = None
    anonymous: bool = False


@dataclass
class Rejection(Record):
    input: str  # what was rejected: a path, "path:line", "<stdin>:3", or an article id
    reason_code: str  # see errors.REASONS
    message: str


@dataclass
class StoryType(Record):
    """What the whole story is about: the PLOVER event type a learned model gives the headline
    and body together (annales.story), with its probability.  A reading aid and a filter, not
    an event record: it names no actors and asserts nothing."""

    event: str
    probability: float
    model: str


@dataclass
class CodedArticle:
    """What the pipeline returns for one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    story_type: Optional[StoryType] = None
    # events with no actor, recipient or place (pipeline.anchored): not records unless the
    # pipeline was built with unanchored=True; kept here for what reads the whole text
    unanchored: list[Event] = field(default_factory=list)
    # warning rows about how the article was coded (R010: run-on text cut into sentences)
    notes: list[Rejection] = field(default_factory=list)
