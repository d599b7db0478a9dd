"""Known names glued to their neighbours by a scraper, given their spaces back.

Some sites print certain names in their own styled element (KCNA sets the leaders' names
apart), and a scraper that joins the elements without white space writes "the respected
ComradeKim Jong Uninvited labor innovators" or "sent byKim Il Sungand": the name is lost to
every later stage (the tagger sees "ComradeKim" and "Uninvited"). 731 of the 1,862 KCNA stories
of 2024 in ``../shared/data`` have such a join.

A known person's name of two or more words (from the knowledge base) is looked for wherever one
of its capitalised first words starts; a lower-case letter right before it, or a letter right
after it, is a join, and a space goes in. A join is only undone where the glued word is not
itself a word of some known name ("Mill" + "er" is "Miller", left as written), and never inside
a longer known name. A letter after the name is a join only when the document shows the name
standing alone or glued before it too: the knowledge base holds misspelt forms that are the
start of longer names ("Thongloun Sisoulit"), and "Sisoulith" is not "Sisoulit" + "h". A list
item's dash glued before a name at a line's start ("-Kim Jong Un received ...", in 15 news
digests of 2024) gets its space too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["GluedNames"]

# A capitalised word starting wherever the text turns from a lower-case letter or a
# non-letter to a capital: "ComradeKim" holds "Comrade" and "Kim".
_CAPITAL_WORD = re.compile(r"[A-Z][a-z]+")
_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)+")
# Abbreviated honorifics written right before a name: His/Her Excellency, His/Her Majesty,
# His/Her Royal Highness, His Holiness.
_HONORIFICS = frozenset(("HE", "HM", "HRH", "HH"))
_MIN_NAME = 8  # characters: shorter two-word names ("Li Na") are too easy to find by chance


def _bullet_before(text: str, start: int) -> bool:
    """Whether a dash that starts a line sits right before ``start`` (a list item's)."""
    return start > 0 and text[start - 1] == "-" and (start == 1 or text[start - 2] == "\n")


@dataclass(frozen=True, slots=True, eq=False)
class GluedNames:
    """The names to look for, by first word (longest first), and every word of them."""

    by_first: dict[str, tuple[str, ...]]
    words: frozenset[str]

    @classmethod
    def build(cls, names: Iterable[str]) -> GluedNames:
        """An index of ``names``; only names of two or more capitalised Latin words and at
        least eight characters are kept."""
        by_first: dict[str, set[str]] = {}
        words: set[str] = set()
        for name in names:
            if len(name) < _MIN_NAME or not _NAME.fullmatch(name):
                continue
            parts = name.split(" ")
            by_first.setdefault(parts[0], set()).add(name)
            words.update(part.lower() for part in parts)
        ordered = {
            first: tuple(sorted(found, key=lambda n: (-len(n), n)))
            for first, found in by_first.items()
        }
        return cls(ordered, frozenset(words))

    def repair(self, text: str, context: str = "") -> str:
        """``text`` with a space put between each known name and a word glued to it.
        ``context`` (the page the text was extracted from) may show a name standing alone
        or glued before where the text, shorter, does not: "(photos accompanied)" lines the
        extraction drops still attest "ComradeKim Jong Un", so "Kim Jong Unreceived" is cut."""
        if not self.by_first:
            return text
        cuts, attested, glued_after = self._scan(text)
        if context and glued_after:
            attested |= self._scan(context)[1]
        cuts.extend(
            end
            for end, name in glued_after
            if name in attested and self._cut_after(text, end, name)
        )
        if not cuts:
            return text
        pieces = []
        last = 0
        for cut in sorted(set(cuts)):
            pieces.append(text[last:cut])
            last = cut
        pieces.append(text[last:])
        return " ".join(pieces)

    def _scan(self, text: str) -> tuple[list[int], set[str], list[tuple[int, str]]]:
        """(cuts before names, names attested, (end, name) of names with letters after)."""
        cuts: list[int] = []
        attested: set[str] = set()  # names seen standing alone or glued before
        glued_after: list[tuple[int, str]] = []
        for match in _CAPITAL_WORD.finditer(text):
            names = self.by_first.get(match.group())
            if not names:
                continue
            start = match.start()
            for name in names:
                if not text.startswith(name, start):
                    continue
                end = start + len(name)
                if start > 0 and text[start - 1].isalpha():
                    if self._cut_before(text, start):
                        cuts.append(start)
                        attested.add(name)
                elif _bullet_before(text, start):
                    # "-Kim Jong Un received ...": a list item's dash, not part of the name.
                    cuts.append(start)
                    attested.add(name)
                elif end == len(text) or not text[end].isalpha():
                    attested.add(name)  # standing alone
                if end < len(text) and text[end].isalpha():
                    glued_after.append((end, name))
                break
        return cuts, attested, glued_after

    def _cut_before(self, text: str, start: int) -> bool:
        """A letter before the name: a join unless the glued whole is a known name word
        ("McKim" is not cut when "McKim" is a name word)."""
        begin = start - 1
        while begin > 0 and text[begin - 1].isalpha():
            begin -= 1
        head = text[begin:start]
        if not text[start - 1].islower():
            # "ABCKim": an acronym run, not a styled name; but an honorific set before the
            # name is a join ("HEKim Jong Un": His Excellency).
            return head in _HONORIFICS
        word = head + text[start:].split(" ", 1)[0]
        return word.lower() not in self.words and head.lower() not in ("mc", "mac", "o")

    def _cut_after(self, text: str, end: int, name: str) -> bool:
        """A letter after the name: a join unless the name's last word and the glued letters
        make a known name word ("Mill" + "er")."""
        stop = end
        while stop < len(text) and text[stop].isalpha():
            stop += 1
        if stop - end < 2:
            return False  # one letter: more likely the name's own end ("Sisoulit" + "h")
        word = name.rsplit(" ", 1)[1] + text[end:stop]
        return word.lower() not in self.words
