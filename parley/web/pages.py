"""What a view returns (``Page``), tables that page through large results (``Rows``), and
reading request parameters strictly.

A view builds one ``Page``: its template, its title, and ``data``, the plain values that are
both the template's context and the page's JSON twin (so the two never say different
things). ``extra`` holds what only the HTML needs (segments to highlight, a chart's
geometry). Every table is fetched one page at a time: ``size + 1`` rows tell whether a next
page exists without counting the whole result.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import duckdb
from starlette.exceptions import HTTPException
from starlette.requests import Request

__all__ = [
    "MAX_PAGE_SIZE",
    "Page",
    "Pager",
    "Rows",
    "actor_code",
    "choice_param",
    "day_param",
    "fetch",
    "fetch_page",
    "plain",
    "text_param",
]

MAX_PAGE_SIZE = 500
MAX_PAGE = 100_000
# Actor codes are CAMEO-style letters and digits (USA, PRKGOV, IGOUNOKIM): nothing else may
# reach a query or a link built from one.
_CODE = re.compile(r"[A-Z0-9]{2,24}")


@dataclass(frozen=True, slots=True)
class Rows:
    """One page of a table: its rows (dicts by column), and where the neighbours are."""

    rows: list[dict[str, Any]]
    page: int
    size: int
    more: bool
    param: str  # the query parameter that pages this table
    next_url: str | None = None
    previous_url: str | None = None

    def json(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "page": self.page,
            "size": self.size,
            "next": self.next_url,
            "previous": self.previous_url,
        }


@dataclass(frozen=True, slots=True)
class Pager:
    """Which page of a table a request asks for (``?<param>=N``, ``?size=N``)."""

    request: Request
    param: str = "page"
    size: int = 50

    @classmethod
    def of(cls, request: Request, param: str = "page", default_size: int = 50) -> Pager:
        size = _int_param(request, "size", default_size, 1, MAX_PAGE_SIZE)
        return cls(request, param, size)

    @property
    def page(self) -> int:
        return _int_param(self.request, self.param, 1, 1, MAX_PAGE)

    def link(self, page: int) -> str:
        url = self.request.url.include_query_params(**{self.param: page})
        return f"{url.path}?{url.query}"

    def rows(self, found: list[dict[str, Any]]) -> Rows:
        """``found`` holds up to ``size + 1`` rows (the query's LIMIT): the extra one only
        says a next page exists."""
        page, more = self.page, len(found) > self.size
        return Rows(
            rows=found[: self.size],
            page=page,
            size=self.size,
            more=more,
            param=self.param,
            next_url=self.link(page + 1) if more else None,
            previous_url=self.link(page - 1) if page > 1 else None,
        )

    def sql(self) -> tuple[str, list[int]]:
        """The LIMIT and OFFSET clause for this page, with its parameters."""
        return " LIMIT ? OFFSET ?", [self.size + 1, (self.page - 1) * self.size]


@dataclass(slots=True)
class Page:
    template: str
    title: str
    data: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)
    status: int = 200


def fetch(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """Run a parameterised query; its rows as dicts by column name."""
    cursor = cur.execute(sql, params)
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def fetch_page(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any], pager: Pager) -> Rows:
    """One page of a parameterised query (``sql`` must order its rows)."""
    limit, extra = pager.sql()
    return pager.rows(fetch(cur, sql + limit, [*params, *extra]))


def plain(value: Any) -> Any:
    """``value`` in JSON's types: dates as ISO strings, tuples as lists, Rows as objects."""
    if isinstance(value, Rows):
        return plain(value.json())
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, bytes):
        return None  # signatures and other binary columns are not for a page
    if hasattr(value, "to_dict"):
        return plain(value.to_dict())
    return value


def bad_request(message: str) -> HTTPException:
    return HTTPException(400, message)


def _int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise bad_request(f"{name}={raw!r}: give a whole number") from None
    if not low <= value <= high:
        raise bad_request(f"{name}={value}: give a number from {low} to {high}")
    return value


def day_param(request: Request, name: str) -> date | None:
    raw = request.query_params.get(name)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise bad_request(f"{name}={raw!r}: give a day as YYYY-MM-DD") from None


def choice_param(request: Request, name: str, choices: tuple[str, ...]) -> str:
    """One of ``choices`` (the first is the default)."""
    raw = request.query_params.get(name) or choices[0]
    if raw not in choices:
        raise bad_request(f"{name}={raw!r}: give one of {', '.join(choices)}")
    return raw


def text_param(request: Request, name: str, limit: int = 200) -> str:
    raw = (request.query_params.get(name) or "").strip()
    if len(raw) > limit:
        raise bad_request(f"{name}: at most {limit} characters")
    return raw


def actor_code(raw: str, status: int = 404) -> str:
    """An actor code from a path (404 when it is not one) or a filter (give 400)."""
    code = raw.strip().upper()
    if not _CODE.fullmatch(code):
        raise HTTPException(status, f"{raw[:40]!r} is not an actor code (letters and digits)")
    return code
