"""Roles, countries and affiliations from titles and appositions.

- A title before a name: "US Secretary of State Mike Pompeo" gives the person the role
  "Secretary of State" and the country of "US"; the model's "State" inside the title is not
  an organisation and is dropped.
- An apposition after a name: "Lee Su-hyeong, head of overseas strategies research for the
  Institute for National Security Strategy" gives the role "head of overseas strategies
  research" and the affiliation; "the Choson Sinbo, a newspaper published by ..." makes the
  outlet media, affiliated with its publisher.
- A role marked "former", "ex-", "then-", "retired" or "one-time" is kept as written but
  gives no current country or sector: a former official is not the government (the entity
  stage codes them as an elite of the office's country, as CAMEO codes former officials). A
  "then-" office is past too: an entity is coded as at the time of the story (docs/
  annotation.md), and one entity stands for all its mentions ("then-Secretary Clinton" is a
  candidate everywhere else in the story).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Container, Iterator, Mapping
from itertools import pairwise

from spacy.tokens import Token

from parley.entities.kbtypes import CountryLike
from parley.entities.lexicon import Lexicon
from parley.entities.mentions import Candidate
from parley.entities.phrases import NAME_WORD, DocPhrases, TitlePatterns
from parley.nlp.index import ParseIndex

__all__ = [
    "FORMER",
    "KIN_WORDS",
    "apply_apposed_groups",
    "apply_appositions",
    "apply_led_by",
    "apply_of_phrases",
    "apply_org_countries",
    "apply_org_locations",
    "apply_people_of",
    "apply_titles",
    "extend_org_names",
    "find_titled_names",
    "past_office_before",
]

FORMER = frozenset(
    ("former", "ex-", "then-", "then", "retired", "one-time", "onetime", "erstwhile")
)
# Words for a person's relatives: the name in their of-phrase after a person's comma ("Zhou
# Wei, daughter of Zhou Baozhong", "Ri, widow of the late president X") is someone else, whose
# country the relative shares, and who does not do what the person does.
KIN_WORDS = frozenset(
    (
        "daughter",
        "son",
        "wife",
        "widow",
        "widower",
        "husband",
        "mother",
        "father",
        "brother",
        "sister",
        "nephew",
        "niece",
        "grandson",
        "granddaughter",
        "grandchild",
        "grandfather",
        "grandmother",
        "relative",
        "descendant",
        "family",
        "kin",
        "cousin",
        "uncle",
        "aunt",
    )
)
# How far back from a name a title may start; titles are short, sentences can be long.
_TITLE_WINDOW = 120
_PREPOSITIONS = frozenset(("for", "at", "of", "with", "in", "from", "by", "to"))
_APPOSITION_STOPS = frozenset((",", ";", ":", "that", "who", "which", "whose", "said", "says"))
_DETERMINERS = frozenset(("a", "an", "the"))
# Penn tags of a finite verb: what starts a clause after a comma, never an apposition.
_FINITE_VERBS = frozenset(("VBD", "VBZ", "VBP", "MD"))
# KCNA's abbreviation of a party's or an organisation's Central Committee, as tokens.
_CENTRAL_COMMITTEE = frozenset(("c.c.", "c.c"))


# Between a country or organisation and the title it qualifies: space, or a possessive.
_ADJACENT = re.compile(r"\s*(?:['’]s\s*)?")


def _may_be_titled(cand: Candidate, lex: Lexicon) -> bool:
    """People, and two- or three-word capitalised names the model called an organisation
    that hold no organisation word ("Sadia Rahim", not "Foreign Office")."""
    if cand.kind == "person":
        return True
    if cand.kind != "organization" or cand.label != "ORG":
        return False
    words = cand.text.split()
    return (
        2 <= len(words) <= 3
        and all(re.fullmatch(NAME_WORD, w) for w in words)
        and not any(w in lex.org_words for w in words)
    )


def find_titled_names(
    parse: ParseIndex, cands: list[Candidate], phrases: DocPhrases, patterns: TitlePatterns
) -> list[Candidate]:
    """People the model missed after a title ("Minister of National Defense Wei Fenghe"),
    merged into the candidates in text order."""
    text = parse.text
    taken = sorted((c.start, c.end) for c in cands)
    starts = [start for start, _ in taken]
    found: list[Candidate] = []
    for title_start, (start, end) in _titled_names(text, phrases, patterns):
        # Skip names (or titles) that overlap a candidate: the model saw them already.
        position = bisect_right(starts, end) - 1
        if position >= 0 and taken[position][1] > title_start:
            continue
        sentence = parse.sentence_index(start)
        found.append(Candidate(start, end, text[start:end], "PERSON", "person", sentence))
    if not found:
        return cands
    return sorted([*cands, *found], key=lambda c: c.start)


def _titled_names(
    text: str, phrases: DocPhrases, patterns: TitlePatterns
) -> Iterator[tuple[int, tuple[int, int]]]:
    """(title start, name span) of each listed title followed by a name, left to right
    without overlaps: at each place the longest title that a name follows."""
    resume = 0
    for title_start in sorted(phrases.titles):
        if title_start < resume:
            continue
        for title_end in phrases.titles[title_start]:
            match = patterns.name_after_title.match(text, title_end)
            if match is not None:
                yield title_start, match.span("name")
                resume = match.end()
                break


def _drop_leading_title(text: str, cand: Candidate, lex: Lexicon) -> None:
    """A person's name the model took with the title before it ("King Maha Vajiralongkorn"):
    the name starts after the title, which the search below then finds as the name's title,
    so the knowledge base is asked for the name and the title gives the role."""
    if cand.kind != "person":
        return
    first, _, rest = cand.text.partition(" ")
    if not rest or not first[:1].isupper() or not rest[:1].isupper():
        return
    if lex.roles_folded.get(first.casefold()) is None:
        return  # no title, or one that gives no sector ("Secretary-General" alone)
    cand.start += len(first) + 1
    cand.text = text[cand.start : cand.end]


def apply_titles(
    parse: ParseIndex,
    cands: list[Candidate],
    lex: Lexicon,
    patterns: TitlePatterns,
    place_country: Callable[[str], CountryLike | None] | None = None,
    known_body: Callable[[str], bool] | None = None,
    demonym_country: Callable[[str], CountryLike | None] | None = None,
) -> list[Candidate]:
    """Attach titles to the people they precede; drop candidates a title swallowed.
    ``place_country``: the country a place belongs to ("Texas" -> the United States), so
    that a place before a title or after the name says whose office it is ("Texas Sen. X",
    "Sen. X of Vermont", "Sen. X (D-Va.)"): the country named most in the article does not.
    ``known_body``: whether the knowledge base knows a name as an organisation, so that one
    the model took for a person is the affiliation ("Log Cabin Republicans president X").
    ``demonym_country``: the country of a demonym the model did not tag, right before an
    envoy's title ("new Lao Ambassador to the DPRK X": Laos's envoy, not the DPRK's)."""
    text = parse.text
    pattern = patterns.title_before_name
    swallowed: set[int] = set()
    for index, cand in enumerate(cands):
        if cand.alias_of is not None or not _may_be_titled(cand, lex):
            continue
        _drop_leading_title(text, cand, lex)
        sent_start, _ = parse.sentence_bounds(cand.sentence)
        window_start = max(sent_start, cand.start - _TITLE_WINDOW)
        match = pattern.search(text, window_start, cand.start)
        if match is None:
            continue
        named = [o.end for o in cands[:index] if o.kind == "person" and o.start >= match.start()]
        if named:
            # "between Secretary of State X and Foreign Minister Y": a title runs from the
            # last person named before the name, not over that person.
            match = pattern.search(text, max(named), cand.start)
            if match is None:
                continue
        # A title before it makes a name a person: "spokeswoman Sadia Rahim" tagged ORG.
        cand.kind = "person"
        mods = match.group("mods").lower().split()
        former = any(m in FORMER for m in mods) or (
            _PAST_BRIDGE.search(text, max(sent_start, match.start() - 60), match.start())
            is not None
        )
        title = " ".join(match.group("title").split())
        role = " ".join([*(m for m in mods if m not in FORMER), title])
        (cand.former_roles if former else cand.roles).append(role)
        title_start = match.start()
        # Candidates inside the title ("State" of "Secretary of State") are not entities;
        # a country right before it is the title's country ("US", "Chinese", "Russia's"),
        # an organisation the person's affiliation ("State Department spokesman").
        for other_index in range(index - 1, -1, -1):
            other = cands[other_index]
            if other.start >= title_start:
                if " to " in text[title_start : other.start] and other.kind == "country":
                    # The country an envoy is sent to ("Ambassador to Italy X"): not the
                    # envoy's own, and still a mention of that country.
                    continue
                swallowed.add(other_index)
                if other.country is not None and other.kind in ("country", "group") and not former:
                    # A country the model found inside the title is its country: "Minister
                    # of Foreign Affairs of the DPRK X".
                    cand.title_country = cand.title_country or other.country
                continue
            adjacent = _ADJACENT.fullmatch(text, other.end, title_start) is not None
            if adjacent and not former and other.kind in ("country", "location", *_BODY_KINDS):
                # "former Maryland Gov. X", "ex-Pennsylvania senator Y": a past office;
                # "former Pentagon spokesman X" a past office of that body.
                before = max(0, other.start - 12)
                former = _FORMER_BEFORE.search(text, before, other.start) is not None
                if former:
                    cand.roles.remove(role)
                    cand.former_roles.append(role)
            if adjacent:
                country = None
                if other.kind == "country" and other.country is not None:
                    country = other.country
                elif other.kind == "location" and place_country is not None:
                    country = place_country(other.text)
                if former and other.kind in _BODY_KINDS:
                    # "former Federal Reserve chairman X": the body's past officer, an elite
                    # of its country if it is the state's (parley/entities/cluster.py).
                    cand.affiliation = other
                elif former:
                    cand.former_country = country
                    cand.former_placed = True
                elif country is not None:
                    cand.title_country = country
                elif other.kind in ("organization", "media"):
                    cand.affiliation = other
                elif other.kind == "person" and known_body is not None and known_body(other.text):
                    other.kind = "organization"
                    cand.affiliation = other
            break
        if former and cand.former_country is None and title in US_TITLE_ABBREVIATIONS:
            cand.former_country = place_country("United States") if place_country else None
        if (
            cand.title_country is None
            and not former
            and demonym_country is not None
            and " to " in title
            and (word := _WORD_BEFORE.search(text, max(0, title_start - 40), title_start))
        ):
            cand.title_country = demonym_country(word.group(1))
        if cand.title_country is None and not former and place_country is not None:
            # A country the title names after "of" ("Deputy Foreign Minister of Bolivia X"),
            # else the place after the name.
            _, of, tail = title.partition(" of ")
            inside = place_country(tail) if of else None
            cand.title_country = inside or _home_after(text, cands, index, place_country)
            if cand.title_country is None and title in US_TITLE_ABBREVIATIONS:
                # "Sen. X", "Rep. Y", "Gov. Z": news copy abbreviates these titles before
                # the names of American office holders (another country's says whose:
                # "Philippine Sen. X", above), whichever country the article names most.
                cand.title_country = place_country("United States")
    return [c for i, c in enumerate(cands) if i not in swallowed]


