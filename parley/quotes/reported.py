"""Pass 1: reported speech through a cue verb (``data/cue_verbs.tsv``).

A cue verb with a clause or infinitive complement ("Pompeo urged China not to withdraw",
"Pence made clear that ..."): when that complement holds quoted text the attribution is
``mixed``, when it is only a quotation it is ``direct``; and parentheticals ("China's
cooperation, Pompeo said, would be ...").
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from parley.quotes.drafts import Draft, Frag, QuoteState, around, token_span, trim
from parley.quotes.syntax import (
    CONTENT_DEPS,
    content_of,
    cue_of,
    cue_span,
    cue_tokens,
    impersonal,
    occasion_clause,
    source_span,
    speaker_of,
    subject,
)

__all__ = ["find_reported"]


def find_reported(state: QuoteState) -> list[Draft]:
    """Every cue verb's attribution, in token order; claims the quotations it reports."""
    drafts: list[Draft] = []
    cued: set[int] = set()  # cue tokens that already have a draft
    doc, heads, lemmas, in_quote = (
        state.doc,
        state.lex.cue_heads,
        state.parse.lemmas,
        state.in_quote,
    )
    for i in [i for i, lemma in enumerate(lemmas) if lemma in heads and in_quote[i] < 0]:
        tok = doc[i]
        lemma = cue_of(state, tok)
        if lemma is None:
            continue
        cue = state.lex.cue_verbs[lemma]
        deps = state.parse.deps
        comps = [c for c in state.parse.children(i) if deps[c] in CONTENT_DEPS]
        if cue.frame != "any" and comps:
            comps = [] if deps[comps[0]] == "xcomp" else [c for c in comps if deps[c] != "xcomp"]
        if not comps and cue.cls in ("speech", "writing") and cue.frame != "quote":
            # "said at a news conference that ...": the clause the parser hung on the noun.
            clause = occasion_clause(tok)
            comps = [clause.i] if clause is not None else []
        draft: Draft | None = None
        if not comps and _asked_aside(tok):
            # "Asked if he was ever bullied, Berg said ...", the question parsed as an
            # adverbial clause: the question, put by someone the sentence does not name
            # (PolNeAR marks 23 of the 25 such "Asked" clauses on train, the question the
            # content, most with no source). A question parsed as the verb's clause keeps
            # the main clause's subject as its source, which PolNeAR also marks ("Asked
            # whether ..., 72 percent of Democrats said yes").
            question = next((c for c in tok.children if _question_clause(c)), None)
            frag = content_of(state, question, tok) if question is not None else None
            if frag is not None and tok.i not in cued:
                drafts.append(_question_draft(state, tok, lemma, frag))
                cued.add(tok.i)
            continue
        if not comps and lemma == "say" and (said := _said_answer(tok)) is not None:
            # "46 percent said yes", "26 percent said the same": the answer stands for what
            # was said (PolNeAR marks it the content).
            subj = speaker_of(state, tok)
            if subj is not None and subj.i < tok.i and tok.i not in cued:
                words = list(said.subtree)
                after = tok.doc[words[-1].i + 1] if words[-1].i + 1 < len(tok.doc) else None
                if said.lower_ == "same" and after is not None and after.lower_ in _OF_WHOM:
                    words += list(after.subtree)  # "said the same for Sanders": of whom
                draft = _content_draft(state, tok, lemma, subj, token_span(words), cue.cls)
                if draft is not None:
                    draft.addressee = None  # the object is what was said, not to whom
        elif not comps:
            # A thought set off as an aside is held only when its subject holds it.
            thought = cue.cls == "cognition"
            if (deps[i] == "parataxis" and (not thought or _held_aside(tok))) or (
                not thought and _as_aside(tok)
            ):
                draft = _parenthetical(state, tok, lemma)
        else:
            subj = speaker_of(state, tok)
            if subj is not None and subj.i == comps[0] < tok.i < comps[-1]:
                # "Jane Roe, a rabbi ..., said he ...": the parser made the speaker's phrase a
                # complement too (``syntax._lost_subject``); the clause after is the content.
                comps = comps[1:]
            if subj is None or subj.i == comps[0] or tok.i in cued:
                continue
            if _run_on_clause(state, doc[comps[0]], subj, tok) and comps[-1] > tok.i:
                comps = [c for c in comps if c > tok.i]
            # The first complement that says something: a sentence before the cue that
            # joined copy put in the same parse ("... the DPRK., The ... said that A") is
            # no content, the clause after the cue is.
            frag = next(
                (f for c in comps if (f := content_of(state, doc[c], tok)) is not None), None
            )
            if frag is None:
                continue
            draft = _content_draft(state, tok, lemma, subj, frag, cue.cls)
        if draft is not None:
            drafts.append(draft)
            cued.add(tok.i)
    return drafts


