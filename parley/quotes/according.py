"""Pass 2: "according to X" and "in X's poll": the rest of the sentence is what X says."""

from __future__ import annotations

from spacy.tokens import Token

from parley.quotes.drafts import Draft, QuoteState, around, token_span, trim

__all__ = ["find_according", "find_in_polls"]


def find_according(state: QuoteState) -> list[Draft]:
    """Every "according to X" outside quotation marks; claims the quotations it holds."""
    doc = state.doc
    drafts: list[Draft] = []
    lowers = state.parse.lowers
    for i in [i for i, word in enumerate(lowers) if word == "according"]:
        if state.in_quote[i] >= 0:
            continue
        tok = doc[i]
        nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
        if nxt is None or nxt.lower_ != "to":
            continue
        pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if pobj is None or state.parse.lemmas[pobj.i] in state.lex.norm_nouns:
            continue  # "according to the law": in accordance with a norm, nobody's words
        draft = _rest_of_sentence(state, tok, nxt, pobj, "according to", needs_source=False)
        if draft is not None:
            drafts.append(draft)
    return drafts


def find_in_polls(state: QuoteState) -> list[Draft]:
    """Every "in <a poll>" on a sentence's main verb outside quotation marks ("In a CNN poll
    released Monday, Clinton led by five points", "Trump leads in the latest polls"): the
    rest of the sentence is the poll's finding, as after "according to the poll". PolNeAR
    marks these with "in" as the cue and the poll as the source (PolNeAR train: 52 such
    attributions the other passes missed). Only polls count (``survey_nouns``): "in his
    speech" or "in a statement" belong to the verb they hang on."""
    doc = state.doc
    drafts: list[Draft] = []
    for i in [i for i, word in enumerate(state.parse.lowers) if word == "in"]:
        tok = doc[i]
        if state.in_quote[i] >= 0 or tok.dep_ != "prep" or tok.head.dep_ != "ROOT":
            continue
        if tok.head.pos_ not in ("VERB", "AUX"):
            continue
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None or state.parse.lemmas[pobj.i] not in state.lex.survey_nouns:
            continue
        draft = _rest_of_sentence(state, tok, tok, pobj, "in", needs_source=True)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _rest_of_sentence(
    state: QuoteState, first: Token, last: Token, pobj: Token, lemma: str, *, needs_source: bool
) -> Draft | None:
    """The draft of a cue from ``first`` to ``last`` whose object ``pobj`` is the source and
    the rest of the sentence the content; claims the quotations that content holds. None
    when nothing is left of the sentence (or no source, when ``needs_source``)."""
    text = state.text
    s_start, s_end = state.parse.clipped_sentence_at(first.idx)
    words = [first, *([last] if last is not first else []), *pobj.subtree]
    a_start, a_end = token_span(words)
    a_end = min(a_end, s_end)
    frags = around(text, s_start, a_start, a_end, s_end)
    source = trim(text, pobj.left_edge.idx, a_end)
    if not frags or (needs_source and source is None):
        return None
    quotes = [i for f in frags for i in state.quotes_in(*f) if i not in state.claimed]
    state.claimed.update(quotes)
    return Draft(
        content=[state.close_quotes(f) for f in frags],
        source=source,
        cue=(first.idx, last.idx + len(last.text)),
        cue_lemma=lemma,
        kind="mixed" if quotes else "indirect",
        anchor=first.idx,
        source_token=pobj.i,
        cue_token=first.i,
        quoted=quotes,
        rule="according",
    )