# The capitalised word right before a title.
_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ ]+$")
# Titles abbreviated, as US news copy writes them before the names of American members of
# Congress and governors (AP style; "Senator", "Governor" in full say nothing of whose).
US_TITLE_ABBREVIATIONS = frozenset({"Sen.", "Sens.", "Rep.", "Reps.", "Gov.", "Lt. Gov."})
_BODY_KINDS = ("organization", "media")
# A past marker before the body or place a title is of, in capitalised words the model may
# not have found as a name ("Retired Army Gen. X", "former Obama Education Secretary Y"):
# the office is past, as "former Maryland Gov. X" is.
_PAST_BRIDGE = re.compile(
    r"\b(?i:former|ex-|retired|one-?time|erstwhile)[ ]*(?:[A-Z][\w.&'’-]*[ ]+){1,3}$"
)
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b)")
_POSSESSIVE_AFTER = re.compile(r"['’](?:s\b|(?=\s))")
_FORMER_BEFORE = re.compile(
    r"\b(?:former|ex-|then-|the[ ]+then|retired|one-?time|erstwhile)[ ]*$", re.IGNORECASE
)
# A word before a nameless officer that says the office is over ("the former Maryland
# governor", "a former senior Ukrainian official", "a former U.S. senator"), with at most
# one lower-case word between ("senior", "top"); "then" only as "then-" or "the then" (not
# "and then the senator said").
_PAST_BEFORE = re.compile(
    r"(?:\b(?:former|retired|one-?time|erstwhile|the[ ]+then)[ ]+|\bex-|\bthen-)(?:[a-z]+[ ]+)?$",
    re.IGNORECASE,
)


