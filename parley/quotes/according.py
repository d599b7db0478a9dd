"""Pass 2: "according to X", "in X's poll" and "..., records show": the rest of the sentence
is what X says."""

from __future__ import annotations

from spacy.tokens import Span, Token

from parley.quotes.drafts import Draft, QuoteState, around, token_span, trim

__all__ = ["find_according", "find_in_polls", "find_records_show", "find_reportedly"]


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


# The forms of the verbs by which a record or a poll tells its finding after the finding
# ("..., FEC records show."). Forms, not lemmas: the parser often tags "show" after a plural
# noun as a noun ("records show" read as a compound), and its lemma then stays "show".
_FINDING_FORMS = frozenset(
    {
        "show", "shows", "showed",
        "reveal", "reveals", "revealed",
        "indicate", "indicates", "indicated",
        "suggest", "suggests", "suggested",
        "find", "finds", "found",
    }
)  # fmt: skip
_ASIDE_ENDS = frozenset({".", ",", ";", "!", ")"})
_LONGEST_RECORD = 12  # tokens between the comma and the verb: "FEC records compiled by ..."


def find_records_show(state: QuoteState, drafts: list[Draft]) -> list[Draft]:
    """Every finding put before the records or polls that show it, as an aside after a comma:
    "The committee raised $5 million, election records show.", "In May, tax records show,
    the firm moved." The rest of the sentence is what the records show (PolNeAR marks the
    verb the cue and the records the source; on train this pass adds 13 attributions the
    other passes missed, 11 with the gold cue, 12 the gold source, 10 the gold content).
    The parser reads these asides poorly ("records show" as one noun, "fundraising" as a
    verb), so the shape is read from the words; the subject must be a record or a poll
    (``record_nouns``, ``survey_nouns``): "..., he found" is left to the verb passes.
    ``drafts`` are the earlier passes' (a verb that is already a cue is skipped)."""
    doc, lowers, lemmas = state.doc, state.parse.lowers, state.parse.lemmas
    nouns = state.lex.record_nouns | state.lex.survey_nouns
    cued = {d.cue_token for d in drafts if d.cue_token is not None}
    found: list[Draft] = []
    for i in [i for i, word in enumerate(lowers) if word in _FINDING_FORMS]:
        if i in cued or state.in_quote[i] >= 0 or i + 1 >= len(doc):
            continue
        if lowers[i + 1] not in _ASIDE_ENDS and not doc[i + 1].is_sent_start:
            continue
        sent = doc[i].sent
        reach = range(i - 1, max(sent.start, i - _LONGEST_RECORD - 1), -1)
        comma = next((j for j in reach if lowers[j] == ","), None)
        if comma is None or comma + 1 >= i:
            continue
        record = doc[comma + 1 : i]
        if not any(lemmas[t.i] in nouns for t in record):
            continue
        if record[0].dep_ in ("cc", "mark") or record[0].lower_ in ("as", "and", "but", "which"):
            continue  # "..., as polls show": another aside, read by the verb passes
        if doc[comma - 1].dep_ == "cc":
            continue  # "... and, records show, does not": the finding is only what follows
        if any(t.is_quote or (t.is_punct and t.lower_ not in (".", "-")) for t in record):
            continue
        around_it = (*doc[sent.start : comma], *doc[i + 1 : sent.end])
        if not any(t.pos_ in ("VERB", "AUX") for t in around_it):
            continue  # no clause around the aside: "Records, budgets, reports show."
        draft = _finding(state, record, doc[i])
        if draft is None:
            continue
        found.append(draft)
    return found


def _finding(state: QuoteState, record: Span, verb: Token) -> Draft | None:
    """The draft of "<record> <verb>" set off in its sentence: the rest of the sentence is the
    content (two pieces when the aside stands inside it); claims the quotations it holds."""
    text, doc = state.text, state.doc
    s_start, s_end = state.parse.clipped_sentence_at(verb.idx)
    first = doc[verb.sent.start]
    if first.dep_ == "cc" and first.idx >= s_start:
        s_start = first.idx + len(first.text)  # "But X did Y, records show": no "But"
    after = verb.i + 2
    if after < verb.sent.end and doc[verb.i + 1].lower_ == "," and doc[after].dep_ == "cc":
        s_end = doc[verb.i + 1].idx  # "X, records show, and experts say Y": Y is theirs
    a_start, a_end = record[0].idx, verb.idx + len(verb.text)
    frags = around(text, s_start, a_start, a_end, s_end)
    source = trim(text, a_start, record[-1].idx + len(record[-1].text))
    if not frags or source is None:
        return None
    return _claimed(
        state, frags, source, (verb.idx, a_end), state.parse.lemmas[verb.i], record.root.i, verb.i
    )


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
    return _claimed(
        state, frags, source, (first.idx, last.idx + len(last.text)), lemma, pobj.i, first.i
    )


