"""Where a content starts and ends: alternative boundaries for a kept attribution, and the
trained chooser that picks one.

The rules find most attributions but often stop a content in the wrong place: they run on
past it into the cue verb's adjuncts ("endorsed Clinton | on Thursday", "rejected that
argument | in a ruling released Thursday", "that they could not | , citing ...") or a
non-restrictive relative clause (", which ..."), or stop before its end. PolNeAR's
convention, read from its train split, is the cue's complement alone: the object noun phrase
or the clause, with neither the verb's other modifiers nor the sentence's final period.

``content_candidates`` proposes, for one draft, the boundaries the parse allows: the start
the rules chose, the start after a leading "that" or a colon, the start of the phrase the
first word hangs on; the end the rules chose, every end before a word that can open an
adjunct (a comma, a dash, a preposition, a conjunction, "which", a participle, a word whose
head lies outside what was kept) up to the end of the sentence, and the sentence's end. Cuts
inside a quotation are never proposed. Each candidate is described by string features (the
first word cut off and what it hangs on, the last word kept, whether the boundary is the
rules' own, the sentence's end, how much was added or dropped) and the chooser
(``model.BoundaryModel``: hashed features, thinc's ``SparseLinear``, a softmax over the
candidates of one draft) scores them; the best replaces the draft's content.

In the analysis the chooser bounds sources and cues only (``APPLIED_ROLES``). Over PolNeAR
dev its content boundaries raised content exact F1 by 0.3 points (55.5 to 55.8) and lowered
both overlap figures a little, at more than half of the chooser's CPU (content candidates are
the most numerous): not worth their cost against the whole analysis's 0.9x-of-spaCy budget.
Training still learns and reports all three.

The token arrays it reads (heads, dependency labels, tags) are the parse index's, read once
per document; no pass walks the parse.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from parley.nlp.index import ParseIndex
from parley.quotes.drafts import Draft, Frag, QuoteState, trim
from parley.quotes.model import BoundaryModel

__all__ = [
    "ALL_ROLES",
    "APPLIED_ROLES",
    "Candidate",
    "choose_bounds",
    "content_candidates",
    "span_candidates",
]


# Punctuation that can close a content: what follows it may be an adjunct.
_CUT_PUNCT = frozenset({",", ";", ":", "—", "–", "―", "--", "-", "(", "["})
# Words that open an adjunct or a clause of their own.
_CUT_POS = frozenset({"ADP", "SCONJ", "CCONJ"})
_CUT_DEPS = frozenset(
    {"relcl", "advcl", "acl", "prep", "npadvmod", "conj", "cc", "appos", "agent", "parataxis"}
)
# Closed-class words named in the features as themselves (others by their tag); a word
# list reads better as text than as 90 quoted items.
_NAMED_WORDS = (
    ", ; : — – ― -- - ( . that which who whom whose when where while although though because"
    " since as after before if unless and but or in on at for to with by from of about"
    " during including excluding citing saying adding according than despite amid over into"
    " against under without until through last this next monday tuesday wednesday thursday"
    " friday saturday sunday yesterday today earlier later then also not so even only"
    " a an the his her their its our statement interview reporters"
)
_NAMED = frozenset(_NAMED_WORDS.split())
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "''", "``", "«", "»"})
_MAX_STARTS = 4
_MAX_ENDS = 12
_BINS = (0, 1, 2, 3, 5, 8, 13, 21, 34)


# The spans whose boundaries the analysis lets the chooser move (see the module's docstring).
APPLIED_ROLES = frozenset({"src", "cue"})
ALL_ROLES = frozenset({"content", "src", "cue"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """One way to bound a draft's content, and what the chooser sees of it."""

    content: tuple[Frag, ...]
    features: list[str]


