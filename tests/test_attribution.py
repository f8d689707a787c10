"""Attribution: reported speech, "according to", and quotations (events/attribution.py)."""

from __future__ import annotations

from typing import Optional

import pytest

from annales.events.attribution import analyse_speech
from annales.events.quotes import find_quote_spans
from annales.schema import Entity

QUOTE_KEYS = {"speaker", "text", "start", "end", "cue", "anonymous"}


class FakeMentions:
    """Stands in for the actors' MentionIndex: named heads map to coded entities."""

    def __init__(self, doc, codes: dict[str, str], antecedents: Optional[dict[int, int]] = None):
        self.doc, self.codes, self.antecedents = doc, codes, antecedents or {}

    def _entity(self, tok) -> Entity:
        return Entity(
            text=tok.text, code=self.codes.get(tok.text), start=tok.idx, end=tok.idx + len(tok.text)
        )

    def entity_for(self, token) -> Optional[Entity]:
        return self._entity(token) if token.text in self.codes else None

    def speaker_for(self, token) -> Optional[Entity]:
        return self.entity_for(token)

    def antecedent_for(self, token) -> Optional[Entity]:
        i = self.antecedents.get(token.i)
        return None if i is None else self._entity(self.doc[i])


def _tok(doc, word, nth=0):
    return [t for t in doc if t.text == word][nth]


def _attr(nlp, text, word, nth=0, mentions=None):
    doc = nlp(text)
    return analyse_speech(doc, mentions).attribution_for(_tok(doc, word, nth))


# --- reported speech -----------------------------------------------------------------------------
def test_own_voice_is_null(nlp):
    assert _attr(nlp, "Israel attacked the convoy near Gaza.", "attacked") is None


@pytest.mark.parametrize(
    "text,word,speaker,cue",
    [
        (
            "Russian Foreign Minister Sergei Lavrov said that Turkey had attacked the convoy.",
            "attacked",
            "Russian Foreign Minister Sergei Lavrov",
            "said",
        ),
        ("Lavrov said Turkey attacked the convoy.", "attacked", "Lavrov", "said"),
        ("Iran rejected the proposal, officials said.", "rejected", "officials", "said"),
        ("Israel, he said, attacked the convoy.", "attacked", "he", "said"),
        (
            "The talks, the minister added, would resume next week.",
            "resume",
            "the minister",
            "added",
        ),
        (
            "The Palestinian leadership is working with Western governments, a member of the PLO "
            "executive council told Breitbart Jerusalem.",
            "working",
            "a member of the PLO executive council",
            "told",
        ),
        (
            "The minister claimed that Israel had violated the ceasefire.",
            "violated",
            "The minister",
            "claimed",
        ),
        (
            "The minister conceded that the White House does not back the move.",
            "back",
            "The minister",
            "conceded",
        ),
        ("The minister warned that Iran would retaliate.", "retaliate", "The minister", "warned"),
        (
            '"We are ready," Lavrov said, adding that the talks would resume in Geneva.',
            "resume",
            "Lavrov",
            "adding",
        ),
        ("Lavrov went on to say that the talks would resume.", "resume", "Lavrov", "say"),
        (
            "According to diplomats, France may recognize Palestine.",
            "recognize",
            "diplomats",
            "according to",
        ),
        (
            "France may recognize Palestine, according to a senior official.",
            "recognize",
            "a senior official",
            "according to",
        ),
    ],
)
def test_reported_speech(nlp, text, word, speaker, cue):
    a = _attr(nlp, text, word)
    assert a is not None and a.speaker.text == speaker and a.cue == cue
    assert a.quoted is False


def test_reporting_verb_itself_is_in_article_voice(nlp):
    assert _attr(nlp, "Lavrov said Turkey attacked the convoy.", "said") is None


def test_nested_report_takes_outermost_speaker_and_its_cue(nlp):
    a = _attr(nlp, "Kerry said Netanyahu claimed that Iran attacked the ship.", "attacked")
    assert (a.speaker.text, a.cue) == ("Kerry", "said")
    inner = _attr(nlp, "Kerry said Netanyahu claimed that Iran attacked the ship.", "claimed")
    assert (inner.speaker.text, inner.cue) == ("Kerry", "said")