def past_office_before(text: str, start: int) -> bool:
    """Whether the words right before ``start`` mark the office named there as past."""
    return _PAST_BEFORE.search(text, max(0, start - 40), start) is not None


# After a titled name, the place the office holder represents: "Sen. Patrick Leahy of
# Vermont"; US news copy's party-and-state tag "(D-Va.)", "(R-Texas)", "(I-Vt.)".
_OF_PLACE = re.compile(r"[ ]+of[ ]+")
_PARTY_STATE = re.compile(r"[ ]*\((?:D|R|I)[-–‐][ ]?[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*)?\)")


def _home_after(
    text: str,
    cands: list[Candidate],
    index: int,
    place_country: Callable[[str], CountryLike | None],
) -> CountryLike | None:
    cand = cands[index]
    if _PARTY_STATE.match(text, cand.end):
        return place_country("United States")
    nxt = cands[index + 1] if index + 1 < len(cands) else None
    if (
        nxt is not None
        and nxt.kind == "location"
        and _OF_PLACE.fullmatch(text, cand.end, nxt.start) is not None
    ):
        return place_country(nxt.text)
    return None


# "its" right before an organisation's name ("its Joint Chiefs of Staff").
_ITS = re.compile(r"\b[Ii]ts\s+$")
# How far back the country "its" stands for may be named: the sentence before, at most.
_ITS_REACH = 300


def apply_org_countries(text: str, cands: list[Candidate]) -> None:
    """A country right before an organisation is its country: "the Ivory Coast's Supreme
    Court", "Turkish Interior Ministry" (when the model splits them). So is the country an
    "its" before it stands for, when the last name before the "its" is that country's
    ("... the clan of the ROK. The head of its Joint Chiefs of Staff": the ROK's, not the
    United States' body a dictionary lists under the bare name); a body or a person named
    last may be what "its" means ("NATO and its ...") and places nothing."""
    for previous, cand in pairwise(cands):
        if (
            cand.kind == "organization"
            and cand.alias_of is None
            and cand.title_country is None
            and previous.kind == "country"
            and previous.country is not None
            and cand.start - previous.end <= _ITS_REACH
            and _ITS.search(text, max(0, cand.start - 8), cand.start) is not None
        ):
            cand.title_country = previous.country
            continue
        if (
            cand.kind == "organization"
            and cand.alias_of is None
            and previous.kind == "country"
            and previous.country is not None
            and previous.end <= cand.start
            and _ADJACENT.fullmatch(text, previous.end, cand.start) is not None
        ):
            cand.title_country = previous.country


# What an organisation's name goes on with after "for" or "of" when the model cut it there:
# capitalised words and the small words between them ("for the Study of the Juche Idea",
# "for Solidarity with Peoples"), on one line (a headline's next line is no part of it).
_GAP = r"[^\S\n]+"
_TAIL_WORDS = (
    rf"(?:the{_GAP})?[A-Z][\w'’-]*(?:{_GAP}(?:(?:of|for|with|and|the|on){_GAP})*[A-Z][\w'’-]*)*"
)
_NAME_TAIL = re.compile(rf"{_GAP}(?:for|of){_GAP}" + _TAIL_WORDS)
_PURPOSE_TAIL = re.compile(rf"{_GAP}with{_GAP}" + _TAIL_WORDS)
# The small words a cut name may end in when the model took them in ("the World Congress
# on" + "the Juche Idea", "the Eighth Congress of the" + "WPK", "... Juche Idea in" +
# "Abuja"), and the tail that then goes on from the first of them ("on" names a congress's
# subject; "in" a place, no part of the name).
_DANGLING = re.compile(rf"(?:{_GAP}(?:of|for|on|the|in))+$")
_DANGLING_TAIL = re.compile(rf"{_GAP}(?:for|of|on){_GAP}" + _TAIL_WORDS)


def extend_org_names(
    text: str, cands: list[Candidate], known: Callable[[str], bool], org_words: Container[str]
) -> list[Candidate]:
    """An organisation's name the model cut at "for" or "of" made whole again: "the Nigerian
    National Committee for the Study of the Juche Idea" (the model's "Nigerian National
    Committee" and "Juche Idea"), "the Peruvian Committee for Solidarity with Peoples" (a
    name with a purpose goes on with "with" too). The pieces after the cut are swallowed
    unless one is a country, a person, a place, or a body of its own (one ``known`` to the
    knowledge base, or whose name has an organisation word): then the body is what the
    first belongs to ("apply_of_phrases")."""
    swallowed: set[int] = set()
    for index, cand in enumerate(cands):
        if cand.kind != "organization" or cand.alias_of is not None or index in swallowed:
            continue
        dangling = _DANGLING.search(cand.text)
        if dangling is not None:
            # Cut back to the last capitalised word; the tail is matched from there.
            cand.end = cand.start + dangling.start()
            cand.text = text[cand.start : cand.end]
            tail = _DANGLING_TAIL.match(text, cand.end)
        else:
            tail = _NAME_TAIL.match(text, cand.end)
        if tail is None and " for " in cand.text:
            # A purpose goes on with "with": "Committee for Solidarity" + "with Peoples".
            tail = _PURPOSE_TAIL.match(text, cand.end)
        if tail is None:
            continue
        inside = []
        for other_index in range(index + 1, len(cands)):
            other = cands[other_index]
            if other.start >= tail.end():
                break
            inside.append(other_index)
        if any(
            _own_body(cands[i], known, org_words)
            and not _possessor_in_name(text, cands[i], tail.end())
            for i in inside
        ):
            continue
        if inside and cands[inside[-1]].end > tail.end():
            continue  # the tail ends inside a name: not one name
        cand.end = tail.end()
        cand.text = text[cand.start : cand.end]
        swallowed.update(inside)
    return [c for i, c in enumerate(cands) if i not in swallowed]