def content_candidates(state: QuoteState, arrays: ParseIndex, draft: Draft) -> list[Candidate]:
    """The draft's own content first, then the other boundaries the parse allows (see the
    module's docstring); every content piece but the first's start and the last's end is
    kept as the rules left it."""
    parse, text = state.parse, state.text
    starts_of = parse.token_starts
    frags = sorted(draft.content)
    first, last = frags[0], frags[-1]
    s_lo, s_hi = parse.clipped_sentence_at(last[0])
    sentence_end = _trimmed_end(text, s_lo, s_hi)
    # Only what differs between a draft's candidates moves the softmax: the rule that
    # made the draft enters in pairs only.
    rule = f"rule={draft.rule}"
    starts = _start_points(state, arrays, draft, first)
    # An end may move up to the sentence's end, never into the source or the cue after it.
    limit = min(
        [s_hi, *(span[0] for span in (draft.source, draft.cue) if span and span[0] >= last[1])]
    )
    ends = _end_points(state, arrays, last, max(limit, last[1]))
    out: list[Candidate] = []
    seen: set[tuple[Frag, ...]] = set()
    for s, s_feats in starts:
        for e, e_feats in ends:
            if len(frags) == 1:
                piece = trim(text, s, e) if (s, e) != first else first
                if piece is None or piece[1] - piece[0] < 2:
                    continue
                content: tuple[Frag, ...] = (piece,)
            else:
                if e <= last[0] or s >= first[1]:
                    continue
                content = ((s, first[1]), *frags[1:-1], (last[0], e))
            if content in seen:
                continue
            seen.add(content)
            s_tok = bisect_left(starts_of, content[0][0])
            e_tok = bisect_left(starts_of, content[-1][1])
            feats = [*s_feats, *e_feats]
            feats.append(f"at_sent_end={content[-1][1] >= sentence_end}")
            feats.append(f"len={_bin(e_tok - s_tok)}")
            feats += [f"{rule}|{f}" for f in (*s_feats[:2], *e_feats[:3])]
            out.append(Candidate(content, feats))
    if not out or out[0].content != tuple(frags):
        out.insert(0, Candidate(tuple(frags), ["s=orig", "e=orig", "as_is"]))
    return out


def _word(state: QuoteState, arrays: ParseIndex, k: int) -> str:
    lower = state.parse.lowers[k]
    return lower if lower in _NAMED or lower in _QUOTES else arrays.tags[k]


def _start_points(
    state: QuoteState, arrays: ParseIndex, draft: Draft, first: Frag
) -> list[tuple[int, list[str]]]:
    """The rules' start, then later starts (after a leading "that", after a colon or a dash
    that opens the content) and an earlier one (the phrase the first word hangs on)."""
    parse = state.parse
    starts_of, lowers = parse.token_starts, parse.lowers
    t0 = bisect_left(starts_of, first[0])
    t_end = bisect_left(starts_of, first[1])
    points: list[tuple[int, list[str]]] = [
        (
            first[0],
            ["s=orig", f"s.first={_word(state, arrays, t0)}" if t0 < len(lowers) else "s.first=-"],
        )
    ]
    if t0 >= len(lowers):
        return points
    for k in range(t0, min(t_end - 1, t0 + 12)):
        if len(points) >= _MAX_STARTS:
            break
        if state.in_quote[k] != -1 and state.in_quote[k] == state.in_quote[k + 1]:
            continue
        lower = lowers[k]
        if (k == t0 and lower == "that") or lower in (":", "—", "--", "―"):
            points.append(
                (
                    starts_of[k + 1],
                    [
                        f"s.after={lower}",
                        f"s.first={_word(state, arrays, k + 1)}",
                        f"s.drop={_bin(k + 1 - t0)}",
                    ],
                )
            )
    head = arrays.heads[t0]
    if head < t0:
        left = _left_edge(arrays, head, parse.clipped_sentence_at(first[0])[0], starts_of)
        floor = max(
            [-1, *(span[1] for span in (draft.source, draft.cue) if span and span[1] <= first[0])]
        )
        if left < t0 and starts_of[left] >= floor:
            points.append(
                (
                    starts_of[left],
                    [
                        f"s.head={arrays.deps[t0]}",
                        f"s.first={_word(state, arrays, left)}",
                        f"s.add={_bin(t0 - left)}",
                    ],
                )
            )
    return points


