"""The lexicon's phrases found in one pass per document, with matchers built once.

One spaCy ``PhraseMatcher`` on lower-cased tokens finds every listed title ("Secretary of
State", "national security advisor"), regional phrase ("the North") and pronoun of a
document at once; the rules then read the matches instead of trying every window of one to
six tokens at each place, or running a regex of a hundred alternatives along the whole
text. Each match is checked as the old rule matched before it counts, so matching stays as
it was:

- a title with a sector: the tokens' text, case-folded, is a listed title with a sector;
- a title before a name: the text is a listed title exactly as written (case counts);
- a regional phrase: its regex ("the North" but not "the North Korean") matches there.

The regex of ``titles.apply_titles`` (a title ending where a name starts, with modifiers and
open-ended "Minister of ..." forms) is compiled here once too.
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

__all__ = [
    "NAME_WORD",
    "DocPhrases",
    "PhraseMatchers",
    "RegionalPhrases",
    "RoleSpans",
    "TitlePatterns",
    "phrase_tokenizer",
]

_TITLE = "TITLE"
_REGION = "REGION"
_PRONOUN = "PRONOUN"


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


@dataclass(frozen=True, slots=True)
class DocPhrases:
    """The listed phrases of one document."""

    roles: RoleSpans  # titles with a sector, by token
    titles: dict[int, list[int]]  # start char -> end chars of titles as written, longest first
    regions: list[tuple[int, int, str]]  # (start, end, group of RegionalPhrases), in text order
    pronouns: list[int]  # tokens that are a listed pronoun (any case), in text order


class PhraseMatchers:
    """The lexicon's titles and regional phrases, matched on lower-cased tokens."""

    def __init__(self, lex: Lexicon, regional: RegionalPhrases, vocab: Vocab | None = None) -> None:
        # The sector of a case-folded title; titles marked "-" (no sector) never count.
        self._sectors = {key: sector for key, sector in lex.roles_folded.items() if sector}
        # Titles with no sector of their own, for the rank inside them ("Director General").
        self._unsectored = frozenset(key for key, sector in lex.roles_folded.items() if not sector)
        self._titles = frozenset(lex.roles)
        self._regional = regional
        vocab = vocab if vocab is not None else _english_vocab()
        titles = list(_spellings(list(lex.roles)))
        regions = list(_spellings(list(regional.phrases)))
        tokenizer = phrase_tokenizer(vocab, titles + regions)
        self._matcher = PhraseMatcher(vocab, attr="LOWER")
        self._matcher.add(_TITLE, list(tokenizer.pipe(titles)))
        if regions:
            self._matcher.add(_REGION, list(tokenizer.pipe(regions)))
        if lex.pronouns:
            self._matcher.add(_PRONOUN, list(tokenizer.pipe(list(lex.pronouns))))
        self._region_id = vocab.strings[_REGION]
        self._pronoun_id = vocab.strings[_PRONOUN]

    def find(self, doc: Doc, text: str | None = None) -> DocPhrases:
        """The phrases of ``doc``; ``text``: its text when the caller has it (``Doc.text``
        joins every token again)."""
        text = doc.text if text is None else text
        by_start: dict[int, list[tuple[int, str]]] = {}
        by_end: dict[int, list[tuple[int, str]]] = {}
        titles: dict[int, list[int]] = {}
        regions: list[tuple[int, int, str]] = []
        pronouns: list[int] = []
        civil: list[tuple[int, int]] = []  # titles with no sector, as token ranges
        for match_id, start, end in self._matcher(doc):
            if match_id == self._pronoun_id:
                pronouns.append(start)
                continue
            span = doc[start:end]
            if match_id == self._region_id:
                group = self._regional.check(text, span.start_char, span.end_char)
                if group is not None:
                    regions.append((span.start_char, span.end_char, group))
                continue
            written = span.text
            sector = self._sectors.get(written.casefold())
            if sector is not None:
                by_start.setdefault(start, []).append((end, sector))
                by_end.setdefault(end, []).append((start, sector))
            elif end - start > 1 and written.casefold() in self._unsectored:
                civil.append((start, end))
            if written in self._titles:
                titles.setdefault(span.start_char, []).append(span.end_char)
        for first, last in civil:
            _drop_ranks(by_start, by_end, first, last)
        for ends in titles.values():
            ends.sort(reverse=True)
        regions.sort()
        pronouns.sort()
        return DocPhrases(RoleSpans(by_start, by_end), titles, regions, pronouns)


