"""Match a word of the parse against the CAMEO lexicon: which code, and which words carry it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from parley.events.lexicon import Lexicon, Pattern, load_patterns
from parley.events.petrarch import read_verb_dictionary

OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})
PREP_DEPS = frozenset({"prep", "prt", "agent"})
COMP_DEPS = frozenset({"xcomp", "ccomp"})
ADJ_DEPS = frozenset({"acomp", "oprd", "ccomp", "xcomp", "advmod", "dobj"})
MOD_DEPS = frozenset({"compound", "amod", "nmod"})
VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})

# When a verb of intent, appeal, demand, rejection or threat governs a to-clause that carries
# an event of its own, CAMEO codes the pair as one sub-code ("agreed to meet" is 036, not 030
# and 040). Keys: (governing root, complement root) -> code.
COMPLEMENT_CODES: dict[tuple[str, str], str] = {
    ("03", "04"): "036",
    ("03", "06"): "031",
    ("03", "07"): "033",
    ("03", "08"): "035",
    # A vow or pledge of a hostile act is a threat: "vowed to wage war" is 138.
    ("03", "14"): "133",
    ("03", "15"): "138",
    ("03", "16"): "131",
    ("03", "17"): "137",
    ("03", "18"): "138",
    ("03", "19"): "138",
    ("03", "20"): "138",
    ("02", "04"): "026",
    ("02", "06"): "021",
    ("02", "07"): "023",
    ("02", "08"): "025",
    ("10", "04"): "106",
    ("10", "06"): "101",
    ("10", "07"): "103",
    ("10", "08"): "105",
    ("12", "04"): "125",
    ("12", "06"): "121",
    ("12", "07"): "122",
    ("12", "08"): "124",
    ("13", "16"): "131",
    ("13", "17"): "132",
    ("13", "18"): "138",
    ("13", "19"): "138",
    ("13", "20"): "138",
}


@dataclass(frozen=True, slots=True)
class Match:
    """A word of the parse coded by a lexicon entry; ``extra`` are the words of its condition."""

    token: Token
    pattern: Pattern
    extra: tuple[Token, ...]

    @property
    def code(self) -> str:
        return self.pattern.code

    @property
    def tokens(self) -> tuple[Token, ...]:
        return (self.token, *self.extra)


@lru_cache(maxsize=8)
def build_lexicon(extra_verbs: tuple[Path, ...] = ()) -> Lexicon:
    """Parley's lexicon plus any PETRARCH/TABARI verb dictionaries; for a word both cover,
    the user's dictionary is tried first."""
    patterns: list[Pattern] = list(load_patterns())
    for path in extra_verbs:
        patterns.extend(read_verb_dictionary(Path(path)))
    return Lexicon(patterns, user_first=bool(extra_verbs))


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _children(token: Token, deps: frozenset[str]) -> Iterable[Token]:
    return (child for child in token.children if child.dep_ in deps)


def _condition_tokens(token: Token, pattern: Pattern) -> tuple[Token, ...] | None:
    """The words meeting the pattern's condition, () for none needed, None when unmet."""
    if pattern.condition is None:
        return ()
    kind, value = pattern.condition
    if kind == "obj":
        for child in token.children:
            if child.dep_ in OBJECT_DEPS or child.dep_ == "nsubjpass":
                if _lemma(child) == value:
                    return (child,)
                # "impose unprecedented diplomatic and economic pressure": the head noun.
                for conj in _children(child, frozenset({"conj"})):
                    if _lemma(conj) == value:
                        return (conj,)
        return None
    if kind == "prep":
        for child in _children(token, PREP_DEPS):
            if child.lower_ == value:
                return (child,)
        return None
    if kind == "comp":
        for child in _children(token, COMP_DEPS):
            if _lemma(child) == value:
                return (child,)
        return None
    if kind == "adj":
        for child in _children(token, ADJ_DEPS):
            if _lemma(child) == value:
                return (child,)
        return None
    if kind == "mod":
        for child in _children(token, MOD_DEPS):
            if _lemma(child) == value:
                return (child,)
        return None
    if kind == "subj":
        # "Troops withdrew from the border" is a military retreat, not cut relations; the
        # subject's words are who acts, not the action, so the trigger keeps none of them.
        return () if _subject_is(token, value) else None
    # "word": a word later in the verb's own phrase, as PETRARCH patterns read.
    for other in token.subtree:
        if other.i > token.i and other.i - token.i <= 6 and value in (_lemma(other), other.lower_):
            return (other,)
    return None


def _subject_is(verb: Token, lemma: str) -> bool:
    """Whether the verb's subject is the noun ``lemma``, or a quantity of it ("hundreds of
    troops", "some of the soldiers")."""
    for subject in _children(verb, frozenset({"nsubj"})):
        if _lemma(subject) == lemma:
            return True
        for prep in _children(subject, frozenset({"prep"})):
            if prep.lower_ == "of" and any(
                _lemma(g) == lemma for g in prep.children if g.dep_ == "pobj"
            ):
                return True
    return False


def match_token(token: Token, lexicon: Lexicon) -> Match | None:
    """The lexicon entry that codes this word (a verb, or a noun naming an event), if any."""
    if token.pos_ in VERB_POS:
        kind = "V"
    elif token.pos_ in NOUN_POS:
        kind = "N"
    else:
        return None
    for pattern in lexicon.lookup(kind, _lemma(token)):
        extra = _condition_tokens(token, pattern)
        if extra is not None:
            return Match(token, pattern, extra)
    return None


def refine_with_complement(governing: str, complement: str) -> str | None:
    """The sub-code for a governing event and the event of its to-clause, if CAMEO has one."""
    return COMPLEMENT_CODES.get((governing[:2], complement[:2]))
