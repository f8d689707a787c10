"""The runners' contract: input order kept, rejections in place, the same records whatever the
runner, and a bad article -- one the coder raises on, one that kills its worker, one that never
finishes -- costs only itself.  Most tests use a stand-in coder (no spaCy) so that what is
tested is the runner; the last ones code real text with the real pipeline."""

from __future__ import annotations

import json
import os
import pickle
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from annales.cli import main
from annales.errors import DictionaryError, rejection
from annales.runners import LocalRunner, MockRunner, PipelineSpec, PoolRunner
from annales.runners.base import batches
from annales.schema import Article, CodedArticle, Event, Rejection

from .deadline import deadline


def coded(article: Article) -> CodedArticle:
    """The stand-in coder: one event per sentence ending in '.', or a failure on request."""
    if "RAISE" in article.text:
        raise ValueError("the stand-in coder was asked to raise")
    if "CRASH" in article.text:
        os._exit(3)  # as a segfault or the OOM killer would end the process
    if "HANG" in article.text:
        time.sleep(3600)
    sentences = [s for s in article.text.split(".") if s.strip()]
    events = [
        Event(
            id=f"{article.id}-{i}",
            article_id=article.id,
            sentence_index=i,
            sentence=s.strip(),
            event="CONSULT",
            mode=None,
            cameo=None,
            quad_class=None,
            goldstein=None,
        )
        for i, s in enumerate(sentences)
    ]
    notes = (
        [rejection(article.id, "R010", limit=150, count=1, first=0)]
        if "LONG" in article.text
        else []
    )
    return CodedArticle(article=article, events=events, notes=notes)


class StandInSpec(PipelineSpec):
    """A recipe for the stand-in coder: what a worker process builds instead of spaCy."""

    def build(self):
        return MockRunner(coded).pipeline


class BrokenSpec(PipelineSpec):
    def build(self):
        raise DictionaryError(path="verbs.txt", line=3, expected="a verb pattern", found="<<<")


def article(i: int, text: str = "") -> Article:
    return Article(id=f"a{i}", text=text or f"Talks number {i}. They went on.")


def stream(n: int, bad: dict[int, str] | None = None) -> list:
    """n articles with a rejection row after every fifth, and a LONG note on every seventh."""
    items = []
    for i in range(n):
        text = (bad or {}).get(i) or ("LONG " if i % 7 == 3 else "") + f"Talks {i}. More."
        items.append(article(i, text))
        if i % 5 == 4:
            items.append(Rejection(input=f"feed.jsonl:{i}", reason_code="R001", message="empty"))
    return items


def shape(outputs) -> list:
    return [
        (o.reason_code, o.input)
        if isinstance(o, Rejection)
        else ("coded", o.article.id, len(o.events))
        for o in outputs
    ]


def test_batches_keep_the_input_order_and_skip_what_is_asked():
    items = stream(12)
    units = list(batches(items, 3, skip=lambda i: i == "a1"))
    flat = [u for unit in units for u in (unit if isinstance(unit, list) else [unit])]
    assert flat == [x for x in items if not (isinstance(x, Article) and x.id == "a1")]
    assert all(len(u) <= 3 for u in units if isinstance(u, list))


def test_an_article_the_coder_raises_on_is_a_row_and_the_batch_goes_on():
    out = list(MockRunner(coded, batch_size=4).run(stream(10, bad={2: "RAISE now."})))
    rows = [o for o in out if isinstance(o, Rejection) and o.reason_code == "R020"]
    assert len(rows) == 1 and rows[0].input == "a2" and "ValueError" in rows[0].message
    assert "the stand-in coder was asked to raise" in rows[0].message
    assert [o.article.id for o in out if isinstance(o, CodedArticle)] == [
        f"a{i}" for i in range(10) if i != 2
    ]


def test_a_failure_inside_a_parsed_batch_codes_the_rest_one_by_one():
    class Pipeline:  # parses a batch ahead, as nlp.pipe does, and fails on its third article
        def code_articles(self, articles, batch_size):
            done = [coded(a) for a in articles[:2]]
            yield from done
            raise RuntimeError("the parser failed on the batch")

        def code_article(self, a):
            return coded(a)

    out = list(LocalRunner(Pipeline(), batch_size=5).run([article(i) for i in range(5)]))
    assert [o.article.id for o in out] == ["a0", "a1", "a2", "a3", "a4"]


def test_the_pool_gives_the_in_process_output_in_the_same_order():
    items = stream(23)
    expected = list(MockRunner(coded).run(items))
    with deadline(120, "a pool of two stand-in workers"):
        got = list(PoolRunner(StandInSpec(), workers=2, chunk_size=3).run(items))
    assert got == expected
    assert ("R010", "a3") in shape(got) and shape(got).index(("R010", "a3")) + 1 == shape(
        got
    ).index(("coded", "a3", 2))  # a note comes just before its article


