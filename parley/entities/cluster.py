"""Group candidate mentions into document entities and code them.

Rules, in order (each a dict lookup, so the cost grows with the mentions, not the KB):
1. A multi-word person name is an entity; a single word that is one person's family name
   ("Pompeo", "Pence", and "Lee" for "Lee Su-hyeong") joins it whatever label the model gave
   it: a name that is a person once is a person throughout ("Pence said" is no organisation).
2. Countries group by ISO code, so "N. Korea", "North Korea's", "the North" and "Pyongyang"
   (as a government) are one entity; groups ("Chinese troops") by country and sector.
3. Organisations group by the knowledge base's canonical name when it knows them, else by
   their own; an acronym in parentheses or made of the name's initials ("VOA") joins them.
4. Codes: the knowledge base's fact for the article date first; else country from the title,
   the name or the affiliation, and sector from the role or the organisation's name.
5. A person with a state title ("President Omar El Bashir", "Lt. Gen. Prosper Avril") or a
   state body ("the Supreme Court") whose own words name no country takes the article's
   own country (the one it names most), never a place named near it: the talks "in
   Geneva, Switzerland" say nothing of the envoy's country. With no such country the code
   stays empty. A person titled by an international organisation ("Arab League
   Secretary-General Chedli Klibi") takes its code. A person the knowledge base knows but
   holds no office on the article's date takes the code of their own current title
   ("Russian President Boris Yeltsin" in a story dated after his term: RUSGOV).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from parley.entities.kbtypes import ActorLike, CountryLike, KnowledgeBaseLike
from parley.entities.lexicon import Lexicon
from parley.entities.mentions import Candidate, family_name
from parley.entities.titles import past_office_before
from parley.records import Entity, EntityKind, Mention

__all__ = ["Cluster", "build_entities", "group_candidates", "known_as_outlet", "name_key"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_SEPARATORS = re.compile(r"[\s\-‐–—.]+")
_NAME_WORD = re.compile(r"[A-Z][\w'’-]*")
_MINOR = frozenset(("of", "the", "for", "and", "on", "in", "de", "la"))
# A generation's mark after a name ("Jr.", "III").
_SUFFIX = re.compile(r"(?:Jr|Sr|II|III|IV)\.?,?", re.IGNORECASE)
_ORG_KINDS = ("organization", "media")
# Sectors of the state: a holder of such a title acts for a country, so one named nearby
# stands for it. (A professor or a spokesman of nothing in particular does not.)
_STATE_SECTORS = frozenset(("GOV", "MIL", "JUD", "LEG", "COP", "SPY"))
# Sectors of party politics: an officer whose title names no country is the article's.
_PARTY_SECTORS = frozenset(("PTY", "OPP"))
# Codes of bodies beyond a country: their officers take the body's code.
_SUPRANATIONAL = ("IGO", "NGO")
# Sectors of organisations that belong to no one country by default.
_NO_COUNTRY = frozenset(("IGO", "NGO", "MNC"))
# One-party states, whose ruling party is their government (parley/kb/data/organizations.tsv
# codes the Workers' Party of Korea PRKGOV, as Phoenix codes the Communist Party of China
# CHNGOV, and the ruling parties of Vietnam, Laos and Cuba likewise): a party only the
# article's country places there ("the orders of the Party", "the municipal Party") is the
# ruling one, its government, not a party among others (PTY).
_RULING_PARTY_STATES = frozenset(("PRK", "CHN", "VNM", "LAO", "CUB"))
# Sectors of bodies outside the state: a title held in one that a common noun names is that
# body's ("president of the company" BUS, "chairman of the association" NGO), not what the
# title word says alone ("president" of a country is GOV).
_CIVIL_SECTORS = frozenset(("BUS", "EDU", "MED", "NGO", "LAB", "AGR", "HLH", "REL"))
# Sectors of bodies whose president or secretary is the body's officer, not a state's.
_NON_STATE_BODIES = _CIVIL_SECTORS | {"PTY"}
# Occupations whose holder is of their trade's sector wherever they work: "X, a worker of the
# ... factory" is labour, not the firm; "a teacher of the ... school", "a soldier of the ...
# unit" are education and the military whatever the body's own words say.
_TRADES = frozenset(("soldier", "worker", "peasant", "farmer", "student", "teacher"))
# The body a title is held in: what follows its first "of" or "at", without a determiner.
_TITLE_BODY = re.compile(r"\s+(?:of|at)\s+(?:(?:the|a|an|this|that|its)\s+)?", re.IGNORECASE)
# Title words of people who run for an office they do not hold.
_CANDIDATE_WORDS = frozenset(("candidate", "nominee"))
# A body named "State ..." is a state's even when no word of it gives a sector ("the State
# Affairs of the DPRK", the text's name for the State Affairs Commission).
_STATE_WORD = re.compile(r"\bState\b")
# A government portfolio named by its officer's title and cut from it: "minister of Foreign
# Affairs and International Cooperation of Cambodia", "president of the State Affairs of the
# DPRK", "minister of External Economic Relations of the DPRK". No word of it names a body,
# but a portfolio of a named country is that country's government.
_PORTFOLIO = re.compile(r"\b(?:Affairs|Relations|Cooperation)\s+of\s+")
# Title words that name a state's officers and any body's alike ("president" of a country or
# of a fund): held in a body that is no state's, they are that body's office.
_SHARED_OFFICES = frozenset(
    (
        "president",
        "vice-president",
        "chairman",
        "chairwoman",
        "chair",
        "vice-chairman",
        "vice-chairwoman",
        "secretary",
        "leader",
        "head",
    )
)
# Words after which an organisation's name says what it is for or where it sits, not whose
# it is ("Committee for Solidarity with Cuba", "Federation of Lawyers").
_NAME_PREPOSITIONS = frozenset(("of", "for", "in", "to", "with", "on", "against", "at", "and"))


def name_key(text: str) -> str:
    """A lookup key: case-folded, curly apostrophes straightened, dots and dashes as spaces."""
    return _SEPARATORS.sub(" ", text.translate(_APOSTROPHES).casefold()).strip()


def _initials(name: str) -> str:
    # KCNA's scare quotes are no part of a name: 'the "National Assembly"' is the NA.
    words = [w.strip(_QUOTES) for w in name.split()]
    return "".join(w[0] for w in words if w.lower() not in _MINOR and w[:1].isupper())


_QUOTES = "\"'“”‘’"


@dataclass(slots=True)
class Cluster:
    key: str
    kind: str
    cands: list[Candidate] = field(default_factory=list)
    country: CountryLike | None = None
    sector: str | None = None
    actor: ActorLike | None = None  # the knowledge base's fact, when it has one
    pronouns: list[tuple[int, int, str]] = field(default_factory=list)
    gender: str | None = None

    @property
    def first(self) -> int:
        starts = [c.start for c in self.cands] + [p[0] for p in self.pronouns]
        return min(starts)


def _kb_actor(kb: KnowledgeBaseLike, name: str, on: date | None) -> ActorLike | None:
    """The KB's fact for a name; for a bare family name ("Trump"), the one person the KB
    knows by it (none when several share it: "Kim")."""
    actor = kb.actor(name, on)
    words = name.split()
    if actor is None and len(words) == 1 and name[:1].isupper():
        people = kb.surname_index(on).get(name_key(name), ())
        if len(people) == 1:
            return people[0]
    if actor is None and len(words) == 3 and all(w[:1].isupper() for w in words):
        # A middle name or patronymic the knowledge base does not list: "Sergei
        # Viktorovich Lavrov" is Sergei Lavrov (only for people: two names are too short
        # to be an organisation's).
        found = kb.actor(f"{words[0]} {words[2]}", on)
        if found is not None and found.kind == "person":
            return found
    return actor


def _shortened_name(
    kb: KnowledgeBaseLike, name: str, on: date | None, family_first: frozenset[str]
) -> ActorLike | None:
    """The person the knowledge base lists with a middle name that a two-word name leaves
    out ("Carlos Menem" for "Carlos Saul Menem"); not for a name written family name first
    ("Kim Chol" shortens no "Kim Yong Chol")."""
    words = name.split()
    if len(words) != 2 or words[0] in family_first or not all(w[:1].isupper() for w in words):
        return None
    return kb.person_without_middle(name, on)


def group_candidates(
    cands: list[Candidate],
    kb: KnowledgeBaseLike,
    on: date | None,
    family_first: frozenset[str] = frozenset(),
    pairs: frozenset[str] = frozenset(),
) -> dict[str, Cluster]:
    """Clusters keyed by a referent key, in order of first mention; ``family_first``: the
    family names written first in a three-word name, ``pairs``: in a two-word one too
    (``mentions.family_name``)."""
    # 1. People with full names, and the family names that point at them.
    people: dict[str, str] = {}  # name key -> cluster key
    family: dict[str, list[str]] = {}
    given: dict[str, list[str]] = {}  # given names -> the full names they begin or end
    for cand in cands:
        if cand.kind == "person" and len(cand.text.split()) >= 2 and cand.alias_of is None:
            key = name_key(cand.text)
            if key not in people:
                people[key] = "person:" + key
                surname = family_name(cand.text, family_first, pairs)
                family.setdefault(name_key(surname), []).append(key)
                words = cand.text.split()
                if _SUFFIX.fullmatch(words[-1]) is None:
                    # ("Donald Trump Jr." is no given name's bearer: his father's is no
                    # given name.)
                    rest = words[1:] if words[0] == surname else words[:-1]
                    given.setdefault(name_key(" ".join(rest)), []).append(key)
    for bare, bearers in given.items():
        if (
            bare in people
            and len(bearers) == 1
            and bearers[0] != bare
            and bearers[0].endswith(" " + bare)
        ):
            # A two-word given name after a family name written first ("Jong Un" of Kim
            # Jong Un) is the one person named in full with it, not a full name of its own.
            # (Words before a last one are as often a name the model ran on: "Ted Cruz
            # Apologizes", "Kim Il Sung Stadium".)
            people[bare] = people[bearers[0]]
    for short in [k for k in people if people[k] == "person:" + k and " " in k]:
        longer = [k for k in people if k != short and k.endswith(" " + short)]
        if len(longer) == 1 and len(longer[0].split()) >= 3:
            # A family name of two words alone is the one person named in full with it
            # ("Ruiz Garcia" after "Maria Ruiz Garcia").
            people[short] = people[longer[0]]

    # Single words the model calls a person somewhere: "Trump" tagged ORG elsewhere is him.
    person_words = {
        name_key(c.text) for c in cands if c.kind == "person" and len(c.text.split()) == 1
    }
    clusters: dict[str, Cluster] = {}
    kb_people: dict[str, str] = {}  # canonical KB name key -> cluster key
    where: dict[int, Cluster] = {}  # id(candidate) -> its cluster, for aliases
    by_initials: dict[str, Cluster] = {}  # "VOA" -> the Voice of America's cluster

    def add(key: str, kind: str, cand: Candidate) -> Cluster:
        cluster = clusters.get(key)
        if cluster is None:
            cluster = clusters[key] = Cluster(key, kind)
        cluster.cands.append(cand)
        where[id(cand)] = cluster
        if kind in (*_ORG_KINDS, "group") and len(cand.text.split()) >= 2:
            # A group too: a body the text names in scare quotes ('the "National Assembly"',
            # coded as the south's legislature) is then "the NA".
            by_initials.setdefault(_initials(cand.text), cluster)
            owned = _country_body(kb, cand.text)
            if owned is not None:
                # "the National Defence Commission of the DPRK" is then "the NDC".
                by_initials.setdefault(_initials(owned[0]), cluster)
        return cluster

    for cand in cands:
        key_text = name_key(cand.text)
        if cand.alias_of is not None:
            target = where.get(id(cand.alias_of))
            if target is not None:
                target.cands.append(cand)
                where[id(cand)] = target
                continue
        if cand.kind == "country" and cand.country is not None:
            add("country:" + cand.country.iso3, "country", cand).country = cand.country
            continue
        if cand.kind == "group":
            iso = cand.country.iso3 if cand.country else key_text
            cluster = add(f"group:{iso}:{cand.sector or ''}", "group", cand)
            cluster.country, cluster.sector = cand.country, cand.sector
            continue
        # A name that is a person elsewhere in the article is that person here too.
        if key_text in people:
            cand.kind = "person"
            cluster = add(people[key_text], "person", cand)
            if len(cluster.cands) == 1 and kb.actor(cand.text, on) is None:
                cluster.actor = _shortened_name(kb, cand.text, on, family_first)
            continue
        if (
            cand.kind == "location"
            and (key_text in person_words or key_text in family)
            and _no_place(kb, cand.text, on)
        ):
            # "the impeachment of Yoon" read as a place where "Yoon said" was a person, or
            # where the text names Yoon Suk Yeol in full: a name the knowledge base knows
            # as no place is the person throughout.
            cand.kind = "person"
        owners = family.get(key_text, [])
        if len(cand.text.split()) == 1 and owners and cand.kind != "location":
            cand.kind = "person"
            add(people[_nearest_owner(owners, cand, clusters, people)], "person", cand)
            continue
        bearers = given.get(key_text, [])
        if (
            len(bearers) == 1
            and not owners
            and (cand.kind == "person" or _given_name_as_body(cand, kb, on))
        ):
            # A given name alone is the one person the article names in full with it
            # ("Hillary" is Hillary Clinton, "Jong Un" Kim Jong Un); two such people leave
            # it alone.
            cand.kind = "person"
            add(people[bearers[0]], "person", cand)
            continue
        if cand.kind in (*_ORG_KINDS, "group") and key_text in person_words:
            cand.kind = "person"
        if cand.kind == "person":
            actor = _kb_actor(kb, cand.text, on)
            if actor is not None and actor.kind == "person":
                # "Trump" alone: the knowledge base knows him as Donald Trump.
                canonical = name_key(actor.name)
                key = people.get(canonical) or kb_people.setdefault(
                    canonical, f"person:{canonical}"
                )
                add(key, "person", cand).actor = actor
            else:
                add("person:" + key_text, "person", cand)
            continue
        if cand.kind in _ORG_KINDS:
            actor = _kb_actor(kb, cand.text, on) or _country_body_actor(kb, cand.text, on)
            if actor is not None and actor.kind == "person":
                canonical = name_key(actor.name)
                key = people.get(canonical) or kb_people.setdefault(
                    canonical, f"person:{canonical}"
                )
                cand.kind = "person"
                add(key, "person", cand).actor = actor
                continue
            acronym_of = by_initials.get(cand.text) if _is_acronym(cand.text) else None
            if actor is None and acronym_of is not None:
                acronym_of.cands.append(cand)
                where[id(cand)] = acronym_of
                continue
            key = "org:" + (name_key(actor.name) if actor is not None else key_text)
            cluster = add(key, cand.kind, cand)
            if actor is not None:
                cluster.actor = actor
            if cand.kind == "media":
                cluster.kind = "media"
            continue
        add(f"{cand.kind}:{key_text}", cand.kind, cand)
    _join_short_outlets(clusters)
    return dict(sorted(clusters.items(), key=lambda item: item[1].first))


def _country_body(kb: KnowledgeBaseLike, name: str) -> tuple[str, CountryLike] | None:
    """A body's name and its country when the name ends with "of <country>" of one or two
    words ("Ministry of Unification of south Korea"), its body at least two words; None
    otherwise."""
    for body, tail in _of_splits(name):
        if tail.startswith("the "):
            tail = tail[4:]
        if len(body.split()) < 2 or not 1 <= len(tail.split()) <= 2:
            continue
        country = kb.country(tail)
        return None if country is None else (body, country)
    return None


def _country_body_actor(kb: KnowledgeBaseLike, name: str, on: date | None) -> ActorLike | None:
    """The knowledge base's body a name without its country tail names, when it is that
    country's: "the Ministry of Unification of south Korea" is the ministry, one entity with
    "the Unification Ministry"; "the Ministry of Unification of Japan" is none."""
    owned = _country_body(kb, name)
    if owned is None:
        return None
    actor = kb.actor(owned[0], on)
    if actor is None or actor.kind == "person" or actor.country != owned[1].iso3:
        return None
    return actor


def _join_short_outlets(clusters: dict[str, Cluster]) -> None:
    """An outlet named by the last word of its name alone is the one outlet of the article
    whose name ends so: "the Post reported" after "The Washington Post", "the Times" after
    "The New York Times" (news copy shortens a paper's name so). With two such outlets ("the
    New York Times" and "the Los Angeles Times") it stays apart."""
    outlets = [
        c
        for c in clusters.values()
        if c.kind == "media" or (c.actor is not None and c.actor.kind == "media")
    ]
    for short in [c for c in clusters.values() if c.kind in _ORG_KINDS and c.actor is None]:
        words = {name_key(c.text).removeprefix("the ") for c in short.cands}
        if len(words) != 1 or " " in (word := words.pop()):
            continue
        owners = [
            other
            for other in outlets
            if other is not short
            and word in {_last_key(c.text) for c in other.cands if " " in c.text}
        ]
        if len(owners) == 1:
            owners[0].cands.extend(short.cands)
            owners[0].cands.sort(key=lambda cand: cand.start)
            del clusters[short.key]


def _last_key(name: str) -> str:
    return name_key(name).rsplit(" ", 1)[-1]


def _given_name_as_body(cand: Candidate, kb: KnowledgeBaseLike, on: date | None) -> bool:
    """Whether a one-word body is a given name the model read as one ("Bernie" as ORG): a
    word the knowledge base knows as nothing."""
    return (
        cand.kind in _ORG_KINDS
        and " " not in cand.text.strip()
        and kb.actor(cand.text, on) is None
        and _no_place(kb, cand.text, on)
    )


def _no_place(kb: KnowledgeBaseLike, name: str, on: date | None) -> bool:
    """Whether the knowledge base knows ``name`` as no country, capital or place."""
    if kb.country(name) is not None or kb.country_by_capital(name) is not None:
        return False
    actor = kb.actor(name, on)
    return actor is None or actor.kind == "person"


def _nearest_owner(
    owners: list[str], cand: Candidate, clusters: dict[str, Cluster], people: dict[str, str]
) -> str:
    """Of two people sharing a family name, the one last named in full before this mention."""
    if len(owners) == 1:
        return owners[0]
    best, best_start = owners[0], -1
    for owner in owners:
        cluster = clusters.get(people[owner])
        if cluster is None:
            continue
        before = [c.start for c in cluster.cands if c.start < cand.start]
        if before and max(before) > best_start:
            best, best_start = owner, max(before)
    return best


def _is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 8 and text.isupper() and text.isalpha()


# --- coding -------------------------------------------------------------------------------


def _sector_of_role(role: str, kb: KnowledgeBaseLike, lex: Lexicon) -> str | None:
    if "campaign" in role.casefold().split():
        # A campaign's spokesman or manager ("Trump campaign spokeswoman") serves a
        # candidate, not the state: an elite, as the candidate is.
        return "ELI"
    return _civil_body_sector(role, kb, lex) or kb.role_sector(role) or lex.role_sector(role)


def _civil_body_sector(role: str, kb: KnowledgeBaseLike, lex: Lexicon) -> str | None:
    """The sector of a body outside the state that a title's of- or at-phrase names by a
    common noun ("general manager of a company" BUS, "president of the association" NGO,
    "chief of the research institute" EDU): the holder works there, whatever the title word
    means alone. The noun that heads the body decides ("the lawyers association"), not a
    word before it. A named body is most often the entity stage's affiliation, not part of
    the role; one the role holds (a title before the name: "General Secretary of the
    Communist Party of Italy X") counts when it is a party."""
    body = _role_body(role)
    if not body:
        return None
    # The body's own noun, before what it is for or where it is: "company" in "a company in
    # Chongqing"; "the preparatory committee for the festival" names no sector by its noun.
    words = re.split(r"\s+(?:of|for|at|in|with|on)\s+", body, maxsplit=1)[0].split()
    if not body.islower():
        known = _known_civil_body(body, kb)
        if known is not None:
            return known.sector
        party = _named_party_sector(body, kb)
        if party is not None or not words or not words[-1].islower():
            return party
        # A common noun heads a body the words before it place ("the Indiana state
        # firefighters union"): the noun still says what the body is.
    sector = kb.organization_sector(words[-1]) if words else None
    if sector is None and words and (found := lex.org_words.get(words[-1].title())):
        # The knowledge base lists no sector for "union"; the lexicon's words that end
        # organisations' names do ("Union": LAB).
        sector = found[1]
    return sector if sector in _CIVIL_SECTORS else None


def _known_civil_body(body: str, kb: KnowledgeBaseLike) -> ActorLike | None:
    """The organisation outside the state the knowledge base knows by the name a title's
    of-phrase gives, with its country ("president of the A.F.L.-C.I.O.": the AFL-CIO,
    USALAB), when the model did not name it apart as the holder's affiliation."""
    known = kb.actor(body)
    if known is None or known.kind not in _ORG_KINDS or not known.country:
        return None
    return known if known.sector in _CIVIL_SECTORS else None


def _role_body(role: str) -> str:
    """The body a title's first of- or at-phrase names ("the Communist Party of Italy" in
    "Secretary of the Communist Party of Italy"), or ""."""
    parts = _TITLE_BODY.split(role, maxsplit=1)
    return parts[1].strip() if len(parts) == 2 else ""


def _body_country(role: str, kb: KnowledgeBaseLike, lex: Lexicon) -> CountryLike | None:
    """The country of the body a title names, by its own name or the place it starts with
    (a body, like a firm, may take its home's name: "the Indiana state firefighters union")."""
    body = _role_body(role)
    if not body or body.islower():
        return None
    known = _known_civil_body(body, kb)
    if known is not None and known.country:
        return kb.country_by_code(known.country)
    return _country_in_name(body, kb, lex.org_words) or _place_first(body, kb, None)


def _named_party_sector(body: str, kb: KnowledgeBaseLike) -> str | None:
    """PTY when the body a title names before its holder's name is a party the knowledge
    base does not know as a state's ("General Secretary of the Communist Party of Italy X":
    the title, not an affiliation, carries the party; "leader of France's Front National
    party"). Only a party: other named bodies' words mislead ("Soviet Union" reads as a
    trade union, "Russian Federation" as a federation of clubs). A ruling party the
    knowledge base codes as its government ("the Communist Party of China") stays so."""
    if kb.country(body) is not None or kb.country(_THE.sub("", body)) is not None:
        return None
    known = kb.actor(body)
    if known is not None:
        return "PTY" if known.sector == "PTY" else None
    return "PTY" if kb.organization_sector(body) == "PTY" or _is_party(body) else None


def _is_party(body: str) -> bool:
    """Whether a body's own noun, before what it is of, is "party"."""
    head = re.split(r"\s+(?:of|for|in)\s+", body, maxsplit=1)[0].split()
    return bool(head) and head[-1].casefold() == "party"


def _country_in_name(
    name: str, kb: KnowledgeBaseLike, bodies: Container[str] = frozenset()
) -> CountryLike | None:
    """The country an organisation's own name gives: a country or demonym among the words
    before its first preposition ("US State Department", "North Korean Foreign Ministry",
    "the All India Peasants' Union", "Nigerian National Committee"), else a country after
    "of" ("Voice of America"). A demonym after "of" does not count: the University of North
    Korean Studies is in Seoul; nor does a place after another preposition: "Committee for
    Solidarity with Cuba" is not Cuba's, "Council ... in South Korea" is where it sits.
    Last, a body named after "of" whose own name ends in one of ``bodies`` (the lexicon's
    words for organisations: "Party", "Front") gives its country by its own first words:
    "the Central Committee of the Lao People's Revolutionary Party" is Laos's, whatever
    country the article is about."""
    found = _country_before_preposition(name, kb)
    if found is not None:
        return found
    # After "of": the longest country name that ends the name ("Ministry of Foreign Affairs
    # of the Democratic People's Republic of Korea": a country name may hold "of" itself).
    for _, tail in _of_splits(name):
        # State media's scorn is no part of the name: "the Ministry of Defense of the puppet
        # Republic of Korea".
        found = kb.country(tail) or kb.country(_SCORN.sub("", tail))
        bare = _THE.sub("", tail)
        if found is None and " of " not in tail and " " not in bare:
            # "the University of Damascus", "the Mayor of Havana": a capital ends the name;
            # the body is of its country, whichever the article is about. So does a country
            # the place dictionaries alone name ("the Ministry of Sports of Congo").
            found = kb.country_by_capital(bare) or _country_actor(bare, kb)
        if found is not None:
            return found
    for _, tail in _of_splits(name):
        last = tail.split()[-1] if tail.split() else ""
        if last in bodies:
            found = _country_before_preposition(_THE.sub("", tail), kb)
            if found is not None:
                return found
    return None


_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _of_splits(name: str) -> Iterator[tuple[str, str]]:
    """(head, tail) at each " of " of a name, the shortest head first: "Ministry of Foreign
    Affairs of Korea" gives ("Ministry", "Foreign Affairs of Korea"), then ("Ministry of
    Foreign Affairs", "Korea")."""
    parts = name.split(" of ")
    for i in range(1, len(parts)):
        yield " of ".join(parts[:i]), " of ".join(parts[i:])


def _country_actor(word: str, kb: KnowledgeBaseLike) -> CountryLike | None:
    """The country a one-word name is in the place dictionaries, when they list it as a
    country ("Congo", which the country table leaves to its two full names)."""
    actor = kb.actor(word)
    if actor is None or actor.kind != "country" or not actor.country:
        return None
    return kb.country_by_code(actor.country)


_ALL_OF = re.compile(r"All-(?=[A-Z])")


def _country_before_preposition(name: str, kb: KnowledgeBaseLike) -> CountryLike | None:
    """A country or demonym among a name's words before its first preposition, never its
    last word (``_country_in_name``)."""
    words = name.split()
    cut = next((i for i, w in enumerate(words) if w in _NAME_PREPOSITIONS), len(words))
    # "Thailand-DPRK Friendship Association": the first of the two countries; "All-China
    # Women's Federation", "All-India Forward Bloc": "All-" is no country, the one after is.
    modifiers = [
        w.split("-", 1)[_ALL_OF.match(w) is not None] if "-" in w[1:] else w for w in words[:cut]
    ]
    for start in range(len(modifiers)):
        for size in (3, 2, 1):
            # The name's last word is its head ("... Union"), never its country.
            if start + size > len(modifiers) or start + size >= len(words):
                continue
            head = " ".join(modifiers[start : start + size])
            found = kb.country(head) or kb.country_by_demonym(head)
            if found is not None:
                return found
    return None


_SCORN = re.compile(r"^(?:the\s+)?puppet\s+", re.IGNORECASE)


def _media_home(name: str, kb: KnowledgeBaseLike) -> CountryLike | None:
    """A newspaper named after a capital is of that country: "Washington Post"."""
    first = name.split()[0] if name.split() else ""
    return kb.country_by_capital(first) if first else None


def _place_first(name: str, kb: KnowledgeBaseLike, on: date | None) -> CountryLike | None:
    """The country of a place a firm's name starts with, as the place dictionaries list it:
    "the Jilin Provincial Production Company", "Tianjin Jiujiang Trade Co. Ltd." (firms take
    their home town's name). Not for outlets: "Phoenix Satellite TV" is of Hong Kong."""
    words = _THE.sub("", name).split()
    for size in (2, 1):
        if len(words) <= size:
            continue
        actor = kb.actor(" ".join(words[:size]), on)
        if actor is not None and actor.kind in ("country", "location") and actor.country:
            return kb.country_by_code(actor.country)
    return None


def _org_sector(name: str, kb: KnowledgeBaseLike, lex: Lexicon) -> tuple[str | None, str | None]:
    """(kind, sector) from the knowledge base, else from the words of the name."""
    sector = kb.organization_sector(name)
    kind: str | None = None
    for word in reversed(name.split()):
        if word in lex.org_words:
            kind, word_sector = lex.org_words[word]
            sector = sector or word_sector
            break
    return kind, sector


def _code(country: CountryLike | None, sector: str | None) -> str | None:
    if country is None:
        return None
    return country.code + sector if sector else country.code


# Directions written in lower case before the name of a divided country's half: how the
# other half's state media name it ("south Korea").
_LOWER_DIRECTIONS = frozenset({"north", "south"})


@dataclass(frozen=True, slots=True)
class _Places:
    """The article's own country: the one its actors belong to when they far outnumber any
    other country's (``clear``, at least twice the next), else the one it names most (of
    equals, the first named). A
    titled person or a common body whose own words name no country takes it; a place named
    near them never counts (the talks "in Geneva, Switzerland" are no sign of the envoy's
    country), nor do places at all: they are venues.

    Before it, a titled person takes the country of the office the text named just before
    under the same title: "The DPRK ambassador to Ghana paid a farewell call on the president
    of Ghana. Ambassador Kim ... President Mahama ..." is the DPRK's ambassador and Ghana's
    president, whichever country the article names most."""

    main: CountryLike | None
    # (start, title word, country) of the groups a title names ("DPRK ambassador",
    # "president of Ghana"), in text order.
    offices: tuple[tuple[int, str, CountryLike], ...] = ()
    # The country the article's actors belong to, when it is clear: named (countries,
    # places, groups, people the knowledge base places) at least twice and more often than
    # any other. An organisation whose name gives a sector but no country is of it ("Ford
    # Motor Company" in a story on a US party convention).
    clear: CountryLike | None = None
    # Every country the article names as one (not places), in order of first mention.
    named: tuple[CountryLike, ...] = ()
    # The halves of divided countries the article writes with a lower-case direction ("south
    # Korea", "south Korean puppets"): the other half's state media write so, and a demonym
    # the two halves share is then that other half's (``_shared_demonym``).
    lowered: frozenset[str] = frozenset()
    # (sentence, start, country) of every country and place the dictionaries locate, as
    # named in each sentence (``foreign_before``).
    in_sentences: frozenset[tuple[int, int, str]] = frozenset()

    def foreign_before(self, cluster: Cluster, own: CountryLike | None = None) -> bool:
        """Whether each sentence naming the cluster names a country other than the one the
        article is about before it: "the International Commerce Promotion Center of
        Myanmar and the Diamond Love Princess Co. Ltd." in a KCNA story is no North Korean
        firm because the story is about the DPRK. A country named after it is more often
        where the body acts ("Trump criticized Ford Motor Company for opening up a new
        factory in Mexico"), and a body named again elsewhere without one ("the Department
        of Homeland Security") is the article's own. ``own`` is the country asked about when
        it is not the clear one (the article's main country a fallback would give)."""
        mine = own if own is not None else self.clear
        clear = mine.iso3 if mine is not None else None
        return all(
            any(
                n == cand.sentence and start < cand.start and iso != clear
                for n, start, iso in self.in_sentences
            )
            for cand in cluster.cands
        )

    @classmethod
    def of(
        cls, clusters: dict[str, Cluster], kb: KnowledgeBaseLike, on: date | None = None
    ) -> _Places:
        counts: dict[str, tuple[int, CountryLike]] = {}
        offices: list[tuple[int, str, CountryLike]] = []
        actors: Counter[str] = Counter()
        known: dict[str, CountryLike] = {}
        lowered: set[str] = set()
        in_sentences: set[tuple[int, int, str]] = set()
        for cluster in clusters.values():
            in_sentences.update(
                (cand.sentence, cand.start, iso)
                for cand in cluster.cands
                if (iso := _named_country(cluster, cand, kb, on)) is not None
            )
            own = cluster.country or next((c.country for c in cluster.cands if c.country), None)
            lowered.update(
                country.iso3
                for cand in cluster.cands
                if cand.text.split(maxsplit=1)[0] in _LOWER_DIRECTIONS
                and (country := cand.country or cluster.country) is not None
            )
            if own is not None:
                known[own.iso3] = own
                actors[own.iso3] += len(cluster.cands)
            elif (known_actor := _known_actor(cluster, kb, on)) is not None:
                # A person or body the knowledge base places ("Kim Jong Il") counts for its
                # country as a named one does.
                actors[known_actor] += len(cluster.cands)
            if cluster.kind == "group":
                offices.extend(
                    (cand.start, title_word(cand.text), country)
                    for cand in cluster.cands
                    if (country := cand.country or cluster.country) is not None
                )
            # Groups ("the US commander") are other actors' countries, places are venues.
            if cluster.kind != "country":
                continue
            for cand in cluster.cands:
                country = cand.country or cluster.country
                if country is not None:
                    seen, _ = counts.get(country.iso3, (0, country))
                    counts[country.iso3] = (seen + 1, country)
        # Clusters come in order of first mention, so a tie goes to the first named.
        main = max(counts.values(), key=lambda item: item[0], default=None)
        ranked = actors.most_common(2)
        clear = None
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
            clear = known.get(ranked[0][0]) or kb.country_by_code(ranked[0][0])
        # The article's own country when its actors far outnumber any other's: a US story
        # on Trump, Clinton and the Senate that names Mexico four times is still American.
        dominant = (
            clear
            if clear is not None and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1])
            else None
        )
        return cls(
            (dominant or main[1]) if main is not None else None,
            tuple(sorted(offices, key=_start)),
            clear,
            tuple(country for _, country in counts.values()),
            frozenset(lowered),
            frozenset(in_sentences),
        )

    def of_office(self, roles: tuple[str, ...], before: int) -> CountryLike | None:
        """The country of the office last named before ``before`` under one of ``roles``'
        title words ("Ambassador" -> "DPRK ambassador")."""
        words = {title_word(role) for role in roles}
        for start, word, country in reversed(self.offices):
            if start < before and word in words:
                return country
        return None


