"""The SQL pieces the pages share (parley.web.views.common)."""

from __future__ import annotations


def test_web_prefix_ranges_match_as_starts_with_does() -> None:
    import duckdb

    from parley.web.views.common import prefix_ranges

    codes = ["PRK", "PRKGOV", "PRL", "PR", "PRJZZZ", "USA", "USAMIL", "US", "USB", "USA9"]
    con = duckdb.connect()
    con.execute("CREATE TABLE t (code VARCHAR)")
    con.execute("INSERT INTO t SELECT unnest(?)", [codes])
    clause, params = prefix_ranges("code", "PRK", "USA")
    found = {r[0] for r in con.execute(f"SELECT code FROM t WHERE {clause}", params).fetchall()}
    assert found == {c for c in codes if c.startswith(("PRK", "USA"))}
