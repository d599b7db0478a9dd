"""The text and HTML reports, on a small analysis built by hand (no model needed)."""

from __future__ import annotations

import html
import re

import pytest

from parley.records import Analysis, Article, Entity, Event, Mention, Quote, Timex
from parley.report.html import HtmlReport, render_html
from parley.report.text import render_text

TEXT = (
    "Foreign Minister Ana Ruiz said on Tuesday that talks would resume.\n\n"
    "“We are ready,” Ruiz told reporters."
)


def _analysis() -> Analysis:
    article = Article(
        id="a1",
        source="<text>",
        title="Talks to resume",
        subtitle="A deck line",
        genre="News analysis",
        published="2024-03-06T10:00:00+01:00",
        modified=None,
        authors=("Jo Reporter",),
        publisher="Example Wire",
        language="en",
        captions=("A caption",),
        headings=("A section",),
        text=TEXT,
    )
    ruiz = Entity(
        id="e1",
        name="Ana Ruiz",
        kind="person",
        actor="ESPGOV",
        country="ESP",
        roles=("Foreign Minister",),
        affiliation=None,
        mentions=(Mention(17, 25, "Ana Ruiz"), Mention(87, 91, "Ruiz")),
    )
    timex = Timex(text="Tuesday", type="DATE", value="2024-03-05", start=34, end=41)
    quote = Quote(
        id="q1",
        text="We are ready,",
        kind="direct",
        speaker="e1",
        speaker_text="Ruiz",
        speaker_span=(87, 91),
        cue="told",
        cue_span=(92, 96),
        date=None,
        venue=None,
        start=73,
        end=86,
        fragments=((73, 86),),
    )
    event = Event(
        id="v1",
        source="e1",
        source_actor="ESPGOV",
        target=None,
        target_actor=None,
        cameo="036",
        plover="AGREE",
        goldstein=4.0,
        quad_class=1,
        date="2024-03-05",
        date_source="text",
        modality="future",
        sentence=TEXT[:66],
        start=0,
        end=66,
        trigger=(56, 62),
        confidence=0.7,
    )
    return Analysis(
        article=article, entities=(ruiz,), timexes=(timex,), quotes=(quote,), events=(event,)
    )


def test_report_text_lists_every_part() -> None:
    out = render_text(_analysis())
    for needle in (
        "Talks to resume",
        "News analysis",
        "Ana Ruiz",
        "ESPGOV",
        "Foreign Minister",
        "We are ready",
        "2024-03-05",
        "CAMEO 036",
        "future",
        "A caption",
    ):
        assert needle in out


def test_report_html_is_self_contained_and_links_marks() -> None:
    page = render_html(_analysis())
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(script|link)\b", page)  # nothing loaded from elsewhere
    assert 'href="#e1"' in page and 'id="e1"' in page  # mention -> actor row
    assert 'href="#q1"' in page and 'id="q1"' in page  # quote -> quote row
    assert 'id="v1"' in page and 'href="#v1"' in page  # trigger -> event row
    # The article text survives highlighting intact, escaped once.
    body = re.sub(r"<[^>]+>", "", page.split("<h2>Article</h2>")[1].split("<h2>Actors")[0])
    assert "Foreign Minister Ana Ruiz said on Tuesday" in html.unescape(body)


def test_report_html_template_loaded_once_renders_every_analysis() -> None:
    report = HtmlReport.load()
    first = render_html(_analysis(), report)
    assert first == render_html(_analysis())  # the same page as a one-call render
    article = Article(**{**_analysis().article.to_dict(), "text": "Another story."})
    other = render_html(Analysis(article=article), report)
    assert "Another story." in other and "Another story." not in first


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "a & b < c"])
def test_report_html_escapes_article_text(hostile: str) -> None:
    base = _analysis()
    article = Article(
        **{**base.article.to_dict(), "text": hostile, "authors": (), "captions": (), "headings": ()}
    )
    page = render_html(Analysis(article=article))
    assert "<script>alert" not in page
