"""parley.sources.files: paths, standard input and the CLI's source spec -> Document."""

from __future__ import annotations

import gzip
import io
import os
import sys
import threading
from pathlib import Path

import pytest

from parley.errors import (
    EmptyInput,
    FetchError,
    InputError,
    InputTooLarge,
    NotAFile,
    SourceNotFound,
)
from parley.sources import CodecTables, Document, document_from_input
from parley.sources.files import MAX_BYTES, read_path, read_source, read_stdin

PAGE = (
    b"<html><head><title>Envoys meet in Geneva</title></head>\n"
    b"<body><p>The two delegations met on Tuesday and agreed to talk again.</p></body></html>\n"
)


class _Stdin:
    """Stands in for sys.stdin: a binary buffer and a terminal flag."""

    def __init__(self, data: bytes, tty: bool = False) -> None:
        self.buffer = io.BytesIO(data)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def test_files_reads_a_file_keeping_the_path_as_given(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    document = read_path(page)
    assert document == Document(data=PAGE, source=str(page), encoding="utf-8")


def test_files_missing_path_is_source_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.html"
    with pytest.raises(SourceNotFound) as err:
        read_path(missing)
    assert str(err.value) == f"{missing}: no such file [E101]"


def test_files_path_under_a_file_is_source_not_found(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    with pytest.raises(SourceNotFound, match="a parent is not a folder"):
        read_path(page / "inner.html")


def test_files_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(NotAFile) as err:
        read_path(tmp_path)
    assert str(err.value) == f"{tmp_path} is a folder, not a file [E102]"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null on this system")
def test_files_device_is_not_a_file() -> None:
    with pytest.raises(NotAFile, match="is a device or socket, not a file"):
        read_path(Path("/dev/null"))


def test_files_unreadable_file_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "secret.html"
    page.write_bytes(PAGE)

    # chmod cannot stop root (tests may run as root in containers), so refuse the open itself.
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError) as err:
        read_path(page)
    assert str(err.value) == f"{page}: permission denied [E100]"


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "is empty"), (b"  \n\t\r\n  ", "holds only white space")],
)
def test_files_empty_or_blank_file_is_empty_input(
    tmp_path: Path, content: bytes, message: str
) -> None:
    page = tmp_path / "blank.txt"
    page.write_bytes(content)
    with pytest.raises(EmptyInput) as err:
        read_path(page)
    assert str(err.value) == f"{page} {message} [E103]"


def test_files_fifty_megabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    with page.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to disk
    with pytest.raises(InputTooLarge) as err:
        read_path(page)
    assert str(err.value) == (
        f"{page} is 50 MB, over Parley's 20 MB cap per document "
        "(set --max-bytes to change it) [E106]"
    )
    assert MAX_BYTES == 20 * 1024 * 1024


def test_files_cap_is_inclusive(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(b"x" * 100)
    assert len(read_path(page, max_bytes=100).data) == 100
    with pytest.raises(InputTooLarge, match="100 bytes, over Parley's 99 bytes cap"):
        read_path(page, max_bytes=99)


def test_files_gzip_is_decompressed_whatever_the_name(tmp_path: Path) -> None:
    page = tmp_path / "page.html"  # no .gz: the magic bytes decide
    page.write_bytes(gzip.compress(PAGE))
    assert read_path(page).data == PAGE


def test_files_gzip_with_several_members_is_read_whole(tmp_path: Path) -> None:
    page = tmp_path / "page.txt.gz"
    page.write_bytes(gzip.compress(b"First part. ") + gzip.compress(b"Second part."))
    assert read_path(page).data == b"First part. Second part."


def test_files_gzip_bomb_is_refused_by_decompressed_size(tmp_path: Path) -> None:
    page = tmp_path / "bomb.gz"
    page.write_bytes(gzip.compress(b"\n" * 200_000))  # ~200 bytes on disk
    assert page.stat().st_size < 1000
    with pytest.raises(InputTooLarge) as err:
        read_path(page, max_bytes=10_000)
    assert str(err.value) == (
        f"{page} (decompressed) is over Parley's 9.8 KB cap per document "
        "(set --max-bytes to change it) [E106]"
    )


def test_files_damaged_gzip_is_an_input_error(tmp_path: Path) -> None:
    page = tmp_path / "cut.gz"
    page.write_bytes(gzip.compress(PAGE)[:20])
    with pytest.raises(InputError, match="looks gzip-compressed but cannot be decompressed"):
        read_path(page)


def test_files_gzip_of_nothing_is_empty_input(tmp_path: Path) -> None:
    page = tmp_path / "nothing.gz"
    page.write_bytes(gzip.compress(b""))
    with pytest.raises(EmptyInput):
        read_path(page)


def test_files_stdin_is_read_with_source_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(PAGE))
    assert read_source("-") == Document(data=PAGE, source="-", encoding="utf-8")


def test_files_stdin_over_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"y" * 101))
    with pytest.raises(InputTooLarge) as err:
        read_stdin(max_bytes=100)
    assert str(err.value) == (
        "standard input is over Parley's 100 bytes cap per document "
        "(set --max-bytes to change it) [E106]"
    )


