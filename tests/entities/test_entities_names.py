"""How bare names join the person named in full: family names written first, and a name the
model read as a place where it was a person elsewhere (hand-built candidates, stub KB)."""

from __future__ import annotations

import pytest

from parley.entities.cluster import group_candidates
from parley.entities.lexicon import load_lexicon
from parley.entities.mentions import Candidate, family_name
from parley.records import Entity

FAMILY_FIRST = frozenset(("Lee", "Yoon", "Kim"))
PAIRS = frozenset(("Wang", "Zhao"))


@pytest.mark.parametrize(
    ("full", "family"),
    [
        ("Lee Myung Bak", "Lee"),  # three words after a family name written first
        ("Lee Myung-bak", "Lee"),  # a hyphenated given name says it alone
        ("Kim Yo Jong", "Kim"),
        ("Mary Ann Lee", "Lee"),  # a given name first: the last word
        ("Anna Song", "Song"),
        ("Lee Carter", "Carter"),  # two words: an English given name
    ],
)
def test_mentions_family_name(full: str, family: str) -> None:
    assert family_name(full, FAMILY_FIRST) == family


@pytest.mark.parametrize(
    ("full", "family"),
    [
        ("Wang Tianming", "Wang"),  # a Chinese family name first even in two words
        ("Zhao Lirong", "Zhao"),
        ("Kim Yo Jong", "Kim"),
        ("Lee Carter", "Carter"),  # a Korean one only in three
        ("Peter Wang", "Wang"),  # a given name first: the last word
    ],
)
def test_mentions_family_name_of_two_words(full: str, family: str) -> None:
    assert family_name(full, FAMILY_FIRST, PAIRS) == family


def test_lexicon_family_first_pairs() -> None:
    lexicon = load_lexicon()
    assert {"Wang", "Zhang", "Li", "Xi"} <= lexicon.family_first_pairs
    # Not the syllables of Korean given names nor English given names ("Pak Chol Su").
    assert not {"Su", "Sun", "Song", "Lee"} & lexicon.family_first_pairs


def test_lexicon_family_first_names() -> None:
    names = load_lexicon().family_first
    assert {"Kim", "Lee", "Ri", "Pak", "Choe", "Yoon"} <= names


def _cand(text: str, start: int, kind: str, label: str = "PERSON") -> Candidate:
    return Candidate(start, start + len(text), text, label, kind, 0)


def test_cluster_bare_family_name_first_joins_full_name(stub_kb) -> None:  # type: ignore[no-untyped-def]
    cands = [_cand("Lee Myung Bak", 0, "person"), _cand("Lee", 40, "person")]
    clusters = group_candidates(cands, stub_kb, None, FAMILY_FIRST)
    assert len(clusters) == 1
    assert [c.text for c in next(iter(clusters.values())).cands] == ["Lee Myung Bak", "Lee"]
    # Without the list the bare name stays apart (the behaviour this test guards).
    assert len(group_candidates(cands, stub_kb, None)) == 2


def test_cluster_bare_chinese_family_name_joins_two_word_name(stub_kb) -> None:  # type: ignore[no-untyped-def]
    cands = [_cand("Wang Tianming", 0, "person"), _cand("Wang", 40, "person")]
    clusters = group_candidates(cands, stub_kb, None, FAMILY_FIRST, PAIRS)
    assert len(clusters) == 1
    # Without the list "Tianming" is the family name: a bare "Tianming" joins, and "Wang"
    # joins as the one given name of the article's people.
    assert family_name("Wang Tianming", FAMILY_FIRST) == "Tianming"
    assert len(group_candidates(cands, stub_kb, None, FAMILY_FIRST)) == 1


@pytest.mark.parametrize(
    ("full", "bare"),
    [
        ("Hillary Clinton", "Hillary"),  # "Hillary will appreciate it," she said
        ("Kim Jong Un", "Jong Un"),  # a Korean given name after the family name
    ],
)
def test_cluster_bare_given_name_joins_the_one_full_name(stub_kb, full: str, bare: str) -> None:  # type: ignore[no-untyped-def]
    cands = [_cand(full, 0, "person"), _cand(bare, 60, "person")]
    clusters = group_candidates(cands, stub_kb, None, FAMILY_FIRST)
    assert len(clusters) == 1