def _named_country(
    cluster: Cluster, cand: Candidate, kb: KnowledgeBaseLike, on: date | None
) -> str | None:
    """The country a mention of a country or a place names ("China", "Dandong"), or a body's
    name after its last "of" ("the Foreign Ministry of Myanmar"), if any. A group's demonym
    does not count: "a Mexican-American judge in a case involving Trump
    University" says nothing of the university."""
    if cluster.kind == "country":
        country = cand.country or cluster.country
        return country.iso3 if country is not None else None
    if cluster.kind == "location":
        actor = kb.actor(cand.text, on)
        if actor is not None and actor.kind in ("country", "location") and actor.country:
            return actor.country
    if cluster.kind in _ORG_KINDS and " of " in cand.text:
        # "the International Commerce Promotion Center of Myanmar" names Myanmar.
        country = kb.country(_THE.sub("", cand.text.rsplit(" of ", 1)[1]))
        return country.iso3 if country is not None else None
    return None


def _known_actor(cluster: Cluster, kb: KnowledgeBaseLike, on: date | None) -> str | None:
    """The country of the actor a person's or a body's cluster is, as the coding will find
    it (its own actor, else the knowledge base's for its longest name)."""
    actor = cluster.actor
    if actor is None and cluster.kind in ("person", *_ORG_KINDS):
        actor = kb.actor(_longest(cluster), on)
    return actor.country if actor is not None and actor.country else None


