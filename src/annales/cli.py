"""A thin command-line layer: each command calls one library function and prints its records.

Exit codes (all commands): 0 every input coded; 1 some inputs rejected (rows say why);
2 nothing could be done (no usable input, or an error that stops the run).
"""

from __future__ import annotations

import functools
import json
import os
import sys
from importlib import resources
from typing import Optional

import click

from . import __version__
from .errors import AnnalesError, Interrupted, UsageError
from .output import EVENT_COLUMNS, FORMATS, TABLE_COLUMNS, RecordWriter, flatten_event

EXIT_OK, EXIT_SOME_REJECTED, EXIT_NOTHING_DONE = 0, 1, 2
EXIT_INTERRUPTED = 130  # the shell's code for a run stopped by SIGINT


def _default_format() -> str:
    return "table" if sys.stdout.isatty() else "jsonl"


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format [default: table on a terminal, jsonl when piped].",
)
db_option = click.option(
    "--db", default="annales.duckdb", show_default=True, help="DuckDB database file."
)


def _checked_published(ctx, param, value: Optional[str]) -> Optional[str]:
    """A bad --published is the user's mistake, said before any work (not a row per article)."""
    from .ingest.validate import date_problem

    problem = date_problem(value) if value is not None else None
    if problem is not None:
        raise UsageError(what="--published", expected=problem, found=value)
    return value


published_option = click.option(
    "--published",
    callback=_checked_published,
    help="Publication date (YYYY-MM-DD) for plain-text inputs.",
)


DICTIONARY_PARAMS = (
    "actors",
    "agents",
    "no_builtin_kb",
    "verbs",
    "no_builtin_lexicon",
    "unanchored",
    "kb",
    "lexicon",
    "places",
)
EXTENSION_PARAMS = ("kb", "lexicon", "places")
extension_options = [
    click.option(
        "--kb",
        multiple=True,
        type=click.Path(file_okay=False),
        help="Folder of knowledge-base tables in the built-in format (countries.tsv, "
        "organizations.tsv, people.tsv, roles.tsv, ...; any subset), added to "
        "the knowledge base (repeatable; see docs/extending.md).",
    ),
    click.option(
        "--lexicon",
        multiple=True,
        type=click.Path(),
        help="Event-lexicon rows in the built-in events.tsv format, or a folder "
        "holding events.tsv and/or classes.tsv; its rows win over built-in rows "
        "(repeatable; see docs/extending.md).",
    ),
    click.option(
        "--places",
        multiple=True,
        type=click.Path(dir_okay=False),
        help="Places in the built-in regions.tsv format (name, aliases, country, lat, "
        "lon, kind, geonames_id), added to the gazetteer (repeatable).",
    ),
]
dict_options = [
    *extension_options,
    click.option(
        "--actors",
        multiple=True,
        type=click.Path(dir_okay=False),
        help="PETRARCH/TABARI-format actor dictionary (repeatable).",
    ),
    click.option(
        "--agents",
        multiple=True,
        type=click.Path(dir_okay=False),
        help="PETRARCH/TABARI-format agent dictionary (repeatable).",
    ),
    click.option(
        "--no-builtin-kb",
        is_flag=True,
        help="Use only the given dictionaries and --kb folders, not the built-in knowledge base.",
    ),
    click.option(
        "--verbs",
        multiple=True,
        type=click.Path(dir_okay=False),
        help="PETRARCH/TABARI-format verb dictionary (repeatable); its verbs are coded "
        "by it, other words by the built-in event lexicon.",
    ),
    click.option(
        "--no-builtin-lexicon",
        is_flag=True,
        help="Code events with the --verbs dictionaries and --lexicon files only: no "
        "built-in lexicon row or word class is read.",
    ),
    click.option(
        "--unanchored",
        is_flag=True,
        help="Also emit events with no actor, no recipient and no place (left out by "
        "default: see docs/records.md).",
    ),
]


def _collect(params: tuple[str, ...], options: list):
    """A decorator adding `options`; the command receives their values as one dict."""

    def decorate(f):
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            kwargs["dictionaries"] = {k: kwargs.pop(k) for k in params}
            return f(*args, **kwargs)

        for opt in reversed(options):
            wrapper = opt(wrapper)
        return wrapper

    return decorate


def with_dictionaries(f):
    """Adds the coder's options (user data, dictionaries, --unanchored); the command receives
    them as one `dictionaries` dict."""
    return _collect(DICTIONARY_PARAMS, dict_options)(f)


def with_extensions(f):
    """Adds --kb, --lexicon and --places alone (the demo's own corpus, the user's data)."""
    return _collect(EXTENSION_PARAMS, extension_options)(f)