def test_files_stdin_gzip_and_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(gzip.compress(PAGE)))
    assert read_stdin().data == PAGE
    monkeypatch.setattr(sys, "stdin", _Stdin(b""))
    with pytest.raises(EmptyInput, match="standard input is empty"):
        read_stdin()


@pytest.mark.parametrize("stdin", [_Stdin(b"", tty=True), None])
def test_files_stdin_terminal_or_closed_is_refused(
    monkeypatch: pytest.MonkeyPatch, stdin: _Stdin | None
) -> None:
    monkeypatch.setattr(sys, "stdin", stdin)
    with pytest.raises(InputError, match="pipe a page into parley or give a path"):
        read_stdin()


def test_files_source_spec_sends_urls_to_fetch_url(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, float, int]] = []

    def fake_fetch(
        url: str,
        *,
        timeout: float,
        max_bytes: int,
        allow_private: bool = False,
        codecs: CodecTables | None = None,
    ) -> Document:
        calls.append((url, timeout, max_bytes))
        return Document(data=PAGE, source=url, url=url)

    monkeypatch.setattr("parley.sources.web.fetch_url", fake_fetch)
    read_source("HTTPS://news.example/a", timeout=3.0, max_bytes=500)
    read_source("http://news.example/b")
    assert calls == [("HTTPS://news.example/a", 3.0, 500), ("http://news.example/b", 20.0,
                                                            MAX_BYTES)]


def test_files_source_spec_file_url_and_plain_path(tmp_path: Path) -> None:
    page = tmp_path / "page one.html"
    page.write_bytes(PAGE)
    assert read_source(page.as_uri()).data == PAGE
    assert read_source(page.as_uri().replace("file://", "file://localhost")).data == PAGE
    with pytest.raises(InputError, match="file:// URLs on this machine only"):
        read_source("file://elsewhere/page.html")
    assert read_source(str(page)).source == str(page)


@pytest.mark.parametrize(
    ("spec", "error", "message"),
    [
        ("ftp://news.example/a.html", InputError,
         "ftp://news.example/a.html: Parley reads http:// and https:// URLs, not ftp:// [E100]"),
        ("http://[::1/a", FetchError,
         "http://[::1/a is not a valid web address (Invalid IPv6 URL) [E110]"),
        ("", SourceNotFound,
         "no input named: give a file path, a URL, or - for standard input [E101]"),
    ],
)
def test_files_source_spec_refuses_other_schemes_and_nothing(
    spec: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as err:
        read_source(spec)
    assert str(err.value) == message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_files_named_pipe_is_read_like_stdin(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("wb") as stream:
            stream.write(PAGE)

    # Daemon: if the reader failed before opening, the blocked writer cannot hold the run.
    threading.Thread(target=write, daemon=True).start()
    assert read_path(fifo).data == PAGE


def test_files_document_from_input_reads_paths(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(gzip.compress(PAGE))
    assert document_from_input(page, url="https://news.example/p").data == PAGE
    assert document_from_input(str(page)).source == str(page)


def test_files_double_gzip_is_capped_after_every_layer(tmp_path: Path) -> None:
    # A few hundred bytes on disk that inflate to 15 MB in the second layer: the cap must
    # stop the second layer while it streams, not after.
    bomb = tmp_path / "twice.gz"
    bomb.write_bytes(gzip.compress(gzip.compress(b" " * 15_000_000, 9), 9))
    assert bomb.stat().st_size < 1000
    with pytest.raises(InputTooLarge) as err:
        read_path(bomb, max_bytes=100_000)
    assert str(err.value) == (
        f"{bomb} (decompressed) is over Parley's 97.7 KB cap per document "
        "(set --max-bytes to change it) [E106]"
    )


def test_files_double_gzip_under_the_cap_is_read(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz.gz"
    page.write_bytes(gzip.compress(gzip.compress(PAGE)))
    assert read_path(page).data == PAGE


def test_files_gzip_nested_too_deep_is_refused(tmp_path: Path) -> None:
    data = PAGE
    for _ in range(4):
        data = gzip.compress(data)
    page = tmp_path / "deep.gz"
    page.write_bytes(data)
    with pytest.raises(InputError, match="compressed more than 3 times over"):
        read_path(page)


def test_files_api_bytes_get_the_same_caps() -> None:
    bomb = gzip.compress(gzip.compress(b"\n" * 2_000_000))
    with pytest.raises(InputTooLarge, match=r"<bytes> \(decompressed\) is over"):
        document_from_input(bomb, max_bytes=10_000)
    with pytest.raises(InputTooLarge, match="<bytes> is 11 bytes, over"):
        document_from_input(b"x" * 11, max_bytes=10)
    with pytest.raises(InputTooLarge, match="<text> is 11 bytes, over"):
        document_from_input("y" * 11, max_bytes=10)


def test_files_reader_warnings_travel_with_the_document(tmp_path: Path) -> None:
    page = tmp_path / "wire.txt"
    page.write_bytes("SEOUL — talks “stalled” — again — on Monday.".encode() + b" \xff")
    document = read_path(page)
    assert document.encoding == "utf-8"
    assert document.warnings == (
        f"{page} is not valid UTF-8 throughout: 1 byte sequence was not decodable and "
        "replaced with U+FFFD (\ufffd)",
    )
