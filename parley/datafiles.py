"""The one reader of Parley's tab-separated data files (and the user's knowledge files).

Every knowledge table, lexicon and word list is a UTF-8 text file: ``#`` starts a comment line
(the header saying where the facts came from), blank lines are skipped, fields are separated by
tabs and stripped. Every error names the file and the line, so a user who edits a table is
told where it went wrong (``KnowledgeBaseError``, E401).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from parley.errors import KnowledgeBaseError

__all__ = ["Row", "read_lines", "read_rows", "read_text", "read_words"]


@dataclass(frozen=True, slots=True)
class Row:
    """One data line: where it is (for error messages) and its stripped fields."""

    path: Path
    number: int
    fields: tuple[str, ...]

    @property
    def where(self) -> str:
        return f"{self.path.name}:{self.number}"

    def fail(self, problem: str) -> KnowledgeBaseError:
        """An error for this line, to raise: ``raise row.fail("bad code 'XX'")``."""
        return KnowledgeBaseError(f"{self.where}: {problem}")


def read_text(path: Path) -> str:
    """A data file's text, or a KnowledgeBaseError naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeBaseError(f"data file not found: {path}") from None
    except IsADirectoryError:
        raise KnowledgeBaseError(f"{path} is a folder, not a data file") from None
    except UnicodeDecodeError as err:
        raise KnowledgeBaseError(f"{path.name}: not UTF-8 ({err.reason})") from None
    except OSError as err:
        raise KnowledgeBaseError(f"cannot read data file {path}: {err.strerror}") from None


def read_lines(path: Path) -> Iterator[Row]:
    """Every data line of ``path`` with its fields split on tabs (any number of them)."""
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield Row(path, number, tuple(cell.strip() for cell in line.split("\t")))


def read_rows(
    path: Path, columns: int | None = None, *, at_least: int | None = None, required: bool = True
) -> list[Row]:
    """The data lines of ``path``, checked for their number of fields.

    ``columns``: exactly this many fields; ``at_least``: this many or more (the rest may be
    missing, read as empty); ``required``: every field named by those counts must be non-empty.
    """
    rows: list[Row] = []
    for row in read_lines(path):
        n = len(row.fields)
        if columns is not None and n != columns:
            raise row.fail(f"expected {columns} tab-separated fields, got {n}")
        if at_least is not None and n < at_least:
            raise row.fail(f"expected at least {at_least} tab-separated fields, got {n}")
        needed = columns if columns is not None else at_least or 0
        if required and not all(row.fields[:needed]):
            raise row.fail(f"an empty field among the first {needed}")
        rows.append(row)
    return rows


def read_words(path: Path) -> list[str]:
    """A one-column list (word lists): each data line's text."""
    return [" ".join(row.fields) for row in read_lines(path)]