def _spec(dictionaries: Optional[dict] = None, story_types: bool = True):
    """The coder for the command's options, as a recipe a worker process can build too;
    `story_types` False where nothing the command prints or stores reads the story type (its
    models take a part of start-up)."""
    from .runners import PipelineSpec

    d = dictionaries or {}
    return PipelineSpec(
        actors=tuple(d.get("actors", ())),
        agents=tuple(d.get("agents", ())),
        verbs=tuple(d.get("verbs", ())),
        builtin_kb=not d.get("no_builtin_kb"),
        builtin_lexicon=not d.get("no_builtin_lexicon"),
        unanchored=bool(d.get("unanchored")),
        kb=tuple(d.get("kb", ())),
        lexicon=tuple(d.get("lexicon", ())),
        places=tuple(d.get("places", ())),
        story_types=story_types,
    )


def _pipeline(dictionaries: Optional[dict] = None, story_types: bool = True):
    return _spec(dictionaries, story_types).build()


workers_option = click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    envvar="ANNALES_WORKERS",
    help="Processes coding at once, each loading the pipeline once; output is the same in the "
    "same order [default: all cores; 1 codes in this process].",
)


def _spark_conf(ctx, param, values) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        key, eq, setting = value.partition("=")
        if not eq or not key.strip():
            raise UsageError(what="--spark-conf", expected="KEY=VALUE", found=value)
        pairs.append((key.strip(), setting))
    return pairs


engine_options = [
    click.option(
        "--engine",
        type=click.Choice(["local", "spark"]),
        default="local",
        show_default=True,
        help="local: worker processes on this machine; spark: a Spark cluster (see "
        "docs/scaling.md).",
    ),
    click.option(
        "--spark-master",
        default="local[*]",
        show_default=True,
        help="With --engine spark: local[N], or the cluster's master URL.",
    ),
    click.option(
        "--spark-output",
        type=click.Path(file_okay=False),
        help="With --engine spark: folder for the Parquet the job writes (on a cluster, "
        "one every node sees); kept. [default: a temporary folder]",
    ),
    click.option(
        "--spark-conf",
        multiple=True,
        callback=_spark_conf,
        help="With --engine spark: a Spark setting KEY=VALUE (repeatable).",
    ),
]


def with_engine(f):
    for opt in reversed(engine_options):
        f = opt(f)
    return f


def _fail(exc: AnnalesError) -> None:
    click.echo(f"annales: error {exc}", err=True)
    sys.exit(EXIT_INTERRUPTED if isinstance(exc, Interrupted) else EXIT_NOTHING_DONE)


def _report_rejection(rej, sink: Optional[RecordWriter]) -> None:
    from .ingest import is_fatal

    kind = "rejected" if is_fatal(rej) else "warning"  # a warning's article is still coded
    click.echo(f"annales: {kind} {rej.input}: {rej.reason_code} {rej.message}", err=True)
    if sink is not None:
        sink.write(rej.to_dict())


def _exit_code(coded: int, rejected: int) -> int:
    if coded == 0 and rejected > 0:
        return EXIT_NOTHING_DONE
    return EXIT_SOME_REJECTED if rejected else EXIT_OK


class Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except AnnalesError as exc:
            _fail(exc)


@click.group(cls=Group, epilog="Example: annales code article.txt --published 2017-01-12")
@click.version_option(version=__version__, prog_name="annales")
def main():
    """annales: political event data from English news.

    Turns news text into sourced event records: who did -- or only hoped, threatened, demanded
    or denied doing -- what to whom, when, according to whom.
    """


@main.command(
    epilog="Examples:\n\n  annales code article.txt --published 2017-01-12\n\n"
    "  cat articles.jsonl | annales code - --format csv"
)
@click.argument("paths", nargs=-1, required=True)
@published_option
@format_option
@click.option(
    "--rejections",
    "rejections_path",
    type=click.Path(dir_okay=False),
    help="Also write rejection rows (JSONL) to this file.",
)
@workers_option
@with_dictionaries
def code(paths, published, fmt, rejections_path, workers, dictionaries):
    """Code text files, directories, JSONL/CSV/HTML/WARC files or '-' (stdin) into event records."""
    from .ingest import is_fatal, read_inputs
    from .ingest.duplicates import unique_ids
    from .runners import make_runner
    from .schema import Rejection

    fmt = fmt or _default_format()
    # event rows carry no story type
    runner = make_runner(_spec(dictionaries, story_types=False), workers)
    out = RecordWriter(sys.stdout, fmt, TABLE_COLUMNS if fmt == "table" else EVENT_COLUMNS)
    rej_file = open(rejections_path, "w", encoding="utf-8") if rejections_path else None
    rej_sink = RecordWriter(rej_file, "jsonl") if rej_file else None
    coded = rejected = 0
    try:
        items = unique_ids(read_inputs(list(paths), published=published))
        for item in runner.run(items):
            if isinstance(item, Rejection):
                rejected += is_fatal(item)  # a warning row (R008) still codes its article
                _report_rejection(item, rej_sink)
                continue
            coded += 1
            for event in item.events:
                out.write(event.to_dict(), flatten_event(event))
    except KeyboardInterrupt:
        raise Interrupted(
            done=f"{coded} articles coded and written, {rejected} rejected",
            kept="The article being coded when it stopped has no records.",
        ) from None
    finally:
        out.close()
        if rej_file:
            rej_file.close()
    sys.exit(_exit_code(coded, rejected))


