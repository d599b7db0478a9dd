"""Every page and its JSON twin over the fixture store (Starlette's test client): what each
shows, paging, bad parameters, and that the JSON and the HTML say the same things."""

from __future__ import annotations

import re
from typing import Any

import pytest

A1, A2, A3, A5 = (f"a00000000000000{i}" for i in (1, 2, 3, 5))

PAGES = (
    "/",
    "/dyad/USA/PRK",
    "/dyad/USA/PRK/brief",
    "/actor/PRK",
    "/actor/USAGOV",
    "/cluster/c3",
    f"/event/{A2}/v1",
    f"/article/{A1}",
    "/search?q=sanctions",
    "/analyze",
)


def _twin(path: str) -> str:
    base, _, query = path.partition("?")
    base = "/index" if base == "/" else base
    return f"{base}.json" + (f"?{query}" if query else "")


@pytest.mark.parametrize("path", PAGES)
def test_web_every_page_and_its_json_twin(client: Any, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200, page.text[:300]
    assert page.headers["content-type"].startswith("text/html")
    assert "<h1" in page.text
    twin = client.get(_twin(path))
    assert twin.status_code == 200
    assert twin.headers["content-type"] == "application/json"
    assert twin.json()["title"]
    # Every HTML page links to its twin.
    assert f'href="{_twin(path).replace("&", "&amp;")}"' in page.text


def test_web_overview_counts_dyads_and_recent_events(client: Any) -> None:
    data = client.get("/index.json").json()
    assert data["counts"]["articles"] == 5
    assert data["counts"]["events"] == 9
    assert data["counts"]["event_clusters"] == 8
    top = data["dyads"]["rows"][0]
    assert (top["a"], top["b"]) == ("PRK", "USA")
    assert top["events"] == 9
    days = [e["day"] for e in data["recent_events"]["rows"]]
    assert days == sorted(days, reverse=True)
    html = client.get("/").text
    assert 'href="/dyad/PRK/USA"' in html


def test_web_dyad_shows_timeline_clusters_stances_and_quotes(client: Any) -> None:
    data = client.get("/dyad/USA/PRK.json").json()
    months = {row["period"]: row["events"] for row in data["timeline"]}
    assert months == {"2031-03-01": 2, "2031-04-01": 3, "2031-05-01": 2, "2031-06-01": 2}
    clusters = data["clusters"]["rows"]
    assert clusters[0]["cluster_id"] == "c3"  # the most reported first
    assert clusters[0]["n_articles"] == 2
    usa, prk = data["sides"]["USA"], data["sides"]["PRK"]
    assert [s["issue"] for s in usa["stances"]["rows"]][-1] == "talks"
    assert prk["stances"]["rows"][0]["quote"] == "Sanctions will never make us kneel."
    assert {q["text"] for q in usa["quotes"]["rows"]} >= {"The door to dialogue remains open."}
    assert data["brief"] == {"url": "/dyad/USA/PRK/brief"}
    html = client.get("/dyad/USA/PRK").text
    assert 'data-src="/dyad/USA/PRK/brief"' in html
    assert html.count('class="bar"') == 5  # one bar piece per month and QuadClass present
    assert 'href="/cluster/c3"' in html
    assert "Sanctions will never make us kneel." in html


def test_web_dyad_without_clusters_lists_events(client: Any, web_store: Any, tmp_path: Any) -> None:
    import shutil

    import duckdb

    from parley.web.app import create_app
    from parley.web.store import Settings

    copy = tmp_path / "plain.duckdb"
    shutil.copy(web_store, copy)
    con = duckdb.connect(str(copy))
    for table in ("event_clusters", "event_cluster_members", "stances"):
        con.execute(f"DROP TABLE {table}")
    con.close()
    from starlette.testclient import TestClient

    with TestClient(create_app(Settings(db=copy, hosts=("testserver",)))) as plain:
        page = plain.get("/dyad/USA/PRK")
        assert page.status_code == 200
        assert "No clusters in this store yet" in page.text
        assert "No stances in this store yet" in page.text
        data = plain.get("/dyad/USA/PRK.json").json()
        assert data["clusters"] is None
        assert len(data["events"]["rows"]) == 9
        assert plain.get("/cluster/c3").status_code == 404
        assert plain.get(f"/event/{A2}/v1").status_code == 200


def test_web_cluster_lists_every_report_with_its_evidence(client: Any) -> None:
    data = client.get("/cluster/c3.json").json()
    reports = data["reports"]["rows"]
    assert [r["article_id"] for r in reports] == [A2, A3]
    assert {r["outlet"] for r in reports} == {"Test Wire", "Other Daily"}
    html = client.get("/cluster/c3").text
    for r in reports:
        anchor = f"/article/{r['article_id']}?hl={r['start_char']}-{r['end_char']}"
        assert anchor in html


def test_web_event_shows_trigger_and_its_cluster(client: Any) -> None:
    data = client.get(f"/event/{A2}/v1.json").json()
    assert data["event"]["cameo"] == "111"
    assert data["cluster_id"] == "c3"
    html = client.get(f"/event/{A2}/v1").text
    assert '<mark class="trigger">denounced</mark>' in html and "<dt>Place</dt>" not in html
    assert client.get(f"/event/{A2}/v9").status_code == 404
    placed = client.get(f"/event/{A1}/v1").text  # "agreed ... to hold talks in Geneva"
    assert "<dt>Place</dt><dd>Geneva</dd>" in placed


def test_web_article_highlights_in_place_with_anchors(client: Any) -> None:
    data = client.get(f"/article/{A1}.json").json()
    text = data["analysis"]["article"]["text"]
    quote = data["analysis"]["quotes"][0]
    html = client.get(f"/article/{A1}?hl={quote['start']}-{quote['end']}").text
    assert f'id="c{quote["start"]}-{quote["end"]}"' in html  # the brief's citations land here
    for event in data["analysis"]["events"]:
        assert f'id="c{event["start"]}-{event["end"]}"' in html
    assert 'class="m ent' in html and "tx" in html and " trg" in html
    assert ' hl"' in html  # the passage asked for is highlighted
    assert 'href="https://news.example.org/a000000000000001"' in html  # the link out
    assert data["stored"]["source_name"] == f"{A1}.txt"
    assert data["stances"][0]["issue"] == "talks"
    assert text.startswith("The United States")


def test_web_actor_names_roles_events_quotes_stances(client: Any) -> None:
    data = client.get("/actor/PRKGOV.json").json()
    identities = data["identities"]["rows"]
    assert {(i["name"], tuple(i["roles"])) for i in identities} == {
        ("Ri Chol", ("vice foreign minister",))
    }
    assert data["events_as_source"]["rows"][0]["cameo"] == "051"
    assert data["quotes"]["rows"][0]["text"] == "Sanctions will never make us kneel."
    assert data["stances"]["rows"][0]["position"] == "oppose"


def test_web_tables_page_through_results(client: Any) -> None:
    first = client.get("/dyad/USA/PRK.json?size=3").json()["clusters"]
    assert len(first["rows"]) == 3 and first["next"] and first["previous"] is None
    second = client.get(first["next"]).json()["clusters"]
    assert second["page"] == 2 and second["previous"]
    seen = [r["cluster_id"] for r in first["rows"]] + [r["cluster_id"] for r in second["rows"]]
    assert len(set(seen)) == 6  # no row on both pages
    page = second
    while page["next"]:
        page = client.get(page["next"]).json()["clusters"]
        seen += [r["cluster_id"] for r in page["rows"]]
    assert sorted(seen) == [f"c{i}" for i in range(1, 9)]
    html = client.get("/dyad/USA/PRK?size=3").text
    assert 'rel="next"' in html


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/dyad/USA/PRK?by=hour", 400),
        ("/dyad/USA/PRK?since=yesterday", 400),
        ("/dyad/USA/PRK?size=0", 400),
        ("/dyad/USA/PRK?size=100000", 400),
        ("/dyad/USA/PRK?events_page=-1", 400),
        ("/dyad/USA/P%3BRK", 404),
        ("/actor/%3Cscript%3E", 404),
        ("/article/nope", 404),
        ("/cluster/nope", 404),
        (f"/article/{A1}?hl=9-3", 400),
        ("/search?actor=a;b", 400),
        ("/search?q=" + "x" * 300, 400),
        ("/static/../store/schema.py", 404),
        ("/static/%2e%2e/store/schema.py", 404),
    ],
)
def test_web_bad_requests_are_one_line_errors(client: Any, path: str, status: int) -> None:
    page = client.get(path)
    assert page.status_code == status
    assert "Traceback" not in page.text
    assert "content-security-policy" in page.headers
    twin = path.split("?")[0]
    if not twin.startswith("/static") and status != 404:
        query = path.partition("?")[2]
        body = client.get(f"{twin}.json?{query}").json()
        assert body["status"] == status and body["error"]


