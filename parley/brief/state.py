"""The state of the relationship: asserted events by QuadClass with the mean Goldstein value,
each way, against the previous period of equal length, where conflict and cooperation
peaked, and what the reports give as planned, conditional or denied. Counts cite example
events: the most cooperative and most conflictual, the strongest each way, and one of each
modality. The examples of a period are picked in one query."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from parley.brief.context import Context
from parley.brief.model import Citation, Evidence, Section, Sentence
from parley.brief.phrases import signed
from parley.brief.queries import (
    Pick,
    Scope,
    Tally,
    cluster_month,
    event_spans,
    has_table,
    modalities,
    monthly,
    picked_rows,
    tally,
)

__all__ = ["previous_period", "state_section"]

ASSERTED = "e.modality = 'asserted'"
TURNING_MONTHS = 3  # a period of fewer months has no turn worth naming
TURNS = 2
MODALITIES = ("future", "hypothetical", "negated")
_TIES = "e.day, e.seq, e.event_id"
EXTREMES = (
    Pick("most_coop", ASSERTED, order=f"e.goldstein DESC NULLS LAST, {_TIES}"),
    Pick("most_conflict", ASSERTED, order=f"e.goldstein ASC NULLS LAST, {_TIES}"),
)
_WAY = f"{ASSERTED} AND starts_with(e.source_actor, ?) AND starts_with(e.target_actor, ?)"


def state_section(ctx: Context) -> Section:
    make = _article_state if ctx.kind == "article" else _corpus_state
    return Section("state", ctx.phrases.template("sections.state"), tuple(make(ctx)))


def _cite_rows(
    ctx: Context, picked: dict[str, list[dict[str, Any]]], *names: str
) -> list[Citation]:
    seen: set[tuple[str, str]] = set()
    out = []
    for name in names:
        for row in picked.get(name, []):
            key = (row["article_id"], row["event_id"])
            if key not in seen:
                seen.add(key)
                out.append(ctx.cite_event(row))
    return out


def _modality_picks() -> list[Pick]:
    return [Pick(m, "e.modality = ?", (m,)) for m in ("asserted", *MODALITIES)]


def _way_picks(ctx: Context) -> list[Pick]:
    if ctx.scope.dyad is None:
        return []
    a, b = ctx.scope.dyad
    return [Pick("a_to_b", _WAY, (a, b)), Pick("b_to_a", _WAY, (b, a))]


def _quad_values(ctx: Context, t: Tally) -> tuple[dict[str, Any], dict[str, float]]:
    noun = ctx.phrases.noun
    figures: dict[str, float] = {
        "events": t.events, "coop": t.coop, "conflict": t.conflict,
        "verbal_coop": t.quads[0], "material_coop": t.quads[1],
        "verbal_conflict": t.quads[2], "material_conflict": t.quads[3],
    }  # fmt: skip
    values: dict[str, Any] = {k: f"{v:,}" for k, v in figures.items()}
    values["events"] = noun("event", t.events)
    values["mean"] = signed(t.mean)
    if t.mean is not None:
        figures["mean"] = t.mean
    return values, figures


def _corpus_state(ctx: Context) -> list[Sentence]:
    scope = ctx.scope
    assert scope.since is not None and scope.until is not None
    names: dict[str, Any] = {"a_name": ctx.a_name, "b_name": ctx.b_name}
    period: dict[str, Any] = {"since": scope.since.isoformat(), "until": scope.until.isoformat()}
    now = tally(ctx.con, scope)
    if now.events == 0:
        return [ctx.sentence("state.none", absent=True, **names, **period)]
    months = monthly(ctx.con, scope)
    peaks = _peak_months(months)
    picks = [*EXTREMES, *_way_picks(ctx), *_modality_picks(), *_peak_picks(scope, peaks)]
    picked = picked_rows(ctx.con, scope, picks)
    ctx.preload(row for rows in picked.values() for row in rows)
    values, figures = _quad_values(ctx, now)
    out = [ctx.sentence("state.totals", _cite_rows(ctx, picked, "most_coop", "most_conflict"),
                        figures=figures, **values, **names, **period)]  # fmt: skip
    out.append(_directions(ctx, now, picked))
    out.append(_previous(ctx, now))
    if peaks is not None:
        out.append(_peaks(ctx, peaks, picked))
    others = _others(ctx, modalities(ctx.con, scope), picked)
    if others:
        out.append(others)
    return out + _turns(ctx, len(months))


def _turns(ctx: Context, months: int) -> list[Sentence]:
    """The months where the relationship turned most (``parley.store.turning``), over the
    event clusters, each with its figures and the events that made the turn."""
    scope = ctx.scope
    if months < TURNING_MONTHS or scope.dyad is None or not has_table(ctx.con, "event_clusters"):
        return []
    from parley.store.turning import turning_points

    a, b = scope.dyad
    points = turning_points(ctx.con, a, b, "month", scope.since, scope.until, top=TURNS)
    refs = [(e.best_article_id, e.best_event_id) for p in points for e in p.events]
    spans = event_spans(ctx.con, refs)
    ctx.preload(spans.values())
    out = []
    for point in points:
        events, conflict, mean = cluster_month(ctx.con, scope.dyad, point.period)
        citations = []
        for ref in point.events:
            row = spans.get((ref.best_article_id, ref.best_event_id))
            if row is not None:
                cluster = Evidence("event_clusters", ref.cluster_id)
                event = Evidence("events", ref.best_event_id)
                citations.append(ctx.sources.cite(ref.best_article_id, row["start"], row["end"],
                                                  cluster, event))  # fmt: skip
        figures: dict[str, float] = {"turn_events": events, "turn_conflict": conflict}
        if mean is not None:
            figures["turn_mean"] = mean
        out.append(ctx.sentence(
            "state.turning", citations, figures=figures, month=point.period.strftime("%Y-%m"),
            previous=point.previous.strftime("%Y-%m"), direction=point.direction,
            events=ctx.phrases.noun("event", events), mean=signed(mean), conflict=f"{conflict:,}",
        ))  # fmt: skip
    return out


def _directions(ctx: Context, now: Tally, picked: dict[str, list[dict[str, Any]]]) -> Sentence:
    return ctx.sentence(
        "state.directions", _cite_rows(ctx, picked, "a_to_b", "b_to_a"),
        figures={"a_to_b": now.a_to_b, "b_to_a": now.b_to_a},
        a_name=ctx.a_name, b_name=ctx.b_name, a_to_b=f"{now.a_to_b:,}", b_to_a=f"{now.b_to_a:,}",
    )  # fmt: skip


def previous_period(since: date, until: date) -> tuple[date, date]:
    """The period of equal length just before ``since``..``until`` (both days included):
    as many whole months when the period is whole months (a year against the year before,
    whatever leap days lie between), else as many days."""
    before = since - timedelta(days=1)
    if since.day == 1 and (until + timedelta(days=1)).day == 1:
        months = (until.year - since.year) * 12 + until.month - since.month + 1
        index = since.year * 12 + since.month - 1 - months
        return date(index // 12, index % 12 + 1, 1), before
    days = (until - since).days + 1
    return before - timedelta(days=days - 1), before


def _trend(ctx: Context, before: int, after: int) -> str:
    key = "trend.rose" if after > before else "trend.fell" if after < before else "trend.held"
    return ctx.phrases.say(key, before=f"{before:,}", after=f"{after:,}")


def _previous(ctx: Context, now: Tally) -> Sentence:
    scope = ctx.scope
    assert scope.since is not None and scope.until is not None
    prev_since, prev_until = previous_period(scope.since, scope.until)
    days = (prev_until - prev_since).days + 1
    values: dict[str, Any] = {
        "days": ctx.phrases.noun("day", days), "prev_since": prev_since.isoformat(),
        "prev_until": prev_until.isoformat(), "a_name": ctx.a_name, "b_name": ctx.b_name,
    }  # fmt: skip
    before_scope = replace(scope, since=prev_since, until=prev_until)
    before = tally(ctx.con, before_scope)
    if before.events == 0:
        return ctx.sentence("state.previous_none", absent=True, figures={"days": days}, **values)
    figures: dict[str, float] = {
        "days": days, "prev_coop": before.coop, "coop": now.coop,
        "prev_conflict": before.conflict, "conflict": now.conflict,
    }  # fmt: skip
    if before.mean is not None:
        figures["prev_mean"] = before.mean
    if now.mean is not None:
        figures["mean"] = now.mean
    picked = picked_rows(ctx.con, before_scope, list(EXTREMES))
    return ctx.sentence(
        "state.previous", _cite_rows(ctx, picked, "most_coop", "most_conflict"), figures=figures,
        coop_trend=_trend(ctx, before.coop, now.coop),
        conflict_trend=_trend(ctx, before.conflict, now.conflict),
        prev_mean=signed(before.mean), mean=signed(now.mean), **values,
    )  # fmt: skip


Months = list[tuple[date, int, int]]
Peaks = tuple[tuple[date, int], tuple[date, int]]  # (month, conflict), (month, cooperation)


def _peak_months(months: Months) -> Peaks | None:
    if len(months) < 2:
        return None
    # The earliest month wins a tie, so the sentence is the same on every run.
    coop = max(months, key=lambda m: (m[1], -m[0].toordinal()))
    conflict = max(months, key=lambda m: (m[2], -m[0].toordinal()))
    if coop[1] == 0 or conflict[2] == 0:
        return None
    return (conflict[0], conflict[2]), (coop[0], coop[1])


def _month_end(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _peak_picks(scope: Scope, peaks: Peaks | None) -> list[Pick]:
    """The most conflictual event of the conflict peak's month, the most cooperative of the
    cooperation peak's."""
    if peaks is None:
        return []
    (conflict, _), (coop, _) = peaks
    month = f"{ASSERTED} AND e.day BETWEEN ? AND ? AND e.quad_class IN "
    return [
        Pick("conflict_peak", month + "(3, 4)", (conflict, _month_end(conflict)),
             order=f"e.goldstein ASC, {_TIES}"),
        Pick("coop_peak", month + "(1, 2)", (coop, _month_end(coop)),
             order=f"e.goldstein DESC, {_TIES}"),
    ]  # fmt: skip


