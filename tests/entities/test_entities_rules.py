"""The entity stage's rules on short texts written for these tests, with a stub knowledge base
(see conftest.py), so each rule is checked apart from the real tables."""

from __future__ import annotations

import pytest

from parley.entities.lexicon import load_lexicon
from parley.entities.mentions import Candidate
from parley.entities.titles import _drop_leading_title
from parley.records import Entity


def by_name(entities: tuple[Entity, ...], name: str) -> Entity:
    """The one entity called ``name`` (fails the test when there is none or several)."""
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, (name, [(e.name, e.kind) for e in entities])
    return found[0]


def _mention_texts(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions]


def test_cluster_surname_joins_full_name(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Defense Secretary Alan Whitcombe arrived in Tokyo on Monday. "
        "Whitcombe told reporters that the alliance was strong. "
        "Later, Whitcombe met the Japanese delegation."
    )
    people = [e for e in entities_of(text) if e.kind == "person"]
    assert len(people) == 1
    assert people[0].name == "Alan Whitcombe"
    assert _mention_texts(people[0]).count("Whitcombe") == 2


def test_cluster_family_name_first(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Choi Min-seo, a researcher at the Korea Policy Forum, spoke on Tuesday. "
        "Choi said the talks would resume."
    )
    person = by_name(entities_of(text), "Choi Min-seo")
    assert [m.text for m in person.mentions][:2] == ["Choi Min-seo", "Choi"]