@main.command(
    epilog="Examples:\n\n  annales ingest corpus/ --db events.duckdb\n\n"
    "  annales ingest corpus/ --engine spark --spark-master spark://head:7077"
)
@click.argument("paths", nargs=-1, required=True)
@db_option
@published_option
@workers_option
@with_engine
@with_dictionaries
def ingest(
    paths, db, published, workers, engine, spark_master, spark_output, spark_conf, dictionaries
):
    """Code inputs and store articles, events, quotes and rejections in DuckDB (idempotent)."""
    from .jobs import ingest as run_ingest
    from .progress import Progress, estimate_total
    from .runners import make_runner

    progress = Progress(sys.stderr)
    if progress.active:
        progress.total = estimate_total(paths)

    def rejected(row) -> None:
        progress.clear()
        _report_rejection(row, None)

    runner = make_runner(
        _spec(dictionaries),
        workers,
        engine,
        spark_master=spark_master,
        spark_output=spark_output,
        spark_conf=spark_conf,
    )
    # the path, not an open Store: the file is held only while a batch is committed, so
    # `annales events` and `annales serve` can read it meanwhile
    try:
        stats = run_ingest(
            list(paths),
            db,
            published=published,
            runner=runner,
            on_rejection=rejected,
            on_progress=progress.update,
        )
    finally:
        progress.close()
    click.echo(
        f"{stats.new_articles} new articles ({stats.skipped} already stored), "
        f"{stats.events} events, {stats.rejected} rejected -> {db}",
        err=True,
    )
    sys.exit(_exit_code(stats.new_articles + stats.skipped, stats.rejected))


@main.command(
    epilog="Example:\n\n  annales events --actor-country USA --modality asserted "
    "--since 2016-01-01 --format csv"
)
@db_option
@click.option("--actor-country", help="ISO3 or IGO code of an actor.")
@click.option("--recipient-country", help="ISO3 or IGO code of a recipient.")
@click.option("--event", "event_type", help="PLOVER event type, e.g. SANCTION.")
@click.option("--modality", type=click.Choice(["asserted", "negated", "future", "hypothetical"]))
@click.option("--since", help="Earliest event date (YYYY-MM-DD).")
@click.option("--until", help="Latest event date (YYYY-MM-DD).")
@click.option("--text", help="Words that must appear in the sentence.")
@click.option("--limit", type=int, default=None)
@format_option
def events(
    db, actor_country, recipient_country, event_type, modality, since, until, text, limit, fmt
):
    """Query stored events."""
    from .store import Store

    fmt = fmt or _default_format()
    out = RecordWriter(sys.stdout, fmt, TABLE_COLUMNS if fmt == "table" else EVENT_COLUMNS)
    with Store(db, read_only=True) as store:
        found = store.events(
            actor_country=actor_country,
            recipient_country=recipient_country,
            event=event_type and event_type.upper(),
            modality=modality,
            since=since,
            until=until,
            text=text,
            limit=limit,
        )
        for e in found:
            out.write(e.to_dict(), flatten_event(e))
        hint = (
            None
            if found
            else store.country_hint(
                actor_country=actor_country, recipient_country=recipient_country
            )
        )
    out.close()
    if hint:
        click.echo(f"annales: {hint}", err=True)


@main.command(
    epilog="Examples:\n\n  annales export --db events.duckdb --format gdelt -o events.tsv"
    "\n\n  annales export --db events.duckdb --format parquet -o events.parquet"
)
@db_option
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(("parquet", "csv", "jsonl", "plover", "gdelt", "icews")),
    help="parquet (full record), csv/jsonl (as `annales events`), plover (JSONL), "
    "gdelt (2.0 events, 61 columns), icews (20 columns).",
)
@click.option(
    "-o", "--output", default="-", show_default=True, help="File to write, '-' for stdout."
)
def export(db, fmt, output):
    """Export every stored record (see docs/exports.md for each format's columns)."""
    from .exports import export as run_export

    try:
        rows = run_export(db, fmt, output)
    except BrokenPipeError:
        # "annales export ... | head": the reader has what it wanted; stop quietly, as Unix
        # tools do (stdout goes to /dev/null so Python's exit flush cannot fail again)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    click.echo(f"annales: {rows} rows ({fmt}) -> {'stdout' if output == '-' else output}", err=True)