def join_known_bodies(
    text: str, cands: list[Candidate], known_body: Callable[[str], bool]
) -> list[Candidate]:
    """An organisation's name the model cut before "of the": "the South Headquarters of the
    Pan-national Alliance for Korea's Reunification" came out as the alliance alone (the
    model read no name in "South Headquarters") or as two bodies; or cut anywhere into two
    ("People for Achieving Peace and" + "Reunification"). Made whole when the knowledge base
    knows the whole name as a body's (``known_body``; "UN" + "Secretary-General" is an
    office, which the titles read), and no other mention lies in the words before: the
    alliance as a whole is no one's, its South Headquarters is south Korea's."""
    out: list[Candidate] = []
    for cand in cands:
        if out and cand.start < out[-1].end:
            continue  # swallowed by the name before, made whole
        if cand.kind != "organization" or cand.alias_of is not None:
            out.append(cand)
            continue
        last = out[-1] if out else None
        name = text[cand.start : cand.end]
        if (
            last is not None
            and last.kind == "organization"
            and (link := _OF_THE.fullmatch(text, last.end, cand.start)) is not None
            and known_body(f"{_THE_START.sub('', last.text)}{link.group(0)}{name}")
        ):
            # "the North Headquarters" + "Pan-national Alliance ...": one body.
            last.end = cand.end
            last.text = text[last.start : last.end]
            continue
        floor = last.end if last is not None else 0
        before = _BODY_BEFORE_OF.search(text, max(floor, cand.start - 80), cand.start)
        if before is not None:
            words = before.group(1).split()
            if words[0] == "The":
                words = words[1:]  # the article is no part of the name
            for size in range(len(words), 0, -1):
                head = " ".join(words[-size:])
                if known_body(f"{head} {before.group(2)}{name}"):
                    cand.start = before.start() + before.group(0).rindex(head)
                    cand.text = text[cand.start : cand.end]
                    break
        after = _BODY_AFTER.match(text, cand.end)
        if after is not None and (after.group(1).strip() or cand.text.endswith((" and", " of"))):
            # Only across a cut "of" or "and": "UN" + "Secretary-General" is an office.
            words = after.group(2).split()
            for size in range(len(words), 0, -1):
                tail = " ".join(words[:size])
                if known_body(f"{text[cand.start : cand.end]}{after.group(1)}{tail}"):
                    cand.end = after.start(2) + len(tail)
                    cand.text = text[cand.start : cand.end]
                    break
        out.append(cand)
    return out


# Between two pieces of one name: "of the", "and", a space ("People for Achieving Peace and"
# + "Reunification").
_OF_THE = re.compile(r"\s*(?:\b(?:of|and)\s+(?:the\s+)?)?")
# "of (the)" or "and" and capitalised words right after a name: " Reunification".
_BODY_AFTER = re.compile(r"(\s+(?:(?:of|and)\s+(?:the\s+)?)?)([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)")
_THE_START = re.compile(r"^[Tt]he\s+")


# Capitalised words and "of (the)" right before a name: "South Headquarters of the ".
_BODY_BEFORE_OF = re.compile(r"((?:[A-Z][\w'-]*\s+)+)(of\s+(?:the\s+)?)$")


_POSSESSIVES = ("'s", "’s")


def _possessor_in_name(text: str, cand: Candidate, end: int) -> bool:
    """Whether a name inside the tail is a possessor within it, with more of the tail after
    it: the country in "for Korea's Reunification" is a word of the body's name, not a body
    the first belongs to ("of Korea" would be)."""
    return text.startswith(_POSSESSIVES, cand.end) and cand.end + 2 < end


def _own_body(cand: Candidate, known: Callable[[str], bool], org_words: Container[str]) -> bool:
    """Whether a name after "of"/"for" is an actor of its own rather than the rest of a name."""
    if cand.kind not in ("organization", "group", "other"):
        return True
    if cand.kind == "group" and cand.country is not None:
        return True
    return known(cand.text) or any(word in org_words for word in cand.text.split())


# Between an organisation and the country it sits in: "the Council for ... in South Korea".
_IN = re.compile(r",?\s+(?:based\s+|active\s+)?in\s+(?:the\s+)?")
# Between an organisation and the country set after it with a comma, as KCNA places foreign
# firms and papers: "Franz Meier, manager of the FHB Handels Co. Ltd., Austria, said".
_COMMA = re.compile(r",\s+(?:the\s+)?")
# Between a place and the country it lies in: "in Dandong of China", "in Lyon, France".
_PLACE_IN = re.compile(r"\s*(?:,|of)\s+(?:the\s+)?")
# After a place, the state or province that says which place of the name it is: "in
# Alexandria, Va." is not Egypt's Alexandria.
_QUALIFIED = re.compile(r",\s*[A-Z]")
# After a country that goes on a list of them: "the EU, Japan and South Korea".
_LIST_ON = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?(?:the\s+)?")
# What ends a country set after a name with a comma: a word after it ("Uruguayan newspaper
# La Juventud") makes it the next item's.
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)]|$)")
_PLACED_KINDS = frozenset(("organization", "media"))


def apply_org_locations(
    text: str,
    cands: list[Candidate],
    place_country: Callable[[str], CountryLike | None] | None = None,
    body: Callable[[str], bool] | None = None,
) -> None:
    """A country named with "in" right after an organisation is where it sits: "the Council
    for the Solution of the Issue of the Volunteers Corps in south Korea"; so is a place
    ``place_country`` puts in a country ("the Chengda Co. Ltd. in Dandong of China", "a
    company in Lyon"), and a country set after the name with a comma ("the FHB Handels Co.
    Ltd., Austria, said"), unless it starts a list of countries ("the EU, Japan and South
    Korea"). Only an outlet or a name ``body`` says is a body's is placed by a town or a
    comma: "Traffic in Pyongyang", "the Wells Fargo Center in Philadelphia" are no bodies.
    Where a body sits is its country only when its own name names none (``cluster._derive``
    decides)."""
    for index, cand in enumerate(cands[:-1]):
        if cand.kind not in _PLACED_KINDS or cand.alias_of is not None:
            continue
        nxt = cands[index + 1]
        after = cands[index + 2] if index + 2 < len(cands) else None
        if cand.located is not None:
            continue  # "The Bangladeshi paper Blits": its demonym placed it already
        if nxt.kind == "country" and _IN.fullmatch(text, cand.end, nxt.start) is not None:
            cand.located = nxt.country
        elif cand.kind == "media" or (body is not None and body(cand.text)):
            cand.located = _set_after(text, cand, nxt, after, place_country)


def _set_after(
    text: str,
    cand: Candidate,
    nxt: Candidate,
    after: Candidate | None,
    place_country: Callable[[str], CountryLike | None] | None,
) -> CountryLike | None:
    """The country a body's name is set in by a comma ("Co. Ltd., Austria,") or by "in" and
    a town ("in Dandong of China", "in Wuhan City"), if any (``apply_org_locations``)."""
    listed = (
        after is not None
        and after.kind == "country"
        and _LIST_ON.fullmatch(text, nxt.end, after.start) is not None
    )
    if nxt.kind == "country":
        if (
            _COMMA.fullmatch(text, cand.end, nxt.start) is not None
            and _CLAUSE_END.match(text, nxt.end) is not None
            and not listed
        ):
            return nxt.country
        return None
    if (
        nxt.kind != "location"
        or place_country is None
        or _IN.fullmatch(text, cand.end, nxt.start) is None
    ):
        return None
    if (
        after is not None
        and after.kind == "country"
        and _PLACE_IN.fullmatch(text, nxt.end, after.start) is not None
    ):
        return after.country
    if _QUALIFIED.match(text, nxt.end) is not None:
        return None
    return place_country(nxt.text)