def test_titles_role_country_and_code(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "French Foreign Minister Claire Dubois called for calm on Friday."
    person = by_name(entities_of(text), "Claire Dubois")
    assert person.roles == ("Foreign Minister",)
    assert (person.country, person.actor, person.sector) == ("FRA", "FRAGOV", "GOV")


def test_titles_demonym_military_minister(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Chinese Minister of National Defense Wei Fenghe met his counterpart in Singapore."
    person = by_name(entities_of(text), "Wei Fenghe")
    assert person.actor == "CHNMIL"
    assert "Minister of National Defense" in person.roles


def test_titles_swallowed_words_are_not_entities(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "US Secretary of State Mike Pompeo urged restraint."
    names = {e.name for e in entities_of(text)}
    assert "State" not in names
    assert {"Mike Pompeo", "United States"} <= names


def test_titles_former_role_is_not_current_government(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Former Defense Minister Paul Granger criticised the plan on Sunday."
    person = by_name(entities_of(text), "Paul Granger")
    assert person.roles == ("former Defense Minister",)
    assert person.actor is None and person.sector is None


def test_titles_apposition_role_and_affiliation(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“The window is closing,” said Dana Whitfield, a professor at the University of "
        "Eastbrook, on Thursday."
    )
    entities = entities_of(text)
    person = by_name(entities, "Dana Whitfield")
    assert person.roles == ("professor",)
    assert person.sector == "EDU"
    university = next(e for e in entities if e.id == person.affiliation)
    assert university.name == "University of Eastbrook"


def test_titles_former_apposition_keeps_affiliation_as_an_elite(entities_of) -> None:  # type: ignore[no-untyped-def]
    # A past officer of a state body is an elite of its country (Phoenix FORMER_* ~ELI); the
    # body keeps its own code.
    text = (
        "Oliver Brandt, former deputy assistant secretary for the US State Department, "
        "told reporters the sanctions would hold."
    )
    entities = entities_of(text)
    person = by_name(entities, "Oliver Brandt")
    assert person.roles == ("former deputy assistant secretary",)
    assert person.actor == "USAELI"
    department = next(e for e in entities if e.id == person.affiliation)
    assert department.actor == "USAGOV"


def test_titles_media_apposition(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On Monday, the Harbor Herald, a newspaper published by the Coastal Writers Union, "
        "said the port would reopen."
    )
    entities = entities_of(text)
    paper = by_name(entities, "Harbor Herald")
    assert paper.kind == "media"
    union = next(e for e in entities if e.id == paper.affiliation)
    assert "Coastal Writers Union" in union.name


def test_mentions_possessive_and_short_forms(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "North Korea’s foreign ministry rejected the offer. Analysts said N. Korea would "
        "wait, while the U.S. kept its sanctions and the US Treasury added more."
    )
    entities = entities_of(text)
    north = by_name(entities, "North Korea")
    assert _mention_texts(north)[:2] == ["North Korea", "N. Korea"]
    usa = by_name(entities, "United States")
    assert "U.S." in _mention_texts(usa)


def test_mentions_the_north_in_korea_article(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Seoul wants to resume talks with North Korea. Officials said the North had not "
        "answered, and the South would wait."
    )
    entities = entities_of(text)
    assert "the North" in _mention_texts(by_name(entities, "North Korea"))
    south = by_name(entities, "South Korea")
    assert {"Seoul", "the South"} <= set(_mention_texts(south))


def test_mentions_the_south_elsewhere_is_not_korea(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The war ended in 1865. Historians say the South had run out of supplies, "
        "and the North had more factories."
    )
    entities = entities_of(text)
    assert all(e.country not in ("PRK", "KOR") for e in entities)
    assert not any("the South" in _mention_texts(e) for e in entities)


def test_mentions_capital_as_government_not_inside_names(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Washington rejected the proposal on Monday, according to the Washington Post. "
        "Beijing said it would respond."
    )
    entities = entities_of(text)
    usa = by_name(entities, "United States")
    assert _mention_texts(usa) == ["Washington"]
    assert by_name(entities, "Washington Post").kind == "media"
    assert "Beijing" in _mention_texts(by_name(entities, "China"))


def test_mentions_capital_as_place(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "The two envoys met in Seoul on Friday to discuss the railway project."
    entities = entities_of(text)
    assert not any(e.kind == "country" and e.country == "KOR" for e in entities)


def test_mentions_capital_before_a_thing_is_a_place(entities_of) -> None:  # type: ignore[no-untyped-def]
    # Before an event noun a capital is where it happened; before a body, the government.
    text = "The Seoul attacks shocked the region, and the Beijing authorities tightened checks."
    entities = entities_of(text)
    assert not any(e.kind == "country" and e.country == "KOR" for e in entities)
    china = [e for e in entities if e.country == "CHN" and e.kind != "location"]
    assert china and "Beijing" in " ".join(_mention_texts(china[0]))


def test_mentions_demonym_group(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Russian troops crossed the border while the Japanese government protested."
    entities = entities_of(text)
    actors = {e.actor for e in entities}
    assert {"RUSMIL", "JPNGOV"} <= actors


def test_mentions_stop_entities_dropped(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Posted on : 2018-11-12 17:37 KST Modified on : 2019-10-19 20:29 KST\n"
        "Trumpian diplomacy and inter-Korean projects were discussed in Seoul."
    )
    names = {e.name.casefold() for e in entities_of(text)}
    assert not any(word in name for name in names for word in ("trumpian", "kst", "inter"))


def test_cluster_type_correction_org_to_person(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Vice President Mike Pence spoke in Tokyo. Pence said the pressure would continue. "
        "Pence also met business leaders."
    )
    entities = entities_of(text)
    pence = by_name(entities, "Mike Pence")
    assert pence.kind == "person"
    assert len(pence.mentions) == 3
    assert not any(e.kind == "organization" and e.name == "Pence" for e in entities)


def test_cluster_kb_dates_codes(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Secretary of State Mike Pompeo said talks would go on."
    in_office = by_name(entities_of(text, published="2018-11-12"), "Mike Pompeo")
    assert in_office.actor == "USAGOV"
    later = by_name(entities_of(text, published="2022-03-01"), "Mike Pompeo")
    assert later.actor != "USAGOV"


def test_cluster_acronym_alias(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "He spoke to the Voice of America (VOA) on Friday. VOA did not publish the full text."
    voa = by_name(entities_of(text), "Voice of America")
    assert voa.actor == "USAMED"
    assert _mention_texts(voa) == ["Voice of America", "VOA", "VOA"]


def test_pronouns_nearest_person(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Donald Trump spoke on Friday. He said his patience was not unlimited. "
        "The market fell. Prices rose. Nobody knew what he meant."
    )
    trump = by_name(entities_of(text), "Donald Trump")
    pronouns = [m.text for m in trump.mentions if m.text.lower() in ("he", "his")]
    # The last "he" is three sentences away: left alone.
    assert pronouns == ["He", "his"]


def test_entities_ids_and_offsets(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Japan and China held talks. Mike Pompeo welcomed them, and Japan thanked China."
    entities = entities_of(text)
    assert [e.id for e in entities] == [f"e{n}" for n in range(1, len(entities) + 1)]
    firsts = [e.mentions[0].start for e in entities]
    assert firsts == sorted(firsts)
    for entity in entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_entities_no_entities(entities_of) -> None:  # type: ignore[no-untyped-def]
    assert entities_of("It rained all day and the river rose slowly.") == ()
    assert entities_of("   \n ") == ()


def test_entities_other_scripts(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "조선 외무성 대변인은 담화를 발표하였다. 中国外交部发言人表示反对。 Kim met 김정은 in 平壤."
    )
    entities = entities_of(text)
    for entity in entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_entities_many_mentions(entities_of) -> None:  # type: ignore[no-untyped-def]
    sentence = "Talks between Japan, China, Russia and France went on again. "
    entities = entities_of(sentence * 300)
    countries = [e for e in entities if e.kind == "country"]
    assert {e.country for e in countries} == {"JPN", "CHN", "RUS", "FRA"}
    assert all(len(e.mentions) >= 250 for e in countries)


def test_mentions_nameless_actors_and_coordination(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Senior Hungarian and Russian officials met on Monday. Japan's new government "
        "protested, and the president of France called for calm."
    )
    actors = {e.actor for e in entities_of(text)}
    assert {"HUNGOV", "RUSGOV", "JPNGOV", "FRAGOV"} <= actors


def test_mentions_social_handles_dropped(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Follow Dana Whitfield on Twitter @DanaWhit for updates from Paris."
    assert not any("@" in m.text for e in entities_of(text) for m in e.mentions)


def test_cluster_state_title_takes_sentence_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "President Arno Veltman on Thursday lifted the curfew imposed in Hungary last year."
    person = by_name(entities_of(text), "Arno Veltman")
    assert person.actor == "HUNGOV"


def test_cluster_untitled_person_takes_no_sentence_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Arno Veltman on Thursday criticised the curfew imposed in Hungary last year."
    person = by_name(entities_of(text), "Arno Veltman")
    assert person.actor is None


def test_titles_country_before_organisation(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "France's Supreme Court on Monday rejected the appeal of the Japanese company."
    court = by_name(entities_of(text), "Supreme Court")
    assert court.actor == "FRAJUD"


def test_cluster_international_body_takes_no_sentence_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "The International Maritime Office in Paris criticised France on Monday."
    names = {e.name: e.actor for e in entities_of(text)}
    assert names.get("International Maritime Office") is None


def test_mentions_demonym_tagged_as_place_or_organisation(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The small model tags these demonyms GPE and ORG; they are still countries' groups.
    army = entities_of("The Sri Lankan army has been holding the villagers for weeks.", real=True)
    assert "LKAMIL" in {e.actor for e in army}
    lawmakers = entities_of("Ukrainian lawmakers on Tuesday endorsed the agreement.", real=True)
    assert "UKRLEG" in {e.actor for e in lawmakers}


def test_cluster_capital_as_place_codes_its_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "The French delegation arrived in Seoul on Monday for talks."
    place = by_name(entities_of(text), "Seoul")
    assert place.kind == "location"
    assert (place.country, place.actor) == ("KOR", "KOR")


def test_titles_person_apposed_to_nameless_actor(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "South Korea welcomed the visit. The French commander in Japan, General Paul "
        "Marchand, met President Lee Jae-won during a visit to Seoul on Monday, South Korea "
        "said."
    )
    entities = entities_of(text)
    assert by_name(entities, "Paul Marchand").actor == "FRAMIL"
    # The president's country is the article's (South Korea, named twice), not Japan.
    assert by_name(entities, "Lee Jae-won").actor == "KORGOV"


def test_cluster_titled_person_not_coded_from_the_venue(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Japan said on Friday that the talks went well. The second round was held in Geneva, "
        "Switzerland between the Japanese delegation and Special Envoy Tom Brill."
    )
    brill = by_name(entities_of(text, real=True), "Tom Brill")
    # Before: CHEGOV, from the venue named after the title.
    assert not (brill.actor or "").startswith("CHE")


@pytest.mark.parametrize(
    ("name", "kept", "start"),
    [
        # The model took the title into the name: the name starts after it.
        ("King Aldric Varnow", "Aldric Varnow", 5),
        ("President Obi Kanu", "Obi Kanu", 10),
        # No title: the name stays whole ("Kingsley" is no title; a lower-case rest is none).
        ("Kingsley Obi", "Kingsley Obi", 0),
        ("Aldric Varnow", "Aldric Varnow", 0),
    ],
)
def test_titles_leading_title_is_cut_from_the_name(name: str, kept: str, start: int) -> None:
    text = f"The envoy met {name} on Monday."
    at = text.index(name)
    cand = Candidate(at, at + len(name), name, "PERSON", "person", 0)
    _drop_leading_title(text, cand, load_lexicon())
    assert (cand.text, cand.start - at) == (kept, start)
