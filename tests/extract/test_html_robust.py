"""Hostile HTML the extractor must survive: JSON-LD nested far too deep (issue 15), and the
library failures that must surface instead of turning into "no article" (issue 8)."""

from __future__ import annotations

import pytest

from parley.errors import ExtractionError, TimeLimitExceeded
from parley.extract import extract_article
from parley.extract import html as html_module
from parley.extract.html_meta import MAX_LD_DEPTH, json_depth
from parley.records import Article
from parley.sources.document import Document

_BODY = (
    "<article><h1>Ferry talks resume after a long pause</h1>"
    "<p>Negotiators from the two island states met in Valletta on Tuesday and agreed to "
    "resume the ferry talks that broke down last spring.</p>"
    "<p>Both delegations said the next round would take place in June.</p></article>"
)


def _page(jsonld: str) -> bytes:
    return (
        "<html><head><title>Ferry talks</title>"
        f'<script type="application/ld+json">{jsonld}</script></head>'
        f"<body>{_BODY}</body></html>"
    ).encode()


def _nested(kind: str, levels: int) -> str:
    article = '{"@type":"NewsArticle","headline":"Ferry talks resume after a long pause"}'
    if kind == "list":
        return "[" * levels + article + "]" * levels
    if kind == "graph":
        return '{"@graph":' * levels + article + "}" * levels
    # An author value buried in lists: the name walk must stop, not recurse.
    return (
        '{"@type":"NewsArticle","headline":"Ferry talks resume after a long pause",'
        '"author":' + "[" * levels + '"Ines Borg"' + "]" * levels + "}"
    )


def _extract(data: bytes) -> Article:
    return extract_article(Document(data=data, source="deep.html", content_type="text/html"))


@pytest.mark.parametrize("kind", ["list", "graph", "author"])
@pytest.mark.parametrize("levels", [980, 20_000])
def test_html_robust_deep_jsonld_gives_the_article(kind: str, levels: int) -> None:
    article = _extract(_page(_nested(kind, levels)))
    assert article.title == "Ferry talks resume after a long pause"
    assert article.text.startswith("Negotiators from the two island states")
    assert article.authors == ()  # the buried author is past the cap: not read


def test_html_robust_issue_page_is_small() -> None:
    # The page of the issue: 980 levels in about 2.4 KB.
    assert len(_page(_nested("list", 980))) < 2600


@pytest.mark.parametrize("kind", ["list", "graph", "author"])
def test_html_robust_jsonld_within_the_cap_is_read(kind: str) -> None:
    article = _extract(_page(_nested(kind, 3)))
    assert article.title == "Ferry talks resume after a long pause"
    if kind == "author":
        assert article.authors == ("Ines Borg",)


@pytest.mark.parametrize(
    ("raw", "depth"),
    [
        ("", 0),
        ('"flat"', 0),
        ('{"a": 1}', 1),
        ('{"a": [1, {"b": []}]}', 4),
        ('{"a": "[[[[{{{{"}', 1),  # brackets inside strings do not count
        ('{"a": "quote \\" [[[ still a string"}', 1),
        ("]]]][[", 2),  # malformed: a rough figure, never negative
    ],
)
def test_html_robust_json_depth(raw: str, depth: int) -> None:
    assert json_depth(raw) == depth


def test_html_robust_json_depth_has_no_recursion() -> None:
    assert json_depth("[" * 200_000) == 200_000
    assert MAX_LD_DEPTH < 100


_ARTICLE_PAGE = f"<html><head><title>Ferry talks</title></head><body>{_BODY}</body></html>".encode()


def test_html_robust_trafilatura_attribute_error_is_no_article() -> None:
    # The failure fuzzing finds: trafilatura's pruning on a broken tree whose root it matches.
    with pytest.raises(ExtractionError, match="trafilatura failed: AttributeError"):
        _extract(b"<time><html>")


@pytest.mark.parametrize("error", [KeyError("bug"), IndexError("bug"), RuntimeError("bug")])
def test_html_robust_other_trafilatura_errors_surface(
    monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    # A library bug is an internal error for the caller to report, not "no article".
    def broken(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(html_module.trafilatura, "bare_extraction", broken)
    with pytest.raises(type(error)):
        _extract(_ARTICLE_PAGE)


def test_html_robust_time_limit_is_never_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*_args: object, **_kwargs: object) -> None:
        raise TimeLimitExceeded("over the limit")

    monkeypatch.setattr(html_module.htmldate, "find_date", slow)
    with pytest.raises(TimeLimitExceeded):
        _extract(_ARTICLE_PAGE)


def test_html_robust_htmldate_value_error_keeps_the_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuses(*_args: object, **_kwargs: object) -> None:
        raise ValueError("impossible date")

    monkeypatch.setattr(html_module.htmldate, "find_date", refuses)
    article = _extract(_ARTICLE_PAGE)
    assert article.text.startswith("Negotiators") and article.published is None


def test_html_robust_other_htmldate_errors_surface(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("bug")

    monkeypatch.setattr(html_module.htmldate, "find_date", broken)
    with pytest.raises(KeyError):
        _extract(_ARTICLE_PAGE)
