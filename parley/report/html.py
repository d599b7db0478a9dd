"""The ``html`` format: one self-contained page (no external files, no scripts) showing the
article, its metadata and everything found, highlighted in place and cross-linked.

``HtmlReport.load()`` reads and compiles the template once; ``render_html(result, report)``
renders with it (None builds one for that call, as the command line does for its one page).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, Template, select_autoescape

from parley.records import Analysis


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: a CSS class, the anchor it links to, and a tooltip."""

    start: int
    end: int
    kind: str  # ent | tx | q | spk | cue | trg
    href: str
    title: str


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    classes: str
    href: str | None
    title: str


@dataclass(frozen=True, slots=True, eq=False)
class HtmlReport:
    """The analysis page's template, compiled once."""

    template: Template

    @classmethod
    def load(cls) -> HtmlReport:
        environment = Environment(
            loader=PackageLoader("parley.report", "templates"),
            autoescape=select_autoescape(["html"]),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        return cls(environment.get_template("analysis.html"))


def render_html(result: Analysis, report: HtmlReport | None = None) -> str:
    text = result.article.text
    marks = collect_marks(result)
    paragraphs = [segment_paragraph(text, start, end, marks) for start, end in paragraphs_of(text)]
    entities = {e.id: e for e in result.entities}
    template = (report if report is not None else HtmlReport.load()).template
    return template.render(
        result=result, article=result.article, paragraphs=paragraphs, entities=entities
    )


def collect_marks(result: Analysis) -> list[Mark]:
    return marks_of(result.to_dict())


def marks_of(data: Mapping[str, Any]) -> list[Mark]:
    """The highlights of a ``parley.analysis/1`` object (an Analysis's ``to_dict()``, or the
    stored copy the dashboard reads): actor mentions, time expressions, quotes with their
    speakers and cues (a quote marked ``act``, a stance or act, as ``act`` rather than ``q``),
    and event triggers."""
    text = data["article"]["text"]
    entities = {e["id"]: e for e in data.get("entities") or ()}
    marks: list[Mark] = []
    for entity in entities.values():
        actor = entity.get("actor")
        label = f"{entity['name']} ({entity['kind']}{', ' + actor if actor else ''})"
        for mention in entity.get("mentions") or ():
            marks.append(Mark(mention["start"], mention["end"], "ent", f"#{entity['id']}", label))
    for timex in data.get("timexes") or ():
        title = f"{timex['type']} {timex['value']}"
        marks.append(Mark(timex["start"], timex["end"], "tx", "", title))
    for quote in data.get("quotes") or ():
        speaker = entities.get(quote.get("speaker") or "")
        who = speaker["name"] if speaker else (quote.get("speaker_text") or "unknown speaker")
        # A stance or act ("praised the party") is marked apart from what was said.
        if quote.get("act"):
            kind, title = "act", f"stance or act of {who}"
        else:
            kind, title = "q", f"{quote['kind']} quote by {who}"
        for start, end in quote.get("fragments") or ((quote["start"], quote["end"]),):
            marks.append(Mark(start, end, kind, f"#{quote['id']}", title))
        if quote.get("speaker_span"):
            start, end = quote["speaker_span"]
            marks.append(Mark(start, end, "spk", f"#{quote['id']}", f"speaker of {quote['id']}"))
        if quote.get("cue_span"):
            start, end = quote["cue_span"]
            marks.append(Mark(start, end, "cue", f"#{quote['id']}", f"cue of {quote['id']}"))
    for event in data.get("events") or ():
        title = f"CAMEO {event['cameo']} {event.get('plover') or ''} ({event['modality']})"
        start, end = event["trigger"]
        marks.append(Mark(start, end, "trg", f"#{event['id']}", title))
    return [m for m in marks if 0 <= m.start < m.end <= len(text)]


def paragraphs_of(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    while start < len(text):
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            spans.append((start, end))
        start = end + 2
    return spans


def segment_paragraph(text: str, start: int, end: int, marks: list[Mark]) -> list[Segment]:
    """Cut a paragraph at every mark boundary; each piece carries the classes of the marks
    covering it and links to the innermost (shortest) one, so overlapping marks nest."""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted(
        {start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)}
    )
    segments = []
    for left, right in itertools.pairwise(cuts):
        covering = [m for m in inside if m.start <= left and m.end >= right]
        innermost = min(covering, key=lambda m: m.end - m.start, default=None)
        segments.append(
            Segment(
                text=text[left:right],
                classes=" ".join(sorted({m.kind for m in covering})),
                href=innermost.href or None if innermost else None,
                title="; ".join(dict.fromkeys(m.title for m in covering)),
            )
        )
    return segments
