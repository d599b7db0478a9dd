"""Reader for TABARI/PETRARCH actor and agent dictionaries (the ``Phoenix.*.actors.txt``,
``Phoenix.agents.txt`` and ``PETR.Validate.*`` files of the PETRARCH projects).

The format, as those files use it::

    # comment (also after an entry)            <!-- comment, possibly over several lines -->
    NORTH_KOREA_  [PRK]                        an entry: name (``_`` joins words) and code
    +PYONGYANG                                 a synonym of the entry above
    GOLLUM                                     codes may follow on indented lines,
        [HOB < 950601]                         restricted by date: before,
        [HOBGOV 19950601 - 19990815]           between (YYMMDD or YYYYMMDD),
        [HOBREB > 990816]                      after; an undated code is the default
    MICHELE_MONTAS_ [HTIOPPMED <061231] [IGOUNOMED]      several blocks on one line
    LORIEN  [ELR/GAL]                          two codes at once
    !MINIST! = MINISTER, MINISTRY              agents: a substitution set
    FOREIGN_!MINIST! {PLURALS} [~GOV]          agents: ``~GOV`` a sector suffix, ``NGO~`` a prefix

Actors become Actor facts, one per code block, with the block's dates; agents become
role -> sector entries (the first three letters of the agent code). The codes ``---`` and
``+++`` mean "not an actor" and give facts without a code. Six-digit years 00-30 are read
as 2000-2030, the others as 19xx (the files mix both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from parley.errors import KnowledgeBaseError
from parley.kb.model import Actor
from parley.records import EntityKind

__all__ = ["PetrarchKnowledge", "read_petrarch"]

_BLOCK = re.compile(r"\[([^\[\]]*)\]")
_PLURALS = re.compile(r"\{[^{}]*\}")
_SUBSTITUTION = re.compile(r"^(![A-Z0-9]+!)\s*=\s*(.+)$", re.IGNORECASE)
_MARKER = re.compile(r"![A-Z0-9]+!", re.IGNORECASE)
_CODE_BODY = re.compile(
    r"^\s*(?P<code>[^\s<>]*)\s*"
    r"(?:(?P<op>[<>])\s*(?P<when>\d+)|(?P<start>\d+)\s*-\s*(?P<end>\d+))?\s*$"
)
_ACTOR_CODE = re.compile(r"^[A-Z0-9]{3,}$")
_INTERNATIONAL = ("IGO", "NGO", "MNC", "NGM", "IMG")


@dataclass(slots=True)
class PetrarchKnowledge:
    actors: list[Actor] = field(default_factory=list)
    roles: list[tuple[str, str | None, str]] = field(default_factory=list)
    # Lines skipped in lenient mode, each "file:line: what was wrong".
    warnings: list[str] = field(default_factory=list)


class _LineError(Exception):
    """A defect confined to one line or code block: fatal when strict, else skipped."""


@dataclass(slots=True)
class _Entry:
    name: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    plurals: list[str] = field(default_factory=list)
    blocks: list[tuple[str, int]] = field(default_factory=list)  # block body, line


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KnowledgeBaseError(f"knowledge file not found: {path}") from None
    except IsADirectoryError:
        raise KnowledgeBaseError(f"knowledge file is a folder: {path}") from None
    except OSError as err:
        raise KnowledgeBaseError(f"cannot read knowledge file {path}: {err.strerror}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Older TABARI files are Latin-1; every byte decodes, nothing is lost.
        return raw.decode("latin-1")


def _phrase(token: str) -> str:
    """``NORTH_KOREA_`` -> ``NORTH KOREA`` (the trailing ``_`` only marks a word end)."""
    return " ".join(token.replace("_", " ").split())


def _date(digits: str, where: str) -> date:
    try:
        if len(digits) == 8:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if len(digits) == 6:
            yy = int(digits[:2])
            return date(2000 + yy if yy <= 30 else 1900 + yy, int(digits[2:4]), int(digits[4:]))
    except ValueError:
        pass
    raise _LineError(f"{where}: bad date {digits!r} (want YYMMDD or YYYYMMDD)")


def _check_balanced(line: str, where: str) -> None:
    if not any(ch in line for ch in "[]{}"):
        return  # most lines (synonyms) have no brackets: skip the walk
    for open_, close in (("[", "]"), ("{", "}")):
        depth = 0
        for ch in line:
            if ch == open_:
                depth += 1
                if depth > 1:
                    raise _LineError(f"{where}: nested '{open_}'")
            elif ch == close:
                depth -= 1
                if depth < 0:
                    raise _LineError(f"{where}: unbalanced '{close}'")
        if depth:
            raise _LineError(f"{where}: unbalanced '{open_}'")


def _entries(path: Path, text: str, report: _Report) -> tuple[list[_Entry], dict[str, list[str]]]:
    entries: list[_Entry] = []
    substitutions: dict[str, list[str]] = {}
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{path.name}:{number}"
        if in_comment:
            if "-->" in raw:
                in_comment = False
            continue
        if raw.lstrip().startswith("<!"):
            in_comment = "-->" not in raw
            continue
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        try:
            _read_line(line, where, number, entries, substitutions)
        except _LineError as err:
            report.problem(str(err))
    if in_comment:
        raise KnowledgeBaseError(f"{path.name}: comment '<!--' never closed with '-->'")
    if entries and not entries[-1].blocks:
        report.problem(f"{path.name}:{entries[-1].line}: entry {entries[-1].name!r} has no [code]")
        entries.pop()
    return entries, substitutions


def _read_line(
    line: str,
    where: str,
    number: int,
    entries: list[_Entry],
    substitutions: dict[str, list[str]],
) -> None:
    _check_balanced(line, where)
    substitution = _SUBSTITUTION.match(line.strip())
    if substitution:
        words = [_phrase(w) for w in substitution.group(2).split(",") if w.strip()]
        substitutions[substitution.group(1).upper()] = words
        return
    blocks = [(m.group(1), number) for m in _BLOCK.finditer(line)]
    head = _BLOCK.sub(" ", line)
    plurals = [_phrase(p) for m in _PLURALS.finditer(head) for p in m.group(0)[1:-1].split(",")]
    head = _PLURALS.sub(" ", head).strip()
    if line[0] in " \t" and not head:
        # An indented line of codes for the entry above.
        if not entries:
            raise _LineError(f"{where}: codes before any entry")
        entries[-1].blocks.extend(blocks)
    elif head.startswith("+"):
        if not entries:
            raise _LineError(f"{where}: synonym before any entry")
        if _phrase(head[1:]):
            entries[-1].synonyms.append(_phrase(head[1:]))
        entries[-1].blocks.extend(blocks)
    elif head:
        entry = _Entry(_phrase(head), number, plurals=[p for p in plurals if p], blocks=blocks)
        if entries and not entries[-1].blocks:
            # Root names without a code share the code of the next entry (TABARI groups
            # names this way; Phoenix's "U.N._" before "UN_SECRETARY_GENERAL" relies on it).
            previous = entries.pop()
            entry.synonyms[:0] = [entry.name, *previous.synonyms]
            entry.name, entry.line = previous.name, previous.line
        entries.append(entry)
    else:
        raise _LineError(f"{where}: codes without a name")


def _expand(name: str, substitutions: dict[str, list[str]], where: str) -> list[str]:
    """Every spelling of an agent name with its ``!SET!`` markers replaced."""
    marker = _MARKER.search(name)
    if marker is None:
        return [name]
    words = substitutions.get(marker.group(0).upper())
    if words is None:
        raise _LineError(f"{where}: substitution set {marker.group(0)} not defined")
    out: list[str] = []
    for word in words:
        # "CONGRESS!PERSON!" -> "CONGRESSMAN": a marker glued to a word joins it.
        replaced = name[: marker.start()] + word + name[marker.end() :]
        out.extend(_expand(" ".join(replaced.split()), substitutions, where))
    return out


def _title(name: str) -> str:
    # PETRARCH names are in capitals; a readable canonical form keeps short acronyms.
    return " ".join(w if len(w) <= 4 and "." in w else w.capitalize() for w in name.split())


def _kind(code: str | None, dated: bool, country: str | None) -> EntityKind:
    if code is None:
        return "other"
    # A bare country code is the state even when dated (BIH from 1992, SRB from 2006):
    # only a dated entry with a longer code is a person holding a role.
    if country is not None and len(code) == 3:
        return "country"
    if dated:
        return "person"
    if code.endswith("MED") or code[3:6] == "MED":
        return "media"
    if code[:3] in _INTERNATIONAL or country is not None:
        return "organization"
    return "group"


@dataclass(slots=True)
class _Report:
    """Collects line defects: the first one raises when strict."""

    strict: bool
    problems: list[str] = field(default_factory=list)

    def problem(self, message: str) -> None:
        if self.strict:
            raise KnowledgeBaseError(message)
        self.problems.append(message)


def read_petrarch(
    path: Path, country_codes: frozenset[str] = frozenset(), *, strict: bool = False
) -> PetrarchKnowledge:
    """Read one actor or agent dictionary. ``country_codes`` (CAMEO country codes) tell a
    country prefix ("USA" in "USAGOV") from other three-letter codes.

    The published dictionaries carry a few typos (a 7-digit date, ``[~ENV}``), which
    PETRARCH itself steps over; so by default a malformed line is skipped and reported in
    ``warnings``. ``strict=True`` raises KnowledgeBaseError at the first one. Either way a
    file where more than one line in a hundred is malformed is no dictionary and raises.
    """
    text = _read_text(path)
    report = _Report(strict)
    entries, substitutions = _entries(path, text, report)
    out = PetrarchKnowledge()
    for entry in entries:
        parsed: list[tuple[str | None, date | None, date | None, int]] = []
        for body, line in entry.blocks:
            try:
                parsed.extend(_code_block(body, f"{path.name}:{line}", line))
            except _LineError as err:
                report.problem(str(err))
        if not parsed:
            continue
        try:
            if any("~" in (code or "") for code, *_ in parsed):
                _add_agent(out, entry, parsed, substitutions, path.name)
            else:
                _add_actor(out, entry, parsed, country_codes, path.name)
        except _LineError as err:
            report.problem(str(err))
    lines = sum(1 for line in text.splitlines() if line.strip())
    if report.problems and len(report.problems) * 100 > max(lines, 1000):
        raise KnowledgeBaseError(
            f"{path.name}: {len(report.problems)} malformed lines, not a PETRARCH dictionary? "
            f"first: {report.problems[0]}"
        )
    if not entries and lines:
        raise KnowledgeBaseError(f"{path.name}: no dictionary entries (NAME [CODE]) found")
    out.warnings.extend(report.problems)
    return out


def _code_block(
    body: str, where: str, line: int
) -> list[tuple[str | None, date | None, date | None, int]]:
    match = _CODE_BODY.match(body)
    if match is None:
        raise _LineError(f"{where}: cannot read code block [{body}]")
    start = end = None
    if match.group("op") == "<":
        end = _date(match.group("when"), where)
    elif match.group("op") == ">":
        start = _date(match.group("when"), where)
    elif match.group("start"):
        start = _date(match.group("start"), where)
        end = _date(match.group("end"), where)
    return [(code, start, end, line) for code in match.group("code").upper().split("/")]


def _add_agent(
    out: PetrarchKnowledge,
    entry: _Entry,
    parsed: list[tuple[str | None, date | None, date | None, int]],
    substitutions: dict[str, list[str]],
    file: str,
) -> None:
    code = (parsed[0][0] or "").replace("~", "")
    sector = code[:3] if _ACTOR_CODE.match(code) and code[:3].isalpha() else None
    where = f"petrarch:{file}:{entry.line}"
    for name in (entry.name, *entry.synonyms, *entry.plurals):
        for phrase in _expand(name, substitutions, where):
            out.roles.append((phrase.casefold(), sector, where))


def _add_actor(
    out: PetrarchKnowledge,
    entry: _Entry,
    parsed: list[tuple[str | None, date | None, date | None, int]],
    country_codes: frozenset[str],
    file: str,
) -> None:
    dated = any(start is not None or end is not None for _, start, end, _ in parsed)
    name = _title(entry.name)
    aliases = tuple(_title(s) for s in entry.synonyms)
    for raw_code, start, end, line in parsed:
        code = raw_code if raw_code and _ACTOR_CODE.match(raw_code) else None
        country = code[:3] if code and code[:3] in country_codes else None
        # IGOUNO, NGOHRI: the international prefix is the sector; otherwise the three
        # letters after the (possibly unknown) country prefix: ARNMED -> MED.
        if code is None:
            sector = None
        elif code[:3] in _INTERNATIONAL:
            sector = code[:3]
        else:
            sector = code[3:6] or None
        kind = _kind(code, dated, country)
        words = entry.name.split()
        out.actors.append(
            Actor(
                name=name,
                aliases=aliases,
                kind=kind,
                code=code,
                country=country,
                sector=sector,
                roles=(),
                start=start,
                end=end if end is None or start is None or end > start else None,
                source=f"petrarch:{file}:{line}",
                surname=words[-1].capitalize() if kind == "person" and words else None,
            )
        )
