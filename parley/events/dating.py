"""When: the date of a time expression governing the event's clause, else the story's
occasion, else the publication date; none for an act the text puts at an earlier time it
does not give ("previously warned", "in the past refused", "the recent visit").

"During a press conference ... on Nov. 9, Pompeo urged" is dated by "Nov. 9" (it sits in the
clause of "urged"); "Trump said on Nov. 7 that ..." dates the reported event by the saying when
the reported clause names no date of its own. A time expression inside another clause (a
relative clause, a quotation) does not date this event.

A report names its occasion's day once and then tells it: "A meeting took place in Tashkent on
June 8. Speakers praised ... They urged ..." (``occasion_dates``). An event whose sentence gives
no date takes the last day the story gave before it, when that day lies in the month before
publication (an older day is history, a later one a plan); a range ("between March 4 and 6")
gives its first day.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from spacy.tokens import Doc, Span, Token

from parley.quotes.drafts import FINITE_TAGS
from parley.records import Event, Timex

# Clauses that carry their own time: left out of the trigger's clause.
OTHER_CLAUSE_DEPS = frozenset({"ccomp", "relcl", "parataxis", "conj", "advcl", "acl", "csubj"})
CLAUSE_POS = frozenset({"VERB", "AUX"})
# Participles set after a noun as adjectives ("an official concerned", "the parties
# involved"): the parse makes them a clause (acl) and hangs the act's time on them ("handed
# them over to an official concerned on Saturday"), but they tell no act of their own.
POSTPOSED_PARTICIPLES = frozenset({"concerned", "involved"})
# Links a verb told in someone's words hangs on, up to the that-clause of the saying: "said
# that Kim, who praised them, ...", "said that X was held and Y attended".
SAID_PATH_DEPS = frozenset(
    {"relcl", "conj", "advcl", "nsubj", "nsubjpass", "dobj", "pobj", "prep", "acl", "xcomp",
     "appos", "pcomp"}
)  # fmt: skip
# Links through which an event takes the date of the clause that governs it: among them an
# event noun as subject ("The talks took place in Moscow on November 1") and a participle
# of a noun ("a rally calling for his impeachment took place on Nov. 2").
INHERIT_DEPS = frozenset(
    {"ccomp", "xcomp", "conj", "advcl", "pcomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass",
     "acl"}
)  # fmt: skip
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2}|-Q\d)?$")
# A decade or a century ("in the 1930s" 193, "the 20th century" 19): a time of the act's own
# that no date can write (docs/annotation.md, Date: a day, a month or a year). An act it
# governs is history, not undated news of the day.
PERIOD_VALUE = re.compile(r"^\d{2,3}$")
# Nouns that frame a time, not a thing: "at the end of the 1930s", "at the turn of the 20th
# century" (see ``_period_of_thing``).
PERIOD_FRAMES = frozenset(
    {"end", "beginning", "start", "middle", "turn", "half", "part", "dawn", "close", "eve"}
)
MAX_HOPS = 4
DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# How long before publication a story's occasion may lie: a wire report follows its occasion
# by days (KCNA by up to a week or two); an older day is history told in passing.
OCCASION_DAYS = 31
# What joins the two ends of a range of days: "March 4 and 6", "23rd to 24th", "4-6".
# A day said inside these clauses is theirs alone: it is no occasion for the story.
EMBEDDED_DEPS = frozenset({"relcl", "acl"})
# A day that modifies a noun after it names a thing ("the Sept. 11 attacks").
NAME_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod"})
# Prepositions that put an event inside a dated thing ("during the Oct. 26 by-election").
DURING_PREPS = frozenset({"during", "at", "on", "in", "amid", "throughout"})
# A time expression in these roles is a participant of the verb, not its time: "vowed to
# adorn 2018 as a year of victory", "welcomed the new year".
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "dative"})
# Words that put an act at an earlier time they do not name (see ``_background``).
BACKGROUND_ADVERBS = frozenset({"already", "previously", "formerly", "recently"})
BACKGROUND_ADJECTIVES = frozenset({"recent", "previous", "past", "earlier", "former"})
RECENT_WORDS = frozenset({"recent", "recently", "lately"})
# Auxiliaries of the perfect: "has resorted", "have been mobilized", "had attended" ("'s" is
# left out: it is as often "is").
PRESENT_PERFECT = ("has", "have", "'ve")
PAST_PERFECT = ("had", "'d")
# A story's lead: its news told first (KCNA's reports run five to ten sentences, and tell
# their news in the first few).
LEAD_SENTENCES = 5
# A dateline: "Pyongyang, September 6 (KCNA) --", "WASHINGTON, August 11 (Xinhua) --", its
# day within the first characters of the story.
DATELINE = re.compile(r"\s*\([A-Z][\w .'-]{0,30}\)\s*(?:--|\u2014|\u2013|-)")
DATELINE_REACH = 60
# The longest dateline tail the pattern above takes (" (Agency name of 30) --").
DATELINE_LENGTH = 45
RANGE_JOIN = re.compile(r"\s*(?:and|to|through|till|until|-|\u2013)\s*", re.IGNORECASE)
# Prepositions whose gerund is a charge or a reason (``_reason_clause``). Not "for", whose
# gerund is as often the aim of the act ("gave guidance for rehabilitating the areas on Oct.
# 21", the parse hanging the act's day on the gerund).
REASON_PREPS = frozenset({"of", "with", "against", "about", "over"})
# Prepositions that place an act relative to a time, not at it: "assailed him ahead of next
# week's primary", "resigned after the Oct. 3 vote", "have been killed since January", "must
# leave by Friday". The time is a reference point; the act's own day is not given by it.
RELATIVE_PREPS = frozenset({"before", "after", "until", "till", "since", "following", "by"})
# "ahead of", "prior to": the preposition hangs on these words.
RELATIVE_HEADS = frozenset({"ahead", "prior"})
DOUBLE_QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})
# Verbs of saying whose that-clause reports what someone did before the saying ("a press
# release noted that the unions launched strikes").
SAYING_LEMMAS = frozenset(
    {"say", "note", "add", "stress", "claim", "recall", "charge", "allege", "point", "refer",
     "disclose", "reveal", "state", "declare", "write", "assert", "emphasize", "emphasise",
     "underline", "argue", "insist"}
)  # fmt: skip
# How many years before publication a year must lie to be history: "in 2009" in a 2011
# story, not "last year".
HISTORY_YEARS = 2
# A statement block that is the story: opened in its first sentences (a dateline the parse
# splits off counts as one).
BLOCK_SENTENCES = 2
# Clauses whose time is theirs alone, not the story's: see ``history_undated``.
HISTORY_APART_DEPS = frozenset({"relcl", "acl", "ccomp"})
# Verbs that open a statement block with a colon: "which said:", "went on:", "reads:".
BLOCK_LEMMAS = SAYING_LEMMAS | {"go", "read", "continue"}
# Verbs that close or carry a speech, besides SAYING_LEMMAS, whose doer a parse of a speech
# about the dead confuses with them (``dead_undated``).
DEAD_SAYINGS = frozenset({"conclude", "express", "voice", "extend"})
WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})$")
QUARTER_VALUE = re.compile(r"^(\d{4})-Q\d$")


def clause_tokens(head: Token) -> set[int]:
    """Indices of the tokens in ``head``'s own clause."""
    out: set[int] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        out.add(token.i)
        stack.extend(c for c in token.children if not _other_clause(c))
    return out


