"""The last pass: statement blocks, the body of a state-media or agency statement.

"The spokesman issued the following press statement:", "The message said:", "He gave the
following answer to a question raised by KCNA:": a paragraph naming a text that speaks
(``data/block_nouns.txt``) or holding a cue verb, and ending with a colon, introduces the
paragraphs after it, up to an end mark (``data/block_ends.txt``, "-0-") or the end of the
text. They are one quote, ``direct`` (the statement as issued), whose speaker is the text's
author: the subject of the verb that introduces it ("Kim Kang Il made public the following
press statement"), or, when the text itself speaks ("The message said:"), whoever sent it
as an earlier sentence says ("X sent a message", "received a message from Y", "X issued a
statement").

A block replaces the drafts it explains: the attributions inside it (the author's own
statement, not reported speech) and those whose content is only the statement's name ("X
issued | a statement on Dec. 22", "a message of | greeting to ..."). It runs after the
attribution model: blocks are a layout of agency copy that PolNeAR, the model's training
data, hardly has.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Token

from parley.quotes.drafts import TENSED_TAGS, Draft, Frag, QuoteState, trim
from parley.quotes.syntax import cue_of, cue_span, source_span, subject

__all__ = ["apply_blocks", "earlier_text", "text_author"]

# What may stand between an attribution's cue and a block's cue that continues it.
_JOINED = re.compile(r"[\s,]*(?:and\s+)?")
_QUOTE_OPENERS = frozenset("“\"'‘«„「『")
# The author speaks in the first person inside the block ("I believe ...", "We will ...");
# an attribution to anyone else opens a new part of the story (English grammar's closed class).
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
# The report names a block's author again as "he" or "she"; a statement, which speaks of
# countries and bodies, seldom does.
_HE_SHE = frozenset({"he", "she"})
_FOLLOWING = re.compile(r"\bfollowing\b", re.IGNORECASE)


def apply_blocks(state: QuoteState, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` with every statement block added and the drafts it replaces removed,
    ordered by where their content starts."""
    blocks: list[tuple[Draft, Frag, int | None]] = []  # (block, intro line, antecedent)
    stops = _Stops(
        _attributed(state, drafts),
        _attributed_elsewhere(state, drafts),
        _attributed_elsewhere(state, [d for d in drafts if not d.act]),
        _present_names(state, drafts),
    )
    for intro, paragraphs in _introductions(state, stops):
        found = _block(state, intro, paragraphs)
        if found is not None:
            blocks.append((found[0], intro, found[1]))
    if not blocks:
        return drafts
    kept = [d for d in drafts if not any(_replaced(state, d, *b) for b in blocks)]
    kept += [b for b, _, _ in blocks if not _continues(state, kept, b)]
    return sorted(kept, key=lambda d: (d.start, d.end))


def _continues(state: QuoteState, drafts: list[Draft], block: Draft) -> bool:
    """ "..., the organization noted, and continued:", "..., the paper said, adding:": a block
    whose cue follows another attribution's cue with only a comma or "and" between them goes
    on with that attribution's words. It joins that draft (its content, its cue up to the
    block's, as the real-text gold marks one statement) and returns True."""
    if block.cue is None:
        return False
    text = state.text
    for draft in drafts:
        if draft.cue is None or draft.source is None or draft.act or draft is block:
            continue  # an act ("issued a statement, adding:") is no statement to go on with
        joined = draft.cue[1] <= block.cue[0] and _JOINED.fullmatch(
            text, draft.cue[1], block.cue[0]
        )
        if draft.cue_token != block.cue_token and not joined:
            continue
        # Words between the two cues ("said, and went on") are cue, not content.
        between = (draft.cue[1], block.cue[1])
        kept = [f for f in draft.content if not (between[0] <= f[0] and f[1] <= between[1])]
        draft.content = [*kept, *block.content]
        draft.cue = (draft.cue[0], max(draft.cue[1], block.cue[1]))
        draft.kind = "direct" if draft.kind == "direct" else "mixed"
        return True
    return False


@dataclass(frozen=True, slots=True)
class _Stops:
    """Where attributions stand that may end a block (cue offsets, sorted): ``any`` every
    one to a speaker not in the first person; ``voiced`` those in the report's own voice;
    ``said`` those of them that report speech, not a stance or act; ``present`` the
    present-tense ones of a name opening its paragraph, with the name's head word."""

    any: list[int]
    voiced: list[int]
    said: list[int]
    present: list[tuple[int, str]]


