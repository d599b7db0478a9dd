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


ACT_TEXT = "Ana Ruiz said talks would resume. Ruiz praised the fishing accord."


def _with_act() -> Analysis:
    """A statement (q1) and a stance or act (q2, ``act``) of one speaker."""
    base = _analysis()
    article = Article(**{**base.article.to_dict(), "text": ACT_TEXT, "captions": (),
                         "headings": ()})  # fmt: skip
    ruiz = Entity(id="e1", name="Ana Ruiz", kind="person", actor="ESPGOV", country="ESP",
                  roles=(), affiliation=None,
                  mentions=(Mention(0, 8, "Ana Ruiz"), Mention(34, 38, "Ruiz")))  # fmt: skip
    said = Quote(id="q1", text="talks would resume", kind="indirect", speaker="e1",
                 speaker_text="Ana Ruiz", speaker_span=(0, 8), cue="said", cue_span=(9, 13),
                 date=None, venue=None, start=14, end=32, fragments=((14, 32),))  # fmt: skip
    act = Quote(id="q2", text="the fishing accord", kind="indirect", speaker="e1",
                speaker_text="Ruiz", speaker_span=(34, 38), cue="praised", cue_span=(39, 46),
                date=None, venue=None, start=47, end=65, fragments=((47, 65),),
                act=True)  # fmt: skip
    return Analysis(article=article, entities=(ruiz,), quotes=(said, act))


def test_report_text_lists_acts_apart_from_quotes() -> None:
    out = render_text(_with_act())
    quotes = out.split("Quotes (1), by speaker")[1].split("Stances and acts")[0]
    acts = out.split("Stances and acts, not statements (1), by speaker")[1].split("Events")[0]
    assert "talks would resume" in quotes and "fishing accord" not in quotes
    assert "[act, undated] (praised) the fishing accord" in acts


def test_report_text_without_acts_has_no_acts_section() -> None:
    assert "Stances and acts" not in render_text(_analysis())


def test_report_html_lists_and_marks_acts_apart() -> None:
    page = render_html(_with_act())
    quotes = page.split("<h2>Quotes (1)</h2>")[1].split("<h2>")[0]
    acts = page.split("<h2>Stances and acts, not statements (1)</h2>")[1].split("<h2>")[0]
    assert 'id="q1"' in quotes and "fishing accord" not in quotes
    assert 'id="q2"' in acts and "the fishing accord" in acts
    assert re.search(r'class="m act" href="#q2" title="stance or act of Ana Ruiz"', page)
    assert re.search(r'class="m q" href="#q1"', page)
