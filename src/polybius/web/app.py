"""The explorer's HTTP server: a read-only JSON API over a store, and the pages that use it.

Safety, by construction: the database is opened read-only; request values reach SQL only
as bound parameters (sort keys are looked up in a whitelist); static files are read from
this package through ``importlib.resources`` under fixed names, so no request path
touches the file system; the server binds 127.0.0.1 unless given a token.
"""

from __future__ import annotations

import datetime as dt
import gc
import hmac
import html
import ipaddress
import logging
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs

import pandas as pd
import pydantic_core
from fastapi import FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from polybius import __version__, analyse
from polybius.errors import ConfigError, Errors, PolybiusError, StoreError
from polybius.events.ontology import UnknownCodeError, load_ontology
from polybius.store import Store
from polybius.web import _queries
from polybius.web._index import EventIndex
from polybius.web.models import (
    ApiError,
    DocumentOut,
    DocumentPage,
    DyadSeries,
    EventDetail,
    EventPage,
    NetworkOut,
    ReportPage,
    Summary,
    TopActors,
)

__all__ = ["create_app", "is_loopback", "serve"]

logger = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_ACTOR = r"^[A-Za-z0-9]{1,24}$"
_ID = r"^[A-Za-z0-9_.:\-]{1,128}$"
_HINTS = {
    "since": "give a date as YYYY-MM-DD",
    "until": "give a date as YYYY-MM-DD",
    "actor": "give a CAMEO actor code (prefix) of letters and digits, e.g. RUS or RUSGOV",
    "source": "give a CAMEO actor code (prefix) of letters and digits, e.g. RUS or RUSGOV",
    "target": "give a CAMEO actor code (prefix) of letters and digits, e.g. RUS or RUSGOV",
    "a": "give a CAMEO actor code (prefix) of letters and digits, e.g. RUS",
    "b": "give a CAMEO actor code (prefix) of letters and digits, e.g. UKR",
    "dyad": "give two actor codes separated by a comma, e.g. RUS,UKR",
    "code": "give a CAMEO event code of 2-4 digits, e.g. 042 (see `polybius codes`)",
    "plover": "give a PLOVER event type, e.g. CONSULT",
    "quad_class": "give 1 (verbal cooperation) to 4 (material conflict)",
    "sort": f"sort by one of {', '.join(_queries.SORT_KEYS)}",
    "order": "use asc or desc",
    "by": f"use one of {', '.join(analyse.PERIODS)}",
    "level": "use code or country",
}
_STATIC: dict[str, tuple[str, str, str]] = {
    # name in the URL -> (package, resource, media type); nothing else is served.
    "app.js": ("polybius.web", "static/app.js", "text/javascript; charset=utf-8"),
    "app.css": ("polybius.web", "static/app.css", "text/css; charset=utf-8"),
    "plotly.min.js": ("plotly", "package_data/plotly.min.js", "text/javascript; charset=utf-8"),
}
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


