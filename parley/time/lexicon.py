"""The time tagger's language data: the files under ``parley/time/data``.

Every file is read through ``parley.datafiles`` (UTF-8, ``#`` comment lines, tab-separated
fields); TSV files have two columns, word lists one. A malformed line raises
KnowledgeBaseError naming the file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parley.datafiles import read_rows, read_words

DATA_DIR = Path(__file__).with_name("data")


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    units: dict[str, str]
    parts_of_day: dict[str, str]
    seasons: dict[str, str]
    holidays: dict[str, str]
    sets: dict[str, str]
    references: dict[str, str]
    forward_cues: tuple[str, ...]
    past_cues: tuple[str, ...]
    name_words: tuple[str, ...]  # as written: see ``names``
    name_modifiers: tuple[str, ...]  # as written: see ``names``
    present_day_nouns: frozenset[str]  # after "today's": the present age, not the day


def read_table(path: Path) -> dict[str, str]:
    """A two-column TSV (key, value); keys lower-cased."""
    return {row.fields[0].lower(): row.fields[1] for row in read_rows(path, 2)}


def read_numbers(path: Path) -> dict[str, float]:
    """A two-column TSV whose values are numbers."""
    out: dict[str, float] = {}
    for row in read_rows(path, 2):
        try:
            out[row.fields[0].lower()] = float(row.fields[1])
        except ValueError:
            raise row.fail(f"{row.fields[0]!r} has no number ({row.fields[1]!r})") from None
    return out


def read_cues(path: Path) -> tuple[str, ...]:
    """A one-entry-per-line word list, lower-cased."""
    return tuple(word.lower() for word in read_words(path))


def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read every data file of the tagger from ``data_dir``."""
    return Lexicon(
        months={k: int(v) for k, v in read_numbers(data_dir / "months.tsv").items()},
        weekdays={k: int(v) for k, v in read_numbers(data_dir / "weekdays.tsv").items()},
        numbers=read_numbers(data_dir / "numbers.tsv"),
        ordinals={k: int(v) for k, v in read_numbers(data_dir / "ordinals.tsv").items()},
        units=read_table(data_dir / "units.tsv"),
        parts_of_day=read_table(data_dir / "parts_of_day.tsv"),
        seasons=read_table(data_dir / "seasons.tsv"),
        holidays=read_table(data_dir / "holidays.tsv"),
        sets=read_table(data_dir / "sets.tsv"),
        references=read_table(data_dir / "references.tsv"),
        forward_cues=read_cues(data_dir / "forward_cues.txt"),
        past_cues=read_cues(data_dir / "past_cues.txt"),
        name_words=tuple(read_words(data_dir / "name_words.txt")),
        name_modifiers=tuple(read_words(data_dir / "name_modifiers.txt")),
        present_day_nouns=frozenset(read_cues(data_dir / "present_day_nouns.txt")),
    )
