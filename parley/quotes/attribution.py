"""Find attributions: content, source and cue spans, from quotation marks and the parse.

The passes run in this order, each claiming quoted spans so that no quotation is reported
twice (the order decides who gets a quotation two passes could take):

1. ``reported.find_reported``: reported speech through a cue verb, and parentheticals;
2. ``frames.find_framed``: learned frames (verbs, passives, nouns and adjectives that
   PolNeAR marks), then ``frames.merge_chains`` joins "is expected to endorse";
3. ``according.find_according``, ``find_in_polls`` and ``find_records_show``: "according
   to X", "in X's poll", "..., records show";
4. ``direct.find_direct``: quotations in marks with a cue beside them or a lead-in colon,
   quotations continuing the attribution before them, floating quotations;
5. ``headlines.find_headlines``: "Graham: Trump's rhetoric ...", transcript lines; then
   ``find_headline_verbs``: "Senator Doe Endorses Smith".

Then "X quoted Y as saying ..." becomes one attribution voiced by Y, learned and belief
attributions nested inside another's content go, datelines are cut from the front of contents and
sources, and the drafts are ordered by where their content starts.
Offsets follow PolNeAR's conventions, measured on its train split: the content of a direct
quote includes its quotation marks (and the punctuation inside them).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from spacy.tokens import Token

from parley.nlp.index import ParseIndex
from parley.quotes.according import (
    find_according,
    find_in_polls,
    find_records_show,
    find_reportedly,
)
from parley.quotes.blocks import apply_blocks
from parley.quotes.bounds import choose_bounds
from parley.quotes.direct import find_direct
from parley.quotes.discourse import Contents
from parley.quotes.drafts import DATELINE, TENSED_TAGS, Draft, Frag, QuoteState, trim
from parley.quotes.features import draft_features
from parley.quotes.frames import find_framed, merge_chains
from parley.quotes.headlines import find_headline_verbs, find_headlines
from parley.quotes.reported import find_reported
from parley.quotes.resources import QuoteResources
from parley.quotes.syntax import after_missed_end, source_span

__all__ = [
    "Draft",
    "candidate_drafts",
    "extend_colon_contents",
    "find_drafts",
    "fold_continuations",
    "mark_non_statements",
    "replace_sources_inside_content",
    "take_inverted_speakers",
    "take_relative_pronouns",
    "take_trailing_reporters",
    "take_voiced_attitudes",
]


def find_drafts(parse: ParseIndex, resources: QuoteResources) -> list[Draft]:
    """Every attribution of the parsed text, ordered by where its content starts: the
    rules' candidates, less those the attribution model (when the resources hold one)
    judges not to be attributions, their sources and cues bounded by the boundary chooser
    (when the resources hold one, ``bounds.py``), those that state nothing marked ``act``
    (``mark_non_statements``), then the statement blocks (``blocks.py``)."""
    state = QuoteState.build(parse, resources)
    drafts = candidate_drafts(state)
    if resources.model is not None and drafts:
        keep = resources.model.keep([draft_features(state, d) for d in drafts])
        drafts = [d for d, kept in zip(drafts, keep, strict=True) if kept]
    # After the model, which was never trained on them (no source, an adverb for a cue).
    hearsay = find_reportedly(state, drafts)
    if resources.boundaries is not None and drafts:
        choose_bounds(state, drafts, resources.boundaries)
    if hearsay or resources.boundaries is not None:
        drafts.extend(hearsay)
        drafts.sort(key=lambda d: (d.start, d.end))
    # After the model and the chooser, which know each half but not the two as one.
    drafts = _fold_text_participles(state, drafts)
    drafts = fold_nested_voice(state, drafts)
    take_relative_pronouns(state, drafts)
    take_quoted_subjects(state, drafts)
    take_voiced_attitudes(state, drafts)
    fold_continuations(state, drafts)
    take_inverted_speakers(state, drafts)
    take_trailing_reporters(state, drafts)
    replace_sources_inside_content(state, drafts)
    drop_empty_sources(state, drafts)
    mark_non_statements(state, drafts)
    drafts = extend_colon_contents(state, drafts)
    return apply_blocks(state, drafts)


# Quotation marks that open a quoted sentence: the words after a colon that open with one are
# quoted speech, found and bounded by the passes on quotations.
_OPENING_MARKS = frozenset("“\"'‘«„")


def extend_colon_contents(state: QuoteState, drafts: list[Draft]) -> list[Draft]:
    """ "X said: We share the grief. We will stand by them.": a cue ending with a colon
    introduces what follows to the end of its paragraph, not only the first sentence (the
    parser gives the cue the first sentence alone). The content is extended unless the
    rest of the paragraph is quoted or holds another statement of its own; the acts and
    stances found inside it are the speaker's words and are dropped (a statement block,
    ``blocks.py``, does the same for whole paragraphs)."""
    text = state.text
    dropped: set[int] = set()
    for draft in drafts:
        if draft.act or draft.cue is None or id(draft) in dropped:
            continue
        colon = _colon_after(text, draft.cue[1])
        start, end = draft.start, draft.end
        if colon is None or start < colon or text[start] in _OPENING_MARKS:
            continue
        if "\n" in text[colon:start]:
            continue  # a paragraph ending with the colon: a statement block
        stop = text.find("\n", end)
        rest = trim(text, end, len(text) if stop < 0 else stop)
        if rest is None or text[rest[0]] in _OPENING_MARKS:
            continue
        inside = [d for d in drafts if d is not draft and rest[0] <= d.start < rest[1]]
        if any(not d.act or d.quoted for d in inside):
            continue
        draft.content[-1] = (draft.content[-1][0], rest[1])
        dropped.update(id(d) for d in inside)
    return [d for d in drafts if id(d) not in dropped] if dropped else drafts


def _colon_after(text: str, end: int) -> int | None:
    """The offset just after the colon that ends a cue at ``end`` ("said:", "noted :")."""
    at = end - 1 if end > 0 and text[end - 1] == ":" else end
    while at < len(text) and text[at] == " ":
        at += 1
    return at + 1 if at < len(text) and text[at] == ":" else None


# Heads of a noun phrase's modifiers: climbed to reach the phrase's own head.
_NOUN_MODIFIERS = frozenset({"compound", "det", "amod", "poss", "nummod", "nmod", "flat"})
# Verbs whose noun after them is whom they address ("..., told Politico that ..."), no speaker.
_ADDRESSING_VERBS = frozenset({"tell", "inform", "assure", "brief", "remind", "ask"})


def take_inverted_speakers(state: QuoteState, drafts: list[Draft]) -> None:
    """Read "The contrast with him, said Doyle and others, would be clear" as PolNeAR does:
    the speaker is the phrase after the cue, what was said the words on either side ("The
    contrast with him" + "would be clear"). The parser makes the phrase before the comma the
    cue's subject and the speaker a subject inside the complement (or a second subject of
    the cue), so the rules gave the words before the comma as the speaker. Only a cue right
    after a comma, followed by a noun phrase that is a subject and is closed by a comma or
    the sentence's end ("Others, however, say a recalibration is overdue" stays), and not a
    verb that addresses whom it names ("..., told Politico that ..."), and a finite verb: a
    participle ("Democrats, fearing the consequences, failed ...") has no such inversion."""
    parse, doc, text = state.parse, state.doc, state.text
    for draft in drafts:
        v = draft.cue_token
        src = draft.source
        if v is None or src is None or draft.cue is None or v + 1 >= len(doc) or v == 0:
            continue
        verb, comma = doc[v], doc[v - 1]
        if comma.text != "," or draft.cue != (verb.idx, verb.idx + len(verb.text)):
            continue
        if parse.lemmas[v] in _ADDRESSING_VERBS or src[1] > comma.idx:
            continue
        if parse.tags[v] not in TENSED_TAGS:
            continue  # a participle ("X, fearing the consequences, failed") has no inversion
        head = doc[v + 1]
        while head.dep_ in _NOUN_MODIFIERS and head.head.i > head.i:
            head = head.head
        if head.dep_ not in _SUBJECTS or head.pos_ not in ("PROPN", "NOUN"):
            continue
        if any(state.in_quote[t.i] >= 0 for t in head.subtree) or head.left_edge.i != v + 1:
            continue
        last = head.right_edge
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if last.text not in (",", ".") and (after is None or after.text not in (",", ".")):
            continue
        s_start, s_end = parse.clipped_sentence_at(verb.idx)
        speaker = source_span(state, head, verb)
        before = trim(text, s_start, comma.idx)
        if before is None or before[1] - before[0] < 2:
            continue
        rest = trim(text, speaker[1], s_end)
        draft.source, draft.source_token = speaker, head.i
        draft.content = [before] + ([rest] if rest is not None else [])


# Words after a trailing reporter that say when it reported ("..., reported X on Friday.").
_WHEN_DEPS = frozenset({"prep", "npadvmod"})
_WHEN_PREPS = frozenset({"on", "in", "at", "from"})


def take_trailing_reporters(state: QuoteState, drafts: list[Draft]) -> None:
    """Read "Police seized 202 kilograms of hashish, reported the Anatolia news agency." as
    the agency reporting the clause before the comma. The parser makes the cue a second verb
    of that clause ("seized ..., reported") with the reporter its object, so the rules gave
    the clause's subject as the speaker and the reporter as what was said. Only a finite
    speech verb right after a comma, coordinated with a verb before it and with no subject
    or clause of its own, whose object is a name (or a noun phrase holding one, or a noun of
    people or bodies) that closes the sentence, bar when it reported."""
    parse, doc, text = state.parse, state.doc, state.text
    for draft in drafts:
        v = draft.cue_token
        if v is None or v < 3 or doc[v - 1].text != ",":
            continue
        verb = doc[v]
        cue = state.lex.cue_verbs.get(parse.lemmas[v])
        if cue is None or cue.cls == "cognition" or parse.lemmas[v] in _ADDRESSING_VERBS:
            continue
        if parse.tags[v] not in TENSED_TAGS or verb.dep_ != "conj" or verb.head.i > v:
            continue
        if any(c.dep_ in _SUBJECTS or c.dep_ in ("ccomp", "xcomp", "mark") for c in verb.children):
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or obj.left_edge.i != v + 1 or not _reporter(state, obj):
            continue
        s_start, s_end = parse.clipped_sentence_at(verb.idx)
        rest = [c for c in verb.rights if c.i != obj.i and c.dep_ != "punct"]
        if any(
            c.dep_ not in _WHEN_DEPS or (c.dep_ == "prep" and c.lower_ not in _WHEN_PREPS)
            for c in rest
        ):
            continue  # "..., reported the theft to the police": no reporter
        last = max([obj.right_edge.i] + [c.right_edge.i for c in rest])
        if (last + 1 < len(doc) and doc[last + 1].text not in (".", "!")) or doc[last].idx > s_end:
            continue
        comma = doc[v - 1].idx
        cut = after_missed_end(state, s_start, comma)
        if text[cut : cut + 1].isdigit() or text[cut : cut + 1].islower():
            cut = s_start  # "surged to 52. 6 billion dollars": a typo, no sentence end
        before = trim(text, cut, comma)
        if before is None or before[1] - before[0] < 2:
            continue
        draft.source, draft.source_token = source_span(state, obj, verb), obj.i
        draft.content, draft.act = [_after_dateline(text, before)], False


def _reporter(state: QuoteState, noun: Token) -> bool:
    """Whether ``noun`` can be one who reports: a name, a noun phrase holding a name ("the
    semi-official Anatolia news agency"), or a noun of people or bodies."""
    if noun.pos_ == "PROPN":
        return True
    if noun.pos_ != "NOUN":
        return False
    return noun.lower_ in state.lex.agent_nouns or any(t.pos_ == "PROPN" for t in noun.lefts)


def replace_sources_inside_content(state: QuoteState, drafts: list[Draft]) -> None:
    """Give another speaker to a draft whose speaker lies inside its own content: no one is
    a word of what they said. The parser makes a word of a quotation the subject of the cue
    ('"My apologies, I'm sorry," Quick said' gives "apologies"; '"... the emails, the
    foundation," said a person close to them' gives "foundation") or the object of a verb
    of naming the subject of its complement ("called him "a feminist"" gives "him"). The
    cue's subject outside the content speaks; with none, the draft has no speaker. On 750
    PolNeAR train articles all 34 such speakers were wrong."""
    doc = state.doc
    for draft in drafts:
        src = draft.source
        if src is None or not any(a <= src[0] and src[1] <= b for a, b in draft.content):
            continue
        draft.source, draft.source_token = None, None
        if draft.cue_token is None:
            continue
        verb = doc[draft.cue_token]
        for child in verb.children:
            at = child.idx
            if child.dep_ in _SUBJECTS and not any(a <= at < b for a, b in draft.content):
                draft.source, draft.source_token = source_span(state, child, verb), child.i
                break


# A relative pronoun that stands for a word of the content: "a sentence, which he said | was
# not a prison sentence", "Rubio, who he dubbed | the little senator".
_RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})
_RELATIVE_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd"})


