"""Where each side stands: for each side and issue, the position its stances take most
often, how many statements and articles back it, the other positions it took, and its
strongest quote (a direct quote first, then any quote, then the stance's sentence; the most
recent first among equals).

In a dyad brief the sides are the dyad's two codes; in a brief of one article they are the
countries (or, without a code, the named actors) of every stance in it; in both, only a
side's state voices (``holders.py``)."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any

from parley.brief.context import Context
from parley.brief.holders import outlet_codes, said_by_holder, speaks_for_side
from parley.brief.model import Citation, Evidence, Section, Sentence
from parley.brief.queries import has_table, stance_rows
from parley.brief.watch import value_range

__all__ = ["positions_section"]

ISSUES_PER_SIDE = 6
SHORT = 40  # characters: a passage shorter than this says little on its own
MODES = ("demand", "refusal")  # how a stance is said, when not as a plain statement
CITED = 3
_KIND_RANK = {"direct": 0, "mixed": 1, "indirect": 2}


def positions_section(ctx: Context) -> Section:
    return Section("positions", ctx.phrases.template("sections.positions"), tuple(_sentences(ctx)))


def _sentences(ctx: Context) -> list[Sentence]:
    if not has_table(ctx.con, "stances"):
        return [ctx.sentence("stances.no_table", absent=True)]
    scope = ctx.whole
    rows = _own_positions(ctx, stance_rows(ctx.con, scope))
    if not rows:
        if ctx.kind == "article":
            return [ctx.sentence("stances.article_none", absent=True)]
        assert scope.since is not None and scope.until is not None
        return [ctx.sentence(
            "stances.none", absent=True, a_name=ctx.a_name, b_name=ctx.b_name,
            since=scope.since.isoformat(), until=scope.until.isoformat(),
        )]  # fmt: skip
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for row in rows:
        groups.setdefault(_side(ctx, row), {}).setdefault(row["issue"], []).append(row)
    chosen = []
    for side in _side_order(ctx, groups):
        issues = sorted(groups[side].items(), key=lambda kv: (-len(kv[1]), kv[0]))
        chosen += [(side, issue, stances) for issue, stances in issues[:ISSUES_PER_SIDE]]
    ctx.preload(row for _, _, stances in chosen for row in stances)
    return [_sentence(ctx, side, issue, stances) for side, issue, stances in chosen]


def _own_positions(ctx: Context, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The stances their holders say themselves (``holders.py``): in a dyad brief, an
    outlet of one side speaks for that side, and its account of the other is no position
    of the other's; and in every brief a side's position is what its state voices say."""
    codes = outlet_codes(ctx.con, {r["outlet"] for r in rows if r.get("outlet")})
    dyad = ctx.scope.dyad if ctx.kind == "corpus" else None
    kept = []
    for row in rows:
        row["outlet_code"] = codes.get(row.get("outlet") or "")
        others = tuple(c for c in dyad if c != _side(ctx, row)) if dyad else ()
        own = said_by_holder(row, others) and speaks_for_side(row, ctx.voices)
        if own and not history(row):
            kept.append(row)
    return kept


PAST = timedelta(days=365)  # a sentence dated only this long before its stance is history


def history(row: dict[str, Any]) -> bool:
    """Whether a stance's sentence tells only the past: every date it names ends more than a
    year before the stance's day ("Kim Jong Il provided the north-south summits in 2000 and
    2007", "The DPRK launched its first satellite in August 1998"). A record of past deeds,
    often a eulogy's, is no side's position now; a sentence that also names a recent date, a
    date after "since", or one with no calendar day keeps its stance."""
    day, dates = row.get("day"), row.get("dates")
    if day is None or not dates:
        return False
    ranges = [value_range(value) for value in dates]
    return all(r is not None and r[1] < day - PAST for r in ranges)


def _side(ctx: Context, row: dict[str, Any]) -> str:
    code = row["actor_code"] or ""
    if ctx.scope.dyad is not None and ctx.kind == "corpus":
        a, b = ctx.scope.dyad
        return a if code.startswith(a) else b
    if code.startswith("IGO"):
        return code[:6]  # an intergovernmental body is its own side: IGOUNO, not "IGO"
    return code[:3] if code else f"name:{row['actor_name'] or ''}"


def _side_order(ctx: Context, groups: dict[str, Any]) -> list[str]:
    if ctx.scope.dyad is not None:
        first = [c for c in ctx.scope.dyad if c in groups]
        return first + sorted(c for c in groups if c not in first)
    return sorted(groups, key=lambda side: (-sum(len(v) for v in groups[side].values()), side))


def _side_name(ctx: Context, side: str) -> str:
    if ctx.scope.dyad is not None and ctx.kind == "corpus" and ctx.names:
        return ctx.names[ctx.scope.dyad.index(side)]
    return side[5:] if side.startswith("name:") else ctx.name_of(side)


