"""The quote stage's knowledge, read from the data files beside this module.

Every file has ``#`` header comments saying where its facts came from; blank lines and
comments are skipped (``parley.datafiles``). A malformed line raises KnowledgeBaseError
naming the file and line. Nothing here caches: ``QuoteResources.load`` reads the files once
and the pipeline keeps the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from parley.datafiles import Row, read_rows
from parley.quotes.titles import TitleNouns

__all__ = ["DATA_DIR", "CueVerb", "Lexicon", "load_lexicon"]

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
    # Statement blocks (``blocks.py``): nouns of texts that speak for their author, and the
    # lines that end a block.
    block_nouns: frozenset[str] = frozenset()
    block_ends: frozenset[str] = frozenset()
    # Nouns of people or bodies no doer's suffix marks ("staff", "members"), data/agent_nouns.txt.
    agent_nouns: frozenset[str] = frozenset()
    # Nouns of norms: "according to the law" says how, not who (data/norm_nouns.txt).
    norm_nouns: frozenset[str] = frozenset()
    # Nouns of a state of affairs: "the situation calls for ..." asks nothing of anyone's
    # (data/state_nouns.txt).
    state_nouns: frozenset[str] = frozenset()
    # Nouns of polls: "in a CNN poll, X leads" is what the poll says (data/survey_nouns.txt).
    survey_nouns: frozenset[str] = frozenset()
    # Verbs that make a headline an attribution: "Doe Endorses Smith" (data/headline_verbs.txt).
    headline_verbs: frozenset[str] = frozenset()
    # Nouns of records that show a finding: "..., FEC records show" (data/record_nouns.txt).
    record_nouns: frozenset[str] = frozenset()
    # Verbs of putting out a text: "issued a statement condemning X" (data/publish_verbs.txt).
    publish_verbs: frozenset[str] = frozenset()
    # Nouns that carry a proposition ("the need for", "its stand on"): the object of a verb
    # that says something only with a clause is a statement when one of them heads it
    # (data/proposition_nouns.txt).
    proposition_nouns: frozenset[str] = frozenset()
    # The nouns a title in quotation marks follows, a work's or a claim's ('the film "..."',
    # 'a press statement "..."'), data/title_nouns.tsv (``parley.quotes.titles``).
    title_nouns: TitleNouns = field(default_factory=TitleNouns)
    # The first word of every cue ("make" of "make clear"): a word whose lemma is not here
    # cannot be a cue verb, so the passes skip it without reading its parse.
    cue_heads: frozenset[str] = field(init=False, default=frozenset())
    # The verbs of the two-word cues ("point" of "point out"): only their dependents are read.
    cue_pair_heads: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        object.__setattr__(self, "cue_heads", frozenset(k.split(" ", 1)[0] for k in self.cue_verbs))
        pairs = frozenset(k.split(" ", 1)[0] for k in self.cue_verbs if " " in k)
        object.__setattr__(self, "cue_pair_heads", pairs)


def _check(value: str, allowed: frozenset[str], row: Row) -> str:
    if value not in allowed:
        raise row.fail(f"{value!r} is not one of {sorted(allowed)}")
    return value


def _words(path: Path) -> list[str]:
    """A one-column list, lower-cased; a line with a tab in it is an error."""
    return [row.fields[0].lower() for row in read_rows(path, 1)]


def _cue_verbs(path: Path) -> dict[str, CueVerb]:
    cues: dict[str, CueVerb] = {}
    for row in read_rows(path, 3):
        lemma, cls, frame = row.fields
        cues[lemma.lower()] = CueVerb(
            lemma.lower(), _check(cls, _CUE_CLASSES, row), _check(frame, _CUE_FRAMES, row)
        )
    return cues


def _cue_frames(path: Path) -> dict[str, frozenset[str]]:
    frames: dict[str, set[str]] = {}
    for row in read_rows(path, 4):
        lemma, frame, hits, seen = row.fields
        if not _FRAME.match(frame) or not (hits.isdigit() and seen.isdigit()):
            raise row.fail(
                "expected lemma, frame (ccomp, xcomp, dobj, passive, prep:<word>, noun:...,"
                f" adj:...) and two counts, got {frame!r} {hits!r} {seen!r}"
            )
        frames.setdefault(lemma.lower(), set()).add(frame)
    return {k: frozenset(v) for k, v in frames.items()}


def _with_stance_adjectives(
    frames: dict[str, frozenset[str]], path: Path
) -> dict[str, frozenset[str]]:
    """``frames`` with the frame "adj:prep:<word>" of each listed stance adjective: the class
    the learned table is too sparse to hold (``data/stance_adjectives.tsv``)."""
    merged = dict(frames)
    for row in read_rows(path, 2):
        adjective, prep = (f.lower() for f in row.fields)
        merged[adjective] = merged.get(adjective, frozenset()) | {f"adj:prep:{prep}"}
    return merged


def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read every quote data file from ``data_dir``."""
    venues = sorted(
        ((r.fields[0].lower(), r.fields[1]) for r in read_rows(data_dir / "venues.tsv", 2)),
        key=lambda pv: -len(pv[0]),
    )
    return Lexicon(
        cue_verbs=_cue_verbs(data_dir / "cue_verbs.tsv"),
        cue_nouns=frozenset(_words(data_dir / "cue_nouns.txt")),
        venues=tuple(venues),
        vague_heads=frozenset(_words(data_dir / "vague_sources.txt")),
        mark_pairs=read_mark_pairs(data_dir / "marks.tsv"),
        pronouns={
            r.fields[0].lower(): _check(r.fields[1], _PRONOUN_KINDS, r)
            for r in read_rows(data_dir / "pronouns.tsv", 2)
        },
        descriptions={
            r.fields[0].lower(): frozenset(k.strip() for k in r.fields[1].split(","))
            for r in read_rows(data_dir / "descriptions.tsv", 2)
        },
        # Media words keep their case: "Post" and "Times" name outlets, "post" does not.
        media_words=frozenset(r.fields[0] for r in read_rows(data_dir / "media_words.txt", 1)),
        cue_frames=_with_stance_adjectives(
            _cue_frames(data_dir / "cue_frames.tsv"), data_dir / "stance_adjectives.tsv"
        ),
        labels=frozenset(_words(data_dir / "section_labels.txt")),
        block_nouns=frozenset(_words(data_dir / "block_nouns.txt")),
        agent_nouns=frozenset(_words(data_dir / "agent_nouns.txt")),
        norm_nouns=frozenset(_words(data_dir / "norm_nouns.txt")),
        state_nouns=frozenset(_words(data_dir / "state_nouns.txt")),
        survey_nouns=frozenset(_words(data_dir / "survey_nouns.txt")),
        record_nouns=frozenset(_words(data_dir / "record_nouns.txt")),
        headline_verbs=frozenset(_words(data_dir / "headline_verbs.txt")),
        publish_verbs=frozenset(_words(data_dir / "publish_verbs.txt")),
        proposition_nouns=frozenset(_words(data_dir / "proposition_nouns.txt")),
        block_ends=frozenset(_words(data_dir / "block_ends.txt")),
        title_nouns=TitleNouns.read(data_dir / "title_nouns.tsv"),
    )


def read_mark_pairs(path: Path) -> tuple[tuple[str, str], ...]:
    """The quotation marks' (opening, closing) pairs."""
    return tuple((r.fields[0], r.fields[1]) for r in read_rows(path, 2))
