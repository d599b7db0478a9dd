"""Actor knowledge: countries (names, short forms, demonyms, capitals, CAMEO codes), people
and organisations as dated facts with CAMEO-style actor codes, role words and organisation
words -> sectors; plus a reader for TABARI/PETRARCH actor and agent dictionaries.

    >>> kb = load_knowledge_base()
    >>> kb.country("N. Korea’s").code
    'PRK'
    >>> kb.actor("Mike Pompeo", date(2018, 11, 12)).code
    'USAGOV'

Parley's own data lives in ``parley/kb/data`` (one TSV file per kind, each with a header
comment naming its sources); users add files in the same formats (``extra=``) and
PETRARCH dictionaries (``petrarch=``). Below both lies the Phoenix knowledge of the PETRARCH
projects, converted into Parley's format (``parley/kb/data/phoenix``, made by
``scripts/convert_phoenix.py``). Facts from user files are preferred to Parley's, Parley's to
the user's PETRARCH dictionaries', and those to Phoenix's.
"""

from __future__ import annotations

from pathlib import Path

from parley.errors import KnowledgeBaseError
from parley.kb.base import KnowledgeBase
from parley.kb.model import Actor, Country
from parley.kb.normalize import normalize_name
from parley.kb.petrarch import read_petrarch
from parley.kb.tsv import read_tsv

__all__ = [
    "BUILTIN_FILES",
    "DATA_DIR",
    "PHOENIX_FILES",
    "Actor",
    "Country",
    "KnowledgeBase",
    "load_knowledge_base",
    "normalize_name",
    "read_petrarch",
    "read_tsv",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
# Parley's own files, in load order; each one's kind comes from its header row.
BUILTIN_FILES = (
    "countries.tsv",
    "igos.tsv",
    "media.tsv",
    "organizations.tsv",
    "places.tsv",
    "regions.tsv",
    "people.tsv",
    "roles.tsv",
    "org_words.tsv",
)

# The Phoenix dictionaries converted into Parley's format (in ``DATA_DIR / "phoenix"``), in
# load order. Each was measured on ``parley evaluate actors`` and ``events`` and kept only when
# it helped or was neutral (the figures are in the README's knowledge section).
PHOENIX_FILES: tuple[str, ...] = (
    "Phoenix.Countries.actors.tsv",
    "Phoenix.International.actors.tsv",
    "Phoenix.MilNonState.actors.tsv",
    "Phoenix.agents.tsv",
)

# Preference between facts with the same name: user files, then Parley's, then the user's
# PETRARCH dictionaries, then Phoenix's.
_RANK_USER, _RANK_BUILTIN, _RANK_PETRARCH, _RANK_PHOENIX = 0, 1, 2, 3


def _check_file(path: Path) -> Path:
    """``path`` itself, once it is known to be a readable file (the error names it)."""
    try:
        path.stat()
    except FileNotFoundError:
        raise KnowledgeBaseError(f"knowledge file not found: {path}") from None
    except OSError as err:
        raise KnowledgeBaseError(f"cannot read knowledge file {path}: {err.strerror}") from None
    if not path.is_file():
        raise KnowledgeBaseError(f"knowledge file is not a file: {path}")
    return path


def load_knowledge_base(
    extra: tuple[Path, ...] = (),
    petrarch: tuple[Path, ...] = (),
    phoenix: tuple[str, ...] | None = None,
) -> KnowledgeBase:
    """Parley's built-in knowledge plus user TSV files (``extra``) and TABARI/PETRARCH
    actor or agent dictionaries (``petrarch``), over the packaged Phoenix knowledge
    (``phoenix``: file names in ``DATA_DIR / "phoenix"``; None for ``PHOENIX_FILES``, ``()``
    for none).

    Every call reads the files: the caller keeps the result (``EntityResources`` does, once
    per pipeline), so no process-wide cache holds it. The KnowledgeBase is read-only, so
    stages may share one.

    Raises KnowledgeBaseError for a missing file or a malformed line (naming file:line);
    PETRARCH dictionaries skip a few malformed lines and list them in ``kb.warnings``.
    """
    builtin = [read_tsv(DATA_DIR / name, "parley") for name in BUILTIN_FILES]
    users = [read_tsv(_check_file(Path(p)), "user") for p in extra]
    names = PHOENIX_FILES if phoenix is None else phoenix
    phoenix_parts = [read_tsv(DATA_DIR / "phoenix" / name, "phoenix") for name in names]

    countries = [c for part in (*users, *builtin) for c in part.countries]
    codes = frozenset(c.code for c in countries) | frozenset(c.iso3 for c in countries)
    dictionaries = [read_petrarch(_check_file(Path(p)), codes) for p in petrarch]

    actors = [(a, _RANK_USER) for part in users for a in part.actors]
    actors += [(a, _RANK_BUILTIN) for part in builtin for a in part.actors]
    actors += [(a, _RANK_PETRARCH) for part in dictionaries for a in part.actors]
    actors += [(a, _RANK_PHOENIX) for part in phoenix_parts for a in part.actors]
    # Roles: the later source overrides the sector, so PETRARCH first and the user last;
    # Phoenix's agents only add phrases the others lack (and rank after them in a tie).
    roles = [r for part in dictionaries for r in part.roles]
    roles += [r for part in (*builtin, *users) for r in part.roles]
    known = {normalize_name(phrase) for phrase, _sector, _where in roles}
    roles += [r for part in phoenix_parts for r in part.roles if normalize_name(r[0]) not in known]
    org_words = [w for part in (*builtin, *users) for w in part.org_words]
    warnings = [w for part in dictionaries for w in part.warnings]
    return KnowledgeBase(countries, actors, roles, org_words, warnings)