# Between a body and what it belongs to: "Ministry of Foreign Affairs of the DPRK", "the
# Board of Governors of the International Atomic Energy Agency".
_OF = re.compile(r"\s*(?:of|for)\s+(?:the\s+)?")
# KCNA's "the International Department of the C.C., WPK": the body's name runs to the
# Central Committee's abbreviation, which the model often cuts ("... of the C"), and the
# party named after the comma is the one whose committee it is.
_CC_COMMA = re.compile(r"(?P<name>[^,]*?\bof\s+the\s+C\.\s?C\.?)\s*,\s*(?:the\s+)?")
_TRAILING_OF = re.compile(r"\s+(?:of|for)(?:\s+the)?$")


def apply_of_phrases(
    text: str,
    cands: list[Candidate],
    country_named: Callable[[str], CountryLike | None] | None = None,
) -> list[Candidate]:
    """A body followed by "of" and what it belongs to: a country makes one organisation of
    that country, named in full ("the Ministry of Foreign Affairs of the Democratic People's
    Republic of Korea", which the model may cut to "Ministry of Foreign Affairs of"), and so
    does a place ``country_named`` calls a country ("the Ministry of Mines of the Congo",
    read as a place when the country table lacks the name); an organisation becomes its
    affiliation ("the Board of Governors of the IAEA")."""
    out: list[Candidate] = []
    skip: set[int] = set()
    for index, cand in enumerate(cands):
        if index in skip:
            continue
        nxt = cands[index + 1] if index + 1 < len(cands) else None
        if cand.kind != "organization" or cand.alias_of is not None or nxt is None:
            out.append(cand)
            continue
        cut = _TRAILING_OF.search(cand.text)
        gap_start = cand.start + cut.start() if cut else cand.end
        joined = _OF.fullmatch(text, gap_start, nxt.start) is not None
        owner = nxt.country if nxt.kind == "country" else None
        if joined and owner is None and nxt.kind == "location" and country_named is not None:
            owner = country_named(nxt.text)
        if joined and owner is not None:
            cand.end = nxt.end
            cand.text = text[cand.start : cand.end]
            cand.title_country = owner
            skip.add(index + 1)
        elif joined and nxt.kind in ("organization", "media") and cand.affiliation is None:
            cand.affiliation = nxt
        elif (
            nxt.kind in ("organization", "media")
            and cand.affiliation is None
            and (committee := _CC_COMMA.fullmatch(text, cand.start, nxt.start)) is not None
            and committee.end("name") - cand.end <= len(" of the C.C.")
        ):
            cand.end = committee.end("name")
            cand.text = text[cand.start : cand.end]
            cand.affiliation = nxt
        elif cut:
            cand.end = gap_start  # "Ministry of Foreign Affairs of" with nothing after
            cand.text = text[cand.start : cand.end]
        out.append(cand)
    return out


# "the U.S. delegation led by Special Representative Stephen Bosworth": the person leads,
# and belongs to, the group before.
_LED_BY = re.compile(
    r"\s+(?:led|headed|chaired)\s+by\s+(?:(?:[A-Z][\w.'’-]*|for|of|on|the|and)\s+){0,8}"
)


def apply_led_by(text: str, cands: list[Candidate]) -> None:
    """A person who leads a group of a country is of that country: "the U.S. delegation led
    by Special Representative Stephen Bosworth" (not of the country the talks were in). The
    title between may name other places ("... for Korea Policy")."""
    for index, cand in enumerate(cands):
        if cand.kind != "person" or cand.title_country is not None:
            continue
        for previous in reversed(cands[max(0, index - 4) : index]):
            if previous.sentence != cand.sentence:
                break
            if (
                previous.kind in ("group", "country")
                and previous.country is not None
                and _LED_BY.fullmatch(text, previous.end, cand.start) is not None
            ):
                cand.title_country = previous.country
                break


# Between a titled person and the country they are of: "President Daniel Ortega of the
# Republic of Nicaragua"; and between two people of one list: "President A and
# Vice-President B of ..." (the second one's title between).
_PERSON_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_LISTED = re.compile(r"\s*,?\s*(?:and\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}")


def apply_people_of(text: str, cands: list[Candidate]) -> None:
    """A person followed by "of" and a country is of that country, and so is each person
    listed with them: "President Daniel Ortega Saavedra and Vice-President Rosario Murillo
    of the Republic of Nicaragua" are both Nicaragua's, whichever country the article names
    most."""
    for index, cand in enumerate(cands):
        if cand.kind != "country" or cand.country is None or index == 0:
            continue
        person = cands[index - 1]
        if person.kind != "person" or _PERSON_OF.fullmatch(text, person.end, cand.start) is None:
            continue
        listed = index - 1
        while listed >= 0:
            current = cands[listed]
            if current.kind != "person" or current.title_country is not None:
                break
            current.title_country = cand.country
            before = cands[listed - 1] if listed > 0 else None
            if before is None or before.sentence != current.sentence:
                break
            gap = text[before.end : current.start]
            joins = "," in gap or " and " in f" {gap} "
            if not joins or _LISTED.fullmatch(text, before.end, current.start) is None:
                break
            listed -= 1


# Between a nameless actor and the person in apposition to it: "The US commander in Iraq,
# General David Petraeus": place words, one comma, the person's title.
_APPOSED = re.compile(r"(?:\s+(?:in|of|for|to|at|the|[A-Z][\w.'-]*))*\s*,(?:\s*[A-Z][\w.'-]*)*\s+")


def apply_apposed_groups(text: str, cands: list[Candidate]) -> None:
    """A person set in apposition after a nameless actor is that actor: "The US commander in
    Iraq, General David Petraeus" is the US commander (a US officer, not an Iraqi one)."""
    for index, cand in enumerate(cands):
        if cand.kind != "person" or cand.title_country is not None:
            continue
        for other in reversed(cands[max(0, index - 3) : index]):
            if other.sentence != cand.sentence:
                break
            if other.kind != "group":
                continue
            if other.country is not None and _APPOSED.fullmatch(text, other.end, cand.start):
                cand.title_country = other.country
            break