def _other_clause(child: Token) -> bool:
    """Whether a child opens a clause of its own. Conjoined words are one clause unless both
    are verbs: "beat A and B in the semifinals on July 28" dates the beating, while "met X
    and left on Monday" dates only the leaving. A gerund that gives a charge or a reason is
    another act ("accused X of asserting on May 1", see ``_reason_clause``)."""
    if _reason_clause(child):
        return True
    if child.dep_ == "acl" and child.lower_ in POSTPOSED_PARTICIPLES:
        return False
    if child.dep_ != "conj":
        return child.dep_ in OTHER_CLAUSE_DEPS
    return child.pos_ in CLAUSE_POS or child.head.pos_ in CLAUSE_POS


def _reason_clause(token: Token) -> bool:
    """Whether a word is a gerund after a preposition of a charge or a reason ("accused Park
    of asserting on May 1", "charged them with staging drills on Monday"): the act it tells
    is the one judged, with its own time; the judging is not done then. A gerund of the means
    ("marked the day by holding a rally on Monday") is the act's own, and so is a gerund on a
    noun, where the parse often hangs the act's day ("gave field guidance at the site for
    rehabilitating the areas on Oct. 21")."""
    return (
        token.dep_ == "pcomp"
        and token.tag_ == "VBG"
        and token.head.lower_ in REASON_PREPS
        and token.head.head.pos_ in CLAUSE_POS
    )


def timex_heads(
    doc: Doc, timexes: Sequence[Timex], text: str | None = None
) -> list[tuple[int, Timex]]:
    """Each dated time expression (and each decade or century, PERIOD_VALUE) with the
    index of a token it covers; the second end of a
    range of days ("between March 4 and 6", "on 23rd and 24th") carries the first day's
    value: a range dates its events by its first day. ``text``: the doc's text when the
    caller has it (``Doc.text`` joins every token again, each time it is read)."""
    if text is None:
        text = doc.text
    out: list[tuple[int, Timex]] = []
    last: Timex | None = None
    for timex in sorted(timexes, key=lambda t: t.start):
        if timex.type not in ("DATE", "TIME"):
            continue
        if not DATE_VALUE.match(timex.value[:10]) and not PERIOD_VALUE.match(timex.value):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if last is not None and _range_end(last, timex, text):
            timex = dataclasses.replace(timex, value=last.value)
        out.append((span.root.i, timex))
        last = timex
    return sorted(out, key=lambda item: item[0])


def _range_end(first: Timex, second: Timex, text: str) -> bool:
    """Whether ``second`` closes a range of days ``first`` opens."""
    one, two = first.value[:10], second.value[:10]
    return (
        bool(DAY_VALUE.match(one) and DAY_VALUE.match(two))
        and one <= two
        and RANGE_JOIN.fullmatch(text[first.end : second.start]) is not None
    )


def heads_between(
    heads: Sequence[tuple[int, Timex]], positions: Sequence[int], start: int, end: int
) -> Sequence[tuple[int, Timex]]:
    """The time expressions whose head token lies in [start, end) (a sentence): an event's
    clause never reaches outside its sentence, so only these can date it. ``heads`` are in
    token order and ``positions`` are their head tokens."""
    return heads[bisect_left(positions, start) : bisect_left(positions, end)]