def _left_edge(arrays: ParseIndex, token: int, floor: int, starts_of: tuple[int, ...]) -> int:
    """The first token of ``token``'s phrase: the leftmost token whose chain of heads
    reaches it, looked for among the tokens just before it, within the sentence."""
    left = token
    k = token - 1
    while k >= 0 and starts_of[k] >= floor and token - k <= 30:
        h, steps = k, 0
        while h != token and arrays.heads[h] != h and steps < 12:
            h, steps = arrays.heads[h], steps + 1
        if h == token:
            left = k
        k -= 1
    return left


def _end_points(
    state: QuoteState, arrays: ParseIndex, last: Frag, limit: int
) -> list[tuple[int, list[str]]]:
    """The rules' end, every end before a word that can open an adjunct, and the end of
    the sentence (``limit``), nearest the rules' end first."""
    parse, text = state.parse, state.text
    starts_of, lowers, pos = parse.token_starts, parse.lowers, parse.pos
    a = bisect_left(starts_of, last[0])
    orig_tok = bisect_left(starts_of, last[1])
    stop = bisect_left(starts_of, limit)
    points: list[tuple[int, list[str]]] = [
        (last[1], ["e=orig", *_cut_features(state, arrays, orig_tok, a, stop)])
    ]
    cuts: list[tuple[int, int]] = []
    for k in range(a + 1, stop):
        if k == orig_tok:
            continue
        if state.in_quote[k] != -1 and state.in_quote[k] == state.in_quote[k - 1]:
            continue  # never inside a quotation
        if (
            lowers[k] in _CUT_PUNCT
            or pos[k] in _CUT_POS
            or arrays.deps[k] in _CUT_DEPS
            or lowers[k] in ("which", "who", "when", "where", "while")
            or (not a <= arrays.heads[k] < k + 1 and lowers[k - 1] not in _CUT_PUNCT)
        ):
            cuts.append((abs(k - orig_tok), k))
    cuts.sort()
    for _, k in cuts[:_MAX_ENDS]:
        piece = trim(text, last[0], starts_of[k])
        if piece is None:
            continue
        delta = k - orig_tok
        points.append(
            (
                piece[1],
                [
                    "e=cut" if delta < 0 else "e=ext",
                    *_cut_features(state, arrays, k, a, stop),
                    *_change_features(state, arrays, a, min(k, orig_tok), max(k, orig_tok)),
                    f"e.delta={'-' if delta < 0 else '+'}{_bin(abs(delta))}",
                ],
            )
        )
    end_piece = trim(text, last[0], limit)
    if end_piece is not None and end_piece[1] != last[1]:
        delta = stop - orig_tok
        points.append(
            (
                end_piece[1],
                ["e=sent", f"e.delta={'-' if delta < 0 else '+'}{_bin(abs(delta))}"],
            )
        )
    return points


def _cut_features(state: QuoteState, arrays: ParseIndex, k: int, a: int, stop: int) -> list[str]:
    """The first word left out at an end before token ``k``: itself (or its tag), its
    dependency label, where its head is (in the kept part, the cut part, outside), and the
    last word kept."""
    if k >= stop or k >= len(arrays.heads):
        return ["e.next=END"]
    word = _word(state, arrays, k)
    head = arrays.heads[k]
    where = "kept" if a <= head < k else "cut" if k <= head < stop else "out"
    prev = _word(state, arrays, k - 1) if k > a else "-"
    dep = arrays.deps[k]
    nxt = _word(state, arrays, k + 1) if k + 1 < stop else "END"
    heads = arrays.heads
    # A cut that strands a kept word from its head ("that people | would learn") is rarely
    # right; one whose cut words hang on a word before the content (the cue verb's own
    # adjuncts) or on the kept part's last phrase (", which ...") often is.
    dangling = sum(1 for i in range(a, k) if k <= heads[i] < stop)
    hangs = sorted(
        {
            "kept" if a <= heads[i] < k else "before" if heads[i] < a else "after"
            for i in range(k, stop)
            if not k <= heads[i] < stop
        }
    )
    attach = "+".join(hangs) or "none"
    return [
        f"e.dangling={min(dangling, 2)}",
        f"e.attach={attach}",
        f"e.attach|next={attach}|{word}",
        f"e.dangling|next={min(dangling, 2)}|{word}",
        f"e.next={word}",
        f"e.next|head={word}|{where}",
        f"e.dep={dep}|{where}",
        f"e.prev={prev}",
        f"e.prev|next={prev}|{word}",
        f"e.next2={word}|{nxt}",
    ]


