"""Pass 4: a speaker's name and a colon opening a paragraph, and a headline's verb.

"Graham: Trump's rhetoric ..." as a headline (the first line, which paraphrases), and
transcript lines ("MATTHEWS: Well, speculation is bad."): a name of up to four capitalised
words, a colon, then what was said, to the end of the paragraph. "Senator Doe Endorses
Smith" as a headline: the words before the verb, the verb, the rest of the line.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

from parley.quotes.drafts import Draft, QuoteState, trim

__all__ = ["find_headline_verbs", "find_headlines"]

_HEADLINE = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}): (\S.*)$")
# The first line, a headline, names its speaker in a phrase that may run longer and keep
# lower-case words ("Clinton camp: ...", "Former AG Doe at the convention: ...", "Doe to
# the union: ...", "Doe's new warning: ..."): on PolNeAR train 10 of the 16 such first
# lines are attributions (dev 3 of 3), the others mostly dropped by ``_names_someone``.
_FIRST_LINE = re.compile(r"^([A-Z][\w.'’-]*(?: [\w.'’-]+){0,6}): (\S.*)$")
# "Doe to the union: ...", "Doe On Climate: ...": whom or what the headline's speaker
# addressed, which PolNeAR leaves out of the source.
_ADDRESSED = re.compile(r" (?:to|on) ", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")


def find_headlines(state: QuoteState, drafts: list[Draft]) -> list[Draft]:
    """A draft for each labelled line that no draft in ``drafts`` overlaps."""
    text, labels = state.text, state.lex.labels
    # Earlier drafts by where their content starts, with the furthest end so far: a line
    # overlaps one of them when some draft starting before the line's end ends after its
    # start (the new drafts lie within their own line, so never overlap a later one).
    spans = sorted((d.start, d.end) for d in drafts if d.content)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))
    out: list[Draft] = []
    offset = 0
    for n, line in enumerate(text.split("\n")):
        here, offset = offset, offset + len(line) + 1
        m = (_HEADLINE if n > 0 else _FIRST_LINE).match(line)
        if m is None or (n > 0 and not _speaker_label(m.group(1), labels)):
            continue
        if m.group(1).lower() in labels or not _LETTER.search(m.group(2)):
            continue  # "The Latest: ...", a series title; "Sanders: 1,501", a tally
        if not _names_someone(state, here + m.end(1)):
            continue  # "Revealed: ...", "Confirmed: ...": a word of the headline, no speaker
        before = bisect_left(starts, here + len(line))
        if before and reach[before - 1] > here:
            # Only a name in capitals, a transcript's convention: "Jane Doe: Student loans"
            # over a paragraph that reports her is a subhead (train: 4 of 5 such lines).
            if n == 0 or not m.group(1).isupper():
                continue
            if not _inside(spans[:before], here, here + m.start(2)):
                continue
        content = trim(text, here + m.start(2), here + m.end(2))
        addressed = _ADDRESSED.search(m.group(1)) if n == 0 else None
        label_end = m.start(1) + addressed.start() if addressed else m.end(1)
        source = trim(text, here + m.start(1), here + label_end)
        if content is None or source is None:
            continue
        colon = here + m.end(1)
        kind = "indirect" if n == 0 else "direct"  # a headline paraphrases
        out.append(
            Draft(
                [content],
                source,
                (colon, colon + 1),
                ":",
                kind,
                here + m.start(1),
                rule="headline",
            )
        )
    return out


_LONGEST_HEADLINE = 20  # tokens: a longer first line is a lede, which the parser reads well
_LONGEST_HEADLINE_SOURCE = 6  # tokens before the verb: "Conservative Icon Jane Doe"
# Words after which a headline's source starts: a kicker ("EXCLUSIVE – Doe Slams ...",
# "FIX IS IN: Board Backs ...").
_KICKER_ENDS = frozenset({":", "–", "—", "-", "|"})


def find_headline_verbs(state: QuoteState, drafts: list[Draft]) -> list[Draft]:
    """The headline's attribution through its verb, when no draft in ``drafts`` touches the
    first line: "Senator Doe Endorses Smith", "Union blasts port plan; talks go on". The
    words before the verb are the source, the verb the cue, the rest of the line (to a
    semicolon) the content. The parser reads headline grammar poorly ("Endorses" as part of
    a name, "skywriters blast" as a verb and its object), so the line is read from its
    words: the first word whose form is a present-tense ("endorses") or "said" form of a
    ``headline_verbs`` lemma, after one to six words that start with a capital letter or
    are a name's "of" or "'s"."""
    text, parse, verbs = state.text, state.parse, state.lex.headline_verbs
    end = text.find("\n")
    if end <= 0 or any(d.start < end for d in drafts if d.content):
        return []
    first = bisect_left(parse.token_starts, 0)
    last = bisect_left(parse.token_starts, end)
    if last - first > _LONGEST_HEADLINE or any(state.in_quote[i] >= 0 for i in range(first, last)):
        return []
    lowers, starts, ends = parse.lowers, parse.token_starts, parse.token_ends
    begin = first
    for i in range(first, last):
        if lowers[i] in _KICKER_ENDS:
            begin = i + 1
            continue
        lemma = _present_lemma(lowers[i], verbs)
        if lemma is None or not 0 < i - begin <= _LONGEST_HEADLINE_SOURCE:
            continue
        if not all(
            text[starts[j]].isupper() or lowers[j] in ("of", "'s", "’s") for j in range(begin, i)
        ):
            return []  # "How the deal blasts ...": not a name before the verb
        if i + 1 < last and parse.pos[i + 1] in ("AUX", "VERB"):
            return []  # "Nomination questions are ...": a noun, the subject of the next verb
        cue_end = ends[i]
        if lemma == "call" and i + 1 < last and lowers[i + 1] in ("for", "on"):
            cue_end = ends[i + 1]  # "Doe Calls For a Ban": PolNeAR's cue is "Calls For"
        stop = text.find(";", cue_end, end)
        content = trim(text, cue_end, stop if stop >= 0 else end)
        source = trim(text, starts[begin], ends[i - 1])
        if content is None or source is None or not _LETTER.search(text, content[0], content[1]):
            return []
        return [
            Draft(
                [content],
                source,
                (starts[i], cue_end),
                lemma,
                "indirect",
                starts[i],
                source_token=i - 1,
                cue_token=i,
                rule="headline",
            )
        ]
    return []


