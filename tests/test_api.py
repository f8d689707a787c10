"""The public Python API: what `import annales` promises."""

from __future__ import annotations

import annales


def test_public_names_are_exported():
    for name in (
        "code",
        "Pipeline",
        "Store",
        "AnnalesError",
        "Article",
        "Entity",
        "Event",
        "Attribution",
        "DateValue",
        "Location",
        "Span",
        "Quote",
        "Rejection",
    ):
        assert name in annales.__all__ and hasattr(annales, name)


def test_code_returns_records_with_offsets_into_the_text(pipeline):
    text = "  Israel refused to recognize the resolution on Monday, officials said."
    events = annales.code(text, published="2017-01-12")
    recognize = next(e for e in events if e.trigger.text == "recognize")
    assert text[recognize.trigger.start : recognize.trigger.end] == "recognize"
    assert recognize.modality == "negated"
    assert recognize.actor[0].country == "ISR"
    assert text[recognize.actor[0].start : recognize.actor[0].end] == "Israel"
    assert recognize.attribution is not None and recognize.attribution.anonymous
    assert recognize.date.value == "2017-01-09" and recognize.date.precision == "day"


def test_ids_are_stable_across_runs(pipeline):
    text = "Iran rejected the proposal on Sunday."
    first = [e.id for e in annales.code(text, published="2017-01-12")]
    assert first and first == [e.id for e in annales.code(text, published="2017-01-12")]


def test_errors_share_one_base():
    from annales import errors

    for cls in (
        errors.ModelNotFound,
        errors.StoreError,
        errors.DictionaryError,
        errors.DataFileError,
        errors.UsageError,
        errors.GoldDataMissing,
    ):
        assert issubclass(cls, annales.AnnalesError)
        assert cls.code.startswith("E")