def test_cluster_given_name_of_two_people_stays_apart(stub_kb) -> None:  # type: ignore[no-untyped-def]
    # "Jane Sanders ... Jane Moore ... Jane said": whose is not for the clusterer to guess.
    cands = [
        _cand("Jane Sanders", 0, "person"),
        _cand("Jane Moore", 30, "person"),
        _cand("Jane", 60, "person"),
    ]
    assert len(group_candidates(cands, stub_kb, None)) == 3


def test_cluster_place_reading_of_a_person_word_is_the_person(stub_kb) -> None:  # type: ignore[no-untyped-def]
    # "Yoon said ..." (a person) and "the impeachment of Yoon" (read as a place).
    cands = [
        _cand("Yoon Suk Yeol", 0, "person"),
        _cand("Yoon", 30, "person"),
        _cand("Yoon", 60, "location", "GPE"),
    ]
    clusters = group_candidates(cands, stub_kb, None, FAMILY_FIRST)
    assert [(c.kind, len(c.cands)) for c in clusters.values()] == [("person", 3)]


def test_cluster_place_reading_of_a_family_name_alone_is_the_person(stub_kb) -> None:  # type: ignore[no-untyped-def]
    # "Governor Ada Brinkerhoff ... the state where Brinkerhoff governs" (read as a place
    # where no bare "Brinkerhoff" was read as a person).
    cands = [_cand("Ada Brinkerhoff", 0, "person"), _cand("Brinkerhoff", 60, "location", "GPE")]
    clusters = group_candidates(cands, stub_kb, None)
    assert [(c.kind, len(c.cands)) for c in clusters.values()] == [("person", 2)]


def test_cluster_family_name_of_two_words_joins_the_full_name(stub_kb) -> None:  # type: ignore[no-untyped-def]
    # "Senator Ines Ortega Vidal ... Ortega Vidal said": one person.
    cands = [_cand("Ines Ortega Vidal", 0, "person"), _cand("Ortega Vidal", 60, "person")]
    assert len(group_candidates(cands, stub_kb, None)) == 1
    # Two full names ending so leave it apart.
    two = [*cands, _cand("Luis Ortega Vidal", 90, "person")]
    assert len(group_candidates(two, stub_kb, None)) == 3


def test_cluster_place_the_kb_knows_stays_a_place(stub_kb) -> None:  # type: ignore[no-untyped-def]
    # "Washington" as a person once (a model error) does not make the capital a person.
    cands = [_cand("Washington", 0, "person"), _cand("Washington", 40, "location", "GPE")]
    kinds = sorted(c.kind for c in group_candidates(cands, stub_kb, None).values())
    assert kinds == ["location", "person"]


def test_cluster_shared_demonym_takes_the_country_named(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "Korean" is the demonym of two countries: the one the article names is meant.
    text = (
        "North Korea held a mass rally in the capital on Sunday. "
        "The Korean people pledged to defend the achievements of socialism."
    )
    people = [e for e in entities_of(text) if e.kind == "group" and "Korean" in e.name]
    assert [e.country for e in people] == ["PRK"]


def test_cluster_shared_demonym_plural_takes_the_country_named(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "Koreans" is the same nation as "the Korean people": of the half the article names.
    text = (
        "North Korea held a mass rally in the capital on Sunday. "
        "All Koreans were urged to defend the achievements of socialism."
    )
    people = [e for e in entities_of(text) if e.name == "Koreans"]
    assert [e.actor for e in people] == ["PRK"]


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # The North's state media write "south Korea": their "Korean ..." is the North's,
        # though only the South is named.
        (
            "The Korean Committee for Solidarity with the World People issued a statement "
            "denouncing the south Korean puppets and the U.S.",
            "Korean Committee for Solidarity with the World People",
            "PRK",
        ),
        (
            "The Korean people will never forgive the group of traitors of south Korea.",
            "Korean people",
            "PRK",
        ),
        # Written as a proper name, the South is no sign of whose media wrote it.
        (
            "South Korea held an election. The Korean people chose a new parliament.",
            "Korean people",
            "KOR",
        ),
    ],
)
def test_cluster_shared_demonym_in_the_other_half_s_media(  # type: ignore[no-untyped-def]
    entities_of, text: str, name: str, code: str
) -> None:
    found = [e for e in entities_of(text, real=True) if e.name == name]
    assert [e.country for e in found] == [code]


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # A body "of Korea" in the North's media is the North's, as "Korean ..." is.
        (
            "The Democratic Lawyers Association of Korea denounced the south Korean puppets.",
            "Democratic Lawyers Association of Korea",
            "PRKNGO",
        ),
        # A body named for a cause is not the cause's country's.
        (
            "The Gondorian Society for the Reunification of Korea denounced the south Korean "
            "puppets.",
            "Gondorian Society for the Reunification of Korea",
            None,
        ),
    ],
)
def test_cluster_body_of_a_shared_name(  # type: ignore[no-untyped-def]
    entities_of, text: str, name: str, code: str | None
) -> None:
    found = [e for e in entities_of(text, real=True) if e.name == name]
    assert [e.actor for e in found] == [code]