class BadParameter(Exception):
    """A request value that passed its type check but names nothing we know (422)."""

    def __init__(self, name: str, value: object, hint: str) -> None:
        super().__init__(Errors.E078.format(name=name, value=value, hint=hint))
        self.name = name
        self.value = value


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and any loopback address (127.0.0.0/8, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _Stores:
    """One read-only DuckDB cursor per worker thread over a single read-only connection."""

    def __init__(self, db_path: str | Path, *, in_memory: bool) -> None:
        path = Path(db_path)
        if not path.is_file():
            raise StoreError(Errors.E401.format(path=path, reason="no such database file"))
        self.base = Store.open(path, read_only=True)
        tables = {row[0] for row in self.base.connection.execute("SHOW TABLES").fetchall()}
        missing = {"events", "reports", "documents", "sentences"} - tables
        if missing:
            self.base.close()
            reason = f"not a Polybius database (no {', '.join(sorted(missing))} table)"
            raise StoreError(Errors.E401.format(path=path, reason=reason))
        self._local = threading.local()
        self._lock = threading.Lock()
        self.index: EventIndex | None = None
        if in_memory:
            self.index = EventIndex.load(self.base)

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            with self._lock:
                cursor = self.base.connection.cursor()
            store = Store(cursor, path=self.base.path, dedup=self.base.dedup)
            self._local.store = store
        return store


class _TokenGuard:
    """ASGI middleware: every ``/api/`` request needs the token (Bearer header or ?token=)."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token.encode("utf-8")

    def _allowed(self, scope: Scope) -> bool:
        for name, value in scope.get("headers", ()):
            if name == b"authorization" and value[:7].lower() == b"bearer ":
                return hmac.compare_digest(value[7:].strip(), self.token)
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = query.get("token", [""])[-1].encode("utf-8")
        return hmac.compare_digest(given, self.token)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            if not self._allowed(scope):
                response = JSONResponse(
                    {"message": "this server needs a token: send Authorization: Bearer TOKEN"},
                    status_code=401,
                    headers={"WWW-Authenticate": "Bearer"},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class _ResponseCache:
    """ASGI middleware: replay successful ``GET /api/`` answers, least recently used out.

    The database is read-only while the server runs, so an answer depends only on the
    path and query string; dashboards ask the same questions again and again. Answers
    carry ``X-Polybius-Cache: hit`` or ``miss``.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.used = 0
        self.entries: OrderedDict[tuple[str, bytes], tuple[Message, bytes]] = OrderedDict()
        self.lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith("/api/")
        ):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        with self.lock:
            hit = self.entries.get(key)
            if hit is not None:
                self.entries.move_to_end(key)
        if hit is not None:
            start, body = hit
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        started: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
                headers = [*message.get("headers", []), (b"x-polybius-cache", b"miss")]
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        if started.get("status") != 200:
            return
        body = b"".join(chunks)
        if len(body) > self.max_bytes // 16:
            return
        headers = [*started.get("headers", []), (b"x-polybius-cache", b"hit")]
        with self.lock:
            if key not in self.entries:
                self.entries[key] = ({**started, "headers": headers}, body)
                self.used += len(body)
            while self.used > self.max_bytes and self.entries:
                _, (_, old) = self.entries.popitem(last=False)
                self.used -= len(old)


def _resource(name: str) -> tuple[bytes, str]:
    package, path, media = _STATIC[name]
    node = resources.files(package)
    for part in path.split("/"):
        node = node / part
    return node.read_bytes(), media


def _error_message(errors: list[dict[str, Any]]) -> str:
    parts = []
    for error in errors:
        loc = error.get("loc") or ("?",)
        name = str(loc[-1])
        hint = _HINTS.get(name, "")
        reason = error.get("msg", "invalid")
        value = error.get("input")
        value = value if isinstance(value, str | int | float) else "(missing)"
        parts.append(
            Errors.E078.format(name=name, value=value, hint=f"{reason}; {hint}".strip("; "))
        )
    return "; ".join(parts)


def _check_code(code: str | None) -> str | None:
    if code is not None and not load_ontology().is_cameo(code):
        raise BadParameter("code", code, _HINTS["code"])
    return code


def _check_plover(name: str | None) -> str | None:
    if name is None:
        return None
    ontology = load_ontology()
    key = name.strip().upper()
    if key not in ontology.types and key not in ontology.aliases:
        try:
            ontology.plover_type(key)
        except UnknownCodeError:
            raise BadParameter(
                "plover", name, f"use a PLOVER event type: {', '.join(ontology.types)}"
            ) from None
    return key


