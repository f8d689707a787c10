"""Spark: the corpus coded by a Spark cluster (or `local[N]` on one machine).

The driver reads the inputs as every runner does (annales.ingest) and sends them to the
executors a slice at a time (SLICE articles: one Spark job each, so the driver never holds a
whole corpus and the store fills as slices finish).  Each partition builds the pipeline once --
at most once per executor's Python worker, which Spark reuses -- and codes its articles with the
same function as the other runners (base.code_batch).  The job writes Parquet, one row per
article:

    seq      BIGINT   the article's place in the slice
    article  VARCHAR  its id
    items    VARCHAR  JSON: its warning rows, then the coded article or its R020 row (wire.py)

which the driver reads back in order with DuckDB and hands on like any runner's output.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import warnings
from contextlib import contextmanager
from typing import Iterable, Iterator, Optional, Sequence, Union

from ..errors import SparkFailed, SparkUnavailable
from ..schema import Article, CodedArticle, Rejection
from . import wire
from .base import Item, Output, PipelineSpec, Skip, code_batch

SLICE = 5000  # articles per Spark job
# pyspark warns about the installed pandas whenever it touches it; annales uses no pandas with
# Spark, so the user gets nothing from it
warnings.filterwarnings(
    "ignore", message="PySpark does not yet fully support pandas", category=FutureWarning
)
LOCAL_HOST = "127.0.0.1"


class SparkRunner:
    """`master`: `local[N]`, `local[*]`, or a cluster's URL (spark://HOST:7077, yarn, k8s://...).
    `output`: where the Parquet goes; on a cluster a folder every node and the driver see (it
    is kept), else a temporary folder (removed).  `conf`: more Spark settings.  `session`: an
    existing SparkSession to use (and leave running) instead of starting one."""

    def __init__(
        self,
        spec: PipelineSpec,
        master: str = "local[*]",
        partitions: Optional[int] = None,
        output: Optional[str] = None,
        conf: Sequence[tuple[str, str]] = (),
        session=None,
        slice_size: int = SLICE,
        batch_size: int = 32,
    ):
        self.spec = spec
        self.master = master
        self.partitions = partitions
        self.output = output
        self.conf = list(conf)
        self.session = session
        self.slice_size = slice_size
        self.batch_size = batch_size

    def run(self, items: Iterable[Item], skip: Skip = None) -> Iterator[Output]:
        with self._spark() as spark, self._folder() as folder:
            units: list[Union[Rejection, int]] = []  # rejections in place, articles by index
            articles: list[Article] = []
            number = 0
            for item in items:
                if isinstance(item, Rejection):
                    units.append(item)
                elif skip is None or not skip(item.id):
                    units.append(len(articles))
                    articles.append(item)
                    if len(articles) >= self.slice_size:
                        yield from self._slice(spark, folder, number, units, articles)
                        units, articles, number = [], [], number + 1
            yield from self._slice(spark, folder, number, units, articles)

    # -- one slice: one Spark job ------------------------------------------------------------
    def _slice(
        self, spark, folder: str, number: int, units: list, articles: list[Article]
    ) -> Iterator[Output]:
        coded = (
            self._code(spark, os.path.join(folder, f"slice-{number:05d}"), articles)
            if articles
            else []
        )
        for unit in units:
            if isinstance(unit, Rejection):
                yield unit
            else:
                yield from coded[unit]

    def _code(self, spark, path: str, articles: list[Article]) -> list[list[Output]]:
        from pyspark.sql.types import LongType, StringType, StructField, StructType

        sc = spark.sparkContext
        rows = [(i, wire.json_of(a)) for i, a in enumerate(articles)]
        parts = max(1, min(self.partitions or sc.defaultParallelism, len(rows)))
        spec, batch_size, ship = self.spec, self.batch_size, bool(self.spec.files())
        coded = sc.parallelize(rows, parts).mapPartitions(
            lambda part: code_partition(spec, batch_size, part, ship)
        )
        schema = StructType(
            [
                StructField("seq", LongType(), False),
                StructField("article", StringType(), False),
                StructField("items", StringType(), False),
            ]
        )
        try:
            spark.createDataFrame(coded, schema).write.mode("overwrite").parquet(path)
        except KeyboardInterrupt:
            raise  # pyspark has cancelled the job: the caller says E011
        except Exception as exc:  # noqa: BLE001 - Py4JJavaError, with the executor's trace
            raise SparkFailed(detail=_first_lines(exc)) from exc
        return _read_back(path, len(articles))

    # -- the session and the output folder ---------------------------------------------------
    @contextmanager
    def _spark(self):
        spark = self.session or start_session(self.master, self.conf)
        try:
            for path in self.spec.files():  # the user's data travels with the job
                spark.sparkContext.addFile(os.path.abspath(path), recursive=os.path.isdir(path))
            yield spark
        finally:
            if self.session is None:
                spark.stop()

    @contextmanager
    def _folder(self):
        if self.output is not None:
            os.makedirs(self.output, exist_ok=True)
            yield self.output
            return
        folder = tempfile.mkdtemp(prefix="annales-spark-")
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def start_session(master: str = "local[*]", conf: Sequence[tuple[str, str]] = ()):
    """A SparkSession whose Python workers run this Python (PYSPARK_PYTHON, unless set); in
    local mode bound to 127.0.0.1, so that it opens no port on the network."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SparkUnavailable(
            expected="the pyspark package",
            detail=f"none ({exc})",
            hint=SparkUnavailable.PYSPARK_HINT,
        ) from exc
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise SparkUnavailable(
            expected="a Java runtime (java on PATH, or JAVA_HOME)",
            detail="none",
            hint=SparkUnavailable.JAVA_HINT,
        )
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.master(master)
        .appName("annales")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
    )
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", LOCAL_HOST)
        builder = builder.config("spark.driver.host", LOCAL_HOST).config(
            "spark.driver.bindAddress", LOCAL_HOST
        )
    for key, value in conf:
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - the JVM did not start, or no master answered
        raise SparkUnavailable(
            expected=f"a Spark session on {master!r}",
            detail=_first_lines(exc),
            hint=SparkUnavailable.MASTER_HINT,
        ) from exc
    spark.sparkContext.setLogLevel("ERROR")
    return spark