def _attributed(state: QuoteState, drafts: list[Draft]) -> list[int]:
    """Where the cues of attributions to someone other than a first-person speaker stand,
    sorted. After a person's "X said:" or "X added:" any of them ends the words: news copy
    goes back to its own narrative at once ("The mayor praised the farmers ...")."""
    doc = state.doc
    return sorted(
        d.cue[0]
        for d in drafts
        if d.cue is not None
        and d.source_token is not None
        and doc[d.source_token].lower_ not in _FIRST_PERSON
    )


def _attributed_elsewhere(state: QuoteState, drafts: list[Draft]) -> list[int]:
    """Where the cues of attributions in the report's own voice stand, sorted: a paragraph
    holding one is not part of an earlier block. The report's voice is a past-tense cue
    ("said", "stressed", "voiced support") whose speaker, not a first-person one, opens
    its paragraph ("X, chairman of Y, voiced support for ...") or stands after the words
    it reports ("..., the mayor added"). A statement names others too ("And on Monday the
    envoy said that ...", "Seoul will have to know ...", "No one knows how ..."): those
    are the author's words about them, and the block goes on."""
    doc, text = state.doc, state.text
    stops = []
    for d in drafts:
        if d.cue is None or d.source is None or d.source_token is None:
            continue
        if doc[d.source_token].lower_ in _FIRST_PERSON or d.cue_token is None:
            continue
        if not _past(doc[d.cue_token]):
            continue
        opens = _opens_paragraph(text, d.source[0])
        # "Bitterly denouncing the reports, he declared ...": the report's "he" or "she",
        # its author again, after a clause the paragraph opens with.
        again = doc[d.source_token].lower_ in _HE_SHE
        if opens or again or d.end <= d.cue[0]:
            stops.append(d.cue[0])
    return sorted(stops)


def _past(verb: Token) -> bool:
    """A verb in the simple past, also where the parser tagged it a participle at the head of
    its sentence ("The Alliance of ... in ... Regions posted an article": no auxiliary)."""
    if verb.tag_ == "VBD":
        return True
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "ROOT"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _present_names(state: QuoteState, drafts: list[Draft]) -> list[tuple[int, str]]:
    """The cues in the present tense whose speaker is a name opening its paragraph, with the
    name's head word: "Minju Joson advises ..." after "Rodong Sinmun says:" is the review
    of another paper; "The Foreign Ministry of the DPRK denounces ..." in a statement its
    author's (``_introductions`` tells them apart by the introduction's words)."""
    doc, text = state.doc, state.text
    found = []
    for d in drafts:
        if d.cue is None or d.source is None or d.source_token is None or d.cue_token is None:
            continue
        head = doc[d.source_token]
        if head.pos_ != "PROPN" or doc[d.cue_token].tag_ not in ("VBZ", "VBP"):
            continue
        if _opens_paragraph(text, d.source[0]):
            found.append((d.cue[0], head.lower_))
    return sorted(found)


def _opens_paragraph(text: str, at: int) -> bool:
    """Whether only spaces stand between the start of ``at``'s line and ``at``."""
    return not text[text.rfind("\n", 0, at) + 1 : at].strip()


def _introduces_text(state: QuoteState, start: int, end: int) -> bool:
    """Whether the introduction names a text or speaks of one as "it" ("The article goes
    on:", "It said:", "issued a press statement, which said:"), not a person's words."""
    span = state.parse.char_span(start, end)
    nouns = state.lex.block_nouns
    return span is not None and any(
        (t.pos_ == "NOUN" and t.lemma_.lower() in nouns)
        or (t.lower_ == "it" and t.dep_ in ("nsubj", "nsubjpass"))
        for t in span
    )


def _in_present(state: QuoteState, start: int, end: int) -> bool:
    """Whether the introduction's cue is in the present tense ("Rodong Sinmun says:", "It
    goes on:"): the root of the sentence its colon ends."""
    last = state.parse.token_covering(end - 1)
    if last is None:
        return False
    root = state.doc[last].sent.root
    return root.tag_ == "VBZ" and _cue_or_goes_on(state, root) is not None