# Between a person and the office a sentence gives them: "X upon his election as", "X on her
# re-appointment as", "X on being elected", "X, who was appointed". What follows is the role,
# read as an apposition's ("X, prime minister of Thailand"). "his" and "her" say X is a
# person, whatever the model tagged the name.
_TAKES_OFFICE = re.compile(
    r"\s*(?:(?:up)?on\s+(?P<own>his|her|their)\s+(?:re-?)?(?:election|appointment|nomination)\s+as"
    r"|(?:up)?on\s+(?:being|having\s+been)\s+(?:re-?)?(?:elected|appointed)(?:\s+as)?"
    r"|\s*,\s*who\s+(?:was|has\s+been|had\s+been)\s+(?:re-?)?(?:elected|appointed)"
    r"(?:\s+as)?)\s+"
)

# Right before the name: it is the one a thing came from, not the one it went to.
_GIVER = re.compile(r"\b(?:from|by)\s+(?:the\s+)?\Z", re.IGNORECASE)
# How far before the name "from the" can stand: the search reads that much, not the text.
_GIVER_REACH = 40


def apply_appositions(
    parse: ParseIndex,
    cands: list[Candidate],
    lex: Lexicon,
    place_country: Callable[[str], CountryLike | None] | None = None,
) -> None:
    """Read "NAME, [a|the] [former] ROLE [prep ORG]" after people and organisations, and the
    office a sentence gives a person ("NAME upon his election as ROLE of COUNTRY");
    ``place_country`` finds the country a body's name ends with ("... of Cuba")."""
    doc = parse.doc
    by_start = {cand.start: cand for cand in cands}
    for cand in cands:
        if cand.kind not in ("person", "organization", "media") or cand.alias_of is not None:
            continue
        if _read_office(parse, cand, by_start, lex):
            continue
        first = _token_after(parse, cand.end)
        if first is None or doc[first].text != ",":
            continue
        if cand.kind == "person" and _is_age(parse, first + 1):
            # "Han Chol, 45, a worker at the mill": the age between commas is no title; the
            # apposition starts after it.
            first += 2
        words = _apposition_tokens(parse, first + 1, by_start)
        if not words or _says_after(parse, words[-1] + 1):
            continue
        _read_apposition(parse, cand, words, by_start, lex, place_country)
        if cand.kind == "person" and cand.roles and _plural_title(parse, words, lex):
            _share_title(parse.text, cands, cand)


def _is_age(parse: ParseIndex, index: int) -> bool:
    """Whether the tokens at ``index`` are an age and its closing comma ("45,")."""
    lowers = parse.lowers
    return (
        index + 1 < len(lowers)
        and lowers[index + 1] == ","
        and lowers[index].isdigit()
        and 0 < int(lowers[index]) < 120
    )


# Reporting verbs (as written) that make the words before them the speaker, not an apposition:
# "... thanks to General Secretary Kim Jong Il, the reporter said" ends a report with a name;
# the reporter is no title of it.
_SAYS = frozenset(
    (
        "said",
        "says",
        "noted",
        "notes",
        "added",
        "adds",
        "stressed",
        "stresses",
        "underscored",
        "emphasized",
        "emphasised",
        "declared",
        "stated",
        "wrote",
        "writes",
        "recalled",
        "observed",
        "remarked",
    )
)


def _says_after(parse: ParseIndex, index: int) -> bool:
    """Whether the token at ``index`` is a reporting verb: the words between the name's
    comma and it are the sentence's speaker ("NAME, the reporter said")."""
    return index < len(parse.lowers) and parse.lowers[index] in _SAYS


def _read_office(
    parse: ParseIndex, cand: Candidate, by_start: dict[int, Candidate], lex: Lexicon
) -> bool:
    """Read the office a sentence gives a person after their name ("upon his election as
    ROLE of COUNTRY") as their apposition; whether there was one. A name the model tagged as
    an organisation is a person when "his" or "her" says so and no word of the name names a
    body. A giver ("a basket from X upon his election") is not the one congratulated: the
    pronoun is the receiver's."""
    office = _TAKES_OFFICE.match(parse.text, cand.end)
    if office is None or _GIVER.search(parse.text, max(0, cand.start - _GIVER_REACH), cand.start):
        return False
    if cand.kind != "person" and (
        office.group("own") not in ("his", "her")
        or any(word in lex.org_words for word in cand.text.split())
    ):
        return False
    start = _token_after(parse, office.end())
    words = _apposition_tokens(parse, start, by_start) if start is not None else []
    if not words:
        return False
    cand.kind = "person"
    _read_apposition(parse, cand, words, by_start, lex)
    return True


def _token_after(parse: ParseIndex, end: int) -> int | None:
    """The token that starts right after ``end`` (skipping spaces); None when the candidate
    ended inside a token (a trimmed possessive): no apposition there."""
    text = parse.text
    offset = end
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return parse.token_at(offset)


def _names_body(parse: ParseIndex, index: int, bodies: Mapping[int, Candidate]) -> bool:
    """Whether the token at ``index`` (after a determiner) starts an organisation's name."""
    lowers = parse.lowers
    if index < len(lowers) and lowers[index] in _DETERMINERS:
        index += 1
    if index >= len(lowers):
        return False
    found = bodies.get(parse.doc[index].idx)
    return found is not None and found.kind in ("organization", "media")


def _apposition_tokens(
    parse: ParseIndex, start: int, bodies: Mapping[int, Candidate] | None = None
) -> list[int]:
    """The tokens of an apposition from ``start``; ``bodies``: the candidates by start
    offset, for a body named after KCNA's "C.C.,"."""
    bodies = bodies or {}
    lowers = parse.lowers
    out: list[int] = []
    sent_end = parse.sentence_end_token(start) if start < len(lowers) else start
    for i in range(start, min(sent_end, start + 40)):
        word = lowers[i]
        # A sentence's end (".", "?!"...: every piece of ".!?" is punctuation) or a line's.
        if (
            word == ","
            and out
            and lowers[out[-1]] in _CENTRAL_COMMITTEE
            and _names_body(parse, i + 1, bodies)
        ):
            # "first vice department director of the C.C., the WPK": KCNA's comma after its
            # abbreviation of a Central Committee stands for "of" when a body's name follows;
            # that body is the one whose committee it is.
            out.append(i)
            continue
        if word in _APPOSITION_STOPS or word in ".!?" or "\n" in word:
            break
        out.append(i)
    return out