def take_relative_pronouns(state: QuoteState, drafts: list[Draft]) -> None:
    """Put in front of a content the relative pronoun that opens its attribution when the
    pronoun stands for a word of the content ("the probe, which | investigators said | were
    covered up ..."): PolNeAR's contents hold it (on its train split 141 of the 154 "which",
    "who" or "whom" just before a source and cue and after no preposition; 12 of 62 after
    one: "in which he said" is no part of what was said). The pronoun must be a subject or
    object of the cue or of a word of the content and follow no preposition."""
    parse = state.parse
    lowers, deps, heads, pos = parse.lowers, parse.deps, parse.heads, parse.pos
    for draft in drafts:
        if not draft.content or draft.cue is None or draft.cue_token is None:
            continue
        lead = draft.cue[0] if draft.source is None else min(draft.cue[0], draft.source[0])
        if draft.content[0][0] < lead:
            continue
        first = parse.token_covering(lead)
        if first is None or first == 0:
            continue
        t = first - 1
        if lowers[t] not in _RELATIVE_PRONOUNS or deps[t] not in _RELATIVE_ROLES:
            continue
        if t > 0 and pos[t - 1] == "ADP":
            continue
        head_at = parse.token_starts[heads[t]]
        if heads[t] != draft.cue_token and not any(a <= head_at < b for a, b in draft.content):
            continue
        draft.content.insert(0, (parse.token_starts[t], parse.token_ends[t]))


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def take_quoted_subjects(state: QuoteState, drafts: list[Draft]) -> None:
    """Start a content at the subject standing right before its opening mark when the marks
    open on that subject's predicate, with no cue between: 'The event “was the first time
    ...,” he said', 'the fact that the race “is a dead heat,” as Cruz said'. The subject's
    head is the subject of a verb inside the marks; PolNeAR's contents start at the
    subject (its left edge): on its train split this changed 11 contents, 6 to the gold's
    exactly and none away from it; the other 5 (a cue before the subject, 'After all, she
    added, Republicans “...”') come nearer the gold, which starts further back. A quotation
    opening with a capital starts its own sentence: the word before it is no subject of it."""
    parse, doc, text = state.parse, state.doc, state.text
    for draft in drafts:
        if not draft.content:
            continue
        k, (start, stop) = min(enumerate(draft.content), key=lambda p: p[1])
        opening = state.quotes_in(start, start + 1)
        if not opening or state.quoted[opening[0]].start != start:
            continue  # the content does not open with a mark
        n = opening[0]
        first = state.quoted[n]
        inner = text[first.inner_start : first.inner_end].lstrip()
        if not inner or not inner[0].islower():
            continue
        j = bisect_left(parse.token_starts, start)  # the opening mark's token
        if j == 0 or j >= len(doc) or doc[j - 1].is_punct or state.in_quote[j - 1] >= 0:
            continue
        head = doc[j - 1]
        while head.dep_ not in _SUBJECTS and head.head.i != head.i and head.head.i < j:
            head = head.head  # up the subject's phrase, never past the marks
        if head.dep_ not in _SUBJECTS or state.in_quote[head.head.i] != n:
            continue  # not the subject of a word of the quotation
        left = head.left_edge.i
        if head.right_edge.i != j - 1 or left < state.sentence_of(start).start:
            continue
        lead = parse.token_starts[left]
        if any(state.in_quote[i] >= 0 for i in range(left, j)) or any(
            span is not None and span[0] < start and span[1] > lead
            for span in (draft.cue, draft.source)
        ):
            continue  # another quotation, the cue or the speaker between
        draft.content[k] = (lead, stop)