def _dyad_pair(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    a, b = value.upper().split(",")
    return a, b


def _upper(value: str | None) -> str | None:
    return value.upper() if value is not None else None


def _dyad_points(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of :func:`polybius.analyse.dyad` with the PLOVER counts folded into a dict."""
    points = []
    for row in _queries.frame_records(frame):
        plover = {k[7:]: int(v) for k, v in row.items() if k.startswith("plover_") and v}
        point = {k: v for k, v in row.items() if not k.startswith("plover_")}
        points.append(point | {"plover": plover})
    return points


def _encoded(payload: dict[str, Any]) -> Response:
    """``payload`` as a JSON response, without validating it against the response model.

    For answers of the in-memory index, whose values already have the model's types
    (tests check that they come back unchanged through the model): validating a dyad
    series of 300 periods took as long as computing it. The encoding is pydantic's own,
    as FastAPI's would be, NaN and infinity written as null.
    """
    body = pydantic_core.to_json(payload, inf_nan_mode="null")
    return Response(body, media_type="application/json")


def _docs_page(schema: dict[str, Any]) -> str:
    """A plain HTML rendering of the OpenAPI schema (Swagger UI would need a CDN)."""
    rows = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = "".join(
                f"<li><code>{html.escape(p['name'])}</code> ({html.escape(p['in'])}"
                f"{', required' if p.get('required') else ''}): "
                f"{html.escape(p.get('description', ''))}</li>"
                for p in op.get("parameters", [])
            )
            rows.append(
                f"<section><h2><code>{method.upper()} {html.escape(path)}</code></h2>"
                f"<p>{html.escape(op.get('summary', ''))}</p>"
                f"<p>{html.escape(op.get('description', ''))}</p><ul>{params}</ul></section>"
            )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Polybius API</title><link rel='stylesheet' href='/static/app.css'></head>"
        "<body class='docs'><h1>Polybius HTTP API</h1>"
        "<p>Machine-readable schema: <a href='/openapi.json'>/openapi.json</a> "
        "(load it into any OpenAPI viewer). Explorer: <a href='/'>/</a>.</p>"
        + "".join(rows)
        + "</body></html>"
    )


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    in_memory: bool = True,
    cache_mb: int = 64,
) -> FastAPI:
    """The FastAPI application serving ``db_path`` read-only (API under ``/api``, page at ``/``).

    With ``token``, every ``/api/`` request must carry it as ``Authorization: Bearer`` or
    ``?token=``; the page and its static files stay public (they hold no data).
    ``in_memory`` reads the events table into memory at start (about 1 GB per million events)
    so that event searches and dyad series take milliseconds; without it they run as SQL.
    ``cache_mb`` bounds a cache of API answers (the data cannot change); 0 turns it off.
    """
    stores = _Stores(db_path, in_memory=in_memory)
    app = FastAPI(
        title="Polybius",
        version=__version__,
        description="Read-only API over a Polybius event database.",
        docs_url=None,
        redoc_url=None,
        responses={422: {"model": ApiError}},
    )
    static = {name: _resource(name) for name in _STATIC}
    index = resources.files("polybius.web").joinpath("static/index.html").read_bytes()
    html_headers = {"Content-Security-Policy": _CSP, "X-Content-Type-Options": "nosniff"}

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        return JSONResponse(
            {"message": _error_message(list(exc.errors())), "detail": jsonable_encoder(errors)},
            status_code=422,
        )

    @app.exception_handler(BadParameter)
    async def _bad(request: Request, exc: BadParameter) -> JSONResponse:
        return JSONResponse({"message": str(exc), "detail": []}, status_code=422)

    @app.exception_handler(ConfigError)
    async def _config(request: Request, exc: ConfigError) -> JSONResponse:
        return JSONResponse({"message": str(exc), "detail": []}, status_code=422)

    @app.exception_handler(PolybiusError)
    async def _store(request: Request, exc: PolybiusError) -> JSONResponse:
        logger.error("request %s failed: %s", request.url.path, exc)
        return JSONResponse({"message": str(exc), "detail": []}, status_code=503)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            {"message": str(exc.detail), "detail": []},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    # -- pages and static files ------------------------------------------------------

    @app.get("/", include_in_schema=False)
    async def page() -> Response:
        return Response(index, media_type="text/html; charset=utf-8", headers=html_headers)

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(_docs_page(app.openapi()), headers=html_headers)

    @app.get("/static/{name}", include_in_schema=False)
    async def static_file(name: str) -> Response:
        if name not in static:
            raise StarletteHTTPException(404, f"no static file {name!r}")
        body, media = static[name]
        return Response(body, media_type=media, headers={"Cache-Control": "max-age=3600"})

    # -- API -------------------------------------------------------------------------

    @app.get("/api/summary", response_model=Summary, summary="What the database holds")
    def api_summary() -> dict[str, Any]:
        return _queries.summary(stores.get())

    @app.get("/api/events", response_model=EventPage, summary="Search deduplicated events")
    async def api_events(
        actor: Annotated[
            str | None, Query(pattern=_ACTOR, description="Source or target (prefix).")
        ] = None,
        source: Annotated[
            str | None, Query(pattern=_ACTOR, description="Source actor (prefix).")
        ] = None,
        target: Annotated[
            str | None, Query(pattern=_ACTOR, description="Target actor (prefix).")
        ] = None,
        dyad: Annotated[
            str | None,
            Query(
                pattern=r"^[A-Za-z0-9]{1,24},[A-Za-z0-9]{1,24}$",
                description="Two actor prefixes, either direction: RUS,UKR.",
            ),
        ] = None,
        code: Annotated[
            str | None, Query(pattern=r"^[0-9]{2,4}$", description="CAMEO code (prefix).")
        ] = None,
        plover: Annotated[
            str | None, Query(max_length=40, description="PLOVER event type.")
        ] = None,
        quad_class: Annotated[
            int | None, Query(ge=1, le=4, description="GDELT quad class 1-4.")
        ] = None,
        since: Annotated[
            dt.date | None, Query(description="First date on or after (YYYY-MM-DD).")
        ] = None,
        until: Annotated[
            dt.date | None, Query(description="First date on or before (YYYY-MM-DD).")
        ] = None,
        place: Annotated[
            str | None, Query(min_length=1, max_length=200, description="Place name.")
        ] = None,
        text: Annotated[
            str | None,
            Query(min_length=1, max_length=200, description="Words in a report's sentence."),
        ] = None,
        sort: Literal[
            "date", "goldstein", "reports", "sources", "source", "target", "cameo", "quad_class"
        ] = Query("date", description="Sort key."),
        order: Annotated[Literal["asc", "desc"], Query(description="Sort direction.")] = "desc",
        limit: Annotated[int, Query(ge=1, le=500, description="Page size.")] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")] = 0,
    ) -> dict[str, Any] | Response:
        """Every filter is optional and they are ANDed; actor and CAMEO codes match by prefix."""
        filters = _queries.EventFilters(
            actor=_upper(actor),
            source=_upper(source),
            target=_upper(target),
            dyad=_dyad_pair(dyad),
            code=_check_code(code),
            plover=_check_plover(plover),
            quad_class=quad_class,
            since=since,
            until=until,
            place=place,
            text=text,
        )
        page = {"limit": limit, "offset": offset, "sort": sort, "order": order}
        if stores.index is not None and stores.index.can_search(filters):
            total, rows = stores.index.search(
                filters, sort=sort, order=order, limit=limit, offset=offset
            )
            return _encoded({"total": total, **page, "events": rows})
        # Free text or place: SQL over the reports, in a worker thread.
        total, rows = await run_in_threadpool(
            lambda: _queries.events_page(
                stores.get(), filters, sort=sort, order=order, limit=limit, offset=offset
            )
        )
        return {"total": total, **page, "events": rows}

    @app.get(
        "/api/events/{event_id}",
        response_model=EventDetail,
        summary="One event with all its reports and their provenance",
        responses={404: {"model": ApiError}},
    )
    async def api_event(event_id: Annotated[str, PathParam(pattern=_ID)]) -> dict[str, Any]:
        """Each report says which lexicon rule fired, how each actor was resolved, and why
        its date and place were chosen."""
        missing = Errors.E505.format(event_id=event_id, path=Path(stores.base.path).name)
        row = None
        if stores.index is not None:
            found = stores.index.get(event_id)
            if found is None:
                raise StarletteHTTPException(404, missing)
            row, has_reports = found
            if not has_reports:
                return {"event": row, "sources": [], "reports": []}
        detail = await run_in_threadpool(
            lambda: _queries.event_detail(stores.get(), event_id, event=row)
        )
        if detail is None:
            raise StarletteHTTPException(404, missing)
        return detail

    @app.get("/api/reports", response_model=ReportPage, summary="Search reports (mentions)")
    def api_reports(
        actor: Annotated[
            str | None, Query(pattern=_ACTOR, description="Source or target (prefix).")
        ] = None,
        source: Annotated[
            str | None, Query(pattern=_ACTOR, description="Source actor (prefix).")
        ] = None,
        target: Annotated[
            str | None, Query(pattern=_ACTOR, description="Target actor (prefix).")
        ] = None,
        code: Annotated[
            str | None, Query(pattern=r"^[0-9]{2,4}$", description="CAMEO code (prefix).")
        ] = None,
        plover: Annotated[
            str | None, Query(max_length=40, description="PLOVER event type.")
        ] = None,
        quad_class: Annotated[
            int | None, Query(ge=1, le=4, description="GDELT quad class 1-4.")
        ] = None,
        since: Annotated[
            dt.date | None, Query(description="Date on or after (YYYY-MM-DD).")
        ] = None,
        until: Annotated[
            dt.date | None, Query(description="Date on or before (YYYY-MM-DD).")
        ] = None,
        place: Annotated[
            str | None, Query(min_length=1, max_length=200, description="Place name.")
        ] = None,
        text: Annotated[
            str | None, Query(min_length=1, max_length=200, description="Words.")
        ] = None,
        include_modal: Annotated[
            bool, Query(description="Also negated and hypothetical ones.")
        ] = False,
        limit: Annotated[int, Query(ge=1, le=500, description="Page size.")] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")] = 0,
    ) -> dict[str, Any]:
        """One row per coded report, as :func:`polybius.analyse.search_events` lists them."""
        frame = analyse.search_events(
            stores.get(),
            actor=_upper(actor),
            source=_upper(source),
            target=_upper(target),
            code=_check_code(code),
            plover=_check_plover(plover),
            quad_class=quad_class,
            since=since,
            until=until,
            place=place,
            text=text,
            include_modal=include_modal,
            limit=limit,
            offset=offset,
        )
        return {"limit": limit, "offset": offset, "reports": _queries.frame_records(frame)}

    @app.get("/api/documents", response_model=DocumentPage, summary="List documents")
    def api_documents(
        text: Annotated[
            str | None, Query(min_length=1, max_length=200, description="Words or id.")
        ] = None,
        limit: Annotated[int, Query(ge=1, le=500, description="Page size.")] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")] = 0,
    ) -> dict[str, Any]:
        total, rows = _queries.document_list(stores.get(), text=text, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "documents": rows}

    @app.get(
        "/api/documents/{doc_hash}",
        response_model=DocumentOut,
        summary="A document's text with the spans behind each event",
        responses={404: {"model": ApiError}},
    )
    def api_document(doc_hash: Annotated[str, PathParam(pattern=_ID)]) -> dict[str, Any]:
        """``spans`` give the trigger, source, target, date and place of each report."""
        doc = _queries.document(stores.get(), doc_hash)
        if doc is None:
            raise StarletteHTTPException(404, f"no document {doc_hash!r} in this database")
        return doc

    @app.get("/api/dyad", response_model=DyadSeries, summary="Dyad time series")
    async def api_dyad(
        a: Annotated[str, Query(pattern=_ACTOR, description="First actor (prefix).")],
        b: Annotated[str, Query(pattern=_ACTOR, description="Second actor (prefix).")],
        by: Annotated[
            Literal["day", "week", "month", "year"], Query(description="Period.")
        ] = "month",
        directed: Annotated[bool, Query(description="Only a as source and b as target.")] = False,
        since: Annotated[dt.date | None, Query(description="From (YYYY-MM-DD).")] = None,
        until: Annotated[dt.date | None, Query(description="To (YYYY-MM-DD).")] = None,
    ) -> dict[str, Any] | Response:
        """Events between a and b per period: counts per quad class and Goldstein sums."""
        series = {"a": a.upper(), "b": b.upper(), "by": by, "directed": directed}
        if stores.index is not None:
            points = stores.index.dyad(
                a.upper(), b.upper(), by=by, directed=directed, since=since, until=until
            )
            return _encoded({**series, "points": points})
        points = await run_in_threadpool(
            lambda: _dyad_points(
                analyse.dyad(
                    stores.get(),
                    a.upper(),
                    b.upper(),
                    by=by,
                    directed=directed,
                    since=since,
                    until=until,
                )
            )
        )
        return {**series, "points": points}

    @app.get("/api/actors/top", response_model=TopActors, summary="Most active actors")
    async def api_top_actors(
        n: Annotated[int, Query(ge=1, le=500, description="How many actors.")] = 20,
        level: Annotated[
            Literal["code", "country"], Query(description="Fold codes to countries.")
        ] = "code",
        since: Annotated[dt.date | None, Query(description="From (YYYY-MM-DD).")] = None,
        until: Annotated[dt.date | None, Query(description="To (YYYY-MM-DD).")] = None,
    ) -> dict[str, Any]:
        if stores.index is not None:
            actors = stores.index.top_actors(n=n, level=level, since=since, until=until)
        else:
            actors = await run_in_threadpool(
                lambda: _queries.frame_records(
                    analyse.top_actors(stores.get(), n=n, level=level, since=since, until=until)
                )
            )
        return {"level": level, "actors": actors}

    @app.get("/api/network", response_model=NetworkOut, summary="Actor network")
    async def api_network(
        level: Annotated[
            Literal["code", "country"], Query(description="Node granularity.")
        ] = "country",
        min_count: Annotated[
            int, Query(ge=1, le=1_000_000_000, description="Drop rarer edges.")
        ] = 1,
        max_edges: Annotated[
            int, Query(ge=1, le=5000, description="Keep the heaviest edges.")
        ] = 300,
        since: Annotated[dt.date | None, Query(description="From (YYYY-MM-DD).")] = None,
        until: Annotated[dt.date | None, Query(description="To (YYYY-MM-DD).")] = None,
    ) -> dict[str, Any]:
        """Directed edges source → target weighted by event count, heaviest first."""
        if stores.index is not None:
            every = stores.index.network_edges(
                level=level, min_count=min_count, since=since, until=until
            )
        else:
            every = await run_in_threadpool(
                lambda: _queries.frame_records(
                    analyse.network_edges(
                        stores.get(), since=since, until=until, level=level, min_count=min_count
                    )
                )
            )
        truncated = len(every) > max_edges
        edges = every[:max_edges]
        totals: dict[str, int] = {}
        for edge in edges:
            for end in ("source", "target"):
                totals[edge[end]] = totals.get(edge[end], 0) + int(edge["count"])
        nodes = [{"id": k, "events": v} for k, v in sorted(totals.items(), key=lambda kv: -kv[1])]
        return {"level": level, "truncated": truncated, "nodes": nodes, "edges": edges}

    app.state.stores = stores
    if cache_mb > 0:
        app.add_middleware(_ResponseCache, max_bytes=cache_mb * 2**20)
    if token is not None:
        app.add_middleware(_TokenGuard, token=token)  # added last, so it runs first
    return app


def serve(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    in_memory: bool = True,
    cache_mb: int = 64,
    log_level: str = "warning",
) -> None:
    """Run the explorer on ``host:port`` until interrupted (refuses a public host without token)."""
    if not is_loopback(host) and not token:
        raise ConfigError(Errors.E076.format(host=host))
    try:
        import uvicorn
    except ImportError as exc:
        raise ConfigError(Errors.E077.format(reason=exc)) from exc
    app = create_app(db_path, token=token, in_memory=in_memory, cache_mb=cache_mb)
    # The index's millions of objects live as long as the server: keep the cyclic garbage
    # collector from walking them again and again (its pauses showed as p99 latency).
    gc.collect()
    gc.freeze()
    logger.info("serving %s on http://%s:%d/", db_path, host, port)
    # The standard asyncio loop, not uvloop: the index answers on the loop itself (under
    # a millisecond, less than a hand-off to a thread and back costs), and with 50 busy
    # connections uvloop served some again and again before others (one request in a
    # hundred waited 0.8 s, a few over 2 s) where asyncio's loop serves them in turn.
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,
        timeout_keep_alive=60,
        loop="asyncio",
    )