def known_as_outlet(cluster: Cluster, kb: KnowledgeBaseLike, on: date | None) -> bool:
    """Whether a person's cluster will be built as the news outlet the knowledge base codes
    its longest name as (``build_entities``): "Rodong Sinmun" or "Chosun Ilbo" read as a
    person's name is a newspaper, which no "he" stands for. Not a body: the knowledge base
    lists some people as organisations ("Edward Snowden"), never one as an outlet."""
    if cluster.kind != "person":
        return False
    actor = cluster.actor or kb.actor(_longest(cluster), on)
    if actor is None or not actor.code or actor.kind != "media":
        return False
    return not _other_country(cluster, actor)


def _start(item: tuple[int, str, CountryLike]) -> int:
    return item[0]


_OFFICE_OF = re.compile(r"\s+(?:of|to|for|at|in)\s+", re.IGNORECASE)


def title_word(text: str) -> str:
    """The word a title or an office is named by: "DPRK ambassador to Ghana" -> "ambassador",
    "president of Ghana" -> "president", "Ambassador" -> "ambassador"."""
    head = _OFFICE_OF.split(text, maxsplit=1)[0].split()
    return head[-1].strip(".,'’").casefold() if head else ""


def build_entities(
    clusters: dict[str, Cluster],
    kb: KnowledgeBaseLike,
    lex: Lexicon,
    text: str,
    on: date | None,
) -> tuple[Entity, ...]:
    ids = {key: f"e{n}" for n, key in enumerate(clusters, start=1)}
    places = _Places.of(clusters, kb, on)
    owner: dict[int, str] = {}  # id(candidate) -> cluster key
    for key, cluster in clusters.items():
        for cand in cluster.cands:
            owner[id(cand)] = key
    entities = []
    for key, cluster in clusters.items():
        affiliation_key = next(
            (owner.get(id(c.affiliation)) for c in cluster.cands if c.affiliation is not None),
            None,
        )
        affiliated = clusters.get(affiliation_key) if affiliation_key else None
        entities.append(_entity(ids[key], cluster, affiliated, ids, kb, lex, text, on, places))
    relatives = {
        ids[key]: ids[owner[id(c.relative)]]
        for key, cluster in clusters.items()
        for c in cluster.cands
        if c.relative is not None and id(c.relative) in owner
    }
    return _relatives_placed(_officers_coded(entities), relatives)