# Verbs that voice an attitude named by their object noun ("expressed concern about X").
_VOICING_VERBS = frozenset({"express", "voice"})
# Prepositions after such a noun that name whom it is addressed to, not what it is about
# ("expressed thanks to the president", "condolences to the family").
_ADDRESSING_PREPS = frozenset({"to"})


def take_voiced_attitudes(state: QuoteState, drafts: list[Draft]) -> None:
    """Move the attitude noun of "expressed concern about X", "voiced support for X",
    "expressed doubt that X" from the content into the cue: PolNeAR's cue runs from the verb
    through the noun and its preposition, and the content is what the attitude is about (the
    clause, or the preposition's object). On its train split this moved 23 contents and 27
    cues to the gold's exactly and 6 and 8 away from it (gold keeps the noun in the content
    of "expressed admiration for X", "expressed outrage that X"). A noun someone's own or
    definite ("expressed their support for X", "voiced the frustration of many") stays in
    the content, as PolNeAR mostly leaves it (4 of 5 on train); so does a noun whose
    preposition names whom it is addressed to ("expressed thanks to the president")."""
    doc, parse = state.doc, state.parse
    for draft in drafts:
        verb = draft.cue_token
        if verb is None or draft.cue is None or len(draft.content) != 1:
            continue
        if parse.lemmas[verb] not in _VOICING_VERBS:
            continue
        start, end = draft.content[0]
        first = bisect_left(parse.token_starts, start)
        if first <= verb or first >= len(doc) or draft.cue[1] > start:
            continue
        obj = doc[first]
        while obj.head.i != verb and obj.head.i != obj.i and obj.i < obj.head.i:
            obj = obj.head  # from the noun's first word ("deep", "an") up to the noun
        if obj.head.i != verb or obj.dep_ != "dobj" or obj.pos_ != "NOUN":
            continue
        if obj.left_edge.i != first or obj.i + 1 >= len(doc):
            continue
        if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in obj.lefts):
            continue
        after = doc[obj.i + 1]
        if (
            after.dep_ == "prep"
            and after.head.i == obj.i
            and after.lower_ not in _ADDRESSING_PREPS
            and any(g.dep_ in ("pobj", "pcomp") for g in after.children)
        ):
            cue_end, content_start = after.idx + len(after.text), after.i + 1
        elif (
            after.lower_ == "that"
            and after.dep_ == "mark"
            and after.head.dep_ in ("acl", "ccomp")
            and after.head.head.i == obj.i
        ):
            cue_end, content_start = obj.idx + len(obj.text), after.i
        else:
            continue
        new_start = parse.token_starts[content_start]
        if new_start >= end:
            continue
        draft.cue = (draft.cue[0], cue_end)
        draft.content = [(new_start, end)]


