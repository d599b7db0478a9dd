"""A brief as Markdown, HTML or JSON.

Citations are numbered in the order they are first cited; one passage (an article and its
offsets) keeps one number however often it is cited. In Markdown each sentence ends with its
numbers, and the notes list each passage with its article's title, outlet, date and the
passage itself. In HTML each number links to its note; the note links on to the passage:
``{link_base}/article/<article_id>#c<start>-<end>`` (the dashboard's article page, whose
anchor marks those offsets) when ``link_base`` is given (``""`` for a page served by
``parley serve`` itself), else the article's own URL. The templates ship with the package
(``templates/brief.md``, ``templates/brief.html``); HTML is autoescaped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Literal

from parley.brief.model import Brief, Citation, Sentence

__all__ = ["Note", "render"]

Format = Literal["md", "html", "json"]


@dataclass(frozen=True, slots=True)
class Note:
    number: int
    citation: Citation
    href: str | None
    anchored: bool  # the link goes to the passage itself, not only to its article
    evidence: str  # "events v9, v10; event_clusters c12"


@dataclass(frozen=True, slots=True)
class _Line:
    sentence: Sentence
    numbers: tuple[int, ...]


def _evidence(citation: Citation) -> str:
    tables: dict[str, list[str]] = {}
    for item in citation.evidence:
        if item.table != "articles":
            tables.setdefault(item.table, []).append(item.id)
    return "; ".join(f"{t} {', '.join(dict.fromkeys(ids))}" for t, ids in tables.items())


def _href(citation: Citation, link_base: str | None) -> str | None:
    if link_base is not None:
        return f"{link_base.rstrip('/')}/article/{citation.article_id}#{citation.anchor}"
    return citation.url


Numbered = list[tuple[str, str, list[_Line]]]  # (section key, title, lines)


def _number(brief: Brief, link_base: str | None) -> tuple[Numbered, list[Note]]:
    numbers: dict[tuple[str, int, int], int] = {}
    notes: list[Note] = []
    sections = []
    for section in brief.sections:
        lines = []
        for sentence in section.sentences:
            refs = []
            for citation in sentence.citations:
                key = (citation.article_id, citation.start, citation.end)
                if key not in numbers:
                    numbers[key] = len(numbers) + 1
                    href = _href(citation, link_base)
                    notes.append(Note(numbers[key], citation, href, link_base is not None,
                                      _evidence(citation)))  # fmt: skip
                elif citation.evidence:
                    _merge(notes, numbers[key], citation)
                refs.append(numbers[key])
            lines.append(_Line(sentence, tuple(dict.fromkeys(refs))))
        sections.append((section.key, section.title, lines))
    return sections, notes


def _merge(notes: list[Note], number: int, citation: Citation) -> None:
    """A passage cited again for other rows: its note names them all."""
    note = notes[number - 1]
    evidence = tuple(dict.fromkeys(note.citation.evidence + citation.evidence))
    merged = replace(note.citation, evidence=evidence)
    notes[number - 1] = Note(number, merged, note.href, note.anchored, _evidence(merged))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str) -> str:
    """Text as Markdown shows it literally (no emphasis, links or HTML from a quote)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def render(brief: Brief, fmt: Format = "md", *, link_base: str | None = None) -> str:
    """The brief as ``md``, ``html`` or ``json`` (see the module's docstring for links)."""
    if fmt == "json":
        return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2)
    if fmt not in ("md", "html"):
        from parley.errors import InputError

        raise InputError(f"unknown brief format {fmt!r} (md, html or json)")
    from jinja2 import Environment, PackageLoader, select_autoescape

    from parley import __version__

    environment = Environment(
        loader=PackageLoader("parley.brief", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md"] = md_escape
    sections, notes = _number(brief, link_base)
    template = environment.get_template(f"brief.{fmt}")
    return template.render(brief=brief, sections=sections, notes=notes, version=__version__)