def _change_features(state: QuoteState, arrays: ParseIndex, a: int, lo: int, hi: int) -> list[str]:
    """What a moved end adds or drops (tokens ``lo`` to ``hi``): what its words hang on
    (the part kept either way, a word before the content such as the cue verb, a word
    after), and its first word; "cut" or "ext" says which way the end moved."""
    heads = arrays.heads
    roots = [i for i in range(lo, hi) if not lo <= heads[i] < hi]
    hangs = sorted(
        {"kept" if a <= heads[i] < lo else "before" if heads[i] < a else "after" for i in roots}
    )
    attach = "+".join(hangs) or "none"
    first = _word(state, arrays, lo) if lo < len(heads) else "-"
    deps = sorted({arrays.deps[i] for i in roots})[:2]
    return [
        f"d.attach={attach}",
        f"d.attach|first={attach}|{first}",
        f"d.roots={min(len(roots), 3)}",
        *(f"d.dep={d}|{attach}" for d in deps),
    ]


def _trimmed_end(text: str, lo: int, hi: int) -> int:
    piece = trim(text, lo, hi)
    return piece[1] if piece is not None else hi


def _bin(n: int) -> str:
    for top in _BINS:
        if n <= top:
            return f"<={top}"
    return f">{_BINS[-1]}"


# How far a source or cue boundary may move, in tokens: a source loses its relative clause
# (", who has ...") or gains its appositive's comma; a cue gains "in a statement", "to
# reporters" or "went on to" and loses a stray word.
_SPAN_MOVES = {
    "src": (2, 3, 12, 4),
    "cue": (3, 2, 3, 5),
}  # back, forward at start; back, forward at end