# Verbs whose subject "it" stands for no one: "it seems ...", "it appears that ...".
_HEDGING_VERBS = frozenset({"seem", "appear"})


def drop_empty_sources(state: QuoteState, drafts: list[Draft]) -> None:
    """Take the source from a draft whose source is an "it" that names no one: the subject
    of "seem" or "appear" ("It seems the party has ...", "it appears that ...") or the
    empty subject of a passive cue with a clause after it ("It was revealed in March that
    ...", "it's been reported that ..."). PolNeAR marks these with no source; on its 840
    train articles 25 such "it" sources stood where the gold has none or another phrase,
    none where the gold has the "it". The speaker resolver already gives them no one."""
    parse = state.parse
    for draft in drafts:
        at = draft.source_token
        if at is None or draft.source is None or parse.lowers[at] != "it":
            continue
        start, end = draft.source
        if end - start != 2:
            continue  # the source is more than the pronoun
        verb = parse.heads[at]
        if verb == at or verb != draft.cue_token:
            continue
        lemma = parse.lemmas[verb]
        if lemma in _HEDGING_VERBS or (
            parse.deps[at] in ("nsubjpass", "expl")
            and parse.tags[verb] == "VBN"
            and any(parse.deps[c] == "ccomp" for c in parse.children(verb))
        ):
            draft.source, draft.source_token = None, None


def mark_non_statements(state: QuoteState, drafts: list[Draft]) -> None:
    """Mark ``act`` the attributions that report no statement of anyone, though PolNeAR marks
    them (so they stay, for its figures): the writer's own "I" or "we", a thought supposed
    rather than reported, a name given by a participle ('a show called "Brokers"'), and a
    direct quote that is only a title or a scare quote ('posted "The Great Leader Is with
    Us"', 'the much-touted "principled dialogue"'); what a request asks for is said, however
    short ('their call for "adherence to principles"')."""
    contents = Contents(drafts)
    for n, draft in enumerate(drafts):
        cue = state.lex.cue_verbs.get(draft.cue_lemma or "")
        request = cue is not None and cue.cls == "request"
        draft.act = draft.act or (
            _writers_own(state, contents, n, draft)
            or _nobody(state, draft.source_token)
            or _joint_act(state, draft)
            or _hypothetical(state, draft.cue_token)
            or _demanded(state, draft.cue_token)
            or _in_question(state, draft.cue_token)
            or (draft.cue_lemma == "charge" and _charged_with(state, draft.cue_token))
            or (draft.cue_lemma == "conclude" and _concluded_thing(state, draft.cue_token))
            or _purpose(state, draft.cue_token)
            or (cue is not None and cue.cls == "cognition" and _thought_supposed(state, draft))
            or (cue is not None and cue.cls == "cognition" and _impersonal(state, draft))
            or (_impersonal(state, draft) and _hedged(state, draft.cue_token))
            or _that_said(state, draft)
            or _as_was_said(state, draft)
            or (draft.cue_lemma in _NAMING and _naming_participle(state, draft.cue_token))
            or _gathering_participle(state, draft.cue_token)
            or (
                draft.cue_lemma == "call"
                and bool(draft.quoted)
                and all(state.is_name(q, naming=True) or state.is_title(q) for q in draft.quoted)
                and _naming_call(state, draft.cue_token)
            )
            or (
                draft.rule == "direct:floating"
                and all(_phrase_in_sentence(state, q) for q in draft.quoted)
            )
            or (
                draft.kind == "direct"
                and bool(draft.quoted)
                and all(
                    state.is_title(q) or (not request and state.is_name(q, draft.cue_token))
                    for q in draft.quoted
                )
            )
        )


def _writers_own(state: QuoteState, contents: Contents, n: int, draft: Draft) -> bool:
    """Whether draft ``n`` is the writer's own first person ("We do not know how many ...",
    "I refuse to answer ..."): an "I" or "we" outside quotation marks and outside anyone's
    reported words, which is nobody's reported statement."""
    at = draft.source_token
    return (
        at is not None
        and state.parse.lowers[at] in _FIRST_PERSON
        and state.in_quote[at] < 0
        and contents.enclosing(n, draft) is None
    )


_WH_OBJECTS = frozenset({"what", "which", "whom"})


def _naming_call(state: QuoteState, verb: int | None) -> bool:
    """Whether "call" names a thing rather than says a word of someone: in the passive
    ('Latin America, which was called "tranquil backyard"') or with a relative object ('what
    it called "contingency"', the writer's "so-called"). 'He called him a "liar"' says it."""
    if verb is None:
        return False
    parse = state.parse
    return any(
        parse.deps[c] == "auxpass"
        or (parse.deps[c] in ("dobj", "nsubjpass") and parse.lowers[c] in _WH_OBJECTS)
        for c in parse.children(verb)
    )


# Gatherings and actions a participle can describe ("a rally calling for ...").
_GATHERINGS = frozenset(
    {"rally", "demonstration", "protest", "meeting", "march", "struggle", "campaign", "strike",
     "vigil", "procession", "sit-in", "picket", "action", "movement", "gathering"}
)  # fmt: skip


def _gathering_participle(state: QuoteState, verb: int | None) -> bool:
    """Whether the cue is a participle describing a gathering or an action ("the 113th
    candlelight rally calling for impeaching Yoon took place", "held a rally demanding the
    nullification of ..."): the writer names the event by its aim, nobody is reported to
    say anything (what its speakers said comes in their own attributions)."""
    if verb is None:
        return False
    parse = state.parse
    return (
        parse.deps[verb] == "acl"
        and parse.tags[verb] == "VBG"
        and parse.lemmas[parse.heads[verb]] in _GATHERINGS
    )


# What ends a sentence before a quotation that opens one of its own.
_SENTENCE_ENDS = frozenset(".!?:;")


def _phrase_in_sentence(state: QuoteState, i: int) -> bool:
    """Whether quoted span ``i``, which no cue introduces, is a phrase of the writer's
    sentence rather than words set apart: it has no verb of its own and stands inside a
    sentence, after words of it ('held under the theme of "IT and digital development and
    cooperation"', 'holding it responsible for the "Cheonan warship and Yonphyong Island
    cases"'). A name or a slogan, no statement."""
    q = state.quoted[i]
    text = state.text
    j = q.start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or text[j - 1] == "\n" or text[j - 1] in _SENTENCE_ENDS:
        return False
    parse = state.parse
    starts, pos, deps = parse.token_starts, parse.pos, parse.deps
    lo, hi = bisect_left(starts, q.inner_start), bisect_left(starts, q.inner_end)
    return not any(
        pos[t] in ("VERB", "AUX") and deps[t] not in ("amod", "compound") for t in range(lo, hi)
    )