@pytest.mark.parametrize(
    "text,cue",
    [
        ("Iran is said to have attacked the convoy.", "said"),
        ("Iran is reported to have attacked the convoy.", "reported"),
        ("Iran reportedly attacked the convoy near Basra.", "reportedly"),
    ],
)
def test_hearsay_names_nobody(nlp, text, cue):
    a = _attr(nlp, text, "attacked")
    assert a.speaker is None and a.cue == cue and a.anonymous is True


def test_named_source_beats_hearsay_adverb(nlp):
    a = _attr(nlp, "Israel allegedly attacked the convoy, Lavrov said.", "attacked")
    assert (a.speaker.text, a.cue, a.anonymous) == ("Lavrov", "said", False)


@pytest.mark.parametrize(
    "text,word,anonymous",
    [
        ("Diplomats say France plans to recognize Palestine.", "recognize", True),
        ("Sources said Iran had attacked the convoy.", "attacked", True),
        ("A senior official said the talks collapsed.", "collapsed", True),
        ("Witnesses said soldiers fired on the crowd.", "fired", True),
        ("A senior official, John Smith, said the talks collapsed.", "collapsed", False),
        ("The ministry said troops withdrew from the town.", "withdrew", False),
        ("The foreign minister said troops withdrew from the town.", "withdrew", False),
        ("Lavrov said troops withdrew from the town.", "withdrew", False),
    ],
)
def test_anonymous_speakers(nlp, text, word, anonymous):
    assert _attr(nlp, text, word).anonymous is anonymous


# --- quotations ----------------------------------------------------------------------------------
def test_quote_spans_on_characters():
    text = 'He said: "We are ready." Then “Talks will resume,” he added.'
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["We are ready.", "Talks will resume"]


def test_unclosed_quote_ends_with_its_paragraph():
    text = "“First paragraph of the quote.\n\n“Second paragraph,” he said."
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == [
        "First paragraph of the quote.",
        "Second paragraph",
    ]


@pytest.mark.parametrize(
    "text",
    [
        '"We will never surrender," said the minister.',
        '"We will never surrender," the minister said.',
        'The minister said: "We will never surrender."',
    ],
)
def test_quote_in_one_sentence(nlp, text):
    doc = nlp(text)
    speech = analyse_speech(doc, None)
    a = speech.attribution_for(_tok(doc, "surrender"))
    assert a.speaker.text.lower() == "the minister" and a.cue == "said"
    assert a.quoted is True and a.anonymous is False
    [q] = speech.quotes
    assert set(q) == QUOTE_KEYS
    assert doc.text[q["start"] : q["end"]] == q["text"]
    assert q["text"].startswith("We will never surrender") and '"' not in q["text"]


def test_quote_spanning_sentences_and_continuation(nlp):
    text = (
        'Lavrov met Kerry in Geneva. "Talks will resume. We are ready," Lavrov told '
        'reporters. "The ball is in Washington\'s court."\n\nHe added: "Nothing will change."'
    )
    doc = nlp(text)
    speech = analyse_speech(doc, None)
    assert [q["text"] for q in speech.quotes] == [
        "Talks will resume. We are ready",
        "The ball is in Washington's court.",
        "Nothing will change.",
    ]
    assert [q["cue"] for q in speech.quotes] == ["told", "told", "added"]
    assert all(q["speaker"].text == "Lavrov" for q in speech.quotes)
    resume = speech.attribution_for(_tok(doc, "resume"))  # first sentence of a 2-sentence quote
    assert resume.speaker.text == "Lavrov" and resume.quoted
    assert speech.attribution_for(_tok(doc, "met")) is None


def test_he_added_resolves_to_last_named_speaker(nlp):
    text = (
        "A senior Palestinian official said the talks would resume. Netanyahu was not "
        'available. "We will not give up," he added.'
    )
    doc = nlp(text)
    speech = analyse_speech(doc, None)
    a = speech.attribution_for(_tok(doc, "give"))
    assert a.speaker.text == "A senior Palestinian official" and a.anonymous and a.cue == "added"


def test_scare_quotes_are_not_statements(nlp):
    doc = nlp(
        'The protesters called Israel an "occupying power" and took the “Palestine” '
        "campaign to the UN."
    )
    speech = analyse_speech(doc, None)
    assert speech.quotes == []
    assert speech.attribution_for(_tok(doc, "occupying")) is None
    doc = nlp('Israel called the resolution "shameful" and said it would not comply.')
    assert analyse_speech(doc, None).quotes == []