def test_web_search_ranked_filters_and_fallback(client: Any, web_store: Any, tmp_path: Any) -> None:
    data = client.get("/search.json?q=sanctions").json()
    assert data["ranked"] == {"articles": True, "quotes": True}
    found = [r["article_id"] for r in data["articles"]["rows"]]
    assert set(found) == {A2, A3}
    assert data["quotes"]["rows"][0]["text"] == "Sanctions will never make us kneel."
    assert [
        r["article_id"]
        for r in client.get("/search.json?q=sanctions&outlet=other").json()["articles"]["rows"]
    ] == [A3]
    assert (
        client.get("/search.json?q=sanctions&until=2031-04-10").json()["articles"]["rows"][0][
            "article_id"
        ]
        == A2
    )
    assert client.get("/search.json?q=door&actor=PRK").json()["quotes"]["rows"] == []
    html = client.get("/search?q=sanctions&actor=prk&outlet=wire").text
    assert "<mark>sanctions</mark>" in html or "<mark>Sanctions</mark>" in html
    assert 'name="actor" value="PRK"' in html and 'name="outlet" value="wire"' in html

    import shutil

    import duckdb
    from starlette.testclient import TestClient

    from parley.store.search import load_fts
    from parley.web.app import create_app
    from parley.web.store import Settings

    copy = tmp_path / "unindexed.duckdb"
    shutil.copy(web_store, copy)
    con = duckdb.connect(str(copy))
    load_fts(con)
    con.execute("PRAGMA drop_fts_index('articles')")
    con.close()
    with TestClient(create_app(Settings(db=copy, hosts=("testserver",)))) as plain:
        data = plain.get("/search.json?q=sanctions").json()
        assert data["ranked"]["articles"] is False
        assert {r["article_id"] for r in data["articles"]["rows"]} == {A2, A3}
        assert "does not cover this store" in plain.get("/search?q=sanctions").text


