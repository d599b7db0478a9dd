"""``parley brief``: of a stored dyad, of a stored article, of an article file; its errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.store.conftest import run_main

REPO = Path(__file__).resolve().parents[2]


def test_brief_cli_dyad_markdown(brief_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["brief", "--db", str(brief_store), "--dyad", "NOR:RUS", "--since", "2031-03-01",
            "--until", "2031-03-10"]  # fmt: skip
    code, out, err = run_main(args, capsys)
    assert code == 0, err
    assert out.startswith("# Norway and Russia, 2031-03-01 to 2031-03-10\n")
    assert "## What to watch" in out and "## Sources" in out


def test_brief_cli_html_to_a_file(
    brief_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "brief.html"
    args = ["brief", "--db", str(brief_store), "--dyad", "RUS:NOR", "-f", "html", "-o",
            str(target), "--link-base", "http://localhost:8000"]  # fmt: skip
    code, out, _ = run_main(args, capsys)
    assert code == 0 and out == ""
    page = target.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "/article/b2#c" in page


def test_brief_cli_stored_article_as_json(
    brief_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_main(["brief", "--db", str(brief_store), "--article-id", "b4", "-f",
                             "json"], capsys)  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["kind"] == "article" and data["article_id"] == "b4"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give ARTICLE, or --db with --dyad"),
        (["--dyad", "NOR"], "give two actor codes"),
        (["--dyad", "NOR:RUS", "--since", "2031-13-01"], "give a day as YYYY-MM-DD"),
        (["--dyad", "NOR:RUS", "--since", "2031-03-10", "--until", "2031-03-01"], "ends"),
        (["--article-id", "nope"], "no article 'nope'"),
        (["some.txt", "--article-id", "b1"], "not both"),
        (["--article-id", "b1", "--since", "2031-01-01"], "not one article's brief"),
        (["--dyad", "NOR:RUS", "-f", "pdf"], "pdf"),
    ],
)
def test_brief_cli_bad_input_is_one_line(
    brief_store: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run_main(["brief", "--db", str(brief_store), *args], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("parley: error: ") and message in err


def test_brief_cli_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_main(["brief", "--db", str(tmp_path / "none.duckdb"), "--dyad", "A:B"],
                            capsys)  # fmt: skip
    assert code == 2 and "no store at" in err and "[E701]" in err


def test_brief_cli_article_that_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    code, _, err = run_main(["brief", str(empty)], capsys)
    assert code == 2 and err.startswith("parley: error: ") and "[E103]" in err


def test_brief_cli_imports_no_stage_for_a_stored_brief(brief_store: Path) -> None:
    # The brief reads the store and never imports a pipeline stage (DESIGN.md): neither the
    # package (beyond what ``import parley`` costs) nor a brief run (beyond the command
    # line's own imports) loads one.
    code = (
        "import sys\n"
        "STAGES = [['parley', s] for s in ('extract', 'nlp', 'kb', 'entities', 'time', 'quotes',"
        " 'events', 'stances')]\n"
        "def stages(before):\n"
        "    return sorted(m for m in set(sys.modules) - before if m.split('.')[:2] in STAGES)\n"
        "import parley\n"
        "base = set(sys.modules)\n"
        "import parley.brief\n"
        "print('package', stages(base))\n"
        "from parley.cli import main\n"
        "base = set(sys.modules)\n"
        "try:\n"
        f"    main(['brief', '--db', {str(brief_store)!r}, '--dyad', 'NOR:RUS'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('run', stages(base))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO, check=True)  # fmt: skip
    lines = done.stdout.strip().splitlines()
    assert lines[0] == "package []" and lines[-1] == "run []"


@pytest.mark.model
def test_brief_cli_of_an_article_file(capsys: pytest.CaptureFixture[str]) -> None:
    # One code path: the file is analysed, stored in a temporary store, briefed from there.
    code, out, err = run_main(["brief", str(REPO / "examples" / "wire-report.txt")], capsys)
    assert code == 0, err
    assert out.startswith("# Seoul and Tokyo trade accusations")
    assert "published by The Hankyoreh on 2024-03-12" in out
    assert "## What to watch" in out and "2024-05" in out
