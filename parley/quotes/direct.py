"""Pass 3: quotations in marks that no earlier pass claimed.

A quotation whose cue stands beside it ("“...,” said Yang Moo-jin") or in a lead-in ending
with a colon; one that continues the attribution before it (in the same paragraph, or the
next paragraph opening with a mark); and a floating quotation with no cue at all. A
quotation running over several paragraphs (``Quoted.continues``) is one content.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from parley.quotes.drafts import Draft, Frag, QuoteState, trim
from parley.quotes.marks import Quoted
from parley.quotes.syntax import (
    TITLE_WORDS,
    cue_of,
    cue_span,
    cue_tokens,
    right_of,
    source_span,
    subject,
)

__all__ = ["find_direct"]

_SHORT_QUOTE_WORDS = 4  # shorter quoted text needs a cue right beside it to be speech
_MIN_FLOATING_WORDS = 6  # a quote with no cue and no earlier speaker must be this long
_NEAR_WORDS = 3  # a cue at most this many words from the marks stands beside them


@dataclass(slots=True, eq=False)
class _Spoken:
    """The drafts with a speaker, ordered by where their content ends, so that "the last
    attribution before this quotation" is a bisection, not a scan of every draft. Keys are
    (end, -position): among drafts ending at the same place the earliest made wins."""

    drafts: list[Draft]
    keys: list[tuple[int, int]] = field(default_factory=list)
    position: dict[int, int] = field(default_factory=dict)  # id(draft) -> its index

    def add(self, draft: Draft) -> None:
        self.position[id(draft)] = len(self.drafts)
        self.drafts.append(draft)
        if draft.source is not None and draft.content:
            insort(self.keys, (draft.end, -self.position[id(draft)]))

    def extend(self, draft: Draft, frags: list[Frag], group: list[int]) -> None:
        """Add quoted spans to a draft's content, keeping the order by end."""
        pos = self.position[id(draft)]
        if draft.source is not None and draft.content:
            del self.keys[bisect_left(self.keys, (draft.end, -pos))]
        draft.content.extend(frags)
        draft.quoted.extend(group)
        if draft.source is not None:
            insort(self.keys, (draft.end, -pos))

    def before(self, offset: int) -> Draft | None:
        """The draft with a speaker whose content ends last at or before ``offset``."""
        i = bisect_right(self.keys, (offset, 1))
        return self.drafts[-self.keys[i - 1][1]] if i else None


def find_direct(state: QuoteState, drafts: list[Draft]) -> list[Draft]:
    """Attribute every unclaimed quotation: returns the new drafts, and adds quotations that
    continue an attribution to the content of that (possibly earlier) draft in ``drafts``."""
    spoken = _Spoken([])
    for draft in drafts:
        spoken.add(draft)
    by_cue: dict[int, Draft] = {d.cue_token: d for d in drafts if d.cue_token is not None}
    quoted, claimed = state.quoted, state.claimed
    i = 0
    while i < len(quoted):
        if i in claimed:
            i += 1
            continue
        group = [i]  # a quotation running over paragraphs is one content
        while quoted[group[-1]].continues and group[-1] + 1 < len(quoted):
            group.append(group[-1] + 1)
        i = group[-1] + 1
        if any(g in claimed for g in group):
            continue
        _attribute(state, group, by_cue, spoken)
    return spoken.drafts[len(drafts) :]


