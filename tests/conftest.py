"""Shared fixtures.  Stage tests build docs by hand where they can; those that need a real
parse share one loaded spaCy pipeline per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Commands run in this process (and the `annales` processes tests start) code in-process unless
# a test asks for workers: the default, every core, would start a pool per command, and tests
# that patch the pipeline patch it in this process only.  tests/test_runners.py tests the pool.
os.environ.setdefault("ANNALES_WORKERS", "1")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from annales import nlp as _nlp

    return _nlp.load()


@pytest.fixture(scope="session")
def pipeline():
    from annales import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def shared_dir():
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
