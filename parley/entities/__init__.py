"""The entity stage: spaCy's mentions -> document entities with CAMEO-style actor codes,
roles and affiliations.

``find_entities(parse, article, on, resources)`` reads the shared parse of ``article.text``
(``parley.nlp.index.ParseIndex``) and returns Entity records (ids "e1", "e2", ... in order of
first mention), each with every mention's offsets into ``article.text``; ``on`` is the
article's date, for the knowledge base's dated facts. ``resources``
(``parley.entities.resources.EntityResources``) holds the knowledge base, the lexicon and
the phrase matchers, loaded once per pipeline. The steps, one module each:

- ``mentions``: spaCy's entity spans, trimmed ("the", possessives, "N. Korea-" hyphens),
  typed with the knowledge base (country names, short forms, demonyms, capitals used for
  governments), plus "the North"/"the South" in articles about Korea; page stamps,
  non-entities ("Trumpian") and pronouns the model read as names dropped.
- ``titles``: titles before names ("US Secretary of State Mike Pompeo") and appositions after
  them ("Yang Moo-jin, a professor at ...", "Lavrov, foreign minister of the Russian
  Federation") give roles, countries and affiliations; a body and what it belongs to ("the
  Ministry of Foreign Affairs of the DPRK", "the Board of Governors of the IAEA") and the
  leader of a country's delegation ("the U.S. delegation led by ...") likewise.
- ``cluster``: mentions of one referent grouped (surnames, aliases, acronyms), the model's type
  errors corrected with the document's own evidence, and actors coded.
- ``pronouns``: "he"/"his" linked to the one person in reach, or the one subject among
  several; otherwise left alone.
- ``nominal``: actors no name gives: a country's sector ("Israeli soldiers"), a member of a
  body ("the General Staff of the Korean People's Army" is the army), names only the
  knowledge base knows.
- ``context``: a group a common noun names without saying whose ("labor innovators", "the
  police") takes the article's own country, when the article makes it clear.
- ``descriptions``: a title standing alone ("the king", "the ambassador") is the person or
  office named under that title just before; "the country", "the organization", "the regime"
  the entity of that kind the text was about.
- ``phrases``: the lexicon's titles found once per document (spaCy's PhraseMatcher).

No span belongs to two entities. Requires from the spaCy pipeline: ner, parser (sentences
and dependencies), tagger (POS).
"""

from __future__ import annotations

import re
from datetime import date

from parley.entities.cluster import build_entities, group_candidates, known_as_outlet
from parley.entities.context import place_korean_names
from parley.entities.descriptions import (
    code_officers_of_named_bodies,
    follow_titled_subjects,
    join_bare_kind_names,
    join_bodies_named_in_full,
    join_parts_named_as_members,
    join_qualified_names,
    join_quoted_names,
    link_descriptions,
    link_kind_nouns,
)
from parley.entities.kbtypes import CountryLike
from parley.entities.mentions import collect_candidates, find_name_repeats, named_unions
from parley.entities.nominal import add_nominal_entities
from parley.entities.pronouns import resolve_pronouns
from parley.entities.resources import EntityResources
from parley.entities.titles import (
    apply_apposed_groups,
    apply_appositions,
    apply_led_by,
    apply_of_phrases,
    apply_org_countries,
    apply_org_locations,
    apply_people_of,
    apply_titles,
    extend_org_names,
    find_titled_names,
    join_known_bodies,
)
from parley.nlp.index import ParseIndex
from parley.quotes.drafts import UTTERANCE_MARKS
from parley.quotes.marks import find_quoted
from parley.quotes.titles import title_case
from parley.records import Article, Entity

__all__ = ["EntityResources", "article_date", "find_entities"]

# The word for a kind of place after its name, which the place dictionaries leave out.
_PLACE_SUFFIX = re.compile(r"\s+(?:City|Province|County|Prefecture)$")


