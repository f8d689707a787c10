"""Event location: which place, if any, an event trigger happened at; and its evaluation."""

from __future__ import annotations

import json

import pytest

from annales.errors import DataFileError, GoldDataMissing
from annales.eval.locations import evaluate, read_records, split_of
from annales.normalize.event_location import candidate_features, load_model, location_for
from annales.normalize.places import find_places


def _locate(nlp, text, verb, model=None):
    doc = nlp(text)
    trigger = next(t for t in doc if t.text == verb)
    return location_for(trigger, find_places(doc, speculative=True), model)


@pytest.mark.parametrize(
    "text, verb, expected",
    [
        ("In the West Bank city of Nablus, a man was shot on Saturday.", "shot", "Nablus"),
        (
            "Shelling hit a trolleybus in Donetsk on Thursday killing 8 people and wounding about 20, "
            "an official said.",
            "killing",
            "Donetsk",
        ),
        ("Police arrested three men in East Jerusalem on Monday.", "arrested", "East Jerusalem"),
        (
            "Meanwhile a roadside bomb detonated in a busy area in western Baghdad around noon.",
            "detonated",
            "Baghdad",
        ),
    ],
)
def test_location_of_event(nlp, text, verb, expected):
    loc = _locate(nlp, text, verb)
    assert loc is not None and loc.text == expected


def test_no_location_in_sentence(nlp):
    assert (
        _locate(
            nlp,
            "At least 22 ISIS members were killed in the clashes, where heavy "
            "weapons have been used by both sides.",
            "killed",
        )
        is None
    )


def test_unknown_place_keeps_its_text(nlp):
    loc = _locate(
        nlp,
        "The 50-year-old widow was found brutally murdered at her Reshimbagh "
        "residence on Saturday evening.",
        "murdered",
    )
    assert loc is not None and loc.text == "Reshimbagh"
    assert loc.lat is None and loc.geonames_id is None


def test_places_of_other_sentences_are_ignored(nlp):
    doc = nlp("Talks were held in Geneva. Later, gunmen attacked a convoy.")
    attacked = next(t for t in doc if t.text == "attacked")
    assert location_for(attacked, find_places(doc, speculative=True)) is None


def test_no_location_option_can_win(nlp):
    text, verb = "Protesters gathered in Kiev on Sunday.", "gathered"
    assert _locate(nlp, text, verb).name == "Kyiv"
    always_none = {"weights": {"NULL": 100.0}}
    assert _locate(nlp, text, verb, always_none) is None


def test_model_file_errors(tmp_path):
    bad = tmp_path / "model.json"
    bad.write_text("{}")
    with pytest.raises(DataFileError):
        load_model.__wrapped__(str(bad))
    assert load_model()["weights"]


def _record(rid, text, verb, golds):
    start = text.index(verb)
    spans = [{"start": text.index(g), "end": text.index(g) + len(g), "text": g} for g in golds]
    return {
        "id": rid,
        "text": text,
        "verb": {"start": start, "end": start + len(verb), "text": verb},
        "event_locations": spans,
    }