def _relatives_placed(
    entities: tuple[Entity, ...], relatives: Mapping[str, str]
) -> tuple[Entity, ...]:
    """A person the text places only by a relative ("Zhou Wei, daughter of Zhou Baozhong",
    a Chinese martyr) is of the relative's country, and holds none of their offices: the
    country's bare code (the relative's code is known only once every entity is built)."""
    by_id = {e.id: e for e in entities}
    out = []
    for entity in entities:
        relative = by_id.get(relatives.get(entity.id, ""))
        if (
            entity.kind == "person"
            and entity.actor is None
            and entity.country is None
            and relative is not None
            and relative.kind == "person"
            and relative.country
        ):
            entity = replace(entity, actor=relative.country, country=relative.country)
        out.append(entity)
    return tuple(out)


def _officers_coded(entities: list[Entity]) -> tuple[Entity, ...]:
    """An officer left uncoded whose body is coded acts for it: "Kwon Jong Gun, director
    general of the Department of U.S. Affairs of the Foreign Ministry of the DPRK" is the
    department's, PRKGOV (the department's code comes from its own body, known only once
    every entity is built). A former officer of a state body is an elite of its country."""
    by_id = {e.id: e for e in entities}
    out = []
    for entity in entities:
        body = by_id.get(entity.affiliation) if entity.affiliation else None
        own = entity.sector
        if (
            entity.kind == "person"
            and entity.actor is None
            and any(not r.startswith("former ") for r in entity.roles)
            and body is not None
            and body.actor
            and body.country
            and entity.country in (None, body.country)
        ):
            entity = replace(entity, actor=body.actor, country=body.country, sector=body.sector)
            if (
                own is not None
                and own != body.sector
                and (body.kind == "person" or all(title_word(r) in _TRADES for r in entity.roles))
            ):
                # A person's staff whose title gives a sector of its own ("Sanders campaign
                # manager X" ELI) is of that person's country, not of their office; so is a
                # tradesman of a body ("a worker of the ... factory" LAB, not the firm's BUS).
                entity = replace(entity, actor=body.actor[:3] + own, sector=own)
        elif (
            entity.kind == "person"
            and entity.actor is None
            and entity.roles
            and all(r.startswith("former ") for r in entity.roles)
            and body is not None
            and body.kind != "person"
            and body.country
            and body.sector in _STATE_SECTORS
        ):
            # "former Pentagon spokesman X", "former Federal Reserve chairman Y": a past
            # officer of a state body, an elite of its country, as CAMEO codes former
            # officials (Phoenix FORMER_PRESIDENT, RETIRED ~ELI). A past officer of another
            # body is no longer its officer, nor an elite of a country.
            entity = replace(entity, actor=body.country + "ELI", sector="ELI")
        out.append(entity)
    return tuple(out)


