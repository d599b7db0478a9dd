"""Key events: the event clusters of the scope with the most reports, dated, each with its
number of reports and the best report's sentence, citing up to three of its reports.

A symmetric act ("the two sides met") is stored as two clusters, one each way, with the same
best sentence: they are told once, as "between" the two."""

from __future__ import annotations

from typing import Any

from parley.brief.context import Context
from parley.brief.model import Citation, Evidence, Section, Sentence
from parley.brief.queries import cluster_rows, has_table

__all__ = ["events_section"]

LIMITS = {"corpus": 10, "article": 8}
CITED_REPORTS = 3


def events_section(ctx: Context) -> Section:
    return Section("events", ctx.phrases.template("sections.events"), tuple(_sentences(ctx)))


def _sentences(ctx: Context) -> list[Sentence]:
    if not has_table(ctx.con, "event_clusters"):
        return [ctx.sentence("events.no_table", absent=True)]
    limit = LIMITS[ctx.kind]
    groups = _groups(cluster_rows(ctx.con, ctx.whole, limit * 3))[:limit]
    if not groups:
        if ctx.kind == "article":
            return [ctx.sentence("events.article_none", absent=True)]
        assert ctx.scope.since is not None and ctx.scope.until is not None
        return [ctx.sentence(
            "events.none", absent=True, a_name=ctx.a_name, b_name=ctx.b_name,
            since=ctx.scope.since.isoformat(), until=ctx.scope.until.isoformat(),
        )]  # fmt: skip
    groups.sort(key=lambda g: (g[0]["day"] is None, g[0]["day"], -g[0]["n_articles"]))
    members = _members(ctx, [r["cluster_id"] for g in groups for r in g])
    return [_sentence(ctx, group, members) for group in groups]


def _groups(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Clusters told by one sentence (the same best report's passage) grouped, in rank order."""
    groups: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault((row["article_id"], row["start"], row["end"]), []).append(row)
    return list(groups.values())


def _members(ctx: Context, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Each cluster's reports (article and event, with the event's offsets), oldest first."""
    if not ids:
        return {}
    rows = ctx.con.execute(
        "SELECT m.cluster_id, m.article_id, m.event_id, e.start_char, e.end_char"
        " FROM event_cluster_members m JOIN events e"
        " ON e.article_id = m.article_id AND e.event_id = m.event_id"
        " JOIN articles ar ON ar.article_id = m.article_id"
        " WHERE list_contains(?, m.cluster_id) AND ar.duplicate_of IS NULL"
        " ORDER BY m.cluster_id, ar.published_day, ar.seq, m.event_id",
        [ids],
    ).fetchall()
    out: dict[str, list[dict[str, Any]]] = {}
    for cid, aid, eid, start, end in rows:
        out.setdefault(cid, []).append(
            {"article_id": aid, "event_id": eid, "start": start, "end": end}
        )
    return out


def _citations(
    ctx: Context, group: list[dict[str, Any]], members: dict[str, list[dict[str, Any]]]
) -> list[Citation]:
    """The best report first, then other articles' reports of the same clusters."""
    best = group[0]
    clusters = [Evidence("event_clusters", r["cluster_id"]) for r in group]
    events = [Evidence("events", r["event_id"]) for r in group
              if r["article_id"] == best["article_id"]]  # fmt: skip
    out = [ctx.sources.cite(best["article_id"], best["start"], best["end"], *clusters, *events)]
    seen = {best["article_id"]}
    for row in group:
        for member in members.get(row["cluster_id"], []):
            if len(out) >= CITED_REPORTS:
                return out
            if member["article_id"] in seen:
                continue
            seen.add(member["article_id"])
            cluster = Evidence("event_clusters", row["cluster_id"])
            event = Evidence("events", member["event_id"])
            out.append(ctx.sources.cite(member["article_id"], member["start"], member["end"],
                                        cluster, event))  # fmt: skip
    return out


def _sentence(
    ctx: Context, group: list[dict[str, Any]], members: dict[str, list[dict[str, Any]]]
) -> Sentence:
    best = group[0]
    reports = max(r["n_articles"] or 0 for r in group)
    outlets = max(r["n_outlets"] or 0 for r in group)
    pairs = {(r["source_actor"], r["target_actor"]) for r in group}
    both = any((t, s) in pairs for s, t in pairs if s != t)
    actions = list(dict.fromkeys(ctx.action(r["cameo"]) for r in group))
    day = best["day"] or best["first_day"]
    quote = ctx.quoted(best["article_id"], best["start"], best["end"])
    noun = ctx.phrases.noun
    return ctx.sentence(
        "events.both_ways" if both else "events.one_way",
        _citations(ctx, group, members),
        quotes=(quote,),
        figures={"reports": reports, "outlets": outlets} if outlets > 1 else {"reports": reports},
        day=day.isoformat() if day else ctx.phrases.template("events.undated"),
        source=ctx.actor(best["source_name"], best["source_actor"]),
        target=ctx.actor(best["target_name"], best["target_actor"]),
        action="; ".join(actions),
        reports=noun("report", reports),
        outlets=ctx.phrases.say("events.outlets", outlets=noun("outlet", outlets))
        if outlets > 1 else "",
        sentence=quote,
    )  # fmt: skip
