"""The KnowledgeBase: indexes over countries, actors, role words and organisation words,
built once from the loaded files and then only read (safe to share between threads)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Generic, TypeVar, cast

from parley.kb.model import Actor, Country
from parley.kb.normalize import is_acronym, normalize_name

__all__ = ["KnowledgeBase", "PhraseTable", "SurnameIndex"]

T = TypeVar("T")

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


# One capital and a dot between two words of a name: "Vladimir V. Putin".
# "General" before another word of a body's name describes the body ("the Italian General
# Investment Group", "the Provincial General Hospital", "the General Federation of ..."): no
# military rank, as the title word "General" alone is. (The General Staff is listed as a
# military body in org_words.tsv.)
_GENERAL_IN_NAME = re.compile(r"\bGeneral\s+(?=[A-Z])")
_MIDDLE_INITIAL = re.compile(r"(?<=\w)\s+[A-Z]\.\s+(?=[A-Z])")


class _Memo:
    """Answers of the knowledge base's pure look-ups by (look-up, arguments). Bounded: it
    starts again when full, so a long run over ever new names keeps flat memory."""

    def __init__(self, limit: int = 50_000) -> None:
        self._answers: dict[tuple[Any, ...], Any] = {}
        self._limit = limit

    def get(self, key: tuple[Any, ...], make: Callable[..., Any], *args: Any) -> Any:
        answers = self._answers
        found = answers.get(key, _MISSING)
        if found is _MISSING:
            if len(answers) >= self._limit:
                answers.clear()
            found = answers[key] = make(*args)
        return found


_MISSING = object()
ROLE_MEMORY = 50_000  # role words and pairs whose sector is kept, then started again
SURNAME_DAYS = 1_000  # publication days whose surname index is kept, then started again


def _core(text: str) -> str:
    """The text without a leading "the" and a trailing possessive, case kept."""
    return _TRAILING_POSSESSIVE.sub("", _LEADING_THE.sub("", text.strip())).strip()


class _NameIndex(Generic[T]):
    """Normalised name -> values, where names given only as acronyms ("US", "WHO") match
    only text written in capitals: "who" and "us" are words, not actors."""

    def __init__(self) -> None:
        self._values: dict[str, list[T]] = {}
        self._plain: set[str] = set()  # keys that some non-acronym name also produced

    def add(self, name: str, value: T) -> None:
        key = normalize_name(name)
        if not key:
            return
        bucket = self._values.setdefault(key, [])
        if value not in bucket:
            bucket.append(value)
        if not is_acronym(name):
            self._plain.add(key)

    def get(self, text: str) -> list[T]:
        key = normalize_name(text)
        values = self._values.get(key)
        if not values:
            return []
        if key not in self._plain and not is_acronym(_core(text)):
            return []
        return values

    def keys(self) -> Iterable[str]:
        return self._values.keys()


@dataclass(frozen=True, slots=True)
class PhraseTable:
    """Phrase -> sector, matched by the longest phrase inside a text; between phrases of
    the same length the one listed first in the data wins, so the data files order the
    specific sectors (MIL, MED, EDU, ...) before the general ones (GOV)."""

    entries: dict[str, tuple[str | None, int]]  # key -> (sector, order)
    # First word -> the lengths (in words) of the phrases that start with it: a text is
    # looked up only at its words that start some phrase, only for those lengths.
    lengths: dict[str, tuple[int, ...]]

    @classmethod
    def build(cls, rows: Iterable[tuple[str, str | None, str]]) -> PhraseTable:
        entries: dict[str, tuple[str | None, int]] = {}
        for order, (phrase, sector, _source) in enumerate(rows):
            key = normalize_name(phrase)
            if key:
                # A later file overrides the sector but keeps the phrase's place.
                entries[key] = (sector, entries[key][1] if key in entries else order)
        lengths: dict[str, set[int]] = {}
        for key, (sector, _order) in entries.items():
            if sector is not None:
                words = key.split()
                lengths.setdefault(words[0], set()).add(len(words))
        return cls(entries, {word: tuple(sorted(sizes)) for word, sizes in lengths.items()})

    def sector(self, text: str) -> str | None:
        key = normalize_name(text)
        if key in self.entries:
            return self.entries[key][0]
        found = self._scan(key.split())
        if found is None:
            # Plurals: "lawmakers", "ministries", "rebel commanders".
            found = self._scan([_singular(word) for word in key.split()])
        return found

    def _scan(self, words: list[str]) -> str | None:
        """The sector of the longest phrase among ``words`` (the first listed of equals)."""
        best: tuple[int, int, str] | None = None  # (-length, order, sector): least is best
        for i, word in enumerate(words):
            for size in self.lengths.get(word, ()):
                if i + size > len(words):
                    break
                hit = self.entries.get(" ".join(words[i : i + size]))
                if hit is None or hit[0] is None:
                    continue
                found = (-size, hit[1], hit[0])
                if best is None or found[:2] < best[:2]:
                    best = found
        return best[2] if best is not None else None


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _share_aliases(facts: list[Actor]) -> tuple[Actor, ...]:
    """Give every fact of one person or organisation all the aliases and the surname that
    any of its facts gives, so the data files need not repeat them on every office line."""
    aliases: dict[str, dict[str, None]] = {}
    surnames: dict[str, str] = {}
    keys = [normalize_name(fact.name) for fact in facts]
    for key, fact in zip(keys, facts, strict=True):
        known = aliases.get(key)
        if known is None:
            aliases[key] = dict.fromkeys(fact.aliases)
        elif fact.aliases:
            known.update(dict.fromkeys(fact.aliases))
        if fact.surname:
            surnames.setdefault(key, fact.surname)
    out = []
    for key, fact in zip(keys, facts, strict=True):
        shared = aliases[key]
        if not shared and not fact.aliases and (fact.surname or fact.kind != "person"):
            out.append(fact)  # nothing to share: most dictionary facts
            continue
        merged = tuple(a for a in shared if a != fact.name)
        surname = fact.surname or (surnames.get(key) if fact.kind == "person" else None)
        if merged != fact.aliases or surname != fact.surname:
            fact = replace(fact, aliases=merged, surname=surname)
        out.append(fact)
    return tuple(out)


class SurnameIndex(Mapping[str, tuple[Actor, ...]]):
    """Family name -> people; looking up normalises the key, so "Schröder", "schroder" and
    "SCHRODER" all find the same people whatever key function the caller uses.

    A family name's people are found when it is first asked for (then kept): each article's
    publication day has an index of its own, and the entity stage asks one of it for a few
    bare family names, so finding every person's best fact on each new day (thousands of
    ``actor`` look-ups) cost more than the rest of the name grouping on dated stories."""

    def __init__(
        self, names: dict[str, tuple[str, ...]], actor: Callable[[str], Actor | None]
    ) -> None:
        self._names = names  # normalised family name -> the full names that bear it
        self._actor = actor  # a full name's best fact on the index's day
        self._people: dict[str, tuple[Actor, ...]] = {}

    def _find(self, key: str) -> tuple[Actor, ...]:
        people = self._people.get(key)
        if people is None:
            found = (self._actor(name) for name in self._names.get(key, ()))
            people = self._people[key] = tuple(a for a in found if a is not None)
        return people

    def __getitem__(self, key: str) -> tuple[Actor, ...]:
        people = self._find(normalize_name(key))
        if not people:
            raise KeyError(key)
        return people

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self._find(normalize_name(key)))

    def get(self, key: str, default: Any = None) -> Any:
        return self._find(normalize_name(key)) or default

    def __iter__(self) -> Iterator[str]:
        return (key for key in self._names if self._find(key))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class KnowledgeBase:
    """Countries, actors (facts with date ranges), roles and organisation words.

    Lookups are case-insensitive and ignore a leading "the" and a possessive; names that
    the data gives only as short acronyms match only capitals ("US" but not "us").
    """

    def __init__(
        self,
        countries: Iterable[Country],
        actors: Iterable[tuple[Actor, int]],
        roles: Iterable[tuple[str, str | None, str]],
        org_words: Iterable[tuple[str, str | None, str]],
        warnings: Iterable[str] = (),
    ) -> None:
        # Lines of PETRARCH dictionaries skipped as malformed ("file:line: why").
        self.warnings: tuple[str, ...] = tuple(warnings)
        self.countries: tuple[Country, ...] = tuple(countries)
        ranked = sorted(enumerate(actors), key=lambda item: (item[1][1], item[0]))
        # Facts in preference order: user files, then Parley's own, then PETRARCH's.
        self.facts: tuple[Actor, ...] = _share_aliases([actor for _, (actor, _r) in ranked])
        # Each fact's source rank (lower is preferred), and the facts by canonical name.
        self._rank: dict[int, int] = {
            id(fact): rank for fact, (_, (_a, rank)) in zip(self.facts, ranked, strict=True)
        }
        self._by_canonical: dict[str, list[Actor]] = {}
        for fact in self.facts:
            self._by_canonical.setdefault(normalize_name(fact.name), []).append(fact)
        self._roles = PhraseTable.build(roles)
        self._org_words = PhraseTable.build(org_words)

        self._by_name: _NameIndex[Country] = _NameIndex()
        self._by_demonym: _NameIndex[Country] = _NameIndex()
        self._by_capital: _NameIndex[Country] = _NameIndex()
        self._by_code: dict[str, Country] = {}
        for country in self.countries:
            for name in country.names:
                self._by_name.add(name, country)
            for name in country.demonyms:
                self._by_demonym.add(name, country)
            for name in country.capitals:
                self._by_capital.add(name, country)
            # The first file to define a code keeps it (user files load first).
            self._by_code.setdefault(country.iso3, country)
            self._by_code.setdefault(country.code, country)

        self._actors: _NameIndex[Actor] = _NameIndex()
        for actor in self.facts:
            self._actors.add(actor.name, actor)
            for alias in actor.aliases:
                self._actors.add(alias, actor)
        self._surnames: dict[date | None, SurnameIndex] = {}
        self._surname_names: dict[str, tuple[str, ...]] | None = None  # made when first asked
        # "first last" -> the three-word names of the people it shortens, made when first
        # asked for (``person_without_middle``).
        self._by_ends: dict[str, set[str]] | None = None
        # Lookups repeat (every article names the same countries and offices): answers are
        # kept per knowledge base, which is only read after it is built.
        self._memo = _Memo()
        # Role sectors apart, in a memo of their own keyed by the bare word: the nominal pass
        # asks for every common noun, its lemma and the pair before it (four look-ups a noun),
        # and a key tuple and a call per look-up cost more than the answer.
        self._role_sectors: dict[str, str | None] = {}

    # ---- countries -------------------------------------------------------------------

    def country(self, text: str) -> Country | None:
        """By name or short form: "the US", "U.S.", "N. Korea", "North Korea’s". A bare ISO or
        CAMEO code is no name: in news copy "CPV", "KNA", "NAM", "NLD" are a party, an
        association, a movement ("Communist Party of Vietnam", "Non-Aligned Movement"), not
        Cape Verde or Namibia; the codes news does write as names ("USA", "ROK") are listed
        among the names. ``country_by_code`` reads codes."""
        return cast("Country | None", self._memo.get(("country", text), self._look_country, text))

    def _look_country(self, text: str) -> Country | None:
        found = self._by_name.get(text)
        return found[0] if found else None

    def country_by_demonym(self, text: str) -> Country | None:
        """ "Chinese", "South Korean", "North Koreans"."""
        return cast(
            "Country | None",
            self._memo.get(("country_by_demonym", text), self._look_country_by_demonym, text),
        )

    def _look_country_by_demonym(self, text: str) -> Country | None:
        found = self._by_demonym.get(text)
        if not found:
            core = _core(text)
            if core.endswith("s"):
                found = self._by_demonym.get(core[:-1])
        return found[0] if found else None

    def country_by_capital(self, text: str) -> Country | None:
        """ "Seoul" -> South Korea, "Washington" -> United States."""
        found = self._by_capital.get(text)
        return found[0] if found else None

    def country_by_code(self, iso3: str) -> Country | None:
        """By ISO alpha-3 or CAMEO country code, any case."""
        return self._by_code.get(iso3.strip().upper())

    # ---- actors ----------------------------------------------------------------------

    def actors(self, name: str, on: date | None = None) -> tuple[Actor, ...]:
        """Every fact whose name or alias is ``name``, from the most preferred source that
        knows it (the user's files, then Parley's, then the user's PETRARCH dictionaries,
        then Phoenix's): those valid on ``on`` first, then undated ones, then the rest;
        without a date, open-ended offices and recent ones first, undated facts last."""
        return cast(
            "tuple[Actor, ...]", self._memo.get(("actors", name, on), self._look_actors, name, on)
        )

    def _look_actors(self, name: str, on: date | None = None) -> tuple[Actor, ...]:
        found = self._actors.get(name)
        if not found and (plain := _MIDDLE_INITIAL.sub(" ", name)) != name:
            # "Vladimir V. Putin", "Viktor F. Yanukovych": a middle initial (the New York
            # Times writes one for most people) that the dictionaries leave out. Only people:
            # an initial in an organisation's name is part of it.
            found = [f for f in self._actors.get(plain) if f.kind == "person"]
        facts = self._preferred(found)
        order = {id(fact): i for i, fact in enumerate(facts)}

        def rank(fact: Actor) -> tuple[int, int, int]:
            if on is not None:
                tier = 1 if not fact.dated else (0 if fact.valid_on(on) else 2)
            else:
                # A dictionary's undated code is its default for "any other time" (often
                # CAMEO's elite ELI); with no date to go by, an office the person held says
                # more about why the news names them.
                tier = 2 if not fact.dated else (0 if fact.end is None else 1)
            recency = -(fact.start or fact.end or date.min).toordinal()
            return (tier, recency if on is None else 0, order[id(fact)])

        return tuple(sorted(facts, key=rank))

    def _preferred(self, facts: list[Actor]) -> list[Actor]:
        """The facts of the most preferred source among ``facts`` and the facts that share
        their canonical names: a dictionary's alias ("Obama") for someone Parley knows by
        name ("Barack Obama") leads to Parley's facts, not the dictionary's."""
        if not facts:
            return facts
        best = min(self._rank[id(f)] for f in facts)
        better = [
            other
            for fact in facts
            for other in self._by_canonical.get(normalize_name(fact.name), ())
            if self._rank[id(other)] < best
        ]
        if better:
            facts, best = better, min(self._rank[id(f)] for f in better)
        chosen = {id(f): f for f in facts if self._rank[id(f)] == best}
        return facts if len(chosen) == len(facts) else list(chosen.values())

    def actor(self, name: str, on: date | None = None) -> Actor | None:
        """The best fact for ``name`` on ``on``. When the KB knows the person but none of
        their facts holds on that date, the answer keeps who they are without the office:
        after an office has ended, CAMEO's elite code (``USAELI``: a former official), and
        before any office too (a candidate, a leader's heir)."""
        return cast("Actor | None", self._memo.get(("actor", name, on), self._look_actor, name, on))

    def _look_actor(self, name: str, on: date | None = None) -> Actor | None:
        ranked = self.actors(name, on)
        if not ranked:
            return None
        best = ranked[0]
        if on is None or not best.dated or best.valid_on(on):
            return best
        same = [f for f in ranked if f.name == best.name]
        ended = [f for f in same if f.end is not None and f.end <= on]
        if ended:
            last = max(ended, key=lambda f: f.end or date.min)
            code = f"{last.country}ELI" if last.country else None
            return replace(
                last, code=code, sector="ELI" if code else None, roles=(), start=last.end, end=None
            )
        # Before any office: someone the news names and the knowledge base lists for an
        # office they will hold (a candidate, a leader's heir) is one of the country's
        # elites, as after it.
        first = min(same, key=lambda f: f.start or date.max)
        code = f"{first.country}ELI" if first.country else None
        return replace(
            first, code=code, sector="ELI" if code else None, roles=(), start=None, end=first.start
        )

    def surname_index(self, on: date | None = None) -> SurnameIndex:
        """People by normalised family name ("pompeo", "kim"), each as its best fact on
        ``on``; several people when the family name is shared (many Kims)."""
        cached = self._surnames.get(on)
        if cached is not None:
            return cached
        if self._surname_names is None:
            self._surname_names = self._names_by_surname()
        if len(self._surnames) >= SURNAME_DAYS:
            self._surnames.clear()  # bounded as ``_Memo`` is: a long run keeps flat memory
        index = SurnameIndex(self._surname_names, lambda name: self.actor(name, on))
        self._surnames[on] = index
        return index

    def _names_by_surname(self) -> dict[str, tuple[str, ...]]:
        """Normalised family name -> the names of the people who bear it, in fact order
        (the same on every day; only each one's best fact depends on the day)."""
        names: dict[str, list[str]] = {}
        seen: set[str] = set()
        for fact in self.facts:
            if fact.kind != "person" or not fact.surname or fact.name in seen:
                continue
            seen.add(fact.name)
            names.setdefault(normalize_name(fact.surname), []).append(fact.name)
        return {key: tuple(value) for key, value in names.items()}

    def person_without_middle(self, name: str, on: date | None = None) -> Actor | None:
        """The one person the tables list with a middle name that the two words of ``name``
        leave out ("Carlos Menem" for "Carlos Saul Menem"), or None when no one or several
        people are so named or others bear the family name. The caller rules out names
        written family name first ("Kim Chol" is no shortened "Kim Yong Chol")."""
        if self._by_ends is None:
            self._by_ends = self._people_by_ends()
        key = normalize_name(name)
        full = self._by_ends.get(key, set())
        if len(full) != 1 or self._actors.get(name):
            return None
        return self.actor(next(iter(full)), on)

    def _people_by_ends(self) -> dict[str, set[str]]:
        """ "first last" -> the one three-word name of a person it shortens, for the family
        names the tables give one person: "John Smith" or "Michael Moore" is as likely
        anyone else of a common name as the one listed with a middle name."""
        ends: dict[str, set[str]] = {}
        bearers: dict[str, set[str]] = {}
        for fact in self.facts:
            words = fact.name.split()
            if fact.kind != "person" or len(words) < 2:
                continue
            full = normalize_name(fact.name)
            bearers.setdefault(normalize_name(words[-1]), set()).add(full)
            if (
                len(words) == 3
                and all(w[:1].isupper() for w in words)
                and len(words[1].rstrip(".")) > 1  # initials: ``_MIDDLE_INITIAL``
            ):
                ends.setdefault(normalize_name(f"{words[0]} {words[2]}"), set()).add(full)
        return {
            key: full
            for key, full in ends.items()
            if len(full) == 1 and bearers.get(key.rsplit(" ", 1)[-1]) == full
        }

    # ---- sectors ---------------------------------------------------------------------

    def role_sector(self, role: str) -> str | None:
        """ "Minister of National Defense" -> MIL, "lawmaker" -> LEG, "spokesman" -> None."""
        sectors = self._role_sectors
        found = sectors.get(role, _MISSING)
        if found is _MISSING:
            if len(sectors) >= ROLE_MEMORY:
                sectors.clear()  # bounded as ``_Memo`` is: a long run keeps flat memory
            found = sectors[role] = self._look_role_sector(role)
        return cast("str | None", found)

    def _look_role_sector(self, role: str) -> str | None:
        return self._roles.sector(role)

    def organization_sector(self, name: str) -> str | None:
        """A known organisation's own sector, else by the words in its name:
        "Foreign Ministry" -> GOV, "Kim Il Sung University" -> EDU, "Korean People's Army"
        -> MIL."""
        return cast(
            "str | None",
            self._memo.get(("organization_sector", name), self._look_organization_sector, name),
        )

    def _look_organization_sector(self, name: str) -> str | None:
        for fact in self._actors.get(name):
            if fact.kind != "person" and fact.sector is not None:
                return fact.sector
        return self._org_words.sector(name) or self._roles.sector(_GENERAL_IN_NAME.sub("", name))

    # ---- for the entity stage --------------------------------------------------------

    def matcher_phrases(self) -> tuple[tuple[str, str], ...]:
        """(phrase, label) for every name the KB knows, label one of country, demonym,
        capital, actor: enough to build a spaCy PhraseMatcher."""
        out: dict[tuple[str, str], None] = {}
        for country in self.countries:
            out.update(dict.fromkeys((n, "country") for n in country.names))
            out.update(dict.fromkeys((n, "demonym") for n in country.demonyms))
            out.update(dict.fromkeys((n, "capital") for n in country.capitals))
        for fact in self.facts:
            out.update(dict.fromkeys((n, "actor") for n in (fact.name, *fact.aliases)))
        return tuple(out)
