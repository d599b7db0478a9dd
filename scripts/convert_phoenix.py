#!/usr/bin/env python3
"""Remake Parley's packaged Phoenix knowledge (``parley/kb/data/phoenix/``) from the Phoenix
actor and agent dictionaries of openeventdata/petrarch2 (MIT).

    .venv/bin/python scripts/convert_phoenix.py [--source DIR] [--out DIR]

``--source`` is the folder holding the dictionaries (default: the shared data's
``petrarch/dictionaries``); ``--out`` the folder written (default: the package's). Only the
files listed in ``PHOENIX_FILES`` (``parley.kb``) are converted: the ones measured to help
or to be neutral (see that module's note). ``--all`` converts all four, to measure again.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from parley.kb import BUILTIN_FILES, DATA_DIR, PHOENIX_FILES, read_tsv
from parley.kb.convert import Origin, convert_dictionary

REPOSITORY = "openeventdata/petrarch2"
COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
LICENCE = "MIT, Copyright (c) 2014 Open Event Data Alliance"
SOURCES = {
    "Phoenix.Countries.actors.tsv": "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.tsv": "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.tsv": "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.tsv": "Phoenix.agents.txt",
}


def main(argv: list[str] | None = None) -> int:
    shared = Path(os.environ.get("PARLEY_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=shared / "data/petrarch/dictionaries")
    parser.add_argument("--out", type=Path, default=DATA_DIR / "phoenix")
    parser.add_argument("--all", action="store_true", help="convert every Phoenix file")
    args = parser.parse_args(argv)
    countries = [c for name in BUILTIN_FILES for c in read_tsv(DATA_DIR / name).countries]
    codes = frozenset(c.code for c in countries) | frozenset(c.iso3 for c in countries)
    args.out.mkdir(parents=True, exist_ok=True)
    for target in SOURCES if args.all else PHOENIX_FILES:
        source = args.source / SOURCES[target]
        if not source.is_file():
            print(f"not found: {source}", file=sys.stderr)
            return 1
        origin = Origin(REPOSITORY, COMMIT, f"petrarch2/data/dictionaries/{source.name}", LICENCE)
        text = convert_dictionary(source, origin, codes)
        (args.out / target).write_text(text, encoding="utf-8")
        print(f"{target}: {text.count(chr(10))} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
