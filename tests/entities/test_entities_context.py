"""Groups a common noun names without saying whose, coded with the article's own country
(parley/entities/context.py). Short texts written for these tests, run with the real
knowledge base."""

from __future__ import annotations

import pytest

from parley.records import Entity


def _codes(entities: tuple[Entity, ...], words: str) -> list[str | None]:
    """The codes of the entities with a mention that ends with ``words``."""
    return [e.actor for e in entities if any(m.text.endswith(words) for m in e.mentions)]


def test_context_plural_agent_takes_the_article_s_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Vietnam opened a new bridge over the Red River on Monday. Workers who built it were "
        "given medals, and Vietnam's prime minister thanked the engineers."
    )
    entities = entities_of(text, real=True)
    assert _codes(entities, "Workers") == ["VNMLAB"]
    assert _codes(entities, "engineers") == ["VNMCVL"]


def test_context_collective_noun_takes_the_article_s_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenya held elections on Tuesday. In Mombasa the police fired tear gas, and Kenya's "
        "electoral board asked for calm."
    )
    assert _codes(entities_of(text, real=True), "police") == ["KENCOP"]


def test_context_needs_a_clear_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    # One mention of each: the article does not say whose the protesters are.
    text = "Protesters gathered as Chile and Peru signed a fishing accord."
    assert _codes(entities_of(text, real=True), "Protesters") == []


def test_context_not_for_someone_else_s_group(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ghana cut taxes on cocoa. Ghana's finance ministry said foreign companies and their "
        "workers would pay less, and refugees would get permits."
    )
    entities = entities_of(text, real=True)
    assert _codes(entities, "companies") == []
    assert _codes(entities, "workers") == []
    assert _codes(entities, "refugees") == []


def test_context_not_for_those_who_comment(entities_of) -> None:  # type: ignore[no-untyped-def]
    # Analysts and experts comment on Ghana's news; the article does not say they are Ghana's.
    text = (
        "Ghana raised fuel prices on Monday. Ghana's energy minister defended the rise, but "
        "some analysts and experts expect protests."
    )
    entities = entities_of(text, real=True)
    assert _codes(entities, "analysts") == []
    assert _codes(entities, "experts") == []


