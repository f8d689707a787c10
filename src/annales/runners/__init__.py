"""Runners apply the coder to a stream of inputs; each keeps the input order and gives the same
records (base.py says the contract).

    LocalRunner  one pipeline in this process          local.py
    MockRunner   a function as the coder, for tests    local.py
    PoolRunner   one pipeline per worker process       pool.py   (`--workers N`)
    SparkRunner  one pipeline per Spark partition      spark.py  (`--engine spark`)
"""

from __future__ import annotations

from typing import Optional, Sequence

from .base import PipelineSpec, Runner
from .local import LocalRunner, MockRunner
from .pool import PoolRunner, default_workers

ENGINES = ("local", "spark")

__all__ = [
    "ENGINES",
    "LocalRunner",
    "MockRunner",
    "PipelineSpec",
    "PoolRunner",
    "Runner",
    "default_workers",
    "make_runner",
]


def make_runner(
    spec: PipelineSpec,
    workers: Optional[int] = None,
    engine: str = "local",
    spark_master: str = "local[*]",
    spark_output: Optional[str] = None,
    spark_conf: Sequence[tuple[str, str]] = (),
) -> Runner:
    """The runner the command line asks for: Spark, or local with `workers` processes (all
    cores when None; 1 codes in this process, with no worker to start)."""
    if engine == "spark":
        from .spark import SparkRunner  # imports pyspark only when asked for

        return SparkRunner(
            spec, master=spark_master, output=spark_output, conf=spark_conf, partitions=workers
        )
    workers = workers or default_workers()
    if workers == 1:
        return LocalRunner(spec.build())
    return PoolRunner(spec, workers)