def _mentions(cluster: Cluster, text: str) -> tuple[Mention, ...]:
    spans = {(c.start, c.end) for c in cluster.cands} | {(s, e) for s, e, _ in cluster.pronouns}
    return tuple(Mention(s, e, text[s:e]) for s, e in sorted(spans))


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _entity(
    entity_id: str,
    cluster: Cluster,
    affiliated: Cluster | None,
    ids: dict[str, str],
    kb: KnowledgeBaseLike,
    lex: Lexicon,
    text: str,
    on: date | None,
    places: _Places,
) -> Entity:
    mentions = _mentions(cluster, text)
    # The name is the longest of the cluster's own kind of mention: a person's, not the
    # nameless actor in apposition ("Lavrov, foreign minister of ...") that joined it.
    own = [c.text for c in cluster.cands if c.kind == cluster.kind] or [
        c.text for c in cluster.cands
    ]
    longest = max(own, key=len)
    affiliation = ids[affiliated.key] if affiliated is not None else None
    kind: str = cluster.kind
    name, country, sector, actor_code = longest, None, None, None
    roles = _unique([r for c in cluster.cands for r in c.roles])
    former = _unique([r for c in cluster.cands for r in c.former_roles])
    if kind == "country" and cluster.country is not None:
        name, country, actor_code = cluster.country.name, cluster.country.iso3, cluster.country.code
    elif kind == "group":
        place = cluster.country or _shared_demonym(longest, kb, places)
        if place is None and cluster.sector == "LAB":
            # The union of a firm or outlet no source places ("the Ssangyong Motors trade
            # union") is of the article's country when it is clear, as the firm would be.
            place = places.clear
        country = place.iso3 if place else None
        sector = cluster.sector
        if sector in _STATE_SECTORS and all(
            past_office_before(text, c.start) for c in cluster.cands
        ):
            # "a former U.S. senator", "a former senior Ukrainian official": no longer the
            # state's, an elite of the country, as CAMEO codes former officials.
            sector = "ELI"
        actor_code = _code(place, sector)
    elif kind in ("person", *_ORG_KINDS):
        actor = cluster.actor or kb.actor(longest, on)
        if actor is not None and _other_country(cluster, actor):
            actor = None
        if actor is not None and actor.code:
            name, actor_code, country, sector = actor.name, actor.code, actor.country, actor.sector
            if actor.kind in ("person", *_ORG_KINDS):
                kind = actor.kind
            titled = (
                _titled_code(cluster, roles, actor, kb, lex, affiliated, on)
                if kind == "person"
                else None
            )
            if titled is not None:
                actor_code, sector = titled
            elif kind == "person" and _office_ended(roles, former, actor, affiliated, kb, lex, on):
                # "Former Federal Reserve chairman Ben Bernanke": the text says the office
                # the knowledge base still lists as held is over; an elite of its country,
                # as CAMEO codes former officials.
                actor_code, sector = f"{actor.country}ELI", "ELI"
            roles = _unique([*roles, *actor.roles])
        elif (
            kind != "person"
            and actor is None
            and (parent := _parent_body(longest, kb, on, lex.org_words))
        ):
            # A body of a body the knowledge base knows ("the Presidium of the Political
            # Bureau of the Central Committee of the Workers' Party of Korea") is part of it.
            actor_code, country, sector = parent.code, parent.country, parent.sector
        else:
            if actor is not None:
                name = actor.name
            place, sector, kind = _derive(
                cluster, affiliated, roles, kb, lex, longest, kind, places
            )
            country, actor_code = (place.iso3 if place else None), _code(place, sector)
            above = _affiliation_actor(affiliated, kb, on)
            if (
                kind in _ORG_KINDS
                and above is not None
                and above.code
                and above.country
                and country in (None, above.country)
                and (sector is None or above.sector not in _STATE_SECTORS)
            ):
                # A body of a body that names no sector of its own ("the Central Committee"
                # of "the Anti-Imperialist National Democratic Front") acts for that body; so
                # does an office of a party or an armed group, whatever state word its name
                # has ("the Political Bureau" of Hezbollah is not Lebanon's government).
                actor_code, country, sector = above.code, above.country, above.sector
            elif (
                kind == "person"
                and sector is None
                and roles
                and above is not None
                and above.code
                and above.country
                and above.country == country
            ):
                # A member of a national body with no sector of their own ("X, member of
                # the Presidium of the Political Bureau of the WPK") acts for that body.
                actor_code, sector = above.code, above.sector
            elif (
                sector is None
                and ((kind == "person" and roles) or (kind in _ORG_KINDS and above is None))
                and (body := _text_body(affiliated, kb, lex, places)) is not None
                and country in (None, body[0].iso3)
            ):
                # The same for a body the text alone codes: a member ("G. Zhuganov, chairman of
                # the Central Committee of the Communist Party of the Russian Federation") or a
                # body with no sector of its own ("the Central Committee of" that party) acts
                # for it: RUSPTY. A body the text places where its own name does not ("the
                # Association of Koreans in Uzbekistan"): its chairman is where the body is.
                place, sector = body
                actor_code, country = place.code + sector, place.iso3
            elif (
                kind in _ORG_KINDS
                and above is None
                and sector in _STATE_SECTORS
                and (body := _text_body(affiliated, kb, lex, places)) is not None
                and body[1] == "PTY"
                and country in (None, body[0].iso3)
                and affiliated is not None
                and len(_THE.sub("", _longest(affiliated)).split()) >= 3
            ):
                # A body of a party the text alone codes is the party's whatever state word
                # its name has ("the Presidium of the C.C., Communist Party of Tajikistan"),
                # as a known party's is above. Not "the Party" alone: KCNA's word for the
                # ruling party, which the article's country places but the text does not
                # name (the Workers' Party of Korea is its government).
                place, sector = body
                actor_code, country = place.code + sector, place.iso3
            elif (
                kind == "person"
                and roles
                and sector is not None
                and sector not in _STATE_SECTORS
                and above is not None
                and above.code
                and above.country
                and above.sector in _CIVIL_SECTORS
                and sector != above.sector
                and country in (None, above.country)
            ):
                # An officer of a civil body the knowledge base knows is of its sector, not
                # the one the title's words give alone: "executive director of National
                # Nurses United" (a union, not a firm), "president of the abortion rights
                # group NARAL" (an advocacy group).
                actor_code, country, sector = above.code, above.country, above.sector
            elif kind == "person" and sector == "GOV" and roles:
                # An office word that also names a state's officers ("president", "secretary
                # general", "chairman") held in a named civil body or a party ("president of
                # the Nigerian Association for ...", "general secretary of the Egyptian
                # Socialist Party") is an office of that body: NGANGO, EGYPTY, not a
                # government's.
                civil = _civil_body(above, affiliated, kb, lex, places)
                if civil is not None and (
                    country in (None, civil[0])
                    or all(r.casefold() in _SHARED_OFFICES for r in roles)
                ):
                    # A bare title word ("vice-president") says no country of its own: one
                    # a list's previous person lent it ("..., Bangladeshi prime minister,
                    # X, vice-president of the Party for Free Motherland of Brazil") yields
                    # to the body's.
                    country, actor_code, sector = civil
                elif (
                    civil is None
                    and above is None
                    and all(title_word(r) in _SHARED_OFFICES for r in roles)
                    and (home := _unsectored_body(affiliated, kb, lex, places)) is not None
                    and country in (None, home.iso3)
                ):
                    # The same office in a body whose words place it but name no sector
                    # ("president of the American Unity Fund", "general secretary of the
                    # Central Committee of the People's Vanguard of Costa Rica"): the body
                    # is no state's, so neither is its officer; the body's country alone.
                    country, actor_code, sector = home.iso3, home.code, None
            if (
                actor_code is None
                and (kind != "person" or roles)
                and above is not None
                and above.code
                and above.code.startswith(_SUPRANATIONAL)
            ):
                # An officer or a body of an international organisation ("the Board of
                # Governors of the IAEA") takes its code.
                actor_code = above.code
            elif (
                actor_code is None
                and kind in _ORG_KINDS
                and sector == "NGO"
                and _transnational(longest, kb, lex, on)
            ):
                # A civic body of no one country ("the International Alliance of Societies
                # for the Study of ...", "the European Society for ..."): CAMEO's
                # transnational NGO, coded with no country.
                actor_code = "NGO"
            elif (
                actor_code is None
                and kind == "person"
                and roles
                # A title that names a body of its own ("director of the Agency for ...")
                # is that body's: the affiliation may be another's, read past an "and".
                and not any(" of " in r for r in roles)
                and affiliated is not None
                and affiliated.kind == "organization"
                and affiliated.actor is None
                and _org_sector(_longest(affiliated), kb, lex)[1] == "NGO"
                and _transnational(_longest(affiliated), kb, lex, on)
            ):
                # An officer of such a body ("X, president of the International Table Tennis
                # Federation") acts for it, as an officer of a national one does.
                actor_code = "NGO"
    elif kind == "location":
        # A place codes as its country ("in Mosul", "to the Gaza Strip", "visited Beijing"),
        # as PETRARCH's dictionaries code cities; the KB may also know the name as an actor
        # the model took for a place ("Hamas" tagged GPE).
        actor = kb.actor(longest, on)
        named = next((c.country for c in cluster.cands if c.country is not None), None)
        if (
            named is not None
            and actor is not None
            and actor.kind in ("country", "location")
            and actor.country not in (None, named.iso3)
        ):
            # The text names another country for a name the knowledge base lists under one
            # ("south Korean Kangwon Province": the ROK's, not the DPRK's).
            actor = None
        if actor is not None and actor.code and actor.kind == "country":
            # A city or province a dictionary lists under its country ("Zurich", "Alaska"):
            # the place keeps its name and codes as its country.
            actor_code, country = actor.code, actor.country
        elif actor is not None and actor.code:
            name, actor_code, country, sector = actor.name, actor.code, actor.country, actor.sector
            kind = actor.kind
        elif named is not None:
            country, actor_code = named.iso3, named.code
    roles = _unique([*roles, *(f"former {r}" for r in former)])
    return Entity(
        id=entity_id,
        name=name,
        kind=_as_kind(kind),
        actor=actor_code,
        country=country,
        roles=roles,
        affiliation=affiliation,
        mentions=mentions,
        sector=sector,
    )