def span_candidates(
    state: QuoteState, arrays: ParseIndex, draft: Draft, role: str
) -> list[Candidate]:
    """The source's (``role`` "src") or the cue's ("cue") own span first, then the spans
    whose start or end lies a few tokens from its own, that still hold its head token and
    overlap neither the content nor the other span."""
    span = draft.source if role == "src" else draft.cue
    head = draft.source_token if role == "src" else draft.cue_token
    if span is None or head is None:
        return []
    parse = state.parse
    starts_of, lowers = parse.token_starts, parse.lowers
    n_tokens = len(lowers)
    i = bisect_left(starts_of, span[0])
    j = bisect_left(starts_of, span[1])
    if not i <= head < j:
        return [Candidate((span,), [f"{role}=as_is"])]
    s_lo, s_hi = parse.clipped_sentence_at(span[0])
    lo_tok, hi_tok = bisect_left(starts_of, s_lo), bisect_left(starts_of, s_hi)
    back_s, fwd_s, back_e, fwd_e = _SPAN_MOVES[role]
    # Only the tokens the moved boundaries can reach are asked about: a long content is
    # not turned into a set of all its tokens.
    reach_lo, reach_hi = max(lo_tok, i - back_s), min(hi_tok, j + fwd_e)
    blocked: set[int] = set()
    other = draft.cue if role == "src" else draft.source
    for a, b in [*draft.content, *([other] if other is not None else [])]:
        from_tok, to_tok = bisect_left(starts_of, a), bisect_left(starts_of, b)
        blocked.update(range(max(from_tok, reach_lo), min(to_tok, reach_hi)))
    context = f"{role}.rule={draft.rule}" if role == "src" else f"cue.lemma={draft.cue_lemma}"
    out = [Candidate((span,), [f"{role}=as_is", f"{role}.last={_word(state, arrays, j - 1)}"])]
    ends_of = parse.token_ends
    for a in range(max(lo_tok, i - back_s), min(i + fwd_s, head) + 1):
        if parse.pos[a] == "SPACE" or any(k in blocked for k in range(a, i)):
            continue
        moved_start = (
            [
                f"{role}.s{'+' if a < i else '-'}{f}"
                for f in _moved(state, arrays, min(a, i), max(a, i), i, j)
            ]
            if a != i
            else []
        )
        first = f"{role}.first={_word(state, arrays, a)}"
        for b in range(max(a + 1, head + 1, j - back_e), min(hi_tok, j + fwd_e) + 1):
            if b - 1 in blocked:
                break  # a longer span would reach into the content or the other span
            # One boundary moves at a time: the rules rarely miss both ends of a source
            # or a cue, and the candidates (the stage's cost) stay few.
            if (a != i) == (b != j) or parse.pos[b - 1] == "SPACE":
                continue
            end = ends_of[b - 1]
            feats = [
                f"{role}.start={a - i:+d}",
                f"{role}.end={b - j:+d}",
                first,
                f"{role}.last={_word(state, arrays, b - 1)}",
                f"{role}.next={_word(state, arrays, b) if b < n_tokens else 'END'}",
                *moved_start,
            ]
            if b != j:
                lo, hi = min(b, j), max(b, j)
                feats += [
                    f"{role}.e{'+' if b > j else '-'}{f}"
                    for f in _moved(state, arrays, lo, hi, i, j)
                ]
            feats += [f"{context}|{f}" for f in feats[:2]]
            out.append(Candidate(((starts_of[a], end),), feats))
    return out


def _moved(state: QuoteState, arrays: ParseIndex, lo: int, hi: int, i: int, j: int) -> list[str]:
    """The words a source or cue boundary adds or drops (tokens ``lo`` to ``hi``; the
    span's own tokens are ``i`` to ``j``): the words themselves when there are few, their
    dependency labels, and what they hang on."""
    heads = arrays.heads
    roots = [k for k in range(lo, hi) if not lo <= heads[k] < hi]
    hangs = sorted({"in" if i <= heads[k] < j else "out" for k in roots})
    words = "_".join(_word(state, arrays, k) for k in range(lo, min(hi, lo + 3)))
    deps = "_".join(sorted({arrays.deps[k] for k in roots}))
    return [f"={words}", f".dep={deps}", f".hangs={'+'.join(hangs)}|{deps}"]


def choose_bounds(
    state: QuoteState,
    drafts: list[Draft],
    model: BoundaryModel,
    roles: frozenset[str] = APPLIED_ROLES,
) -> None:
    """Give each draft the boundaries of ``roles`` ("content", "src", "cue") the chooser
    scores best (in place). One scoring call for the whole document."""
    if not drafts:
        return
    arrays = state.parse
    groups = [
        (draft, role, group)
        for draft in drafts
        for role in ("content", "src", "cue")
        if role in roles
        for group in (
            content_candidates(state, arrays, draft)
            if role == "content"
            else span_candidates(state, arrays, draft, role),
        )
        if len(group) > 1
    ]
    scores = model.scores([c.features for _, _, group in groups for c in group])
    at = 0
    for draft, role, group in groups:
        mine = scores[at : at + len(group)]
        at += len(group)
        best = max(range(len(group)), key=lambda n: (mine[n], -n))
        # The rules' own boundaries are right most of the time: another candidate must
        # beat them by the margin tuned on PolNeAR dev.
        if not best or mine[best] - mine[0] <= model.margin(role):
            continue
        if role == "content":
            draft.content = list(group[best].content)
        elif role == "src":
            draft.source = group[best].content[0]
        else:
            draft.cue = group[best].content[0]