_ASIDE_DASHES = frozenset({"-", "—", "–", "--"})


def _run_on_clause(state: QuoteState, clause: Token, subj: Token, verb: Token) -> bool:
    """Whether a clause the parser hung on the cue before its subject runs into that
    subject with a dash or with nothing between ("The mayor was a planner - an aide said she
    ...", "He was so pleased he said she should ..."): the writer's own sentence, not what
    was said, when the cue has a clause after it too. After a comma the clause before is
    what was said ("The port is shut, the mayor said")."""
    if clause.i > verb.i or subj.i < clause.i:
        return False
    nxt = clause.right_edge.i + 1
    first = subj.left_edge.i
    if nxt >= first:
        return nxt == first and not state.doc[nxt].is_punct
    between = [t.text for t in state.doc[nxt:first]]
    return len(between) == 1 and between[0] in _ASIDE_DASHES


# Words that stand for a whole statement after "said": "said yes", "said so", "said the
# same" (PolNeAR marks the answer the content: on train 15 such attributions no pass had,
# 13 with the gold cue and 12 the gold content; inside marks the quotation is the content).
_ANSWERS = frozenset({"yes", "no", "so", "same"})
_OF_WHOM = frozenset({"of", "for", "about"})


def _said_answer(verb: Token) -> Token | None:
    """The word right after "said" (or after its "the") that answers for a statement."""
    doc = verb.doc
    j = verb.i + 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    if j >= len(doc) or doc[j].lower_ not in _ANSWERS or doc[j].head.i not in (verb.i, j):
        return None
    word = doc[j]
    if word.lower_ == "same" and j == verb.i + 1:
        return None  # "said same-day voting ...": no "the", no answer
    if word.lower_ == "so" and j + 1 < len(doc) and doc[j + 1].pos_ in ("ADJ", "ADV", "DET"):
        return None  # "said so many things", "said so far": "so" modifies what follows
    if word.lower_ == "no" and j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "ADJ", "DET"):
        return None  # "said no decision was made": the start of a clause's subject
    return word


def _asked_aside(verb: Token) -> bool:
    """ "Asked whether ...," opening its sentence, before the clause it hangs on."""
    return (
        verb.lemma_ == "ask"
        and verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and verb.i == verb.sent.start
    )


def _question_clause(tok: Token) -> bool:
    """A clause asking something: "whether ...", "if ...", "why ...", "what ..."."""
    if tok.dep_ not in ("ccomp", "advcl") or tok.i < tok.head.i:
        return False
    first = tok.left_edge
    return first.lower_ in ("whether", "if") or first.tag_ in ("WDT", "WP", "WP$", "WRB")


def _question_draft(state: QuoteState, verb: Token, lemma: str, frag: Frag) -> Draft:
    quotes = [i for i in state.quotes_in(*frag) if i not in state.claimed]
    state.claimed.update(quotes)
    return Draft(
        content=[frag],
        source=None,
        cue=cue_span(state, verb),
        cue_lemma=lemma,
        kind="mixed" if quotes else "indirect",
        anchor=verb.idx,
        cue_token=verb.i,
        quoted=quotes,
        rule="reported",
    )


