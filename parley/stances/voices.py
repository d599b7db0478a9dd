"""Who speaks a passage: the quotes' speakers, and the authors of statement blocks.

A quote's content is its speaker's voice. State media print statements, answers and
commentaries as a paragraph that introduces them, ending with a colon ("A spokesman for the
Foreign Ministry ... issued the following press statement:", "..., the statement said, and
went on:"), and the statement's own paragraphs after it, with no quotation marks; the quote
stage attributes the introduction only. Those paragraphs, up to the next such introduction,
are the voice of the introduction's speaker (that of a quote in the introduction, else of
the nearest quote before it that has one).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from parley.nlp.index import MentionIndex
from parley.records import Quote

__all__ = ["Voice", "find_voices", "voice_at"]

Span = tuple[int, int]
# How far back (characters) an introduction with no attributed quote looks for a speaker.
LOOK_BACK = 600
INTRO_END = ":"


@dataclass(frozen=True, slots=True)
class Voice:
    start: int
    end: int
    speaker: str | None  # entity id
    quote: str | None  # the quote it is, or the one that introduced the block
    cue_span: Span | None
    direct: bool
    date: str | None
    block: bool = False
    speaker_text: str | None = None  # the speaker as written


def find_voices(text: str, quotes: Sequence[Quote], mentions: MentionIndex) -> list[Voice]:
    """The quotes (innermost first), then the statement blocks."""
    # A quote interrupted by its attribution ("X, Pompeo said, would be helpful") is one
    # statement: its whole stretch is one voice, so the walk can cross the interruption.
    kept = [q for q in quotes if q.end > q.start]
    pieces = [
        Voice(
            q.start,
            q.end,
            q.speaker,
            q.id,
            q.cue_span,
            q.kind == "direct",
            q.date,
            speaker_text=q.speaker_text,
        )
        for q in kept
    ]
    pieces = _inherit([_named_speaker(v, q, mentions) for v, q in zip(pieces, kept, strict=True)])
    pieces.sort(key=lambda v: (v.end - v.start, v.start))
    return pieces + _blocks(text, quotes)


SPEAKER_KINDS = frozenset({"organization", "country", "media", "group"})


def _named_speaker(voice: Voice, quote: Quote, mentions: MentionIndex) -> Voice:
    """A quote whose speaker the quote stage left open, though its words name a body: "a
    spokesman for the ministry said" speaks for the ministry."""
    if voice.speaker is not None or quote.speaker_span is None:
        return voice
    named = [
        ref.entity
        for ref in mentions.overlapping(*quote.speaker_span)
        if ref.entity.kind in SPEAKER_KINDS and ref.entity.actor
    ]
    return replace(voice, speaker=named[-1].id) if named else voice


def _inherit(pieces: list[Voice]) -> list[Voice]:
    """A quote with no speaker ("..., the statement said") close after one with a speaker
    is taken to go on quoting it."""
    out = []
    last: Voice | None = None
    for piece in sorted(pieces, key=lambda v: v.start):
        near = last is not None and piece.start - last.end <= LOOK_BACK
        if piece.speaker is None and near and _anaphoric(piece.speaker_text):
            assert last is not None
            piece = replace(piece, speaker=last.speaker)
        elif piece.speaker is not None:
            last = piece
        out.append(piece)
    return out


def _blocks(text: str, quotes: Sequence[Quote]) -> list[Voice]:
    intros: list[tuple[int, int, Quote]] = []
    ordered = sorted(quotes, key=lambda q: q.start)
    starts = [q.start for q in ordered]
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.rstrip(" \"”'’").endswith(INTRO_END):
            continue
        inside = [q for q in ordered if q.speaker and q.start < end and q.end > start]
        if inside:
            intros.append((start, end, inside[-1]))
            continue
        k = bisect_right(starts, end) - 1
        while k >= 0 and ordered[k].start >= start - LOOK_BACK:
            if ordered[k].speaker:
                intros.append((start, end, ordered[k]))
                break
            k -= 1
    blocks = []
    for n, (_, end, quote) in enumerate(intros):
        stop = intros[n + 1][0] if n + 1 < len(intros) else len(text)
        if stop > end + 1:
            blocks.append(
                Voice(end + 1, stop, quote.speaker, quote.id, None, False, quote.date, True)
            )
    return blocks


ANAPHORS = frozenset({"it", "he", "she", "they", "this", "that"})


def _anaphoric(written: str | None) -> bool:
    """A speaker written as a pronoun or a short definite description ("the statement",
    "the spokesman"), which refers back; "A vice-minister of the Russian Foreign Ministry"
    is someone new."""
    if not written:
        return True
    words = written.lower().split()
    return words[0] in ANAPHORS or (words[0] == "the" and len(words) <= 3)


def voice_at(voices: Sequence[Voice], offset: int) -> Voice | None:
    """The innermost quote piece holding ``offset`` (its speaker, if it has none, the
    block's), else the block holding it, else None."""
    piece = next((v for v in voices if not v.block and v.start <= offset < v.end), None)
    block = next((v for v in voices if v.block and v.start <= offset < v.end), None)
    if piece is not None and piece.speaker is None and block is not None:
        return replace(piece, speaker=block.speaker)
    return piece or block