# --- on the executors --------------------------------------------------------------------------
_pipelines: dict = {}


def code_partition(
    spec: PipelineSpec, batch_size: int, rows: Iterable[tuple[int, str]], ship: bool = False
) -> Iterator[tuple[int, str, str]]:
    """(seq, article JSON) rows to (seq, article id, items JSON) rows.  The pipeline is built
    on the first partition a Python worker codes and kept for the next ones."""
    rows = list(rows)
    if not rows:
        return
    if ship:
        from pyspark import SparkFiles

        spec = spec.with_files(lambda p: SparkFiles.get(os.path.basename(p)))
    pipeline = _pipelines.get(spec)
    if pipeline is None:
        pipeline = _pipelines[spec] = spec.build()
    articles = [wire.article_of(text) for _, text in rows]
    out: list[Output] = []
    done = 0
    for item in code_batch(pipeline, articles, batch_size):
        out.append(item)
        # each article ends with its coded form or its R020 row, after its warnings
        if isinstance(item, CodedArticle) or item.reason_code == "R020":
            yield rows[done][0], articles[done].id, wire.encode(out)
            out, done = [], done + 1


def _read_back(path: str, count: int) -> list[list[Output]]:
    import duckdb

    con = duckdb.connect()
    try:
        found = con.execute(
            "SELECT seq, items FROM read_parquet(?) ORDER BY seq", [os.path.join(path, "*.parquet")]
        ).fetchall()
    finally:
        con.close()
    if [seq for seq, _ in found] != list(range(count)):
        raise SparkFailed(detail=f"{len(found)} coded articles of {count} in {path}")
    return [wire.decode(items) for _, items in found]


def _first_lines(exc: BaseException, limit: int = 400) -> str:
    """The Python error an executor raised, when the JVM's report carries one, else its start."""
    lines = str(exc).splitlines()
    python = [line for line in lines if _PYTHON_ERROR.match(line)]
    text = " ".join((python[-1] if python else " ".join(lines)).split())
    return text if len(text) <= limit else text[:limit] + "..."


_PYTHON_ERROR = re.compile(r"^(?!org\.|java\.|py4j\.)[A-Za-z_][\w.]*(Error|Exception): ")
