"""Evaluation: metrics on hand-made predictions, readers on hand-written gold files, and the
scoring plumbing with a stand-in pipeline (no spaCy needed)."""

from __future__ import annotations

import json
import zipfile

import pytest

from annales.errors import GoldDataMissing, UsageError
from annales.eval import run
from annales.eval.classify import (
    penta_label,
    plover_label,
    read_ngec,
    read_pentaclass,
    spread_sample,
)
from annales.eval.metrics import accuracy, macro_f1, prf, root_triples
from annales.eval.petrarch import predicted_triples, read_cameo_codes, read_unit_tests, scorable
from annales.schema import EVENT_TYPES, CodedArticle, Entity, Event


def event(
    actors=("ARN",),
    recipients=("GON",),
    cameo="064",
    modality="asserted",
    confidence=0.5,
    plover="COOPERATE",
    quad=2,
):
    return Event(
        id="e",
        article_id="a",
        sentence_index=0,
        sentence="s",
        event=plover,
        mode=None,
        cameo=cameo,
        quad_class=quad,
        goldstein=None,
        actor=[Entity(text=c, code=c) for c in actors],
        recipient=[Entity(text=c, code=c) for c in recipients],
        modality=modality,
        confidence=confidence,
    )


# --- metrics ------------------------------------------------------------------------------
def test_prf_known_answer():
    s = prf(
        [
            ({("A", "B", "01"), ("A", "C", "02")}, {("A", "B", "01")}),  # 1 tp, 1 fp
            (set(), {("X", "Y", "19")}),  # 1 fn
            ({("X", "Y", "19")}, {("X", "Y", "19"), ("Y", "X", "19")}),
        ]
    )  # 1 tp, 1 fn
    assert (s.tp, s.fp, s.fn) == (2, 1, 2)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert prf([]).f1 == 0.0


def test_root_truncation():
    assert root_triples({("A", "B", "0431"), ("A", "B", "042"), ("A", "B", "19")}) == {
        ("A", "B", "04"),
        ("A", "B", "19"),
    }
    pred, gold = {("A", "B", "042")}, {("A", "B", "043")}
    assert prf([(pred, gold)]).f1 == 0.0
    assert prf([(root_triples(pred), root_triples(gold))]).f1 == 1.0


def test_macro_f1_counts_a_class_never_predicted():
    gold = ["a", "a", "b", "c"]
    pred = ["a", "a", "b", "b"]  # c never predicted
    # a: F1 1; b: P .5 R 1 -> 2/3; c: 0
    assert macro_f1(gold, pred) == pytest.approx((1 + 2 / 3 + 0) / 3)
    assert macro_f1(gold, pred, labels=["a", "b", "c", "d"]) == pytest.approx((1 + 2 / 3) / 4)
    assert accuracy(gold, pred) == 0.75
    with pytest.raises(ValueError):
        accuracy(["a"], [])


# --- predictions --------------------------------------------------------------------------
def test_predicted_triples_pairs_and_modality():
    compound = event(actors=("FRO", "BIL"), recipients=("ELR", "GAL"))
    hedged = event(actors=("MOR",), recipients=("GON",), cameo="138", modality="hypothetical")
    no_dyad = event(recipients=())
    assert len(predicted_triples([compound, hedged, no_dyad])) == 4
    assert predicted_triples([compound], pairs="first") == {("FRO", "ELR", "064")}
    assert ("MOR", "GON", "138") in predicted_triples([hedged], asserted_only=False)


def test_story_labels():
    plan = event(plover="THREATEN", modality="future", confidence=0.9, cameo="138", quad=4)
    fact = event(plover="ASSAULT", confidence=0.4, cameo="190", quad=4)
    talk = event(plover="CONSULT", confidence=0.6, cameo="040", quad=1)
    assert plover_label([plan, fact, talk]) == "CONSULT"
    assert plover_label([plan]) == "THREATEN" and plover_label([]) == "NONE"
    assert penta_label([plan, fact]) == 4 and penta_label([]) == 0
    assert penta_label([event(cameo="010", quad=1)]) == 0