def _strength(row: dict[str, Any]) -> tuple[bool, bool, bool, int, int, int, str]:
    """Sorts the strongest evidence first: a passage of a few words ("mutual defense
    treaty") after any fuller one; a stance the holder states itself before one another
    voice reports of it (the side's own words, not an adversary's account of its acts); a
    stance whose words name the issue before one carried onto it from the article's context
    (a "no need to bother with dialogue" shown for sanctions says nothing of sanctions);
    then direct quotes, other quotes, sentences; among equals the latest."""
    start, end = _passage(row)
    rank = _KIND_RANK.get(row["quote_kind"] or "", 2) if _said(row) else 3
    day = row["day"].toordinal() if row["day"] else 0
    reported = bool(row.get("reported_by"))
    carried = row.get("basis") == "context"
    return (end - start < SHORT, reported, carried, rank, -day, -int(row["seq"] or 0),
            str(row["stance_id"]))  # fmt: skip


def _said(row: dict[str, Any]) -> bool:
    """Whether the stance rests on a statement: a quote not marked as a stance or act (the
    words of "praised the party" are no statement, so its sentence is quoted instead)."""
    return bool(row["quote_id"]) and not row.get("quote_act")


def _passage(row: dict[str, Any]) -> tuple[int, int]:
    """The words that give the stance: its statement's part in the stance's sentence (a
    statement quoted over many paragraphs is shown where it names the issue), else the
    statement, else the sentence (an act's words are no statement)."""
    if _said(row) and row["quote_start"] is not None:
        start, end = max(row["quote_start"], row["start"]), min(row["quote_end"], row["end"])
        if start < end:
            return start, end
        return row["quote_start"], row["quote_end"]
    return row["start"], row["end"]


def _cite(ctx: Context, row: dict[str, Any]) -> list[Citation]:
    """The stance's own passage; its quote and its event within it, or cited apart where
    they lie elsewhere in the article."""
    parts: list[tuple[int | None, int | None, Evidence]] = [
        (row["start"], row["end"], Evidence("stances", row["stance_id"]))
    ]
    if row["quote_id"]:
        parts.append((row["quote_start"], row["quote_end"], Evidence("quotes", row["quote_id"])))
    if row["event_id"]:
        parts.append((row["event_start"], row["event_end"], Evidence("events", row["event_id"])))
    passages: list[tuple[int, int, list[Evidence]]] = []
    for p_start, p_end, evidence in parts:
        if p_start is None or p_end is None:
            if passages:  # a row with no offsets of its own goes with the first passage
                passages[0][2].append(evidence)
            continue
        home = next((p for p in passages if p[0] <= p_start and p_end <= p[1]), None)
        if home is not None:
            home[2].append(evidence)
        else:
            passages.append((p_start, p_end, [evidence]))
    return [ctx.sources.cite(row["article_id"], a, b, *ev) for a, b, ev in passages]


def _sentence(ctx: Context, side: str, issue: str, stances: list[dict[str, Any]]) -> Sentence:
    counts = Counter(row["position"] for row in stances)
    # The most frequent position; a tie goes to the one taken first.
    order = {p: i for i, p in reversed(list(enumerate(r["position"] for r in stances)))}
    position = max(counts, key=lambda p: (counts[p], -order[p]))
    backing = sorted((r for r in stances if r["position"] == position), key=_strength)
    best = backing[0]
    citations, seen = _cite(ctx, best), {best["article_id"]}
    for row in backing[1:]:
        if len(seen) < CITED and row["article_id"] not in seen:
            seen.add(row["article_id"])
            citations += _cite(ctx, row)
    start, end = _passage(best)
    quote = ctx.quoted(best["article_id"], start, end)
    noun = ctx.phrases.noun
    others = [(p, n) for p, n in counts.most_common() if p != position]
    figures: dict[str, float] = {
        "statements": counts[position],
        "stance_articles": len({r["article_id"] for r in backing}),
    }
    figures |= {p: n for p, n in others}
    modes = Counter(r["mode"] for r in backing if r["mode"] in MODES)
    # A position held on a condition ("if the US slows things down, there's no need for
    # dialogue") is no position outright: say how many were.
    conditional = sum(1 for r in backing if r.get("condition"))
    if conditional:
        modes["conditional"] = conditional
    figures |= {f"{m}s": n for m, n in modes.items()}
    said = ""
    if modes:
        listed = ", ".join(noun(m, n) for m, n in sorted(modes.items()))
        said = ctx.phrases.say("stances.modes", counts=listed)
    other_text = ""
    if others:
        listed = ", ".join(ctx.phrases.say("stances.other", count=f"{n:,}", position=p)
                           for p, n in others)  # fmt: skip
        other_text = ctx.phrases.say("stances.others", counts=listed)
    speaker = ""
    if _said(best) and best["speaker_name"]:
        role = best["speaker_role"] or next(iter(best["speaker_roles"] or []), None)
        who = f"{best['speaker_name']}, {role}" if role else best["speaker_name"]
        speaker = ctx.phrases.say("stances.speaker", speaker=who)
    return ctx.sentence(
        "stances.item", citations, quotes=(quote,), figures=figures,
        side=_side_name(ctx, side), verb=ctx.phrases.position(position),
        issue=ctx.phrases.issue(issue), statements=noun("statement", counts[position]),
        articles=noun("article", int(figures["stance_articles"])), modes=said, others=other_text,
        quote=quote,
        speaker=speaker,
    )  # fmt: skip
