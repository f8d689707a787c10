"""The event filters every view shares (the API, the dashboard, its JSON twins), as one
parameterized WHERE clause.  The filters of `annales events` mean the same here (they reuse the
store's parsing of dates and choices); the dashboard adds either-side country, quad class and
source."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from typing import Any, Optional

from ..errors import UsageError
from ..schema import EVENT_TYPES, MODALITIES
from ..store.queries import _choice, _day

_CODE = re.compile(r"^[A-Za-z]{3}$")


@dataclass(frozen=True)
class Filters:
    actor_country: Optional[str] = None
    recipient_country: Optional[str] = None
    country: Optional[str] = None  # actor or recipient
    event: Optional[str] = None
    quad_class: Optional[int] = None
    modality: Optional[str] = None
    asserted: Optional[bool] = None  # modality asserted (True) or any other (False)
    location_country: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    text: Optional[str] = None
    source: Optional[str] = None
    article_id: Optional[str] = None

    @classmethod
    def from_params(cls, params: dict) -> Filters:
        """From query parameters (empty values count as absent); bad values raise UsageError."""
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {
            k: (v.strip() if isinstance(v, str) else v)
            for k, v in params.items()
            if k in known and v not in (None, "")
        }
        for key in ("actor_country", "recipient_country", "country", "location_country"):
            if key in values:
                if not _CODE.match(values[key]):
                    raise UsageError(
                        what=key, expected="a three-letter country or IGO code", found=values[key]
                    )
                values[key] = values[key].upper()
        if "event" in values:
            values["event"] = _choice(values["event"].upper(), EVENT_TYPES, "event")
        if "modality" in values:
            values["modality"] = _choice(values["modality"].lower(), MODALITIES, "modality")
        if "quad_class" in values:
            q = str(values["quad_class"])
            if q not in ("1", "2", "3", "4"):
                raise UsageError(what="quad_class", expected="1, 2, 3 or 4", found=q)
            values["quad_class"] = int(q)
        if "asserted" in values and not isinstance(values["asserted"], bool):
            flag = str(values["asserted"]).lower()
            if flag not in ("true", "false", "yes", "no", "1", "0"):
                raise UsageError(what="asserted", expected="true or false", found=flag)
            values["asserted"] = flag in ("true", "yes", "1")
        for key in ("since", "until"):
            if key in values:
                _day(values[key], key, last=key == "until")  # validates
        return cls(**values)

    def params(self) -> dict[str, Any]:
        """The filters that are set, as query parameters (for links that keep them)."""
        return {
            k: (str(v).lower() if isinstance(v, bool) else v)
            for k, v in asdict(self).items()
            if v is not None
        }

    def where(self) -> tuple[str, list[Any]]:
        """(" WHERE ..." or "", parameters) over the events table."""
        clauses: list[str] = []
        params: list[Any] = []

        def add(clause: str, *values: Any) -> None:
            clauses.append(clause)
            params.extend(values)

        if self.actor_country:
            add("list_contains(actor_countries, ?)", self.actor_country)
        if self.recipient_country:
            add("list_contains(recipient_countries, ?)", self.recipient_country)
        if self.country:
            add(
                "(list_contains(actor_countries, ?) OR list_contains(recipient_countries, ?))",
                self.country,
                self.country,
            )
        if self.event:
            add("event = ?", self.event)
        if self.quad_class is not None:
            add("quad_class = ?", self.quad_class)
        if self.modality:
            add("modality = ?", self.modality)
        if self.asserted is not None:
            add("modality = 'asserted'" if self.asserted else "modality <> 'asserted'")
        if self.location_country:
            add("location_country = ?", self.location_country)
        if self.since:  # an event whose period overlaps [since, until], as `annales events`
            add("date_end >= ?", _day(self.since, "since", last=False))
        if self.until:
            add("date_start <= ?", _day(self.until, "until", last=True))
        for word in (self.text or "").split():
            add("regexp_matches(sentence, ?)", r"(?i)(^|\W)" + re.escape(word) + r"(\W|$)")
        if self.source:
            add("article_id IN (SELECT id FROM articles WHERE source = ?)", self.source)
        if self.article_id:
            add("article_id = ?", self.article_id)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