def _peaks(ctx: Context, peaks: Peaks, picked: dict[str, list[dict[str, Any]]]) -> Sentence:
    (conflict, conflicts), (coop, coops) = peaks
    noun = ctx.phrases.noun
    return ctx.sentence(
        "state.peaks", _cite_rows(ctx, picked, "conflict_peak", "coop_peak"),
        figures={"conflict_peak": conflicts, "coop_peak": coops},
        conflict_month=conflict.strftime("%Y-%m"), coop_month=coop.strftime("%Y-%m"),
        conflict_peak=noun("event", conflicts), coop_peak=noun("event", coops),
    )  # fmt: skip


def _others(
    ctx: Context, counts: dict[str, int], picked: dict[str, list[dict[str, Any]]]
) -> Sentence | None:
    if not any(counts.get(m) for m in MODALITIES):
        return None
    noun = ctx.phrases.noun
    values: dict[str, Any] = {m: noun("event", counts.get(m, 0)) for m in MODALITIES}
    return ctx.sentence(
        "state.others", _cite_rows(ctx, picked, *MODALITIES),
        figures={m: counts.get(m, 0) for m in MODALITIES}, **values,
    )  # fmt: skip


def _article_state(ctx: Context) -> list[Sentence]:
    out: list[Sentence] = []
    scope = ctx.scope
    if scope.dyad is not None:
        names: dict[str, Any] = {"a_name": ctx.a_name, "b_name": ctx.b_name}
        now = tally(ctx.con, scope)
        if now.events == 0:
            out.append(ctx.sentence("state.article_none", absent=True, **names))
        else:
            picked = picked_rows(ctx.con, scope, [*EXTREMES, *_way_picks(ctx)])
            values, figures = _quad_values(ctx, now)
            citations = _cite_rows(ctx, picked, "most_coop", "most_conflict")
            out.append(ctx.sentence("state.article_totals", citations, figures=figures,
                                    **values, **names))  # fmt: skip
            out.append(_directions(ctx, now, picked))
    whole = replace(scope, dyad=None)
    counts = modalities(ctx.con, whole)
    total = sum(counts.values())
    if total == 0:
        out.append(ctx.sentence("state.article_nothing", absent=True))
        return out
    picked = picked_rows(ctx.con, whole, _modality_picks())
    noun = ctx.phrases.noun
    counted: dict[str, float] = {"all_events": total, "asserted": counts.get("asserted", 0)}
    counted |= {m: counts.get(m, 0) for m in MODALITIES}
    shown: dict[str, Any] = {m: f"{counts.get(m, 0):,}" for m in MODALITIES}
    out.append(ctx.sentence(
        "state.article_all", _cite_rows(ctx, picked, "asserted", *MODALITIES), figures=counted,
        all_events=noun("event", total), asserted=f"{counts.get('asserted', 0):,}", **shown,
    ))  # fmt: skip
    return out