def _text_body(
    affiliated: Cluster | None, kb: KnowledgeBaseLike, lex: Lexicon, places: _Places
) -> tuple[CountryLike, str] | None:
    """The place and sector of an affiliated body the knowledge base does not know, as its
    own words code it ("the Communist Party of the Russian Federation": RUS, PTY), when they
    name both."""
    if affiliated is None:
        return None
    body, body_sector, _ = _derive(
        affiliated, None, (), kb, lex, _longest(affiliated), affiliated.kind, places
    )
    return (body, body_sector) if body is not None and body_sector else None


def _unsectored_body(
    affiliated: Cluster | None, kb: KnowledgeBaseLike, lex: Lexicon, places: _Places
) -> CountryLike | None:
    """The country of an affiliated organisation the knowledge base does not know whose own
    words place it but give it no sector."""
    if affiliated is None or affiliated.kind != "organization" or affiliated.actor is not None:
        return None
    name = _longest(affiliated)
    if _STATE_WORD.search(name.split(" of ")[0]):
        return None  # "the State Affairs of the DPRK" is a state's, whatever its sector
    if len(_THE.sub("", name).split()) < 3:
        # Two words are as often a ministry cut from its officer's title ("British Defence"
        # of "British Defence Secretary Tom King") as a body of its own.
        return None
    body, body_sector, _ = _derive(affiliated, None, (), kb, lex, name, affiliated.kind, places)
    return body if body is not None and body_sector is None else None


def _civil_body(
    above: ActorLike | None,
    affiliated: Cluster | None,
    kb: KnowledgeBaseLike,
    lex: Lexicon,
    places: _Places,
) -> tuple[str, str, str] | None:
    """The country, code and sector of an affiliated body outside the state (a civil
    sector or a party), known to the knowledge base or coded by its own words."""
    if above is not None and above.code:
        if above.country and above.sector in _NON_STATE_BODIES:
            return above.country, above.code, above.sector
        return None
    body = _text_body(affiliated, kb, lex, places)
    if body is not None and body[1] in _NON_STATE_BODIES:
        return body[0].iso3, body[0].code + body[1], body[1]
    return None


def _longest(cluster: Cluster) -> str:
    return max((c.text for c in cluster.cands), key=len)


def _affiliation_actor(
    affiliated: Cluster | None, kb: KnowledgeBaseLike, on: date | None
) -> ActorLike | None:
    """The known actor an affiliated organisation is, or is a body of."""
    if affiliated is None:
        return None
    if affiliated.actor is not None:
        return affiliated.actor
    return _parent_body(max((c.text for c in affiliated.cands), key=len), kb, on)


def _parent_body(
    name: str, kb: KnowledgeBaseLike, on: date | None, bodies: Container[str] = frozenset()
) -> ActorLike | None:
    """The nearest organisation the knowledge base knows that an organisation's name says it
    belongs to: the longest known name after one of its "of"s, else (with ``bodies``, the
    lexicon's words for organisations) the longest known name its own name starts with when
    a word for a body ends it ("the Chongryon Central Standing Committee" is Chongryon's), or
    whatever body word ends it when it starts with a known body's acronym ("the KPA General
    Staff", "the KPA Navy Command" are the army's, not of the country the article names most).
    Countries are not bodies ("the Ministry of Foreign Affairs of the DPRK" is coded by its
    country and sector)."""
    parts = name.split(" of ")
    for i in range(1, len(parts)):
        found = kb.actor(" of ".join(parts[i:]), on)
        if found is not None and found.code and found.kind in _ORG_KINDS:
            return found
    words = name.split()
    if " of " in name:
        return None
    if (
        len(words) > 1
        and _is_acronym(words[0])
        and words[-1] not in bodies
        and kb.organization_sector(" ".join(words[1:])) is not None
    ):
        # The rest must name a body ("General Staff", "Navy Command"), not a thing of the
        # body's ("the UN Charter").
        found = kb.actor(words[0], on)
        return found if found is not None and found.code and found.kind in _ORG_KINDS else None
    if words[-1] not in bodies:
        return None
    for end in range(len(words) - 1, 0, -1):
        found = kb.actor(" ".join(words[:end]), on)
        if found is not None and found.code and found.kind in _ORG_KINDS:
            return found
    return None


