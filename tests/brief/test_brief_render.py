"""A brief as Markdown, HTML and JSON: numbered citations, escaped text, links to passages."""

from __future__ import annotations

import json
import re
from datetime import date

import duckdb
import pytest

from parley.brief import corpus_brief, render
from parley.brief.model import Brief, Citation, Evidence, Section, Sentence
from parley.brief.render import md_escape
from parley.errors import InputError

PERIOD = (date(2031, 3, 1), date(2031, 3, 10))


def _citation(title: str, start: int = 0, end: int = 5, eid: str = "v1") -> Citation:
    return Citation("a1", title, "Wire <b>", "2031-01-01", "https://news.example/a1", start, end,
                    "<i>passage</i>", (Evidence("events", eid),))  # fmt: skip


def _brief(*sentences: Sentence) -> Brief:
    return Brief("corpus", "A <title>", (Section("events", "Key events", sentences),),
                 dyad=("NOR", "RUS"), names=("Norway", "Russia"), since=PERIOD[0],
                 until=PERIOD[1])  # fmt: skip


def test_brief_render_md_numbers_each_passage_once(con: duckdb.DuckDBPyConnection) -> None:
    brief = corpus_brief(con, "NOR", "RUS", *PERIOD)
    text = render(brief, "md")
    numbers = [int(n) for n in re.findall(r"^(\d+)\. “", text, re.M)]
    assert numbers == list(range(1, len(numbers) + 1))
    passages = {(c.article_id, c.start, c.end) for s in brief.sentences() for c in s.citations}
    assert len(numbers) == len(passages)
    for section in brief.sections:
        assert f"## {section.title}" in text


def test_brief_render_md_merges_the_evidence_of_one_passage() -> None:
    one, two = _citation("T", eid="v1"), _citation("T", eid="v2")
    text = render(_brief(Sentence("First.", (one,)), Sentence("Second.", (two,))), "md")
    assert "First. [1]" in text and "Second. [1]" in text
    assert "(events v1, v2)" in text


def test_brief_render_md_escapes_markup_in_stored_text() -> None:
    assert md_escape("a *b* [c](d) <e>") == r"a \*b\* \[c\](d) \<e\>"
    text = render(_brief(Sentence("Said *loudly* [x](y).", (_citation("T"),))), "md")
    assert r"Said \*loudly\* \[x\](y)." in text


def test_brief_render_html_escapes_and_links_passages() -> None:
    brief = _brief(Sentence("<script>alert(1)</script>", (_citation("T <x>"),)))
    page = render(brief, "html")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert '<a href="#n1">1</a>' in page and '<li id="n1">' in page
    assert 'href="https://news.example/a1">the article</a>' in page
    served = render(brief, "html", link_base="")
    assert 'href="/article/a1#c0-5">the passage in the article</a>' in served
    remote = render(brief, "html", link_base="http://127.0.0.1:8000/")
    assert 'href="http://127.0.0.1:8000/article/a1#c0-5"' in remote


def test_brief_render_html_marks_absences(con: duckdb.DuckDBPyConnection) -> None:
    page = render(corpus_brief(con, "NOR", "RUS", date(2030, 1, 1), date(2030, 1, 2)), "html")
    assert 'class="absent"' in page and "Sources" not in page.split("</article>")[0][-200:]


def test_brief_render_json_is_the_records(con: duckdb.DuckDBPyConnection) -> None:
    brief = corpus_brief(con, "NOR", "RUS", *PERIOD)
    data = json.loads(render(brief, "json"))
    assert data["kind"] == "corpus" and data["dyad"] == ["NOR", "RUS"]
    assert data["since"] == "2031-03-01"
    first = data["sections"][1]["sentences"][0]
    assert set(first) == {"text", "citations", "quotes", "figures", "absent"}
    assert {"article_id", "start", "end", "passage", "evidence"} <= set(first["citations"][0])


def test_brief_render_unknown_format() -> None:
    with pytest.raises(InputError, match="unknown brief format"):
        render(_brief(), "pdf")  # type: ignore[arg-type]