_CONDITIONAL_MODALS = frozenset({"will", "would", "'ll", "'d", "might", "could"})


def _hypothetical(state: QuoteState, verb: int | None) -> bool:
    """Whether the cue is said only in a supposed case ("If you don't believe them, the Post
    will accuse you of ...", "If asked, he would say that ..."): a condition on a verb in the
    future or the conditional, which reports what someone would say, not what was said."""
    if verb is None:
        return False
    parse = state.parse
    children = parse.children(verb)
    modal = any(parse.deps[c] == "aux" and parse.lowers[c] in _CONDITIONAL_MODALS for c in children)
    # The condition may sit on the first of coordinated verbs ("If ..., X will brand you a
    # liar and Y will accuse you of ...").
    if parse.deps[verb] == "conj":
        children = children + parse.children(parse.heads[verb])
    return modal and any(
        parse.deps[c] == "advcl"
        and any(
            parse.deps[g] == "mark" and parse.lowers[g] in _SUPPOSING_MARKS
            for g in parse.children(c)
        )
        for c in children
    )


def _demanded(state: QuoteState, verb: int | None) -> bool:
    """Whether the cue is what someone ought to say, not what was said ("The government
    must urge Japan to pay", "they should call for talks"): under "must", "should" or
    "ought" the writer demands the act. "He must have said ..." (a perfect) says it was."""
    if verb is None:
        return False
    parse = state.parse
    aux = [c for c in parse.children(verb) if parse.deps[c] in ("aux", "auxpass")]
    return any(parse.lowers[c] in _DEMANDING_MODALS for c in aux) and not any(
        parse.lemmas[c] == "have" for c in aux
    )


def _in_question(state: QuoteState, verb: int | None) -> bool:
    """Whether the cue stands, outside quotation marks, in a question ("Why should those
    who call for peace be branded traitors?", "How should one call the rulers ...?"): the
    writer asks, and a question reports no statement of its subject. The first end mark
    after the cue and outside quotation marks decides (a parse may run a question into the
    next paragraph); 'He asked: "Why?"' quotes a question, which is someone's words."""
    if verb is None or state.in_quote[verb] >= 0:
        return False
    # The words are read off the parse index's offsets: a spaCy token for each word to the
    # sentence's end cost more than the rest of this test.
    parse = state.parse
    text, starts, ends = parse.text, parse.token_starts, parse.token_ends
    for i in range(verb + 1, parse.sentence_end_token(verb)):
        if state.in_quote[i] >= 0:
            continue
        word = text[starts[i] : ends[i]]
        if word in _END_MARKS:
            return word == "?"
        if word == ":" or "\n" in word or _paragraph_commas(parse, i):
            # 'said: Where should I lay it?' asks in the speaker's words; a new paragraph
            # is another sentence, whatever the parse ran together.
            return False
    return False


_END_MARKS = frozenset({".", "?", "!"})


def _paragraph_commas(parse: ParseIndex, i: int) -> bool:
    """Whether token ``i`` is the first of two commas in a row: a paragraph break in agency
    copy whose line breaks were flattened (", , "), which prose never writes."""
    text, starts, ends = parse.text, parse.token_starts, parse.token_ends
    return (
        text[starts[i] : ends[i]] == ","
        and i + 1 < len(starts)
        and text[starts[i + 1] : ends[i + 1]] == ","
    )


def _charged_with(state: QuoteState, verb: int | None) -> bool:
    """Whether "charge" is a legal charge or a task ("has been charged with bribery",
    "sectors are charged with making breakthroughs"): an act done to its object, not words
    said; the charging prosecutors' words are not quoted."""
    if verb is None:
        return False
    parse = state.parse
    return any(parse.deps[c] == "prep" and parse.lowers[c] == "with" for c in parse.children(verb))


def _concluded_thing(state: QuoteState, verb: int | None) -> bool:
    """Whether "conclude" ends or makes a thing rather than draws a conclusion ("the two
    countries concluded a trade agreement", "the session concluded its work"): with a
    direct object it is a deed; "concluded that ..." and 'concluded: "..."' stay said."""
    if verb is None:
        return False
    parse = state.parse
    return any(parse.deps[c] == "dobj" for c in parse.children(verb))


_PURPOSE_VERBS = frozenset({"aim", "intend", "design"})


def _purpose(state: QuoteState, verb: int | None) -> bool:
    """Whether the cue gives a thing's purpose in the passive ("This is aimed to abduct
    more Koreans", "it is intended to realize ..."): the writer's reading of a plan or a
    deed, nobody's statement ("he intends to run" stays, a person's stated intention)."""
    if verb is None:
        return False
    parse = state.parse
    if parse.deps[verb] == "xcomp":
        verb = parse.heads[verb]  # "is intended to realize": one cue, joined by merge_chains
    return parse.lemmas[verb] in _PURPOSE_VERBS and any(
        parse.deps[c] == "auxpass" for c in parse.children(verb)
    )


_NOBODY = frozenset({"nobody", "none", "noone"})


def _nobody(state: QuoteState, source: int | None) -> bool:
    """Whether the source is nobody ("No one can guess when ...", "Nobody can deny that
    ..."): the writer's rhetoric, no one's statement."""
    if source is None:
        return False
    parse = state.parse
    word = parse.lowers[source]
    return word in _NOBODY or (
        word == "one"
        and any(parse.lowers[c] == "no" and parse.deps[c] == "det" for c in parse.children(source))
    )


def _joint_act(state: QuoteState, draft: Draft) -> bool:
    """Whether the parties of a meeting together do something rather than say it ("Both
    sides reaffirmed their will to ...", "The two sides agreed to continue the talks"): an
    event between them, no one speaker's statement (docs/annotation.md). What they say
    together in a clause ("The two sides agreed that ...") stays a statement."""
    if not _joint(state, draft.source_token) or not draft.content:
        return False
    start, end = draft.content[0]
    span = state.parse.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    clause = root.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECTS for c in root.children)
    return not clause


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _joint(state: QuoteState, source: int | None) -> bool:
    """Whether the source is the parties of a meeting together: a plural head counted as
    both or two ("both sides", "the two ministers"), or the sides of a talk."""
    if source is None:
        return False
    parse = state.parse
    if parse.tags[source] not in _PLURAL_TAGS and parse.lowers[source] != "both":
        return False
    if parse.lemmas[source] == "side" or parse.lowers[source] == "both":
        return True
    return any(
        parse.lowers[c] in _BOTH_OR_TWO and parse.deps[c] in ("det", "predet", "nummod")
        for c in parse.children(source)
    )


