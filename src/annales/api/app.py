"""The FastAPI application: the API under /api, the dashboard pages beside it, and one error
shape for everything that goes wrong:

    {"error": {"code": "E101", "message": "E101: no event 'x': expected ...", "status": 404}}
"""

from __future__ import annotations

import contextlib
import logging
from typing import Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import (
    AnnalesError,
    HTTPError,
    InvalidRequest,
    MethodNotAllowed,
    NotFound,
    StoreError,
    StoreMissing,
    UsageError,
)
from .coding import LazyPipeline
from .db import Database

log = logging.getLogger("annales.api")

CODE_LIMIT = 256 * 1024  # bytes of one POST /api/code body (an article is < 200,000 chars)
INGEST_LIMIT = 32 * 1024 * 1024  # bytes of one POST /api/ingest body


def error_response(exc: AnnalesError) -> JSONResponse:
    if isinstance(exc, HTTPError):
        status = exc.status
    elif isinstance(exc, UsageError):
        status = 422
    elif isinstance(exc, StoreMissing):
        status = 503
    else:
        status = 500
    body = {"code": exc.code, "message": str(exc), "status": status}
    body.update(
        {
            k: v
            for k, v in exc.details.items()
            if isinstance(v, (str, int, float, bool, list)) and k not in body
        }
    )
    headers = {"Retry-After": "2"} if status == 503 else None
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def create_app(
    db_path: str,
    token: Optional[str] = None,
    pipeline=None,
    code_limit: int = CODE_LIMIT,
    ingest_limit: int = INGEST_LIMIT,
) -> FastAPI:
    """The app over the store at `db_path`.  `token` enables POST /api/ingest; `pipeline`
    (optional) is a loaded annales.Pipeline to code with, else one is built on first use."""
    from ..web.pages import router as pages
    from .routes import router as api

    app = FastAPI(
        title="annales",
        version=_version(),
        description="Political event records from English news: query the store, "
        "see why each record exists, code text on request.",
        lifespan=_lifespan,
        docs_url=None,
        redoc_url=None,
    )  # their pages use a CDN
    app.state.db = Database(db_path)
    app.state.token = token
    app.state.pipeline = LazyPipeline(pipeline=pipeline)
    app.state.code_limit = code_limit
    app.state.ingest_limit = ingest_limit
    app.include_router(api)
    app.include_router(pages)

    @app.exception_handler(AnnalesError)
    async def annales_error(request: Request, exc: AnnalesError):
        if not isinstance(exc, HTTPError) and isinstance(exc, StoreError):
            log.warning("%s %s: %s", request.method, request.url.path, exc)
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        )
        return error_response(
            InvalidRequest(
                what="request", expected="the parameters in /openapi.json", found=problems
            )
        )

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if exc.status_code == 404:
            return error_response(
                NotFound(
                    what="page",
                    found=request.url.path,
                    expected="a path listed in /openapi.json or a dashboard page",
                )
            )
        if exc.status_code == 405:
            return error_response(MethodNotAllowed(method=request.method, path=request.url.path))
        generic = HTTPError(detail=str(exc.detail))
        generic.status = exc.status_code
        return error_response(generic)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("%s %s failed", request.method, request.url.path)
        return error_response(HTTPError(detail=type(exc).__name__))

    return app


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI):
    yield
    app.state.db.close()


def _version() -> str:
    from .. import __version__

    return __version__
