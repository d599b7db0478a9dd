"""The quote stage: who said what, when and where, direct or reported.

Reads the parse (``ParseIndex``), the entity mentions (``MentionIndex``) and the time
expressions; assigns ``quotes`` (``parley.records.Quote``, ids "q1", "q2", ... in text
order). ``QuoteResources.load`` reads the stage's data files once; the caller keeps them.

Conventions (see ``attribution.py``): ``start``/``end`` cover the content, and the
content of a direct quotation includes its quotation marks (PolNeAR's convention, which
scores best on its train split); ``fragments`` are the content's pieces when an
attribution interrupts it. ``date`` is the value of a DATE time expression in the
statement's sentence, never the publication date: a quote whose sentence names no date
has ``date`` null. ``venue`` is where the statement was made when the sentence says so.
"""

from __future__ import annotations

from parley.nlp.index import MentionIndex, ParseIndex
from parley.quotes.attribution import find_drafts
from parley.quotes.build import DateFinder, build_quote
from parley.quotes.resources import QuoteResources
from parley.quotes.speakers import SpeakerResolver
from parley.records import Article, Quote, Timex

__all__ = ["QuoteResources", "find_quotes"]


def find_quotes(
    parse: ParseIndex,
    mentions: MentionIndex,
    article: Article,
    timexes: tuple[Timex, ...],
    resources: QuoteResources,
) -> tuple[Quote, ...]:
    """Every attribution in the parse of ``article.text`` as a Quote record."""
    if not len(parse.doc):
        return ()
    drafts = find_drafts(parse, resources)
    resolver = SpeakerResolver(parse, mentions, resources.lexicon, article.authors)
    dates = DateFinder(timexes)
    speakers = resolver.speakers(drafts)
    for draft in drafts:
        if not draft.act and resolver.thing_speaks(draft):
            draft.act = True  # "the fact shows that ...": evidence, said by no one
    return tuple(
        build_quote(n, draft, parse, speaker, dates, resources.lexicon)
        for n, (draft, speaker) in enumerate(zip(drafts, speakers, strict=True), 1)
    )
