"""What to watch: what the scope's reports announce for after the reference day (the period's
end, or the article's publication day), with its date.

- events dated by their text after the reference day (talks set for a date, a deadline, a
  planned launch), whatever their modality but negated;
- time expressions after the reference day in a sentence naming a meeting, visit, deadline,
  vote, launch or drill (``data/watch_words.tsv``); a month or year that holds the
  reference day counts only in a sentence that looks ahead ("later this month", "will");
- the latest threats (CAMEO root 13) of the period;
- events announced with no date (future modality), from the period's last 30 days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from parley.brief.cite import sentence_around
from parley.brief.context import Context
from parley.brief.model import Evidence, Section, Sentence
from parley.brief.queries import Pick, claimed, picked_rows, timex_rows

__all__ = ["value_range", "watch_section"]

DATED = 8
THREATS = 3
UNDATED = 3
RECENT = timedelta(days=30)
NEAR = timedelta(days=183)  # a date without its year lies within half a year of its story

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")


def value_range(value: str | None) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 value (or an event's date) covers, or None for values
    with no calendar range (durations, seasons, references)."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(value):
            first = date(int(m[1]), int(m[2]), 1)
            return first, _month_end(first)
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := _QUARTER.match(value):
            first = date(int(m[1]), 3 * int(m[2]) - 2, 1)
            return first, _month_end(first.replace(month=first.month + 2))
        if m := _HALF.match(value):
            first = date(int(m[1]), 6 * int(m[2]) - 5, 1)
            return first, _month_end(first.replace(month=first.month + 5))
    except ValueError:
        return None
    return None


def _month_end(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def ahead(
    ctx: Context, value: str | None, reference: date, sentence: str, published: date | None
) -> date | None:
    """The first day of ``value`` worth watching after ``reference``, or None."""
    span = value_range(value)
    if span is None or not _plausible(span[0], sentence, published):
        return None
    first, last = span
    if first > reference:
        return first
    if first <= reference < last and ctx.phrases.looks_ahead(sentence):
        return reference + timedelta(days=1)
    return None


def _ends_after(value: str | None, reference: date) -> bool:
    span = value_range(value)
    return span is not None and span[1] > reference


def _plausible(first: date, sentence: str, published: date | None) -> bool:
    """A date far from its article's publication is believed only when its year is written:
    "March 16" in a story of April looks back a month, whatever year a resolver gave it."""
    if published is None or abs((first - published).days) <= NEAR.days:
        return True
    return re.search(rf"\b{first.year}\b", sentence) is not None


@dataclass(frozen=True, slots=True)
class _Item:
    when: date | None
    key: tuple[str, int]  # article and sentence start: one item per sentence
    sentence: Sentence


def watch_section(ctx: Context) -> Section:
    return Section("watch", ctx.phrases.template("sections.watch"), tuple(_sentences(ctx)))


def _sentences(ctx: Context) -> list[Sentence]:
    reference = ctx.reference
    if reference is None:
        return [ctx.sentence("watch.none", absent=True,
                             reference=ctx.phrases.template("events.undated"))]  # fmt: skip
    items: dict[tuple[str, int], _Item] = {}
    events = _event_picks(ctx, reference)
    ctx.preload([*events["threats"], *events["undated"]])
    for item in [*_dated(ctx, reference, events["dated"]), *_timexes(ctx, reference)]:
        items.setdefault(item.key, item)
    dated = sorted(items.values(), key=lambda i: (i.when or date.max, i.key))[:DATED]
    later = [*_threats(ctx, events["threats"]), *_undated(ctx, events["undated"])]
    rest = [i for i in later if i.key not in items]
    chosen = [i.sentence for i in dated] + [i.sentence for i in _unique(rest)]
    if not chosen:
        return [ctx.sentence("watch.none", absent=True, reference=reference.isoformat())]
    return chosen


def _unique(items: list[_Item]) -> list[_Item]:
    seen: set[tuple[str, int]] = set()
    out = []
    for item in items:
        if item.key not in seen:
            seen.add(item.key)
            out.append(item)
    return out


def _event_picks(ctx: Context, reference: date) -> dict[str, list[dict[str, Any]]]:
    """The events worth watching, in one query over the dyad's events of any day: those
    dated after the reference day (sifted in Python), the latest threats of the period, and
    what was announced with no date in the period's last days. A corpus brief reads what
    was reported in its period; a brief of one article reads all of it."""
    scope = replace(ctx.whole, since=None, until=None)
    reported, recent, in_period = "", "", ""
    params: tuple[Any, ...] = ()
    recent_params: tuple[Any, ...] = ()
    if ctx.kind == "corpus" and ctx.scope.since is not None and ctx.scope.until is not None:
        reported = "e.published_day BETWEEN ? AND ? AND "
        params = (ctx.scope.since, ctx.scope.until)
        recent_params = (max(reference - RECENT, ctx.scope.since), ctx.scope.until)
        recent, in_period = reported, "e.day BETWEEN ? AND ? AND "
    # What a third voice forecasts or claims of the parties ("would pose a threat, an
    # analyst said") is no plan or threat of theirs.
    own = f" AND NOT {claimed()}"
    picks = [
        Pick("dated", reported + "e.date_source = 'text' AND e.modality <> 'negated'" + own,
             params, order="e.date, e.seq, e.event_id", limit=500),
        Pick("threats", in_period + "e.root = '13' AND e.modality <> 'negated'" + own, params,
             order="e.day DESC NULLS LAST, e.seq DESC, e.event_id", limit=THREATS),
        Pick("undated", recent + "e.modality = 'future' AND e.date_source <> 'text'" + own,
             recent_params, limit=UNDATED),
    ]  # fmt: skip
    return picked_rows(ctx.con, scope, picks, period=False)


def _event_sentence(ctx: Context, key: str, row: dict[str, Any], **values: Any) -> Sentence:
    quote = ctx.quoted_around(row)
    return ctx.sentence(
        key, [ctx.cite_event(row)], quotes=(quote,), sentence=quote,
        source=ctx.actor(row["source_name"], row["source_actor"]),
        target=ctx.actor(row["target_name"], row["target_actor"]),
        action=ctx.action(row["cameo"]), **values,
    )  # fmt: skip


def _dated(ctx: Context, reference: date, rows: list[dict[str, Any]]) -> list[_Item]:
    ahead_of = [
        (when, row) for row in rows
        if (when := ahead(ctx, row["date"], reference, row["sentence"] or "",
                          row["published_day"])) is not None
    ]  # fmt: skip
    ctx.preload(row for _, row in ahead_of)
    out = []
    for when, row in ahead_of:
        article = ctx.sources.article(row["article_id"])
        sentence = _event_sentence(
            ctx, "watch.dated", row, date=row["date"], outlet=_outlet(ctx, article),
            published=_day(row["published_day"]),
        )  # fmt: skip
        out.append(_Item(when, (row["article_id"], row["start"]), sentence))
    return out


def _outlet(ctx: Context, article: dict[str, Any]) -> str:
    return str(article["outlet"] or ctx.phrases.template("watch.no_outlet"))


def _day(value: date | None) -> str:
    return value.isoformat() if value else "n/a"


def _timexes(ctx: Context, reference: date) -> list[_Item]:
    out = []
    # Only a value that ends after the reference day can be worth watching: the others are
    # left before any article's text is read, and the texts needed are read at once.
    rows = [r for r in timex_rows(ctx.con, ctx.whole) if _ends_after(r["value"], reference)]
    ctx.sources.load([r["article_id"] for r in rows])
    for row in rows:
        text = str(ctx.sources.article(row["article_id"])["text"] or "")
        start, end = sentence_around(text, row["start"], row["end"])
        passage = text[start:end]
        when = ahead(ctx, row["value"], reference, passage, row["published_day"])
        label = ctx.phrases.watch_label(passage)
        if when is None or label is None:
            continue
        article = ctx.sources.article(row["article_id"])
        quote = ctx.quoted_focus(row["article_id"], start, end, row["start"], row["end"])
        citation = ctx.sources.cite(row["article_id"], start, end,
                                    Evidence("timexes", str(row["timex_index"])))  # fmt: skip
        sentence = ctx.sentence(
            "watch.timex", [citation], quotes=(quote,), date=row["value"], what=label,
            sentence=quote, outlet=_outlet(ctx, article), published=_day(row["published_day"]),
        )  # fmt: skip
        out.append(_Item(when, (row["article_id"], start), sentence))
    return out


def _threats(ctx: Context, rows: list[dict[str, Any]]) -> list[_Item]:
    out = []
    for row in rows:
        day = _day(row["day"] or row["published_day"])
        sentence = _event_sentence(ctx, "watch.threat", row, day=day)
        out.append(_Item(row["day"], (row["article_id"], row["start"]), sentence))
    return out


def _undated(ctx: Context, rows: list[dict[str, Any]]) -> list[_Item]:
    return [
        _Item(None, (row["article_id"], row["start"]), _event_sentence(ctx, "watch.undated", row))
        for row in rows
    ]