def _date_in(tokens: set[int], heads: Iterable[tuple[int, Timex]], near: int) -> str | None:
    inside = [(abs(i - near), timex) for i, timex in heads if i in tokens]
    if not inside:
        return None
    value = min(inside, key=lambda item: item[0])[1].value
    return calendar_date(value[:10] if len(value) >= 10 else value)


def calendar_date(value: str) -> str:
    """A time expression's value as a date is written (docs/annotation.md, Date: a day, a
    month or a year): a week ("last week", "earlier this week": ``2016-W10``) is the month
    its Thursday falls in, as ISO weeks belong to the year of their Thursday; a quarter is
    its year."""
    week = WEEK_VALUE.match(value)
    if week is not None:
        year, number = int(week.group(1)), int(week.group(2))
        try:
            return date.fromisocalendar(year, number, 4).strftime("%Y-%m")
        except ValueError:  # no such week ("2015-W53")
            return week.group(1)
    quarter = QUARTER_VALUE.match(value)
    return quarter.group(1) if quarter is not None else value


def find_date(
    trigger: Token,
    extra_heads: Sequence[Token],
    heads: Sequence[tuple[int, Timex]],
    on: date | None,
) -> tuple[str | None, str | None]:
    """(date, "text" | "published") for the event whose trigger this is."""
    if heads:
        # A day that names another thing ("implement the June 15 joint declaration") is that
        # thing's; it dates the event only when it modifies the event's own noun or an actor
        # ("the Nov. 9 talks", "a Nov. 2 column ... that warned").
        own = {trigger.i, *(h.i for h in extra_heads)}
        doc = trigger.doc
        heads = [
            (i, t)
            for i, t in heads
            if not _names_other(doc, i, t, own)
            and not _period_of_thing(doc[i], t, own)
            and doc[i].dep_ not in ARGUMENT_DEPS
            and not _relative(doc[i])
            and not _of_occasion(doc[i])
        ]
        # A day after publication for an act told in the past is a name or history resolved
        # to the wrong year ('the "May 16 coup" which suppressed', "in February the
        # following year, it seized"): the act has a time the text gives but not as a date.
        late = [(i, t) for i, t in heads if on is not None and _after(t.value, on)]
        if late and _past(trigger):
            heads = [item for item in heads if item not in late]
        # A time in a quotation or a quoted title the trigger is outside of is the quote's.
        heads = [(i, t) for i, t in heads if not _quoted_apart(doc, i, trigger.i)]
        tokens = clause_tokens(trigger)
        for head in extra_heads:  # the actor phrases: "a Nov. 2 column ... that warned"
            tokens |= clause_tokens(head)
        found = _date_in(tokens, heads, trigger.i)
        if found is None:
            found = _shared_date(trigger, heads)
        if found is None:
            found = _setting_date(trigger, heads)
        if found is None:
            found = _speaker_setting_date(trigger, heads)
        token = trigger
        hops = 0
        while found is None and hops < MAX_HOPS and token.dep_ in INHERIT_DEPS:
            if token.dep_ == "ccomp" and _perfect_aspect(token):
                break  # "KCNA reported on Oct. 16 that the roads have been blocked"
            token = token.head
            hops += 1
            found = _date_in(clause_tokens(token), heads, token.i)
        if found is not None and PERIOD_VALUE.match(found):
            return None, None  # "At the end of the 1930s, they dug out ..."
        if found is not None:
            return found, "text"
        if late and _past(trigger) and _date_in(tokens, late, trigger.i) is not None:
            return None, None
    if _reported_past(trigger) or _passive_relative_past(trigger):
        return None, None
    if on is not None and not _background(trigger) and not _governed_by_background(trigger):
        return on.isoformat(), "published"
    return None, None


def _period_of_thing(head: Token, timex: Timex, own: set[int]) -> bool:
    """Whether a decade or a century (PERIOD_VALUE) is a thing's, in a phrase on a noun:
    "the great sun of the 21st century", "a miracle in the 20th century", "the Orchestra of
    the 21st Century" tell what a man or a thing is, not when the act told was done; "at the
    end of the 1930s" (PERIOD_FRAMES) is a time, and so is one on the event's own noun or
    its phrase (``own``: "their occupation of Korea in the last century")."""
    if not PERIOD_VALUE.match(timex.value) or head.dep_ != "pobj" or head.head.dep_ != "prep":
        return False
    noun = head.head.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lower_ in PERIOD_FRAMES:
        return False
    token = noun
    for _ in range(MAX_HOPS):  # up the phrase: "occupation of Korea in the last century"
        if token.i in own:
            return False
        if token.dep_ != "pobj" or token.head.dep_ != "prep":
            break
        if token.head.head.pos_ in CLAUSE_POS:
            # "during the occupation of Korea in the last century, they ...": the act's time.
            return token.head.lower_ not in DURING_PREPS
        token = token.head.head
    return token.i not in own


def _of_occasion(head: Token) -> bool:
    """Whether a time expression lies in the noun phrase "the occasion of ..." ("sent a
    basket on the occasion of his birthday, January 8"): the day of the anniversary the act
    marks, not the act's; a round-up of greetings tells acts of the story's own days. The
    parse may hang a day set off by a comma after the phrase on the verb."""
    left = head.left_edge.i
    doc = head.doc
    if left >= 2 and doc[left - 1].text == "," and _in_occasion(doc[left - 2]):
        return True
    return _in_occasion(head)