def _introductions(state: QuoteState, stops: _Stops) -> list[tuple[Frag, list[Frag]]]:
    """Each paragraph ending with a colon, with the paragraphs after it up to an end mark,
    another introduction, a paragraph attributed to someone else (``stops``), or the end
    of the text (none when the next one opens a quotation: the direct pass owns quotations
    in marks). A text's words (``_introduces_text``: "issued the following statement:",
    "The article goes on:") run on past the others they name; only the report's own voice
    ends them. "The following statement:" promises the whole text: a stance or act
    reported ("The head of our state reaffirmed the stand") is the statement's own
    narrative and stops it no more."""
    text, ends = state.text, state.lex.block_ends
    lines: list[Frag] = []  # the lines with words on them, trailing spaces left out
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, offset + len(line.rstrip())))
        offset += len(line) + 1
    out: list[tuple[Frag, list[Frag]]] = []
    for n, (start, end) in enumerate(lines):
        if not text[start:end].endswith(":"):
            continue
        body: list[Frag] = []
        present = _in_present(state, start, end)
        if _FOLLOWING.search(text, start, end):
            ends_at = stops.said
        elif present or _introduces_text(state, start, end):
            ends_at = stops.voiced
        else:
            ends_at = stops.any
        if present:
            # A review of the papers ("Rodong Sinmun says:"): a name the introduction does
            # not hold, speaking in the present, is the next paper's.
            words = set(text[start:end].lower().split())
            ends_at = sorted(ends_at + [at for at, name in stops.present if name not in words])
        for s, e in lines[n + 1 :]:
            line = text[s:e].strip()
            # The colon promises words: the first paragraph after it is the block's even when
            # it reads as an attribution of its own ("The article said: | The U.S. should not
            # forget that ..."); from the second on, one stops the block.
            if line in ends or line.endswith(":"):
                break
            if body and (_holds(ends_at, s, e) or _names_the_text(state, s)):
                break
            frag = trim(text, s, e)
            if frag is not None:
                body.append(frag)
        if body and text[body[0][0]] not in _QUOTE_OPENERS:
            out.append(((start, end), body))
    return out


def _names_the_text(state: QuoteState, start: int) -> bool:
    """Whether the paragraph at ``start`` is the report again, telling of the text in the
    past tense: "The statement called for ...", "Medvedev in the message wished ...". A
    statement's own words do not name the statement they are."""
    first = state.parse.token_at(start)
    if first is None:
        return False
    verb = state.doc[first].sent.root
    if verb.tag_ != "VBD":
        return False
    nouns = state.lex.block_nouns
    said_in = [
        obj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "in"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.lower_ in _FIRST_PERSON for c in subjects):
        return False  # "In the statement of May, we made clear ...": the author's words
    heads = subjects + said_in
    return any(h.pos_ == "NOUN" and h.lemma_.lower() in nouns and h.i >= first for h in heads)


def _holds(offsets: list[int], start: int, end: int) -> bool:
    at = bisect_left(offsets, start)
    return at < len(offsets) and offsets[at] < end


