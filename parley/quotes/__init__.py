"""The quote stage: who said what, when and where, direct or reported.

Reads the parse, the entities and the time expressions; assigns ``quotes``
(``parley.records.Quote``, ids "q1", "q2", ... in text order).

Conventions (see ``attribution.py``): ``start``/``end`` cover the content, and the
content of a direct quotation includes its quotation marks (PolNeAR's convention, which
scores best on its train split); ``fragments`` are the content's pieces when an
attribution interrupts it. ``date`` is the value of a DATE time expression in the
statement's sentence, never the publication date: a quote whose sentence names no date
has ``date`` null. ``venue`` is where the statement was made when the sentence says so.
"""

from __future__ import annotations

from spacy.tokens import Doc

from parley.quotes.attribution import Draft, SentenceIndex, find_drafts
from parley.quotes.lexicon import Lexicon, default_lexicon
from parley.quotes.speakers import SpeakerResolver
from parley.records import Article, Entity, Quote, Timex

__all__ = ["find_quotes"]


def find_quotes(
    doc: Doc,
    article: Article,
    entities: tuple[Entity, ...],
    timexes: tuple[Timex, ...],
    lexicon: Lexicon | None = None,
) -> tuple[Quote, ...]:
    """Every attribution in ``doc`` (a parse of ``article.text``) as a Quote record."""
    lex = lexicon or default_lexicon()
    if not len(doc):
        return ()
    sentences = SentenceIndex(doc)
    drafts = find_drafts(doc, lex, sentences)
    resolver = SpeakerResolver(doc, entities, lex, article.authors)
    text = sentences.text
    quotes: list[Quote] = []
    previous: Entity | None = None
    by_entity = {e.id: e for e in entities}
    for n, draft in enumerate(drafts, 1):
        speaker = resolver.resolve(draft.source, draft.source_token, previous)
        if speaker is not None:
            previous = speaker
        quotes.append(_record(n, draft, text, sentences, speaker, timexes, lex, by_entity))
    return tuple(quotes)


def _record(
    n: int,
    draft: Draft,
    text: str,
    sentences: SentenceIndex,
    speaker: Entity | None,
    timexes: tuple[Timex, ...],
    lex: Lexicon,
    by_entity: dict[str, Entity],
) -> Quote:
    start, end = draft.start, draft.end
    sentence = sentences.bounds(draft.anchor)
    speaker_text = text[draft.source[0] : draft.source[1]] if draft.source else None
    return Quote(
        id=f"q{n}",
        text=text[start:end],
        kind=draft.kind,  # type: ignore[arg-type]
        speaker=speaker.id if speaker is not None else None,
        speaker_text=speaker_text,
        speaker_span=draft.source,
        cue=text[draft.cue[0] : draft.cue[1]] if draft.cue else None,
        cue_span=draft.cue,
        date=None if draft.inherited else _date(sentence, draft, timexes),
        venue=_venue(text, sentence, draft, lex, by_entity),
        start=start,
        end=end,
        fragments=tuple(draft.content),
        cue_lemma=draft.cue_lemma,
        unbalanced=draft.unbalanced,
    )


def _outside_content(draft: Draft, start: int, end: int) -> bool:
    return not any(s <= start and end <= e for s, e in draft.content)


def _date(sentence: tuple[int, int], draft: Draft, timexes: tuple[Timex, ...]) -> str | None:
    """A DATE of the statement's own sentence, outside what was said; the nearest to the cue."""
    lo, hi = sentence
    if draft.cue is None:
        return None
    dates = [
        t
        for t in timexes
        if t.type == "DATE"
        and t.value[:1].isdigit()  # a calendar value, not PRESENT_REF and the like
        and lo <= t.start
        and t.end <= hi
        and _outside_content(draft, t.start, t.end)
    ]
    if not dates:
        return None
    return min(dates, key=lambda t: abs(t.start - draft.cue[0])).value  # type: ignore[index]


def _venue(
    text: str,
    sentence: tuple[int, int],
    draft: Draft,
    lex: Lexicon,
    by_entity: dict[str, Entity],
) -> str | None:
    """ "press conference", "opinion piece in the Washington Post", "the Voice of America"."""
    if draft.cue is None:
        return None
    if draft.addressee is not None:
        words = text[draft.addressee[0] : draft.addressee[1]]
        if any(w.strip("(),") in lex.media_words for w in words.split()):
            return words.rstrip(",")
    lo, hi = sentence
    lowered = text[lo:hi].lower()
    for phrase, venue in lex.venues:
        at = _find_word(lowered, phrase)
        if at < 0 or not _outside_content(draft, lo + at, lo + at + len(phrase)):
            continue
        rest = text[lo + at + len(phrase) : hi]
        after = rest.split()
        # "an opinion piece that ran in the Washington Post": name the outlet too.
        for i, w in enumerate(after[:6]):
            if w == "in" and i + 1 < len(after):
                name = _capitalised_run(after[i + 1 :])
                if name:
                    return f"{venue} in {name}"
        return venue
    return None


def _find_word(haystack: str, phrase: str) -> int:
    start = 0
    while True:
        at = haystack.find(phrase, start)
        if at < 0:
            return -1
        before = haystack[at - 1] if at else " "
        after_i = at + len(phrase)
        after = haystack[after_i] if after_i < len(haystack) else " "
        if not before.isalnum() and not after.isalnum():
            return at
        start = at + 1


def _capitalised_run(words: list[str]) -> str:
    out: list[str] = []
    for i, w in enumerate(words):
        bare = w.strip(",.;:")
        if i == 0 and bare.lower() == "the":
            out.append(bare)
            continue
        if not bare or not bare[0].isupper():
            break
        out.append(bare)
        if bare != w:
            break
    return " ".join(out) if len(out) > (1 if out and out[0].lower() == "the" else 0) else ""
