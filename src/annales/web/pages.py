"""The dashboard's pages.  Each HTML page has a JSON twin at the same path plus ".json"
(`/` -> `/index.json`), built by the same query function; the HTML is rendered on the server
from that data, and the charts are drawn in the browser from the twin.

Offline by construction: the charts' JavaScript (plotly.min.js) and the world map's country
shapes (an SVG) are read from the Python packages that ship them (plotly, pygal_maps_world),
installed with annales, and served from here; no page refers to another host."""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Annotated, Literal, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from ..api import queries
from ..api.filters import Filters
from ..api.routes import filters as filter_params
from ..errors import NotFound
from ..schema import EVENT_TYPES, MODALITIES

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files(__package__) / "templates"))

# What the pages load, and the installed package file each one is.
VENDOR = {
    "plotly.min.js": ("plotly", "package_data/plotly.min.js", "application/javascript"),
    "worldmap.svg": ("pygal_maps_world", "worldmap.svg", "image/svg+xml"),
}
STATIC = {
    "dashboard.js": "application/javascript",
    "reader.js": "application/javascript",
    "style.css": "text/css",
}
FiltersDep = Annotated[Filters, Depends(filter_params)]


def _context(request: Request, f: Filters, **extra) -> dict:
    with request.app.state.db.read() as con:
        sources = queries.sources(con)
    return {
        "request": request,
        "filters": f.params(),
        "event_types": EVENT_TYPES,
        "modalities": MODALITIES,
        "quad_classes": queries.QUAD_CLASSES,
        "sources": sources,
        "query": urlencode(f.params()),
        "link": lambda **more: urlencode(
            f.params() | {k: v for k, v in more.items() if v is not None}
        ),
        **extra,
    }


# -- dashboard --------------------------------------------------------------------------------
def _overview(request: Request, f: Filters, interval: str, by: str) -> dict:
    with request.app.state.db.read() as con:
        data = queries.overview(con, f)
        data["timeline"] = queries.time_series(con, f, interval, by)
    shapes = map_shapes()
    for rows in data["countries"].values():
        for row in rows:
            row["on_map"] = bool(row["iso2"]) and row["iso2"].lower() in shapes
    return data


@functools.cache
def map_shapes() -> frozenset[str]:
    """The lower-case ISO alpha-2 codes the world map has a shape for."""
    svg = _vendor_bytes("worldmap.svg").decode("utf-8")
    return frozenset(re.findall(r'<g class="([a-z]{2}) country', svg))


@router.get("/index.json")
def dashboard_json(
    request: Request,
    f: FiltersDep,
    interval: Literal["day", "week", "month", "year"] = "month",
    by: Literal["quad_class", "event"] = "quad_class",
):
    return _overview(request, f, interval, by)


@router.get("/", response_class=HTMLResponse)
def dashboard(
    request: Request,
    f: FiltersDep,
    interval: Literal["day", "week", "month", "year"] = "month",
    by: Literal["quad_class", "event"] = "quad_class",
    map: Literal["actor", "recipient", "location"] = "actor",
):
    data = _overview(request, f, interval, by)
    return templates.TemplateResponse(
        request,
        "dashboard.html",
        _context(request, f, data=data, interval=interval, by=by, map_by=map),
    )


# -- events list ------------------------------------------------------------------------------
def _page(request: Request, f: Filters, cursor: Optional[str], limit: int) -> dict:
    with request.app.state.db.read() as con:
        page = queries.list_events(con, f, cursor=cursor, limit=limit)
        total = queries.count_events(con, f)
    return {
        "filters": f.params(),
        "total": total,
        "events": [e.to_dict() for e in page.events],
        "next_cursor": page.next_cursor,
    }


@router.get("/events.json")
def events_json(
    request: Request,
    f: FiltersDep,
    cursor: Optional[str] = None,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 50,
):
    return _page(request, f, cursor, limit)


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    f: FiltersDep,
    cursor: Optional[str] = None,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 50,
):
    data = _page(request, f, cursor, limit)
    return templates.TemplateResponse(
        request, "events.html", _context(request, f, data=data, limit=limit)
    )


# -- article reader ---------------------------------------------------------------------------
@router.get("/articles/{article_id}.json")
def article_json(request: Request, article_id: str):
    with request.app.state.db.read() as con:
        return queries.get_article(con, article_id)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str):
    with request.app.state.db.read() as con:
        data = queries.get_article(con, article_id)
    return templates.TemplateResponse(
        request, "article.html", _context(request, Filters(), data=data, article_id=article_id)
    )


# -- assets -----------------------------------------------------------------------------------
@router.get("/vendor/{name}")
def vendor(name: str):
    if name not in VENDOR:
        raise NotFound(what="asset", found=name, expected="one of " + ", ".join(VENDOR))
    return Response(
        _vendor_bytes(name), media_type=VENDOR[name][2], headers={"Cache-Control": "max-age=86400"}
    )


@functools.cache
def _vendor_bytes(name: str) -> bytes:
    package, path, _ = VENDOR[name]
    return (resources.files(package) / path).read_bytes()


@router.get("/static/{name}")
def static(name: str):
    if name not in STATIC:
        raise NotFound(what="asset", found=name, expected="one of " + ", ".join(STATIC))
    body = (resources.files(__package__) / "static" / name).read_bytes()
    return Response(body, media_type=STATIC[name])
