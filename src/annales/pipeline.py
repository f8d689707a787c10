"""Builds the stages once and applies them to articles.

    doc      = nlp(article.text)                           nlp.py
    mentions = resolver(doc, published)                    actors/    -> MentionIndex
    speech   = analyse_speech(doc, mentions)               events/attribution.py -> SpeechIndex
    drafts   = with_reciprocals(extract(doc, mentions, lexicon))
                                                           events/extract.py -> list[Draft]
                                                           (two-way dictionary codes: reciprocal.py)
    places   = find_places(doc, gazetteer)                 normalize/places.py
    per draft: modality_of(trigger), speech.attribution_for(trigger),
               resolve_date(trigger, published),           events/modality.py, normalize/dates.py
               rank_places(trigger, candidate places)      normalize/event_location.py
               -> location, and the recipient of a material act done to no one named:
               scene_recipient(event, place)               events/scene.py
    story    = story type of headline + body + events      story/ (learned, optional)

Every stage is a plain function or a small callable over spaCy docs and typed objects, so each
can be tested alone on a hand-built doc.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable, Iterator, Optional, Sequence

from . import nlp as _nlp
from .actors import ActorResolver, load_kb
from .actors.petrarch import read_actors, read_agents
from .events.attribution import analyse_speech
from .events.completion import complete, speaker_at_home
from .events.context import article_context
from .events.extract import extract
from .events.lexicon import native_lexicon
from .events.modality import modality_of
from .events.reciprocal import with_reciprocals
from .events.scene import scene_recipient
from .events.trips import not_a_visit
from .events.verb_lexicon import build_lexicon
from .normalize.dates import parse_published, resolve_date
from .normalize.event_location import rank_places
from .normalize.gazetteer import load_gazetteer
from .normalize.places import find_places
from .schema import Article, CodedArticle, Event, Quote, Span, StoryType
from .sentence_bounds import sentence_cut_notes
from .story import NameSet, load_embeddings, load_story_model, sentence_case, verb_reading


class Pipeline:
    """The whole coder.  Build once (it loads spaCy and the knowledge base), call many times.

    >>> p = Pipeline()
    >>> events = p.code("Iran rejected the proposal.", published="2017-01-12")
    """

    def __init__(
        self,
        *,
        model: str = _nlp.MODEL,
        actors: Sequence[str] = (),
        agents: Sequence[str] = (),
        builtin_kb: bool = True,
        verbs: Sequence[str] = (),
        builtin_lexicon: bool = True,
        story_types: bool = True,
        unanchored: bool = False,
        kb: Sequence[str] = (),
        lexicon: Sequence[str] = (),
        places: Sequence[str] = (),
    ):
        """`actors`, `agents`, `verbs`: PETRARCH/TABARI dictionaries.  `kb`: folders of
        knowledge-base tables, `lexicon`: event-lexicon files or folders, `places`: files of
        places, each in the built-in data's own format (docs/extending.md) and checked like
        it.  Everything read here belongs to this pipeline: another one built with other
        data in the same process sees none of it."""
        # the gazetteer first: data errors in --places show before the model loads
        self.gazetteer = load_gazetteer(places)
        self.nlp = _nlp.load(model)
        # events with no actor, recipient or place are left out unless asked for (anchored())
        self.unanchored = unanchored
        knowledge = load_kb(empty=not builtin_kb, folders=kb)
        for path in actors:
            knowledge.add_entries(read_actors(path))
        for path in agents:
            knowledge.add_sector_words(read_agents(path))
        self.kb = knowledge
        self.resolver = ActorResolver(knowledge, self.nlp.vocab, places=self.gazetteer)
        # PETRARCH verb dictionaries extend the native lexicon (built-in and user rows), or
        # stand alone
        native = native_lexicon(builtin_lexicon, lexicon) if builtin_lexicon or lexicon else None
        self.lexicon = build_lexicon(verbs, native)
        # the story-type model (story/): loaded now so a missing package fails at start-up
        self.story_model = load_story_model() if story_types else None
        self.body_story_model = load_story_model(body_only=True) if story_types else None
        self.embeddings = load_embeddings() if story_types else None
        self._names: Optional[NameSet] = None

    # -- public ---------------------------------------------------------------------------------
    def code(self, text: str, published: Optional[str] = None) -> list[Event]:
        """Events of one text (the `annales.code` entry point)."""
        article = Article(id=Article.make_id(text), text=text, published=published)
        return self.code_article(article).events

    def code_article(self, article: Article) -> CodedArticle:
        return self.code_doc(article, self.nlp(article.text))

    def code_articles(
        self, articles: Iterable[Article], batch_size: int = 32
    ) -> Iterator[CodedArticle]:
        """Stream of coded articles; spaCy parses in batches (nlp.pipe), in input order."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self.code_doc(article, doc)

    # -- stages ---------------------------------------------------------------------------------
    def code_doc(self, article: Article, doc) -> CodedArticle:
        published = parse_published(article.published)
        events, speech = self._events(article, doc, published)
        quotes = [Quote(article_id=article.id, **q) for q in speech.quotes]
        # the story type reads every event the text names, anchored or not
        story = self._story_type(article, events, published) if self.story_model else None
        kept: list[Event] = []
        left: list[Event] = []
        for e in events:
            (kept if self.unanchored or anchored(e) else left).append(e)
        return CodedArticle(
            article=article,
            events=kept,
            quotes=quotes,
            story_type=story,
            notes=sentence_cut_notes(article, doc),
            unanchored=left,
        )

    def _events(self, article: Article, doc, published: Optional[date]):
        mentions = self.resolver(doc, published)
        speech = analyse_speech(doc, mentions)
        # speculative: unknown proper names can be places too (the location ranker's candidates)
        places = find_places(doc, self.gazetteer, speculative=True)
        sent_index = {s.start: i for i, s in enumerate(doc.sents)}
        events: list[Event] = []
        seen: set[str] = set()
        context = article_context(doc, mentions, self.gazetteer, self.kb.country_name)
        for draft in with_reciprocals(extract(doc, mentions, self.lexicon)):
            draft = complete(draft, context)
            if not_a_visit(draft, self.gazetteer):
                continue
            event = self._record(article, draft, published, speech, sent_index)
            if event.attribution is not None:
                event.attribution.speaker = speaker_at_home(event.attribution.speaker, context)
            scene = rank_places(draft.trigger, _candidate_places(event, places))
            event.location = scene.to_location() if scene is not None else None
            recipient = scene_recipient(event, scene)
            if recipient is not None:
                event.recipient = [recipient]
            if event.id not in seen:  # the same trigger can be reached from two heads
                seen.add(event.id)
                events.append(event)
        return events, speech

    def _story_type(
        self, article: Article, events: list[Event], published: Optional[date]
    ) -> StoryType:
        title = article.title or ""
        model = self.story_model if title.strip() else self.body_story_model
        # called only when the pipeline was built with story types, so all three are loaded
        assert model is not None and self.embeddings is not None
        return model.predict(
            model.featurizer.vectors(
                self.embeddings,
                [title],
                [article.text],
                [events],
                [self.headline_events(article, published)],
            )[0]
        )

    def headline_events(self, article: Article, published: Optional[date] = None) -> list[Event]:
        """Events of the headline alone, written in sentence case first (story/headline.py).
        They feed the story type; they are not records of their own (the body tells the same
        events with their sentences)."""
        if not article.title or not article.title.strip():
            return []
        if self._names is None:
            self._names = NameSet([a for a, _ in self.kb.aliases()] + self.gazetteer.aliases())
        title = sentence_case(article.title, self._names)
        doc = self.nlp(title)
        events = self._events(
            Article(id=article.id, text=title, published=article.published), doc, published
        )[0]
        if not events:  # "Air force bombs bandit hideouts": the verb read as a noun
            again = verb_reading(doc, self.lexicon.has_verb)
            if again:
                events = self._events(
                    Article(id=article.id, text=again, published=article.published),
                    self.nlp(again),
                    published,
                )[0]
        return events

    def _record(
        self, article: Article, draft, published: Optional[date], speech, sent_index: dict
    ) -> Event:
        tok = draft.trigger
        sent = tok.sent
        entry = draft.entry
        trigger = Span(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text))
        i = sent_index[sent.start]
        return Event(
            id=Event.make_id(
                article.id,
                i,
                trigger,
                entry.event,
                entry.cameo,
                draft.actors[0].code if draft.actors else None,
            ),
            article_id=article.id,
            sentence_index=i,
            sentence=sent.text.strip(),  # spaCy keeps paragraph breaks on the last token
            event=entry.event,
            mode=entry.mode,
            cameo=entry.cameo,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            actor=draft.actors,
            recipient=draft.recipients,
            modality=draft.modality or modality_of(tok),
            attribution=speech.attribution_for(tok),
            date=resolve_date(tok, published),
            location=None,
            trigger=trigger,
            confidence=draft.confidence,
        )