def _titled_code(
    cluster: Cluster,
    roles: tuple[str, ...],
    actor: ActorLike,
    kb: KnowledgeBaseLike,
    lex: Lexicon,
    affiliated: Cluster | None = None,
    on: date | None = None,
) -> tuple[str, str | None] | None:
    """The code a person's own current title gives ("Russian President Boris Yeltsin" ->
    RUSGOV), when the knowledge base knows the person but no office of theirs on the
    article's date (its code is the bare country or CAMEO's elite ELI): the text says what
    the person is now; the knowledge base says only who they are. A title of an
    international body ("U.N. mediator X", "U.N. envoy Y") is that body's, not
    an office of the person's own country."""
    if actor.sector not in (None, "ELI") or not roles:
        return None
    titled = next((c.title_country for c in cluster.cands if c.title_country), None)
    above = _affiliation_actor(affiliated, kb, on) if titled is None else None
    if above is not None and above.code and above.code.startswith(_SUPRANATIONAL):
        return above.code, above.sector
    sector = next((s for r in roles if (s := _sector_of_role(r, kb, lex))), None)
    country = titled or (kb.country_by_code(actor.country) if actor.country else None)
    if sector is None or country is None:
        return None
    return country.code + sector, sector


def _office_ended(
    roles: tuple[str, ...],
    former: tuple[str, ...],
    actor: ActorLike,
    affiliated: Cluster | None,
    kb: KnowledgeBaseLike,
    lex: Lexicon,
    on: date | None,
) -> bool:
    """Whether the text calls a known person's state office past when the knowledge base
    lists it as held (an entry with no end date: "Former Federal Reserve chairman Ben
    Bernanke", "former Interior Minister X"): the text names no current title and a past
    one of the same office, of the body the knowledge base codes the person by or of the
    same sector. A past office of another kind says nothing of the one held now ("John
    Kerry, a former senator", the sitting Secretary of State)."""
    if roles or not former or not actor.country or actor.sector not in _STATE_SECTORS:
        return False
    body = _affiliation_actor(affiliated, kb, on)
    if body is not None and body.code == actor.code:
        return True
    return any(_sector_of_role(r, kb, lex) == actor.sector for r in former)


def _other_country(cluster: Cluster, actor: ActorLike) -> bool:
    """Whether the text names another country for a body the knowledge base knows by a
    common name: "Rwanda's Senate" is not the US Senate, whatever a dictionary lists as
    "Senate". A person's own title naming another country says the same ("Russian Foreign
    Minister X" is no namesake in the knowledge base's other country)."""
    if actor.country is None or actor.kind == "country":
        return False
    titled = next((c.title_country for c in cluster.cands if c.title_country), None)
    return titled is not None and titled.iso3 != actor.country


def _candidate(roles: tuple[str, ...]) -> bool:
    """Whether a person runs for an office ("presidential candidate", "Republican nominee")."""
    return any(r.split()[-1].casefold() in _CANDIDATE_WORDS for r in roles if r.split())


def _past_office_country(
    cluster: Cluster,
    affiliated: Cluster | None,
    kb: KnowledgeBaseLike,
    lex: Lexicon,
    places: _Places,
) -> CountryLike | None:
    """The country of a state office a person held and holds no more, placed as the office
    would be if it were current: the country before or in the title ("former Maryland Gov.
    X", "X, former president of south Korea"), else, for an office of the state ("former
    defense minister X", "former congressman Y"), the article's own country, as a current
    office's is; not when the text names a place for it that is no country known here
    ("Former USSR Foreign Minister X"). The country an office was held in ("ambassador to
    Slovakia") is not the holder's, so no office "last named" counts. A past office outside
    the state ("former chairman of Fox News") makes no elite of a country."""
    past = next((c.former_country for c in cluster.cands if c.former_country), None)
    if past is not None or any(c.former_placed for c in cluster.cands):
        return past
    former = tuple(_unique([r for c in cluster.cands for r in c.former_roles]))
    if not any(_sector_of_role(r, kb, lex) in _STATE_SECTORS for r in former):
        return None
    if affiliated is not None and not _common_state_body(_longest(affiliated), kb, lex):
        return None
    if places.foreign_before(cluster, places.main):
        # "Leaders of political parties of Bangladesh including X, former prime minister":
        # a foreign guest or delegate named after their country (KCNA's lists of visitors),
        # not an officer of the country the article is about.
        return None
    return places.main


def _derive(
    cluster: Cluster,
    affiliated: Cluster | None,
    roles: tuple[str, ...],
    kb: KnowledgeBaseLike,
    lex: Lexicon,
    longest: str,
    kind: str,
    places: _Places,
) -> tuple[CountryLike | None, str | None, str]:
    """Country, sector and kind of an actor the knowledge base lacks."""
    titled = next((c for c in cluster.cands if c.title_country), None)
    if kind == "person":
        place = titled.title_country if titled is not None else None
        if place is None and affiliated is not None and roles:
            place = _cluster_country(affiliated, kb, lex.org_words)
        sector = next((s for r in roles if (s := _sector_of_role(r, kb, lex))), None)
        if place is None and sector in _NON_STATE_BODIES:
            # The party or body a title names is where its officer is: "General Secretary
            # of the Communist Party of Italy X" is Italy's, wherever the story is filed
            # from; "president of the Indiana state firefighters union" the United States'.
            place = next((c for r in roles if (c := _body_country(r, kb, lex))), None)
        if place is None and sector in _PARTY_SECTORS:
            # A party whose name gives no country is placed as an office would be; so is
            # the opposition ("opposition leader X"), which is only one in a country.
            place = places.of_office(roles, cluster.first) or places.main
        if (
            place is None
            and sector in _STATE_SECTORS
            and (affiliated is None or _common_state_body(_longest(affiliated), kb, lex))
        ):
            # An office of a body every country has ("vice-premier of the Cabinet",
            # "secretary of the Provincial Committee") is of the article's own country, as
            # the body itself is.
            place = places.of_office(roles, cluster.first) or places.main
        if place is None and not roles and sector is None:
            # "former Maryland Gov. X": no office now, an elite of the country whose office
            # it was, as CAMEO codes former officials (Phoenix: FORMER_PRESIDENT,
            # FORMER_PRIME_MINISTER, RETIRED ~ELI).
            past = _past_office_country(cluster, affiliated, kb, lex, places)
            if past is not None:
                return past, "ELI", kind
        if place is None and affiliated is None and _candidate(roles):
            # "Presidential candidate Ben Carson": of the country whose office is sought,
            # when the article clearly is about one (one sentence naming Iran is not).
            # the one the article is about.
            place = places.clear
        return place, sector, kind
    word_kind, sector = _org_sector(longest, kb, lex)
    if kind == "media" or word_kind == "media":
        place = (
            _country_in_name(longest, kb)
            or _media_home(longest, kb)
            # "The Bangladeshi paper Blits": where the words before its name place it.
            or next((c.located for c in cluster.cands if c.located is not None), None)
        )
        # No other sign places an outlet: the country an article is about is no more the
        # home of the papers it cites than of the places it names (KCNA's "the newspaper
        # Granma carried an article on the DPRK", a US story quoting "the Times" of London).
        # An outlet the knowledge base does not know stays media of no known country.
        return place, "MED", "media"
    place = (
        _country_in_name(longest, kb, lex.org_words)
        or _people_in_name(longest, kb, places)
        or _shared_demonym_first(longest, kb, places, _names_a_body(longest, sector, lex))
        or (_shared_name_last(longest, kb, places) if _names_a_body(longest, sector, lex) else None)
        or (_place_first(longest, kb, None) if sector == "BUS" else None)
    )
    if sector is None and place is not None and _PORTFOLIO.search(longest):
        sector = "GOV"
    if place is None:
        # Another of the body's names may give it, and its sector: "the Nepal Communist
        # Party (United Marxist-Leninist)", whose longest name is the bracketed one.
        other = next(
            (
                (found, cand.text)
                for cand in cluster.cands
                if cand.kind == kind
                and cand.text != longest
                and (found := _country_in_name(cand.text, kb, lex.org_words)) is not None
            ),
            None,
        )
        if other is not None:
            place, sector = other[0], sector or _org_sector(other[1], kb, lex)[1]
    if place is None and titled is not None:
        place = titled.title_country
    if place is None and affiliated is not None:
        place = _cluster_country(affiliated, kb, lex.org_words)
    if place is None and not _names_a_people(longest, kb):
        # Where a body with no national word of its own sits ("the Council for ... in
        # south Korea"); a body of a people abroad ("the Federation of Koreans in the
        # United States", "the Association of Korean Nationals in Shenyang City of China")
        # is not the host country's.
        place = next((c.located for c in cluster.cands if c.located is not None), None)
    if place is None and affiliated is None and sector is not None:
        # A body named after its town ("the Paris University", "the Moscow Conservatory")
        # is of the town's country, not of the one the article is about.
        place = _place_first(longest, kb, None)
    if (
        place is None
        and affiliated is None
        and sector in _STATE_SECTORS
        and _is_common_body(longest, lex)
    ):
        place = places.main
    if (
        place is None
        and affiliated is None
        and sector is not None
        and sector not in _NO_COUNTRY
        and not any(w in lex.supranational_words for w in longest.split())
    ):
        # "International Labor Office" belongs to no country, and a body named after
        # another country is not of the one the article is about.
        place = None if places.foreign_before(cluster) else places.clear
        if place is not None and sector == "PTY" and place.iso3 in _RULING_PARTY_STATES:
            sector = "GOV"
    return place, sector, kind


