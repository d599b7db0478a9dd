"""Key events: the scope's event clusters by weight (reports, whether the report is its
article's lead, whether its date comes from the text: ``queries.WEIGHT``), the heaviest of
each month first so a long period is covered end to end, then the next heaviest; told in
date order, each with the place its report names, its number of reports and the words of its
best report around the action, citing that report and the earliest and latest other reports of it.

In a dyad brief both actors must act for their states (``holders.acts_for_side``): a civic
body coded to a country by where it sits, a free country's newspaper or a leader out of
office is no side. A symmetric act ("the two sides met") is told as "between" the two; two
clusters told by one sentence (coded each way) are told once."""

from __future__ import annotations

from datetime import date
from typing import Any

from parley.brief.context import Context
from parley.brief.holders import acts_for_side
from parley.brief.model import Citation, Evidence, Section, Sentence
from parley.brief.queries import cluster_rows, has_table

__all__ = ["events_section"]

ARTICLE_LIMIT = 8
CORPUS_LIMIT = (8, 16)  # at least, at most: two a month between them
CANDIDATES = 400
LONG_RUN = 28  # days: a story reported for this long is told with its latest report too


def events_section(ctx: Context) -> Section:
    return Section("events", ctx.phrases.template("sections.events"), tuple(_sentences(ctx)))


def _limit(ctx: Context) -> int:
    if ctx.kind == "article" or ctx.scope.since is None or ctx.scope.until is None:
        return ARTICLE_LIMIT
    since, until = ctx.scope.since, ctx.scope.until
    months = (until.year - since.year) * 12 + until.month - since.month + 1
    return max(CORPUS_LIMIT[0], min(CORPUS_LIMIT[1], 2 * months))


def _sentences(ctx: Context) -> list[Sentence]:
    if not has_table(ctx.con, "event_clusters"):
        return [ctx.sentence("events.no_table", absent=True)]
    rows = cluster_rows(ctx.con, ctx.whole, CANDIDATES)
    if ctx.kind == "corpus" and ctx.scope.dyad is not None:
        # A dyad's key events are its states' acts (``holders.acts_for_side``).
        rows = [row for row in rows if acts_for_side(row, ctx.voices)]
    groups = _choose(_groups(rows), _limit(ctx))
    if not groups:
        if ctx.kind == "article":
            return [ctx.sentence("events.article_none", absent=True)]
        assert ctx.scope.since is not None and ctx.scope.until is not None
        return [ctx.sentence(
            "events.none", absent=True, a_name=ctx.a_name, b_name=ctx.b_name,
            since=ctx.scope.since.isoformat(), until=ctx.scope.until.isoformat(),
        )]  # fmt: skip
    groups.sort(key=lambda g: (g[0]["day"] is None, g[0]["day"], -g[0]["weight"]))
    members = _members(ctx, [r["cluster_id"] for g in groups for r in g])
    ctx.preload([*(r for g in groups for r in g), *(m for ms in members.values() for m in ms)])
    return [_sentence(ctx, group, members) for group in groups]