def _in_occasion(token: Token) -> bool:
    for above in token.ancestors:
        if above.pos_ in CLAUSE_POS:
            return False
        if above.lower_ == "occasion":
            return True
    return False


def _passive_relative_past(trigger: Token) -> bool:
    """Whether the event is told in the past passive in a relative clause with no day of its
    own ("the exhibition hall which was visited by Kim", "the plant that was built by the
    workers"): a clause that describes a thing the story speaks of by what was done to it
    before, at a time the text does not give, not an act of the story's occasion."""
    return trigger.dep_ == "relcl" and any(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in trigger.children
    )


def _reported_past(trigger: Token) -> bool:
    """Whether the event is an act told in the past in the that-clause of a saying, with no
    day of its own: it was done before the saying, at a time the text does not give ("a
    press release noted that the unions launched strikes", "said that Kim, who praised
    them, ..."); neither the publication day nor the story's occasion is its day. An act
    told in the present or the future ("said that they oppose", "said it will hold talks")
    is told on the day of the saying and keeps it."""
    verb = _tensed_verb(trigger)
    return verb is not None and _told_past(verb) and _said_clause(verb)


def _tensed_verb(token: Token) -> Token | None:
    """The nearest word at or above ``token`` that carries a tense (see ``_finite``): the
    verb itself, or the verb a noun or a participle hangs on ("used such violence as
    detaining them")."""
    for _ in range(MAX_HOPS + 2):
        if _finite(token):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _told_past(verb: Token) -> bool:
    """Whether a verb with a tense is in the past: "launched", "was accused", "did not"."""
    if verb.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _said_clause(verb: Token) -> bool:
    """Whether a verb lies in the that-clause of a verb of saying ("noted that they
    launched strikes", "said that Kim, who praised them, ..."), through the clauses and
    phrases between (SAID_PATH_DEPS), in the same sentence."""
    token = verb
    for _ in range(MAX_HOPS + 2):
        head = token.head
        if head.i == token.i:
            return False
        if token.dep_ == "ccomp" and head.lemma_.lower() in SAYING_LEMMAS:
            # The saying before its clause: reported words. A saying after them ("Gondor
            # attacked, an aide said") gives the source of news the story tells as its own.
            return head.pos_ in CLAUSE_POS and head.i < token.i and not _stop_between(token, head)
        if token.dep_ not in SAID_PATH_DEPS:
            return False
        token = head
    return False


def _stop_between(one: Token, two: Token) -> bool:
    """Whether a full stop lies between two words the parser linked: a parse that runs
    two sentences together ("..., he said. Terming it a violation, he called upon ...")
    hangs one's verb on the other's."""
    low, high = sorted((one.i, two.i))
    return any(t.text in (".", "!", "?") for t in one.doc[low + 1 : high])


def _quoted_apart(doc: Doc, one: int, two: int) -> bool:
    """Whether a double quotation mark opens or closes between tokens ``one`` and ``two``
    an odd number of times: one of them lies in a quotation or a quoted title the other is
    outside of ('paid tribute before the photo "Kim Il Sung in Mangyongdae in April"')."""
    low, high = min(one, two), max(one, two)
    marks = sum(1 for token in doc[low:high] if token.text in DOUBLE_QUOTES)
    return marks % 2 == 1


def _relative(head: Token) -> bool:
    """Whether a time expression (its head token) is the object of a preposition that
    places an act relative to it (RELATIVE_PREPS: "ahead of next week's primary", "after the
    Oct. 3 vote"), up to the nearest verb or preposition."""
    token = head
    while token.head.i != token.i and token.pos_ not in CLAUSE_POS:
        parent = token.head
        if token.dep_ in ("pobj", "pcomp") and parent.dep_ == "prep":
            # The nearest preposition decides: "a rally by workers on May 1" is on that day.
            return parent.lower_ in RELATIVE_PREPS or (
                parent.lower_ in ("of", "to") and parent.head.lower_ in RELATIVE_HEADS
            )
        token = parent
    return False


def _perfect_aspect(verb: Token) -> bool:
    """Whether a verb is in the perfect ("have been blocked", "had opposed"). Said in a
    reported clause, the act was done before the saying: the report's day is the report's
    ("KCNA reported on Oct. 16 that the roads have been blocked", "recalled on April 10
    that the islanders have opposed the construction"), while "said on Nov. 7 that they
    oppose" or "urged on Monday that talks be held" is told on that day."""
    return verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in PRESENT_PERFECT + PAST_PERFECT
        for c in verb.children
    )


def _past(trigger: Token) -> bool:
    """Whether the trigger is a verb told in the past ("suppressed", "was held", "had
    met")."""
    if trigger.tag_ == "VBD":
        return True
    return trigger.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lower_ in PAST_PERFECT)
        for c in trigger.children
    )


def _after(value: str, on: date) -> bool:
    """Whether a date value lies wholly after the publication day: an act told in the past
    cannot have happened then, so such a time expression is a name resolved to the wrong
    year ('the "May 16 coup" which suppressed ...') or another act's."""
    value = calendar_date(value[:10])
    return value > on.isoformat()[: len(value)]


def _governed_by_background(trigger: Token) -> bool:
    """Whether an event with no tense of its own (a noun, a participle, an infinitive) hangs
    on a verb told as background: "the regime has resorted to an indiscriminate control of
    media and crackdown upon them", "has taken heat from a civil rights group demanding
    ...". Its time is that verb's, as a day said in that verb's clause would be its day."""
    token = trigger
    hops = 0
    while hops < MAX_HOPS and token.dep_ in INHERIT_DEPS and not _finite(token):
        token = token.head
        hops += 1
        if token.pos_ in CLAUSE_POS and _background(token):
            return True
    return False