_BOTH_OR_TWO = frozenset({"both", "two"})


# Verbs that name as well as say: 'a show called "Brokers"', 'a plan dubbed "Green Bay"'.
_NAMING = frozenset({"call", "dub", "name", "title", "entitle", "label"})


def _naming_participle(state: QuoteState, verb: int | None) -> bool:
    """Whether the cue is a participle that names the noun it hangs on ("a comedy called
    "The Sons of the Mayor""), rather than a verb of saying with its own subject."""
    if verb is None:
        return False
    parse = state.parse
    return parse.deps[verb] == "acl" and parse.tags[verb] == "VBN"


# What makes a thought supposed rather than reported: "if they think ...", "they should
# know that ...", "You, traitors, don't think ...".
_SUPPOSING_MARKS = frozenset({"if", "unless", "whether"})
_DEMANDING_MODALS = frozenset({"should", "must", "ought"})


def _thought_supposed(state: QuoteState, draft: Draft) -> bool:
    """Whether a verb of thought is supposed, demanded or addressed to someone rather than
    reported of its subject: in a condition ("The warmongers are mistaken if they think
    ..."), under "should" or "must" ("The group should clearly know that ..."), or said to
    "you" or as an order ("You, traitors, don't think you can escape", "Know that ...").
    Nobody is reported to hold such a thought, so it is no statement."""
    verb = draft.cue_token
    if verb is None:
        return False
    parse = state.parse
    lowers, deps = parse.lowers, parse.deps
    subject = None
    for c in parse.children(verb):
        if deps[c] == "mark" and lowers[c] in _SUPPOSING_MARKS:
            return True
        if deps[c] == "aux" and lowers[c] in _DEMANDING_MODALS:
            return True
        if deps[c] in ("nsubj", "nsubjpass"):
            subject = c
    if subject is None:
        return deps[verb] == "ROOT" and parse.tags[verb] == "VB"  # an order: "Know that ..."
    return lowers[subject] == "you"


def _impersonal(state: QuoteState, draft: Draft) -> bool:
    """Whether a verb of knowing or thinking is held by nobody named: passive with no
    subject but "it" ("It is well known that ...", "It was already known that ..."). The
    writer's claim that a thing is common knowledge, no one's statement."""
    verb, source = draft.cue_token, draft.source_token
    if verb is None:
        return False
    parse = state.parse
    if source is not None and not (
        parse.lowers[source] == "it" and parse.deps[source] in ("expl", "nsubjpass")
    ):
        return False
    return any(parse.deps[c] == "auxpass" for c in parse.children(verb))


# Modals of the writer's own hedged or urged claim: "it can be said that", "it must be noted".
_CLAIM_MODALS = frozenset({"can", "could", "may", "might", "must", "should"})


def _hedged(state: QuoteState, verb: int | None) -> bool:
    """Whether the cue carries a modal ("it can be said that ...", "it must be stressed
    that ..."): with no subject but "it", the writer's own claim, said by no one else."""
    if verb is None:
        return False
    parse = state.parse
    return any(
        parse.deps[c] == "aux" and parse.lowers[c] in _CLAIM_MODALS for c in parse.children(verb)
    )


def _that_said(state: QuoteState, draft: Draft) -> bool:
    """Whether the cue is the writer's "That said, ..." (having said that): "that" is what
    the writer just wrote, and what follows is the writer's own sentence."""
    verb, source = draft.cue_token, draft.source_token
    if verb is None or source is None or draft.cue_lemma != "say":
        return False
    parse = state.parse
    doc = parse.doc
    return (
        parse.lowers[source] == "that"
        and source + 1 == verb
        and doc[source].is_sent_start is True
        and verb + 1 < len(doc)
        and doc[verb + 1].text == ","
        and not any(parse.deps[c] in ("aux", "auxpass") for c in parse.children(verb))
    )


def _as_was_said(state: QuoteState, draft: Draft) -> bool:
    """Whether the cue is an "as" clause with no subject ("As already reported, ...", "As
    was stressed on several occasions, ..."): the writer pointing back at what was said
    before, whose speaker it does not name; what follows is the writer's own sentence. One
    that names its speaker ("As reported by the Treasury, ...") stays."""
    verb = draft.cue_token
    if verb is None or draft.source_token is not None:
        return False
    parse = state.parse
    children = parse.children(verb)
    return any(parse.deps[c] == "mark" and parse.lowers[c] == "as" for c in children) and not any(
        parse.deps[c] in _SUBJECTS or parse.deps[c] == "agent" for c in children
    )


def candidate_drafts(state: QuoteState) -> list[Draft]:
    """The rules' attributions, ordered by where their content starts."""
    parse = state.parse
    drafts = find_reported(state)
    drafts += find_framed(state, {d.cue_token for d in drafts if d.cue_token is not None})
    drafts = merge_chains(state, drafts)
    drafts += find_according(state)
    drafts += find_in_polls(state)
    drafts += find_records_show(state, drafts)
    drafts += find_direct(state, drafts)
    drafts += find_headlines(state, drafts)
    drafts += find_headline_verbs(state, drafts)
    drafts = [d for d in drafts if d.content and not _aside(state, d.cue_token)]
    drafts = _quoted_as_saying(state, drafts)
    # A learned-frame or belief attribution inside what someone else says ("showed no sign
    # that he was planning to apologize", "said most voters think ...") is rarely annotated
    # on its own.
    cues = {d.cue_token for d in drafts if d.cue_token is not None}
    drafts = _drop_nested(drafts, lambda d: d.learned or _inner_belief(state, d, cues))
    text = parse.text
    for d in drafts:
        d.content = sorted({_after_dateline(text, f) for f in d.content})
        if d.source is not None:
            d.source = _after_dateline(text, d.source)
    return sorted(drafts, key=lambda d: (d.start, d.end))


