"""The ASGI app: routes, their JSON twins, error pages and middleware.

``create_app(settings)`` opens the store and returns a Starlette app. Every page ``P`` has a
JSON twin ``P.json`` (the overview's is ``/index.json``) made from the same ``Page.data``.
Views that read the store are plain functions run in Starlette's thread pool, each with its
own cursor; the analyze page's POST is asynchronous (it streams the upload under its cap).
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any

from jinja2 import Environment, PackageLoader
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from parley.config import Config
from parley.web.analyzer import Analyzer
from parley.web.chart import QUADS
from parley.web.memo import Memo
from parley.web.pages import Page, plain
from parley.web.security import SecurityHeaders, visible_controls
from parley.web.state import Web
from parley.web.store import Settings, WebStore
from parley.web.views.actor import actor
from parley.web.views.analyze import analyze_form, analyze_post
from parley.web.views.article import article, external_url
from parley.web.views.brief import dyad_brief
from parley.web.views.dyad import dyad
from parley.web.views.events import cluster, event
from parley.web.views.overview import overview
from parley.web.views.search import search

__all__ = ["create_app", "templates"]

View = Callable[[Request, Web], Page] | Callable[[Request, Web], Awaitable[Page]]

# (path, JSON twin, GET view, POST view or None)
PAGES: tuple[tuple[str, str, View, View | None], ...] = (
    ("/", "/index.json", overview, None),
    ("/dyad/{a}/{b}", "/dyad/{a}/{b}.json", dyad, None),
    ("/dyad/{a}/{b}/brief", "/dyad/{a}/{b}/brief.json", dyad_brief, None),
    ("/actor/{code}", "/actor/{code}.json", actor, None),
    ("/cluster/{cluster_id}", "/cluster/{cluster_id}.json", cluster, None),
    ("/event/{article_id}/{event_id}", "/event/{article_id}/{event_id}.json", event, None),
    ("/article/{article_id}", "/article/{article_id}.json", article, None),
    ("/search", "/search.json", search, None),
    ("/analyze", "/analyze.json", analyze_form, analyze_post),
)


def create_app(settings: Settings) -> Starlette:
    """The dashboard over the store ``settings.db`` (opened read-only unless
    ``settings.allow_store``)."""
    from parley.store.output import cameo_names

    store = WebStore(settings.db, writable=settings.allow_store)
    config = Config(timeout=settings.analyze_timeout, max_bytes=settings.upload_limit)
    pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="parley-query")
    web = Web(settings, store, templates(), cameo_names(), Analyzer(config), pool, Memo())

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            web.analyzer.close()
            pool.shutdown(wait=True)
            store.close()

    routes: list[BaseRoute] = []
    for path, twin, get, post in PAGES:
        methods = ["GET", "POST"] if post else ["GET"]
        routes.append(Route(twin, _endpoint(get, post, as_json=True), methods=methods))
        routes.append(Route(path, _endpoint(get, post, as_json=False), methods=methods))
    routes.append(Mount("/static", StaticFiles(packages=[("parley.web", "static")]), name="static"))
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(TrustedHostMiddleware, allowed_hosts=list(settings.hosts)),
        ],
        exception_handlers={HTTPException: _error, Exception: _internal},
        lifespan=lifespan,
    )
    app.state.web = web
    return app


def templates() -> Environment:
    """The page templates: autoescaped everywhere, bidirectional controls shown, None as
    nothing."""
    environment = Environment(
        loader=PackageLoader("parley.web", "templates"),
        autoescape=True,
        finalize=lambda value: "" if value is None else visible_controls(value),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["num"] = lambda value: "" if value is None else f"{value:,}"
    environment.filters["signed"] = lambda value: "" if value is None else f"{value:+.1f}"
    environment.filters["quad"] = _quad_name
    environment.filters["link_out"] = external_url
    return environment


def _quad_name(value: Any) -> str:
    if isinstance(value, int) and 1 <= value <= len(QUADS):
        return QUADS[value - 1][1]
    return ""


def _endpoint(
    get: View, post: View | None, *, as_json: bool
) -> Callable[[Request], Awaitable[Response]]:
    async def handle(request: Request) -> Response:
        web: Web = request.app.state.web
        view = post if request.method == "POST" and post is not None else get
        if inspect.iscoroutinefunction(view):
            page = await view(request, web)
        else:
            page = await run_in_threadpool(view, request, web)
        assert isinstance(page, Page)
        return _respond(request, web, page, as_json)

    return handle


def _respond(request: Request, web: Web, page: Page, as_json: bool) -> Response:
    if as_json:
        return JSONResponse({"title": page.title, **plain(page.data)}, status_code=page.status)
    twin = "/index.json" if request.url.path == "/" else f"{request.url.path}.json"
    query = f"?{request.url.query}" if request.url.query else ""
    html = web.templates.get_template(page.template).render(
        title=page.title, json_url=twin + query, path=request.url.path, settings=web.settings,
        cameo=web.cameo, **page.data, **page.extra,
    )  # fmt: skip
    return HTMLResponse(html, status_code=page.status)


async def _error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return _problem(request, exc.status_code, str(exc.detail))


async def _internal(request: Request, exc: Exception) -> Response:
    # The message, never a traceback: it may hold the store's rows or paths.
    return _problem(request, 500, f"internal error ({type(exc).__name__}); see the server log")


def _problem(request: Request, status: int, message: str) -> Response:
    if request.url.path.endswith(".json"):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    web: Web | None = getattr(request.app.state, "web", None)
    if web is None:
        return HTMLResponse(message, status_code=status)
    html = web.templates.get_template("error.html").render(
        title=f"Error {status}", status=status, message=message, json_url=None,
        path=request.url.path, settings=web.settings,
    )  # fmt: skip
    return HTMLResponse(html, status_code=status)