def test_a_worker_that_dies_costs_only_its_article():
    items = stream(12, bad={5: "CRASH here."})
    with deadline(180, "a pool whose worker died"):
        got = list(PoolRunner(StandInSpec(), workers=2, chunk_size=2).run(items))
    expected = [
        rejection("a5", "R020", found="x")
        if isinstance(o, CodedArticle) and o.article.id == "a5"
        else o
        for o in MockRunner(coded).run(stream(12))
    ]
    assert shape(got) == shape(expected)
    assert "ended abruptly" in next(
        o.message for o in got if isinstance(o, Rejection) and o.reason_code == "R020"
    )


def test_a_batch_submitted_to_a_pool_broken_meanwhile_fails_instead_of_raising():
    # another batch's crash can break the pool between two submits: the batch must come back
    # as a failed future (recoded by the runner), never as an exception out of run()
    from concurrent.futures.process import BrokenProcessPool

    from annales.runners.pool import _Pool

    class Broken:
        def submit(self, *args):
            raise BrokenProcessPool("a child process terminated abruptly")

        def shutdown(self, *args, **kwargs):
            pass

    pool = _Pool(StandInSpec(), workers=1, batch_size=1)
    pool.close()
    pool._executor = Broken()
    future = pool.submit([Article(id="a0", text="x")])
    with pytest.raises(BrokenProcessPool):
        future.result(timeout=1)


def test_a_worker_that_never_finishes_is_stopped_and_costs_only_its_article():
    items = stream(6, bad={1: "HANG here."})
    with deadline(240, "a pool with a stalled worker"):
        got = list(PoolRunner(StandInSpec(), workers=2, chunk_size=2, time_limit=20).run(items))
    failed = [o for o in got if isinstance(o, Rejection) and o.reason_code == "R020"]
    assert [o.input for o in failed] == ["a1"] and "no result within 20 s" in failed[0].message
    assert [o.article.id for o in got if isinstance(o, CodedArticle)] == [
        "a0",
        "a2",
        "a3",
        "a4",
        "a5",
    ]


def test_a_worker_that_cannot_build_the_pipeline_stops_the_run_with_its_error():
    with deadline(120, "a pool that cannot start"), pytest.raises(DictionaryError) as err:
        list(PoolRunner(BrokenSpec(), workers=2).run(stream(4)))
    assert "E004" in str(err.value) and "verbs.txt" in str(err.value)


def test_errors_cross_process_boundaries_whole():
    error = DictionaryError(path="a.txt", line=1, expected="x", found="y")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is DictionaryError and str(again) == str(error)


# --- with the real pipeline ---------------------------------------------------------------------
COUNTRIES = ["Germany", "France", "Russia", "China", "Egypt", "Turkey", "Jordan", "Japan"]
TEMPLATES = [
    "Iran rejected the proposal of {c} on Monday, officials said.",
    '"We will not accept new sanctions," the foreign minister of {c} said on Tuesday.',
    "Israel and {c} signed a trade agreement in Jerusalem on Wednesday.",
    "Protesters marched against the government of {c} in the capital on Friday.",
]


def write_feed(path, n: int):
    lines = []
    for i in range(n):
        text = TEMPLATES[i % len(TEMPLATES)].format(c=COUNTRIES[i % len(COUNTRIES)])
        lines.append(
            json.dumps(
                {
                    "id": f"w{i}",
                    "text": f"{text} Report {i} followed.",
                    "published": f"2016-03-0{1 + i % 9}",
                }
            )
        )
        if i == 6:
            lines.append(json.dumps({"id": "w-empty", "text": ""}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_code_with_two_workers_prints_what_one_prints(pipeline, tmp_path):
    feed = write_feed(tmp_path / "feed.jsonl", 40)
    runs = {}
    with deadline(300, "annales code with workers"):
        for workers in ("1", "2"):
            result = CliRunner().invoke(
                main, ["code", str(feed), "--format", "jsonl", "--workers", workers]
            )
            assert result.exit_code == 1, result.output  # 1: the empty record is rejected
            runs[workers] = result.stdout
    assert runs["1"] == runs["2"] and runs["1"].count("\n") >= 20


@pytest.mark.slow
def test_ctrl_c_stops_the_workers_and_says_E011(tmp_path):
    feed = write_feed(tmp_path / "feed.jsonl", 2000)
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "annales",
            "ingest",
            str(feed),
            "--db",
            str(tmp_path / "s.duckdb"),
            "--workers",
            "2",
        ],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    children = f"/proc/{run.pid}/task/{run.pid}/children"
    end = time.monotonic() + 120
    while len(open(children).read().split()) < 3:  # the two workers and their tracker
        assert run.poll() is None and time.monotonic() < end, "no workers started"
        time.sleep(0.1)
    workers = open(children).read().split()
    time.sleep(1)
    os.killpg(run.pid, signal.SIGINT)  # as the terminal sends Ctrl-C: to every process
    err = run.communicate(timeout=60)[1]
    assert run.returncode == 130 and "E011: interrupted" in err and "Traceback" not in err, err
    end = time.monotonic() + 30
    while any(os.path.exists(f"/proc/{pid}") for pid in workers):
        assert time.monotonic() < end, "workers outlived the interrupted ingest"
        time.sleep(0.1)
