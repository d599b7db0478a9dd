"""Every command and option of the CLI is documented in the README (as datasette does)."""

from __future__ import annotations

from pathlib import Path

import typer.main

from parley.cli import app

REPO = Path(__file__).resolve().parents[1]


def test_docs_every_cli_option_is_in_readme() -> None:
    # The README, and the reference pages it points to (docs/store.md: the store's commands).
    pages = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    readme = "\n".join(page.read_text("utf-8") for page in pages)
    group = typer.main.get_command(app)
    commands = getattr(group, "commands", {})
    assert commands, "the CLI has no commands"
    missing = []
    for name, command in commands.items():
        if f"parley {name}" not in readme:
            missing.append(f"command {name}")
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help" and f"`{opt}`" not in readme:
                    missing.append(f"{name} {opt}")
    assert not missing, f"undocumented in README.md: {missing}"
