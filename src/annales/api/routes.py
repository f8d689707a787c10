"""The HTTP API: thin handlers over annales.api.queries (reads) and annales.api.coding."""

from __future__ import annotations

import csv
import hmac
import io
import json
from typing import Annotated, Literal, Optional

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from ..errors import IngestDisabled, InvalidRequest, PayloadTooLarge, Unauthorized
from ..output import EVENT_COLUMNS, flatten_event
from . import queries
from .coding import code_posted, ingest_records, posted_article
from .filters import Filters

router = APIRouter(prefix="/api")


def filters(
    actor_country: Annotated[
        Optional[str], Query(description="ISO3 or IGO code of an actor")
    ] = None,
    recipient_country: Annotated[Optional[str], Query(description="... of a recipient")] = None,
    country: Annotated[Optional[str], Query(description="... of an actor or a recipient")] = None,
    location_country: Annotated[Optional[str], Query(description="where it happened")] = None,
    event: Annotated[Optional[str], Query(description="PLOVER event type, e.g. SANCTION")] = None,
    # strings, so that a form's empty field means "any" as it does for the other filters
    quad_class: Annotated[
        Optional[str], Query(pattern="^[1-4]?$", description="1, 2, 3 or 4")
    ] = None,
    modality: Annotated[
        Optional[str], Query(description="asserted, negated, future or hypothetical")
    ] = None,
    asserted: Annotated[
        Optional[str], Query(pattern="^(true|false)?$", description="true: asserted; false: not")
    ] = None,
    since: Annotated[Optional[str], Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    text: Annotated[Optional[str], Query(description="words the sentence must hold")] = None,
    source: Annotated[Optional[str], Query(description="the article's source")] = None,
    article_id: Annotated[Optional[str], Query()] = None,
) -> Filters:
    """The filters of `annales events`, plus either-side country, place, quad class, source."""
    return Filters.from_params(dict(locals()))


FiltersDep = Annotated[Filters, Depends(filters)]


@router.get("/events", summary="Events matching the filters, a page at a time")
def list_events(
    request: Request,
    f: FiltersDep,
    cursor: Optional[str] = None,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 100,
    format: Literal["json", "csv", "jsonl"] = "json",
):
    """JSON: `{"events": [...], "next_cursor"}`; CSV (the columns of `annales events --format
    csv`) and JSONL carry the next cursor in the `X-Next-Cursor` header.  Pass `cursor` back
    for the next page; it is absent on the last one."""
    with request.app.state.db.read() as con:
        page = queries.list_events(con, f, cursor=cursor, limit=limit)
    headers = {"X-Next-Cursor": page.next_cursor} if page.next_cursor else {}
    if format == "json":
        return JSONResponse(
            {
                "events": [e.to_dict() for e in page.events],
                "next_cursor": page.next_cursor,
                "filters": f.params(),
            }
        )
    if format == "jsonl":
        body = "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in page.events)
        return Response(body, media_type="application/x-ndjson", headers=headers)
    out = io.StringIO()
    writer = csv.DictWriter(out, EVENT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for e in page.events:
        writer.writerow(flatten_event(e))
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get(
    "/events/{event_id}", summary="One event with its article, sentence, mentions and quotes"
)
def get_event(request: Request, event_id: str):
    with request.app.state.db.read() as con:
        return queries.get_event(con, event_id)


@router.get(
    "/articles/{article_id}",
    summary="An article with its events, quotes and the spans they come from",
)
def get_article(request: Request, article_id: str):
    with request.app.state.db.read() as con:
        return queries.get_article(con, article_id)


@router.get("/actors", summary="Actors (or recipients) and their event counts")
def actors(
    request: Request,
    f: FiltersDep,
    role: Literal["actor", "recipient"] = "actor",
    limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 50,
):
    with request.app.state.db.read() as con:
        return {"role": role, "actors": queries.actor_counts(con, f, role, limit)}


@router.get("/dyads", summary="(actor country, recipient country) pairs and their counts")
def dyads(
    request: Request, f: FiltersDep, limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 20
):
    with request.app.state.db.read() as con:
        return {"dyads": queries.dyad_counts(con, f, limit)}


@router.get(
    "/timeseries",
    summary="Events per day, week, month or year, per quad class or "
    "event type, asserted and not asserted",
)
def timeseries(
    request: Request,
    f: FiltersDep,
    interval: Literal["day", "week", "month", "year"] = "month",
    by: Literal["quad_class", "event"] = "quad_class",
):
    with request.app.state.db.read() as con:
        return queries.time_series(con, f, interval, by)


@router.get("/countries", summary="Events per country: as actor, as recipient, or by location")
def countries(
    request: Request, f: FiltersDep, by: Literal["actor", "recipient", "location"] = "actor"
):
    with request.app.state.db.read() as con:
        return {"by": by, "countries": queries.country_counts(con, f, by)}


@router.get("/sources", summary="Article sources and their article counts")
def sources(request: Request):
    with request.app.state.db.read() as con:
        return {"sources": queries.sources(con)}


CODE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {
                        "text": {"type": "string"},
                        "published": {"type": "string", "format": "date"},
                        "title": {"type": "string"},
                    },
                }
            },
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "/code", summary="Code posted text into event records (not stored)", openapi_extra=CODE_BODY
)
async def code(request: Request, published: Optional[str] = None):
    """JSON `{"text", "published", "title"}`, or the text itself as text/plain (then
    `published` is a query parameter).  413 over the size limit, 422 for a malformed body."""
    raw = await read_body(
        request,
        request.app.state.code_limit,
        "Post one article per request; split longer documents.",
    )
    if _is_json(request):
        body = _json_body(raw)
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            raise InvalidRequest(
                what="body",
                expected='a JSON object with "text" (a string)',
                found=type(body).__name__ if not isinstance(body, dict) else "no text string",
            )
        for key in ("published", "title"):
            if body.get(key) is not None and not isinstance(body[key], str):
                raise InvalidRequest(what=key, expected="a string", found=repr(body[key]))
        text, published, title = body["text"], body.get("published", published), body.get("title")
    else:
        text, title = _utf8(raw), None
    article = posted_article(text, published, title)
    pipeline = await run_in_threadpool(request.app.state.pipeline.get)
    return await run_in_threadpool(code_posted, pipeline, article)


INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-ndjson": {
                "schema": {
                    "type": "string",
                    "description": 'one {"id", "text", "published", "title", "url", "source"} a line',
                }
            },
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {"articles": {"type": "array", "items": {"type": "object"}}},
                }
            },
        },
    }
}


@router.post(
    "/ingest",
    summary="Code posted articles and store them (needs the ingest token)",
    openapi_extra=INGEST_BODY,
)
async def ingest(request: Request):
    """Articles as JSONL (`annales ingest` rules: validated, idempotent) or JSON
    `{"articles": [...]}`, with `Authorization: Bearer TOKEN`.  Gives the ingest's counts and
    its rejection rows."""
    check_token(request)
    raw = await read_body(
        request, request.app.state.ingest_limit, "Post the articles in several requests."
    )
    if _is_json(request):
        body = _json_body(raw)
        records = body.get("articles") if isinstance(body, dict) else None
        if not isinstance(records, list):
            raise InvalidRequest(
                what="body", expected='{"articles": [...]}', found=type(body).__name__
            )
    else:
        records = []
        for n, line in enumerate(_utf8(raw).splitlines(), 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InvalidRequest(
                        what=f"line {n}", expected="one JSON object a line", found=exc.msg
                    ) from exc
    pipeline = await run_in_threadpool(request.app.state.pipeline.get)

    def work():
        with request.app.state.db.write() as store:
            return ingest_records(records, store, pipeline)

    return await run_in_threadpool(work)


def check_token(request: Request) -> None:
    expected = request.app.state.token
    if not expected:
        raise IngestDisabled()
    header = request.headers.get("authorization", "")
    if not header:
        raise Unauthorized(what="no credentials", found="no Authorization header")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise Unauthorized(what="malformed credentials", found=f"a {scheme!r} header")
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise Unauthorized(what="wrong token", found="a token that does not match")


async def read_body(request: Request, limit: int, hint: str) -> bytes:
    """The body, refused with 413 as soon as it passes `limit` bytes (before reading it all
    when Content-Length says so)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(limit=limit, found=f"{int(declared):,} bytes", hint=hint)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(limit=limit, found="more", hint=hint)
        chunks.append(chunk)
    return b"".join(chunks)


def _is_json(request: Request) -> bool:
    return request.headers.get("content-type", "").split(";")[0].strip() == "application/json"


def _utf8(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidRequest(
            what="body", expected="UTF-8 text", found=f"undecodable bytes at offset {exc.start}"
        ) from exc


def _json_body(raw: bytes):
    try:
        return json.loads(_utf8(raw))
    except json.JSONDecodeError as exc:
        raise InvalidRequest(what="body", expected="JSON", found=exc.msg) from exc