def _block(state: QuoteState, intro: Frag, body: list[Frag]) -> tuple[Draft, int | None] | None:
    """The block's draft and the token of the earlier mention of the text that speaks (the
    antecedent of "The message"), or None when the paragraph introduces no statement."""
    span = state.parse.char_span(intro[0], intro[1])
    if span is None:
        return None
    nouns = state.lex.block_nouns
    verb = next((t for t in reversed(span) if _cue_or_goes_on(state, t) is not None), None)
    noun = next((t for t in span if t.pos_ == "NOUN" and t.lemma_.lower() in nouns), None)
    if verb is None and noun is None:
        return None
    if verb is None and noun is not None and _listed(noun):
        return None  # "Following are major news items and articles ...:" lists, says nothing
    antecedent: Token | None = None
    text_noun: Token | None = None  # "The message" of "The message said:"
    author: Token | None = _author_name(_speaker_of(state, verb)) if verb is not None else None
    if author is not None and author.tag_ in _RELATIVES and verb is not None:
        # "X issued a press statement titled ..., which said:": the statement's author.
        statement = _relative_antecedent(verb)
        author = text_author(statement) if statement is not None else None
        author = _behind_texts(author, nouns)
    elif author is not None and author.lemma_.lower() in nouns:
        text_noun = author
        author, antecedent = _earlier_author(text_noun, nouns)
    elif author is not None and author.lower_ == "it":
        # "X released information bulletin No. 1002. It said:": the text named before.
        text_noun = author
        earlier = earlier_text(author, nouns)
        if earlier is not None:
            author, antecedent = _behind_texts(text_author(earlier), nouns), earlier
            if author is None:
                # "X carried an article. The article accused Y. It went on:": the text's
                # author is said where it was named first; else the text speaks for whoever
                # the speaker resolver finds for it.
                author, _ = _earlier_author(earlier, nouns)
                author = author if author is not None else earlier
    elif author is None and noun is not None:
        author = text_author(noun)
        if author is None:
            # "The full text of the message is as follows:": the message named before; the
            # speaker as written is the phrase that names it.
            above = _of_chain(noun)
            text_noun = above[-1] if above else noun  # "The editorial goes on:"
            author, antecedent = _earlier_author(_text_named(noun, nouns), nouns)
    cue_tok = verb if verb is not None else noun
    named = text_noun if text_noun is not None else author
    if author is None and text_noun is not None and text_noun.lemma_.lower() in nouns:
        # "Rodong Sinmun editorially says ... The editorial goes on:": no earlier sentence
        # names the text's author; the text speaks, and the speaker resolver follows the
        # report to whoever that is.
        author = text_noun
    assert cue_tok is not None
    cue = (
        cue_span(state, cue_tok)
        if verb is not None
        else (cue_tok.idx, cue_tok.idx + len(cue_tok.text))
    )
    on = next((c for c in cue_tok.children if c.dep_ == "prep" and _bare_on(c)), None)
    if verb is not None and on is not None and on.i == verb.i + 1:
        # "It goes on:" with "on" read as a preposition: the cue is "goes on:" all the same.
        end = on.idx + len(on.text)
        cue = (cue[0], end + 1 if state.text[end : end + 1] == ":" else end)
    draft = Draft(
        content=body,
        # The speaker as written is the text that speaks ("The message"), as PolNeAR and the
        # real-text gold mark it; its head token is the author, whose entity it resolves to.
        source=(
            source_span(state, named, cue_tok if named.i != cue_tok.i else None)
            if named is not None
            else None
        ),
        cue=cue,
        cue_lemma=_cue_or_goes_on(state, verb) if verb is not None else cue_tok.lemma_.lower(),
        kind="direct",
        anchor=intro[0],
        source_token=author.i if author is not None else None,
        cue_token=cue_tok.i,
        rule="block",
    )
    return draft, antecedent.i if antecedent is not None else None


def _speaker_of(state: QuoteState, verb: Token) -> Token | None:
    """The subject of a block's cue, or of the attribution it continues: in "..., he said,
    and went on:" the parser coordinates "went" with the reported clause, whose subject is
    none of the speaker's."""
    doc, text = state.doc, state.text
    sentence = verb.sent
    for i in range(verb.i - 1, sentence.start - 1, -1):
        before = doc[i]
        if before.is_punct or before.lower_ == "and":
            continue
        if _cue_or_goes_on(state, before) is None:
            break
        end = before.idx + len(before.text)
        if end <= verb.idx and _JOINED.fullmatch(text, end, verb.idx):
            found = subject(before)
            if found is not None:
                return found
        break
    return subject(verb)


def _listed(noun: Token) -> bool:
    """Whether texts are only listed: a plural text noun named by a copula ("Following are
    major news items and articles:"), not one statement ("Here is the text of the
    statement:")."""
    if noun.tag_ != "NNS":
        return False
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb.lemma_ == "be"


def _cue_or_goes_on(state: QuoteState, tok: Token) -> str | None:
    """The cue lemma of ``tok``; before a block, "went on:"/"goes on:" too (a statement
    continued, never a cue of reported speech on its own: "the war went on")."""
    lemma = cue_of(state, tok)
    if lemma is None and tok.lemma_ == "go" and any(_bare_on(c) for c in tok.children):
        return "go on"
    return lemma


def _bare_on(tok: Token) -> bool:
    """ "on" as the particle of "go on", or as a preposition with no object (the parser's
    reading of "It goes on:" when a paragraph break follows the colon)."""
    return tok.lower_ == "on" and (
        tok.dep_ == "prt" or (tok.dep_ == "prep" and not any(True for _ in tok.children))
    )


def _earlier_author(
    noun: Token, nouns: frozenset[str], depth: int = 0
) -> tuple[Token | None, Token | None]:
    """The author of the text ``noun`` names again ("The message said:") and that text's
    earlier mention: the nearest one whose author is said, else the nearest one."""
    nearest = None
    for earlier in _antecedents(noun):
        nearest = nearest or earlier
        author = text_author(earlier)
        if author is not None:
            return _behind_texts(author, nouns, depth), earlier
    return None, nearest


