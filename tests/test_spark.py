"""The Spark runner (local[2], bound to 127.0.0.1) gives the records the local runner gives, in
the same order, and stores the same store; a job that fails says so (E021).  One Spark session
serves the module: starting the JVM takes seconds."""

from __future__ import annotations

import os
import shutil
import sys

import pytest
from click.testing import CliRunner

from annales.cli import main
from annales.errors import DictionaryError
from annales.jobs import ingest
from annales.runners import LocalRunner, PipelineSpec, wire
from annales.schema import Article, CodedArticle, Rejection

from .deadline import deadline
from .test_concurrency import snapshot
from .test_runners import write_feed

HAS_JAVA = bool(os.environ.get("JAVA_HOME") or shutil.which("java"))
pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(
        not HAS_JAVA,
        reason="Spark needs a Java runtime (java on PATH, or "
        "JAVA_HOME); .ci/run installs default-jre-headless",
    ),
]


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason="pyspark is not installed (the `spark` extra)")
    from annales.runners.spark import start_session

    with deadline(180, "starting Spark"):
        session = start_session("local[2]")
    yield session
    session.stop()


def spark_runner(spark, spec=None, **kw):
    from annales.runners.spark import SparkRunner

    return SparkRunner(spec or PipelineSpec(), session=spark, partitions=2, **kw)


def items_of(path):
    from annales.ingest import read_inputs

    return list(read_inputs([str(path)]))


@pytest.mark.slow
def test_spark_and_local_runners_give_identical_records(spark, pipeline, tmp_path):
    items = items_of(write_feed(tmp_path / "feed.jsonl", 30))
    assert any(isinstance(i, Rejection) for i in items)
    local = list(LocalRunner(pipeline).run(items))
    with deadline(300, "the Spark job"):
        # slices of 11: three Spark jobs, a rejection row inside the first
        distributed = list(spark_runner(spark, slice_size=11).run(items))
    assert distributed == local
    assert sum(len(o.events) for o in local if isinstance(o, CodedArticle)) >= 20


@pytest.mark.slow
def test_an_ingest_through_spark_stores_what_a_local_ingest_stores(spark, pipeline, tmp_path):
    feed = write_feed(tmp_path / "feed.jsonl", 12)
    ingest([str(feed)], str(tmp_path / "local.duckdb"), pipeline)
    parquet = tmp_path / "parquet"
    with deadline(300, "the Spark ingest"):
        stats = ingest(
            [str(feed)],
            str(tmp_path / "spark.duckdb"),
            runner=spark_runner(spark, output=str(parquet)),
        )
    assert stats.new_articles == 12 and stats.rejected == 1
    assert snapshot(tmp_path / "spark.duckdb") == snapshot(tmp_path / "local.duckdb")
    assert list(parquet.glob("slice-00000/*.parquet"))  # the Parquet is kept when asked for


def test_the_wire_format_gives_back_equal_records(pipeline):
    coded = pipeline.code_article(
        Article(
            id="x",
            title="Talks",
            published="2016-05-02",
            text=(
                'Russia and China held talks in Beijing on Monday. "We will respond," the minister '
                "of Japan said."
            ),
        )
    )
    outputs = [Rejection(input="x", reason_code="R010", message="cut"), coded]
    assert coded.events and coded.quotes and coded.story_type
    assert wire.decode(wire.encode(outputs)) == outputs


def test_a_job_whose_workers_cannot_build_the_pipeline_fails_with_E021(spark, tmp_path):
    from pyspark import cloudpickle

    from annales.errors import SparkFailed

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # BrokenSpec, to the executors
    spec = BrokenSpec()
    with deadline(300, "the failing Spark job"), pytest.raises(SparkFailed) as err:
        list(spark_runner(spark, spec).run([Article(id="a", text="Iran rejected it.")]))
    assert "E021" in str(err.value) and "E004" in str(err.value), str(err.value)


class BrokenSpec(PipelineSpec):
    def build(self):
        raise DictionaryError(path="verbs.txt", line=3, expected="a verb pattern", found="<<<")


def test_without_java_the_spark_engine_says_what_to_install(tmp_path, monkeypatch):
    pytest.importorskip("pyspark", reason="pyspark is not installed (the `spark` extra)")
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no java on it
    (tmp_path / "a.txt").write_text("Iran rejected the proposal.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "ingest",
            str(tmp_path / "a.txt"),
            "--db",
            str(tmp_path / "s.duckdb"),
            "--engine",
            "spark",
        ],
    )
    assert result.exit_code == 2 and "E020" in result.output, result.output
    assert "default-jre-headless" in result.output and "Traceback" not in result.output