def test_cluster_shared_demonym_with_no_country_named_stays_uncoded(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "The Korean people pledged to defend the achievements of their ancestors."
    people = [e for e in entities_of(text) if "Korean" in e.name]
    assert people and all(e.actor is None for e in people)


def test_nominal_title_before_a_name_is_no_second_actor(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The knowledge base knows "Secretary of State" as an office; before a name it is that
    # person's title, not an actor of its own.
    text = "In September, Secretary of State John Kerry said the refugee quota would rise."
    entities = entities_of(text, published="2015-11-17", real=True)
    assert [(e.name, e.actor) for e in entities if e.kind != "location"] == [
        ("John Kerry", "USAGOV")
    ]


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # The state before the title, or after the name, says whose office it is; the
        # country the article names most (Syria here) does not.
        ("Texas Sen. John Cornyn spoke about Syria.", "John Cornyn", "USALEG"),
        ("Sen. Patrick Leahy of Vermont spoke about Syria.", "Patrick Leahy", "USALEG"),
        ("Sen. Mark Warner (D-Va.) spoke about Syria.", "Mark Warner", "USALEG"),
        ("Florida Gov. Rick Scott spoke about Syria.", "Rick Scott", "USAGOV"),
        # Titles abbreviated as US copy abbreviates American ones, with no place at all.
        ("Sen. Marla Quentin spoke about Syria.", "Marla Quentin", "USALEG"),
        ("Rep. Dale Orwin spoke about Syria.", "Dale Orwin", "USALEG"),
        ("Gov. Tessa Brill spoke about Syria.", "Tessa Brill", "USAGOV"),
        # A place between "former" and the title: a past office, no current one; an elite
        # of that country, as CAMEO codes former officials (Phoenix: FORMER_PRESIDENT ~ELI).
        ("Former Maryland Gov. Martin Fairbanks spoke about Syria.", "Martin Fairbanks", "USAELI"),
        ("Former Sen. Dale Orwin spoke about Syria.", "Dale Orwin", "USAELI"),
    ],
)
def test_titles_state_of_a_us_office(entities_of, text: str, name: str, code: str | None) -> None:  # type: ignore[no-untyped-def]
    story = f"{text} Syria's war went on. The fighting in Syria spread, officials in Syria said."
    assert by_name(entities_of(story, published="2016-03-01", real=True), name).actor == code


def by_name(entities: tuple[Entity, ...], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, (name, [(e.name, e.kind) for e in entities])
    return found[0]


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # Group nouns in a row are one actor, named by the more specific one.
        (
            "Yesterday the South Korean puppet air force held a drill near the border.",
            "South Korean puppet air force",
            "KORMIL",
        ),
        # State media's epithet with one word after it stays the regime's.
        (
            "Yesterday the South Korean puppet army held a drill near the border.",
            "South Korean puppet",
            "KORGOV",
        ),
        (
            "Yesterday the South Korean air force held a drill near the border.",
            "South Korean air force",
            "KORMIL",
        ),
        (
            "Yesterday Chinese military officials held a meeting near the border.",
            "Chinese military officials",
            "CHNMIL",
        ),
    ],
)
def test_mentions_group_nouns_in_a_row(entities_of, text: str, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert by_name(entities_of(text), name).actor == code


def test_cluster_body_of_the_puppet_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Ministry of Defense of the puppet Republic of Korea admitted on Monday that the "
        "drones had flown over the border, North Korea said."
    )
    body = next(e for e in entities_of(text) if e.name.startswith("Ministry of Defense"))
    assert body.country == "KOR"  # (the sector is the real knowledge base's: MIL)


def test_cluster_officer_of_a_common_state_body_takes_the_article_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "North Korea marked the day in Pyongyang. North Korea's leaders attended. Present "
        "were Jong Myong Su, vice-premier of the Cabinet, and other officials."
    )
    assert by_name(entities_of(text, real=True), "Jong Myong Su").country == "PRK"


