"""How many real KCNA stories the scraped-text extractor refuses, and why.

Reads the two KCNA corpora of the gold data (``corpus/kcna-marquez`` 2011-12, scraped from
kcna.co.jp with its ", , ," paragraph joins, and ``corpus/kcna-stiles-2024`` from kcna.kp)
and runs ``extract_article`` on every story as it arrives: the story's text alone, and the
title line above the text (the shape of a page a scraper saves). A story is refused when
extraction raises a ParleyError; the reasons are counted by their message.

Usage:
    .venv/bin/python bench/kcna_refusals.py [--data ../shared/data] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

CORPORA = {
    "marquez-2011-12": "corpus/kcna-marquez/kcna-stories-2011-10-to-2012-06.jsonl",
    "stiles-2024": "corpus/kcna-stiles-2024/kcna-kp-2024.jsonl",
}
_SOURCE = re.compile(r" in \S+: ")


def read_stories(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def count(stories: list[dict[str, Any]], with_title: bool) -> dict[str, Any]:
    from parley.errors import ParleyError
    from parley.extract import ExtractResources, extract_article
    from parley.sources.document import Document

    res = ExtractResources.load()
    reasons: Counter[str] = Counter()
    for story in stories:
        text = str(story.get("text") or "")
        if with_title:
            text = f"{story.get('title') or ''}\n\n{text}"
        document = Document(data=text.encode("utf-8"), source=str(story.get("id")))
        try:
            extract_article(document, resources=res)
        except ParleyError as err:
            # "no article text found in KCNA_2011:2: only page furniture (...)": drop the id.
            reason = _SOURCE.sub(": ", err.message, count=1).split(" (")[0]
            reasons[reason] += 1
    refused = sum(reasons.values())
    return {
        "stories": len(stories),
        "refused": refused,
        "share": round(refused / len(stories), 4) if stories else 0.0,
        "reasons": dict(reasons.most_common()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    results: dict[str, Any] = {}
    for name, relative in CORPORA.items():
        path = args.data / relative
        if not path.is_file():
            print(f"{name}: {path} not found, skipped")
            continue
        stories = read_stories(path)
        for with_title in (False, True):
            key = f"{name}{' +title' if with_title else ''}"
            results[key] = result = count(stories, with_title)
            print(
                f"{key:<24} {result['refused']:>5} of {result['stories']:>5} refused "
                f"({100 * result['share']:.1f}%)  {result['reasons']}"
            )
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