def _drop_ranks(
    by_start: dict[int, list[tuple[int, str]]],
    by_end: dict[int, list[tuple[int, str]]],
    first: int,
    last: int,
) -> None:
    """Drop the military titles inside the civil title of tokens ``first`` to ``last``: the
    "General" of "Director General" or "Secretary General" is no rank."""
    for start in range(first, last):
        kept = [
            (end, sector)
            for end, sector in by_start.get(start, ())
            if end > last or sector != "MIL"
        ]
        for end, sector in by_start.get(start, ()):
            if (end, sector) not in kept:
                by_end[end] = [item for item in by_end[end] if item != (start, sector)]
                if not by_end[end]:
                    del by_end[end]
        if kept:
            by_start[start] = kept
        else:
            by_start.pop(start, None)


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


def _spellings(phrases: list[str]) -> Iterator[str]:
    """Each title as written, in lower case and capitalised: the tokenizer's exceptions
    depend on case ("Sen." is one token, "sen." two), so each form gives its own tokens."""
    seen: set[str] = set()
    for phrase in phrases:
        for form in (phrase, phrase.lower(), phrase[:1].upper() + phrase[1:], phrase.title()):
            if form not in seen:
                seen.add(form)
                yield form


@dataclass(frozen=True, slots=True)
class TitlePatterns:
    """The regexes of ``titles``, compiled from the lexicon once."""

    title_before_name: re.Pattern[str]  # "[modifiers] TITLE " ending where a name starts
    name_after_title: re.Pattern[str]  # two or three capitalised words after a title

    @classmethod
    def build(cls, lex: Lexicon) -> TitlePatterns:
        return cls(_title_before_name(lex), _NAME_AFTER_TITLE)


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
    # "Minister of Unification", "Director of the Central Intelligence Agency", "Ambassador
    # to Italy" (the country an envoy is sent to).
    generic = (
        rf"(?:{heads})[ ]+(?:of|for|to)[ ]+(?:the[ ]+)?[A-Z][\w'-]*"
        rf"(?:[ ]+(?:of[ ]+|and[ ]+)?[A-Z][\w'-]*)*?"
    )
    mods = "|".join(re.escape(m) for m in sorted(lex.title_modifiers, key=len, reverse=True))
    return re.compile(
        rf"(?P<mods>(?:\b(?i:{mods})(?:[ ]+|(?<=-)))*)(?P<title>\b(?:{generic}|{literal}))[ ]+$"
    )


# After a listed title: "Minister of National Defense Wei Fenghe". Only after the listed
# titles, because an open-ended one ("Minister of Foreign Affairs Wang Yi") cannot tell
# where the title ends and the name begins.
_NAME_AFTER_TITLE = re.compile(
    rf"[ ]+(?P<name>{NAME_WORD}(?:[ ]+{NAME_WORD}){{1,2}})\b(?![ ]*[A-Z-])"
)


@dataclass(frozen=True, slots=True)
class RegionalPhrases:
    """ "the North", "the South", "the mainland": the regex each must match where it is
    found, and the references each phrase may stand for (in the data's order)."""

    patterns: dict[str, re.Pattern[str]]  # group name -> the phrase's regex
    refs: dict[str, tuple[RegionalRef, ...]]  # group name -> its references
    phrases: dict[str, str]  # phrase -> group name

    @classmethod
    def build(cls, lex: Lexicon) -> RegionalPhrases:
        by_phrase: dict[str, list[RegionalRef]] = {}
        for ref in lex.regional_refs:
            by_phrase.setdefault(ref.phrase, []).append(ref)
        patterns: dict[str, re.Pattern[str]] = {}
        refs: dict[str, tuple[RegionalRef, ...]] = {}
        phrases: dict[str, str] = {}
        for n, (phrase, listed) in enumerate(by_phrase.items()):
            name = f"r{n}"
            patterns[name] = re.compile(_regional_pattern(phrase))
            refs[name] = tuple(listed)
            phrases[phrase] = name
        return cls(patterns, refs, phrases)

    def check(self, text: str, start: int, end: int) -> str | None:
        """The group of the phrase written at [start, end), if its regex matches there."""
        for name, pattern in self.patterns.items():
            match = pattern.match(text, start)
            if match is not None and match.end() == end:
                return name
        return None


def _regional_pattern(phrase: str) -> str:
    first, rest = phrase.split(" ", 1) if " " in phrase else ("", phrase)
    # "the North" but not "the North Korean ..." nor "the North-South ...".
    lead = f"(?:{re.escape(first)}|{re.escape(first.capitalize())}) " if first else ""
    # "(?!\w)", not "\b": a phrase may end with a quotation mark ('the "government"').
    return rf"\b{lead}{re.escape(rest)}(?!\w)(?![-‐–]|\s+[A-Z])"