def test_pronouns_given_name_says_gender(entities_of) -> None:  # type: ignore[no-untyped-def]
    # Two people in reach, neither a subject: "she" goes to the woman the given name says,
    # not to nobody (and never to the man).
    text = (
        "The poll compared Margaret Holloway with Robert Danvers on Tuesday. "
        "Voters said she was the stronger candidate."
    )
    entities = entities_of(text)
    assert "she" in [m.text for m in by_name(entities, "Margaret Holloway").mentions]
    assert "she" not in [m.text for m in by_name(entities, "Robert Danvers").mentions]


def test_lexicon_given_names() -> None:
    names = load_lexicon().given_names
    assert names["Bernie"] == "m" and names["Hillary"] == "f"
    assert "Kim" not in names and "Lee" not in names  # family names elsewhere


def _org(eid: str, name: str, actor: str | None, start: int) -> Entity:
    from parley.records import Mention

    return Entity(
        id=eid,
        name=name,
        kind="organization",
        actor=actor,
        country=actor[:3] if actor else None,
        roles=(),
        affiliation=None,
        mentions=(Mention(start, start + len(name), name),),
        sector=actor[3:] if actor else None,
    )


def test_descriptions_the_party_is_the_one_party_named() -> None:
    from parley.entities.descriptions import join_bare_kind_names

    nouns = load_lexicon().kind_nouns
    full = _org("e1", "Workers' Party of Korea", "PRKGOV", 0)
    body = _org("e2", "Central Committee of the Workers' Party of Korea", "PRKGOV", 40)
    bare = _org("e3", "Party", None, 120)
    joined = join_bare_kind_names((full, body, bare), nouns)
    assert [e.name for e in joined] == [full.name, body.name]
    assert [m.text for m in joined[0].mentions] == [full.name, "Party"]
    # Only a body of it named: the bare name takes its code, and stays its own entity.
    alone = join_bare_kind_names((body, replace_id(bare, "e1")), nouns)
    assert [(e.name, e.actor) for e in alone] == [(body.name, "PRKGOV"), ("Party", "PRKGOV")]
    # Two parties: whose is not said.
    other = _org("e4", "Communist Party of Vietnam", "VNMPTY", 200)
    assert join_bare_kind_names((full, bare, other), nouns) == (full, bare, other)


def test_descriptions_a_name_word_before_another_names_another_body() -> None:
    from parley.entities.descriptions import join_bare_kind_names

    nouns = load_lexicon().kind_nouns
    full = _org("e1", "Workers' Party of Korea", "PRKGOV", 0)
    congress = _org("e2", "Ninth Party Congress", "PRKLEG", 40)
    bare = _org("e3", "Party", None, 120)
    # The congress is the party's meeting, not a second body the word might mean.
    joined = join_bare_kind_names((full, congress, bare), nouns)
    assert [e.name for e in joined] == [full.name, congress.name]
    assert [m.text for m in joined[0].mentions] == [full.name, "Party"]


def test_descriptions_a_body_named_apart_from_its_owner_joins_its_full_name() -> None:
    from dataclasses import replace

    from parley.entities.descriptions import join_bodies_named_in_full

    whole = _org("e1", "Central Committee of the Workers' Party of Korea", "PRKGOV", 0)
    party = _org("e2", "Workers' Party of Korea", "PRKGOV", 80)
    part = replace(_org("e3", "Central Committee", "PRKGOV", 60), affiliation="e2")
    member = replace(_org("e4", "Youth Department", "PRKGOV", 120), affiliation="e3")
    joined = join_bodies_named_in_full((whole, part, party, member))
    assert [e.name for e in joined] == [whole.name, party.name, member.name]
    assert [m.text for m in joined[0].mentions] == [whole.name, "Central Committee"]
    # What belonged to the body named apart belongs to the whole now.
    assert joined[2].affiliation == joined[0].id
    # Coded apart (another party's committee): two bodies.
    other = replace(part, actor="LAOGOV", country="LAO")
    assert join_bodies_named_in_full((whole, other, party)) == (whole, other, party)


def replace_id(entity: Entity, new_id: str) -> Entity:
    from dataclasses import replace

    return replace(entity, id=new_id)


def test_titles_campaign_staff_are_no_government(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Campaign spokeswoman Dana Whitlock said on Monday that the senator would not release "
        "his tax returns before the election in November, in the United States."
    )
    person = by_name(entities_of(text, real=True), "Dana Whitlock")
    assert person.roles == ("campaign spokeswoman",) and person.sector == "ELI"