def _finite(token: Token) -> bool:
    """Whether a word carries a tense of its own: a verb in the present or past, or with an
    auxiliary ("has urged", "will meet")."""
    if token.pos_ not in CLAUSE_POS:
        return False
    return token.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in token.children
    )


def _background(trigger: Token) -> bool:
    """Whether the event is said to have happened at some earlier time the text does not
    give: "previously warned", "have already declared", "in the past refused", "accused X
    in a recent letter", "the recent visit". Such an act is history told in passing, not news
    of the day, and cannot be dated (docs/annotation.md, Date). Only words on the trigger
    itself count: "urged them to answer the recent questionnaire" is today's urging."""
    if _perfect(trigger):
        return True
    head = trigger.head
    if (
        trigger.dep_ == "conj"
        and trigger.pos_ in CLAUSE_POS
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)
        and any(c.dep_ == "advmod" and _earlier(c, head) for c in head.children)
    ):
        return True  # "Earlier, they toured a farm and met its workers"
    for child in trigger.children:
        lower = child.lower_
        if child.dep_ == "advmod" and lower in BACKGROUND_ADVERBS:
            return True
        if child.dep_ == "advmod" and _earlier(child, trigger):
            return True  # "Earlier, they visited the farm": before the story's act
        if child.dep_ == "advmod" and lower == "ago":
            return True  # "some days ago", "shortly ago": a time ago the text does not count
        if lower == "day" and child.dep_ in ("npadvmod", "advmod", "dobj") and _other_day(child):
            return True  # "criticized them the other day"
        if child.dep_ == "amod" and lower in BACKGROUND_ADJECTIVES:
            return True  # "the recent visit"
        if child.dep_ == "prep" and _past_setting(child):
            return True  # "in the past", "in a recent letter", "during his recent tour"
        if child.dep_ == "nsubj" and any(
            c.dep_ == "prep" and _past_setting(c) for c in child.children
        ):
            return True  # "The observer in a recent letter accused ...": the parse's subject
    return False


def _earlier(adverb: Token, verb: Token) -> bool:
    """Whether a bare "earlier" before the verb puts its act before the story's occasion
    ("Earlier, the delegation toured a farm"), at a day the text does not give; "earlier in
    the day", "earlier on Monday" and "earlier than" name their own time or compare."""
    return (
        adverb.lower_ == "earlier"
        and adverb.i < verb.i
        and not any(c.dep_ != "punct" for c in adverb.children)
    )


def _other_day(day: Token) -> bool:
    """Whether "day" is "the other day": a recent day the text does not give."""
    words = {c.lower_ for c in day.children if c.dep_ in ("det", "amod")}
    return words == {"the", "other"}


def _past_setting(prep: Token) -> bool:
    """Whether a preposition puts an act in the past or a recent thing: "in the past",
    "in a recent letter", "during his recent tour"."""
    if prep.lower_ not in ("in", "during", "at"):
        return False
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        if obj.lower_ == "past" or any(
            c.dep_ == "amod" and c.lower_ in BACKGROUND_ADJECTIVES for c in obj.children
        ):
            return True
    return False


def _perfect(trigger: Token) -> bool:
    """Whether the trigger is a verb in the perfect that tells background: "the regime has
    resorted to", "who have long visited", "had attended", "has been critical of", "has
    been talking with". An act told as done by now or by then, at a time the text does not
    give, is history told in passing, not news of the day. A report's lead gives its news
    in the present perfect ("Pyongyang Municipality has provided spare parts", "McCarthy
    has signed up to serve as a delegate"): a plain present perfect in the main clause of
    one of the story's first sentences is news (see ``_lead_news``)."""
    verb = trigger
    if verb.dep_ in ("acomp", "attr") and verb.head.lower_ == "been":
        verb = verb.head  # "has been critical of"
    if verb.tag_ not in ("VBN", "VBG"):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = [c.lower_ for c in auxiliaries]
    if verb.tag_ == "VBG" and "been" not in words:
        return False  # "is talking", not "has been talking"
    if not any(word in PRESENT_PERFECT + PAST_PERFECT for word in words):
        return False
    return not _lead_news(verb, auxiliaries)