def test_context_not_beside_a_placed_list_member(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "the soldiers" share their list with a group whose own words name Japan: the
    # article's country (Peru, named more often) does not say whose those soldiers are.
    text = (
        "Peru said on Friday that Peru would host a joint exercise. The soldiers and the "
        "police of Japan will fly to Peru in May."
    )
    assert _codes(entities_of(text, real=True), "soldiers") == []


def test_context_not_for_a_named_people(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "Yoruba" names a people the knowledge base cannot code: not Nigeria's leaders.
    text = (
        "Nigeria's president spoke in Lagos. Yoruba leaders said Nigeria must hold the vote "
        "on time."
    )
    assert not any(c == "NGAGOV" for c in _codes(entities_of(text, real=True), "leaders"))


def test_titles_person_takes_the_office_named_before(entities_of) -> None:  # type: ignore[no-untyped-def]
    # Peru is named most, but the ambassador is the one of Chile's named just before, and
    # the president the one of Bolivia.
    text = (
        "Peru hosted talks. Peru and Peru's partners met. The Chilean ambassador to Bolivia "
        "paid a farewell call on the president of Bolivia. Ambassador Rosa Quispe conveyed "
        "greetings to President Tomas Arce."
    )
    entities = entities_of(text, real=True)
    assert _codes(entities, "Rosa Quispe") == ["CHLGOV"]
    assert _codes(entities, "Tomas Arce") == ["BOLGOV"]


def test_titles_age_between_name_and_title_is_skipped(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The age between commas is no title: the apposition after it still is.
    text = (
        "Canada opened a dam on the Peace River. Marc Dufresne, 58, manager of the Boreal "
        "Turbine Works, said the village would have light."
    )
    entities = entities_of(text, real=True)
    manager = [e for e in entities if e.name == "Marc Dufresne"]
    assert manager and manager[0].roles == ("manager",)


def test_titles_general_in_a_civil_title_is_no_rank(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "General" beside another office word is that office, not a military rank.
    text = (
        "Chile and Peru signed a fishing accord. The consul general of Chile in Lima "
        "attended, and the governor-general of New Zealand sent greetings. Later the Chilean "
        "consul general thanked Director General Rosa Quispe of the fisheries agency."
    )
    entities = entities_of(text, real=True)
    assert set(_codes(entities, "consul general of Chile")) == {"CHLGOV"}
    assert set(_codes(entities, "governor-general of New Zealand")) == {"NZLGOV"}
    assert not any((e.actor or "").endswith("MIL") for e in entities)


def test_titles_people_listed_before_of_a_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peru and Peru's neighbours thanked Peru. Peru received a message from President "
        "Tomas Arce and Vice-President Rosa Quispe of the Republic of Ecuador."
    )
    entities = entities_of(text, real=True)
    assert _codes(entities, "Tomas Arce") == ["ECUGOV"]
    assert _codes(entities, "Rosa Quispe") == ["ECUGOV"]


def test_descriptions_title_alone_is_the_office_named_before(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Chilean ambassador to Peru paid a farewell call on the president of Peru. "
        "Ambassador Rosa Quispe conveyed greetings. The president thanked the ambassador."
    )
    entities = entities_of(text, real=True)
    titles = ("president", "ambassador")
    bare = {m.text: e for e in entities for m in e.mentions if m.text in titles}
    assert bare["president"].actor == "PERGOV"
    assert bare["ambassador"].name == "Rosa Quispe" and bare["ambassador"].actor == "CHLGOV"


def test_descriptions_title_alone_with_no_one_named_is_no_one(entities_of) -> None:  # type: ignore[no-untyped-def]
    # Peru is named most, but no president was: "the president" is nobody's by default.
    text = "Peru and Peru's neighbours met in Lima. The president spoke on Monday."
    entities = entities_of(text, real=True)
    assert not any(m.text == "president" for e in entities for m in e.mentions)


def test_cluster_organisation_with_a_sector_takes_the_clear_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenya's president opened a road in Nakuru, Kenya. Students of the Rift Valley "
        "Technical College of Engineering sang."
    )
    assert _codes(entities_of(text, real=True), "Rift Valley Technical College of Engineering") == [
        "KENEDU"
    ]


def test_cluster_organisation_stays_uncoded_when_the_country_is_unclear(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Chile and Peru signed a deal at the Rift Valley Technical College of Engineering."
    assert _codes(entities_of(text, real=True), "Rift Valley Technical College of Engineering") in (
        [None],
        [],
    )


def test_cluster_officer_of_a_body_the_text_codes_acts_for_it(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ivan Petrov, chairman of the Central Committee of the Agrarian Party of Russia, "
        "wrote to Russia's president about Russia's farms."
    )
    assert _codes(entities_of(text, real=True), "Ivan Petrov") == ["RUSPTY"]


def test_cluster_officer_of_a_body_placed_abroad_is_where_the_body_is(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The body is coded from the text alone, not from its own name's country; its chairman
    # acts for it, whichever country the body's coding settles on.
    text = (
        "Attending were Aram Petrosyan, chairman of the Association of Armenians in Peru, and "
        "other guests. He praised the festival."
    )
    entities = entities_of(text, real=True)
    body = _codes(entities, "Association of Armenians")
    assert body and body[0] and body[0].endswith("NGO")
    assert _codes(entities, "Aram Petrosyan") == body


def test_nation_a_country_s_bodies_and_people_are_the_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "the army and people of X": the whole nation, coded as the country, not as its army.
    text = (
        "The envoy praised the army and people of Vietnam. Later the party, army and people "
        "of Vietnam were thanked, and the Korean army and people were greeted."
    )
    entities = entities_of(text, real=True)
    assert _codes(entities, "army and people of Vietnam") == ["VNM"]
    assert _codes(entities, "party, army and people of Vietnam") == ["VNM"]
    assert not any(c and c.endswith("MIL") for c in _codes(entities, "army"))


def test_context_candidate_is_an_elite_of_the_article_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    # A candidate holds no office: an elite, of the country the article clearly is about.
    text = (
        "Presidential candidate Lyle Brannock spoke in Ohio on Monday. Brannock said the "
        "United States should leave the treaty, and that the United States must cut taxes."
    )
    entities = entities_of(text, real=True)
    person = [e for e in entities if e.name == "Lyle Brannock"]
    assert len(person) == 1 and person[0].actor == "USAELI"


def test_context_candidate_takes_no_country_from_one_mention(entities_of) -> None:  # type: ignore[no-untyped-def]
    # One sentence naming Iran once says nothing about whose candidate this is.
    text = "Candidate Lyle Brannock criticized Iran on Monday."
    entities = entities_of(text, real=True)
    person = [e for e in entities if e.name == "Lyle Brannock"]
    assert len(person) == 1 and not (person[0].actor or "").startswith("IRN")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Ruvuma Province of Tanzania has provided cement to the schools.", "Ruvuma Province"),
        (
            "Tanzania held a census in March. Mbinga and Songea counties have provided "
            "steel to the schools of Tanzania.",
            "Mbinga and Songea counties",
        ),
    ],
)
def test_context_local_unit_that_acts_is_its_government(entities_of, text, words) -> None:  # type: ignore[no-untyped-def]
    # A province or county doing something acts through its authorities: the country's GOV.
    entities = entities_of(text, real=True)
    found = [e for e in entities if any(m.text.startswith(words) for m in e.mentions)]
    assert len(found) == 1 and found[0].actor == "TZAGOV", [
        (e.name, e.actor, [m.text for m in e.mentions]) for e in entities
    ]


def test_context_local_unit_as_a_venue_stays_a_place(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Tanzania and Kenya held talks in Ruvuma Province of Tanzania on Monday."
    entities = entities_of(text, real=True)
    assert not any(e.actor == "TZAGOV" for e in entities)


def test_context_lead_subject_s_country_over_the_count(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The story's first subject is Kenya's court; the text names Uganda's leader more often,
    # but the police and the authorities of the story are Kenya's.
    text = (
        "A Kenyan court jailed two reporters on Monday. Uganda's president Museveni and "
        "Museveni's aides had praised the pair in Kampala, and Kenya later deported them. "
        "Police blocked the court gates, and the authorities banned a rally."
    )
    entities = entities_of(text, real=True)
    assert _codes(entities, "Police") == ["KENCOP"]
    assert _codes(entities, "authorities") == ["KENGOV"]


def test_context_lead_speaker_is_not_the_story(entities_of) -> None:  # type: ignore[no-untyped-def]
    # A spokesman's country is the speaker's, not what the story is about: the count decides.
    text = (
        "A spokesman for Peru's foreign ministry criticised Chile on Monday. Chile sent "
        "troops to the border, and Chile closed two crossings, Peru said. The authorities "
        "said the move was temporary."
    )
    assert _codes(entities_of(text, real=True), "authorities") == ["CHLGOV"]


def test_context_lower_house_and_its_repeats(entities_of) -> None:  # type: ignore[no-untyped-def]
    # A body named by a country's possessive and two words ("lower house"), a body named
    # inside it, and the same words again later are all the country's legislature.
    text = (
        "Morocco's lower house of the parliament passed a water law on Monday, citing "
        "droughts in Spain, Spain's farms and Spanish rivers. The lower house also voted "
        "on fishing rights."
    )
    entities = entities_of(text, real=True)
    legislature = [e for e in entities if e.actor == "MARLEG"]
    assert len(legislature) == 1
    said = [m.text for m in legislature[0].mentions]
    assert said == ["Morocco's lower house", "parliament", "lower house"]


def test_context_lead_outlet_is_a_speaker(entities_of) -> None:  # type: ignore[no-untyped-def]
    # An outlet that carries a speech is a speaker, like a spokesman: the count decides, and
    # the story is Peru's, not the paper's country's.
    text = (
        "The Chilean paper El Sur on Monday carried the gist of a speech by Peru's president "
        "in Lima. Chile's readers liked it. Peru's president said in the speech that Peru "
        "will build roads, and that workers will get new homes."
    )
    assert _codes(entities_of(text, real=True), "workers") == ["PERLAB"]


def test_context_examples_do_not_say_whose(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The bodies a group includes are its members, not its owners: the place says whose.
    text = (
        "Farmers organizations in Peru including the Andean Growers League held a rally in "
        "Lima on Monday."
    )
    assert _codes(entities_of(text, real=True), "organizations in Peru") == ["PERNGO"]


def test_context_people_of_a_body_are_not_its_owner(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "staff members of his embassy": the embassy is the ambassador's (his), not the body of
    # the people named before it, whatever country those people were given.
    text = (
        "Books were donated to Peru on Monday. A ceremony was held in Lima. Present there "
        "were the curator of the National Library of Peru, the Chilean ambassador to Peru "
        "and staff members of his embassy."
    )
    assert "PERGOV" not in _codes(entities_of(text, real=True), "embassy")


def test_context_lead_of_two_countries_is_neither_s(entities_of) -> None:  # type: ignore[no-untyped-def]
    # An embassy placed in its host names two countries: the lead says neither is the
    # story's, and the count makes the host's government the one present.
    text = (
        "The Chilean embassy in Lima hosted a reception on Monday. Present there on invitation "
        "were Peru's vice-minister of Defense and personages of the government and political "
        "parties, including the Foreign Ministry of Peru. On hand were the Chilean ambassador "
        "to Peru and his embassy members."
    )
    assert _codes(entities_of(text, real=True), "government") == ["PERGOV"]


@pytest.mark.parametrize(
    "text",
    [
        "Serbian leaders met U.N. envoy Martti Ahtisaari in Vienna on Monday.",
        "Serbian leaders said they would meet U.N. mediator Martti Ahtisaari next week.",
    ],
)
def test_context_title_of_an_international_body_is_the_body_s(entities_of, text: str) -> None:  # type: ignore[no-untyped-def]
    # The knowledge base lists no office of his on this date (an elite of Finland); the
    # title written before his name makes him the U.N.'s, not a Finnish official.
    entities = entities_of(text, published="2006-03-01T12:00:00+00:00", real=True)
    assert _codes(entities, "Martti Ahtisaari") == ["IGOUNO"]


def test_context_title_of_a_country_stays_the_country_s(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Serbian leaders met Finnish envoy Martti Ahtisaari in Vienna on Monday."
    entities = entities_of(text, published="2006-03-01T12:00:00+00:00", real=True)
    assert _codes(entities, "Martti Ahtisaari") == ["FINGOV"]


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # A country's sector named by its adjective is the article's body of that kind.
        (
            "Laos opened new classrooms on Monday. Laos gave desks to the educational sector, "
            "and Laos thanked its teachers.",
            "educational sector",
            "LAOEDU",
        ),
        # Families and schoolchildren are the article's civilians and pupils.
        (
            "Chile marked its day of mourning on Friday. Families laid flowers, and Chile's "
            "schoolchildren sang the anthem as Chile's president watched.",
            "Families",
            "CHLCVL",
        ),
    ],
)
def test_context_agent_words_take_the_article_s_country(entities_of, text, words, code) -> None:  # type: ignore[no-untyped-def]
    assert _codes(entities_of(text, real=True), words) == [code]


def test_context_families_of_a_people_are_its_civilians(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Families of Mongolians who fought in the war laid a wreath in Ulaanbaatar."
    assert _codes(entities_of(text, real=True), "Mongolians") == ["MNGCVL"]


def test_context_persons_are_civilians(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "persons" are people: civilians, as "people" are (no PPL, which CAMEO does not list).
    text = (
        "Nepal opened a new clinic on Sunday. Elderly persons received free care, and "
        "Nepal's health minister visited the clinic."
    )
    assert _codes(entities_of(text, real=True), "persons") == ["NPLCVL"]


def test_cluster_body_of_a_body_the_text_codes_acts_for_it(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The same as for its chairman: the committee names no sector of its own.
    text = (
        "The Moscow City Committee of the Communist Party of the Russian Federation sent a "
        "gift to Peru."
    )
    assert _codes(entities_of(text, real=True), "Moscow City Committee") == ["RUSPTY"]


def test_cluster_ruling_party_of_a_one_party_state_is_its_government(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Officials of Peru received a letter from the Central Committee of the Communist "
        "Party of Vietnam on Monday."
    )
    entities = entities_of(text, real=True)
    assert _codes(entities, "Communist Party of Vietnam") == ["VNMGOV"]
    assert _codes(entities, "Central Committee") == ["VNMGOV"]


def test_groups_military_people_of_a_state_are_its_military(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The supreme military leadership of Peru warned Chile on Monday. Senior military "
        "officials of Chile answered the next day, and police officials of Peru met them."
    )
    entities = entities_of(text, real=True)
    assert _codes(entities, "leadership of Peru") == ["PERMIL"]
    assert _codes(entities, "officials of Chile") == ["CHLMIL"]
    assert _codes(entities, "officials of Peru") == ["PERCOP"]


def test_cluster_officer_of_a_body_coded_through_its_own_body_acts_for_it(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kwon Jong Gun, director general of the Department of Fisheries Affairs of the "
        "Foreign Ministry of the DPRK, issued a statement on Monday."
    )
    entities = entities_of(text, real=True)
    assert _codes(entities, "Kwon Jong Gun") == ["PRKGOV"]


def test_groups_a_country_s_mission_is_its_government(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "The permanent mission of Peru to the UN released a statement on Friday."
    assert _codes(entities_of(text, real=True), "mission of Peru") == ["PERGOV"]


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # A term of two nouns the role table knows as one, plural: its sector, and the
        # country its of-phrase names.
        (
            "The trade unions of Peru called a strike on Monday against the new tax.",
            "unions of Peru",
            "PERLAB",
        ),
        (
            "The service personnel of Laos planted trees along the Mekong on Sunday.",
            "personnel of Laos",
            "LAOMIL",
        ),
        # Not the civilians "persons" alone would be.
        (
            "Service persons of Laos repaired a dam near Vientiane on Friday.",
            "persons of Laos",
            "LAOMIL",
        ),
        # A hyphenated pair: soldiers at work on buildings, not the workers "builders" are.
        (
            "The soldier-builders of Laos finished a hospital in Vientiane on Monday.",
            "builders of Laos",
            "LAOMIL",
        ),
        (
            "The builders of Laos finished a hospital in Vientiane on Monday.",
            "builders of Laos",
            "LAOLAB",
        ),
    ],
)
def test_context_two_noun_terms_name_a_sector(  # type: ignore[no-untyped-def]
    entities_of, text: str, words: str, code: str
) -> None:
    assert _codes(entities_of(text, real=True), words) == [code]


def test_context_two_noun_term_takes_the_article_s_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Bolivia raised fuel prices on Monday. In La Paz the trade unions called a strike, and "
        "Bolivia's president asked for talks."
    )
    assert _codes(entities_of(text, real=True), "trade unions") == ["BOLLAB"]


def test_context_term_inside_a_longer_one_is_not_the_head_s(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "coast guard" is the term; its ships are no "guard ships" group of Peru's.
    text = "Peruvian coast guard ships stopped two trawlers near Callao on Monday."
    assert _codes(entities_of(text, real=True), "coast guard ships") == []


def test_context_labor_innovators_are_the_country_s_workers(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Laos opened a cement plant in Vientiane on Friday. Laos's prime minister awarded "
        "medals to labor innovators."
    )
    assert _codes(entities_of(text, real=True), "labor innovators") == ["LAOLAB"]


def test_context_personages_take_a_named_country_only(entities_of) -> None:  # type: ignore[no-untyped-def]
    # Notables of a named country are its elite; notables "of the world", or with no
    # country, are not the article's country's.
    text = (
        "Mongolia marked its national day. Mongolia's president hosted a dinner. Personages "
        "of Nepal sent greetings, and personages of the world praised the occasion, as did "
        "prominent personages."
    )
    entities = entities_of(text, real=True)
    assert _codes(entities, "Personages of Nepal") == ["NPLELI"]
    assert _codes(entities, "world") == []
    assert _codes(entities, "prominent personages") == []


def test_context_leaders_of_different_countries_are_no_one_s(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chile hosted a summit on fisheries. Chile's foreign minister opened it, and leaders "
        "from different countries signed a pledge."
    )
    assert _codes(entities_of(text, real=True), "leaders") == []


def test_context_lead_subject_behind_a_coordinated_adjective(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The parser makes "Civic" the subject and "elders" its conjunct: the lead is still
    # the elders "of Peru", and "Civic" alone names no one.
    text = (
        "Civic and public elders of Peru held a press conference in Lima. Bolivia's "
        "president sent a message, and Bolivia's minister agreed. Later students "
        "cheered them."
    )
    entities = entities_of(text, real=True)
    assert not any(e.name == "Civic" for e in entities)
    assert _codes(entities, "elders of Peru") == ["PERELI"]
    # Not a state's body: the article's country, not the passage's (Bolivia's).
    assert _codes(entities, "students") == ["PEREDU"]


def test_demonym_before_a_two_word_title_takes_the_title_s_sector(entities_of) -> None:  # type: ignore[no-untyped-def]
    # A "permanent representative" is a state's envoy (GOV), not a lower house's member.
    text = "The Chilean permanent representative to the UN criticised the new fishing quotas."
    assert _codes(entities_of(text, real=True), "permanent representative") == ["CHLGOV"]


def test_org_name_goes_on_over_a_possessive_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "for Ghana's Reunification" is the rest of the body's name, not a body it belongs to.
    text = "The Pan-African Committee for Ghana's Reunification issued a statement on Monday."
    names = [e.name for e in entities_of(text, real=True)]
    assert names == ["Pan-African Committee for Ghana's Reunification"]


def test_body_named_with_a_shared_demonym_is_the_article_s_half(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pyongyang, May 2 (KCNA) -- The Korean Federation for Stamp Collectors held an "
        "exhibition in Pyongyang. Officials of the DPRK Cabinet visited it."
    )
    entities = entities_of(text, real=True)
    body = next(e for e in entities if e.name.startswith("Korean Federation"))
    assert body.country == "PRK"


def test_body_of_a_known_body_named_by_its_prefix(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "The Chongryon Sapporo Branch Committee held a meeting on Sunday."
    entities = entities_of(text, real=True)
    body = next(e for e in entities if e.name.startswith("Chongryon"))
    assert body.actor == "PRKNGO"


def test_quoted_body_name_is_trimmed_of_its_quotation_mark(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = 'The "Grand National Party" of south Korea held a convention in Seoul on Friday.'
    names = [e.name for e in entities_of(text, real=True)]
    assert not any(name.startswith('"') for name in names)


def test_the_group_is_the_body_named_as_a_group(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Kenyan Study Group of Farming Methods met in Nairobi on Monday. The group "
        "issued a statement on seeds."
    )
    entities = entities_of(text, real=True)
    body = next(e for e in entities if e.name.startswith("Kenyan Study Group"))
    assert "group" in [m.text for m in body.mentions]


def test_state_media_s_quoted_government_is_the_south_s(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Pyongyang, May 2 (KCNA) -- Farmers in south Korea urged the "government" to lift '
        "the rice import quotas, the DPRK paper said."
    )
    assert _codes(entities_of(text, real=True), '"government"') == ["KORGOV"]


def test_passage_state_body_takes_the_place_named_before(entities_of) -> None:  # type: ignore[no-untyped-def]
    # One mention of Venezuela: no article country, but the passage says whose they are.
    text = (
        "Farmers in Caracas blocked a highway with tractors. The authorities arrested 12 of them."
    )
    assert _codes(entities_of(text, real=True), "authorities") == ["VENGOV"]


@pytest.mark.parametrize(
    ("sentence", "words", "code"),
    [
        ("The army shelled a rebel camp near the border.", "army", "NPLMIL"),
        ("Troops shelled a rebel camp near the border.", "Troops", "NPLMIL"),
        ("Police detained two of their leaders.", "Police", "NPLCOP"),
        ("The ministry promised to rebuild the bridge.", "ministry", "NPLGOV"),
    ],
)
def test_passage_state_body_takes_its_head_s_sector(  # type: ignore[no-untyped-def]
    entities_of, sentence: str, words: str, code: str
) -> None:
    text = f"Floods swept through Nepal last week. {sentence}"
    assert _codes(entities_of(text, real=True), words) == [code]


def test_passage_two_countries_and_nothing_decides_leave_it_empty(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Ecuador held border talks with Peru. The government then closed two crossings."
    assert _codes(entities_of(text, real=True), "government") == []


def test_passage_country_named_after_the_body_is_not_its_own(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The country after it is the one it acts on.
    text = "Storms hit the coast overnight. The government sent food to Haiti."
    assert _codes(entities_of(text, real=True), "government") == []


def test_passage_no_government_is_no_one(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels held the north of Chad for years. They had no government to pay them."
    assert _codes(entities_of(text, real=True), "government") == []


def test_passage_anti_country_is_not_the_body_s_own(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "The anti-French fighters marched on. The army tried to stop them."
    assert _codes(entities_of(text, real=True), "army") == []


def test_passage_bare_ministry_is_the_ministry_named_before(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peru's Defence Ministry denied the report on Monday. Reporters asked the ministry "
        "to publish the contract."
    )
    assert _codes(entities_of(text, real=True), "ministry") == ["PERMIL"]


def test_passage_owner_s_government_stays_the_owner_s(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Floods swept through Nepal. Bhutan thanked the government of India for its aid."
    assert _codes(entities_of(text, real=True), "government of India") == ["INDGOV"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # The list shares its "of" phrase: the forces are the world's, and so are the others.
        (
            "Ghana hosted a forum in Accra. Ghana's president called upon all the revolutionary "
            "and progressive parties, organizations and independent forces of the world to unite "
            "against poverty.",
            "organizations",
        ),
        # The noun whose "of" phrase the list is says where they come from.
        (
            "Ghana hosted a forum in Accra. Ghana's president welcomed delegates of trade unions "
            "and organizations from 30 countries, and Ghana's minister spoke.",
            "organizations",
        ),
        # The sentence speaks of several nations: the bare plural is no one country's.
        (
            "Ghana raised wages in Accra. Ghana's president said that Britain and many other "
            "countries treat striking workers with contempt.",
            "workers",
        ),
        # Nations in the plural are no one country, whoever owns them.
        (
            "Ghana and Togo opened ties in Accra. Ghana's envoy signed upon authorization of the "
            "governments of their countries, Ghana's ministry said.",
            "governments",
        ),
        (
            "Ghana raised wages in Accra. Ghana's president said the whole world knows that "
            "bankers will never stop the march of the working masses.",
            "masses",
        ),
    ],
)
def test_context_plural_beyond_one_country_stays_uncoded(entities_of, text, words) -> None:  # type: ignore[no-untyped-def]
    assert _codes(entities_of(text, real=True), words) == []


def test_context_plural_of_one_country_keeps_its_code(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ghana opened a new dam near Accra. Engineers who built it thanked Ghana's president, "
        "and Ghana's workers cheered."
    )
    assert _codes(entities_of(text, real=True), "Engineers") == ["GHACVL"]


def test_context_plural_beside_a_clause_of_nations_keeps_its_code(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The nations are whom the president thanks, in a clause beside the workers' own.
    text = (
        "Ghana opened a new dam near Accra. Thanking various foreign countries for their loans, "
        "Ghana's president said he trusts the workers who built it, and Ghana's minister agreed."
    )
    assert _codes(entities_of(text, real=True), "workers") == ["GHALAB"]


def test_context_body_likened_to_a_crowd_stays_uncoded(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ghana opened a new college in Accra. Ghana's president said a huge army of talents "
        "trained there would serve Ghana, and Ghana's minister agreed."
    )
    assert _codes(entities_of(text, real=True), "army") == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Old soldiers met the anti-Japanese guerrillas in the hills of the north.", "guerrillas"),
        ("Farmers saw anti-Chinese rebels cross the river near the border.", "rebels"),
    ],
)
def test_anti_country_group_is_not_that_country_s(entities_of, text: str, words: str) -> None:  # type: ignore[no-untyped-def]
    codes = [e.actor or "" for e in entities_of(text, real=True)]
    assert not any(code[3:] in ("REB", "UAF", "MIL") for code in codes if code)
    assert _codes(entities_of(text, real=True), words) in ([], [None])


def test_country_group_without_anti_keeps_its_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Farmers saw Chinese soldiers cross the river near the border."
    assert _codes(entities_of(text, real=True), "soldiers") == ["CHNMIL"]
