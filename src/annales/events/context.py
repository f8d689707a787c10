"""What the whole article says about where it stands: built once per article, read by the
argument stage (parties.py).

    context = article_context(doc, mentions, gazetteer, country_name)

A reader of "the Senate delayed the hearing" in a story filed from WASHINGTON, or of "rebels shelled
the town" in a story about Syria, knows whose Senate and whose rebels without being told: news
names the country once, in the dateline or the first sentences, and leaves it implicit after.
The context keeps that country (the article's *home*), from

* the dateline ("WASHINGTON (Reuters) -"), looked up in the gazetteer, and
* the countries of the actors the article names, counted over the whole text, the lede
  counting double (it states what the story is about).

The dateline is one vote among the mentions, not the answer: "BRUSSELS (Reuters) - U.S.
envoy said ..." is a story about the United States filed from Belgium.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..nlp import dateline_end, dateline_place, text_of

# Votes, set by hand and checked on the real-news dev articles (not fitted to them): a
# dateline outweighs one passing mention but not a country the lede and body keep naming;
# the lede (the first sentence after the dateline) says what the story is about.
DATELINE_VOTES = 2
LEDE_VOTES = 2
# The home country must hold this share of all votes: an article that names five countries
# evenly has no home, and its sector words stay without one.
MIN_SHARE = 0.3
# Mention kinds that only repeat an earlier mention (they would count one actor twice).
REPEATS = frozenset({"pronoun", "definite", "short_name"})
# Who reports is not what the story is about: "(Reuters)", "told the BBC".
REPORTERS = frozenset({"MED"})


@dataclass(frozen=True)
class ArticleContext:
    home: Optional[str] = None  # ISO alpha-3 of the country the story is about
    home_name: Optional[str] = None  # its name in the knowledge base
    dateline: Optional[str] = None  # country of the dateline place, when there is one
    votes: dict = field(default_factory=dict)  # country -> votes, for explanations
    # sentence start (token index) -> the countries its mentions name, in text order
    sentence_countries: dict = field(default_factory=dict)
    # start offset of a pronoun or definite mention -> the words of the mention it stands for
    # ("Kurdish officials said they ...": "they" is as Kurdish as its antecedent)
    antecedents: dict = field(default_factory=dict)

    def words_of(self, entity) -> str:
        """The words that say who `entity` is: its antecedent's for a pronoun."""
        return self.antecedents.get(entity.start) or entity.text or ""

    def countries_near(self, sent) -> tuple:
        """The countries named in the sentence `sent` (a spaCy span), in text order."""
        return self.sentence_countries.get(sent.start, ())


def dateline_country(text: str, gazetteer) -> Optional[str]:
    """Country of the dateline's place ("WASHINGTON" -> USA, "PENSACOLA, Fla." -> USA):
    a country name itself, else the most populous place of that name."""
    place = dateline_place(text)
    if not place or gazetteer is None:
        return None
    for words in (place, place.split(",")[0], place.split("/")[0]):
        entries = gazetteer.lookup(words.title()) or gazetteer.lookup(words)
        countries = [e for e in entries if e.kind == "country" and e.country]
        if countries:
            return countries[0].country
        found = sorted((e for e in entries if e.country), key=lambda e: -e.population)
        if found:
            return found[0].country
    return None


def article_context(
    doc, mentions, gazetteer=None, country_name: Callable[[str], Optional[str]] = lambda c: c
) -> ArticleContext:
    """The article's home country from its dateline and the actors it names (see above).
    `country_name` names a state's code and gives None for an organization's ("UNO", "EUR",
    "IGO"), which never votes."""
    votes: Counter = Counter()
    near: dict = {}
    dateline = dateline_country(text_of(doc)[:80], gazetteer)
    if dateline:
        votes[dateline] += DATELINE_VOTES
    start = dateline_end(doc)
    lede_end = next((s.end for s in doc.sents if s.end > start), len(doc))
    antecedents: dict = {}
    for m in getattr(mentions, "mentions", []):
        if m.antecedent is not None and m.entity.start is not None:
            antecedents[m.entity.start] = m.antecedent.entity.text
        country = m.entity.country
        if country and country_name(country) and m.head < len(doc):
            named = near.setdefault(doc[m.head].sent.start, [])
            if country not in named:
                named.append(country)
        if (
            not country
            or m.kind in REPEATS
            or m.head < start
            or m.entity.sector in REPORTERS
            or not country_name(country)
        ):
            continue
        votes[country] += LEDE_VOTES if m.head < lede_end else 1
    home = None
    if votes:
        (top, n), total = votes.most_common(1)[0], sum(votes.values())
        tied = sum(1 for v in votes.values() if v == n) > 1
        if n >= MIN_SHARE * total and not tied:
            home = top
    return ArticleContext(
        home=home,
        home_name=country_name(home) if home else None,
        dateline=dateline,
        votes=dict(votes),
        sentence_countries={k: tuple(v) for k, v in near.items()},
        antecedents=antecedents,
    )