def _lead_news(verb: Token, auxiliaries: Sequence[Token]) -> bool:
    """Whether a verb in the perfect is a lead's news: a plain present perfect ("have
    provided", "have been sent"; not "had", not "should have probed", not "has been
    talking", not "has been critical") that is the main verb of one of the story's first
    LEAD_SENTENCES sentences."""
    if verb.dep_ != "ROOT" and not (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
        return False  # "Gondor, which has urged ...", "recalled that they have opposed"
    if verb.tag_ != "VBN" or verb.lower_ == "been" or any(c.tag_ == "MD" for c in auxiliaries):
        return False
    if not any(c.lower_ in PRESENT_PERFECT for c in auxiliaries):
        return False
    start = verb.sent.start
    for n, sentence in enumerate(verb.doc.sents):
        if n >= LEAD_SENTENCES:
            return False
        if sentence.start == start:
            return True
    return False


def _setting_date(trigger: Token, heads: Sequence[tuple[int, Timex]]) -> str | None:
    """The day of a participle clause that opens the sentence and sets its scene: "Giving
    field guidance at the university in September 2018, he said ..." is said then."""
    if trigger.pos_ not in CLAUSE_POS:
        return None
    for child in trigger.children:
        if child.dep_ == "advcl" and child.i < trigger.i and child.tag_ in ("VBG", "VBN"):
            found = _date_in(clause_tokens(child), heads, child.i)
            if found is not None:
                return found
    return None


def _speaker_setting_date(trigger: Token, heads: Sequence[tuple[int, Timex]]) -> str | None:
    """The day of a participle on the subject that says where the act was done: "The
    envoy, addressing a meeting of the council on Nov. 5, called for talks", "A delegate,
    speaking at a session held in Geneva on March 6, denounced ...". The whole participle
    phrase counts, the meeting's own clause too: its day is the day of the speech."""
    if trigger.pos_ not in CLAUSE_POS:
        return None
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    if trigger.dep_ == "acl" and trigger.tag_ == "VBD":
        subjects.append(trigger.head)  # the parse made the verb a clause of its subject
    for subject in subjects:
        if subject.i > trigger.i:
            continue
        for child in subject.children:
            if (
                child.dep_ in ("acl", "advcl")
                and child.tag_ == "VBG"  # not "elected on May 1", another act's day
                and subject.i < child.i < trigger.i
            ):
                found = _date_in({t.i for t in child.subtree}, heads, child.i)
                if found is not None:
                    return found
    for child in trigger.children:  # the parse may hang the participle on the verb
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.i < trigger.i:
            found = _date_in({t.i for t in child.subtree}, heads, child.i)
            if found is not None:
                return found
    return None


def _shared_date(trigger: Token, heads: Sequence[tuple[int, Timex]]) -> str | None:
    """The day of the verb conjoined after the trigger, which the two share: "met and had a
    talk with Lavrov in Moscow on Sept. 17"."""
    if trigger.pos_ not in CLAUSE_POS:
        return None
    for child in trigger.children:
        if child.dep_ == "conj" and child.pos_ in CLAUSE_POS and child.i > trigger.i:
            return _date_in(clause_tokens(child), heads, child.i)
    return None


def _names_other(doc: Doc, i: int, timex: Timex, own: set[int]) -> bool:
    """Whether the time expression whose head is token ``i`` names a thing other than the
    tokens ``own``: it modifies a noun after it (see NAME_DEPS) and a determiner opens the
    name ("the June 15 joint declaration", 'the "May 24 measure"', "the 2015 NPT Review
    Conference"), while "In April members of the institute visited" is a misread time. A
    thing during which the event happened keeps its day ("attacks during the Oct. 26
    by-election")."""
    head = doc[i]
    noun = head.head
    if head.dep_ not in NAME_DEPS or noun.i <= i or noun.i in own:
        return False
    # A proper name is a thing's, even as the place of the act: "met at the April 25 House
    # of Culture", "visited the February 8 Vinalon Complex".
    if noun.dep_ == "pobj" and noun.head.lower_ in DURING_PREPS and noun.pos_ != "PROPN":
        return False
    first = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    at = first.start - 1 if first is not None else i - 1
    # Back over quotes and the first end of a range: 'the "May 24 measure"', "the June
    # 25-July 27 month of struggle" (the range's second end names the month too).
    while at >= 0 and (
        doc[at].is_quote
        or doc[at].text in ("-", "\u2013")
        or (doc[at].ent_type_ == "DATE" and doc[at].dep_ not in ("det", "poss"))
    ):
        at -= 1
    # "the June 15 declaration", "Kerry's 2004 campaign" (the possessive "'s" opens it).
    return at >= 0 and (doc[at].dep_ in ("det", "poss") or doc[at].tag_ == "POS")


def occasion_days(
    doc: Doc, heads: Sequence[tuple[int, Timex]], on: date | None
) -> list[tuple[int, str]]:
    """The days a story gives that can be its occasion, (end offset, day) in text order: a
    full day in the month before publication, not said inside a relative clause (in "Gondor,
    which signed a treaty on March 3, criticized Mordor" the day is the signing's alone) nor
    naming a thing ("the June 15 joint declaration")."""
    if on is None:
        return []
    days = []
    opening = _opening_text(doc)
    block = _block_start(doc)
    for index, timex in heads:  # in token order
        value = timex.value[:10]
        if not DAY_VALUE.match(value):
            continue
        head = doc[index]
        embedded = any(t.dep_ in EMBEDDED_DEPS or _reason_clause(t) for t in head.ancestors)
        if head.dep_ in NAME_DEPS and head.head.i > head.i:
            continue  # a day naming something: "the June 15 joint declaration"
        if _of_occasion(head):
            continue  # the anniversary's day: "on the occasion of his birthday, January 8"
        if timex.start <= DATELINE_REACH and DATELINE.match(opening, timex.end):
            continue  # "Pyongyang, September 6 (KCNA) --": the day of writing, no occasion
        if block is not None and timex.start >= block:
            continue  # a day the statement tells: its words' time, not the story's occasion
        if not embedded and 0 <= (on - date.fromisoformat(value)).days <= OCCASION_DAYS:
            days.append((timex.end, value))
    return days


def _block_start(doc: Doc) -> int | None:
    """Where the words of the story's first statement block begin: the end of the first
    sentence that ends in a colon after a verb of saying ("..., which said:", "The message
    said and went on:"). A KCNA report gives its occasion before the block ("issued a press
    statement on Thursday, which said:"); a day the statement tells ("staged drills from
    August 26") is the time of what it speaks of, not the day of the acts it goes on to
    tell ("are being staged in succession"). Only a block the story opens in its first
    BLOCK_SENTENCES sentences is the story's own: "He went on:" further down a round-up of
    statements is one voice among several, and the next statement's day is its occasion."""
    for n, sentence in enumerate(doc.sents):
        if n >= BLOCK_SENTENCES:
            return None  # a block opened later is one voice of a round-up: narration resumes
        last = sentence[-1]
        while last.is_space and last.i > sentence.start:
            last = doc[last.i - 1]
        if last.text != ":":
            continue
        if any(t.pos_ in CLAUSE_POS and t.lemma_.lower() in BLOCK_LEMMAS for t in sentence):
            return last.idx + 1
    return None


def _opening_text(doc: Doc) -> str:
    """The story's first characters, as far as a dateline after a day near the start can
    reach, joined from the first tokens only (``Doc.text`` joins the whole document)."""
    reach = DATELINE_REACH + DATELINE_LENGTH
    parts = []
    for token in doc:
        if token.idx > reach:
            break
        parts.append(token.text_with_ws)
    return "".join(parts)


def occasion_dates(
    events: Sequence[Event], days: Sequence[tuple[int, str]], doc: Doc | None = None
) -> list[Event]:
    """``events`` with each one dated by the publication day given the last of ``days``
    (``occasion_days``) before its trigger instead, where there is one (``date_source``
    "context"): the occasion the report tells (see the module's docstring). An act the text
    says is going on now ("they are floating the story") keeps the publication day."""
    ends = [end for end, _ in days]
    lead_day = _lead_day(doc, days, ends)
    out = []
    for event in events:
        given = bisect_right(ends, event.trigger[0])
        if event.date_source != "published" or _ongoing(doc, event):
            pass
        elif given:
            event = dataclasses.replace(event, date=days[given - 1][1], date_source="context")
        elif lead_day is not None and event.trigger[0] < lead_day[0]:
            event = dataclasses.replace(event, date=lead_day[1], date_source="context")
        out.append(event)
    return out


def recent_occasion(
    events: Sequence[Event], doc: Doc, heads: Sequence[tuple[int, Timex]]
) -> list[Event]:
    """``events`` with those told in the past and dated only by the publication undated
    when the story's lead puts its news at a recent time it does not give ("The observer in
    a recent letter accused Israel ... He said ... He called upon ...", "Demos were staged
    in Kabul recently. ... they condemned ..."): the acts it tells after are that occasion's,
    whose day is not known, not the publication day's."""
    if not _recent_lead(doc, heads):
        return list(events)
    out = []
    for event in events:
        if event.date_source == "published":
            span = doc.char_span(event.trigger[0], event.trigger[1], alignment_mode="expand")
            verb = _tensed_verb(span[0]) if span is not None and len(span) else None
            if verb is not None and _told_past(verb):
                event = dataclasses.replace(event, date=None, date_source=None)
        out.append(event)
    return out


def history_undated(
    events: Sequence[Event], doc: Doc, heads: Sequence[tuple[int, Timex]], on: date | None
) -> list[Event]:
    """``events`` with those told in the past and dated only by the publication (or by an
    occasion the story gave before that time) undated when the last time the story gave
    before them is history, a year before last or older ("in September 1875 the invaders
    attacked the battery. ... This notwithstanding, they threatened the government"; "in the
    mid-1990s"; "she visited it in May 2002. Touring the city, she made remarks" in a story
    of last Monday's questionnaire): the story is telling that past, whose acts it gives no
    day of, not news of the day (docs/annotation.md, Date). A sentence told
    in the present between them ends the telling of the past ("Historical data are on
    display at the museum. A worker told KCNA ...")."""
    if on is None or not heads:
        return list(events)
    # A time said in a relative or reported clause is that clause's alone ("the women who
    # volunteered more than two decades ago", "noting that he conceived the plan in 2002").
    told = sorted(
        (timex.start, timex.value)
        for i, timex in heads
        if not any(t.dep_ in HISTORY_APART_DEPS for t in doc[i].ancestors)
        and not _period_of_thing(doc[i], timex, set())
    )
    starts = [start for start, _ in told]
    present = [s.start_char for s in doc.sents if _finite(s.root) and not _told_past(s.root)]
    out = []
    for event in events:
        if event.date_source in ("published", "context"):
            before = bisect_left(starts, event.trigger[0])
            if (
                before
                and _history(told[before - 1][1], on)
                and not _occasion_after(heads, event, starts[before - 1])
                and not _present_between(present, starts[before - 1], event.trigger[0])
                and _past_act(doc, event)
            ):
                event = dataclasses.replace(event, date=None, date_source=None)
        out.append(event)
    return out


def _occasion_after(heads: Sequence[tuple[int, Timex]], event: Event, start: int) -> bool:
    """Whether a context-dated event's occasion day is said after ``start`` (and before the
    event): the story came back from the history it told to its occasion."""
    if event.date_source != "context":
        return False
    return any(
        start < timex.start < event.trigger[0] and timex.value[:10] == event.date
        for _, timex in heads
    )


def dead_undated(
    events: Sequence[Event], doc: Doc, died: Mapping[str, date], on: date | None
) -> list[Event]:
    """``events`` with those done by someone who had died before the day they were given
    undated, where that day was only the publication's or the occasion's (``died``: entity
    id -> date of death): "He provided the June 15 joint declaration" in a story written
    after Kim Jong Il's death tells his act at a time the text does not give. Not while the
    death is news (within OCCASION_DAYS), when a mourner's "He expressed condolences" is
    as often read as the dead man's, nor for a saying ("he noted", "he concluded"), which
    a speech's words read as the dead man's when the speaker spoke of him."""
    if not died or on is None:
        return list(events)
    out = []
    for event in events:
        death = died.get(event.source) if event.source else None
        if (
            death is not None
            and (on - death).days > OCCASION_DAYS
            and event.date_source in ("published", "context")
            and event.date is not None
            and event.date[:10] > death.isoformat()
            and not _saying(doc, event)
        ):
            event = dataclasses.replace(event, date=None, date_source=None)
        out.append(event)
    return out


def _saying(doc: Doc, event: Event) -> bool:
    """Whether the event's trigger is a verb of saying (SAYING_LEMMAS, DEAD_SAYINGS)."""
    span = doc.char_span(event.trigger[0], event.trigger[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    lemma = span[0].lemma_.lower()
    return lemma in SAYING_LEMMAS or lemma in DEAD_SAYINGS


def _present_between(present: Sequence[int], start: int, end: int) -> bool:
    """Whether a sentence told in the present (``present``: their starts) begins after
    ``start`` and at or before ``end``."""
    return bisect_right(present, end) > bisect_right(present, start)


def _history(value: str, on: date) -> bool:
    """Whether a time expression's value lies before the year before publication: a decade
    or a century (PERIOD_VALUE), or a year, month or day of such a year."""
    if PERIOD_VALUE.match(value):
        return True
    return value[:4].isdigit() and int(value[:4]) <= on.year - HISTORY_YEARS


def _past_act(doc: Doc, event: Event) -> bool:
    """Whether an event's trigger is told in the past (its own tense or its verb's)."""
    span = doc.char_span(event.trigger[0], event.trigger[1], alignment_mode="expand")
    verb = _tensed_verb(span[0]) if span is not None and len(span) else None
    return verb is not None and _told_past(verb)


def _recent_lead(doc: Doc, heads: Sequence[tuple[int, Timex]]) -> bool:
    """Whether the story's first sentence (after a dateline) says its news is recent
    ("recently", "lately", "in a recent letter", "shortly ago", "the other day": see
    ``_background``) and names no time of
    its own."""
    sentences = doc.sents
    first = next(sentences, None)
    if first is not None and first.end_char <= DATELINE_REACH + 20 and _has_dateline(first):
        first = next(sentences, None)
    if first is None or any(first.start <= i < first.end for i, _ in heads):
        return False
    # The recent time must be the news's own ("demos were staged recently", "in a recent
    # letter accused"), not a thing's it speaks of ("urged them to answer the recent letter");
    # "shortly ago", "some days ago" and "the other day" put it at a recent day too.
    return _background(first.root) and any(
        t.lower_ in RECENT_WORDS
        or (t.lower_ == "ago" and t.head.i == first.root.i)
        or (t.lower_ == "day" and t.head.i == first.root.i and _other_day(t))
        for t in first
    )


def _lead_day(
    doc: Doc | None, days: Sequence[tuple[int, str]], ends: Sequence[int]
) -> tuple[int, str] | None:
    """(end of the first sentence, day) when the story's first sentence gives no day and its
    second gives one: a lead that tells the news and a sentence that dates it ("The Swiss
    organizations slammed the U.S. for ... drills. The committee issued a joint statement on
    Feb. 6.")."""
    if doc is None or not days:
        return None
    sentences = doc.sents
    first = next(sentences, None)
    if first is not None and first.end_char <= DATELINE_REACH + 20 and _has_dateline(first):
        first = next(sentences, None)  # the parse made the dateline a sentence of its own
    second = next(sentences, None)
    if first is None or second is None:
        return None
    cut = bisect_right(ends, first.end_char)
    if cut or cut >= len(ends) or ends[cut] > second.end_char:
        return None
    return first.end_char, days[cut][1]


def _ongoing(doc: Doc | None, event: Event) -> bool:
    """Whether the event's trigger is a verb in the present progressive ("are floating",
    "is rendering"): the act goes on at the time of writing."""
    if doc is None:
        return False
    span = doc.char_span(event.trigger[0], event.trigger[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span[0]
    if verb.pos_ not in CLAUSE_POS:
        return _state_of_now(verb)
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "be" for c in verb.children
    )


def _state_of_now(noun: Token) -> bool:
    """Whether an event named by a noun hangs on a verb in the simple present, the nearest
    verb with a tense above it: "Japan gets hell-bent on sanctions", "while intensifying the
    persistent suppression" (on "gets"). The sanctions are in force as the story is written,
    not on the day of the occasion it told before."""
    token = noun
    for _ in range(MAX_HOPS + 2):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ in CLAUSE_POS and _finite(token):
            return token.tag_ in ("VBZ", "VBP") and not any(
                c.dep_ in ("aux", "auxpass") for c in token.children
            )
    return False


def _has_dateline(sentence: Span) -> bool:
    """Whether a sentence holds a dateline ("Pyongyang, September 6 (KCNA) --")."""
    text = sentence.text
    return any(DATELINE.match(text, i) for i, char in enumerate(text) if char in " (")
