"""The quote stage's knowledge, read from the data files beside this module.

Every file has ``#`` header comments saying where its facts came from; blank lines and
comments are skipped. A malformed line raises KnowledgeBaseError naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from parley.errors import KnowledgeBaseError

DATA_DIR = Path(__file__).with_name("data")

_CUE_CLASSES = frozenset({"speech", "writing", "cognition", "request"})
_CUE_FRAMES = frozenset({"clause", "quote", "any"})
_PRONOUN_KINDS = frozenset({"person", "group", "any"})
_FRAME = re.compile(
    r"^(ccomp|xcomp|dobj|passive|prep:[a-z]+|noun:that|noun:prep:[a-z]+"
    r"|adj:(ccomp|xcomp|prep:[a-z]+))$"
)


@dataclass(frozen=True, slots=True)
class CueVerb:
    lemma: str
    cls: str  # speech | writing | cognition | request
    frame: str  # clause | quote | any


@dataclass(frozen=True, slots=True)
class Lexicon:
    cue_verbs: dict[str, CueVerb]
    cue_nouns: frozenset[str]
    venues: tuple[tuple[str, str], ...]  # (phrase, venue name), longest phrase first
    vague_heads: frozenset[str]
    mark_pairs: tuple[tuple[str, str], ...]  # (opening, closing)
    pronouns: dict[str, str]  # pronoun -> person | group | any
    descriptions: dict[str, frozenset[str]]  # head noun -> entity kinds it can refer to
    media_words: frozenset[str]
    # Learned frames: verb lemma -> the constructions whose complement PolNeAR marks as
    # attributed content ("ccomp", "xcomp", "dobj", "prep:for", ...), data/cue_frames.tsv.
    cue_frames: dict[str, frozenset[str]] = field(default_factory=dict)
    # Paragraph labels before a colon that are not speakers ("Update:", "Editor's note:").
    labels: frozenset[str] = frozenset()


def _rows(path: Path, ncols: int) -> list[tuple[int, list[str]]]:
    """Non-comment lines of a data file split on tabs, each with its line number."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise KnowledgeBaseError(f"cannot read quote lexicon {path.name}: {err.strerror}") from err
    rows = []
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != ncols or not all(c.strip() for c in cols):
            raise KnowledgeBaseError(
                f"{path.name}:{lineno}: expected {ncols} tab-separated column(s), got {line!r}"
            )
        rows.append((lineno, [c.strip() for c in cols]))
    return rows


def _check(value: str, allowed: frozenset[str], path: Path, lineno: int) -> str:
    if value not in allowed:
        raise KnowledgeBaseError(f"{path.name}:{lineno}: {value!r} is not one of {sorted(allowed)}")
    return value


def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read every quote data file from ``data_dir``."""
    cue_path = data_dir / "cue_verbs.tsv"
    cues: dict[str, CueVerb] = {}
    for lineno, (lemma, cls, frame) in _rows(cue_path, 3):
        cues[lemma.lower()] = CueVerb(
            lemma.lower(),
            _check(cls, _CUE_CLASSES, cue_path, lineno),
            _check(frame, _CUE_FRAMES, cue_path, lineno),
        )
    nouns = frozenset(c[0].lower() for _, c in _rows(data_dir / "cue_nouns.txt", 1))
    venues = sorted(
        ((c[0].lower(), c[1]) for _, c in _rows(data_dir / "venues.tsv", 2)),
        key=lambda pv: -len(pv[0]),
    )
    vague = frozenset(c[0].lower() for _, c in _rows(data_dir / "vague_sources.txt", 1))
    marks = tuple((c[0], c[1]) for _, c in _rows(data_dir / "marks.tsv", 2))
    pron_path = data_dir / "pronouns.tsv"
    pronouns = {
        c[0].lower(): _check(c[1], _PRONOUN_KINDS, pron_path, n) for n, c in _rows(pron_path, 2)
    }
    descriptions = {
        c[0].lower(): frozenset(k.strip() for k in c[1].split(","))
        for _, c in _rows(data_dir / "descriptions.tsv", 2)
    }
    media = frozenset(c[0] for _, c in _rows(data_dir / "media_words.txt", 1))
    frames_path = data_dir / "cue_frames.tsv"
    frames: dict[str, set[str]] = {}
    for lineno, (lemma, frame, hits, seen) in _rows(frames_path, 4):
        if not _FRAME.match(frame) or not (hits.isdigit() and seen.isdigit()):
            raise KnowledgeBaseError(
                f"{frames_path.name}:{lineno}: expected lemma, frame (ccomp, xcomp, dobj,"
                f" passive, prep:<word>, noun:..., adj:...) and two counts, got"
                f" {frame!r} {hits!r} {seen!r}"
            )
        frames.setdefault(lemma.lower(), set()).add(frame)
    return Lexicon(
        cues,
        nouns,
        tuple(venues),
        vague,
        marks,
        pronouns,
        descriptions,
        media,
        {k: frozenset(v) for k, v in frames.items()},
        frozenset(c[0].lower() for _, c in _rows(data_dir / "section_labels.txt", 1)),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, read once per process."""
    return load_lexicon()