def article_date(published: str | None) -> date | None:
    """The calendar date of an ISO 8601 publication time ("2018-11-12T17:37:00+09:00")."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_entities(
    parse: ParseIndex, article: Article, on: date | None, resources: EntityResources
) -> tuple[Entity, ...]:
    """The document's entities, in order of first mention. ``article`` is the one whose
    text was parsed (its text is read from the parse, once)."""
    text = parse.text
    if not text.strip():
        return ()
    kb, lex = resources.kb, resources.lexicon
    phrases = resources.phrases.find(parse.doc, parse.text)
    cands = collect_candidates(parse, kb, lex, phrases, resources.regional)
    cands = find_titled_names(parse, cands, phrases, resources.titles)

    def place_country(name: str) -> CountryLike | None:
        # A country, or a place a dictionary lists under its country ("Texas", "Zurich").
        found = kb.country(name)
        if found is not None:
            return found
        actor = kb.actor(name, on)
        if actor is None:
            # "Wuhan City", "Liaoning Province": the dictionaries list the bare name.
            bare = _PLACE_SUFFIX.sub("", name)
            actor = kb.actor(bare, on) if bare != name else None
        if actor is None or actor.kind not in ("country", "location") or not actor.country:
            return None
        return kb.country_by_code(actor.country)

    def known_body(name: str) -> bool:
        actor = kb.actor(name, on)
        return actor is not None and actor.kind == "organization" and bool(actor.code)

    cands = apply_titles(
        parse, cands, lex, resources.titles, place_country, known_body, kb.country_by_demonym
    )
    apply_org_countries(text, cands)

    def known(name: str) -> bool:
        return kb.actor(name, on) is not None

    cands = extend_org_names(text, cands, known, lex.org_words)
    cands = join_known_bodies(text, cands, known_body)

    def country_named(name: str) -> CountryLike | None:
        # A name the place dictionaries list as a country under that very name ("Congo"),
        # not a town they list under its country ("the Itabashi Branch of Tokyo ...").
        actor = kb.actor(name, on)
        if actor is None or actor.kind != "country" or not actor.country:
            return None
        if actor.name.casefold() != name.casefold():
            return None
        return kb.country_by_code(actor.country)

    cands = apply_of_phrases(text, cands, country_named)

    def body(name: str) -> bool:
        # A name with a word for a body ("Committee") or a sector ("Co. Ltd.": BUS).
        return kb.organization_sector(name) is not None or any(
            word in lex.org_words for word in name.split()
        )

    apply_org_locations(text, cands, place_country, body)
    apply_led_by(text, cands)
    apply_people_of(text, cands)
    apply_apposed_groups(text, cands)
    cands = find_name_repeats(parse, cands, lex.family_first, lex.family_first_pairs)
    cands = named_unions(text, cands, kb)
    apply_appositions(parse, cands, lex, place_country)
    clusters = group_candidates(cands, kb, on, lex.family_first, lex.family_first_pairs)
    # Quotations of words said, which carry an utterance's punctuation ('"... a hero,"
    # he said'): a name in marks written as a title ("Kim Jong Il's Era Will Shine for All
    # Ages", 'on the theme of "Kim Jong Il's feats and the Juche idea"') names its person
    # as the narrative does.
    quoted = [
        (q.start, q.end)
        for q in find_quoted(text, resources.marks)
        if any(ch in UTTERANCE_MARKS for ch in text[q.inner_start : q.inner_end])
        and not title_case(text, q.inner_start, q.inner_end)
    ]
    outlets = frozenset(key for key, c in clusters.items() if known_as_outlet(c, kb, on))
    resolve_pronouns(parse, clusters, lex, phrases.pronouns, quoted, outlets)
    entities = build_entities(clusters, kb, lex, text, on)
    entities = add_nominal_entities(parse, entities, kb, on, lex.member_nouns, resources.context)
    entities = link_descriptions(parse.doc, entities, phrases.roles)
    entities = follow_titled_subjects(parse, entities, lex.pronouns)
    entities = link_kind_nouns(parse, entities, lex.kind_nouns)
    entities = code_officers_of_named_bodies(entities)
    entities = place_korean_names(parse, entities, kb, lex.family_first, lex.korean_syllables)
    entities = join_bodies_named_in_full(entities)
    entities = join_parts_named_as_members(entities, text)
    entities = join_quoted_names(entities)
    entities = join_qualified_names(entities)
    return join_bare_kind_names(entities, lex.kind_nouns)
