"""Grammatical gender of a person mention, so that "she" does not resolve to "Donald Trump".

    gender_of(mention, doc) -> "F", "M" or None

Read from the words of the phrase: a title or role noun that says it ("Mrs", "spokeswoman",
"Mr", "chairman"), else the first name looked up in the name dictionary of the
`gender-guesser` package (about 40,000 first names by country of use).  None when neither
says: the pronoun then accepts the mention as before, so an unknown name never blocks a
resolution the salience rule would make.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

FEMALE_WORDS = frozenset(
    """mrs ms miss madam madame dame lady queen princess duchess empress
woman women spokeswoman congresswoman chairwoman businesswoman stateswoman councilwoman
mother wife daughter sister girl widow grandmother aunt niece""".split()
)
MALE_WORDS = frozenset(
    """mr sir lord king prince duke emperor sheikh man men spokesman
congressman chairman businessman statesman councilman father husband son brother boy
widower grandfather uncle nephew""".split()
)


@lru_cache(maxsize=1)
def _detector():
    # loaded on first use: most commands never resolve a gendered pronoun; parsing the
    # package's name list takes most of a second, its pickle in the user cache a tenth
    from .. import cache

    key = cache.fingerprint([], "gender-guesser", cache.version("gender-guesser"))
    return cache.cached("gender-names", key, _build_detector)


def _build_detector():
    import gender_guesser.detector as gender_guesser

    return gender_guesser.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def first_name_gender(name: str) -> Optional[str]:
    answer = _detector().get_gender(name)
    return {"female": "F", "mostly_female": "F", "male": "M", "mostly_male": "M"}.get(answer)


def gender_of(mention, doc) -> Optional[str]:
    """ "F", "M" or None for a mention (see the module docstring); a pronoun mention has the
    gender of what it refers to."""
    while mention.antecedent is not None:
        mention = mention.antecedent
    if not mention.person or mention.plural:
        return None
    words = [t for t in doc[mention.start : mention.end]]
    for t in words:
        low = t.lower_.rstrip(".")
        if low in FEMALE_WORDS:
            return "F"
        if low in MALE_WORDS:
            return "M"
    # every capitalised word before the surname, so that a title in front ("Senator",
    # "Prime Minister") is passed over; then the first name of the knowledge-base entry
    names = [t.text for t in words if t.pos_ == "PROPN" and t.text[:1].isupper()]
    entity_name = (mention.entity.name or "").split()
    for first in names[:-1] + entity_name[:1]:
        if first.isalpha() and len(first) > 1:
            found = first_name_gender(first)
            if found:
                return found
    return None