def test_titles_a_title_before_another_name_is_no_apposition(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "President X, Foreign Minister Y ... the DPRK embassy": X is not the DPRK's.
    text = (
        "Upon authorization of President Mike Pompeo, Foreign Minister Hana Lind paid a "
        "condolatory visit to the DPRK embassy in Tokyo on Monday."
    )
    person = by_name(entities_of(text, published="2019-01-01"), "Mike Pompeo")
    assert person.country != "PRK"


def test_titles_country_named_inside_the_title(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cuba must attend the summit, Cuba said. In statements to Prensa Latina, Deputy Foreign "
        "Minister of Bolivia Juan Carlos Arrieta reaffirmed his country's position regarding Cuba."
    )
    assert by_name(entities_of(text, real=True), "Juan Carlos Arrieta").country == "BOL"


def test_mentions_name_glued_to_a_dateline_dash(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pyongyang, August 7 (KCNA) --Kim Jong Un, general secretary of the Workers' Party of "
        "Korea, received a message of greeting from the president of Vietnam on Tuesday."
    )
    names = [e.name for e in entities_of(text, published="2024-08-07", real=True)]
    assert "Kim Jong Un" in names and "Jong Un" not in names


def test_mentions_korean_family_name_the_model_left_out(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Present there were Choe Ryong Hae, secretary of the C.C., the Workers' Party of "
        "Korea, officials of the youth league and others, the DPRK said."
    )
    names = [e.name for e in entities_of(text, published="2012-03-01", real=True)]
    assert "Choe Ryong Hae" in names and "Ryong Hae" not in names


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # "based in" places a body as "in" does: the paper or the group is of that country.
        (
            "A newspaper based in Lima printed the letter on Sunday.",
            "newspaper based in Lima",
            "PERMED",
        ),
        (
            "An aid group headquartered in Oslo sent tents to the valley.",
            "group headquartered in Oslo",
            "NORNGO",
        ),
    ],
)
def test_nominal_body_based_in_a_place_is_of_its_country(
    entities_of, text: str, words: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in entities_of(text, real=True) if any(words in m.text for m in e.mentions)]
    assert [e.actor[:3] for e in found if e.actor] == [code[:3]], [(e.name, e.actor) for e in found]


def test_nominal_force_based_abroad_is_not_of_the_place(entities_of) -> None:  # type: ignore[no-untyped-def]
    # A state's force is based where it is stationed: its owner says whose it is.
    text = "The Gondor navy said its air force based in Japan flew over the strait."
    assert not any(e.actor == "JPNMIL" for e in entities_of(text, real=True))


