"""The stage table and the records of the parley.analysis/1 contract."""

from __future__ import annotations

import json

import pytest

import parley
from parley.analysis import STAGES, Stage, check_stage_order
from parley.records import SCHEMA, Analysis, Article

CONTRACT_KEYS = {"schema", "article", "entities", "timexes", "quotes", "events", "stances"}
ARTICLE_KEYS = {
    "id",
    "source",
    "title",
    "subtitle",
    "genre",
    "published",
    "modified",
    "authors",
    "publisher",
    "language",
    "captions",
    "headings",
    "text",
}


def _article(text: str = "Body.") -> Article:
    return Article.from_text(text, id="x")


def test_analysis_stage_order_is_valid() -> None:
    check_stage_order()
    assert [s.name for s in STAGES][:2] == ["extract", "nlp"]


def test_analysis_stage_order_rejects_reading_before_making() -> None:
    broken = (Stage("quotes", ("entities",), "quotes", lambda ctx: ()), *STAGES)
    with pytest.raises(ValueError, match="requires"):
        check_stage_order(broken)


def test_analysis_to_dict_has_every_contract_key() -> None:
    out = Analysis(article=_article()).to_dict()
    assert set(out) >= CONTRACT_KEYS
    assert set(out["article"]) >= ARTICLE_KEYS
    assert out["schema"] == SCHEMA
    assert next(iter(out)) == "schema"
    assert json.loads(Analysis(article=_article()).to_json()) == out


def test_analysis_records_are_frozen() -> None:
    article = _article()
    with pytest.raises(AttributeError):
        article.text = "changed"  # type: ignore[misc]


def test_analysis_public_api_all_is_complete() -> None:
    public = {name for name in dir(parley) if not name.startswith("_")}
    modules = {
        "analysis",
        "errors",
        "records",
        "sources",
        "extract",
        "nlp",
        "time",
        "limits",
        "kb",
        "entities",
        "quotes",
        "events",
        "report",
        "evaluate",
        "cli",
        "cli_options",
        "cli_train",
        "cli_batch",
        "cli_output",
        "workers",
        "engines",
        "store",
        "stances",
        "brief",
        "config",
        "datafiles",
        "pipeline",
        "resources",
        "web",
    }
    assert public - modules - {"annotations"} <= set(parley.__all__)
    for name in parley.__all__:
        assert hasattr(parley, name)