def test_stray_and_straight_marks():
    text = 'A 12" gun fired. He said "no" to the "deal," officials said.'
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == ["no", "deal"]


def test_partial_quote_inside_reported_clause(nlp):
    doc = nlp('Lavrov said the talks would be "a step towards peace in Syria".')
    speech = analyse_speech(doc, None)
    [q] = speech.quotes
    assert q["speaker"].text == "Lavrov" and q["text"] == "a step towards peace in Syria"
    assert speech.attribution_for(_tok(doc, "step")).quoted is True


def test_quote_without_any_speaker_keeps_speaker_null(nlp):
    doc = nlp('"We will fight until the end." The statement was posted online.')
    speech = analyse_speech(doc, None)
    [q] = speech.quotes
    assert q["speaker"] is None and q["cue"] is None and q["anonymous"] is False


# --- with a MentionIndex -------------------------------------------------------------------------
def test_speaker_entity_comes_from_mentions(nlp):
    doc = nlp("Lavrov said Turkey attacked the convoy.")
    speech = analyse_speech(doc, FakeMentions(doc, {"Lavrov": "RUSGOV"}))
    assert speech.attribution_for(_tok(doc, "attacked")).speaker.code == "RUSGOV"


def test_pronoun_antecedent_inside_a_quote_is_not_the_speaker(nlp):
    text = 'Lavrov spoke in Geneva. "These resolutions will make Trump decide," he added.'
    doc = nlp(text)
    he, trump, lavrov = _tok(doc, "he"), _tok(doc, "Trump"), _tok(doc, "Lavrov")
    wrong = FakeMentions(doc, {"Lavrov": "RUSGOV", "Trump": "USAELI"}, {he.i: trump.i})
    assert analyse_speech(doc, wrong).quotes[0]["speaker"].code != "USAELI"
    right = FakeMentions(doc, {"Lavrov": "RUSGOV", "Trump": "USAELI"}, {he.i: lavrov.i})
    assert analyse_speech(doc, right).quotes[0]["speaker"].code == "RUSGOV"


# --- the flagship sample -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample_text(shared_dir):
    path = shared_dir / "samples" / "palestine-recognition-2017.txt"
    if not path.is_file():
        pytest.skip("flagship sample not present")
    return path.read_text(encoding="utf-8")


def _check_sample(doc, speech):
    first = next(iter(doc.sents))
    assert len(speech.quotes) == 6  # the scare quotes "Palestine" and "occupied ..." are not
    for q in speech.quotes:
        speaker = q["speaker"]
        assert speaker is not None and q["anonymous"] is True
        assert first.start_char <= speaker.start < first.end_char, q["text"][:40]
        assert "member of the PLO executive council" in speaker.text
    assert {q["cue"] for q in speech.quotes} == {"claimed", "said", "added"}
    # reported, not quoted: "he conceded that the White House does not currently back"
    back = speech.attribution_for(next(t for t in doc if t.text == "back"))
    assert back.cue == "conceded" and back.quoted is False and back.anonymous
    # the article's own voice
    allowed = next(t for t in doc if t.text == "allowed")
    assert speech.attribution_for(allowed) is None


def test_flagship_sample_without_mentions(nlp, sample_text):
    doc = nlp(sample_text)
    _check_sample(doc, analyse_speech(doc, None))


def test_flagship_sample_through_the_actor_resolver(pipeline, sample_text):
    from annales.normalize.dates import parse_published

    doc = pipeline.nlp(sample_text)
    mentions = pipeline.resolver(doc, parse_published("2017-01-12"))
    speech = analyse_speech(doc, mentions)
    _check_sample(doc, speech)
    assert all(q["speaker"].kb_id for q in speech.quotes)  # the resolver's coded entity


def test_flagship_sample_through_the_pipeline(pipeline, sample_text):
    coded = pipeline.code_article(
        __import__("annales").Article(id="s", text=sample_text, published="2017-01-12")
    )
    cooperate = next(e for e in coded.events if e.trigger.text == "cooperate")
    assert cooperate.modality == "negated"
    assert cooperate.attribution.quoted and cooperate.attribution.anonymous
    assert "PLO" in cooperate.attribution.speaker.text
    assert len(coded.quotes) == 6 and all(q.article_id == "s" for q in coded.quotes)