def test_sample_is_spread_and_sized():
    assert spread_sample(list(range(10)), 3) == [0, 3, 6]
    assert spread_sample(list(range(10)), None) == list(range(10))


# --- readers on hand-written files --------------------------------------------------------
def unit_record(rid, kind, events, date="19950101", text="Arnor met Gondor."):
    return json.dumps(
        {
            "id": rid,
            "category": "DEMO",
            "date": date,
            "text": text,
            "gold_kind": kind,
            "events": events,
            "ptb_parse": "(ROOT)",
        }
    )


@pytest.fixture()
def gold_dir(tmp_path):
    p2 = tmp_path / "petrarch2"
    (p2 / "dictionaries").mkdir(parents=True)
    (p2 / "PETR.UnitTest.records.jsonl").write_text(
        "\n".join(
            [
                unit_record("A-1", "events", [{"source": "ARN", "target": "GON", "code": "064"}]),
                unit_record("A-2", "events", [{"source": "ARN", "target": "GON", "code": "174K"}]),
                unit_record("A-3", "noevents", []),
                unit_record("A-4", "error:storydiscard", []),
            ]
        )
        + "\n"
    )
    (p2 / "dictionaries/PETR.Validate.actors.txt").write_text("ARNOR [ARN]\n")
    (p2 / "dictionaries/PETR.Validate.agents.txt").write_text("PRESIDENT [~GOV]\n")
    (tmp_path / "cameo_codebook").mkdir()
    (tmp_path / "cameo_codebook/cameo.csv").write_text(
        "06,ENGAGE IN MATERIAL COOPERATION\n064,Share intelligence or information\n"
    )
    (tmp_path / "ngec").mkdir()
    # templates "t5" and "Leaders Meet in Paris" fall in the held-out split, "t1" does not
    csv_text = (
        "disclaimer,text,title,source,prompt,label,mode\n"
        'x,"Troops shelled the town, officials said.",t5,s,"Troops Shell Town\n\n(s) --",ASSAULT,\n'
        "x,Leaders met in Paris.,Leaders Meet in Paris,s,p,CONSULT,\n"
        "x,Aid arrived.,t1,s,p,AID,\n"
        "x,,t5,s,p,AID,\n"
    )
    with zipfile.ZipFile(tmp_path / "ngec/gpt_synthetic_events_2023-10-19_19.csv.zip", "w") as z:
        z.writestr("gpt_synthetic_events_2023-10-19_19.csv", csv_text)
    (tmp_path / "conflibert/cameo_class").mkdir(parents=True)
    (tmp_path / "conflibert/cameo_class/train.tsv").write_text(
        "Troops attacked the town.\t4\nThe minister said nothing.\t0\n"
    )
    return tmp_path


def test_unit_test_reader(gold_dir):
    records = read_unit_tests(gold_dir / "petrarch2/PETR.UnitTest.records.jsonl")
    assert [r.id for r in records] == ["A-1", "A-2", "A-3", "A-4"]
    assert records[0].published == "1995-01-01"
    assert records[0].gold == {("ARN", "GON", "064")}
    cameo = read_cameo_codes(gold_dir / "cameo_codebook/cameo.csv")
    assert cameo == {"06", "064"}
    assert [r.id for r in scorable(records, cameo)] == ["A-1", "A-3"]


def test_classification_readers(gold_dir):
    path = gold_dir / "ngec/gpt_synthetic_events_2023-10-19_19.csv.zip"
    stories = read_ngec(path)
    assert [s.label for s in stories] == ["ASSAULT", "CONSULT", "AID"]  # empty story dropped
    assert stories[0].text.startswith("Troops shelled the town, officials")
    assert stories[0].title == "Troops Shell Town" and stories[0].group == "t5"
    assert [s.label for s in read_ngec(path, split="heldout")] == ["ASSAULT", "CONSULT"]
    assert [s.label for s in read_ngec(path, split="train")] == ["AID"]
    sentences = read_pentaclass(gold_dir / "conflibert/cameo_class/train.tsv")
    assert [(s.text, s.label) for s in sentences] == [
        ("Troops attacked the town.", 4),
        ("The minister said nothing.", 0),
    ]


