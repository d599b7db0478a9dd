"""Who speaks a passage: the quotes' speakers.

A quote's content is its speaker's voice. State media's statement blocks (an introduction
ending with a colon, then the statement's paragraphs with no quotation marks) reach this
stage as the quote stage's own block quotes (``parley.quotes.blocks``), with their author.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from parley.nlp.index import MentionIndex, ParseIndex
from parley.records import Entity, Quote

__all__ = ["Voice", "against", "find_voices", "lead_voice", "voice_at"]

Span = tuple[int, int]
# How far back (characters) an introduction with no attributed quote looks for a speaker.
LOOK_BACK = 600


@dataclass(frozen=True, slots=True)
class Voice:
    start: int
    end: int
    speaker: str | None  # entity id
    quote: str | None  # the quote it is, or the one that introduced the block
    cue_span: Span | None
    direct: bool
    date: str | None
    speaker_text: str | None = None  # the speaker as written


def find_voices(
    quotes: Sequence[Quote],
    mentions: MentionIndex,
    parse: ParseIndex | None = None,
    modality: Mapping[str, str] | None = None,
) -> list[Voice]:
    """The quotes, innermost first, leaving out admonitions (``admonished``) and terms in
    quotation marks (``_named_in_quotes``)."""
    # A quote interrupted by its attribution ("X, Pompeo said, would be helpful") is one
    # statement: its whole stretch is one voice, so the walk can cross the interruption.
    kept = [q for q in quotes if q.end > q.start]
    if parse is not None and modality is not None:
        kept = [q for q in kept if not admonished(q, parse, modality)]
    if parse is not None:
        kept = [q for q in kept if not _named_in_quotes(q, parse)]
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
    pieces = [_opposed(v, q, mentions, parse) for v, q in zip(pieces, kept, strict=True)]
    text = parse.text if parse is not None else ""
    pieces = _inherit(
        [_named_speaker(v, q, mentions, text) for v, q in zip(pieces, kept, strict=True)]
    )
    if parse is not None:
        pieces = _documents(pieces, parse)
        pieces = [_addressed(v, parse, mentions) for v in pieces]
    pieces.sort(key=lambda v: (v.end - v.start, v.start))
    return pieces


def admonished(quote: Quote, parse: ParseIndex, modality: Mapping[str, str]) -> bool:
    """Whether a quote's attribution is an admonition to the party it names: "The U.S.
    should clearly know that...", "They must be aware that...". The named party is told
    what to think, by the text's own voice; it says nothing, so the words are not its."""
    if quote.cue_span is None:
        return False
    start = quote.speaker_span[1] if quote.speaker_span is not None else quote.cue_span[0]
    start = min(start, quote.cue_span[0])
    first = bisect_left(parse.token_starts, start)
    last = bisect_left(parse.token_starts, quote.cue_span[1])
    for token in parse.doc[first:last]:
        if modality.get(token.text.lower()) != "obligation":
            continue
        if token.tag_ in ("MD", "VBN") or token.dep_ in ("acomp", "advmod", "oprd"):
            return True  # "should", "must"; "had better", "would be well advised"
    return False


# At most this many words make a phrase in quotation marks a name rather than a saying.
SCARE_WORDS = 8


def _named_in_quotes(quote: Quote, parse: ParseIndex) -> bool:
    """Whether a direct quote is a few words with no verb: a term the writer puts in
    quotation marks ('The U.S. concluded the "mutual defense treaty" with south Korea'),
    which the narration's own words go on reading, not a party's saying."""
    if quote.kind != "direct":
        return False
    first = bisect_left(parse.token_starts, quote.start)
    last = bisect_left(parse.token_starts, quote.end)
    words = [k for k in range(first, last) if parse.pos[k] not in ("PUNCT", "SPACE")]
    return 0 < len(words) <= SCARE_WORDS and not any(parse.pos[k] in ("VERB", "AUX") for k in words)


def _documents(pieces: list[Voice], parse: ParseIndex) -> list[Voice]:
    """A speaker written as "the statement", "the commentary", "the committee" is the one
    whose earlier attribution named that statement or body ("The Sudanese government
    criticized in a statement Wednesday ..., ... the statement said"), whoever the quote
    stage took the nearest party before it to be; and so is every later voice the quote stage
    gave to the same description ("The organizations ... They declared ...")."""
    out: list[Voice] = []
    named: dict[str, str | None] = {}  # the description's entity -> the party it refers to
    for piece in sorted(pieces, key=lambda v: v.start):
        words = (piece.speaker_text or "").lower().split()
        if len(words) == 2 and words[0] == "the" and words[1].isalpha():
            for earlier in reversed(out):
                if earlier.cue_span is None or earlier.speaker is None or earlier is piece:
                    continue
                start, end = parse.sentence_at(earlier.cue_span[0])
                said = parse.lowers[
                    bisect_left(parse.token_starts, start) : bisect_left(parse.token_starts, end)
                ]
                if words[1] in said:
                    if piece.speaker is not None:
                        named[piece.speaker] = earlier.speaker
                    piece = replace(piece, speaker=earlier.speaker)
                    break
        elif piece.speaker in named:
            # "The organizations denounced ..., they said": the pronouns the quote stage
            # resolved to the description refer to the party it names as well.
            piece = replace(piece, speaker=named[piece.speaker])
        out.append(piece)
    return out


