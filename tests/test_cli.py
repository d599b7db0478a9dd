"""The ``parley`` command, run in-process: formats, and one-line errors for bad input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from parley.cli import EXIT_INPUT, EXIT_WARNING, main

PAGE = """[Diplomacy] Envoys agree to resume fisheries talks

Published 4 March 2024 10:15 GMT
Both sides cite progress after a year of deadlock

By Jo Reporter, diplomatic correspondent

Norway and Iceland agreed on Monday to resume talks on mackerel quotas, the two foreign
ministries said in a joint statement.

“We have found a basis for a new agreement,” Norwegian Foreign Minister Espen Barth Eide told
reporters in Oslo. Officials said the next round would take place in Reykjavik in April.

Share this article
"""


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(argv)
    out, err = capsys.readouterr()
    code = done.value.code
    return (code if isinstance(code, int) else 0), out, err


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_cli_json_prints_one_contract_object(
    page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["analyze", str(page), "--format", "json"], capsys)
    assert code == 0, err
    result = json.loads(out)
    assert result["schema"] == "parley.analysis/1"
    assert {"article", "entities", "timexes", "quotes", "events", "stances"} <= set(result)
    assert result["article"]["title"] == "Envoys agree to resume fisheries talks"
    assert "Share this article" not in result["article"]["text"]


@pytest.mark.parametrize("fmt, needle", [("text", "Envoys agree"), ("html", "<!DOCTYPE html>")])
def test_cli_text_and_html_formats(
    page: Path, fmt: str, needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["analyze", str(page), "--format", fmt], capsys)
    assert code == 0
    assert needle in out


def test_cli_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8"))))
    code, out, _ = run(["analyze", "-"], capsys)
    assert code == 0
    assert json.loads(out)["article"]["title"].startswith("Envoys")


def test_cli_published_option_fills_missing_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(
        "Officials from both countries met in Geneva on Friday to discuss the "
        "border dispute, and said they would meet again next month.\n",
        "utf-8",
    )
    code, out, _ = run(["analyze", str(path), "--published", "2024-03-04T09:00:00+01:00"], capsys)
    assert code == 0
    article = json.loads(out)["article"]
    assert article["published"] == "2024-03-04T09:00:00+01:00"


def _bad_inputs(tmp_path: Path) -> dict[str, list[str]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    nohtml = tmp_path / "menu.html"
    nohtml.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "utf-8")
    big = tmp_path / "big.html"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024 + 1)
    return {
        "missing": ["analyze", str(tmp_path / "nope.txt")],
        "folder": ["analyze", str(tmp_path)],
        "empty": ["analyze", str(empty)],
        "binary": ["analyze", str(binary)],
        "pdf": ["analyze", str(pdf)],
        "no article": ["analyze", str(nohtml)],
        "50 MB": ["analyze", str(big)],
        "bad time": ["analyze", str(empty), "--published", "the other day"],
        "bad url": ["analyze", "http://127.0.0.1:9/never", "--timeout", "5"],
    }


@pytest.mark.parametrize(
    "case",
    ["missing", "folder", "empty", "binary", "pdf", "no article", "50 MB", "bad time", "bad url"],
)
def test_cli_bad_input_is_one_line_and_nonzero(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(_bad_inputs(tmp_path)[case], capsys)
    assert code == EXIT_INPUT
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("parley: error: "), err
    assert "Traceback" not in err


def test_cli_non_english_is_flagged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "de.txt"
    path.write_text(
        "Die Außenminister beider Länder haben sich am Montag in Berlin getroffen. Sie sprachen "
        "über die Lage an der Grenze und vereinbarten, die Gespräche im nächsten Monat "
        "fortzusetzen. Ein Sprecher sagte, man sei zuversichtlich.\n",
        "utf-8",
    )
    code, out, err = run(["analyze", str(path)], capsys)
    assert code == EXIT_WARNING
    assert json.loads(out)["article"]["language"] == "de"
    assert err.startswith("parley: warning: ") and len(err.strip().splitlines()) == 1


def test_cli_gzip_file_is_read(
    page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gz = tmp_path / "page.txt.gz"
    gz.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    code, out, _ = run(["analyze", str(gz)], capsys)
    assert code == 0
    assert json.loads(out)["article"]["title"].startswith("Envoys")


def test_cli_output_file_kept_on_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "result.json"
    target.write_text("previous result", "utf-8")
    code, _, _ = run(["analyze", str(tmp_path / "missing.txt"), "-o", str(target)], capsys)
    assert code == EXIT_INPUT
    assert target.read_text("utf-8") == "previous result"


def test_cli_batch_skips_a_bad_document(
    page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "gone.txt"
    code, out, err = run(["analyze", str(page), str(missing), str(page)], capsys)
    assert code == EXIT_INPUT
    lines = out.strip().splitlines()
    assert len(lines) == 2  # JSON Lines: the two good pages, in order
    assert all(json.loads(line)["schema"] == "parley.analysis/1" for line in lines)
    assert err.strip().splitlines() == [f"parley: error: {missing}: no such file [E101]"]


def test_cli_batch_refuses_html_for_several(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["analyze", str(page), str(page), "--format", "html"], capsys)
    assert code == EXIT_INPUT and out == ""
    assert err.startswith("parley: error: --format html")


def test_cli_evaluate_real_set_scores_events_and_quotes_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["evaluate", "time", "--set", "real", "--data", str(tmp_path)], capsys)
    assert code == EXIT_INPUT
    assert "the real-text set scores events and quotes, not time" in err
    code, _, err = run(
        ["evaluate", "events", "--set", "real", "--split", "holdout", "--data", str(tmp_path)],
        capsys,
    )
    assert code == EXIT_INPUT
    assert "--split" in err