# How many texts carried by texts an author is looked for through ("the bulletin carried an
# article").
_DEEPEST_TEXT = 2


def _behind_texts(author: Token | None, nouns: frozenset[str], depth: int = 0) -> Token | None:
    """The author of a text whose maker is itself a text: "The bulletin carried an article
    which said:" is the bulletin's issuer's ("The committee released its bulletin")."""
    if author is None or author.lemma_.lower() not in nouns or depth >= _DEEPEST_TEXT:
        return author
    deeper, _ = _earlier_author(author, nouns, depth + 1)
    return deeper if deeper is not None else author


# How many sentences back "It said:" may name its text (a parser splits "No. 1002" off).
_TEXT_REACH = 2


def earlier_text(pronoun: Token, nouns: frozenset[str]) -> Token | None:
    """The last text named in the sentences just before the pronoun's."""
    doc, start = pronoun.doc, pronoun.sent.start
    for _ in range(_TEXT_REACH):
        if start == 0:
            return None
        before = doc[start - 1].sent
        found = next(
            (t for t in reversed(before) if t.pos_ == "NOUN" and t.lemma_.lower() in nouns), None
        )
        if found is not None:
            return found
        start = before.start
    return None


def _text_named(noun: Token, nouns: frozenset[str]) -> Token:
    """The text a text noun is the words of: "the message" of "the full text of the
    message", else the noun itself."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.lemma_.lower() in nouns:
            return obj
    return noun


def _antecedents(noun: Token) -> list[Token]:
    """The earlier mentions of the same kind of text, nearest first ("a message" before
    "The message said:"), in the sentences before the noun's (scraped copy may run the
    report's first sentence and the introduction together in one paragraph)."""
    lemma = noun.lemma_.lower()
    return [
        t
        for t in reversed(noun.doc[: noun.sent.start])
        if t.pos_ == "NOUN" and t.lemma_.lower() == lemma
    ]