PRONOUNS = frozenset({"we", "they", "it", "he", "she"})
FIRST_PERSON = frozenset({"we", "i"})


def _addressed(voice: Voice, parse: ParseIndex, mentions: MentionIndex) -> Voice:
    """A speaker written as a pronoun ("..., they said") whom the words themselves address:
    "We strongly demand the U.S. and its followers stop...", "we condemn the U.S.". The
    speakers are "we"; the party they demand of or condemn is not who "they" are, whatever
    the pronoun was resolved to, so the voice's speaker is left unknown. The words read are
    the quote's and its attribution's sentence."""
    written = (voice.speaker_text or "").lower()
    if voice.speaker is None or written not in PRONOUNS:
        return voice
    spans = [(voice.start, voice.end)]
    if voice.cue_span is not None:
        spans.append(parse.sentence_at(voice.cue_span[0]))  # "We demand the U.S. ..., they said"
    positions = [
        i
        for start, end in spans
        for i in range(bisect_left(parse.token_starts, start), bisect_left(parse.token_starts, end))
    ]
    for i in positions:
        entity = mentions.entity_of_token(i)
        if entity is None or entity.id != voice.speaker:
            continue
        token = parse.doc[i]
        if token.dep_ not in ("dobj", "nsubj"):
            continue
        verb = token.head
        if token.dep_ == "nsubj" and verb.dep_ == "ccomp":
            verb = verb.head  # "demand [the U.S. stop]"
        # "We" before the party: a parse that hangs an earlier clause on a later "we
        # demand" says nothing about it.
        if any(
            c.dep_ == "nsubj" and c.text.lower() in FIRST_PERSON and c.i < token.i
            for c in verb.children
        ):
            return replace(voice, speaker=None)
    return voice


def against(text: str, start: int) -> bool:
    """Whether the name at ``start`` is written after "anti-" ("an anti-DPRK campaign")."""
    return text[max(0, start - 5) : start].lower() == "anti-"


def _opposed(voice: Voice, quote: Quote, mentions: MentionIndex, parse: ParseIndex | None) -> Voice:
    """A speaker the quote stage found only inside "anti-..." ("an anti-DPRK campaign
    calling for additional sanctions") is what the words are against, not who says them."""
    if parse is None or voice.speaker is None or quote.speaker_span is None:
        return voice
    refs = [r for r in mentions.overlapping(*quote.speaker_span) if r.entity.id == voice.speaker]
    if refs and all(against(parse.text, r.start) for r in refs):
        return replace(voice, speaker=None)
    return voice


SPEAKER_KINDS = frozenset({"organization", "country", "media", "group"})


def _named_speaker(voice: Voice, quote: Quote, mentions: MentionIndex, text: str = "") -> Voice:
    """A quote whose speaker the quote stage left open, though its words name a body: "a
    spokesman for the ministry said" speaks for the ministry ("an anti-DPRK campaign" does
    not speak for the DPRK)."""
    if voice.speaker is not None or quote.speaker_span is None:
        return voice
    named = [
        ref.entity
        for ref in mentions.overlapping(*quote.speaker_span)
        if ref.entity.kind in SPEAKER_KINDS and ref.entity.actor and not against(text, ref.start)
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
    """The innermost quote holding ``offset``, else None."""
    return next((v for v in voices if v.start <= offset < v.end), None)


LEAD_KINDS = frozenset({"organization", "media", "group", "person"})


def lead_voice(text: str, voices: Sequence[Voice], mentions: MentionIndex) -> Entity | None:
    """The article's own voice, when its first paragraph reports a statement, a commentary or
    an address ("A spokesman for the Foreign Ministry ... in a statement Monday denounced
    ...", "..., Rodong Sinmun says in a commentary"): state media go on giving its words in
    sentences no quote holds ("The reckless war drills amount to a grave provocation."). The
    first quote of that paragraph whose speaker is a body or a person; a country is left
    out, since a speaker the quote stage gives as "the U.S." in such copy is most often a
    party the statement speaks of ("the U.S. claimed...")."""
    end = text.find("\n\n")
    end = len(text) if end < 0 else end
    for voice in sorted(voices, key=lambda v: v.start):
        # A statement's paragraphs begin after the lead; its attribution is in the lead.
        if min(voice.start, voice.cue_span[0] if voice.cue_span else voice.start) >= end:
            continue
        speaker = mentions.by_id.get(voice.speaker or "")
        if speaker is not None and speaker.kind in LEAD_KINDS:
            return speaker
    return None
