"""The time tagger's language data, read once from the files under ``parley/time/data``.

Every file is UTF-8 text; ``#`` starts a comment line; TSV files have two tab-separated
columns. A malformed line raises KnowledgeBaseError naming the file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from parley.errors import KnowledgeBaseError

DATA_DIR = Path(__file__).with_name("data")


def _lines(path: Path) -> list[tuple[int, str]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise KnowledgeBaseError(f"cannot read time data file {path.name}: {err}") from err
    out = []
    for number, line in enumerate(raw.splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append((number, line))
    return out


def read_words(path: Path) -> tuple[str, ...]:
    """A one-entry-per-line word list, lower-cased."""
    return tuple(line.lower() for _, line in _lines(path))


def read_table(path: Path) -> dict[str, str]:
    """A two-column TSV (key, value); keys lower-cased."""
    table: dict[str, str] = {}
    for number, line in _lines(path):
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise KnowledgeBaseError(
                f"{path.name}, line {number}: expected two tab-separated columns, got {line!r}"
            )
        table[parts[0].strip().lower()] = parts[1].strip()
    return table


def _numbers(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in read_table(path).items():
        try:
            out[key] = float(value)
        except ValueError:
            raise KnowledgeBaseError(f"{path.name}: {key!r} has no number ({value!r})") from None
    return out


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


def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read every data file of the tagger from ``data_dir``."""
    return Lexicon(
        months={k: int(v) for k, v in _numbers(data_dir / "months.tsv").items()},
        weekdays={k: int(v) for k, v in _numbers(data_dir / "weekdays.tsv").items()},
        numbers=_numbers(data_dir / "numbers.tsv"),
        ordinals={k: int(v) for k, v in _numbers(data_dir / "ordinals.tsv").items()},
        units=read_table(data_dir / "units.tsv"),
        parts_of_day=read_table(data_dir / "parts_of_day.tsv"),
        seasons=read_table(data_dir / "seasons.tsv"),
        holidays=read_table(data_dir / "holidays.tsv"),
        sets=read_table(data_dir / "sets.tsv"),
        references=read_table(data_dir / "references.tsv"),
        forward_cues=read_words(data_dir / "forward_cues.txt"),
        past_cues=read_words(data_dir / "past_cues.txt"),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, read once per process."""
    return load_lexicon()
