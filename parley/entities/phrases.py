"""The lexicon's phrases found in one pass per document, built once with the resources.

- Role titles ("Secretary of State", "national security advisor") through spaCy's
  ``PhraseMatcher`` on lower-cased tokens: the rules that ask "does a title start here?" or
  "does a title end here?" read the document's matches instead of trying every window of one
  to six tokens at each place.
- The title regexes of ``titles`` and the regional phrases ("the North") compiled once.

Matching stays as the window loops were: a title is the tokens' text, case-folded, equal to
a listed title with a sector; each match is checked that way before it counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, cast

from spacy.lang.en import English
from spacy.lang.lex_attrs import LEX_ATTRS
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
from spacy.vocab import Vocab

from parley.entities.lexicon import Lexicon, RegionalRef

__all__ = ["NAME_WORD", "RegionalPhrases", "RoleMatcher", "RoleSpans", "TitlePatterns"]

_ROLE = "ROLE"


@dataclass(frozen=True, slots=True)
class RoleSpans:
    """The role titles of one document that have a sector, as token ranges."""

    by_start: dict[int, list[tuple[int, str]]]  # start token -> (end token, sector)
    by_end: dict[int, list[tuple[int, str]]]  # end token -> (start token, sector)

    def longest_from(self, start: int, most: int) -> tuple[int, str] | None:
        """End token and sector of the longest title of at most ``most`` tokens at ``start``."""
        ends = [item for item in self.by_start.get(start, ()) if item[0] - start <= most]
        return max(ends, key=_first) if ends else None

    def longest_to(self, end: int, most: int) -> tuple[int, str] | None:
        """Start token and sector of the longest title of at most ``most`` tokens ending
        just before token ``end``."""
        starts = [item for item in self.by_end.get(end, ()) if end - item[0] <= most]
        return min(starts, key=_first) if starts else None


def _first(item: tuple[int, str]) -> int:
    return item[0]


class RoleMatcher:
    """The lexicon's titles with a sector, matched on lower-cased tokens."""

    def __init__(self, lex: Lexicon, vocab: Vocab | None = None) -> None:
        # The sector of a case-folded title; titles marked "-" (no sector) never count.
        self._sectors = {key: sector for key, sector in lex.roles_folded.items() if sector}
        vocab = vocab if vocab is not None else _english_vocab()
        titles = [title for title in lex.roles if title.casefold() in self._sectors]
        forms = list(_spellings(titles))
        tokenizer = phrase_tokenizer(vocab, forms)
        self._matcher = PhraseMatcher(vocab, attr="LOWER")
        self._matcher.add(_ROLE, list(tokenizer.pipe(forms)))

    def find(self, doc: Doc) -> RoleSpans:
        by_start: dict[int, list[tuple[int, str]]] = {}
        by_end: dict[int, list[tuple[int, str]]] = {}
        for _, start, end in self._matcher(doc):
            sector = self._sectors.get(doc[start:end].text.casefold())
            if sector is None:
                continue
            by_start.setdefault(start, []).append((end, sector))
            by_end.setdefault(end, []).append((start, sector))
        return RoleSpans(by_start, by_end)


def _english_vocab() -> Vocab:
    """A vocabulary with English's lexical attributes (LOWER among them), for matchers built
    without the pipeline's; string hashes are the same in every vocabulary."""
    # spaCy's own merge of the attribute getters (LEX_ATTRS is typed loosely there).
    getters = cast(dict[str, Callable[[str], Any]], {**LEX_ATTRS})
    getters.update(cast(dict[str, Callable[[str], Any]], English.Defaults.lex_attr_getters))
    return Vocab(lex_attr_getters=getters)