def _claimed(
    state: QuoteState,
    frags: list[tuple[int, int]],
    source: tuple[int, int] | None,
    cue: tuple[int, int],
    lemma: str,
    source_token: int,
    cue_token: int,
) -> Draft:
    """The draft of a content in ``frags`` attributed through ``cue``, claiming the
    quotations the content holds (they are this draft's, not another pass's)."""
    quotes = [i for f in frags for i in state.quotes_in(*f) if i not in state.claimed]
    state.claimed.update(quotes)
    return Draft(
        content=[state.close_quotes(f) for f in frags],
        source=source,
        cue=cue,
        cue_lemma=lemma,
        kind="mixed" if quotes else "indirect",
        anchor=cue[0],
        source_token=source_token,
        cue_token=cue_token,
        quoted=quotes,
        rule="according",
    )


# Adverbs by which the writer passes on what unnamed others report ("The FBI is reportedly
# making arrangements"): PolNeAR marks the adverb as the cue, no source, and the clause
# without the adverb as the content (PolNeAR train: 19 of the 29 "reportedly" are so
# marked, the rest mostly inside another attribution or not marked at all). "allegedly" and
# "apparently" are not: PolNeAR marks 2 of 12 and 5 of 35.
_HEARSAY_ADVERBS = frozenset({"reportedly"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
# A clause after a comma on the verb: its own act ("..., leaving progressives fearful").
_CLAUSE_AFTER = frozenset({"advcl", "acl", "parataxis", "relcl", "ccomp"})


def find_reportedly(state: QuoteState, drafts: list[Draft]) -> list[Draft]:
    """Every "X has reportedly done Y" outside quotation marks whose verb no draft in
    ``drafts`` already has as its cue: the clause, less the adverb, is what is reported
    ("The company has | taken heat ..."), from its subject to the end of the verb's phrase,
    without what comes before the subject ("In total, ...") nor a clause after a comma.
    Only a verb with a subject, its own or that of the verb it is coordinated with. The
    drafts are marked ``act``: hearsay passed on by the writer, said by no one named."""
    doc, lowers = state.doc, state.parse.lowers
    found: list[Draft] = []
    cued = {d.cue_token for d in drafts if d.cue_token is not None}
    for i in [i for i, word in enumerate(lowers) if word in _HEARSAY_ADVERBS]:
        adverb = doc[i]
        verb = adverb.head
        if state.in_quote[i] >= 0 or adverb.dep_ != "advmod" or verb.i in cued:
            continue
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        frags = _hearsay_clause(state, adverb, verb)
        if frags:
            found.append(
                Draft(
                    content=frags,
                    source=None,
                    cue=(adverb.idx, adverb.idx + len(adverb.text)),
                    cue_lemma=lowers[i],
                    kind="indirect",
                    anchor=adverb.idx,
                    cue_token=i,
                    rule="according",
                    # The writer's hearsay: PolNeAR's attribution, but no one's statement
                    # (docs/annotation.md counts statements with a speaker only).
                    act=True,
                )
            )
    return found


def _hearsay_clause(state: QuoteState, adverb: Token, verb: Token) -> list[tuple[int, int]]:
    """The pieces of ``verb``'s clause around ``adverb``: its subject, then the verb's
    phrase to its end or to a clause after a comma; empty when no subject is found or a
    piece holds a quotation mark."""
    doc = state.doc
    subject = next((c for c in verb.lefts if c.dep_ in _SUBJECT_DEPS), None)
    first = verb
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.lefts if c.dep_ in _SUBJECT_DEPS), None)
        first = next((c for c in verb.lefts if c.dep_ not in ("cc", "punct")), verb)
    if subject is None:
        return []
    last = verb.right_edge.i
    for child in verb.rights:
        if child.dep_ in _CLAUSE_AFTER and doc[child.left_edge.i - 1].text in (",", ";"):
            last = min(last, child.left_edge.i - 2)
            break
    keep = set(range(subject.left_edge.i, subject.right_edge.i + 1))
    start = first.left_edge.i if first is not verb else subject.right_edge.i + 1
    keep.update(range(start, last + 1))
    keep.discard(adverb.i)
    s_start, s_end = state.parse.clipped_sentence_at(adverb.idx)
    frags: list[tuple[int, int]] = []
    for i in sorted(keep):
        tok = doc[i]
        if tok.idx < s_start or tok.idx >= s_end:
            continue  # a parse that ran two sentences or paragraphs together
        if tok.is_quote:
            return []
        piece = (tok.idx, tok.idx + len(tok.text))
        if frags and i - 1 in keep:
            frags[-1] = (frags[-1][0], piece[1])
        else:
            frags.append(piece)
    return [f for f in (trim(state.text, a, b) for a, b in frags) if f is not None]
