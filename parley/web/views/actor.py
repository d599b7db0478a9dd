"""An actor (``/actor/PRKGOV``): the names, codes and roles it went by month by month, its
events as source and as target, its quotes and its stances.

The code is a prefix, as everywhere in Parley: ``/actor/PRK`` covers ``PRKGOV`` and
``PRKMIL`` too, and the identities table shows which codes were met.
"""

from __future__ import annotations

from starlette.requests import Request

from parley.web.pages import Page, Pager, actor_code, day_param, fetch_page
from parley.web.state import Web
from parley.web.views.common import Where, event_rows, quote_rows, stance_rows
from parley.web.views.dyad import names_of

__all__ = ["actor"]

IDENTITIES = """
SELECT CAST(date_trunc('month', a.published_day) AS DATE) AS month, en.actor, en.name, en.kind,
    list_sort(list_distinct(flatten(list(en.roles)))) AS roles,
    count(DISTINCT en.article_id) AS articles, CAST(sum(en.mention_count) AS BIGINT) AS mentions
FROM entities en JOIN articles a USING (article_id)
"""


def actor(request: Request, web: Web) -> Page:
    code = actor_code(request.path_params["code"])
    since, until = day_param(request, "since"), day_param(request, "until")
    size = min(web.settings.page_size, 20)
    with web.store.cursor() as cur:
        where = Where()
        where.add("starts_with(en.actor, ?)", code)
        where.add("a.duplicate_of IS NULL")
        where.days("a.published_day", since, until)
        identities = fetch_page(
            cur,
            f"{IDENTITIES}{where.sql()} GROUP BY ALL"
            " ORDER BY month DESC NULLS LAST, articles DESC, en.actor, en.name",
            where.params,
            Pager.of(request, "names_page", size),
        )
        tables = {}
        for role, column in (("as_source", "e.source_actor"), ("as_target", "e.target_actor")):
            events = Where()
            events.add(f"starts_with({column}, ?)", code)
            events.days("e.day", since, until)
            tables[role] = event_rows(cur, events, Pager.of(request, f"{role}_page", size))
        quotes = Where()
        quotes.add("starts_with(q.speaker_actor, ?)", code)
        quotes.days("a.published_day", since, until)
        tables["quotes"] = quote_rows(cur, quotes, Pager.of(request, "quotes_page", size))
        acts = Where()  # stances and acts reported of it ("praised the party"), apart
        acts.add("starts_with(q.speaker_actor, ?)", code)
        acts.days("a.published_day", since, until)
        tables["acts"] = quote_rows(cur, acts, Pager.of(request, "acts_page", size), acts=True)
        stances = None
        if web.store.has("stances"):
            where = Where()
            where.add("starts_with(s.actor_code, ?)", code)
            where.days("s.day", since, until)
            stances = stance_rows(cur, where, Pager.of(request, "stances_page", size))
        name = names_of(cur, [code]).get(code)
    data = {
        "code": code,
        "name": name,
        "since": since,
        "until": until,
        "identities": identities,
        "events_as_source": tables["as_source"],
        "events_as_target": tables["as_target"],
        "quotes": tables["quotes"],
        "acts": tables["acts"],
        "stances": stances,
    }
    return Page("actor.html", f"{name or code} ({code})" if name else code, data)
