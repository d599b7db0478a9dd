"""Actors the entity stage did not tag, found through the actor knowledge base.

Short news sentences often name their actors with words spaCy's NER leaves alone: a country
at the start of a sentence ("Arnor signed ..."), a demonym ("Bangladeshi peacekeeping
troops"), a capital standing for its government ("an embassy in Tehran"), or an actor that
only a user's PETRARCH dictionary knows. When a source or target phrase maps to no entity,
its capitalised words are looked up here: actor names first, then country names, demonyms
and capitals. The phrase's head noun adds a sector to a bare country code ("Israeli
soldiers" -> ISRMIL), as the entity stage does for the mentions it finds.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from parley.kb import KnowledgeBase

COUNTRY_CODE_LENGTH = 3


class KbActors:
    """Phrase head -> (code, name as written, start, end) from the knowledge base."""

    def __init__(self, kb: KnowledgeBase, on: date | None) -> None:
        self.kb = kb
        self.on = on
        self._cache: dict[str, str | None] = {}

    def code_for(self, text: str) -> str | None:
        """The actor or country code a name stands for, if the KB knows it."""
        if text in self._cache:
            return self._cache[text]
        code: str | None = None
        actor = self.kb.actor(text, self.on)
        if actor is not None and actor.code:
            code = actor.code
        else:
            country = (
                self.kb.country(text)
                or self.kb.country_by_demonym(text)
                or self.kb.country_by_capital(text)
            )
            if country is not None:
                code = country.code
        self._cache[text] = code
        return code

    def sector_of(self, head: Token) -> str | None:
        """The sector a common-noun head gives ("troops" MIL, "officials" GOV)."""
        if head.pos_ != "NOUN":
            return None
        return self.kb.role_sector(head.text) or self.kb.role_sector(head.lemma_)

    def with_sector(self, code: str, head: Token) -> str:
        """A bare country code with the phrase head's sector added when it has one."""
        if len(code) != COUNTRY_CODE_LENGTH:
            return code
        sector = self.sector_of(head)
        return code + sector if sector else code

    def find(self, head: Token, tokens: list[Token]) -> tuple[str, int, int, str] | None:
        """The first name among ``tokens`` (ranked, head first) the KB can code."""
        tried: set[tuple[int, int]] = set()
        for token in tokens:
            if not _capitalised(token):
                continue
            for left, right in _name_spans(token):
                if (left.i, right.i) in tried:
                    continue
                tried.add((left.i, right.i))
                doc = token.doc
                start, end = left.idx, right.idx + len(right)
                text = doc.text[start:end]
                code = self.code_for(text)
                if code is None and "-" in text:
                    # "Vietnamese-led forces": the first part names the actor.
                    first = text.split("-", 1)[0]
                    code = self.code_for(first) if first else None
                    end = start + len(first)
                    text = first
                if code is not None:
                    return self.with_sector(code, head), start, end, text
        return None


def _capitalised(token: Token) -> bool:
    return bool(token.text[:1].isupper()) and token.pos_ in ("PROPN", "ADJ", "NOUN", "X")


def _name_spans(token: Token) -> list[tuple[Token, Token]]:
    """The longest run of capitalised words around ``token``, then the word alone."""
    doc = token.doc
    left = token
    while left.i > 0:
        prev = doc[left.i - 1]
        if _capitalised(prev):
            left = prev
        else:
            break
    right = token
    while right.i + 1 < len(doc) and _capitalised(doc[right.i + 1]):
        right = doc[right.i + 1]
    spans = [(left, right)]
    if (left, right) != (token, token):
        spans.append((token, token))
    return spans
