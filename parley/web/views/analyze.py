"""Analyze (``/analyze``): paste a text or upload a page, see its analysis; stored only if
asked, and only on a server started with ``--allow-store``.

The request is read up to the upload cap (``Settings.upload_limit``; a longer one is
refused with 413 before it is parsed), must come from this server's own page (a form on
another site cannot post here), and is analysed by the worker process
(``parley.web.analyzer``) within the time limit. A stored analysis goes through the store's
one writer (``parley.store.writer``), as ``parley ingest`` would write it.
"""

from __future__ import annotations

import re
from typing import Any

import anyio
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request

from parley.pipeline import Failure
from parley.sources import Document
from parley.web.analyzer import Busy
from parley.web.pages import Page
from parley.web.security import same_origin
from parley.web.state import Web
from parley.web.views.article import article_view

__all__ = ["analyze_form", "analyze_post", "read_form"]

_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def analyze_form(request: Request, web: Web) -> Page:
    return _form_page(web, {})


async def analyze_post(request: Request, web: Web) -> Page:
    same_origin(request)
    form = await read_form(request, web.settings.upload_limit)
    document = _document(form)
    if document is None:
        return _form_page(web, {"problem": "paste a text or choose a file to analyse"}, 400)
    published = str(form.get("published") or "").strip() or None
    store = bool(form.get("store")) and web.settings.allow_store
    try:
        result = await anyio.to_thread.run_sync(web.analyzer.analyze, document, published)
    except Busy as err:
        return _form_page(web, {"problem": str(err)}, 503)
    if isinstance(result, Failure):
        return _form_page(web, {"problem": f"{result.message} [{result.code}]"}, 422)
    data = result.to_dict()
    stored_id = None
    if store:
        stored_id = await anyio.to_thread.run_sync(_store, web, document, data)
    page = article_view(data, [], {})
    page.template = "analyze.html"
    page.data["stored_id"] = stored_id
    page.extra.update(_form_extra(web))
    return page


async def read_form(request: Request, limit: int) -> dict[str, Any]:
    """The form's fields (a file as its name and bytes), the body read only up to ``limit``
    bytes: a longer request is refused (413) before any of it is parsed."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"a request to analyze is at most {limit:,} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, f"a request to analyze is at most {limit:,} bytes")
    whole = bytes(body)

    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": whole, "more_body": False}

    parsed = await Request(request.scope, replay).form(max_files=1, max_fields=8,
                                                        max_part_size=limit)  # fmt: skip
    fields: dict[str, Any] = {}
    for key, value in parsed.multi_items():
        if isinstance(value, UploadFile):
            data = await value.read()
            if data:
                fields[key] = (value.filename or "upload", data)
        else:
            fields[key] = value
    await parsed.close()
    return fields


def _document(form: dict[str, Any]) -> Document | None:
    upload = form.get("file")
    if isinstance(upload, tuple):
        name, data = upload
        # Only the file's own name is kept, as text: it names the document, never a path here.
        safe = _NAME.sub("_", str(name).rsplit("/", 1)[-1].rsplit("\\", 1)[-1])[:80] or "upload"
        return Document(data=data, source=f"upload:{safe}")
    text = str(form.get("text") or "")
    if text.strip():
        return Document(data=text.encode("utf-8", "replace"), source="<text>",
                        content_type="text/plain; charset=utf-8")  # fmt: skip
    return None


def _store(web: Web, document: Document, data: dict[str, Any]) -> str:
    """Write the analysis through the store's one writer; its article id."""
    from parley import __version__
    from parley.store.ingest import config_hash, content_hash
    from parley.store.writer import Stored, StoreWriter

    with web.store.write_lock, web.store.cursor() as cur:
        writer = StoreWriter(
            cur, parley_version=__version__, config_hash=config_hash(web.analyzer.config),
            arguments={"command": "serve", "page": "analyze", "source": document.source},
        )  # fmt: skip
        status = "interrupted"
        try:
            writer.write([Stored(data, content_hash(document), document.source, None)])
            status = "done"
        finally:
            writer.finish(status)
    web.store.refresh()
    return str(data["article"]["id"])


def _form_page(web: Web, data: dict[str, Any], status: int = 200) -> Page:
    page = Page("analyze.html", "Analyze", {"problem": None, **data}, status=status)
    page.extra.update(_form_extra(web))
    return page


def _form_extra(web: Web) -> dict[str, Any]:
    settings = web.settings
    return {"allow_store": settings.allow_store, "limit": settings.upload_limit,
            "timeout": settings.analyze_timeout}  # fmt: skip