def anchored(event: Event) -> bool:
    """An event a user can place: it has an actor or a recipient with a code, a country or a
    sector, or a location.  One with none of them ("the allegations", "gunfire crackled") enters no
    dyad, country panel or map, and on the real-news set such records are as often wrong
    as right about the event type (19 of 36 paired with a gold event, 2 with its actor and
    modality, 2026-12-06): they are left out unless `unanchored=True` (`--unanchored`)."""

    def placed(entities) -> bool:  # a sector says who too: "police arrested protesters"
        return any(e.country or e.code or e.sector for e in entities)

    return placed(event.actor) or placed(event.recipient) or event.location is not None


def _candidate_places(event: Event, places: list) -> list:
    """Places that can be where `event` happened.  For verbal events (quad classes 1 and 3:
    statements, appeals, recognition, accusations) a place that is the actor or the addressee
    is not the scene: "may recognize Palestine" did not happen in Palestine.  Material events
    keep them: "troops shelled Gaza" did happen in Gaza, as the location gold set has it."""
    if event.quad_class not in (1, 3):
        return places
    spans = [(e.start, e.end) for e in event.actor + event.recipient if e.start is not None]
    return [
        p
        for p in places
        if not any(p.start_char < end and start < p.end_char for start, end in spans)
    ]


_default: Optional[Pipeline] = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def code(text: str, published: Optional[str] = None) -> list[Event]:
    """Code one English news text into event records.

    >>> import annales
    >>> annales.code("Israel refused to recognize the resolution.", published="2017-01-12")
    """
    return default_pipeline().code(text, published=published)