def _read_apposition(
    parse: ParseIndex,
    cand: Candidate,
    words: list[int],
    by_start: dict[int, Candidate],
    lex: Lexicon,
    place_country: Callable[[str], CountryLike | None] | None = None,
) -> None:
    doc, text = parse.doc, parse.text
    tokens = [doc[i] for i in words]
    while tokens and tokens[0].lower_ in _DETERMINERS:
        tokens = tokens[1:]
    if not tokens or tokens[0].tag_ in _FINITE_VERBS:
        # "his patron, President X, proceeded to dismember Ukraine": the sentence goes on
        # after the name; no apposition, and the country there is not X's.
        return
    listed = by_start.get(doc[words[0]].idx)
    if listed is not None and listed.kind == "person" and _LIST_GOES_ON.match(text, listed.end):
        # Another name right after the comma, and a comma or "and" after it, is the next of
        # a list ("Trump, Sanders and those in Great Britain who ran the Leave campaign"), no
        # apposition ("X, a Clinton campaign aide", "X, Obama's nominee" are).
        return
    # "Y, president of the Mexican Committee for ..., and X, its secretary general": "its"
    # is the body named last before the name, in the same sentence.
    owner = _body_before(cand, by_start) if tokens[0].lower_ == "its" else None
    if owner is not None:
        tokens = tokens[1:]
        if not tokens:
            return
    former = tokens[0].lower_ in FORMER
    if former:
        tokens = tokens[1:]
    if cand.kind == "person":
        _read_relative(cand, tokens, by_start)
    for position in range(1, len(tokens)):
        found = by_start.get(tokens[position].idx)
        before = tokens[position - 1]
        if (
            found is not None
            and found.kind == "person"
            and (before.lower_ in lex.roles_folded or before.text.capitalize() in lex.title_heads)
            and not _POSSESSIVE_AFTER.match(text, found.end)
        ):
            # "President X, Foreign Minister Y paid a visit to the DPRK embassy": a title
            # right before another name is that person's; no apposition of X's ("X,
            # President Y's nominee" still is).
            return
    # The first organisation named in the apposition is the affiliation; a country (or a
    # nameless actor of one) named there is the person's own: "Sergei Lavrov, foreign
    # minister of the Russian Federation", "Stephen Bosworth, U.S. special representative".
    org: Candidate | None = None
    org_token = len(tokens)
    # The country an apposition names, and the nameless actor that is the person ("a
    # Chinese martyr", "councilor of the Chinese embassy"); not a paper named after the
    # name ("Kim Jong Il, the Russian paper X said"), nor a country's own thing that is no
    # office ("For Hillary Clinton, Britain's uprising against the EU ...").
    apposed: tuple[Candidate, bool] | None = None
    for position, token in enumerate(tokens):
        found = by_start.get(token.idx)
        if found is not None and found.kind in ("organization", "media"):
            org, org_token = found, position
            break
        if found is not None and found.kind in ("country", "group") and found.country:
            prior = position - 1
            while prior > 0 and tokens[prior].lower_ in _DETERMINERS:
                prior -= 1  # "of the Russian Federation" where the name leaves out "the"
            if former and position > 0 and tokens[prior].lower_ != "of":
                # "X, a former ambassador to Slovakia", "a former adviser on Syria": the
                # country served in or dealt with, not X's ("former president of ..." is).
                break
            same = found.kind == "group" and found.sector is not None and position == 0
            if cand.kind == "person" and cand.title_country is None and not former:
                apposed = (found, same)
            elif cand.kind == "person" and former and cand.former_country is None:
                # "X, former president of south Korea", "X, the former Bahamian prime
                # minister": the country whose office it was, of which X is an elite now;
                # the nameless past officer is X.
                cand.former_country = found.country
                if same:
                    found.alias_of = cand
            break
    role_tokens = tokens[:org_token]
    if not role_tokens and org is not None:
        # "X, the White House press secretary", "Y, a State Department spokesman": the body
        # comes first and the title after it is the person's, held in that body.
        role_tokens = _title_after_body(tokens, org, by_start)
    past_joint = next(
        (
            k
            for k in range(len(role_tokens) - 1)
            if role_tokens[k].lower_ == "and" and role_tokens[k + 1].lower_ in FORMER
        ),
        None,
    )
    if past_joint is not None and not former:
        # "an economist at X and former director of the Y", "a Republican and former
        # Virginia governor": the words after "and former" are a past office, and the body
        # named there is the one the person served in, not the current title's.
        past = role_tokens[past_joint + 2 :]
        role_tokens, org = role_tokens[:past_joint], None
        if past and cand.kind == "person":
            cand.former_roles.append(text[past[0].idx : past[-1].idx + len(past[-1].text)])
    while role_tokens and role_tokens[-1].lower_ in _PREPOSITIONS | _DETERMINERS | {","}:
        role_tokens = role_tokens[:-1]
    if not role_tokens:
        return
    role = text[role_tokens[0].idx : role_tokens[-1].idx + len(role_tokens[-1].text)]
    head_part = re.split(r"\s+(?:of|for|at|to|with|in|by)\s+", role, maxsplit=1)[0]
    head_words = head_part.split()
    head = head_words[-1].lower() if head_words else ""
    if "-" in head:
        # "vice-minister", "vice-chairman": the title is its last part.
        head = head.rsplit("-", 1)[1]
    singular = _singular_title(head, lex)
    if singular is not None:
        # "X and Y, deputy chiefs of the General Staff": a plural title after a list of
        # names is each one's, kept in the singular that the word lists know.
        last = head_words[-1]
        cut = len(head_part) - len(last)
        role = f"{head_part[:cut]}{last[: len(last) - len(head)]}{singular}{role[len(head_part) :]}"
        head = singular
    if apposed is not None:
        found, same = apposed
        role_word = head.casefold() in lex.roles_folded
        paper = any(w.lower() in lex.media_nouns for w in head_words[:3])
        if not paper and (role_word or not _POSSESSIVE_AFTER.match(text, found.end)):
            cand.title_country = found.country
            if same:
                # The nameless actor is this person: one referent, one entity.
                found.alias_of = cand
    if (
        cand.kind == "organization"
        and _may_be_titled(cand, lex)
        and lex.roles_folded.get(head.casefold()) is not None
        and not any(w.lower() in lex.media_nouns for w in head_words[:3])
    ):
        # "Pak Thae Song, secretary of the WPK Central Committee": a personal name the model
        # called an organisation, with a title that gives a sector after it, is a person.
        cand.kind = "person"
    if cand.kind in ("organization", "media"):
        # "a newspaper published by ...": the outlet is media; the role word says so.
        if any(w.lower() in lex.media_nouns for w in head_words[:3]) or head in lex.media_nouns:
            cand.kind = "media"
            if org is not None:
                cand.affiliation = org
        return
    if org is None:
        org = owner
    member = org is not None and head.casefold() in lex.member_nouns
    if (
        head.casefold() not in lex.roles_folded
        and head.capitalize() not in lex.title_heads
        and not member
    ):
        return
    (cand.former_roles if former else cand.roles).append(role)
    if org is not None:
        cand.affiliation = org
    if cand.kind == "person":
        _read_second_title(parse, cand, tokens[org_token:], by_start, lex, place_country)


