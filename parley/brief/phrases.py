"""The brief's wording, read from its data files: sentence templates (``phrases.toml``) and the
words that make a dated passage worth watching (``watch_words.tsv``, ``future_words.txt``).

``Phrases.load()`` reads them once per brief (or once for a server that keeps the object);
nothing is cached at module level. ``say(key, **values)`` fills a template and fails loudly
when a placeholder is left unfilled, so a brief never prints a template's braces.
"""

from __future__ import annotations

import re
import string
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.datafiles import read_rows, read_text, read_words
from parley.errors import KnowledgeBaseError

__all__ = ["DATA", "Phrases", "number", "signed"]

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True, eq=False)
class Phrases:
    templates: dict[str, dict[str, Any]]
    watch_words: dict[str, str]  # word -> label
    future_words: frozenset[str]
    watch_pattern: re.Pattern[str]
    future_pattern: re.Pattern[str]

    @classmethod
    def load(cls, data: Path = DATA) -> Phrases:
        path = data / "phrases.toml"
        try:
            templates = tomllib.loads(read_text(path))
        except tomllib.TOMLDecodeError as err:
            raise KnowledgeBaseError(f"{path.name}: {err}") from None
        words = {row.fields[0].lower(): row.fields[1] for row in read_rows(
            data / "watch_words.tsv", 2)}  # fmt: skip
        future = frozenset(w.lower() for w in read_words(data / "future_words.txt"))
        return cls(templates, words, future, _words_pattern(words), _words_pattern(future))

    def template(self, key: str) -> str:
        group, _, name = key.partition(".")
        value = self.templates.get(group, {}).get(name)
        if not isinstance(value, str):
            raise KnowledgeBaseError(f"phrases.toml: no template {key!r}")
        return value

    def say(self, key: str, **values: Any) -> str:
        """The template ``key`` ("group.name") filled with ``values``."""
        template = self.template(key)
        missing = [f for f in fields_of(template) if f not in values]
        if missing:
            raise KnowledgeBaseError(f"phrases.toml: {key} needs {', '.join(missing)}")
        return template.format(**values)

    def noun(self, name: str, count: int) -> str:
        """``count`` with its noun: "1 report", "6 reports"."""
        forms = self.templates.get("nouns", {}).get(name)
        if not (isinstance(forms, list) and len(forms) == 2):
            raise KnowledgeBaseError(f"phrases.toml: no noun {name!r}")
        return f"{number(count)} {forms[0] if count == 1 else forms[1]}"

    def position(self, position: str) -> str:
        value = self.templates.get("positions", {}).get(position)
        return value if isinstance(value, str) else f"takes the position “{position}” on"

    def issue(self, issue: str) -> str:
        """An issue as a position names it: its measure (``[issues]``), else its key."""
        value = self.templates.get("issues", {}).get(issue)
        return value if isinstance(value, str) else issue.replace("_", " ")

    def watch_label(self, sentence: str) -> str | None:
        """What a passage announces (the label of its first watch word), or None."""
        found = self.watch_pattern.search(sentence)
        return self.watch_words[found.group(0).lower()] if found else None

    def looks_ahead(self, sentence: str) -> bool:
        return self.future_pattern.search(sentence) is not None


def fields_of(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def _words_pattern(words: Any) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    if not ordered:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ordered) + r")\b", re.I)


def number(value: float) -> str:
    """A count as the brief writes it (thousands with commas)."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


def signed(value: float | None) -> str:
    """A Goldstein mean as the brief writes it: "+1.25", "-0.80", "n/a" when there is none."""
    return "n/a" if value is None else f"{value:+.2f}"