@main.command(
    name="eval",
    epilog="Examples:\n\n  annales eval --data ../shared/data --limit 300"
    "\n\n  annales eval --floors eval-floors.json",
)
@click.option(
    "--data",
    "data_dir",
    default="../shared/data",
    show_default=True,
    envvar="ANNALES_DATA",
    help="Folder holding petrarch2/, ngec/, conflibert/.",
)
@click.option("--set", "sets", multiple=True, help="Only these gold sets (repeatable).")
@click.option("--limit", type=int, default=None, help="At most this many items per set.")
@click.option(
    "--floors",
    "floors_path",
    type=click.Path(dir_okay=False),
    help="Quality gate: run the sets this file names and exit 1 below a floor.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_(data_dir, sets, limit, floors_path, as_json):
    """Score the coder against the gold sets and print one table."""
    from . import eval as evaluation
    from .eval import floors as gate

    if floors_path:
        floors = gate.load(floors_path)
        report = evaluation.EvalReport()
        for name, set_limit in gate.plan(floors).items():
            report.results.extend(evaluation.run(data_dir, sets=[name], limit=set_limit).results)
    else:
        report = evaluation.run(data_dir, sets=list(sets) or None, limit=limit)
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.table())
    if floors_path:
        failures = gate.check(report, floors, data_dir)
        for line in failures:
            click.echo(f"annales: below floor: {line}", err=True)
        sys.exit(EXIT_SOME_REJECTED if failures else EXIT_OK)


@main.command(epilog="Example:\n\n  annales actors Trump --date 2017-01-12")
@click.argument("name")
@click.option("--date", "day", help="Resolve as of this date (YYYY-MM-DD).")
@with_dictionaries
def actors(name, day, dictionaries):
    """Show how a name resolves to an actor, and why (which entry, which rule)."""
    from .actors import explain
    from .normalize.dates import parse_published

    pipeline = _pipeline(dictionaries)
    click.echo(
        json.dumps(explain(pipeline.kb, name, parse_published(day)), indent=2, ensure_ascii=False)
    )


@main.command(epilog="Example:\n\n  annales demo --db demo.duckdb")
@click.option("--db", default="annales-demo.duckdb", show_default=True)
@click.option("--examples", default=8, show_default=True, help="How many example records.")
@with_extensions
def demo(db, examples, dictionaries):
    """Code the bundled sample corpus into DuckDB and print a summary."""
    from .jobs import ingest as run_ingest
    from .store import Store
    from .summary import pick_examples, summarize

    corpus = resources.files("annales") / "data" / "corpus" / "articles.jsonl"
    with resources.as_file(corpus) as path:
        stats = run_ingest([str(path)], db, _pipeline(dictionaries))
    with Store(db, read_only=True) as store:
        chosen = pick_examples(store.events(), examples)
        articles = {a: store.article(a) for a in {e.article_id for e in chosen}}
        texts = {a: article.text for a, article in articles.items() if article is not None}
        click.echo(summarize(store.counts(), [(e, texts[e.article_id]) for e in chosen]))
    click.echo(
        f"Stored in {db} ({stats.new_articles} new articles this run). Try:\n"
        f"  annales events --db {db} --modality hypothetical --format table"
    )


@main.command(epilog='Example:\n\n  annales places "Clashes broke out in Hebron and Paris, Texas."')
@click.argument("text")
@format_option
@click.option(
    "--places",
    "place_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Places in the built-in regions.tsv format, added to the gazetteer "
    "(repeatable; see docs/extending.md).",
)
def places(text, fmt, place_files):
    """Show the places found in TEXT ('-' for stdin), how each resolved, and why."""
    from .normalize.places import explain_places

    if text == "-":
        text = sys.stdin.read()
    fmt = fmt or _default_format()
    out = RecordWriter(sys.stdout, fmt)
    for row in explain_places(text, place_files):
        out.write(row)
    out.close()


@main.command(epilog="Example:\n\n  annales serve --db events.duckdb --port 8000")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help='TOML file with ingest_token = "..." (ANNALES_TOKEN wins over it); '
    "without a token POST /api/ingest is refused.",
)
def serve(db, host, port, config_path):
    """Serve the HTTP API (/api, /openapi.json) and the dashboard (/) over a store."""
    import os

    import uvicorn

    from .api.app import create_app
    from .api.config import ingest_token
    from .errors import StoreMissing

    if not os.path.exists(db):
        raise StoreMissing(path=db)
    app = create_app(db, token=ingest_token(config_path))
    click.echo(
        f"annales: serving {db} on http://{host}:{port}/ (API: /api, /openapi.json)", err=True
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