def _present_lemma(word: str, verbs: frozenset[str]) -> str | None:
    """The lemma in ``verbs`` whose third-person present ("blasts", "denies", "pushes") or,
    for "say", past ("said") form ``word`` is."""
    if word == "said":
        return "say" if "say" in verbs else None
    if not word.endswith("s"):
        return None
    for stem in (word[:-3] + "y" if word.endswith("ies") else "", word[:-2], word[:-1]):
        if stem in verbs:
            return stem
    return None


def _inside(spans: list[tuple[int, int]], line: int, start: int) -> bool:
    """Whether every draft overlapping the transcript line (the ``spans`` ending after
    ``line``, its start) lies within what the speaker says (from ``start``): "DOE:
    I think the pier is late" is Doe's line, and "I think ..." an attribution inside it,
    which PolNeAR marks too (train, 840 articles: 9 of the 10 such lines with a name in
    capitals are attributions with that speaker, and none was found while the inner drafts
    blocked the line)."""
    return all(s >= start for s, e in spans if e > line)


_NO_SPEAKER_POS = frozenset({"VERB", "AUX", "ADJ", "ADV"})


def _names_someone(state: QuoteState, label_end: int) -> bool:
    """Whether the label's last word is a name or a noun, not a verb or an adjective."""
    parse = state.parse
    i = bisect_left(parse.token_ends, label_end)
    return i >= len(parse.pos) or parse.pos[i] not in _NO_SPEAKER_POS


def _speaker_label(label: str, labels: frozenset[str]) -> bool:
    """A transcript speaker: a name, not a section label ("Update:", "Note:")."""
    words = label.split()
    return label.lower() not in labels and (len(words) > 1 or label.isupper())