def text_author(noun: Token) -> Token | None:
    """Who a text is from: its possessor ("X's speech"), "a message (of greeting) from Y",
    else whoever the sentence says made it ("X sent a message", "X issued a statement", "In
    the message X said")."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if owner is not None:
        return owner  # "Kim Jong Un's important speech"
    writer = participle_agent(noun)
    if writer is not None:
        return writer  # "carried an article written by X": X's, not the paper's
    # (Not a "from" of a clause the noun heads: "a speech welcoming the people who have
    # arrived from the flood-hit areas" is no one's from there.)
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    inside = {t.i for c in clauses for t in c.subtree}
    preps = [
        t for t in noun.subtree if t.dep_ == "prep" and t.lower_ == "from" and t.i not in inside
    ]
    preps += [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "from"]
    for prep in preps:
        # "from To Lam": the parser may read "To" as a second preposition.
        obj = next((c for c in prep.subtree if c.dep_ == "pobj"), None)
        if obj is not None:
            return obj
    return _introducer(noun)


def participle_agent(noun: Token) -> Token | None:
    """The by-agent of a participle that says who made the text ("an article written by X",
    "a commentary signed by X", "a statement issued by X")."""
    for clause in noun.children:
        if clause.dep_ != "acl" or clause.tag_ != "VBN":
            continue
        for agent in clause.children:
            if agent.dep_ == "agent":
                found = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if found is not None:
                    return found
    return None


def _introducer(noun: Token) -> Token | None:
    """The subject of the verb the text hangs on ("Kim Kang Il made public the following
    press statement", "The spokesman gave the following answer"). A dateline the parser
    made the subject ("Pyongyang, May 26 (KCNA) -- Kim Kang Il, ...") gives way to the
    name in apposition after it."""
    verb, who = noun, None
    for _ in range(2):  # a text parsed as the subject of its own title: the verb above
        verb = verb.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        who = subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if who is not None and who.lower_ == "following":
            who = None  # "The following is the full text of ...": a placeholder
            break
        if who is not None and who.i != noun.i and who not in _of_chain(noun):
            # ("The full text of the message is as follows:" names the text, no author.)
            break
        who = _title_clause_subject(noun, verb) if who is not None else None
        if who is not None:
            break
    return _author_name(who)


# Participles that introduce a text's title ("an article titled ...").
_TITLING = frozenset(("title", "entitle", "headline", "caption"))


def _title_clause_subject(noun: Token, verb: Token) -> Token | None:
    """The poster of a text parsed as the subject of its own title's verb: in "X posted an
    article titled 'Ranks of supporters are growing'" the parser may hang "posted" on
    "are" as a clausal subject; the subject of that clause, before the text, made it."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.i != verb.i:
        return None
    if not any(c.dep_ == "acl" and c.lemma_.lower() in _TITLING for c in noun.children):
        return None
    for clause in verb.children:
        if clause.dep_ == "csubj" and clause.i < noun.i and clause.pos_ == "VERB":
            who = subject(clause)
            if who is not None and who.i < clause.i:
                return who
    return None


def _of_chain(token: Token) -> list[Token]:
    """The nouns whose "of" phrases hold ``token``, nearest first: "text" for "message" in
    "the full text of the message" (a phrase that names the text, not whoever made it)."""
    chain = []
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i != token.i:
        token = token.head.head
        chain.append(token)
    return chain


def _author_name(who: Token | None) -> Token | None:
    """A dateline the parser made the subject ("Pyongyang, May 26 (KCNA) -- Kim Kang Il,
    ...") gives way to the name in apposition after its dash; a title, to the name right
    after it."""
    if who is None:
        return None
    dashes = [t.i for t in who.children if t.text in ("--", "—", "–")]
    named = [c for c in who.children if c.dep_ == "appos" and dashes and c.i > dashes[0]]
    if named:
        return named[0]
    # A title the parser made the head of the name after it ("DPRK Foreign Minister | Choe
    # Son Hui"): the name is who.
    name = next((c for c in who.rights if c.dep_ == "appos" and c.left_edge.i == who.i + 1), None)
    return name if name is not None and who.pos_ == "PROPN" and name.pos_ == "PROPN" else who


# Relative pronouns' tags: "which", "that" (WDT) and "who" (WP).
_RELATIVES = frozenset(("WDT", "WP"))


def _relative_antecedent(verb: Token) -> Token | None:
    """The noun a relative clause's verb hangs on ("a press statement ..., which said:"),
    through a participle the text's title hangs on ("titled"), if the parser put the
    clause there."""
    head = verb.head if verb.dep_ == "relcl" else None
    while head is not None and head.pos_ == "VERB" and head.dep_ in ("acl", "relcl"):
        head = head.head
    return head if head is not None and head.pos_ in ("NOUN", "PROPN") else None


# The passes whose drafts report speech with a verb of saying, not a stance or a frame.
_REPORTING_RULES = frozenset({"reported", "parenthetical", "direct:cue"})


def _reported_within(state: QuoteState, draft: Draft) -> bool:
    """Whether a draft inside a block is someone else's speech the author reports ("... the
    envoy asserted that ..."): a quote of its own, as the real-text gold marks it, not the
    author's statement. A first-person speaker is the author; a cue with no tense of its
    own ("Seoul will have to know ...") or a stance ("denounces the moves") is not a report."""
    if draft.act or draft.rule not in _REPORTING_RULES or draft.source_token is None:
        return False
    if state.doc[draft.source_token].lower_ in _FIRST_PERSON or draft.cue_token is None:
        return False
    # ("Claiming that ..., the U.S. military clarified": a participle reports as well.)
    return state.parse.tags[draft.cue_token] in TENSED_TAGS or (
        draft.rule == "reported" and state.parse.tags[draft.cue_token] == "VBG"
    )


def _replaced(state: QuoteState, draft: Draft, block: Draft, intro: Frag, ante: int | None) -> bool:
    """A draft the block explains: inside the block, inside its introduction, or naming the
    text it speaks through."""
    inside = block.content
    if draft.cue is not None and any(s <= draft.cue[0] < e for s, e in inside):
        return not _reported_within(state, draft)
    if draft.cue is None and any(s <= draft.start < e for s, e in inside):
        return True
    in_intro = all(intro[0] <= s and e <= intro[1] for s, e in draft.content)
    same_cue = draft.cue_token == block.cue_token and draft.kind == "direct"
    if in_intro and (draft.cue is None or draft.learned or same_cue):
        # (A quotation with the same cue: 'The article titled "..." said:' says the block,
        # not its title.)
        return True
    if ante is None:
        return False
    at = state.doc[ante].idx
    return draft.cue_token == ante or any(s <= at < e for s, e in draft.content)