def _content_draft(
    state: QuoteState, verb: Token, lemma: str, subj: Token, frag: Frag, cls: str
) -> Draft | None:
    quotes = [i for i in state.quotes_in(*frag) if i not in state.claimed]
    words_outside = state.has_words_outside_quotes(frag[0], frag[1], quotes)
    kind = "indirect" if not quotes else "mixed" if words_outside else "direct"
    if cls == "cognition" and kind != "indirect":
        return None
    state.claimed.update(quotes)
    addressee = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    if impersonal(verb, subj):
        # "It will be hard to explain why ...": the writer's judgement, said by no one.
        return Draft(
            content=[frag],
            source=None,
            cue=cue_span(state, verb),
            cue_lemma=lemma,
            kind=kind,
            anchor=verb.idx,
            cue_token=verb.i,
            quoted=quotes,
            act=True,
            rule="reported",
        )
    return Draft(
        content=_fragments_of(state, frag, quotes) if kind == "direct" else [frag],
        source=source_span(state, subj, verb),
        cue=cue_span(state, verb),
        cue_lemma=lemma,
        kind=kind,
        anchor=verb.idx,
        source_token=subj.i,
        cue_token=verb.i,
        unbalanced=any(state.quoted[i].unbalanced for i in quotes),
        addressee=source_span(state, addressee, verb) if addressee is not None else None,
        quoted=quotes,
        rule="reported",
    )


def _fragments_of(state: QuoteState, frag: Frag, quotes: list[int]) -> list[Frag]:
    """A direct content made of several quoted spans keeps each as a fragment."""
    if len(quotes) <= 1:
        return [frag]
    return [(state.quoted[i].start, state.quoted[i].end) for i in quotes]


def _as_aside(verb: Token) -> bool:
    """ "As Berg said, the two boards have become rivals": a clause opened by "as" that opens
    its sentence (after "But" or "And" at most) says what the main clause says: on PolNeAR
    train 32 of 44 such clauses on a cue verb mark a content overlapping the rest of the
    sentence, 12 of them exactly. Inside a sentence ("The same way, as you pointed out,
    ...") or after the main clause ("... as they say in baseball") it is rarely so."""
    if verb.dep_ != "advcl" or verb.i > verb.head.i:
        return False
    first = verb.left_edge
    opens = first.i == verb.sent.start or (
        first.i == verb.sent.start + 1 and verb.doc[first.i - 1].dep_ == "cc"
    )
    return opens and first.lower_ == "as" and first.dep_ == "mark" and first.head.i == verb.i


# Verbs of thought that, set off as an aside, say what someone holds ("Such efforts, they
# believe, will fail"); "you know", "I think" and an imperative "(think X)" only hedge.
_HOLDING_ASIDES = frozenset({"believe", "think", "fear", "expect", "suspect", "hope", "worry"})
_HEDGING_SUBJECTS = frozenset({"i", "you", "we"})


def _held_aside(verb: Token) -> bool:
    """Whether a verb of thought set off between commas reports what its subject holds:
    "His leverage, they believe, isn't going anywhere", "Ryan's endorsement, many think,
    is a matter of time" (PolNeAR marks these as it marks "he said"). Its subject stands
    right before it and is no hedging "I", "you" or "we" ("..., I think, ...")."""
    subj = subject(verb)
    return (
        verb.lemma_ in _HOLDING_ASIDES
        and subj is not None
        and subj.i < verb.i
        and subj.head.i == verb.i
        and subj.lower_ not in _HEDGING_SUBJECTS
    )