def _attribute(
    state: QuoteState, group: list[int], by_cue: dict[int, Draft], spoken: _Spoken
) -> None:
    quoted, text = state.quoted, state.text
    first, last = quoted[group[0]], quoted[group[-1]]
    frags = [(quoted[g].start, quoted[g].end) for g in group]
    words = sum(quoted[g].words(text) for g in group)
    unbalanced = any(quoted[g].unbalanced for g in group)
    verb = _nearby_cue(state, first, last)
    described = _described_speaker(state, verb, spoken, first) if verb is not None else None
    if described is not None:
        # '"A," said Mr. Ekovich, who noted that ... "B."': the relative clause describes
        # the speaker; B goes on with A, as PolNeAR marks it.
        spoken.extend(described, frags, group)
        state.claimed.update(group)
        return
    if verb is not None and _named_before(state, verb, first):
        return  # a title named in a phrase before the cue, not what was said
    if verb is not None and _show_after(state, verb, first, last):
        return  # the show or paper where the words were said, not the words
    if verb is not None:
        near = _cue_distance(state, verb, first, last) <= _NEAR_WORDS
        if words < _SHORT_QUOTE_WORDS and not near:
            return  # a scare quote or a title in marks, not speech
        known = by_cue.get(verb.i)
        if known is not None and _within(known.source, first, last):
            return  # a title in the speaker's own phrase ('a host of "The Five," said')
        if known is not None and known.kind != "indirect":
            spoken.extend(known, frags, group)
            state.claimed.update(group)
            return
        subj = subject(verb)
        if subj is None or state.in_quote[subj.i] >= 0:
            # A subject inside the marks is a word of what was said, misparsed ("“If it
            # doesn't ...,” said James Acton" gives "it" as the subject of "said").
            subj = (
                _subject_outside(state, verb)
                or _inverted_subject(state, verb)
                or (subj if subj is not None and state.in_quote[verb.i] >= 0 else None)
            )
        source = source_span(state, subj, verb) if subj is not None else None
        if _within(source, first, last):
            return  # a title in the speaker's phrase: "the “Harbour Hour” host said"
        front = _fronted_part(state, verb, source, first)
        lead = _complement_lead(state, verb, first)
        if lead is not None:
            frags = _complement_content(state, verb, lead, frags)
        draft = Draft(
            content=[front, *frags] if front is not None else frags,
            source=source,
            cue=cue_span(state, verb),
            cue_lemma=cue_of(state, verb) or verb.lemma_.lower(),
            kind="direct" if lead is None else "mixed",
            anchor=verb.idx,
            source_token=subj.i if subj is not None else None,
            cue_token=verb.i,
            unbalanced=unbalanced,
            quoted=list(group),
            rule="direct:cue" if lead is None else "direct:lead",
        )
        state.claimed.update(group)
        spoken.add(draft)
        by_cue[verb.i] = draft
        return
    if words < _SHORT_QUOTE_WORDS:
        return
    previous = spoken.before(first.start)
    if (
        previous is not None
        and previous.kind != "indirect"
        and text.find("\n", previous.end, first.start) < 0
    ):
        # "“A,” Mr. Sanders said. “B.”": PolNeAR keeps B in the same attribution.
        spoken.extend(previous, frags, group)
        state.claimed.update(group)
        return
    if (
        previous is not None
        and _paragraph_start(text, first.start)
        and _at_most_one_paragraph(text, previous.end, first.start)
    ):
        state.claimed.update(group)
        if previous.kind != "indirect":
            # A quotation carried on in the next paragraph continues the same attribution:
            # PolNeAR makes one content of all its paragraphs.
            spoken.extend(previous, frags, group)
            previous.unbalanced = previous.unbalanced or unbalanced
            return
        spoken.add(
            Draft(
                content=frags,
                source=previous.source,
                cue=None,
                cue_lemma=None,
                kind="direct",
                anchor=first.start,
                source_token=previous.source_token,
                unbalanced=unbalanced,
                inherited=True,
                quoted=list(group),
                rule="direct:inherited",
            )
        )
        return
    if words >= _MIN_FLOATING_WORDS and _sentence_like(text, first):
        state.claimed.update(group)
        spoken.add(
            Draft(
                frags,
                None,
                None,
                None,
                "direct",
                first.start,
                unbalanced=unbalanced,
                quoted=list(group),
                rule="direct:floating",
            )
        )


