"""Resolution rules for one doc: noun-phrase head -> Mention (see data/kb/README.md, "Rules").

In order, for a head token:
1. a pronoun goes to coref (relative "who/which" to the noun it modifies);
2. a head inside a KB alias match is that entry ("the Palestinian Authority", "the Kremlin"),
   even when the tagger did not call it a noun ("Pezeshkian said" comes out ADJ);
3. a sector word or generic actor noun takes its country from a KB modifier ("Israeli troops",
   "Israel's prime minister"; a possessor first: "Libya's UN-backed government", or a possessor
   that is a mention itself: "the country's president"), else from its "of"/"from" object
   ("members of the European Union", "soldiers from Gondor"; "for" after spokesman), or for
   people the country of an "in" place ("lawmakers in Fornost", "protesters in Paris" ->
   FRACVL, not the French government), a later conjunct
   sharing the first one's ("the Danish media and government"),
   else, after "the", from an earlier mention ("the official"), else stays a sector alone;
4. a proper noun is a named actor: its KB modifiers give it a country when it is a person
   ("Syrian President Bashar al-Assad"), otherwise it stays unknown with null codes;
5. anything else ("construction", "the proposal") is not an actor.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Optional

from ..schema import Entity
from .coref import FIRST_PERSON, PRONOUNS, resolve_definite, resolve_pronoun
from .kb import SECTOR_LABELS, entity_of
from .mentions import Mention, MentionIndex
from .phrases import (
    SUBJECT_DEPS,
    appositive,
    determiner,
    first_conjunct,
    modifiers,
    np_bounds,
    owner_object,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .kb import KBEntry

# Named-entity types that are never actors, whatever the noun ("Sunday", "1967", "$5").
NOT_ACTORS = frozenset(
    "DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL LAW LANGUAGE "
    "WORK_OF_ART EVENT FAC PRODUCT".split()
)
PLACES = frozenset({"GPE", "LOC", "FAC"})
PLACE_KINDS = frozenset({"country", "metonym", "dictionary"})  # what "in X" can locate
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
ANAPHORIC_PERSON = frozenset("he she they we i him her them us me".split())
SPOKES = frozenset("spokesman spokeswoman spokesperson".split())
HONORIFICS = frozenset(
    "mr mrs ms miss dr sir lord lady dame sheikh sheik sayyed sayyid "
    "ayatollah gen general adm admiral col colonel lt rev father madame "
    "monsieur herr prince princess field marshal".split()
)


OPEN_QUOTES, CLOSE_QUOTES = frozenset("“‘«"), frozenset("”’»")


def quoted_tokens(doc) -> list[bool]:
    """Whether each token is inside quotation marks (straight quotes toggle; a paragraph break
    closes an unclosed quote, as news paragraphs that continue a quote reopen it)."""
    out, inside = [], False
    for tok in doc:
        text = tok.text
        if text in OPEN_QUOTES or (text == '"' and not inside):
            inside = True
            out.append(False)
            continue
        if text in CLOSE_QUOTES or text == '"':
            inside = False
        elif "\n\n" in text or (tok.is_space and "\n" in text):
            inside = False
        out.append(inside)
    return out


def salience(head) -> int:
    if head.dep_ not in SUBJECT_DEPS:
        return 0
    return 2 if head.head.dep_ == "ROOT" else 1


class DocAnalysis:
    def __init__(self, resolver, doc, published: Optional[date]):
        self.kb = resolver.kb
        self.places = getattr(resolver, "places", None)
        self.doc = doc
        self.day = published
        self.names = resolver.name_spans(doc)
        self.sectors = resolver.sector_spans(doc)
        self.sentence_starts = [s.start for s in doc.sents]
        self.quoted = quoted_tokens(doc)
        self.mentions: list[Mention] = []
        self._memo: dict[int, Optional[Mention]] = {}

    def run(self) -> MentionIndex:
        for tok in self.doc:
            if tok.dep_ in ("compound", "flat", "amod") or (
                tok.pos_ not in ("NOUN", "PROPN", "PRON") and not self._mistagged_name(tok)
            ):
                continue
            m = self.analyse(tok)
            if m is not None:
                self.mentions.append(m)
        return MentionIndex(self.doc, self.mentions, self.analyse, self.demonym, places=self.places)

    def demonym(self, tok) -> Optional[Entity]:
        entry = self.names.get(tok.i)
        if entry is None or entry.kind != "country":
            return None
        start, end = np_bounds(tok.head if tok.dep_ == "amod" else tok)
        span = self.doc[start:end]
        return entity_of(
            self.kb, entry, self.day, text=span.text, start=span.start_char, end=span.end_char
        )

    def analyse(self, head) -> Optional[Mention]:
        if head.i not in self._memo:
            self._memo[head.i] = None  # a cycle through "of"/appos stops here
            self._memo[head.i] = self._analyse(head)
        return self._memo[head.i]

    # -- rules ----------------------------------------------------------------------------------
    def _analyse(self, head) -> Optional[Mention]:
        if head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$", "WP", "WDT"):
            return self._pronoun(head)
        if head.pos_ not in ("NOUN", "PROPN") and not self._mistagged_name(head):
            return None
        start, end = np_bounds(head)
        span = self.doc[start:end]
        base = dict(
            start=start,
            end=end,
            head=head.i,
            salience=salience(head),
            sentence=head.sent.start,
            plural=head.tag_ in ("NNS", "NNPS"),
            quoted=self.quoted[head.i],
        )
        where = dict(text=span.text, start=span.start_char, end=span.end_char)
        entry = self.names.get(head.i)
        if entry is not None and self._other_first_name(head, entry):
            entry = None  # "Ivanka Trump" is not Donald Trump
        if entry is not None:
            # an office in front of a bare-country name narrows it, as an agent word does in
            # PETRARCH: "Bree President Romendacil" -> BREGOV; a dated role is never overridden
            entity = entity_of(self.kb, entry, self.day, **where)
            if entity.code and entity.code == entity.country:
                sector = self._modifier_hits(head)[1] or self._shared_sector(head)
                if sector:
                    entity = entity_of(self.kb, entry, self.day, sector=sector, **where)
            return Mention(
                entity=entity, entry=entry, kind=entry.kind, person=entry.kind == "person", **base
            )
        if head.ent_type_ in NOT_ACTORS:
            return None
        key = self.sectors.get(head.i)
        generic = self.kb.generic_nouns.get(head.lemma_.lower()) if key is None else None
        mod_entry, mod_sector = self._modifier_hits(head)
        if key is not None and head.pos_ == "PROPN" and self._named(head):
            key = None
        if key is not None or generic is not None:
            sector = self.kb.sector_words[key].sector if key is not None else None
            person = key in self.kb.person_words if key is not None else bool(generic)
            return self._common_noun(head, sector, person, mod_entry, base, where)
        if head.pos_ == "PROPN":
            person = head.ent_type_ == "PERSON"
            if mod_entry is not None and person:
                return Mention(
                    entity=entity_of(self.kb, mod_entry, self.day, sector=mod_sector, **where),
                    entry=mod_entry,
                    kind=mod_entry.kind,
                    person=True,
                    **base,
                )
            earlier = self._short_name(head, start, end)
            if earlier is not None and earlier.entry is not None:
                return Mention(
                    entity=entity_of(self.kb, earlier.entry, self.day, **where),
                    entry=earlier.entry,
                    kind="short_name",
                    person=True,
                    antecedent=earlier,
                    **base,
                )
            partner = self._slash_partner(head)
            if partner is not None:
                return Mention(
                    entity=entity_of(self.kb, partner, self.day, **where),
                    entry=partner,
                    kind=partner.kind,
                    person=person,
                    **base,
                )
            app = appositive(head)
            inner = self.analyse(app) if app is not None else None
            if inner is not None and inner.entity.country:
                return Mention(
                    entity=replace(inner.entity, **where),
                    entry=inner.entry,
                    kind=inner.kind,
                    person=person,
                    **base,
                )
            return Mention(
                entity=Entity(**where), entry=None, kind="unknown", person=person, **base
            )
        return None

    def _common_noun(self, head, sector, person, mod_entry, base, where) -> Mention:
        anonymous = person
        if mod_entry is None:
            # "the country's president", "its army": a possessor that is itself a mention
            mod_entry = self._possessor_entry(head)
        # "the Danish media and government": a later conjunct shares the first one's owner
        anchors = [head] + ([first_conjunct(head)] if head.dep_ == "conj" else [])
        for anchor in anchors:
            if anchor is not head:
                mod_entry = self._modifier_hits(anchor)[0]
            if mod_entry is not None:
                return Mention(
                    entity=entity_of(self.kb, mod_entry, self.day, sector=sector, **where),
                    entry=mod_entry,
                    kind=mod_entry.kind,
                    person=person,
                    anonymous=anonymous,
                    **base,
                )
            owner = owner_object(anchor) or self._spoken_for(anchor)
            inner = self.analyse(owner[1]) if owner is not None else None
            if owner is None or inner is None or not inner.entity.country:
                continue
            if owner[0] == "in":  # "lawmakers in Fornost": the place's country, not its seat
                if not person or inner.kind not in PLACE_KINDS:
                    continue
                entity = self._in_country(inner, sector, where)
            elif sector and inner.entry is not None and inner.entity.sector is None:
                # narrow only what is not narrowed yet: "the army of Syria" -> SYRMIL, but
                # "members of the Obama administration" keep the administration's USAGOV
                entity = entity_of(self.kb, inner.entry, self.day, sector=sector, **where)
            else:
                entity = replace(inner.entity, **where)
            return Mention(
                entity=entity,
                entry=inner.entry,
                kind=inner.kind,
                person=person,
                anonymous=anonymous,
                **base,
            )
        if determiner(head) in DEFINITE:
            ante = resolve_definite(head, sector, person, self.mentions, self.sentence_starts)
            if ante is not None:
                return Mention(
                    entity=replace(ante.entity, **where),
                    entry=ante.entry,
                    kind="definite",
                    person=person,
                    anonymous=ante.anonymous,
                    antecedent=ante,
                    **base,
                )
        return Mention(
            entity=Entity(sector=sector, **where),
            entry=None,
            kind="sector" if sector else "unknown",
            person=person,
            anonymous=anonymous,
            **base,
        )

    def _short_name(self, head, start: int, end: int) -> Optional[Mention]:
        """A name that is part of a person named in full earlier in the article: "Kim" after
        "Kim Jong Un", "Lam" after "Carrie Lam", "Bin Salman" after "Mohammed bin Salman".
        News style names a person in full first; the KB cannot list bare surnames that
        several people share."""
        words = {t.lower_ for t in self.doc[start:end] if t.pos_ == "PROPN" or t.i == head.i}
        for m in reversed(self.mentions):
            if (
                m.person
                and m.entry is not None
                and m.head < head.i
                and words
                <= {
                    w
                    for alias in [m.entry.name, *m.entry.aliases]
                    for w in alias.lower().replace("-", " ").split()
                }
            ):
                return m
        return None

    def _slash_partner(self, head):
        """ "the YPG/YPJ": two names joined by a slash are one actor (a group and its wing,
        a party and its list); an unknown second name takes the known first one's entry."""
        if head.i < 2 or head.doc[head.i - 1].text != "/":
            return None
        entry = self.names.get(head.i - 2)
        return entry if entry is not None and entry.kind != "person" else None

    def _spoken_for(self, head) -> Optional[tuple[str, Token]]:
        """("for", X) for "a spokesman for Hamas": whose voice a spokesperson is.  Only these
        words: "the envoy for Syria" is not Syria's envoy."""
        if head.lemma_.lower() not in SPOKES:
            return None
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "for":
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return "for", obj
        return None

    def _possessor_entry(self, head):
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None or owner.i == head.i:
            return None
        m = self.analyse(owner)
        return m.entry if m is not None and m.entity.country else None

    def _in_country(self, inner: Mention, sector: Optional[str], where: dict) -> Entity:
        country = inner.entity.country
        assert country, "only a mention with a country is placed in it"
        label = SECTOR_LABELS.get(sector, sector) if sector else None
        name = self.kb.country_name(country) or inner.entity.name
        return Entity(
            name=f"{name} {label}" if label else name,
            code=country + (sector or ""),
            country=country,
            sector=sector,
            kb_id=inner.entity.kb_id,
            **where,
        )

    def _shared_sector(self, head) -> Optional[str]:
        """ "the Israeli and Palestinian leaders": a coordinated modifier shares its noun's
        sector word, so "Palestinian" there is PSEGOV, not the bare country."""
        first = first_conjunct(head)
        if first is head or first.dep_ not in ("amod", "compound"):
            return None
        key = self.sectors.get(first.head.i)
        return self.kb.sector_words[key].sector if key is not None else None

    def _other_first_name(self, head, entry) -> bool:
        """A person matched by surname alone, preceded by a capitalized given name that is not
        part of any alias ("Melania Trump"): someone else of that name, not the KB's person.
        Honorifics and office words ("Mr", "President") do not count as given names."""
        if entry.kind != "person" or (head.i > 0 and self.names.get(head.i - 1) is entry):
            return False
        return any(
            c.dep_ in ("compound", "flat")
            and c.pos_ == "PROPN"
            and c.is_title
            and c.i not in self.names
            and c.i not in self.sectors
            and c.lower_.rstrip(".") not in HONORIFICS
            for c in head.lefts
        )

    def _mistagged_name(self, tok) -> bool:
        """A capitalized KB name the small model tagged as something else ("Pezeshkian said"
        parses as ADJ, "Baerbock visited" as ADP) but that heads a nominal slot."""
        return (
            tok.i in self.names
            and tok.text[:1].isupper()
            and tok.dep_ not in ("amod", "acomp", "compound", "flat")
        )

    def _named(self, head) -> bool:
        """A place name that merely ends in a sector word ("the West Bank", "Police Square")."""
        return head.ent_type_ in PLACES and any(
            t.pos_ == "PROPN" and t.i not in self.names and t.i not in self.sectors
            for t in head.children
            if t.dep_ in ("compound", "flat")
        )

    def _modifier_hits(self, head) -> tuple[Optional[KBEntry], Optional[str]]:
        """The nearest KB entry and the nearest sector word among the head's modifiers; a
        possessor wins over nearer modifiers ("Libya's UN-backed government" is Libya's)."""
        entry, sector = None, None
        owner = next((c for c in head.children if c.dep_ == "poss" and c.i in self.names), None)
        if owner is not None:
            entry = self.names[owner.i]
        for tok in modifiers(head):
            if entry is None and tok.i in self.names:
                entry = self.names[tok.i]
            elif sector is None and tok.i in self.sectors:
                sector = self.kb.sector_words[self.sectors[tok.i]].sector
        return entry, sector

    def _later_speaker(self, tok) -> Optional[Mention]:
        """The person who speaks a quotation from after it: '"We will not accept this,"
        Hollande said' - the subject outside quotation marks later in the sentence."""
        for t in tok.sent:
            if t.i > tok.i and not self.quoted[t.i] and t.dep_ in SUBJECT_DEPS:
                m = self.analyse(t)
                if m is not None and m.person:
                    return m
        return None

    def _pronoun(self, tok) -> Optional[Mention]:
        word = tok.lower_
        ante: Optional[Mention] = None
        if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
            ante = self.analyse(tok.head.head)
        elif word in PRONOUNS:
            ante = resolve_pronoun(tok, self.mentions, self.sentence_starts, self.quoted[tok.i])
            if ante is None and self.quoted[tok.i] and word in FIRST_PERSON:
                ante = self._later_speaker(tok)
        where = dict(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text))
        base = dict(
            start=tok.i,
            end=tok.i + 1,
            head=tok.i,
            salience=salience(tok),
            sentence=tok.sent.start,
            quoted=self.quoted[tok.i],
        )
        if ante is not None:
            return Mention(
                entity=replace(ante.entity, **where),
                entry=ante.entry,
                kind="pronoun",
                person=ante.person,
                plural=ante.plural or word in ("they", "them", "we", "us"),
                anonymous=ante.anonymous,
                antecedent=ante,
                **base,
            )
        if word in ANAPHORIC_PERSON:  # someone, though we cannot say who
            return Mention(
                entity=Entity(**where),
                entry=None,
                kind="unknown",
                person=True,
                plural=word in ("they", "them", "we", "us"),
                anonymous=True,
                **base,
            )
        return None