def test_lexicon_korean_syllables() -> None:
    syllables = load_lexicon().korean_syllables
    assert {"Sok", "Nam", "Chol", "Hyok", "Myung"} <= syllables
    assert not {"Kong", "Festival", "University", "Minh"} & syllables


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The model reads "Han" as the Han people and the given name as another person.
        (
            "Han Tok Sam, a manager of the Sinpho Fish Farm, told reporters about the catch.",
            "Han Tok Sam",
        ),
        # It may tag nothing at all, or only the last syllable as a place.
        ("Police detained Pak Ung Gil, editor of a local weekly, on Friday.", "Pak Ung Gil"),
        ("Ri Chol Bok, 38, a driller at the Hwasong Mine, spoke at the rally.", "Ri Chol Bok"),
    ],
)
def test_mentions_korean_name_family_first_is_one_person(entities_of, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    entities = entities_of(text, real=True)
    holders = [e for e in entities if any(name in m.text for m in e.mentions)]
    assert len(holders) == 1 and holders[0].kind == "person"
    assert all(
        m.text in (name, *name.split()[:1]) or m.text.lower() in ("he", "she")
        for m in holders[0].mentions
    )
    family, *given = name.split()
    assert not any(
        m.text in (family, " ".join(given)) and e is not holders[0]
        for e in entities
        for m in e.mentions
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A longer name the words start: a body or a place named after a person.
        ("Students of Kim Il Sung University planted trees on Sunday.", "Kim Il Sung University"),
        # No given-name syllables: an English phrase after a family name.
        ("The Song Festival Committee met in Hong Kong on Monday.", "Hong Kong"),
    ],
)
def test_mentions_korean_name_rule_leaves_longer_names(entities_of, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    entities = entities_of(text, real=True)
    assert any(m.text == name for e in entities for m in e.mentions)
    assert not any(e.kind == "person" for e in entities)


def test_mentions_country_name_cut_in_two_is_one_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The model may read "Democratic" as a party and "Congo" as the other Congo.
    text = "The President of Democratic Congo sent a message to the President of Ghana on Monday."
    entities = entities_of(text, real=True)
    congo = [e for e in entities if any("Congo" in m.text for m in e.mentions)]
    assert len(congo) == 1 and congo[0].actor is not None and congo[0].actor.startswith("COD")
    assert not any(e.actor == "USAPTY" for e in entities)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # One-syllable family names KCNA spells ("Wi", "So") are not cut off the name.
        ("The talks were opened by Wi Kwang Ho, a county official, on Friday.", "Wi Kwang Ho"),
        ("The guests were met by So Hyon Bok, vice-minister of Trade.", "So Hyon Bok"),
    ],
)
def test_mentions_one_syllable_korean_family_name(entities_of, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert by_name(entities_of(text), name).kind == "person"


def test_mentions_family_name_that_is_an_english_word_needs_korean_syllables(entities_of) -> None:  # type: ignore[no-untyped-def]
    names = [e.name for e in entities_of("So Margaret Holloway won the vote on Tuesday.")]
    assert "So Margaret Holloway" not in names


@pytest.mark.parametrize(
    "text",
    [
        # The model takes the paper's last word alone, as a person.
        "The new tariffs were criticised in Pyongyang.\n\nMinju Joson Wednesday runs a "
        "signed article which says that the tariffs hurt the poor.",
        # The model reads the weekday into the paper's name.
        "Minju Joson Tuesday says in an article that the tariffs hurt the poor.",
    ],
)
def test_names_a_paper_named_before_a_weekday_is_the_paper(entities_of, text: str) -> None:  # type: ignore[no-untyped-def]
    papers = [e for e in entities_of(text, real=True) if e.name == "Minju Joson"]
    assert len(papers) == 1 and papers[0].actor == "PRKMED"
    assert not any(e.name in ("Joson", "Minju Joson Tuesday") for e in entities_of(text, real=True))


def test_names_north_koreas_words_for_its_ideas_are_no_actors(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The speaker said that the Songun politics had defended the country.\n\n"
        "Farmers vowed to carry forward the revolutionary cause of Juche in the Chollima spirit."
    )
    names = {e.name for e in entities_of(text, real=True)}
    assert not names & {"Songun", "Juche", "Chollima"}


def test_cluster_body_of_its_country_joins_the_body(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Ministry of Unification of south Korea closed a liaison office on Monday. "
        "The Unification Ministry said the office would stay shut."
    )
    found = [e for e in entities_of(text, real=True) if "Unification" in e.name]
    assert [(e.actor, len(e.mentions)) for e in found] == [("KORGOV", 2)]


def test_cluster_body_of_another_country_stays_apart(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Unification Ministry met on Monday. "
        "The Ministry of Unification of Japan, a body invented for this test, met too."
    )
    found = [e for e in entities_of(text, real=True) if "Unification" in e.name]
    assert len(found) == 2


def test_cluster_acronym_of_a_body_named_with_its_country(stub_kb) -> None:  # type: ignore[no-untyped-def]
    # "the Coastal Works Board of the United States ... the CWB said": one body.
    cands = [
        _cand("Coastal Works Board of the United States", 0, "organization", "ORG"),
        _cand("CWB", 60, "organization", "ORG"),
    ]
    assert len(group_candidates(cands, stub_kb, None)) == 1


def test_cluster_given_name_read_as_a_body_is_the_person(stub_kb) -> None:  # type: ignore[no-untyped-def]
    # "Senator Walt Pemberton ... 'Walt knows the farm bill'" with "Walt" read as ORG.
    cands = [_cand("Walt Pemberton", 0, "person"), _cand("Walt", 60, "organization", "ORG")]
    clusters = group_candidates(cands, stub_kb, None)
    assert [(c.kind, len(c.cands)) for c in clusters.values()] == [("person", 2)]


def test_title_does_not_run_over_a_person_named_before(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A short meeting between Minister of Foreign Affairs Wang Yi and Prime Minister "
        "Shinzo Abe ended early on Friday."
    )
    codes = {e.name: e.actor for e in entities_of(text, real=True)}
    assert codes.get("Wang Yi") == "CHNGOV"
    assert codes.get("Shinzo Abe") == "JPNGOV"
