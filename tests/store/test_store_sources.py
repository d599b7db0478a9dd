"""The corpus readers (parley/sources/corpus.py, warc.py): records, folders, gzip, WARC,
URLs and the stdin list, each read without the model."""

from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from parley.errors import FetchError, InputError
from parley.sources import Document
from parley.sources.corpus import (
    CorpusOptions,
    ReadFailure,
    StoredAnalysis,
    iter_documents,
    parse_field_map,
)

PAGE = (
    "<html><head><title>Envoys meet</title></head><body><article><h1>Envoys meet</h1>"
    "<p>The two envoys met at the border on Monday and agreed to talk again.</p>"
    "</article></body></html>"
)


def read(*specs: str | Path, **options: object) -> list[Document | ReadFailure | StoredAnalysis]:
    return list(iter_documents([str(s) for s in specs], CorpusOptions(**options)))  # type: ignore[arg-type]


def test_store_sources_jsonl_fields_aliases_and_meta(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    rows = [
        {"doc_id": "x1", "date": "2031-02-03", "headline": "H", "link": "https://a.example/1",
         "body": "Body text.", "desk": "world", "tags": ["a", "b"]},
        {"id": "x2", "html": PAGE},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    first, second = read(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.id, first.published, first.title, first.url) == (
        "x1", "2031-02-03", "H", "https://a.example/1",
    )  # fmt: skip
    assert first.data == b"Body text." and first.position == 1
    assert first.meta == (("desk", "world"), ("tags", '["a", "b"]'))
    assert second.content_type is not None and "html" in second.content_type
    assert second.position == 2


def test_store_sources_field_map_wins(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"text": "summary", "full": "The body.", "when": "2031-01-01"}))
    (doc,) = read(path, fields=parse_field_map("text=full,published=when"))
    assert isinstance(doc, Document)
    assert (doc.data, doc.published, doc.meta) == (
        b"The body.",
        "2031-01-01",
        (("text", "summary"),),
    )
    with pytest.raises(InputError, match="--fields"):
        parse_field_map("colour=red")


def test_store_sources_csv_and_gzip(tmp_path: Path) -> None:
    path = tmp_path / "c.csv.gz"
    body = 'date,url,title,body\n2031-01-02,https://b.example/2,T,"Line one,\nline two"\n'
    path.write_bytes(gzip.compress(body.encode()))
    (doc,) = read(path)
    assert isinstance(doc, Document)
    assert (doc.data, doc.published, doc.position) == (b"Line one,\nline two", "2031-01-02", 1)


def test_store_sources_bad_lines_and_passthrough(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    stored = {"schema": "parley.analysis/1", "article": {"id": "a"}}
    path.write_text("\n".join(["[1, 2]", "{broken", json.dumps({"title": "no body"}),
                               json.dumps(stored)]))  # fmt: skip
    items = read(path)
    assert [type(i).__name__ for i in items] == [
        "ReadFailure", "ReadFailure", "ReadFailure", "StoredAnalysis",
    ]  # fmt: skip
    assert [i.position for i in items] == [1, 2, 3, 4]


def test_store_sources_folder_glob_sorted_and_names(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b-2031-03-04.txt", "sub/a-2031-03-05.txt", "skip.md"):
        (tmp_path / name).write_text("A page of text about talks between two countries.\n")
    items = read(tmp_path, glob="*.txt", published_from_name=re.compile(r"(\d{4}-\d\d-\d\d)"))
    assert [(Path(i.source).name, i.published) for i in items if isinstance(i, Document)] == [
        ("b-2031-03-04.txt", "2031-03-04"), ("a-2031-03-05.txt", "2031-03-05"),
    ]  # fmt: skip


def test_store_sources_unreadable_file_is_a_failure(tmp_path: Path) -> None:
    (item,) = read(tmp_path / "missing.txt")
    assert isinstance(item, ReadFailure) and item.code == "E101"


def test_store_sources_stdin_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "p.txt"
    page.write_text("Some page text about a meeting.\n")
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{page}\n\n"))
    (doc,) = read("-")
    assert isinstance(doc, Document) and doc.source == str(page)


def test_store_sources_urls_are_fetched_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_fetch(url: str, **_: object) -> Document:
        if "bad" in url:
            raise FetchError(f"{url}: HTTP 404")
        return Document(data=PAGE.encode(), source=url, url=url, content_type="text/html")

    monkeypatch.setattr("parley.sources.web.fetch_url", fake_fetch)
    good, bad = read("https://a.example/ok", "https://a.example/bad", published="2031-01-01")
    assert isinstance(good, Document) and good.published == "2031-01-01"
    assert isinstance(bad, ReadFailure) and bad.code == "E110"


def _warc(path: Path, compress: bool) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        for n, (ctype, body) in enumerate([
            ("text/html; charset=utf-8", PAGE.encode()),
            ("image/png", b"\x89PNG not a page"),
            ("text/html", PAGE.replace("Monday", "Tuesday").encode()),
        ]):  # fmt: skip
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example/{n}", "response", payload=io.BytesIO(body),
                http_headers=headers,
            )  # fmt: skip
            writer.write_record(record)


@pytest.mark.parametrize("compress", [False, True])
def test_store_sources_warc_pages(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    _warc(path, compress)
    items = read(path)
    assert [(i.url, i.position) for i in items if isinstance(i, Document)] == [
        ("https://news.example/0", 1), ("https://news.example/2", 3),
    ]  # fmt: skip
    assert all(isinstance(i, Document) and i.meta[0][0] == "crawled" for i in items)


def test_store_sources_damaged_warc_keeps_what_was_read(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path, True)
    data = path.read_bytes()
    middle = len(data) // 2
    path.write_bytes(data[:middle] + b"\0garbage" * 20 + data[middle:])
    items = read(path)
    assert isinstance(items[0], Document)
    assert isinstance(items[-1], ReadFailure) and "damaged" in items[-1].message


def test_store_sources_estimate_count(tmp_path: Path) -> None:
    from parley.sources.corpus import estimate_count

    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n')
    (tmp_path / "b.csv").write_text("text\none\ntwo\nthree\n")
    (tmp_path / "c.txt").write_text("page")
    options = CorpusOptions()
    assert estimate_count([str(tmp_path), "https://a.example/"], options) == 7
    assert estimate_count(["-"], options) is None