def phrase_tokenizer(vocab: Vocab, phrases: list[str]) -> Tokenizer:
    """English's tokenizer, as the pipelines have it, for tokenizing ``phrases`` only.

    A phrase matches the document's tokens only if it is cut into the same tokens. Building
    the whole tokenizer (``spacy.blank``) takes half a second, nearly all of it for the
    1,300 special cases; only the few that occur in the phrases can apply, so only those
    are kept.
    """
    defaults = English.Defaults
    blob = "\n".join(phrases)
    rules = {key: value for key, value in defaults.tokenizer_exceptions.items() if key in blob}
    return Tokenizer(
        vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(defaults.prefixes or ()).search,
        suffix_search=compile_suffix_regex(defaults.suffixes or ()).search,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


def _spellings(titles: list[str]) -> Iterator[str]:
    """Each title as written, in lower case and capitalised: the tokenizer's exceptions
    depend on case ("Sen." is one token, "sen." two), so each form gives its own tokens."""
    seen: set[str] = set()
    for title in titles:
        for form in (title, title.lower(), title[:1].upper() + title[1:], title.title()):
            if form not in seen:
                seen.add(form)
                yield form


@dataclass(frozen=True, slots=True)
class TitlePatterns:
    """The regexes of ``titles``, compiled from the lexicon once."""

    title_before_name: re.Pattern[str]  # "[modifiers] TITLE " ending where a name starts
    titled_name: re.Pattern[str]  # a listed title, then two or three capitalised words

    @classmethod
    def build(cls, lex: Lexicon) -> TitlePatterns:
        return cls(_title_before_name(lex), _titled_name(lex))


# A word of a personal name: "Pompeo", "Moo-jin".
NAME_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"


def _title_before_name(lex: Lexicon) -> re.Pattern[str]:
    """One regex for "[modifiers] TITLE " at the end of the text before a name.

    Titles match as written (the role list has "President" and "leader"), not ignoring
    case: "and" must not pass for a capitalised word of "Secretary of State and Kim".
    """
    titles = sorted(lex.roles, key=len, reverse=True)
    literal = "|".join(re.escape(t) for t in titles)
    heads = "|".join(re.escape(h) for h in sorted(lex.title_heads))
    # "Minister of Unification", "Director of the Central Intelligence Agency".
    generic = (
        rf"(?:{heads})[ ]+(?:of|for)[ ]+(?:the[ ]+)?[A-Z][\w'-]*"
        rf"(?:[ ]+(?:of[ ]+|and[ ]+)?[A-Z][\w'-]*)*?"
    )
    mods = "|".join(re.escape(m) for m in sorted(lex.title_modifiers, key=len, reverse=True))
    return re.compile(
        rf"(?P<mods>(?:\b(?i:{mods})(?:[ ]+|(?<=-)))*)(?P<title>\b(?:{generic}|{literal}))[ ]+$"
    )


def _titled_name(lex: Lexicon) -> re.Pattern[str]:
    """A known title, then two or three capitalised words: "Minister of National Defense
    Wei Fenghe". Only the listed titles, because an open-ended one ("Minister of Foreign
    Affairs Wang Yi") cannot tell where the title ends and the name begins."""
    literal = "|".join(re.escape(t) for t in sorted(lex.roles, key=len, reverse=True))
    return re.compile(
        rf"\b(?:{literal})[ ]+(?P<name>{NAME_WORD}(?:[ ]+{NAME_WORD}){{1,2}})\b(?![ ]*[A-Z-])"
    )


@dataclass(frozen=True, slots=True)
class RegionalPhrases:
    """ "the North", "the South", "the mainland": one regex for all of them, and the
    references each phrase may stand for (in the data's order)."""

    pattern: re.Pattern[str] | None
    refs: dict[str, tuple[RegionalRef, ...]]  # group name -> its references

    @classmethod
    def build(cls, lex: Lexicon) -> RegionalPhrases:
        by_phrase: dict[str, list[RegionalRef]] = {}
        for ref in lex.regional_refs:
            by_phrase.setdefault(ref.phrase, []).append(ref)
        parts: list[str] = []
        refs: dict[str, tuple[RegionalRef, ...]] = {}
        for n, (phrase, listed) in enumerate(by_phrase.items()):
            name = f"r{n}"
            parts.append(f"(?P<{name}>{_regional_pattern(phrase)})")
            refs[name] = tuple(listed)
        return cls(re.compile("|".join(parts)) if parts else None, refs)


def _regional_pattern(phrase: str) -> str:
    first, rest = phrase.split(" ", 1) if " " in phrase else ("", phrase)
    # "the North" but not "the North Korean ..." nor "the North-South ...".
    lead = f"(?:{re.escape(first)}|{re.escape(first.capitalize())}) " if first else ""
    return rf"\b{lead}{re.escape(rest)}\b(?![-‐–]|\s+[A-Z])"