class EchoPipeline:
    """Stands in for Pipeline: codes 'Arnor met Gondor.' as ARN->GON 064, nothing else."""

    def code_articles(self, articles):
        for a in articles:
            events = [event()] if "Arnor" in a.text else []
            yield CodedArticle(article=a, events=events)


def test_scoring_plumbing(gold_dir):
    from annales.eval.classify import evaluate_conflibert, evaluate_ngec
    from annales.eval.petrarch import evaluate

    rows = {r.name: r for r in evaluate(gold_dir, pipeline=EchoPipeline())}
    main = rows["petrarch"]
    # A-1 is right; A-3 (noevents) gets a false positive; are not scored
    assert main.n == 2 and main.metrics["recall"] == 1.0 and main.metrics["precision"] == 0.5
    assert rows["petrarch:root"].metrics["f1"] == pytest.approx(2 / 3)
    ngec = evaluate_ngec(gold_dir, pipeline=EchoPipeline())  # no story model: events only
    assert [r.name for r in ngec] == ["ngec:events"]
    assert ngec[0].n == 2 and ngec[0].metrics["accuracy"] == 0.0
    penta = evaluate_conflibert(gold_dir, pipeline=EchoPipeline())[0]
    assert penta.metrics["accuracy"] == 0.5  # "no event" -> 0 is right once


def test_run_rejects_unknown_sets_and_missing_data(tmp_path):
    with pytest.raises(UsageError):
        run(str(tmp_path), sets=["nope"])
    with pytest.raises(GoldDataMissing):
        run(str(tmp_path), sets=["petrarch"])


def test_report_table():
    from annales.eval.report import EvalReport, SetResult

    report = EvalReport(
        [SetResult("ngec", 500, {"accuracy": 0.5, "macro_f1": 0.25}, 12.0, "a note")]
    )
    table = report.table()
    assert "ngec" in table and "0.500" in table and "0.250" in table and "a note" in table
    assert report.to_dict()["sets"][0]["macro_f1"] == 0.25


# --- the real gold files ------------------------------------------------------------------
@pytest.mark.shared
def test_real_gold_counts(shared_dir):
    data = shared_dir / "data"
    records = read_unit_tests(data / "petrarch2/PETR.UnitTest.records.jsonl")
    assert len(records) == 284
    cameo = read_cameo_codes(data / "cameo_codebook/cameo.csv")
    kept = scorable(records, cameo)
    assert len(kept) == 205 and sum(len(r.gold) for r in kept) == 284
    # what is kept is what is scored: text, and (actor, recipient, CAMEO code) triples whose
    # codes are all in the codebook (a party the gold leaves unnamed is "")
    for r in kept:
        assert r.text.strip(), r.id
        assert all(code in cameo for _, _, code in r.gold), r.id
    assert len(read_ngec(data / "ngec/gpt_synthetic_events_2023-10-19_19.csv.zip")) == 4500
    sample = read_ngec(data / "ngec/gpt_synthetic_events_2023-10-19_19.csv.zip", limit=500)
    assert len(sample) == 500 and {s.label for s in sample} == set(EVENT_TYPES)
    assert all(s.text.strip() and s.title for s in sample)
    penta = read_pentaclass(data / "conflibert/cameo_class/train.tsv")
    assert len(penta) == 1349 and {p.label for p in penta} == {0, 1, 2, 3, 4}
    assert all(p.text.strip() for p in penta)


def test_location_row(monkeypatch):
    from annales.eval import evaluate_locations, locations

    monkeypatch.setattr(
        locations,
        "evaluate",
        lambda data_dir, limit=None: {
            "n": 10,
            "n_with_location": 6,
            "split": "test",
            "exact_match": 0.5,
            "no_location_correct": 0.75,
            "overall": 0.6,
            "seconds": 1.0,
        },
    )
    row = evaluate_locations("unused")[0]
    assert (row.name, row.n, row.metrics["accuracy"]) == ("locations", 10, 0.6)
    assert "0.5" in row.note
