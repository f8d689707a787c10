"""The story type (annales.story): features, headline sentence case, the model file, and the
pipeline and store plumbing.  Unit tests build tiny models by hand; the tests that load the
shipped model say so."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest

from annales.errors import StoryModelMissing
from annales.schema import EVENT_TYPES, Article, CodedArticle, StoryType
from annales.store import Store
from annales.story import Featurizer, NameSet, StoryTypeModel, WordEmbeddings, sentence_case
from annales.story.features import (
    N_EVENT_FEATURES,
    N_HEADLINE_FEATURES,
    Codes,
    Tfidf,
    code_terms,
    event_features,
    headline_features,
    terms,
)
from annales.story.headline import is_title_case, past_tense, verb_reading


def ev(kind, sentence=0, modality="asserted", mode=None, cameo=None):
    return SimpleNamespace(
        event=kind, modality=modality, sentence_index=sentence, mode=mode, cameo=cameo
    )


# -- features --------------------------------------------------------------------------------
def test_terms_are_words_and_word_pairs():
    assert terms("Troops shelled a town.") == [
        "troops",
        "shelled",
        "town",
        "troops shelled",
        "shelled town",
    ]
    assert terms("Troops shelled a town.", ngrams=1) == ["troops", "shelled", "town"]


def test_tfidf_follows_the_sublinear_smoothed_formula():
    docs = ["rebels attack town", "rebels attack attack", "leaders meet"]
    t = Tfidf.fit(docs, ngrams=1, min_df=1, max_terms=100)
    assert t.vocabulary == ["attack", "leaders", "meet", "rebels", "town"]
    idx, w = t.transform("attack attack town unknownword")
    got = dict(zip((t.vocabulary[i] for i in idx), w))
    raw = {"attack": (1 + math.log(2)) * (math.log(4 / 3) + 1), "town": math.log(4 / 2) + 1}
    norm = math.sqrt(sum(v * v for v in raw.values()))
    assert got == pytest.approx({k: v / norm for k, v in raw.items()})
    assert len(t.transform("nothing known")[0]) == 0


def test_tfidf_keeps_the_most_frequent_terms_and_drops_rare_ones():
    t = Tfidf.fit(["a1 common", "b2 common", "c3 common rare"], ngrams=1, min_df=2, max_terms=10)
    assert t.vocabulary == ["common"]
    t = Tfidf.fit(["x1 y1", "x1 y1", "x1 z1"], ngrams=1, min_df=1, max_terms=2)
    assert t.vocabulary == ["x1", "y1"]


def test_event_features_weigh_early_asserted_events_and_the_headline():
    k = len(EVENT_TYPES)
    a, c = EVENT_TYPES.index("ASSAULT"), EVENT_TYPES.index("CONSULT")
    v = event_features(
        [ev("ASSAULT", 0), ev("ASSAULT", 3, "hypothetical"), ev("NOT-A-TYPE")], [ev("CONSULT")]
    )
    assert v.shape == (N_EVENT_FEATURES,)
    assert v[a] == pytest.approx(1 + 1 / 4)  # every body event, by sentence
    assert v[k + a] == pytest.approx(1.0)  # asserted ones only
    assert v[2 * k + c] == 1.0 and v[2 * k + a] == 0.0
    assert v.sum() == pytest.approx(1.25 + 1 + 1)


def test_headline_features_split_by_modality_and_mark_the_first_event():
    k = len(EVENT_TYPES)
    agree, concede, coerce = (EVENT_TYPES.index(t) for t in ("AGREE", "CONCEDE", "COERCE"))
    # "Government agrees to lift curfew": AGREE asserted, then the promised act
    v = headline_features(
        [
            ev("AGREE"),
            ev("CONCEDE", modality="future"),
            ev("COERCE", modality="negated"),
            ev("NOT-A-TYPE"),
        ]
    )
    assert v.shape == (N_HEADLINE_FEATURES,)
    assert v[agree] == 1.0 and v[2 * k + concede] == 1.0 and v[k + coerce] == 1.0
    assert v[3 * k + agree] == 1.0 and v.sum() == 4.0  # only the first is "first"
    assert not headline_features([]).any()


def test_code_terms_name_mode_modality_and_cameo_of_headline_events():
    got = code_terms(
        [
            ev("RETREAT", mode="ceasefire", cameo="0871"),
            ev("ASSAULT", modality="hypothetical", cameo="190"),
            ev("RETREAT", modality="future", mode="ceasefire", cameo="0871"),
        ]
    )
    assert got["RETREAT:ceasefire"] == 1.0 and got["RETREAT:ceasefire|a"] == 1.0
    assert got["c:0871"] == 1.0 and got["c2:08|a"] == 1.0
    assert got["RETREAT:ceasefire|h"] == 0.5  # a later event counts half
    assert got["ASSAULT:|h"] == 0.5 and got["c2:19|h"] == 0.5
    assert code_terms([]) == {}


def test_codes_keep_terms_seen_often_enough():
    codes = Codes.fit([{"a": 1.0, "b": 0.5}, {"a": 0.5}, {"c": 1.0}], min_count=2)
    assert codes.vocabulary == ["a"] and len(codes) == 1
    idx, w = codes.transform({"a": 0.5, "zzz": 1.0})
    assert idx.tolist() == [0] and w.tolist() == [0.5]
    assert len(codes.transform({})[0]) == 0


# -- headlines -------------------------------------------------------------------------------
NAMES = NameSet(["Berlin", "Saint Vincent and the Grenadines", "Latvia", "United Nations"])


def test_title_case_headlines_are_written_in_sentence_case_keeping_names():
    assert (
        sentence_case("Suicide Car Bomb in Berlin Kills At Least 44", NAMES)
        == "Suicide car bomb in Berlin kills at least 44"
    )
    assert (
        sentence_case("Saint Vincent and the Grenadines Denounces Actions By Latvia", NAMES)
        == "Saint Vincent and the Grenadines denounces actions by Latvia"
    )
    # acronyms keep their capitals; names the lists do not know lose theirs (a known cost)
    assert sentence_case("UN Envoy Meets Rebel Leaders", NAMES) == "UN envoy meets rebel leaders"


def test_headlines_already_in_sentence_case_are_left_alone():
    text = "Rebels in Berlin reject calls for a ceasefire"
    assert not is_title_case(text)
    assert sentence_case(text, NAMES) == text
    assert sentence_case("Berlin", NAMES) == "Berlin"


def headline_doc(words, tags, lemmas, spaces=None):
    """A parsed headline built by hand: a tag per word, its coarse POS from the tag."""
    import spacy
    from spacy.tokens import Doc

    pos = {
        "NN": "NOUN",
        "NNS": "NOUN",
        "NNP": "PROPN",
        "NNPS": "PROPN",
        "JJ": "ADJ",
        "IN": "ADP",
        "VBD": "VERB",
        "VBZ": "VERB",
        "HYPH": "PUNCT",
        ",": "PUNCT",
    }
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        tags=tags,
        pos=[pos[t] for t in tags],
        lemmas=lemmas,
        spaces=spaces,
    )


VERBS = {"bomb", "torch", "sentence", "share", "fire", "test", "force"}.__contains__


def test_a_headline_verb_read_as_a_noun_is_put_in_the_past_tense():
    doc = headline_doc(
        ["Nigerian", "air", "force", "bombs", "bandit", "hideouts"],
        ["JJ", "NN", "NN", "NNS", "NN", "NNS"],
        ["nigerian", "air", "force", "bomb", "bandit", "hideout"],
    )
    # "force" has a verb reading too, but a bare form after a singular is no verb
    assert verb_reading(doc, VERBS) == "Nigerian air force bombed bandit hideouts"
    doc = headline_doc(
        ["Militants", "torch", "schools"], ["NNS", "NN", "NNS"], ["militant", "torch", "school"]
    )
    assert verb_reading(doc, VERBS) == "Militants torched schools"
    doc = headline_doc(
        ["Kenya", ",", "Somalia", "share", "intelligence"],
        ["NNP", ",", "NNP", "NN", "NN"],
        ["Kenya", ",", "Somalia", "share", "intelligence"],
        spaces=[False, True, True, True, False],
    )
    assert verb_reading(doc, VERBS) == "Kenya, Somalia shared intelligence"
    doc = headline_doc(
        ["North", "Korea", "test", "-", "fires", "missile"],
        ["NNP", "NNP", "NN", "HYPH", "NNS", "NN"],
        ["North", "Korea", "test", "-", "fire", "missile"],
        spaces=[True, True, False, False, True, False],
    )
    assert verb_reading(doc, VERBS) == "North Korea test-fired missile"


def test_headlines_with_a_verb_or_without_a_verb_reading_stay_as_they_are():
    has_verb = headline_doc(
        ["Court", "sentences", "editor"], ["NN", "VBZ", "NN"], ["court", "sentence", "editor"]
    )
    assert verb_reading(has_verb, VERBS) is None
    no_subject = headline_doc(
        ["Sentences", "for", "editors"], ["NNS", "IN", "NNS"], ["sentence", "for", "editor"]
    )
    assert verb_reading(no_subject, VERBS) is None
    unknown = headline_doc(
        ["Gaza", "peace", "talks"], ["NNP", "NN", "NNS"], ["Gaza", "peace", "talk"]
    )
    assert verb_reading(unknown, VERBS) is None


def test_the_lexicon_says_which_words_it_reads_as_verbs():
    from annales.events.lexicon import load_lexicon

    lexicon = load_lexicon()
    assert lexicon.has_verb("bomb") and lexicon.has_verb("torch")
    assert not lexicon.has_verb("hideout") and not lexicon.has_verb("airstrike")


def test_past_tense_of_regular_and_irregular_verbs():
    got = [
        past_tense(v)
        for v in ("bomb", "fire", "deny", "ban", "raid", "shell", "strike", "send", "veto", "stay")
    ]
    assert got == [
        "bombed",
        "fired",
        "denied",
        "banned",
        "raided",
        "shelled",
        "struck",
        "sent",
        "vetoed",
        "stayed",
    ]


# -- the model file --------------------------------------------------------------------------
class SplitTokenizer:
    """Stands in for the WordLlama tokenizer: one id per known word, a special start token."""

    def __init__(self, words):
        self.ids = {w: i + 1 for i, w in enumerate(words)}

    def encode_batch(self, texts):
        out = []
        for t in texts:
            ids = [0] + [self.ids[w] for w in t.lower().split() if w in self.ids]
            out.append(SimpleNamespace(ids=ids, special_tokens_mask=[1] + [0] * (len(ids) - 1)))
        return out


def tiny_model():
    """Two classes; ASSAULT wins on the word 'shelled' (body term), CONSULT on 'talks'."""
    from annales.story.embeddings import DIM

    featurizer = Featurizer(
        Tfidf(["shelled", "talks"], np.ones(2), 1),
        Tfidf(["talks"], np.ones(1), 1),
        Codes(["CONSULT:|a"]),
        head_weight=2.0,
        event_weight=0.5,
        code_weight=1.5,
    )
    coef = np.zeros((2, featurizer.n_features), dtype=np.float32)
    body_at, head_at, codes_at = featurizer.offsets()
    coef[0, body_at + 0] = 3.0  # ASSAULT <- "shelled"
    coef[1, body_at + 1] = 3.0  # CONSULT <- "talks"
    coef[1, head_at + 0] = 2.0  # CONSULT <- headline "talks" (x head_weight 2 = 4 > 3)
    coef[1, codes_at + 0] = 2.5  # CONSULT <- a headline CONSULT event (x code_weight 1.5)
    embeddings = WordEmbeddings(
        np.zeros((3, DIM), dtype=np.float32), SplitTokenizer(["shelled", "talks"])
    )
    return StoryTypeModel(
        featurizer, ["ASSAULT", "CONSULT"], coef, np.zeros(2, np.float32), "tiny"
    ), embeddings


def predict(model, embeddings, title, text, head_events=()):
    v = model.featurizer.vectors(embeddings, [title], [text], [[]], [list(head_events)])[0]
    return model.predict(v)


def test_model_predicts_and_survives_a_save_and_load(tmp_path):
    model, embeddings = tiny_model()
    assert predict(model, embeddings, "", "Troops shelled the town").event == "ASSAULT"
    got = predict(model, embeddings, "Talks resume", "Troops shelled the town")
    assert got.event == "CONSULT" and 0.5 < got.probability < 1  # headline x2 beats the body
    path = tmp_path / "m.npz"
    model.save(path)
    again = StoryTypeModel.load(path)
    assert again.classes == model.classes and again.name == "tiny"
    assert again.featurizer.head_weight == 2.0 and again.featurizer.code_weight == 1.5
    assert again.featurizer.head_codes.vocabulary == ["CONSULT:|a"]
    assert predict(again, embeddings, "Talks resume", "Troops shelled the town") == got
    # a headline event the coder found speaks through its code term (2.5 x 1.5 > 3)
    talks = predict(again, embeddings, "", "Troops shelled the town", [ev("CONSULT")])
    assert talks.event == "CONSULT"
    assert talks == predict(model, embeddings, "", "Troops shelled the town", [ev("CONSULT")])


def test_a_missing_or_mismatched_model_file_is_a_clear_error(tmp_path):
    with pytest.raises(StoryModelMissing, match="E009"):
        StoryTypeModel.load(tmp_path / "none.npz")
    for name, junk in (("zip.npz", b"PK\x03\x04not a zip"), ("text.npz", b"hello")):
        (tmp_path / name).write_bytes(junk)
        with pytest.raises(StoryModelMissing, match="Reinstall annales"):
            StoryTypeModel.load(tmp_path / name)
    model, _ = tiny_model()
    model.coef = model.coef[:, :-1]
    model.save(tmp_path / "bad.npz")
    with pytest.raises(StoryModelMissing, match="weights per class"):
        StoryTypeModel.load(tmp_path / "bad.npz")


# -- the store -------------------------------------------------------------------------------
def test_the_store_keeps_the_story_type(tmp_path):
    story = StoryType("ASSAULT", 0.83, "story-type-ngec-1")
    with Store(str(tmp_path / "s.duckdb")) as store:
        store.write_many(
            [
                CodedArticle(Article(id="a", text="x"), story_type=story),
                CodedArticle(Article(id="b", text="y")),
            ]
        )
        assert store.story_type("a") == story
        assert store.story_type("b") is None and store.story_type("zzz") is None


# -- with the shipped model (loads spaCy and WordLlama) --------------------------------------
def test_pipeline_gives_a_story_type_from_headline_and_body(pipeline):
    art = Article(
        id="s1",
        title="Gunmen Kill 13 in Fresh Attack on Market Town",
        text="Gunmen opened fire on a crowded market on Tuesday, killing 13 people, "
        "police said. The attackers fled on motorcycles.",
    )
    coded = pipeline.code_article(art)
    assert coded.story_type.event == "ASSAULT"
    assert 0 < coded.story_type.probability <= 1
    assert coded.story_type.model == pipeline.story_model.name


def test_an_article_without_a_headline_gets_the_body_only_model(pipeline):
    art = Article(
        id="s4",
        text="Gunmen opened fire on a crowded market on Tuesday, killing 13 "
        "people, police said. The attackers fled on motorcycles.",
    )
    coded = pipeline.code_article(art)
    assert coded.story_type.model == pipeline.body_story_model.name != pipeline.story_model.name
    assert coded.story_type.event == "ASSAULT"
    assert pipeline.body_story_model.featurizer.head_terms.vocabulary == []  # never saw one


def test_headline_events_come_from_the_sentence_cased_headline(pipeline):
    art = Article(id="s2", text="", title="Egypt Expels Dozens Of Turkish Diplomats")
    kinds = {e.event for e in pipeline.headline_events(art)}
    assert kinds & {"SANCTION", "COERCE"}
    assert pipeline.headline_events(Article(id="s3", text="x")) == []