def test_web_brief_page(client: Any) -> None:
    data = client.get("/dyad/USA/PRK/brief.json?since=2031-03-01").json()
    html = client.get("/dyad/USA/PRK/brief").text
    try:
        import parley.brief  # noqa: F401
    except ImportError:
        assert data["brief"] == {"absent": "this Parley has no briefs yet"}
        assert "No brief: this Parley has no briefs yet." in html
        return
    assert data["brief"]["sections"], data["brief"]
    assert '<div class="brief" id="brief-body">\n<article>' in html
    cited = re.findall(r'href="(/article/[0-9a-f]{16}#c\d+-\d+)"', html)
    assert cited  # every citation links to a passage of an article page
    for link in set(cited):
        path, anchor = link.split("#")
        text = client.get(f"{path}.json").json()["analysis"]["article"]["text"]
        start, end = (int(n) for n in anchor[1:].split("-"))
        assert 0 <= start < end <= len(text)  # a passage of that article's text


def test_web_acts_are_shown_apart_from_quotes(client: Any) -> None:
    """Ri Chol "welcomed the offer from Washington" (A1's q2, marked act): no quote of his on
    the dyad page or among his actor page's quotes, but listed apart there; no quotation
    marks around it where a stance rests on it; its own table and mark on the article."""
    dyad = client.get("/dyad/USA/PRK.json").json()["sides"]["PRK"]
    assert "the offer from Washington" not in {q["text"] for q in dyad["quotes"]["rows"]}
    rested = [s for s in dyad["stances"]["rows"] if s["article_id"] == A1]
    assert rested and rested[0]["quote"] is None
    assert "“the offer from Washington”" not in client.get("/dyad/USA/PRK").text
    actor = client.get("/actor/PRKGOV.json").json()
    assert [q["text"] for q in actor["quotes"]["rows"]] == ["Sanctions will never make us kneel."]
    assert [(q["text"], q["act"]) for q in actor["acts"]["rows"]] == [
        ("the offer from Washington", True)
    ]
    html = client.get("/actor/PRKGOV").text
    acts = html.split('<section id="acts">')[1].split("</section>")[0]
    assert "stance or act" in acts and "welcomed the offer from Washington" in acts
    assert "“the offer from Washington”" not in html
    page = client.get(f"/article/{A1}").text
    quotes = page.split("<h2>Quotes (1)</h2>")[1].split("<h2>")[0]
    listed = page.split("<h2>Stances and acts, not statements (1)</h2>")[1].split("<h2>")[0]
    assert "the offer from Washington" not in quotes and "dialogue remains open" in quotes
    assert 'id="q2"' in listed and "the offer from Washington" in listed
    assert re.search(r'class="m act[^"]*" href="#q2"', page)


def test_web_search_marks_an_act(client: Any) -> None:
    data = client.get("/search.json?q=offer").json()
    assert [(r["text"], r["act"]) for r in data["quotes"]["rows"]] == [
        ("the offer from Washington", True)
    ]
    html = client.get("/search?q=offer").text.split('<section id="quote-results">')[1]
    assert "stance or act" in html and "“the offer from Washington”" not in html
