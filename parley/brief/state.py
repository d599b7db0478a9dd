"""The state of the relationship: asserted events by QuadClass with the mean Goldstein value,
each way, against the previous period of equal length, where conflict and cooperation
peaked, and what the reports give as planned, conditional or denied. Counts cite the
events at either end of the Goldstein scale as examples."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from parley.brief.context import Context
from parley.brief.model import Citation, Section, Sentence
from parley.brief.phrases import signed
from parley.brief.queries import Scope, Tally, event_rows, modalities, monthly, tally

__all__ = ["state_section"]

ASSERTED = "e.modality = 'asserted'"
MODALITIES = ("future", "hypothetical", "negated")


def state_section(ctx: Context) -> Section:
    make = _article_state if ctx.kind == "article" else _corpus_state
    return Section("state", ctx.phrases.template("sections.state"), tuple(make(ctx)))


def _extremes(ctx: Context, scope: Scope, extra: str = ASSERTED) -> list[Citation]:
    """The most cooperative and the most conflictual event of a scope, as examples."""
    rows: list[dict[str, Any]] = []
    for order in ("e.goldstein DESC NULLS LAST", "e.goldstein ASC NULLS LAST"):
        rows += event_rows(ctx.con, scope, extra=extra, order=f"{order}, e.day, ar.seq, e.event_id",
                           limit=1)  # fmt: skip
    return _cite_rows(ctx, rows)


def _cite_rows(ctx: Context, rows: list[dict[str, Any]]) -> list[Citation]:
    seen: set[tuple[str, str]] = set()
    out = []
    for row in rows:
        key = (row["article_id"], row["event_id"])
        if key not in seen:
            seen.add(key)
            out.append(ctx.cite_event(row))
    return out


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
    values, figures = _quad_values(ctx, now)
    out = [ctx.sentence("state.totals", _extremes(ctx, scope), figures=figures,
                        **values, **names, **period)]  # fmt: skip
    out.append(_directions(ctx, now))
    out.append(_previous(ctx, now))
    peaks = _peaks(ctx)
    if peaks:
        out.append(peaks)
    others = _others(ctx, scope)
    if others:
        out.append(others)
    return out


def _directions(ctx: Context, now: Tally) -> Sentence:
    assert ctx.scope.dyad is not None
    a, b = ctx.scope.dyad
    rows = []
    for source, target in ((a, b), (b, a)):
        extra = f"{ASSERTED} AND starts_with(e.source_actor, ?) AND starts_with(e.target_actor, ?)"
        rows += event_rows(ctx.con, ctx.scope, extra=extra, params=[source, target], limit=1)
    return ctx.sentence(
        "state.directions", _cite_rows(ctx, rows),
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
    return ctx.sentence(
        "state.previous", _extremes(ctx, before_scope), figures=figures,
        coop_trend=_trend(ctx, before.coop, now.coop),
        conflict_trend=_trend(ctx, before.conflict, now.conflict),
        prev_mean=signed(before.mean), mean=signed(now.mean), **values,
    )  # fmt: skip


def _month_scope(scope: Scope, month: date) -> Scope:
    last = (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    assert scope.since is not None and scope.until is not None
    return replace(scope, since=max(month, scope.since), until=min(last, scope.until))


def _peaks(ctx: Context) -> Sentence | None:
    months = monthly(ctx.con, ctx.scope)
    if len(months) < 2:
        return None
    # The earliest month wins a tie, so the sentence is the same on every run.
    coop = max(months, key=lambda m: (m[1], -m[0].toordinal()))
    conflict = max(months, key=lambda m: (m[2], -m[0].toordinal()))
    if coop[1] == 0 or conflict[2] == 0:
        return None
    rows: list[dict[str, Any]] = []
    for month, quads, order in ((conflict[0], "3, 4", "ASC"), (coop[0], "1, 2", "DESC")):
        extra = f"{ASSERTED} AND e.quad_class IN ({quads})"
        order_by = f"e.goldstein {order}, e.day, ar.seq, e.event_id"
        month_scope = _month_scope(ctx.scope, month)
        rows += event_rows(ctx.con, month_scope, extra=extra, order=order_by, limit=1)
    noun = ctx.phrases.noun
    return ctx.sentence(
        "state.peaks", _cite_rows(ctx, rows),
        figures={"conflict_peak": conflict[2], "coop_peak": coop[1]},
        conflict_month=conflict[0].strftime("%Y-%m"), coop_month=coop[0].strftime("%Y-%m"),
        conflict_peak=noun("event", conflict[2]), coop_peak=noun("event", coop[1]),
    )  # fmt: skip


def _others(ctx: Context, scope: Scope) -> Sentence | None:
    counts = modalities(ctx.con, scope)
    if not any(counts.get(m) for m in MODALITIES):
        return None
    rows: list[dict[str, Any]] = []
    for modality in MODALITIES:
        if counts.get(modality):
            rows += event_rows(ctx.con, scope, extra="e.modality = ?", params=[modality], limit=1)
    noun = ctx.phrases.noun
    values: dict[str, Any] = {m: noun("event", counts.get(m, 0)) for m in MODALITIES}
    return ctx.sentence(
        "state.others",
        _cite_rows(ctx, rows),
        figures={m: counts.get(m, 0) for m in MODALITIES},
        **values,
    )


def _article_state(ctx: Context) -> list[Sentence]:
    out: list[Sentence] = []
    scope = ctx.scope
    if scope.dyad is not None:
        names: dict[str, Any] = {"a_name": ctx.a_name, "b_name": ctx.b_name}
        now = tally(ctx.con, scope)
        if now.events == 0:
            out.append(ctx.sentence("state.article_none", absent=True, **names))
        else:
            values, figures = _quad_values(ctx, now)
            out.append(ctx.sentence("state.article_totals", _extremes(ctx, scope),
                                    figures=figures, **values, **names))  # fmt: skip
            out.append(_directions(ctx, now))
    whole = replace(scope, dyad=None)
    counts = modalities(ctx.con, whole)
    total = sum(counts.values())
    if total == 0:
        out.append(ctx.sentence("state.article_nothing", absent=True))
        return out
    rows: list[dict[str, Any]] = []
    for modality in ("asserted", *MODALITIES):
        if counts.get(modality):
            rows += event_rows(ctx.con, whole, extra="e.modality = ?", params=[modality], limit=1)
    noun = ctx.phrases.noun
    counted: dict[str, float] = {"all_events": total, "asserted": counts.get("asserted", 0)}
    counted |= {m: counts.get(m, 0) for m in MODALITIES}
    shown: dict[str, Any] = {m: f"{counts.get(m, 0):,}" for m in MODALITIES}
    out.append(ctx.sentence(
        "state.article_all", _cite_rows(ctx, rows), figures=counted,
        all_events=noun("event", total), asserted=f"{counts.get('asserted', 0):,}", **shown,
    ))  # fmt: skip
    return out