# "Federation of Koreans", "Association of Korean Residents": a body named after a people.
_PEOPLE_OF = re.compile(
    r"\bof\s+(?:the\s+)?([A-Z][a-z]+?)(?:s\b|\s+(?i:residents|nationals|compatriots|citizens|"
    r"emigrants|people|workers|students|women|youth)\b)"
)


def _names_a_people(name: str, kb: KnowledgeBaseLike) -> bool:
    """Whether a body is named after a people ("the Association of Korean Nationals"): a
    demonym of a country, or of both halves of a divided one, after its "of" (the
    Volunteers of "the Issue of the Volunteers Corps" are no people)."""
    match = _PEOPLE_OF.search(name)
    if match is None:
        return False
    demonym = match.group(1)
    return kb.country_by_demonym(demonym) is not None or any(
        kb.country_by_demonym(f"{side} {demonym}") is not None for side in ("North", "South")
    )


def _people_in_name(name: str, kb: KnowledgeBaseLike, places: _Places) -> CountryLike | None:
    """The country of the people a body is named after: "the Federation of Koreans in the
    United States" is a body of Koreans abroad, of the Korea the article is about (a
    demonym two countries share is read as the one the article names most)."""
    match = _PEOPLE_OF.search(name)
    if match is None:
        return None
    demonym = match.group(1)
    found = kb.country_by_demonym(demonym)
    if found is not None:
        return found
    stem = demonym[:-1] if demonym.endswith("an") else demonym
    for country in (places.clear, places.main):
        if country is not None and stem in country.name.split():
            return country
    # An article about the host country ("the General Association of Koreans in China held
    # events ...") names neither half most: the half the article names or whose media it is.
    return _shared_demonym(demonym, kb, places)


def _shared_demonym(name: str, kb: KnowledgeBaseLike, places: _Places) -> CountryLike | None:
    """The country of a demonym the two halves of a divided country share, standing alone
    ("the Korean people", "the Korean nation": North and South Korean): of the two, the one
    the article names (when it names one only), else the one it is about; in the state media
    of one half, which write the other with a lower-case direction ("south Korea"), their
    own. "African" is no
    demonym of South Africa alone. A plural is the same nation ("all Koreans should achieve
    reunification"); the people of it living in another country ("Koreans in Japan") are
    that country's (``mentions._ethnic_groups``)."""
    if name.endswith("ans"):
        name = name[:-1]
    if " " in name or not name.endswith("an") or not name[:1].isupper():
        return None
    halves = [kb.country_by_demonym(f"{side} {name}") for side in ("North", "South")]
    return _pick_half(halves, places)


# Prepositions that name a body's cause or partner: a country after them is not the body's.
_CAUSE_WORDS = re.compile(r"\b(?:for|with|to|on|against)\b")


def _shared_name(name: str, kb: KnowledgeBaseLike) -> list[CountryLike | None]:
    """The two halves of a divided country whose name they share ("Korea": North and South
    Korea), or [] for any other name."""
    if not name[:1].isupper() or " " in name:
        return []
    halves = [kb.country(f"{side} {name}") for side in ("North", "South")]
    return halves if len({h.iso3 for h in halves if h is not None}) == 2 else []


def _shared_name_last(name: str, kb: KnowledgeBaseLike, places: _Places) -> CountryLike | None:
    """The country of a body named after a name two halves share ("the General Federation
    of Trade Unions of Korea"): chosen as for a shared demonym (``_pick_half``). Not of a
    body named for a cause ("Committee for the Study of ... Reunification of Korea")."""
    parts = name.rsplit(" of ", 1)
    if len(parts) < 2 or _CAUSE_WORDS.search(parts[0]):
        return None
    return _pick_half(_shared_name(_THE.sub("", parts[1]), kb), places)


def _pick_half(halves: Sequence[CountryLike | None], places: _Places) -> CountryLike | None:
    """Of the two halves of a divided country, the one a shared word means: the one whose
    media the article is (it writes the other with a lower-case direction), else the one the
    article names (when it names one only), else the one it is about."""
    codes = {half.iso3 for half in halves if half is not None}
    if len(codes) < 2:
        return None
    unlowered = [half for half in halves if half is not None and half.iso3 not in places.lowered]
    if len(unlowered) == 1:
        # The article writes the other half "south Korea": it is this half's own media, whose
        # "Korean people" and "Korean Committee for ..." are its own.
        return unlowered[0]
    named = [country for country in places.named if country.iso3 in codes]
    if len(named) == 1:
        return named[0]
    for country in (places.clear, places.main):
        if country is not None and country.iso3 in codes:
            return country
    return None


def _shared_demonym_first(
    name: str, kb: KnowledgeBaseLike, places: _Places, body: bool
) -> CountryLike | None:
    """The country of a body whose name starts with a demonym the two halves of a divided
    country share ("the Korean International Exhibition Corporation", "the Korean Committee
    for Cultural Relations with Foreign Countries"): the one the article names, else the one
    it is about, as for the demonym alone (``_shared_demonym``). Only a name that ``body``
    says names a body counts: "Korean Peninsula Affairs" (an envoy's brief) does not."""
    words = name.split()
    if len(words) < 2 or not body:
        return None
    return _shared_demonym(words[0], kb, places)


def _names_a_body(name: str, sector: str | None, lex: Lexicon) -> bool:
    """Whether a name says it is a body's: its words give a sector ("Corporation": BUS) or
    one is a word for a body ("Committee")."""
    return sector is not None or any(word in lex.org_words for word in name.split())


def _common_state_body(name: str, kb: KnowledgeBaseLike, lex: Lexicon) -> bool:
    """A short name of a state body every country has ("the Cabinet", "the Ministry of
    Foreign Affairs"): its officers are of the article's own country, as it is."""
    return _is_common_body(name, lex) and _org_sector(name, kb, lex)[1] in _STATE_SECTORS


def _transnational(name: str, kb: KnowledgeBaseLike, lex: Lexicon, on: date | None) -> bool:
    """Whether a body's name says it is of no one country: a word of a region or the world
    ("International", "European"), and no place ("the All-Russia ... Organization", "the
    Beijing Association for International ...", "... of Cincinnati" are one country's). An
    "Organization" so named is as often intergovernmental ("the International Hydrographic
    Organization"): not told apart by its words."""
    words = _THE.sub("", name).split()
    if not words or words[-1].rstrip("s") in ("Organization", "Organisation"):
        return False
    if not any(w in lex.supranational_words for w in words):
        return False
    for word in words:
        for part in word.split("-"):
            if kb.country_by_demonym(part) is not None:
                return False
            actor = kb.actor(part, on) if part[:1].isupper() else None
            if actor is not None and actor.kind in ("country", "location"):
                return False
    return True


def _is_common_body(name: str, lex: Lexicon) -> bool:
    """A short name ("Supreme Court", "Foreign Ministry"): every country has one, so the
    country named nearby is its own. Long names are specific enough to be in the KB or to
    name their country, and "International Labor Office" belongs to no country. A ministry
    is named by its portfolio alone however long ("the Ministry of Electric Power Industry"):
    a state's own media name their country's ministries so."""
    words = name.split()
    if any(w in lex.supranational_words for w in words):
        return False
    return len(words) <= 3 or _THE.sub("", name).startswith("Ministry of ")


def _cluster_country(
    cluster: Cluster, kb: KnowledgeBaseLike, bodies: Container[str] = frozenset()
) -> CountryLike | None:
    """The country of an affiliated organisation, as far as this article or the KB tells."""
    if cluster.country is not None:
        return cluster.country
    if cluster.actor is not None and cluster.actor.country:
        return kb.country_by_code(cluster.actor.country)
    name = max((c.text for c in cluster.cands), key=len)
    parent = _parent_body(name, kb, None)
    if parent is not None and parent.country:
        return kb.country_by_code(parent.country)
    return _country_in_name(name, kb, bodies)


def _as_kind(kind: str) -> EntityKind:
    allowed: tuple[EntityKind, ...] = (
        "person",
        "organization",
        "media",
        "country",
        "location",
        "group",
        "other",
    )
    for value in allowed:
        if value == kind:
            return value
    return "other"