def _groups(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Clusters told by one sentence (the same report's passage) grouped, heaviest first."""
    groups: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault((row["article_id"], row["start"], row["end"]), []).append(row)
    return list(groups.values())


def _choose(groups: list[list[dict[str, Any]]], limit: int) -> list[list[dict[str, Any]]]:
    """The heaviest group of each month, then the heaviest of the rest, up to ``limit``."""
    chosen: list[int] = []
    months: set[tuple[int, int] | None] = set()
    for n, group in enumerate(groups):
        day = group[0]["day"]
        month = (day.year, day.month) if day else None
        if month not in months and month is not None:
            months.add(month)
            chosen.append(n)
    firsts = chosen[:limit]  # the heaviest months' firsts when there are more months
    rest = [n for n in range(len(groups)) if n not in set(firsts)]
    return [groups[n] for n in sorted(firsts + rest[: max(0, limit - len(firsts))])]


def _members(ctx: Context, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Each cluster's reports in original articles (article, event, offsets), oldest first."""
    if not ids:
        return {}
    rows = ctx.con.execute(
        "SELECT m.cluster_id, m.article_id, m.event_id, e.start_char, e.end_char,"
        " e.trigger_start, e.trigger_end, ar.published_day"
        " FROM event_cluster_members m JOIN events e"
        " ON e.article_id = m.article_id AND e.event_id = m.event_id"
        " JOIN articles ar ON ar.article_id = m.article_id"
        " WHERE list_contains(?, m.cluster_id) AND ar.duplicate_of IS NULL"
        " ORDER BY m.cluster_id, ar.published_day, ar.seq, m.event_id",
        [ids],
    ).fetchall()
    out: dict[str, list[dict[str, Any]]] = {}
    for cid, aid, eid, start, end, t_start, t_end, day in rows:
        out.setdefault(cid, []).append({
            "article_id": aid, "event_id": eid, "start": start, "end": end,
            "trigger_start": t_start, "trigger_end": t_end, "published": day,
        })  # fmt: skip
    return out


def _citations(
    ctx: Context, group: list[dict[str, Any]], members: dict[str, list[dict[str, Any]]]
) -> list[Citation]:
    """The report told, then the earliest and the latest other article reporting it (how
    the story ran), each citing its own event of the cluster."""
    best = group[0]
    clusters = [Evidence("event_clusters", r["cluster_id"]) for r in group]
    events = [Evidence("events", r["event_id"]) for r in group
              if r["article_id"] == best["article_id"]]  # fmt: skip
    out = [ctx.sources.cite(best["article_id"], best["start"], best["end"], *clusters, *events)]
    reports = _other_reports(group, members)
    for cid, member in reports[:1] + reports[1:][-1:]:
        cluster, event = Evidence("event_clusters", cid), Evidence("events", member["event_id"])
        out.append(ctx.sources.cite(member["article_id"], member["start"], member["end"],
                                    cluster, event))  # fmt: skip
    return out


def _other_reports(
    group: list[dict[str, Any]], members: dict[str, list[dict[str, Any]]]
) -> list[tuple[str, dict[str, Any]]]:
    """(cluster, report) of the other articles reporting the group, oldest first."""
    best = group[0]
    others: dict[str, tuple[str, dict[str, Any]]] = {}
    for row in group:
        for member in members.get(row["cluster_id"], []):
            if member["article_id"] != best["article_id"]:
                others.setdefault(member["article_id"], (row["cluster_id"], member))
    return sorted(others.values(), key=lambda cm: (cm[1]["published"] or date.min))


def _latest(
    ctx: Context, group: list[dict[str, Any]], members: dict[str, list[dict[str, Any]]]
) -> tuple[str, tuple[str, ...]]:
    """How the story ended, when its reports ran for weeks: the latest report's words."""
    reports = _other_reports(group, members)
    days = [m["published"] for _, m in reports if m["published"] is not None]
    if len(reports) < 2 or not days or (days[-1] - days[0]).days < LONG_RUN:
        return "", ()
    _, last = reports[-1]
    quote = ctx.quoted_around(last)
    return ctx.phrases.say("events.latest", published=days[-1].isoformat(), sentence=quote), (
        quote,
    )


def _sentence(
    ctx: Context, group: list[dict[str, Any]], members: dict[str, list[dict[str, Any]]]
) -> Sentence:
    best = group[0]
    reports = max(r["n_articles"] or 0 for r in group)
    outlets = max(r["n_outlets"] or 0 for r in group)
    pairs = {(r["source_actor"], r["target_actor"]) for r in group}
    mirrored = any((t, s) in pairs for s, t in pairs if s != t)
    both = mirrored or any(r["undirected"] for r in group)
    actions = list(dict.fromkeys(ctx.action(r["cameo"]) for r in group))
    day = best["day"] or best["first_day"]
    quote = ctx.quoted_around(best)
    noun = ctx.phrases.noun
    days = sorted(m["published"] for r in group for m in members.get(r["cluster_id"], [])
                  if m["published"] is not None)  # fmt: skip
    span = ""
    if days and days[0] != days[-1]:
        span = ctx.phrases.say("events.span", first=days[0].isoformat(), last=days[-1].isoformat())
    key = "events.both_ways" if both else "events.one_way"
    if not best["target_actor"] and not best["target_name"]:
        key = "events.no_target"  # nobody on the receiving end is named: no "to" or "between"
    latest, latest_quote = _latest(ctx, group, members)
    return ctx.sentence(
        key,
        _citations(ctx, group, members),
        quotes=(quote, *latest_quote),
        latest=latest,
        figures={"reports": reports, "outlets": outlets} if outlets > 1 else {"reports": reports},
        day=day.isoformat() if day else ctx.phrases.template("events.undated"),
        source=ctx.actor(best["source_name"], best["source_actor"]),
        target=ctx.actor(best["target_name"], best["target_actor"]),
        action="; ".join(actions),
        place=ctx.phrases.say("events.place", place=best["place"]) if best["place"] else "",
        reports=noun("report", reports),
        span=span,
        outlets=ctx.phrases.say("events.outlets", outlets=noun("outlet", outlets))
        if outlets > 1 else "",
        sentence=quote,
    )  # fmt: skip
