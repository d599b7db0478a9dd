"""What experts and officials say: the named speakers quoted most often in the scope's
articles, each with their role, affiliation and actor code as the store gives them, and
their strongest quote (direct before mixed before indirect, then the longest)."""

from __future__ import annotations

from typing import Any

from parley.brief.context import Context
from parley.brief.model import Citation, Evidence, Section, Sentence
from parley.brief.queries import quote_rows

__all__ = ["voices_section"]

SPEAKERS = 8
CITED = 3
SHORT = 40  # characters
_KIND_RANK = {"direct": 0, "mixed": 1, "indirect": 2}


def voices_section(ctx: Context) -> Section:
    return Section("voices", ctx.phrases.template("sections.voices"), tuple(_sentences(ctx)))


def _qualifies(row: dict[str, Any]) -> bool:
    # People by name; bodies (ministries, agencies, papers) only when the store codes them,
    # so an uncoded "the group" is never presented as an official voice.
    return bool(row["name"]) and (row["speaker_kind"] == "person" or bool(row["actor"]))


def _sentences(ctx: Context) -> list[Sentence]:
    scope = ctx.whole
    speakers: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in quote_rows(ctx.con, scope):
        if _qualifies(row):
            # Name and code: "Foreign Ministry" of Seoul and of Tokyo are two voices.
            speakers.setdefault((row["name"].casefold(), row["actor"] or ""), []).append(row)
    if not speakers:
        return [ctx.sentence("voices.none", absent=True)]
    ranked = sorted(
        speakers.values(),
        key=lambda rows: (-len(rows), -len({r["article_id"] for r in rows}), rows[0]["name"]),
    )
    ctx.preload(row for rows in ranked[:SPEAKERS] for row in rows)
    return [_sentence(ctx, rows) for rows in ranked[:SPEAKERS]]


def _strength(row: dict[str, Any]) -> tuple[bool, int, int, int, str]:
    # A quote of a few words ("Much effort") says little whatever its kind: full quotes first.
    length = len(row["text"] or "")
    return (length < SHORT, _KIND_RANK.get(row["kind"] or "", 3), -length, int(row["seq"] or 0),
            str(row["quote_id"]))  # fmt: skip


def _about(rows: list[dict[str, Any]]) -> str:
    """The speaker's most often given role and affiliation, as the store names them."""
    roles: dict[str, int] = {}
    affiliations: dict[str, int] = {}
    for row in rows:
        for role in (row["roles"] or [])[:1]:
            roles[role] = roles.get(role, 0) + 1
        if row["affiliation"]:
            affiliations[row["affiliation"]] = affiliations.get(row["affiliation"], 0) + 1
    parts = [max(d, key=lambda k: (d[k], -len(k))) for d in (roles, affiliations) if d]
    return ", ".join(parts)


def _sentence(ctx: Context, rows: list[dict[str, Any]]) -> Sentence:
    backing = sorted(rows, key=_strength)
    best = backing[0]
    citations: list[Citation] = []
    seen: set[str] = set()
    for row in backing:
        if len(citations) < CITED and row["article_id"] not in seen:
            seen.add(row["article_id"])
            citations.append(ctx.sources.cite(row["article_id"], row["start"], row["end"],
                                              Evidence("quotes", row["quote_id"])))  # fmt: skip
    quote = ctx.quoted(best["article_id"], best["start"], best["end"])
    articles = len({r["article_id"] for r in rows})
    name = best["name"]
    code = next((r["actor"] for r in rows if r["actor"]), None)
    about = _about(rows)
    noun = ctx.phrases.noun
    return ctx.sentence(
        "voices.item", citations, quotes=(quote,),
        figures={"quotes": len(rows), "quote_articles": articles},
        name=name, code=ctx.phrases.say("voices.code", code=code) if code else "",
        about=ctx.phrases.say("voices.about", about=about) if about else "",
        count=noun("quote", len(rows)), articles=noun("article", articles), quote=quote,
    )  # fmt: skip