def _described_speaker(
    state: QuoteState, verb: Token, spoken: _Spoken, first: Quoted
) -> Draft | None:
    """The quotation before ``first`` whose speaker a relative clause holding ``verb``
    describes ('"A," said Tim Holm, organizer of a group which expects 5,000 to attend.'),
    in the same paragraph, the clause between the two quotations."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl" or verb.idx > first.start or clause.right_edge.idx >= first.start:
        return None  # after the marks, or the marks in the clause: 'who thinks X "need to"'

    noun = clause.head.idx
    # The nearest statement before the clause in the text: the drafts of the earlier rules
    # come first in ``spoken`` whatever their place, so the last one made may lie further back.
    before = [
        d
        for d in spoken.drafts
        if d.kind != "indirect" and d.source is not None and d.end <= verb.idx
    ]
    if not before:
        return None
    draft = max(reversed(before), key=lambda d: d.end)
    source = draft.source
    assert source is not None
    if source[0] <= noun < source[1] + 1 and "\n" not in state.text[draft.end : first.start]:
        return draft
    return None


def _fronted_part(
    state: QuoteState, verb: Token, source: Frag | None, first: Quoted
) -> Frag | None:
    """The words before a parenthetical cue that the quotation after it goes on from: "If
    the ferry stops, he said, “the island will starve.”", "The new crane, she said, “is a
    perfect example.”" A quotation opening in lower case continues the sentence, so what
    stands before the speaker is part of what was said (PolNeAR train: 18 of 19 such
    contents take it in); one opening with a capital starts its own ("Asked about the
    ferry, she said, “It will run.”": 25 of 29 leave the words before out), and so does a
    lone connective before the speaker. Words of several pieces ("Her remarks were aimed
    at critics, including, he said, “...”") end in the writer's own."""
    text = state.text
    inner = text[first.inner_start : first.inner_end].lstrip()
    if source is None or not inner or not inner[0].islower() or first.start < verb.idx:
        return None
    cue_start, cue_end = cue_span(state, verb)
    if text[cue_end : first.start].strip() != ",":
        return None
    comma = source[0]
    while comma > 0 and text[comma - 1].isspace():
        comma -= 1
    if comma == 0 or text[comma - 1] != "," or len(text[source[1] : cue_start].split()) > 1:
        return None
    sent = state.sentence_of(source[0])
    if not len(sent) or sent.start_char >= comma - 1:
        return None
    words = [t for t in sent if t.idx < comma - 1]
    if any(state.in_quote[t.i] >= 0 or t.text == "," for t in words):
        return None  # several pieces: the last is the writer's ("..., including, he said")
    if not any(_clause_word(t) for t in words):
        return None
    return trim(text, sent.start_char, comma - 1)


# What opens the writer's aside after a quotation: a comma, a semicolon, a dash, a bracket.
_ASIDE_OPENER = re.compile(r"[,;(\u2014\u2013]|\s-+\s")
# Dependents of a cue verb that stand between it and what was said without being part of
# it: "told Reuters he was “...”", "reported on Wednesday the agency had “...”".
_ASIDE_DEPS = frozenset({"prep", "npadvmod", "advmod", "dative", "agent", "prt", "neg", "punct"})


def _complement_lead(state: QuoteState, verb: Token, first: Quoted) -> int | None:
    """Where a quotation's content starts when the words between the cue verb and the
    opening mark begin the clause the marks complete: 'said she “isn't going anywhere”',
    'noting the nominee “makes ...”', 'asserting that the only explanation must be “...”',
    'called the plan “a disaster”'. PolNeAR starts such a content at the clause (its
    subject, or its "that"), not at the mark: on its train split, of the 40 quotations
    the marks pass took with their cue verb running into the marks with no punctuation
    between, 37 gold contents start before the marks. The verb's own modifiers before
    the clause ("told Reuters", "reported on Wednesday") stay out; a mark after a comma
    or a full stop opens a quotation of its own."""
    parse, doc = state.parse, state.doc
    lo, j = cue_span(state, verb)[1], bisect_left(parse.token_starts, first.start)
    k = bisect_left(parse.token_starts, lo)
    if verb.i >= k or k >= j or doc[j - 1].sent.start > verb.i:
        return None
    start = None
    for i in range(k, j):
        tok = doc[i]
        if tok.is_punct or state.in_quote[i] >= 0:
            return None
        child = tok
        while child.head.i != verb.i:
            if child.head.i == child.i:
                return None  # not in the verb's phrase at all
            child = child.head
        if start is None and child.dep_ not in _ASIDE_DEPS:
            start = parse.token_starts[i]
    if _own_words(doc, k, j, bisect_left(parse.token_starts, first.end)):
        return None
    return start


def _own_words(doc: Doc, k: int, j: int, end: int) -> bool:
    """Whether the words ``k`` to ``j`` before a quotation (``j`` to ``end``) are only its
    own phrase's, with no verb anywhere ('concluded the “mutual defense treaty”',
    'proclaimed an “emergency measure”'): a name or a scare quote in marks, whose
    determiner opens no clause; 'called the plan “a disgrace”' has a phrase of its own."""
    if any(t.pos_ in ("VERB", "AUX") for t in doc[k:end]):
        return False
    own = set(range(j, end))
    for i in range(j - 1, k - 1, -1):
        if doc[i].head.i not in own:
            return False
        own.add(i)
    return True


def _complement_content(state: QuoteState, verb: Token, lead: int, frags: list[Frag]) -> list[Frag]:
    """The clause from ``lead`` on, bounded as a cue verb's phrase is (``syntax.right_of``:
    to the end of the verb's phrase, before a coordinated verb, a time phrase or a
    participle clause on it): 'said she “isn't going anywhere” before the vote | and
    left'. The quotations of the group after it stay fragments of their own."""
    first = bisect_left(state.parse.token_starts, lead)
    frag = right_of(state, verb, first)
    if frag is None or frag[1] < frags[0][1]:
        return [(lead, frags[0][1]), *frags[1:]]
    start, stop = frag
    inside = [state.quoted[i] for i in state.quotes_in(start, stop)]
    for q in inside:
        stop = max(stop, q.end)
    # After the last quotation, a comma or a dash opens the writer's own aside ('“...,”
    # thus raising hopes', '“...” - except that ...'): the content ends before it.
    last = max((q for q in inside), key=lambda q: q.end, default=None)
    if last is not None and last.end < stop:
        text = state.text
        aside = _ASIDE_OPENER.search(text, last.end, stop)
        if text[last.inner_start : last.inner_end].rstrip().endswith(","):
            stop = last.end
        elif aside is not None:
            stop = (trim(text, start, aside.start()) or (start, last.end))[1]
    return [(start, stop), *(f for f in frags if f[0] >= stop)]


def _clause_word(tok: Token) -> bool:
    """A verb or a subject: words before a parenthetical cue that make a clause or its
    subject ("If she is elected", "The new crane") rather than a lone connective or
    adverbial ("But", "Still", "At the same time"), which PolNeAR mostly leaves out."""
    return tok.pos_ in ("VERB", "AUX") or tok.dep_ in ("nsubj", "nsubjpass", "expl")


def _within(span: Frag | None, first: Quoted, last: Quoted) -> bool:
    """Whether the quotations lie inside ``span``, a speaker's phrase: a title or a nickname
    in it (``syntax.source_span`` keeps them) is part of who speaks, not what was said."""
    return span is not None and span[0] <= first.start and last.end <= span[1]


def _named_before(state: QuoteState, verb: Token, q: Quoted) -> bool:
    """Whether the quotation is the object of a preposition of the cue verb that stands
    before it: "In “the people's order ...” given to the lawmakers, they said that ...", a
    document named where the words were said, not the words."""
    parse = state.parse
    i = bisect_left(parse.token_starts, q.start) - 1  # the word before the opening mark
    return (
        0 <= i < verb.i
        and parse.heads[i] == verb.i
        and parse.deps[i] == "prep"
        and parse.tags[i] == "IN"
    )


# Prepositions after which a quotation is what the cue names or says, not a venue.
_NAMING = frozenset({"as", "about"})


def _show_after(state: QuoteState, verb: Token, first: Quoted, last: Quoted) -> bool:
    """Whether a short quotation after the cue is named by a preposition or a possessive
    of the cue's own clause: "“...,” she said on “Meet the Press.” “...”", "he told ABC's
    “This Week.”": the show or paper where the words were said (PolNeAR leaves it out of
    the content on both sides of it), not a piece of what was said."""
    if first is not last or first.words(state.text) > TITLE_WORDS or first.start < verb.idx:
        return False
    parse = state.parse
    i = bisect_left(parse.token_starts, first.start) - 1  # the word before the opening mark
    if i <= verb.i or state.in_quote[i] >= 0:
        return False
    named = parse.tags[i] == "POS" or (
        parse.tags[i] == "IN" and parse.deps[i] == "prep" and parse.lemmas[i] not in _NAMING
    )
    return named and _sentence_like(state.text, first) and verb.is_ancestor(state.doc[i])


def _sentence_like(text: str, q: Quoted) -> bool:
    inner = text[q.inner_start : q.inner_end].strip()
    return bool(inner) and inner[0].isupper()


def _nearby_cue(state: QuoteState, first: Quoted, last: Quoted) -> Token | None:
    """A cue verb in the text around the quotation, within its sentences, or in a lead-in
    ending with a colon just before it."""
    doc, text = state.doc, state.text
    # The sentences around the marks, including the words right before and after them (the
    # parser often ends a sentence at a mark), within the paragraph. Whitespace is skipped
    # by hand: slicing the text up to each quotation made long articles quadratic.
    lead_end = first.start
    while lead_end > 0 and text[lead_end - 1].isspace():
        lead_end -= 1
    lead_at = lead_end - 1
    tail_at = last.end
    while tail_at < len(text) and text[tail_at].isspace():
        tail_at += 1
    spans = [state.sentence_of(first.start), state.sentence_of(max(first.start, last.end - 1))]
    if lead_at >= 0 and "\n" not in text[lead_at : first.start]:
        spans.append(state.sentence_of(lead_at))
    if tail_at < len(text) and "\n" not in text[last.end : tail_at + 1]:
        spans.append(state.sentence_of(tail_at))
    lo = min(sp.start for sp in spans)
    hi = max(sp.end for sp in spans)
    # A sentence boundary misplaced by a word ("said that | “if ...") must not hide the cue:
    # look one sentence further each way, for cues right beside the marks.
    wide_lo, wide_hi = lo, hi
    if lo > 0 and "\n" not in text[doc[lo - 1].idx : doc[lo].idx]:
        wide_lo = state.sentence_of(doc[lo - 1].idx).start
    if hi < len(doc) and "\n" not in text[doc[hi - 1].idx : doc[hi].idx]:
        wide_hi = state.sentence_of(doc[hi].idx).end
    candidates: list[Token] = []
    for tok in cue_tokens(state, wide_lo, wide_hi):
        if first.start <= tok.idx < last.end:
            continue
        if not lo <= tok.i < hi and _cue_distance(state, tok, first, last) > _NEAR_WORDS:
            continue
        candidates.append(tok)
    if not candidates and lead_end > 0 and text[lead_end - 1] == ":":
        sent = state.sentence_of(lead_end - 1)
        candidates = cue_tokens(state, sent.start, sent.end)
        if not candidates:
            lead = _lead_in_verb(state, sent.root, lead_end - 1)
            candidates = [lead] if lead is not None else []
    if not candidates:
        return None
    return min(candidates, key=lambda t: _cue_distance(state, t, first, last))


def _lead_in_verb(state: QuoteState, root: Token, colon: int) -> Token | None:
    """The main verb of a lead-in ending with a colon that no cue verb is in ("And Mr.
    Christie gloated: ...", "Sanders delivered a snappy retort: ..."): whoever does it says
    the quotation (PolNeAR marks its verb as the cue; without it the quotation floated with
    no speaker)."""
    if root.pos_ != "VERB" or root.idx >= colon or state.in_quote[root.i] >= 0:
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or state.in_quote[subj.i] >= 0 or subj.lower_ in ("it", "there"):
        return None
    return root


def _cue_distance(state: QuoteState, verb: Token, first: Quoted, last: Quoted) -> int:
    """Words between the cue and the nearest mark."""
    if verb.idx >= last.end:
        gap = state.text[last.end : verb.idx]
    else:
        gap = state.text[verb.idx + len(verb.text) : first.start]
    return len(gap.split())


# Verbs whose noun right after them is the one addressed, never the speaker ("told KCNA:").
_ADDRESSING = frozenset({"tell", "inform", "assure", "brief", "remind", "ask"})


def _subject_outside(state: QuoteState, verb: Token) -> Token | None:
    """A subject of the cue outside the marks when the parser gave it a second one inside
    ("“Happy new year!,” he tweeted" makes both "year" and "he" subjects of "tweeted")."""
    return next(
        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and state.in_quote[c.i] < 0),
        None,
    )


def _inverted_subject(state: QuoteState, verb: Token) -> Token | None:
    """ "..., said Yang Moo-jin": the proper noun right after the verb (none after a verb
    that addresses someone: in "..., a general officer, told KCNA:" KCNA is told). When and
    where it was said is no speaker: "..., she tweeted Friday", "..., he wrote on Twitter",
    "..., he said in response" (``_occasion_word``)."""
    doc = state.doc
    if state.parse.lemmas[verb.i] in _ADDRESSING:
        return None
    for tok in doc[verb.i + 1 : min(len(doc), verb.i + 4)]:
        if tok.pos_ in ("PROPN", "PRON", "NOUN") and state.in_quote[tok.i] < 0:
            if _occasion_word(tok):
                return None
            return tok if tok.dep_ not in ("compound",) else tok.head
    return None


def _occasion_word(tok: Token) -> bool:
    """A date or time ("Friday", "last week") or the object of a preposition ("on Twitter",
    "in response", "into the camera"): a word of the occasion, never the inverted speaker.
    The agent of a passive ("added by Republicans") stays."""
    head = tok.head if tok.dep_ == "compound" else tok
    if tok.ent_type_ in ("DATE", "TIME") or head.dep_ == "npadvmod":
        return True
    return head.dep_ == "pobj" and head.head.lower_ != "by"


def _paragraph_start(text: str, offset: int) -> bool:
    """Only whitespace stands between the paragraph's start and ``offset``."""
    j = offset
    while j > 0 and text[j - 1] != "\n" and text[j - 1].isspace():
        j -= 1
    return j == 0 or text[j - 1] == "\n"


def _at_most_one_paragraph(text: str, a: int, b: int) -> bool:
    """text[a:b] holds at most one line with words on it (stops at the second)."""
    seen = 0
    pos = a
    while pos <= b:
        stop = text.find("\n", pos, b)
        stop = b if stop < 0 else stop
        if text[pos:stop].strip():
            seen += 1
            if seen > 1:
                return False
        pos = stop + 1
    return True
