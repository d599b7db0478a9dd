"""Pass 2: "according to X": the rest of the sentence is what X says."""

from __future__ import annotations

from parley.quotes.drafts import Draft, QuoteState, around, token_span, trim

__all__ = ["find_according"]


def find_according(state: QuoteState) -> list[Draft]:
    """Every "according to X" outside quotation marks; claims the quotations it holds."""
    doc, text = state.doc, state.text
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
        s_start, s_end = state.parse.clipped_sentence_at(tok.idx)
        a_start, a_end = token_span([tok, nxt, *pobj.subtree])
        a_end = min(a_end, s_end)
        frags = around(text, s_start, a_start, a_end, s_end)
        if not frags:
            continue
        quotes = [i for f in frags for i in state.quotes_in(*f) if i not in state.claimed]
        state.claimed.update(quotes)
        drafts.append(
            Draft(
                content=[state.close_quotes(f) for f in frags],
                source=trim(text, pobj.left_edge.idx, a_end),
                cue=(tok.idx, nxt.idx + len(nxt.text)),
                cue_lemma="according to",
                kind="mixed" if quotes else "indirect",
                anchor=tok.idx,
                source_token=pobj.i,
                cue_token=tok.i,
                quoted=quotes,
                rule="according",
            )
        )
    return drafts