def _writers_before(state: QuoteState, verb: Token, s_start: int, a_start: int, a_end: int) -> bool:
    """Whether a parenthetical cue stands inside one statement that holds quotations: words
    of the sentence outside the marks come before it, and what follows it goes on with them
    ("Cost estimates, he added, were “far too low.”", "In other words, he said, “the era is
    over.”"). PolNeAR's content is then the sentence around the cue, marks and all. A
    quotation its cue interrupts ("“We are,” he said, “going back.”") is left to the marks
    pass, and so is one opening with a capital right after the cue, which starts a sentence
    of its own ("On the show Tuesday, he said, “I never said that.”": the words before are
    the occasion, left out)."""
    before = trim(state.text, s_start, a_start)
    if before is None:
        return False
    if not state.has_words_outside_quotes(before[0], before[1], state.quotes_in(*before)):
        return False
    starts = state.parse.token_starts
    if cue_tokens(state, bisect_left(starts, before[0]), bisect_left(starts, before[1])):
        return False  # another attribution before it ("as she echoed it, saying ...")
    text = state.text
    j = a_end
    while j < len(text) and (text[j].isspace() or text[j] == ","):
        j += 1
    for i in state.quotes_in(verb.idx, j + 1):
        q = state.quoted[i]
        if q.start > verb.idx:
            inner = text[q.inner_start : q.inner_end].lstrip()
            return bool(inner) and not inner[0].isupper()
    return True


_FULL_STOPS = frozenset(".!?")


def _start_after_quotation(state: QuoteState, s_start: int, a_start: int) -> int:
    """``s_start``, or the end of a quotation before the cue that ends its own sentence
    inside its marks, which the parser ran into this one ("“You never see one here.”
    Perhaps, he said, the town has grown."): the statement around the cue starts after it."""
    text = state.text
    for i in state.quotes_in(s_start, a_start):
        q = state.quoted[i]
        inner = text[q.inner_start : q.inner_end].rstrip()
        if q.end < a_start and inner and inner[-1] in _FULL_STOPS:
            s_start = q.end
    return s_start


def _end_before_next_quotation(state: QuoteState, a_end: int, s_end: int) -> int:
    """``s_end``, or the full stop after the cue where a quotation opens a sentence of its
    own that the parser ran into this one ("In any case, she said, the market is full.
    “It was waiting for a recession,” she said."): that quotation has its own cue."""
    text = state.text
    pos = a_end
    for i in state.quotes_in(a_end, s_end):
        q = state.quoted[i]
        if q.start > pos:
            k = q.start
            while k > pos and text[k - 1].isspace():
                k -= 1
            if k > pos and text[k - 1] in _FULL_STOPS:
                return k
        pos = max(pos, q.end)
    return s_end


def _parenthetical(state: QuoteState, verb: Token, lemma: str) -> Draft | None:
    """ "X, Pompeo said, would be helpful": the content is the rest of the sentence."""
    subj = subject(verb)
    if subj is None:
        return None
    s_start, s_end = state.parse.clipped_sentence_at(verb.idx)
    a_start, a_end = token_span(list(verb.subtree))
    first = verb.left_edge.i
    if first == verb.sent.start + 1 and verb.doc[first - 1].dep_ == "cc":
        a_start = verb.doc[first - 1].idx  # "But as X said, A": A alone, no "But" piece
    a_start, a_end = max(a_start, s_start), min(a_end, s_end)
    aside = _as_aside(verb)
    if state.quotes_in(s_start, s_end) and not aside:
        s_start = _start_after_quotation(state, s_start, a_start)
        if not _writers_before(state, verb, s_start, a_start, a_end):
            return None  # direct quotations are handled with their marks
        s_end = _end_before_next_quotation(state, a_end, s_end)
    frags = around(state.text, s_start, a_start, a_end, s_end)
    if not frags:
        return None
    # "As Lind put it: “...”": the quotation after an opening "as" clause is what it says.
    frags = [state.close_quotes(f) for f in frags]
    quotes = [i for f in frags for i in state.quotes_in(*f) if i not in state.claimed]
    kind = "indirect"
    if quotes:
        outside = any(state.has_words_outside_quotes(f[0], f[1], quotes) for f in frags)
        kind = "mixed" if outside else "direct"
        state.claimed.update(quotes)
    return Draft(
        content=frags,
        source=source_span(state, subj, verb),
        cue=cue_span(state, verb),
        cue_lemma=lemma,
        kind=kind,
        quoted=quotes,
        anchor=verb.idx,
        source_token=subj.i,
        cue_token=verb.i,
        rule="parenthetical",
    )