def _body_before(cand: Candidate, by_start: dict[int, Candidate]) -> Candidate | None:
    """The organisation named last before ``cand`` in its sentence, if any."""
    before = [
        c
        for c in by_start.values()
        if c.kind in ("organization", "media")
        and c.end <= cand.start
        and c.sentence == cand.sentence
    ]
    return max(before, key=lambda c: c.end) if before else None


# Between the names of a list: "X, Y and Z", "X, Y, and Z".
_LIST_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def _singular_title(head: str, lex: Lexicon) -> str | None:
    """The singular of a plural title word the word lists know only in the singular
    ("secretaries", "chiefs", "ministers", "members"); None for any other word."""
    if not head.endswith("s") or head.endswith("ss") or _is_title_word(head, lex):
        return None
    stem = f"{head[:-3]}y" if head.endswith("ies") else head[:-1]
    return stem if _is_title_word(stem, lex) else None


def _is_title_word(word: str, lex: Lexicon) -> bool:
    return (
        word.casefold() in lex.roles_folded
        or word.capitalize() in lex.title_heads
        or word.casefold() in lex.member_nouns
    )


def _plural_title(parse: ParseIndex, words: list[int], lex: Lexicon) -> bool:
    """Whether an apposition's title is plural ("senior officials of the WPK Central
    Committee", "members of the Political Bureau"): it is of every name of the list."""
    doc = parse.doc
    for i in words:
        token = doc[i]
        if token.lower_ in _PREPOSITIONS:
            return False
        if token.tag_ == "NNS" and (
            token.lemma_.lower() in lex.roles_folded or token.lemma_.lower() in lex.member_nouns
        ):
            return True
    return False


def _share_title(text: str, cands: list[Candidate], last: Candidate) -> None:
    """A plural title after a list of names is each one's: "He was accompanied by X, Y and
    Z, senior officials of the WPK Central Committee" makes X and Y officials of that body
    too. Only names that have no title of their own, back to the list's start."""
    people = [c for c in cands if c.kind == "person" and c.alias_of is None]
    position = next((k for k, c in enumerate(people) if c is last), None)
    if position is None:
        return
    after = last
    for prior in reversed(people[:position]):
        joint = _LIST_JOINT.fullmatch(text, prior.end, after.start)
        if joint is None or any(c.start >= prior.end and c.end <= after.start for c in cands):
            return
        if prior.roles or prior.former_roles:
            return
        prior.roles.extend(last.roles)
        prior.affiliation = prior.affiliation or last.affiliation
        prior.title_country = prior.title_country or last.title_country
        after = prior


def _title_after_body(
    tokens: list[Token], org: Candidate, by_start: dict[int, Candidate]
) -> list[Token]:
    """The words after a body named first in an apposition, up to a preposition or another
    name, or an "of" before a lowercase word ("White House | chief of staff"): the title
    held in that body. A possessive after the body's name
    ("the Pentagon's top spokesman") is part of neither."""
    after = [t for t in tokens if t.idx >= org.end]
    while after and after[0].text in ("'s", "’s", "'"):
        after = after[1:]
    out: list[Token] = []
    for k, token in enumerate(after):
        lowercase_next = k + 1 < len(after) and after[k + 1].is_lower
        if token.lower_ == "of" and out and lowercase_next:
            out.append(token)  # "chief of staff", "secretary of state"
            continue
        if token.idx in by_start or token.lower_ in _PREPOSITIONS or not token.is_alpha:
            break
        out.append(token)
    return out


def _read_relative(cand: Candidate, tokens: list[Token], by_start: dict[int, Candidate]) -> None:
    """The relative an apposition names ("daughter of Zhou Baozhong", "elder brother of X",
    "widow of former President X"): kept to place the person, who shares the relative's
    country but none of their offices."""
    kin = next((n for n, t in enumerate(tokens[:3]) if t.lemma_.lower() in KIN_WORDS), None)
    if kin is None or kin + 1 >= len(tokens) or tokens[kin + 1].lower_ != "of":
        return
    cand.relative = next(
        (
            found
            for t in tokens[kin + 2 :]
            if (found := by_start.get(t.idx)) is not None and found.kind == "person"
        ),
        None,
    )


def _read_second_title(
    parse: ParseIndex,
    cand: Candidate,
    rest: list[Token],
    by_start: dict[int, Candidate],
    lex: Lexicon,
    place_country: Callable[[str], CountryLike | None] | None = None,
) -> None:
    """A second title joined to the first by "and" is the person's too: "Raul Castro Ruz,
    president of the Council of State and president of the Council of Ministers of Cuba"
    (Cuba's), "X, member of the Presidium of ... and premier of the Cabinet" (premier). Its
    country, when it names one, is the person's if the first did not ("of the Council of
    State" names none)."""
    text = parse.text
    joint = next((k for k, t in enumerate(rest) if t.lower_ == "and" and t.dep_ == "cc"), None)
    if joint is None:
        return
    words = rest[joint + 1 :]
    while words and words[0].lower_ in _DETERMINERS:
        words = words[1:]
    end = next((k for k, t in enumerate(words) if t.idx in by_start), len(words))
    title = words[:end]
    while title and title[-1].lower_ in _PREPOSITIONS | _DETERMINERS:
        title = title[:-1]
    if not title or title[0].lower_ in FORMER:
        return
    head = title[-1].lower_.rsplit("-", 1)[-1]
    if head not in lex.roles_folded and title[-1].text.capitalize() not in lex.title_heads:
        return
    cand.roles.append(text[title[0].idx : title[-1].idx + len(title[-1].text)])
    named = by_start.get(words[end].idx) if end < len(words) else None
    if cand.title_country is None and named is not None:
        cand.title_country = named.country if named.kind == "country" else named.title_country
    if cand.title_country is None and named is not None and place_country is not None:
        # "the Council of Ministers of Cuba", which the model named whole.
        parts = named.text.split(" of ")
        cand.title_country = next(
            (c for i in range(1, len(parts)) if (c := place_country(" of ".join(parts[i:])))),
            None,
        )
