"""The ``parley`` command's batches, output file, exit codes and refusals.

In-process through ``parley.cli.main`` where that shows the behaviour; real subprocesses
where only a process shows it (a signal, file modes, a planted symlink).
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

import parley.cli_batch as cli_batch
from parley import __version__
from parley.cli import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_WARNING, main
from parley.errors import TimeLimitExceeded

# Dated, so that the analysis has no warning of its own (an undated story is warned about,
# and a warning makes exit code 3): the tests below count the CLI's own messages.
STORY = """Envoys agree to resume grain corridor talks

Posted : 2024-05-14 10:00

Negotiators from the two governments agreed on Tuesday to meet again in Geneva next month,
the foreign ministry said in a statement. "We have narrowed the gaps," the chief negotiator
told reporters after the session.
"""
PARLEY = [sys.executable, "-c", "from parley.cli import main; main()"]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(argv)
    out, err = capsys.readouterr()
    code = done.value.code
    return (code if isinstance(code, int) else 0), out, err


def stories(folder: Path, count: int) -> list[str]:
    paths = []
    for number in range(count):
        path = folder / f"story{number:02d}.txt"
        path.write_text(STORY.replace("Tuesday", f"Tuesday ({number})"), "utf-8")
        paths.append(str(path))
    return paths


def test_cli_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--version"], capsys)
    assert code == 0 and out == f"parley {__version__}\n"


def test_cli_help_lists_exit_codes_and_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["analyze", "--help"], capsys)
    assert code == 0
    assert "Exit codes:" in out and "70 an" in out and "Examples:" in out


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--timeout", "-5"),
        ("--timeout", "nan"),
        ("--timeout", "inf"),
        ("--max-bytes", "0"),
        ("--max-bytes", "-1"),
    ],
)
def test_cli_bad_limits_are_one_line_usage_errors(
    option: str, value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = stories(tmp_path, 1)[0]
    code, out, err = run(["analyze", page, option, value], capsys)
    assert code == EXIT_INPUT and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"parley: error: {option}")


def test_cli_internal_error_in_a_batch_exits_70_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, third = stories(tmp_path, 3)
    real = cli_batch.analyze_one

    def flaky(source: str, options: Any) -> Any:
        if source == second:
            raise RuntimeError("a bug in one stage")
        return real(source, options)

    monkeypatch.setattr(cli_batch, "analyze_one", flaky)
    code, out, err = run(["analyze", first, second, third], capsys)
    assert code == EXIT_INTERNAL
    assert len(out.strip().splitlines()) == 2
    assert f"parley: internal error: {second}: RuntimeError: a bug in one stage" in err


def test_cli_time_limit_is_e301_for_that_document_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = stories(tmp_path, 2)
    real = cli_batch.analyze_one

    def slow(source: str, options: Any) -> Any:
        if source == first:
            raise TimeLimitExceeded(f"{source} took longer than 1 s and was stopped")
        return real(source, options)

    monkeypatch.setattr(cli_batch, "analyze_one", slow)
    code, out, err = run(["analyze", first, second], capsys)
    assert code == EXIT_INPUT
    assert len(out.strip().splitlines()) == 1
    assert err.strip() == f"parley: error: {first} took longer than 1 s and was stopped [E301]"


def test_cli_mostly_utf8_file_is_read_as_utf8_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "wire.txt"
    data = STORY.replace("Envoys", "SEOUL — Envoys").encode("utf-8")
    page.write_bytes(data.replace(b"Negotiators", b"Negoti\x93ators \xff\xfe"))
    code, out, err = run(["analyze", str(page)], capsys)
    assert code == EXIT_WARNING
    text = json.loads(out)["article"]["title"] + json.loads(out)["article"]["text"]
    assert "SEOUL — Envoys" in text and "вЂ" not in text
    assert "is not valid UTF-8 throughout: 3 byte sequences were not decodable" in err
    assert err.startswith("parley: warning: ")


def test_cli_double_gzip_is_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = tmp_path / "page.txt.gz"
    bomb.write_bytes(gzip.compress(gzip.compress(b"talks " * 2_500_000, 9), 9))
    assert bomb.stat().st_size < 2000
    code, out, err = run(["analyze", str(bomb), "--max-bytes", "1000000"], capsys)
    assert code == EXIT_INPUT and out == ""
    assert "(decompressed) is over Parley's 976.6 KB cap" in err and "[E106]" in err


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = STORY.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        if self.path == "/cut":
            self.send_header("Content-Length", str(len(body) + 500))
        else:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_cli_truncated_body_is_an_error_not_a_page(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["analyze", f"{server}/cut", "--allow-private"], capsys)
    assert code == EXIT_INPUT and out == ""
    assert "before the page was complete" in err and "[E110]" in err


def test_cli_private_address_needs_allow_private(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["analyze", f"{server}/story"], capsys)
    assert code == EXIT_INPUT and out == ""
    assert "127.0.0.1 is a loopback address" in err and "--allow-private" in err
    code, out, _ = run(["analyze", f"{server}/story", "--allow-private"], capsys)
    assert code == 0 and json.loads(out)["article"]["source"] == f"{server}/story"


def test_cli_credentials_are_never_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = stories(tmp_path, 1)[0]
    secret = "https://analyst:hunter2pass@news.example/story"
    code, out, err = run(["analyze", page, secret, "ftp://u:hunter2pass@x.example/a"], capsys)
    assert code == EXIT_INPUT
    assert "hunter2pass" not in out + err and "analyst" not in err
    assert "https://***@news.example/story" in err


def test_cli_output_is_checked_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(source: str, options: Any) -> Any:
        raise AssertionError("no document may be analyzed")

    monkeypatch.setattr(cli_batch, "analyze_one", never)
    page = stories(tmp_path, 1)[0]
    for target, problem in [
        (tmp_path, "is a folder"),
        (tmp_path / "missing" / "out.json", "does not exist"),
    ]:
        code, out, err = run(["analyze", page, "-o", str(target)], capsys)
        assert code == EXIT_INPUT and out == ""
        assert problem in err and len(err.strip().splitlines()) == 1


def test_cli_output_new_file_gets_the_umask_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = stories(tmp_path, 1)[0]
    target = tmp_path / "new.json"
    umask = os.umask(0o027)
    try:
        code, _, _ = run(["analyze", page, "-o", str(target)], capsys)
    finally:
        os.umask(umask)
    assert code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert json.loads(target.read_text("utf-8"))["schema"] == "parley.analysis/1"
    assert [p.name for p in tmp_path.iterdir() if "parley-tmp" in p.name] == []


def test_cli_output_keeps_mode_and_never_follows_a_planted_link(tmp_path: Path) -> None:
    """A real process: an existing 0600 file stays 0600, and a symlink planted at the old
    predictable temporary name redirects nothing."""
    page = stories(tmp_path, 1)[0]
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", "utf-8")
    private = tmp_path / "private.json"
    private.write_text("old result", "utf-8")
    private.chmod(0o600)
    (tmp_path / ".private.json.parley-tmp").symlink_to(victim)
    done = subprocess.run(
        [*PARLEY, "analyze", page, "-o", str(private)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert json.loads(private.read_text("utf-8"))["schema"] == "parley.analysis/1"
    assert victim.read_text("utf-8") == "precious"


def test_cli_output_replaces_a_symlink_instead_of_writing_through_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = stories(tmp_path, 1)[0]
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", "utf-8")
    linked = tmp_path / "linked.json"
    linked.symlink_to(victim)
    code, _, err = run(["analyze", page, "-o", str(linked)], capsys)
    assert code == 0, err
    assert not linked.is_symlink()
    assert json.loads(linked.read_text("utf-8"))["schema"] == "parley.analysis/1"
    assert victim.read_text("utf-8") == "precious"


def test_cli_sigterm_keeps_the_finished_results(tmp_path: Path) -> None:
    """A real batch gets SIGTERM once its first result is out: it stops cleanly, with the
    finished results on stdout and one line on stderr. Forty documents take seconds after
    the model is loaded, so the signal lands well before the end."""
    sources = stories(tmp_path, 40)
    process = subprocess.Popen(
        [*PARLEY, "analyze", *sources],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        assert json.loads(first)["schema"] == "parley.analysis/1"
        process.send_signal(signal.SIGTERM)
        rest, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == EXIT_INTERRUPTED, err
    lines = [first, *rest.splitlines()]
    finished = len(lines)
    assert all(json.loads(line)["schema"] == "parley.analysis/1" for line in lines)
    assert err.strip().splitlines()[-1] == (
        f"parley: interrupted after {finished} of {len(sources)} documents"
    )
    assert finished < len(sources)


def test_cli_interrupted_batch_puts_the_finished_results_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, third = stories(tmp_path, 3)
    target = tmp_path / "out.jsonl"
    real = cli_batch.analyze_one

    def interrupted(source: str, options: Any) -> Any:
        if source == third:
            raise KeyboardInterrupt
        return real(source, options)

    monkeypatch.setattr(cli_batch, "analyze_one", interrupted)
    code, _, err = run(["analyze", first, second, third, "-o", str(target)], capsys)
    assert code == EXIT_INTERRUPTED
    assert err.strip() == "parley: interrupted after 2 of 3 documents"
    assert len(target.read_text("utf-8").splitlines()) == 2


def test_cli_library_warnings_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import logging
    import warnings

    page = stories(tmp_path, 1)[0]
    real = cli_batch.analyze_one

    def noisy(source: str, options: Any) -> Any:
        warnings.warn("tzname EDT identified but not understood", RuntimeWarning, stacklevel=1)
        logging.getLogger("trafilatura").warning("discarding data")
        logging.getLogger("htmldate").error("no date\nfound")
        return real(source, options)

    monkeypatch.setattr(cli_batch, "analyze_one", noisy)
    code, _, err = run(["analyze", page], capsys)
    assert code == 0
    assert err.splitlines() == [
        "parley: warning: RuntimeWarning: tzname EDT identified but not understood",
        "parley: warning: htmldate: no date found",
    ]


def test_cli_undated_story_is_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(STORY.replace("Posted : 2024-05-14 10:00\n\n", ""), "utf-8")
    code, out, err = run(["analyze", str(path)], capsys)
    assert code == EXIT_WARNING and json.loads(out)["article"]["published"] is None
    assert "no publication time: events take no date from it" in err