def test_evaluate_tiny_file(tmp_path):
    records = [
        _record(
            "a", "In the West Bank city of Nablus, a man was shot on Saturday.", "shot", ["Nablus"]
        ),
        _record(
            "b",
            "Shelling hit a trolleybus in Donetsk on Thursday killing 8 people.",
            "killing",
            ["Donetsk"],
        ),
        _record("c", "At least 22 ISIS members were killed in the clashes.", "killed", []),
    ]
    folder = tmp_path / "event_location"
    folder.mkdir()
    (folder / "labeled_event_locations.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    result = evaluate(tmp_path, split="all")
    assert (result["n"], result["n_with_location"]) == (3, 2)
    assert result["exact_match"] == 1.0 and result["no_location_correct"] == 1.0
    assert result["overall"] == 1.0
    never = evaluate(tmp_path, split="all", model={"weights": {"NULL": 100.0}})
    assert never["exact_match"] == 0.0 and never["overall"] == pytest.approx(1 / 3, abs=1e-3)
    with pytest.raises(GoldDataMissing):
        evaluate(tmp_path / "missing")


def test_split_is_deterministic():
    ids = [str(i) for i in range(2000)]
    train = sum(split_of(i) == "train" for i in ids)
    assert [split_of(i) for i in ids] == [split_of(i) for i in ids]
    assert 0.75 < train / len(ids) < 0.85


def test_evaluate_shared_data(shared_dir):
    data = shared_dir / "data"
    if not (data / "event_location").is_dir():
        pytest.skip("event_location data not present")
    result = evaluate(data, limit=300)
    assert result["n"] == 300 == len(read_records(data, limit=300))
    assert 0 < result["n_with_location"] < 300
    for key in ("exact_match", "no_location_correct", "overall"):
        assert 0.0 <= result[key] <= 1.0
    assert result["seconds"] > 0


def _features(nlp, text, verb):
    doc = nlp(text)
    trigger = next(t for t in doc if t.text == verb)
    places = [p for p in find_places(doc, speculative=True)]
    return {p.text: feats for p, feats in zip(places, candidate_features(trigger, places))}


def test_argument_features(nlp):
    feats = _features(nlp, "European states may recognize Palestine next month.", "recognize")
    assert "arg=dobj" in feats["Palestine"]
    feats = _features(
        nlp, "Israeli police arrested three men in East Jerusalem on Monday.", "arrested"
    )
    assert not any(f.startswith("arg=") and f != "arg=prep" for f in feats["East Jerusalem"])
    assert "chain=in" in feats["East Jerusalem"] and "host=VERB" in feats["East Jerusalem"]


def test_chain_and_initial_adjunct_features(nlp):
    feats = _features(
        nlp, "In the Hama province, terrorists shelled the outskirts of Jarjisa.", "shelled"
    )
    assert "initial_pp" in feats["Hama"]
    # "the outskirts of Jarjisa": the inner "of" first, then the preposition above it, if any
    assert any(f.startswith("chain=of") for f in feats["Jarjisa"])
    assert "chain=in" in feats["Hama"]
    feats = _features(nlp, "A Damascus-based group attacked the convoy.", "attacked")
    assert "x_based=based" in feats["Damascus"]


def test_surface_features(nlp):
    feats = _features(
        nlp, "Two soldiers were killed in Raqqa province on Monday, a source told Xinhua.", "killed"
    )
    assert "next_noun=province" in feats["Raqqa"] and "last=raqqa" in feats["Raqqa"]
    assert "said_between=False" in feats["Raqqa"] and "commas=0" in feats["Raqqa"]
    assert "said_between=True" in feats["Xinhua"] and "commas=1" in feats["Xinhua"]


@pytest.mark.parametrize(
    "text, verb, expected",
    [
        # the subject of the event is its actor, not its place
        ("Syria attacked the convoy near Kabul.", "attacked", "Kabul"),
        ("Turkey shelled Kurdish positions in Afrin.", "shelled", "Afrin"),
        # the object of "captured" is where it happened
        ("Israel captured the Golan Heights in 1967.", "captured", "Golan Heights"),
    ],
)
def test_arguments_and_locations(nlp, text, verb, expected):
    loc = _locate(nlp, text, verb)
    assert loc is not None and loc.text == expected


def test_rare_event_words_share_features(nlp):
    from annales.normalize.event_location import RARE, event_lemma

    doc = nlp("Gunmen killed two men. Spain recognized Palestine.")
    killed, recognized = doc[1], doc[7]
    assert event_lemma(killed) == "kill" and event_lemma(recognized) == RARE
    assert "kill" in load_model()["lemmas"] and len(load_model()["lemmas"]) < 500


def test_a_verbal_event_does_not_happen_at_its_addressee(pipeline):
    events = pipeline.code(
        "Sweden may recognize Palestine next year, a minister said.", published="2014-10-01"
    )
    (recognize,) = [e for e in events if e.trigger.text == "recognize"]
    assert recognize.location is None or recognize.location.country != "PSE"


def test_a_material_event_keeps_its_target_place(pipeline):
    events = pipeline.code("Israeli troops shelled Gaza on Monday.", published="2014-07-21")
    (shelled,) = [e for e in events if e.trigger.text == "shelled"]
    assert shelled.location is not None and shelled.location.country == "PSE"


def test_nested_place_features(nlp):
    feats = _features(
        nlp,
        "Gunmen attacked Sontyo village in Wukari local government area of Taraba state.",
        "attacked",
    )
    assert "nest=0|2" in feats["Sontyo"] and "next_link=in" in feats["Sontyo"]
    assert "nest=1|1" in feats["Wukari"] and "prev_link=in" in feats["Wukari"]
    assert "nest=2|0" in feats["Taraba"] and "next_link=in" not in feats["Taraba"]
    feats = _features(nlp, "Rebels shelled the settlement of Ma'an near Kawkab.", "shelled")
    assert "of_head=settlement" in feats["Ma'an"] and "next_link=near" in feats["Ma'an"]
    assert "nest=0|0" in feats["Kawkab"]


@pytest.mark.parametrize(
    "text, verb, expected",
    [
        # the narrower of two nested places is where the event happened
        (
            "Gunmen attacked Sontyo village in Wukari local government area of Taraba state.",
            "attacked",
            "Sontyo",
        ),
        (
            "Militants detonated a bomb at Sopore town in Baramulla district on Saturday.",
            "detonated",
            "Sopore",
        ),
    ],
)
def test_nested_places(nlp, text, verb, expected):
    loc = _locate(nlp, text, verb)
    assert loc is not None and loc.text == expected