# Set phrases that add a point in passing, not a statement of anyone: "..., to say nothing
# of the cost", "not to mention the roads", "not to speak of the poor". PolNeAR marks none of
# them as a cue.
_ASIDE_VERBS = frozenset({"say", "mention", "speak"})
_ASIDE_OPENERS = frozenset({",", ";", "—", "–", "--", "-", "("})


def _aside(state: QuoteState, verb: int | None) -> bool:
    """Whether the cue is such a phrase: a bare infinitive with no subject, opening its
    sentence or set off by a comma or dash, that is "to say nothing (of)" or negated ("not
    to mention"); "He chose not to mention it" and "decided to say nothing" are statements
    withheld, and stay."""
    if verb is None:
        return False
    parse = state.parse
    if parse.lemmas[verb] not in _ASIDE_VERBS or parse.tags[verb] != "VB":
        return False
    children = parse.children(verb)
    if not any(parse.deps[c] == "aux" and parse.lowers[c] == "to" for c in children):
        return False
    if any(parse.deps[c] in ("nsubj", "nsubjpass") for c in children):
        return False
    negated = any(parse.deps[c] == "neg" for c in children)
    nothing = parse.lemmas[verb] == "say" and any(
        parse.deps[c] == "dobj" and parse.lowers[c] == "nothing" for c in children
    )
    if not (negated or nothing):
        return False
    first = min((c for c in children if c < verb), default=verb)
    return parse.starts_sentence(first) or parse.lowers[first - 1] in _ASIDE_OPENERS


def _quoted_as_saying(state: QuoteState, drafts: list[Draft]) -> list[Draft]:
    """ "The agency quoted a witness as saying he saw ...": one attribution, as PolNeAR
    marks it (source the agency, cue "quoted", content "a witness as saying ..."), whose
    voice is the one quoted; the "saying" inside it is no attribution of its own."""
    doc = state.doc
    lemmas = state.parse.lemmas
    inner: set[int] = set()
    for draft in drafts:
        if draft.cue_token is None or lemmas[draft.cue_token] != "quote":
            continue
        verb = doc[draft.cue_token]
        quoted = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if quoted is None:
            continue
        for prep in (*verb.children, *quoted.children):
            if prep.dep_ != "prep" or prep.lower_ != "as":
                continue
            saying = next(
                (c for c in prep.children if c.dep_ in ("pcomp", "pobj") and c.tag_ == "VBG"),
                None,
            )
            if saying is None:
                continue
            inner.add(saying.i)
            end = (
                prep.idx
                if prep.head.i == quoted.i
                else quoted.right_edge.idx + len(quoted.right_edge.text)
            )
            draft.voice = ((quoted.left_edge.idx, end), quoted.i)
            draft.act = False  # what the one quoted said, not a deed done to them
            break
    if not inner:
        return drafts
    return [d for d in drafts if d.cue_token not in inner or d.voice is not None]


def _fold_text_participles(state: QuoteState, drafts: list[Draft]) -> list[Draft]:
    """ "The board issued a statement Tuesday condemning the attack": one attribution, as
    PolNeAR marks it (data/publish_verbs.txt), source the board, cue "issued a statement
    Tuesday condemning", content "the attack". When the participle has a draft of its own
    (whose source was the text: "a statement | saying"), that draft stays, with the verb's
    subject as its source, and the verb's draft goes; else the verb's draft keeps what the
    participle says."""
    by_cue = {d.cue_token: d for d in drafts if d.cue_token is not None}
    dropped: set[int] = set()
    for verb, part in _text_participles(state, by_cue):
        outer, inner = by_cue.get(verb.i), by_cue.get(part.i)
        cue = (verb.idx, part.idx + len(part.text))
        rest = [t for t in part.subtree if t.i > part.i]
        frag = trim(state.text, rest[0].idx, rest[-1].idx + len(rest[-1].text)) if rest else None
        if frag is None:
            continue
        content = [state.close_quotes(frag)]
        if inner is None:
            if outer is not None:
                outer.content, outer.cue = content, cue
            continue
        if outer is not None:
            inner.source, inner.source_token = outer.source, outer.source_token
            dropped.add(verb.i)
        else:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            inner.source, inner.source_token = source_span(state, subject, verb), subject.i
        inner.cue = cue
        if inner.start != content[0][0]:
            # The participle's content left out its object ("calling it 'dangerous' |
            # that ..."): all the participle says.
            inner.content = content
    if not dropped:
        return drafts
    return [d for d in drafts if d.cue_token not in dropped]


def _text_participles(state: QuoteState, by_cue: dict[int, Draft]) -> list[tuple[Token, Token]]:
    """(verb, participle) of each "issued a statement ... condemning" whose verb or
    participle is the cue of a draft."""
    doc, lex = state.doc, state.lex
    found: dict[int, tuple[Token, Token]] = {}
    for i in by_cue:
        tok = doc[i]
        if tok.dep_ == "acl" and tok.head.dep_ == "dobj":
            verb = tok.head.head
        elif _verb_participle(tok) and state.parse.lemmas[tok.head.i] in lex.publish_verbs:
            verb = tok.head
        else:
            verb = tok
        if state.parse.lemmas[verb.i] not in lex.publish_verbs:
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() not in lex.block_nouns:
            continue
        part = next((c for c in obj.rights if c.dep_ == "acl" and c.tag_ == "VBG"), None)
        if part is None:
            # "released a statement Wednesday saying", "sent a letter this week urging": the
            # parser hangs the participle on the verb, after a date or a place that follows
            # the object. Only a participle that is itself a cue: "released a video on
            # Monday featuring ..." reports nobody's words.
            part = next(
                (c for c in verb.rights if c.i > obj.i and _verb_participle(c) and c.i in by_cue),
                None,
            )
        if part is not None and state.in_quote[part.i] < 0 and (part.i == i or verb.i == i):
            found[verb.i] = (verb, part)
    return [found[k] for k in sorted(found)]


def _verb_participle(tok: Token) -> bool:
    """Whether ``tok`` is a participle clause hung on the verb before it ("released a
    statement Wednesday, | saying ...")."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.i < tok.i


def _inner_belief(state: QuoteState, draft: Draft, cues: set[int]) -> bool:
    """Whether the draft is a verb of thinking with its clause ("think", "believe", "know",
    "hope": class cognition in data/cue_verbs.tsv) that is part of another's words: in
    quotation marks, or in the clause of another cue ("the survey found most voters think
    ...", "aides said he believes ..."). PolNeAR marks few of them on their own: on its train
    split 7 of the 56 such that came out were in its gold (a "say" inside another's words,
    106 of 217, and an "according to", 27 of 31, are kept). A belief in a sentence of its
    own ("The editor hoped that ...") stays, whatever content runs over it."""
    verb = draft.cue_token
    if draft.rule != "reported" or verb is None:
        return False
    cue = state.lex.cue_verbs.get(draft.cue_lemma or "")
    if cue is None or cue.cls != "cognition":
        return False
    if state.in_quote[verb] >= 0:
        return True
    heads = state.parse.heads
    at = verb
    while heads[at] != at:
        at = heads[at]
        if at in cues:
            return True
    return False


def _drop_nested(drafts: list[Draft], weak: Callable[[Draft], bool]) -> list[Draft]:
    """The drafts less the ``weak`` ones whose cue lies inside another draft's content.

    Every content piece is indexed by its start with the furthest end so far, so a cue is
    checked against the pieces that can hold it, not against every draft."""
    pieces = sorted((s, e, n) for n, d in enumerate(drafts) for s, e in d.content)
    starts = [s for s, _, _ in pieces]
    reach: list[int] = []
    for _, e, _ in pieces:
        reach.append(max(e, reach[-1]) if reach else e)

    def nested(n: int, at: int) -> bool:
        j = bisect_right(starts, at) - 1
        while j >= 0 and reach[j] > at:
            _, e, owner = pieces[j]
            if owner != n and e > at:
                return True
            j -= 1
        return False

    return [
        d
        for n, d in enumerate(drafts)
        if not (d.cue is not None and weak(d) and nested(n, d.cue[0]))
    ]


def fold_nested_voice(state: QuoteState, drafts: list[Draft]) -> list[Draft]:
    """The drafts less those that are part of another's statement: a belief inside the words
    of a statement by the same voice ("X wrote that she believed A", "Trump said he believes
    A") is no second statement but a piece of the first, which already holds its words. The
    same voice is the outer source's head itself, or a pronoun that can stand for it
    ("she"/"he" for a singular noun or the same pronoun, "they" for a plural, a first person for
    anyone). PolNeAR marks few such beliefs on their own (dropping them costs none of its
    dev figures); a participle "adding" inside the words is left alone, as PolNeAR marks it."""
    outer = [d for d in drafts if not d.act and d.source_token is not None]
    if not outer:
        return drafts
    gone: set[int] = set()
    for draft in drafts:
        if draft.rule != "reported" or draft.cue is None or draft.source_token is None:
            continue
        cue = state.lex.cue_verbs.get(draft.cue_lemma or "")
        if cue is None or cue.cls != "cognition" or not _own_subject(state, draft):
            continue
        at = draft.cue[0]
        for other in outer:
            if other is draft or id(other) in gone or not (other.start <= at < other.end):
                continue
            if not any(s <= draft.start and draft.end <= e for s, e in other.content):
                continue
            if _same_voice(state, draft.source_token, other.source_token):
                gone.add(id(draft))
                break
    return [d for d in drafts if id(d) not in gone]


def fold_continuations(state: QuoteState, drafts: list[Draft]) -> None:
    """Join "X said A, adding B" into one statement: the participle's words join the
    content of the attribution it continues (same speaker, same sentence, its cue before
    the participle's), as a reader of quotes (and the real-text gold) reads one statement
    of X. PolNeAR marks the participle as an attribution of its own, so its draft stays,
    marked ``act`` (its words are already in the statement it continues)."""
    by_source: dict[int, list[Draft]] = {}
    for draft in drafts:
        if draft.source_token is not None and draft.cue is not None and not draft.act:
            by_source.setdefault(draft.source_token, []).append(draft)
    parse = state.parse
    for group in by_source.values():
        if len(group) < 2:
            continue
        for draft in group:
            if not _continuing_participle(state, draft):
                continue
            assert draft.cue is not None
            at = draft.cue[0]
            sentence = parse.clipped_sentence_at(at)
            outer = [
                d
                for d in group
                if d is not draft
                and not d.act
                and d.cue is not None
                and sentence[0] <= d.cue[0] < at
                and d.end <= at
            ]
            if not outer:
                continue
            first = max(outer, key=lambda d: d.end)
            first.content = sorted({*first.content, *draft.content})
            draft.act = True


# Participles that go on with the words before them ("said A, adding B", "noted A, stressing
# B"); they are folded only after an attribution of the same speaker, so "resigned, saying
# ..." (a deed and its reason) keeps its own statement.
_CONTINUING = frozenset({"add", "say", "stress", "note"})


def _continuing_participle(state: QuoteState, draft: Draft) -> bool:
    """Whether the draft's cue is a participle after a comma that goes on with its
    speaker's words (", adding that ...", ", stressing that ...")."""
    verb = draft.cue_token
    if verb is None or draft.rule != "reported" or verb == 0:
        return False
    parse = state.parse
    return (
        parse.tags[verb] == "VBG"
        and parse.lowers[verb - 1] == ","
        and draft.cue_lemma in _CONTINUING
    )


def _own_subject(state: QuoteState, draft: Draft) -> bool:
    """Whether the draft's verb has its own subject ("she believed"); a verb the parser
    coordinated into the content ("said that A and warned that B") is the reporter's next
    statement, not a piece of the first."""
    verb = draft.cue_token
    return (
        verb is not None
        and draft.source_token is not None
        and (state.parse.heads[draft.source_token] == verb)
    )


_FIRST_PERSON = frozenset({"i", "we"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_SINGULAR_TAGS = frozenset({"NN", "NNP"})  # "Mira Solberg", "the mayor" said she/he ...
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _same_voice(state: QuoteState, inner: int, outer: int | None) -> bool:
    if outer is None:
        return False
    if inner == outer:
        return True
    lowers, tags = state.parse.lowers, state.parse.tags
    word, head = lowers[inner], lowers[outer]
    if word in _FIRST_PERSON:
        return True
    if word in _PERSON_PRONOUNS:
        return head == word or tags[outer] in _SINGULAR_TAGS
    if word == "they":
        return head == "they" or tags[outer] in _PLURAL_TAGS
    return False


def _after_dateline(text: str, frag: Frag) -> Frag:
    """A content opening its paragraph starts after the dateline ("WASHINGTON (AP) — ",
    "CAMBRIDGE, Mass., Dec. 11 (UPI) -- "), which PolNeAR leaves out."""
    start, end = frag
    if start and text[start - 1] != "\n":
        return frag
    m = DATELINE.match(text, start, end)
    return (m.end(), end) if m is not None and m.end() < end else frag
