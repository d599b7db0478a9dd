"""Actors coded from their own words: titles and organisations, bodies and their members,
nameless noun phrases, and the language of North Korean state media. Short texts written for
these tests, run with the real knowledge base (Parley's tables over the Phoenix ones)."""

from __future__ import annotations

import pytest

from parley.records import Entity


def _covering(entities: tuple[Entity, ...], words: str) -> Entity:
    """The one entity with a mention that starts with ``words``."""
    found = [e for e in entities if any(m.text.startswith(words) for m in e.mentions)]
    assert len(found) == 1, (words, [(e.name, [m.text for m in e.mentions]) for e in entities])
    return found[0]


def test_titles_body_of_a_country_is_one_actor(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The spokesman of the Ministry of Foreign Affairs of the Democratic People's Republic "
        "of Korea said on Monday that the talks would resume."
    )
    entities = entities_of(text, real=True)
    body = _covering(entities, "spokesman of the Ministry")
    assert body.actor == "PRKGOV"
    assert not any(e.name.endswith(" of") for e in entities)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "Lena Berg, minister of International Relations and Cooperation of Sweden, "
            "arrived on Monday.",
            "International Relations",
            "SWEGOV",
        ),
        (
            "Nils Dahl, minister of External Economic Relations of Sweden, signed the deal.",
            "External Economic Relations",
            "SWEGOV",
        ),
    ],
)
def test_titles_portfolio_cut_from_a_minister_s_title_is_the_government(  # type: ignore[no-untyped-def]
    entities_of, text: str, words: str, expected: str
) -> None:
    """A portfolio named in an officer's title ("minister of Foreign Affairs of X") names
    no body word, but a portfolio of a named country is its government's."""
    assert _covering(entities_of(text, real=True), words).actor == expected


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # A country's own thing after the comma is no office of the name before it.
        (
            "For Marta Silva, Britain's vote to leave the union was a warning, her aides said.",
            "Marta Silva",
            None,
        ),
        # Nor is a paper that reports on the person.
        (
            "The works of Pak Sung Il, the Russian paper Dalny Vestnik said, are read widely.",
            "Pak Sung Il",
            None,
        ),
        # Another name after the comma is the next of a list, no apposition.
        (
            "Voters saw Ann Mabry, Bob Stone and those in Great Britain who ran the campaign "
            "as one movement.",
            "Ann Mabry",
            None,
        ),
        # A demonym describing the person still places them, role word or not.
        ("Li Wei, a Chinese martyr, died in 1940.", "Li Wei", "CHN"),
    ],
)
def test_titles_apposition_places_a_person_only_when_it_describes_them(  # type: ignore[no-untyped-def]
    entities_of, text: str, name: str, country: str | None
) -> None:
    person = _covering(entities_of(text, real=True), name)
    assert (person.actor or "")[:3] == (country or "")


@pytest.mark.parametrize(
    "text",
    [
        "Li Mei, daughter of Li Wei, a Chinese martyr, visited the museum on Monday.",
        "Li Mei, widow of Li Wei, a Chinese martyr, visited the museum on Monday.",
    ],
)
def test_titles_a_relative_in_an_apposition_places_the_person_in_their_country(  # type: ignore[no-untyped-def]
    entities_of, text: str
) -> None:
    # The relative's country, none of their offices.
    assert _covering(entities_of(text, real=True), "Li Mei").actor == "CHN"


def test_organisations_civic_body_of_no_one_country_is_a_transnational_ngo(  # type: ignore[no-untyped-def]
    entities_of,
) -> None:
    text = "The European Society for the Study of Folk Songs held a seminar in Oslo on Monday."
    assert _covering(entities_of(text, real=True), "European Society").actor == "NGO"


def test_titles_officer_of_a_transnational_ngo_is_the_ngo(entities_of) -> None:  # type: ignore[no-untyped-def]
    # An officer of a civic body of no one country, named in apposition, acts for it.
    text = (
        "Rana Ostberg, president of the International Federation of Kite Flyers, arrived in "
        "Oslo on Monday."
    )
    assert _covering(entities_of(text, real=True), "Rana Ostberg").actor == "NGO"


def test_organisations_a_ministry_named_by_its_portfolio_is_the_article_s_country(  # type: ignore[no-untyped-def]
    entities_of,
) -> None:
    text = (
        "The DPRK is building new power lines. The Ministry of Electric Power Industry said "
        "the DPRK would finish them this year."
    )
    assert _covering(entities_of(text, real=True), "Ministry of Electric").actor == "PRKGOV"


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # The head word names the unit, whatever goods its name lists: a factory making
        # daily necessities is no daily paper.
        (
            "Workers of the Pyongyang Daily Necessities Factory met. The factory is in the DPRK. "
            "The DPRK is growing.",
            "Pyongyang Daily Necessities Factory",
            "PRKBUS",
        ),
        (
            "Farmers of the Sunam Cooperative Farm in the DPRK reaped a rich harvest, and the "
            "DPRK praised them.",
            "Sunam Cooperative Farm",
            "PRKAGR",
        ),
    ],
)
def test_organisations_units_of_production_are_business_or_farming(  # type: ignore[no-untyped-def]
    entities_of, text: str, words: str, expected: str
) -> None:
    assert _covering(entities_of(text, real=True), words).actor == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Tomas Berg, president of the Swedish Association for Folk Music, said the "
            "concert was a success.",
            "Tomas Berg",
            "SWENGO",
        ),
        (
            "Lena Holm, general secretary of the Swedish Social Democratic Party, said the "
            "vote was close.",
            "Lena Holm",
            "SWEPTY",
        ),
        # The title before the name carries the party: its country is the party's, not
        # the dateline's.
        (
            "Madrid, May 3 (KCNA) -- General Secretary of the Workers' Party of Portugal "
            "Rui Santos sent a letter to the meeting.",
            "Rui Santos",
            "PRTPTY",
        ),
        (
            "Lyon -- The deal was welcomed by Claire Martin, leader of France's left-wing "
            "Green Future party, on Sunday.",
            "Claire Martin",
            "FRAPTY",
        ),
        # A common noun heads a body the words before it place: the body's sector, and its
        # home's country.
        (
            "Tom Reilly, the president of the Ohio state nurses union, said the members "
            "were angry.",
            "Tom Reilly",
            "USALAB",
        ),
        (
            "Beth Novak, the head of a Texas software company, gave to the campaign.",
            "Beth Novak",
            "USABUS",
        ),
        # A bare title word takes no country from the previous person of a list.
        (
            "Speeches were made by Ali Rahman, former Bangladeshi prime minister, Ana Souza, "
            "vice-president of the Party for Free Motherland of Brazil, and others.",
            "Ana Souza",
            "BRAPTY",
        ),
    ],
)
def test_titles_officer_of_a_civil_body_or_party_is_of_that_body(  # type: ignore[no-untyped-def]
    entities_of, text: str, name: str, expected: str
) -> None:
    # "president" and "general secretary" name a state's officers too; held in a named
    # association or party they are its officers.
    assert _covering(entities_of(text, real=True), name).actor == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            'WASHINGTON - "It is a mistake," said Ann Cole, president of the American Harbor '
            "Fund, on Monday.",
            "Ann Cole",
            "USA",
        ),
        (
            "Pyongyang, May 3 (KCNA) -- A message came from Juan Mora, general secretary of "
            "the Central Committee of the Popular Vanguard of Costa Rica.",
            "Juan Mora",
            "CRI",
        ),
        # A head of state keeps the state's code.
        (
            "Pyongyang, May 3 (KCNA) -- A message came from Juan Mora, president of the State "
            "Council of the Republic of Costa Rica.",
            "Juan Mora",
            "CRIGOV",
        ),
        (
            "Managua -- Daniel Ruiz, the president of Nicaragua, met the delegation.",
            "Daniel Ruiz",
            "NICGOV",
        ),
    ],
)
def test_titles_officer_of_a_body_of_no_sector_is_no_state_s(  # type: ignore[no-untyped-def]
    entities_of, text: str, name: str, expected: str
) -> None:
    # "president" of a body whose words place it but name no sector is that body's officer:
    # the country alone, not its government.
    assert _covering(entities_of(text, real=True), name).actor == expected


def test_titles_people_the_knowledge_base_places_make_the_article_s_country(  # type: ignore[no-untyped-def]
    entities_of,
) -> None:
    # No country is named, but the leaders the knowledge base knows say whose "Korean
    # people" these are.
    text = (
        "Kim Jong Il toured a farm on Monday. Kim Jong Un said the harvest was good. The "
        "Korean people thanked Kim Jong Il."
    )
    assert _covering(entities_of(text, real=True), "Korean").actor == "PRKCVL"


def test_nominal_member_of_a_body_is_the_body(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "The General Staff of the Korean People's Army ordered the roads to be closed."
    army = _covering(entities_of(text, real=True), "General Staff")
    assert army.actor == "PRKMIL"


def test_nominal_spokesman_for_a_ministry(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "A spokesman for the DPRK Foreign Ministry answered a question on Friday."
    assert _covering(entities_of(text, real=True), "spokesman for").actor == "PRKGOV"


def test_nominal_people_from_an_organisation_of_a_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Doctors from a French charity donated medicine to the clinic."
    doctors = _covering(entities_of(text, real=True), "Doctors")
    assert doctors.actor == "FRANGO"
    assert [m.text for m in doctors.mentions] == ["Doctors from a French charity"]


def test_titles_apposition_names_the_person_s_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sergei Viktorovich Lavrov, foreign minister of the Russian Federation, arrived on "
        "Tuesday. North Korea welcomed the visit, and North Korea's leader met him."
    )
    entities = entities_of(text, real=True)
    lavrov = _covering(entities, "Sergei Viktorovich Lavrov")
    assert lavrov.actor == "RUSGOV"
    assert lavrov.kind == "person" and lavrov.name != "foreign minister of the Russian Federation"


def test_titles_leader_of_a_delegation_is_of_its_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The talks were held in Geneva, Switzerland between the Swiss hosts and the Japanese "
        "delegation led by Special Representative for Korea Policy Tom Brill."
    )
    assert _covering(entities_of(text, real=True), "Tom Brill").actor == "JPNGOV"


def test_titles_current_title_over_an_ended_office(entities_of) -> None:  # type: ignore[no-untyped-def]
    # Yeltsin's term ended in 1999; the text calls him president, so the story is of that time.
    text = "Russian President Boris Yeltsin hosted the Japanese prime minister on Saturday."
    entities = entities_of(text, published="2005-06-01T00:00:00+00:00", real=True)
    assert _covering(entities, "Boris Yeltsin").actor == "RUSGOV"


def test_cluster_body_of_an_international_organisation(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Board of Governors of the International Atomic Energy Agency met on Monday to "
        "discuss Iran, and Iran rejected the report."
    )
    board = _covering(entities_of(text, real=True), "Board of Governors")
    assert board.actor == "IGOUNOIAE"


def test_mentions_ministry_named_after_a_possessive(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "South Korea's Ministry of Defense denied the report on Sunday."
    assert _covering(entities_of(text, real=True), "South Korea").actor == "KORMIL"


def test_mentions_state_media_language(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The DPRK said that the puppet group and the puppet army are escalating tension. "
        "The south Korean authorities did not answer, and south Korea stayed silent."
    )
    entities = entities_of(text, real=True)
    assert _covering(entities, "the puppet group").actor == "KORGOV"
    assert _covering(entities, "the puppet army").actor == "KORMIL"
    assert _covering(entities, "south Korean authorities").actor == "KORGOV"
    country = [e for e in entities if any(m.text == "south Korea" for m in e.mentions)]
    assert [e.actor for e in country] == ["KOR"]


def test_mentions_lower_case_direction_before_an_organisation(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The DPRK denounced the drills. The south Korean Ministry of National Defense "
        "claimed the opposite, and the puppet defence ministry repeated it."
    )
    entities = entities_of(text, real=True)
    assert _covering(entities, "south Korean Ministry").actor == "KORMIL"
    assert _covering(entities, "the puppet defence ministry").actor == "KORMIL"


@pytest.mark.parametrize(
    "text",
    [
        # "the puppet group" needs the DPRK named, "the group of traitors" either Korea.
        "The theatre said the puppet group would tour Italy next spring.",
        "The novel tells how the group of traitors fled across the Alps.",
    ],
)
def test_mentions_state_media_words_need_a_korea(entities_of, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.actor == "KORGOV" for e in entities_of(text, real=True))


def test_mentions_state_media_words_for_the_south_with_only_south_korea_named(entities_of) -> None:  # type: ignore[no-untyped-def]
    # A story on the South's own affairs: the DPRK is not named, the United States is more.
    text = (
        "Farmers in south Korea rallied against the group of traitors on Monday, saying the "
        'U.S. and the U.S. envoy dictate to the present "government" and the U.S. trade office.'
    )
    entities = entities_of(text, real=True)
    assert _covering(entities, "the group of traitors").actor == "KORGOV"
    assert _covering(entities, 'the present "government"').actor == "KORGOV"


def test_mentions_ethnic_group_is_not_its_kin_state(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "The Hungarians of southern Slovakia demand autonomy, Hungary's press reported."
    entities = entities_of(text, real=True)
    people = _covering(entities, "Hungarians")
    assert people.actor == "SVKCVL"
    assert [m.text for m in people.mentions] == ["Hungarians of southern Slovakia"]


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # A people's noun after another country's demonym: that country's population.
        (
            "Bosnian Croats walked out of the council in Mostar on Friday.",
            "Bosnian Croats",
            "BIHCVL",
        ),
        (
            "Georgian Armenians asked Tbilisi for schools in their language.",
            "Georgian Armenians",
            "GEOCVL",
        ),
    ],
)
def test_mentions_people_after_another_states_demonym_is_that_states(
    entities_of, text: str, words: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    assert _covering(entities_of(text, real=True), words).actor == code


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # A stateless people or a faith after a country's demonym: that country's people.
        ("Syrian Kurds marched on Friday for their rights.", "Syrian Kurds", "SYRCVL"),
        ("Lebanese Shiites gathered after the vote on Sunday.", "Lebanese Shiites", "LBNCVL"),
    ],
)
def test_mentions_stateless_people_after_a_demonym_is_that_states(
    entities_of, text: str, words: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    entities = entities_of(text, real=True)
    assert _covering(entities, words).actor == code
    # The demonym is part of the group, not a mention of the country of its own.
    assert not any(e.actor == code[:3] for e in entities)


def test_mentions_civic_nation_after_a_demonym_keeps_its_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "Cypriots" names the nation, "Greek" only the origin.
    entities = entities_of("Greek Cypriots voted on the plan in Nicosia on Saturday.", real=True)
    assert not any(e.actor == "GRCCVL" for e in entities)


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # A demonym two halves of a divided country share names a people of neither half
        # when it lives in a third country.
        ("North Korea's premier met a group of Koreans in Japan on Monday.", "Koreans", "JPNCVL"),
        ("The Koreans in Uzbekistan held a meeting, the DPRK's agency said.", "Koreans", "UZBCVL"),
    ],
)
def test_mentions_shared_demonym_people_abroad_are_of_their_country(  # type: ignore[no-untyped-def]
    entities_of, text: str, name: str, code: str
) -> None:
    assert _covering(entities_of(text, real=True), name).actor == code


def test_mentions_demonym_before_peninsula_is_a_place(entities_of) -> None:  # type: ignore[no-untyped-def]
    # Written in lower case, "peninsula" is left out of the model's name: "Korean" alone
    # would be a people, and threats "on the Korean peninsula" aimed at it.
    text = "The DPRK said the U.S. drills threaten peace on the Korean peninsula."
    place = _covering(entities_of(text, real=True), "Korean")
    assert (place.kind, place.actor) == ("location", None)
    assert [m.text for m in place.mentions] == ["Korean peninsula"]


def test_pronouns_go_to_the_subject_not_the_nearest_name(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Aung San Suu Kyi met Joe Biden in Washington. She will visit Capitol Hill on Friday."
    entities = entities_of(text, real=True)
    assert [m.text for m in _covering(entities, "Aung San Suu Kyi").mentions][-1] == "She"
    assert all(m.text != "She" for m in _covering(entities, "Joe Biden").mentions)


def test_pronouns_left_alone_when_two_people_could_be_meant(entities_of) -> None:  # type: ignore[no-untyped-def]
    # Given names that say no gender (with "Ann" and "Joe" the names decide: she is Ann's).
    text = "The talks between Dana Arlo and Robin Vale ended. She left Washington on Friday."
    entities = entities_of(text, real=True)
    assert not any(m.text == "She" for e in entities for m in e.mentions)


def test_nominal_two_people_with_one_code_stay_two(entities_of) -> None:  # type: ignore[no-untyped-def]
    # Neither holds an office in the knowledge base on this date: both are coded PRK alone.
    text = (
        "Accompanying him were Kim Jong Un, vice-chairman of the commission, Jang Song "
        "Thaek, alternate member of the bureau, Choe Ryong Hae and Kim Phyong Hae, alternate "
        "members of the bureau."
    )
    entities = entities_of(text, published="2011-12-04T00:00:00+09:00", real=True)
    for name in ("Kim Jong Un", "Choe Ryong Hae"):
        holder = [e for e in entities if any(m.text == name for m in e.mentions)]
        assert len(holder) == 1 and holder[0].name == name, name


def test_nominal_people_against_a_country_are_not_its_own(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Members of the Anti-War Forum of Germany met in Berlin. Thousands of people against "
        "the U.S. imperialists marched."
    )
    entities = entities_of(text, real=True)
    assert not any(e.actor == "USAPPL" or e.actor == "USACVL" for e in entities)
    assert not any((e.actor or "").startswith("DEUGOV") for e in entities)


def test_mentions_civic_body_named_after_its_country_is_an_ngo(entities_of) -> None:  # type: ignore[no-untyped-def]
    # Friendship societies and civic alliances: the country's NGO, not the bare country, and
    # the first of two hyphened countries is the body's own.
    text = (
        "The Norway-Malta Friendship Association issued a statement on Monday. The "
        "Portuguese Society for Peace and Friendship sent a letter to the mayor."
    )
    entities = entities_of(text, real=True)
    assert _covering(entities, "Norway-Malta Friendship").actor == "NORNGO"
    assert _covering(entities, "Portuguese Society").actor == "PRTNGO"


def test_mentions_all_before_a_country_names_that_country_s_body(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "All-" before a hyphen is no country, the country after it is; an officer named in
    # apposition takes the body's code.
    text = (
        "Lin Hua, vice-chairwoman of the All-China Youth League, arrived in Hanoi on "
        "Tuesday. The All-India Farmers' Union sent a letter to the mayor."
    )
    entities = entities_of(text, real=True)
    assert _covering(entities, "All-China Youth").actor == "CHNNGO"
    assert _covering(entities, "Lin Hua").actor == "CHNNGO"
    assert (_covering(entities, "All-India").actor or "")[:3] == "IND"


def test_mentions_a_demonym_of_no_one_country_starts_a_bodys_name(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "Korean" names no one country; the model tags it alone and leaves the body out.
    text = "The Korean Anti-Nuke Peace Committee issued a report on the harbour on Friday."
    entities = entities_of(text, real=True)
    body = _covering(entities, "Korean")
    assert body.name == "Korean Anti-Nuke Peace Committee"
    assert body.kind == "organization"


def test_pronouns_a_linked_he_carries_its_person_to_the_next_sentence(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The second "He" has no name in reach, only the first "He": it is the same man.
    text = (
        "Ri Chol Man spoke at the meeting in Hamhung on Monday. He criticized the officials "
        "of the port for the delays. He urged the dockers to finish the new pier by May."
    )
    entities = entities_of(text, real=True)
    ri = _covering(entities, "Ri Chol Man")
    assert [m.text for m in ri.mentions].count("He") == 2


@pytest.mark.parametrize(
    ("between", "linked"),
    [
        # A sentence about no one a "he" could be: the one person the one before was about.
        ("The guard of honour lined up at the gate.", True),
        # A word for a person there ("the chairman") may be whom "he" is: left alone.
        ("The guard of honour saluted the chairman at the gate.", False),
        # Quoted words may be about anyone: a reader does not reach past them.
        ('"The guard of honour lined up at the gate," a veteran recalled.', False),
    ],
)
def test_pronouns_past_a_sentence_about_no_one(entities_of, between: str, linked: bool) -> None:  # type: ignore[no-untyped-def]
    text = (
        f"Pak Chol Su visited the new cemetery in Hamhung on Monday.\n\n{between}\n\n"
        "Recollecting the war, he laid a flower before the monument."
    )
    entities = entities_of(text, real=True)
    assert ("he" in [m.text for m in _covering(entities, "Pak Chol Su").mentions]) is linked


@pytest.mark.parametrize(
    "text",
    [
        "Rodong Sinmun on Monday carried an article praising Pak Chol Su. He built the first "
        "slipway of the Hamhung dockyard in 1958.",
        "Pak Chol Su devoted his whole life to the dockyard of Hamhung, Rodong Sinmun says in "
        "an article on Monday. It goes on: He built the first slipway in 1958.",
    ],
)
def test_pronouns_a_newspaper_read_as_a_name_is_no_one_s_he(entities_of, text: str) -> None:  # type: ignore[no-untyped-def]
    # The model reads the paper's name as a person's; the knowledge base knows an outlet.
    entities = entities_of(text, real=True)
    assert "He" in [m.text for m in _covering(entities, "Pak Chol Su").mentions]
    assert [m.text for m in _covering(entities, "Rodong Sinmun").mentions] == ["Rodong Sinmun"]


@pytest.mark.parametrize("title", ["the president", "the President"])
def test_titles_a_bare_title_is_the_one_named_under_it(entities_of, title: str) -> None:  # type: ignore[no-untyped-def]
    # State media capitalise the office of the one they name ("the President" is the person
    # named "President ..." before), as news copy writes it in lower case.
    text = (
        "President Juan Ortega opened the new dam on Monday.\n\n"
        f"At that time, {title} praised the builders of the dam."
    )
    entities = entities_of(text, real=True)
    word = title.split()[1]
    assert word in [m.text for m in _covering(entities, "Juan Ortega").mentions]


def test_pronouns_a_title_s_he_is_the_titled_person(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "The president" (Juan Ortega) is the subject before; "he" is him, not Petar Dukov whose
    # name is nearer, inside the participle.
    text = (
        "Ambassador Ivo Markov conveyed the greetings from President Petar Dukov to President "
        "Juan Ortega of Peru. The president expressed thanks for them and asked the ambassador "
        "to convey his greetings to Petar Dukov. Saying that Peru admired the leadership of "
        "Petar Dukov, he expressed his will to develop the relations."
    )
    entities = entities_of(text, real=True)
    ortega = [m.text for m in _covering(entities, "Juan Ortega").mentions]
    assert "he" in ortega
    assert "he" not in [m.text for m in _covering(entities, "Petar Dukov").mentions]


def test_pronouns_one_person_s_own_pronouns_do_not_push_her_out_of_reach(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "her" and "she" are Mira Olsen's, not two more people: she is still in reach, as the
    # main subject, when the names of the next sentence come.
    text = (
        "Mira Olsen said in her address that she was glad to open the museum named after "
        "Rasmus Lund. She said that thanks to the ties between Arvid Berg, prime minister of "
        "Norway, and Lars Holm, the trade had grown. She expressed hope for more visits."
    )
    entities = entities_of(text, real=True)
    assert [m.text for m in _covering(entities, "Mira Olsen").mentions].count("She") == 2
    for name in ("Arvid Berg", "Lars Holm", "Rasmus Lund"):
        assert "She" not in [m.text for m in _covering(entities, name).mentions], name


def test_pronouns_in_a_relative_clause_are_its_head_s(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "his" is in the clause about Peter Hall, whoever the sentence before was about.
    text = (
        "Senator Oskar Brandt won the vote in Ohio. He came well ahead of Peter Hall, who "
        "lost his home state again."
    )
    entities = entities_of(text, real=True)
    assert "his" in [m.text for m in _covering(entities, "Peter Hall").mentions]
    assert "his" not in [m.text for m in _covering(entities, "Oskar Brandt").mentions]


def test_pronouns_an_object_is_not_its_own_clause_s_subject(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "him" is the object of a clause whose doer is Dario Ferri: the other man named there.
    text = (
        "Lukas Moser praised the mayor. Last year Dario Ferri kept calling Piet Ruud his "
        "mentor and visiting him in Bern."
    )
    entities = entities_of(text, real=True)
    assert "him" in [m.text for m in _covering(entities, "Piet Ruud").mentions]
    for name in ("Dario Ferri", "Lukas Moser"):
        assert "him" not in [m.text for m in _covering(entities, name).mentions], name


def test_pronouns_a_speaker_is_none_of_the_names_it_reports(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rolf Dekker spoke to reporters in Utrecht on Monday. Jan Visser will lose the "
        "vote, he said."
    )
    entities = entities_of(text, real=True)
    assert "he" in [m.text for m in _covering(entities, "Rolf Dekker").mentions]
    assert "he" not in [m.text for m in _covering(entities, "Jan Visser").mentions]


def test_pronouns_outside_quotation_marks_are_no_one_named_inside_them(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The speaker mentions Arne Holm; the narrative's "he" is the speaker (named before,
    # or, as here, not at all), never a person only his quoted words name.
    text = (
        "The visiting skater spoke to reporters on Monday.\n\n"
        '"Everyone here was saddened by the death of Arne Holm. We honour his memory," he '
        'said.\n\n"Though I am hurt, I came," he added.'
    )
    mentions = _covering(entities_of(text, real=True), "Arne Holm").mentions
    assert [m.text for m in mentions] == ["Arne Holm", "his"]


def test_pronouns_a_name_in_a_quoted_title_still_counts(entities_of) -> None:  # type: ignore[no-untyped-def]
    # A title in marks names its person as the narrative does.
    text = (
        'A seminar on the theme of "Olav Berg\'s legacy and the northern school" was held '
        "in Oslo on his birthday."
    )
    assert "his" in [m.text for m in _covering(entities_of(text, real=True), "Olav Berg").mentions]


def test_pronouns_the_previous_main_subject_not_a_subject_it_reports(entities_of) -> None:  # type: ignore[no-untyped-def]
    # Pak Song Ho is the subject of the reported clause only: "He" is the speaker.
    text = (
        "Ri Chol Man said that Pak Song Ho had sent new tractors to the farmers. He thanked "
        "the farmers for their hard work."
    )
    entities = entities_of(text, real=True)
    assert "He" in [m.text for m in _covering(entities, "Ri Chol Man").mentions]
    assert "He" not in [m.text for m in _covering(entities, "Pak Song Ho").mentions]


@pytest.mark.parametrize(
    ("text", "name", "word"),
    [
        (
            "North Korea fired a missile into the sea on Monday. The country also warned "
            "Japan against joining the drills.",
            "North Korea",
            "country",
        ),
        (
            "The Council for Peace in south Korea issued a press release on Monday. The "
            "organization accused the Japanese government of lying about the labourers.",
            "Council for Peace",
            "organization",
        ),
    ],
)
def test_descriptions_a_kind_noun_is_the_entity_the_text_was_about(  # type: ignore[no-untyped-def]
    entities_of, text: str, name: str, word: str
) -> None:
    entity = _covering(entities_of(text, real=True), name)
    assert word in [m.text for m in entity.mentions]


def test_descriptions_a_kind_noun_repeating_an_unnamed_subject_is_no_one(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "The Brand regime" names no coded government: "the regime" is not Iran's in reach.
    text = (
        "The Brand regime staged drills with the Iranian government. The regime also "
        "threatened Japan."
    )
    entities = entities_of(text, real=True)
    assert all(m.text != "regime" for e in entities for m in e.mentions)


@pytest.mark.parametrize("noun", ["reactionaries", "militarists", "imperialists"])
def test_mentions_state_media_pejorative_is_the_country(entities_of, noun) -> None:  # type: ignore[no-untyped-def]
    # State-media usage: "the Mexican reactionaries" are Mexico, not a radical fringe (RAD).
    text = f"The Mexican {noun} kicked up a fuss over the border talks with Peru on Monday."
    entities = entities_of(text, real=True)
    assert _covering(entities, f"Mexican {noun}").actor == "MEX"


def test_mentions_known_korean_name_keeps_its_last_syllable(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The model may stop the name at "Choe Son" and read "Hui" as a people's name.
    text = "Foreign Minister Choe Son Hui met the envoy of Peru on Monday."
    entities = entities_of(text, published="2024-10-20T00:00:00+09:00", real=True)
    holder = [e for e in entities if any(m.text == "Choe Son Hui" for m in e.mentions)]
    assert len(holder) == 1 and holder[0].actor == "PRKGOV"
    assert not any(m.text == "Hui" for e in entities for m in e.mentions)


def test_mentions_outlet_named_after_its_noun(entities_of) -> None:  # type: ignore[no-untyped-def]
    # Invented outlets: the model knows neither name.
    text = (
        "The Peruvian paper Voz Andina carried an article on the talks. The Chilean weekly "
        "Marea Sur praised the deal."
    )
    entities = entities_of(text, real=True)
    outlets = {e.name: (e.kind, e.actor) for e in entities if e.kind == "media"}
    assert outlets == {"Voz Andina": ("media", "PERMED"), "Marea Sur": ("media", "CHLMED")}


def test_mentions_a_name_the_model_cut_before_its_body_word_is_whole(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The model reads "Down" as a person and "Socialist Workers'" as a name of its own: the
    # name runs on over the hyphened pieces, or into the model's next piece, to the body.
    text = (
        "Historians praised the founders of the Down-with-Tyranny League on Tuesday. The "
        "chairman of the Socialist Workers' Party of Slovakia sent a letter."
    )
    entities = entities_of(text, real=True)
    league = _covering(entities, "Down")
    assert league.name == "Down-with-Tyranny League"
    assert league.kind == "organization"
    assert _covering(entities, "Socialist Workers").actor == "SVKPTY"


def test_mentions_a_body_of_the_party_keeps_its_own_sector(entities_of) -> None:  # type: ignore[no-untyped-def]
    # A name ending in "of the" is a body followed by what it belongs to, not one name.
    text = "He toured the Central Teachers Training College of the WPK on Friday."
    entities = entities_of(text, real=True)
    assert _covering(entities, "Central Teachers").actor == "PRKEDU"
    assert _covering(entities, "WPK").actor == "PRKGOV"


def test_mentions_a_body_the_model_took_for_an_event_is_a_body(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The model tags the friendship association EVENT; its last word names a body.
    text = (
        "The Institute of Linguistics of Vietnam and the Vietnam-DPRK Friendship Association "
        "sent floral baskets to the embassy."
    )
    entities = entities_of(text, real=True)
    assert _covering(entities, "Vietnam-DPRK Friendship").actor == "VNMNGO"


def test_pronouns_an_object_of_a_message_sent_is_its_addressee(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The message congratulates "him": the one it was sent to, not its sender (the subject).
    text = "Oskar Brandt sent a congratulatory message to Piet Ruud congratulating him today."
    entities = entities_of(text, real=True)
    assert "him" in [m.text for m in _covering(entities, "Piet Ruud").mentions]
    assert "him" not in [m.text for m in _covering(entities, "Oskar Brandt").mentions]


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        (
            "The premier sent a message to Pieter de Groot upon his appointment as foreign "
            "minister of the Netherlands.",
            "Pieter de Groot",
            "NLDGOV",
        ),
        (
            "A message went to Tomas Brezan on being re-elected president of Slovakia.",
            "Tomas Brezan",
            "SVKGOV",
        ),
        (
            "He thanked Lina Karvonen, who was elected prime minister of Finland.",
            "Lina Karvonen",
            "FINGOV",
        ),
    ],
)
def test_titles_office_a_sentence_gives_a_person_codes_them(entities_of, text, name, code) -> None:  # type: ignore[no-untyped-def]
    # "X upon her appointment as ROLE of COUNTRY" reads as "X, ROLE of COUNTRY".
    entities = entities_of(text, real=True)
    assert _covering(entities, name).actor == code


def test_bodies_a_body_named_after_a_known_acronym_is_that_bodys(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The article names the US most; "KPA" before "General Staff" says whose staff it is.
    text = (
        "US warships sailed near the coast again. The spokesman of the KPA General Staff "
        "told the US to stop the drills, and the UN Charter was cited."
    )
    entities = entities_of(text, real=True)
    assert _covering(entities, "spokesman of the KPA").actor == "PRKMIL"


def test_titles_office_after_a_giver_is_not_the_givers(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "his" is the receiver's: the office after "from X" is not X's.
    text = (
        "The leader received a floral basket from Jan Kowalski upon his election as president "
        "of Poland."
    )
    entities = entities_of(text, real=True)
    assert _covering(entities, "Jan Kowalski").actor != "POLGOV"


def test_titles_office_in_a_nameless_body_is_not_the_state_s(entities_of) -> None:  # type: ignore[no-untyped-def]
    """The title of a body a common noun names ("president of the company") is of that
    body's sector, not the state's of the country the article names most."""
    text = (
        "Workers of the Taedonggang Tile Factory in the DPRK met in Pyongyang. Ryang Chol Gun, "
        "president of the company, thanked the DPRK Cabinet for its care."
    )
    ryang = _covering(entities_of(text, real=True), "Ryang Chol Gun")
    assert ryang.sector == "BUS" and ryang.actor != "PRKGOV"


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        (
            "The Bulgarian State Folk Dance Company is touring the DPRK. Ivan Dobrev, head of "
            "the dance company, told KCNA that the DPRK was beautiful.",
            "Ivan Dobrev",
            "BGRBUS",
        ),
        (
            "A Chinese government delegation arrived in Pyongyang. Liu Fang, head of the "
            "delegation, praised the DPRK.",
            "Liu Fang",
            "CHNGOV",
        ),
    ],
)
def test_descriptions_officer_of_a_body_named_before(  # type: ignore[no-untyped-def]
    entities_of, text: str, name: str, code: str
) -> None:
    """ "Head of the dance company": the body the article named before, whose name ends with
    that noun; its code, not the country the article names most."""
    assert _covering(entities_of(text, real=True), name).actor == code


def test_titles_office_in_an_association_abroad_is_not_the_state_s(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A Chinese delegation arrived in Pyongyang. Liu Fang, president of the association, "
        "praised the DPRK and the DPRK government."
    )
    assert _covering(entities_of(text, real=True), "Liu Fang").actor in (None, "CHNNGO")


def test_titles_staff_of_a_candidate_keep_their_own_sector(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Senator Maria Costa of Nevada met voters in Reno. Costa campaign manager Paul Lind "
        "said the senator would win."
    )
    assert _covering(entities_of(text, real=True), "Paul Lind").actor == "USAELI"


def test_titles_second_title_names_the_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    """ "X, president of the Council of State and president of the Council of Ministers of
    Cuba": the second title gives the country the first does not."""
    text = (
        "Kim Jong Un received a message from Ramon Ortega Diaz, president of the Council of "
        "State and president of the Council of Ministers of Cuba, on Monday."
    )
    assert _covering(entities_of(text, real=True), "Ramon Ortega Diaz").actor == "CUBGOV"


def test_outlet_of_no_known_country_is_not_the_article_s(entities_of) -> None:  # type: ignore[no-untyped-def]
    # An invented outlet cited by a story about the DPRK is media of no known country, not
    # North Korean media; a known one keeps its own country.
    text = (
        "The DPRK marked the day with a mass rally in Pyongyang. The DPRK Premier spoke. "
        "The newspaper Morning Lantern carried an article praising the DPRK. Granma also "
        "carried an article on the DPRK."
    )
    entities = entities_of(text, published="2012-02-20T00:00:00+09:00", real=True)
    lantern = _covering(entities, "Morning Lantern")
    assert lantern.kind == "media" and lantern.actor is None and lantern.sector == "MED"
    assert _covering(entities, "Granma").actor == "CUBMED"


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # A platform the model may read as a person's name ("Twitter said") is a medium:
        # no "he" stands for it and no person's title codes it.
        (
            "The mayor wrote on Twitter that the bridge would reopen. Twitter said the post "
            "broke no rule.",
            "Twitter",
            "USAMED",
        ),
        (
            "The candidate thanked her supporters on Facebook after the count in Ohio.",
            "Facebook",
            "USAMED",
        ),
        (
            "Seoul, March 4 -- YTN reported that the ruling camp had delayed the vote.",
            "YTN",
            "KORMED",
        ),
        (
            "The Trinidad Guardian carried an article praising the farmers of the country.",
            "Trinidad Guardian",
            "TTOMED",
        ),
    ],
)
def test_platform_or_outlet_named_bare_is_media(  # type: ignore[no-untyped-def]
    entities_of, text: str, name: str, code: str
) -> None:
    entities = entities_of(text, real=True)
    outlet = _covering(entities, name)
    assert (outlet.kind, outlet.actor) == ("media", code)
    assert not any(e.kind == "person" and name in e.name for e in entities)


def test_outlet_short_name_joins_the_article_s_outlet(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Washington Post reported on Monday that the governor would resign. An aide "
        "told the Post that the letter was ready."
    )
    entities = entities_of(text, real=True)
    outlets = [e for e in entities if any(m.text == "Post" for m in e.mentions)]
    assert len(outlets) == 1 and outlets[0].actor == "USAMED"
    assert {m.text for m in outlets[0].mentions} >= {"Washington Post", "Post"}


def test_outlet_short_name_of_two_outlets_stays_apart(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The New York Times and the Los Angeles Times reported the vote. The Times quoted "
        "two aides."
    )
    entities = entities_of(text, real=True)
    times = _covering(entities, "Times")
    assert not any(m.text.endswith("York Times") for m in times.mentions)


def test_two_outlets_of_one_code_stay_two(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pyongyang, May 3 (KCNA) -- Rodong Sinmun today carries an article on the harvest. "
        "Minju Joson - An article calls for more effort in farming."
    )
    entities = entities_of(text, published="2024-05-03T00:00:00+09:00", real=True)
    outlets = [e for e in entities if e.kind == "media"]
    assert len(outlets) == 3
    assert {e.actor for e in outlets} == {"PRKMED"}


_DPRK_STORY = (
    "The DPRK held a festival in Pyongyang on Sunday. The DPRK Premier and DPRK officials "
    "attended it. "
)


@pytest.mark.parametrize(
    ("sentence", "firm", "code"),
    [
        # A country set after the name with a comma, as KCNA places foreign firms.
        (
            "Franz Meier, manager of the Alpen Trade Co. Ltd., Austria, said the festival "
            "was splendid.",
            "Alpen Trade",
            "AUTBUS",
        ),
        # A town the place dictionaries list, and the country after it.
        ("The Chengda Co. Ltd. in Dandong of China sent a floral basket.", "Chengda", "CHNBUS"),
        (
            "The manager of the Beacon Production Company in Wuhan City praised it.",
            "Beacon",
            "CHNBUS",
        ),
        # A firm named after its home town.
        ("The Jilin Provincial Beacon Company sent a floral basket.", "Jilin", "CHNBUS"),
        # A country named first in the list the firm is in: not a North Korean firm.
        (
            "Gifts came from the embassy of Myanmar, Myanmar's ministers and the Golden Lotus "
            "Co. Ltd. on Monday.",
            "Golden Lotus",
            None,
        ),
        # Nothing says otherwise: the firm is of the country the story is about.
        ("The Haeryong Construction Company built the stands.", "Haeryong", "PRKBUS"),
    ],
)
def test_firm_in_a_story_about_another_country(entities_of, sentence, firm, code) -> None:  # type: ignore[no-untyped-def]
    entities = entities_of(_DPRK_STORY + sentence, published="2012-04-20T00:00:00+09:00", real=True)
    assert _covering(entities, firm).actor == code


def test_firm_before_a_list_of_countries_is_not_placed_by_it(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = _DPRK_STORY + "Sanctions by the Northern Star Bank, Japan and south Korea failed."
    entities = entities_of(text, published="2012-04-20T00:00:00+09:00", real=True)
    assert _covering(entities, "Northern Star").country != "JPN"


def test_firm_in_a_town_another_state_names_is_not_placed_by_the_town(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "Alexandria, Va." is no Egyptian town.
    text = (
        "The senator's ads were bought by Harbor Media Group in Alexandria, Va., a firm "
        "that works for Republicans in the United States."
    )
    entities = entities_of(text, published="2016-05-01T00:00:00+00:00", real=True)
    assert _covering(entities, "Harbor Media").country != "EGY"


def test_firm_abroad_after_a_foreign_country_in_a_later_clause_keeps_the_story_s(  # type: ignore[no-untyped-def]
    entities_of,
) -> None:
    # A country named after the firm is where it acts, not whose it is.
    text = (
        "The United States Senate debated trade on Monday. American workers protested in "
        "Ohio. The senator criticized the Acme Motor Company for opening a new factory in "
        "Mexico."
    )
    entities = entities_of(text, published="2016-05-01T00:00:00+00:00", real=True)
    assert _covering(entities, "Acme Motor").actor == "USABUS"


def test_body_of_a_people_abroad_is_not_the_host_country_s(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = _DPRK_STORY + (
        "Kim Chol Su, chairman of the Association of Korean Nationals in Harbin City of "
        "China, laid a floral basket."
    )
    entities = entities_of(text, published="2012-04-20T00:00:00+09:00", real=True)
    assert _covering(entities, "Association of Korean").country != "CHN"


def test_general_manager_of_a_firm_is_business_not_military(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = _DPRK_STORY + (
        "Wang Lifeng, general manager of the Harbin Silver River Trading Co. Ltd. of China, "
        "laid a floral basket."
    )
    entities = entities_of(text, published="2012-04-20T00:00:00+09:00", real=True)
    assert _covering(entities, "Wang Lifeng").actor == "CHNBUS"


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        (
            "The DPRK condemned the drills. The U.S. chief executive praised them.",
            "U.S. chief",
            "USAGOV",
        ),
        (
            "The DPRK condemned the drills. The south Korean chief executive praised them.",
            "south Korean chief",
            "KORGOV",
        ),
    ],
)
def test_a_country_s_chief_executive_is_its_government(entities_of, text, words, code) -> None:  # type: ignore[no-untyped-def]
    entities = entities_of(text, published="2012-03-20T00:00:00+09:00", real=True)
    assert _covering(entities, words).actor == code


def test_a_firm_s_chief_executive_is_not_a_government(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "The Microsoft chief executive, Satya Nadella, spoke in Washington on Monday."
    entities = entities_of(text, published="2016-05-01T00:00:00+00:00", real=True)
    assert not any(e.actor and e.actor.endswith("GOV") for e in entities if "Nadella" in e.name)


def test_titled_person_takes_the_country_the_article_s_actors_belong_to(entities_of) -> None:  # type: ignore[no-untyped-def]
    # A US story that names Mexico more often than the United States: its senator is still
    # American, as its many American actors say.
    text = (
        "Donald Trump said Mexico would pay for the wall. Hillary Clinton said Mexico is a "
        "friend, and Barack Obama agreed with Hillary Clinton. Donald Trump attacked a judge "
        "of Mexican heritage, and Mexico protested. Barack Obama, Hillary Clinton and Bernie "
        "Sanders met at the White House, and Bernie Sanders spoke. Senator Tom Harwell said "
        "he would not vote for Donald Trump."
    )
    entities = entities_of(text, published="2016-06-09T00:00:00+00:00", real=True)
    assert _covering(entities, "Tom Harwell").actor == "USALEG"


def test_titled_person_in_a_story_of_two_near_equal_countries_takes_the_one_named_most(  # type: ignore[no-untyped-def]
    entities_of,
) -> None:
    # KCNA on a Chinese delegation: the DPRK's actors barely outnumber China's, so the
    # country named most still decides an untitled-by-country general's.
    text = (
        "A delegation of China led by Wang Bing arrived in Pyongyang. China and the DPRK "
        "are friends, China said. Kim Jong Il met the Chinese delegation. China thanked the "
        "DPRK. Gen. Zhao Minglu of the delegation spoke."
    )
    entities = entities_of(text, published="2011-10-20T00:00:00+09:00", real=True)
    assert _covering(entities, "Zhao Minglu").country == "CHN"


@pytest.mark.parametrize("title", ["Attorney General", "Inspector General", "Surgeon General"])
def test_an_office_named_general_is_no_military_rank(entities_of, title) -> None:  # type: ignore[no-untyped-def]
    text = (
        f"Barack Obama spoke at the White House. {title} Dana Whitfield said the United "
        "States and Barack Obama agreed, and Hillary Clinton thanked Barack Obama."
    )
    entities = entities_of(text, published="2016-04-15T00:00:00+00:00", real=True)
    whitfield = _covering(entities, "Dana Whitfield")
    assert whitfield.roles == (title,)
    assert whitfield.actor == "USAGOV"


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        # A candidate's spokesman is no government's.
        ("Dana Whitfield, a spokesman for Ted Cruz, said the rally went well.", None),
        # The body one speaks for gives the code.
        ("White House spokesman Dana Whitfield said the rally went well.", "USAGOV"),
    ],
)
def test_a_spokesman_is_of_whom_they_speak_for(entities_of, sentence, code) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Barack Obama spoke in the United States. Hillary Clinton and Barack Obama agreed, "
        "and Hillary Clinton thanked Barack Obama. " + sentence
    )
    entities = entities_of(text, published="2016-02-17T00:00:00+00:00", real=True)
    assert _covering(entities, "Dana Whitfield").actor == code


def test_kcna_s_central_committee_abbreviation_is_no_place(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Pak Chol Gyu, secretary of the C.C., the Vandrel Workers' Party, toured the mill."
    assert not any(e.name.startswith("C.C") for e in entities_of(text, real=True))


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        (
            "Pak Chol Gyu, first vice department director of the C.C., the WPK, toured the mill.",
            "Pak Chol Gyu",
            "PRKGOV",
        ),
        (
            "Sol Hyang Mi, member of the C.C., WPK, and other officials watched the show.",
            "Sol Hyang Mi",
            "PRKGOV",
        ),
        (
            "Rene Ortiz, member of the C.C., Communist Party of Ecuador, laid a wreath.",
            "Rene Ortiz",
            "ECUPTY",
        ),
        (
            "Ri Chol Jin, first secretary of the C.C., the Kim Il Sung Socialist Youth League, "
            "made a speech.",
            "Ri Chol Jin",
            "PRKNGO",
        ),
        (
            "Ho Myong Sun, chairman of the C.C., the General Federation of Trade Unions of Korea, "
            "made a report.",
            "Ho Myong Sun",
            "PRKLAB",
        ),
    ],
)
def test_kcna_s_central_committee_comma_names_whose_committee(  # type: ignore[no-untyped-def]
    entities_of, text: str, name: str, code: str
) -> None:
    """ "X, director of the C.C., the WPK": the comma after KCNA's abbreviation stands for
    "of"; the body named next is the officer's."""
    assert _covering(entities_of(text, real=True), name).actor == code


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        (
            "Dana Pruitt, president of the Service Employees International Union, said the "
            "members would knock on doors in Iowa.",
            "Dana Pruitt",
            "USALAB",
        ),
        (
            "NAACP president Ray Osgood endorsed the senator on Tuesday.",
            "Ray Osgood",
            "USANGO",
        ),
        (
            "Lena Marsh, the president of Judicial Watch, said the emails should be public.",
            "Lena Marsh",
            "USANGO",
        ),
        (
            "AFL-CIO president Tom Kerrigan sided with the teachers against the charter plan.",
            "Tom Kerrigan",
            "USALAB",
        ),
        (
            "The plank matters, Log Cabin Republicans president Gregory Hale said on Monday.",
            "Gregory Hale",
            "USANGO",
        ),
        (
            "''We will knock on every door,'' said Ruth Adler, president of the A.F.L.-C.I.O., "
            "on Monday.",
            "Ruth Adler",
            "USALAB",
        ),
    ],
)
def test_officer_of_an_american_union_or_advocacy_group_is_of_its_sector(  # type: ignore[no-untyped-def]
    entities_of, text: str, name: str, code: str
) -> None:
    """The knowledge base knows the frequent unions (LAB) and advocacy groups (NGO) of US
    news: their officers are not a government's for the title word "president"."""
    assert _covering(entities_of(text, real=True), name).actor == code


@pytest.mark.parametrize(
    ("text", "body", "code"),
    [
        (
            "Wang Lin, deputy head of the International Liaison Department of the C.C., CPC, "
            "left Pyongyang.",
            "International Liaison Department of the C.C.",
            "CHNGOV",
        ),
        (
            "The report of the Politburo of the C.C., WPK was read out at the meeting.",
            "Politburo of the C.C.",
            "PRKGOV",
        ),
        (
            "Saida Karimova, member of the Presidium of the C.C., Communist Party of Tajikistan, "
            "praised the book.",
            "Presidium of the C.C.",
            "TJKPTY",
        ),
    ],
)
def test_kcna_s_body_of_a_central_committee_is_its_party_s(  # type: ignore[no-untyped-def]
    entities_of, text: str, body: str, code: str
) -> None:
    """ "The International Liaison Department of the C.C., CPC": the body's name runs to the
    abbreviation (the model cut it at "of the C"), and the party after the comma is whose
    it is: a ruling party's code is its government's, another party's PTY whatever state
    word ("Presidium") the body's name has."""
    found = _covering(entities_of(text, real=True), body)
    assert found.name == body and found.actor == code


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        (
            "Joan Perle, executive director of National Nurses United, said the nurses would "
            "march.",
            "Joan Perle",
            "USALAB",
        ),
        (
            "Mara Kent, president of the abortion rights group NARAL, called the vote a disgrace.",
            "Mara Kent",
            "USANGO",
        ),
    ],
)
def test_officer_of_a_known_civil_body_is_of_its_sector(  # type: ignore[no-untyped-def]
    entities_of, text: str, name: str, code: str
) -> None:
    """The title's own words ("executive director": a firm's; "rights group") yield to the
    sector of the civil body the knowledge base knows the officer serves."""
    assert _covering(entities_of(text, real=True), name).actor == code


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # South Korean bodies North Korean media name with the shared demonym or none: the
        # South's, not the North's a KCNA "Korean" body would be.
        (
            "The Korean Confederation of Trade Unions held a rally in Seoul on Monday against "
            "the south Korean puppet authorities.",
            "Korean Confederation of Trade Unions",
            "KORLAB",
        ),
        (
            "The Democratic United Party criticized the south Korean puppet authorities for "
            "the arrest.",
            "Democratic United Party",
            "KORPTY",
        ),
        (
            'A spokesman said that the "Saenuri Party" of south Korea is hell-bent on '
            "confrontation with the north.",
            "Saenuri Party",
            "KORPTY",
        ),
    ],
)
def test_kb_south_korean_bodies_in_north_korean_media(  # type: ignore[no-untyped-def]
    entities_of, text, words, code
) -> None:
    assert _covering(entities_of(text, real=True), words).actor == code


def test_mentions_a_body_cut_at_its_and_is_whole(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The model reads "... Friendship" and "Solidarity Committee" as two bodies; the second
    # half names no one's, the first half's country is the whole body's.
    text = (
        "The chairman of the Nepal-Korea Friendship and Solidarity Committee laid a floral "
        "basket before the statue of President Kim Il Sung."
    )
    body = _covering(entities_of(text, real=True), "Nepal-Korea Friendship")
    assert body.name == "Nepal-Korea Friendship and Solidarity Committee"
    assert body.actor == "NPLNGO"


def test_cluster_body_of_a_people_abroad_in_a_story_about_its_host(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The story names China and the DPRK; the Koreans' body is of the Korea it names.
    text = (
        "The General Association of Koreans in China held a banquet in Shenyang to mark "
        "the founding anniversary of the DPRK."
    )
    body = _covering(entities_of(text, real=True), "General Association of Koreans")
    assert body.actor == "PRKNGO"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "The South Headquarters of the Pan-national Alliance for Korea's Reunification "
            "issued a statement on Monday denouncing the south Korean authorities.",
            "KORNGO",
        ),
        (
            "Upon hearing the news, the North Headquarters of the Pan-national Alliance for "
            "Korea's Reunification released a statement.",
            "PRKNGO",
        ),
    ],
)
def test_titles_a_known_body_cut_before_its_of_is_whole(  # type: ignore[no-untyped-def]
    entities_of, text, code
) -> None:
    # The model reads no name in "South Headquarters": the alliance alone is no one's.
    entities = entities_of(text, real=True)
    body = _covering(entities, "South Headquarters" if code == "KORNGO" else "North Head")
    assert body.actor == code


@pytest.mark.parametrize(
    ("text", "words", "name", "code"),
    [
        # The model cuts the name after "and" and leaves the rest unnamed.
        (
            "The People for Achieving Peace and Reunification held a press conference in "
            "Seoul on Friday, denouncing the puppet authorities.",
            "People for Achieving Peace",
            "People for Achieving Peace and Reunification",
            "KORNGO",
        ),
        # Or before "of Korea".
        (
            "A meeting of the General Federation of Trade Unions of Korea took place in "
            "Kangso District on Tuesday.",
            "General Federation of Trade Unions",
            "General Federation of Trade Unions of Korea",
            "PRKLAB",
        ),
    ],
)
def test_titles_a_known_body_cut_before_its_last_words_is_whole(  # type: ignore[no-untyped-def]
    entities_of, text, words, name, code
) -> None:
    body = _covering(entities_of(text, real=True), words)
    assert (body.name, body.actor) == (name, code)


def test_cluster_an_acronym_of_a_body_in_scare_quotes(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        'The south Korean puppet group railroaded the bill through the "National Assembly" '
        "on Monday. The opposition lawmakers walked out of the NA in protest."
    )
    entities = entities_of(text, real=True)
    body = _covering(entities, 'the "National Assembly"')
    assert body.actor == "KORLEG"
    assert any(m.text == "NA" for m in body.mentions)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # A past office in apposition: an elite of the country whose office it was, and the
        # nameless past officer is the person, not a sitting government of its own.
        (
            "Wreaths came from Tomas Halvorsen, former prime minister of Norway, and others.",
            "Tomas Halvorsen",
            "NORELI",
        ),
        (
            "The foundation was led by Ingrid Solberg, the former Norwegian prime minister.",
            "Ingrid Solberg",
            "NORELI",
        ),
        # A state office before the name with no country: placed as a current one would be.
        (
            "Norway's budget was debated in Oslo. Former defence minister Arne Voll said the "
            "cuts would weaken Norway.",
            "Arne Voll",
            "NORELI",
        ),
        # The country a past ambassador was sent to is not their own.
        (
            "The American donors met in Ohio. Carl Dobbs, a former ambassador to Norway, said "
            "the campaign would win Ohio.",
            "Carl Dobbs",
            "USAELI",
        ),
        # A "then-" office is past at the time of the story: an elite too.
        (
            "In 1972 the then Norwegian prime minister Odd Lien signed the treaty. Lien now "
            "chairs a charity.",
            "Odd Lien",
            "NORELI",
        ),
        # The office's country after "of the", though the name leaves "the" out.
        (
            "Pyongyang, May 3 (KCNA) -- Ivan Petrovich Sidorov, former envoy to the Volga "
            "Region of the Russian Federation, visited the DPRK embassy in Moscow.",
            "Ivan Petrovich Sidorov",
            "RUSELI",
        ),
        # A state body before a past title: no longer its officer, an elite of its country.
        (
            "Norway's budget was debated in Oslo. Former Norwegian Armed Forces spokesman Lars "
            "Vik said the cuts would weaken Norway.",
            "Lars Vik",
            "NORELI",
        ),
        # A past marker before capitalised words the title is of: "Retired Army Gen. X".
        (
            "Norway's budget was debated in Oslo. Retired Army Gen. Lars Vik said the cuts "
            "would weaken Norway.",
            "Lars Vik",
            "NORELI",
        ),
        # A nameless past officer: "the former ... governor", "a former senior ... official".
        (
            "The cash was found in a house belonging to a former senior Norwegian official.",
            "Norwegian official",
            "NORELI",
        ),
    ],
)
def test_titles_past_office_is_an_elite(  # type: ignore[no-untyped-def]
    entities_of, text: str, name: str, expected: str
) -> None:
    # CAMEO codes former officials as their country's elites (Phoenix FORMER_PRESIDENT,
    # FORMER_PRIME_MINISTER, RETIRED ~ELI).
    assert _covering(entities_of(text, real=True), name).actor == expected


def test_titles_past_office_takes_no_country_it_dealt_with(entities_of) -> None:  # type: ignore[no-untyped-def]
    # Only the country the office was of ("former president of ..."), not one an adviser
    # dealt with nor one an ambassador was sent to.
    text = (
        "Norway's talks went on. Lars Hansen, a former adviser on Sweden in the Norwegian "
        "government, said the talks would fail."
    )
    actor = _covering(entities_of(text, real=True), "Lars Hansen").actor
    assert actor is None or not actor.startswith("SWE")


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # A province or county of the DPRK in KCNA's spelling codes as its country.
        ("The delegation toured North Phyongan Province on Monday.", "North Phyongan", "PRK"),
        ("A new school opened in Unpha County on Monday.", "Unpha County", "PRK"),
        # KCNA writes the ROK's Kangwon Province with its country, the DPRK's bare.
        ("Troops drilled near Chunchon, south Korean Kangwon Province.", "Kangwon", "KOR"),
        ("The bridge in Kangwon Province of south Korea was closed.", "Kangwon", "KOR"),
        ("A new bridge in Kangwon Province opened to traffic.", "Kangwon", "PRK"),
    ],
)
def test_mentions_korean_provinces_code_as_their_country(  # type: ignore[no-untyped-def]
    entities_of, text: str, words: str, code: str
) -> None:
    place = _covering(entities_of(text, real=True), words)
    assert (place.kind, place.actor) == ("location", code)


def test_titles_past_office_of_a_foreign_guest_takes_no_country_of_the_story(entities_of) -> None:  # type: ignore[no-untyped-def]
    # A foreign visitor named after their country in a state outlet's list ("Leaders of
    # parties of Nepal including X, former prime minister") held no office of the country the
    # story is about: no fallback to it.
    text = (
        "Pyongyang, May 3 (KCNA) -- Members of parties of Nepal including Ram Kumar Thapa, "
        "former prime minister, and Hari Lal Rai, chairman of the Workers Party, visited the "
        "DPRK embassy in Kathmandu. The DPRK is strong."
    )
    actor = _covering(entities_of(text, real=True), "Ram Kumar Thapa").actor
    assert actor is None or not actor.startswith("PRK")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The knowledge base lists the office as held; the text says it is over.
        ("Former Secretary of State Mike Pompeo said the talks had failed.", "USAELI"),
        ("Mike Pompeo, the former secretary of state, said the talks had failed.", "USAELI"),
        # A past office of another kind says nothing of the one held now.
        ("Mike Pompeo, a former congressman, said the talks had failed.", "USAGOV"),
        ("Secretary of State Mike Pompeo said the talks had failed.", "USAGOV"),
    ],
)
def test_titles_known_office_the_text_calls_past(  # type: ignore[no-untyped-def]
    entities_of, text: str, expected: str
) -> None:
    assert _covering(entities_of(text), "Mike Pompeo").actor == expected


@pytest.mark.parametrize(
    "text",
    [
        "Anna Lind Berg, the White House press secretary, said the talks would go on.",
        "Anna Lind Berg, the White House chief of staff, said the talks would go on.",
        "White House press secretary Anna Lind Berg said the talks would go on.",
    ],
)
def test_titles_staff_title_after_its_body(entities_of, text: str) -> None:  # type: ignore[no-untyped-def]
    # A body named before a lowercase staff title, in an apposition or before the name: the
    # person holds that title in that body.
    person = _covering(entities_of(text, real=True), "Anna Lind Berg")
    assert person.actor == "USAGOV"
    assert person.affiliation is not None


def test_titles_plural_title_after_a_list_is_each_names(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "X, Y and Z, members of ...": the plural title is every listed name's.
    text = (
        "Pyongyang, May 3 (KCNA) -- He was accompanied by Jo Chang Sik, Pak Jong Nam and "
        "Ri Il Su, senior officials of the WPK Central Committee."
    )
    entities = entities_of(text, real=True)
    for name in ("Jo Chang Sik", "Pak Jong Nam", "Ri Il Su"):
        assert _covering(entities, name).actor == "PRKGOV"


@pytest.mark.parametrize(
    ("title", "role", "code"),
    [
        # Plural titles the word lists know only in the singular.
        ("deputy chiefs of the KPA General Staff", "deputy chief", "PRKMIL"),
        ("secretaries of the WPK Central Committee", "secretary", "PRKGOV"),
        ("vice-ministers of the Ministry of Railways", "vice-minister", "PRKGOV"),
    ],
)
def test_titles_plural_title_in_the_singular_is_each_names(  # type: ignore[no-untyped-def]
    entities_of, title: str, role: str, code: str
) -> None:
    text = f"Pyongyang, May 3 (KCNA) -- Present there were Jo Chang Sik and Ri Il Su, {title}."
    entities = entities_of(text, real=True)
    for name in ("Jo Chang Sik", "Ri Il Su"):
        person = _covering(entities, name)
        assert person.actor == code
        assert any(r.startswith(role) for r in person.roles)


def test_titles_singular_title_after_a_list_is_the_last_names(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pyongyang, May 3 (KCNA) -- He was accompanied by Jo Chang Sik and Ri Il Su, "
        "director of the Pyongyang Textile Mill."
    )
    entities = entities_of(text, real=True)
    assert _covering(entities, "Jo Chang Sik").roles == ()


def test_titles_name_tagged_organization_with_a_personal_title(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The model tags the first name an organisation; the title after it says a person.
    text = (
        "Pyongyang, May 3 (KCNA) -- Among the guests were Pak Thae Song, secretary of the WPK "
        "Central Committee, Pak Jong Gun, vice-premier of the Cabinet, and others."
    )
    entities = entities_of(text, published="2024-05-03T10:00:00+09:00", real=True)
    person = _covering(entities, "Pak Thae Song")
    assert person.kind == "person"
    assert person.roles == ("secretary",)
    assert person.actor == "PRKGOV"


def test_titles_past_office_after_and_former_in_an_apposition(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "X, a Republican and former Ohio governor": the office after "and former" is past.
    text = (
        'WASHINGTON - The United States Senate voted on Monday. "It is hard to say," said '
        "Tom Barrow, a Republican and former Ohio governor and senator. The United States "
        "will respond."
    )
    person = _covering(entities_of(text, real=True), "Tom Barrow")
    assert person.actor == "USAELI"


def test_titles_clause_after_a_name_lends_no_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    # A comma after a name and a finite verb: the sentence goes on, no apposition; the
    # country in it is not the known person's (nor a sign of a namesake of another country).
    text = "His patron, President Vladimir V. Putin, proceeded to blockade Ukraine on Monday."
    entities = entities_of(text, published="2016-08-02T10:00:00+00:00", real=True)
    person = _covering(entities, "Vladimir")
    assert person.actor == "RUSGOV"


def test_titles_opposition_leader_is_of_the_article_s_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Police in Pakistan let opposition leader Tarik Velmar address a crowd on Monday."
    velmar = _covering(entities_of(text, real=True), "Tarik Velmar")
    assert velmar.actor == "PAKOPP"


def test_people_named_without_the_middle_name_the_tables_give(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The tables list him as "Carlos Saul Menem"; the sentence names Chile and no one else.
    text = "Former president Carlos Menem will visit Chile next week, his office said."
    assert _covering(entities_of(text, real=True), "Carlos Menem").actor[:3] == "ARG"


@pytest.mark.parametrize(
    "text",
    [
        "Peter Arlo met John Vale, who paid a courtesy call on him at the hall on Monday.",
        "Peter Arlo received John Vale, the new envoy, who paid a farewell call on him.",
    ],
)
def test_pronouns_an_object_of_a_relative_clause_is_not_its_doer(entities_of, text: str) -> None:  # type: ignore[no-untyped-def]
    # "who" is John Vale, the call's maker: "him" is the other man, not the one the clause is about.
    entities = entities_of(text, real=True)
    assert all(m.text != "him" for m in _covering(entities, "John Vale").mentions)
    assert [m.text for m in _covering(entities, "Peter Arlo").mentions][-1] == "him"


def test_pronouns_an_object_of_a_noun_s_phrase_is_not_the_verb_s_doer(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "had talks with him": the talks are the subject's, "him" someone else.
    text = "Peter Arlo welcomed John Vale. Peter Arlo had talks with him on Friday."
    entities = entities_of(text, real=True)
    assert all(m.text != "him" for m in _covering(entities, "Peter Arlo").mentions)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # A one-party state's party, only the story's country placing it: its government.
        (
            "Pyongyang, March 2 (KCNA) -- Farmers in North Phyongan Province of the DPRK sowed "
            "early. The farmers in the province carried out the tasks set by the Party and the "
            "DPRK praised them.",
            "PRKGOV",
        ),
        # A country of many parties keeps its party a party.
        (
            "Seoul, March 2 -- Farmers in South Korea sowed early. Farmers in South Korea "
            "backed the tasks set by the Party, and South Korea praised them.",
            "KORPTY",
        ),
    ],
)
def test_cluster_a_bare_party_of_a_one_party_state_is_its_government(  # type: ignore[no-untyped-def]
    entities_of, text, code
) -> None:
    assert _covering(entities_of(text, real=True), "Party").actor == code


def test_titles_its_body_is_of_the_country_named_before(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pyongyang, May 2 (KCNA) -- The puppet military of the ROK is reckless. The chief of "
        "its Joint Chiefs of Staff, at a briefing on Monday, raved about drills.\n"
        "Its Joint Chiefs of Staff should look at its own conduct first, the DPRK said."
    )
    found = [e for e in entities_of(text, real=True) if "Joint Chiefs" in e.name]
    assert [(e.actor, len(e.mentions)) for e in found] == [("KORMIL", 2)]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Pyongyang, May 3 (KCNA) -- Ryu Tae Bom, 29, soldier of the Korean People's Army, "
            "said the drills were a provocation.",
            "Ryu Tae Bom",
            "PRKMIL",
        ),
        # A worker of a firm is labour, not the firm's business.
        (
            "Pyongyang, May 3 (KCNA) -- Ryu Tae Bom, a worker of the Pyongyang Glass Factory, "
            "said the output had doubled.",
            "Ryu Tae Bom",
            "PRKLAB",
        ),
        (
            "Pyongyang, May 3 (KCNA) -- Ryu Tae Bom, a teacher of Kim Il Sung University, "
            "praised the new textbooks.",
            "Ryu Tae Bom",
            "PRKEDU",
        ),
    ],
)
def test_titles_occupation_after_a_name_is_the_trade_s_sector(  # type: ignore[no-untyped-def]
    entities_of, text: str, name: str, expected: str
) -> None:
    # KCNA introduces the people it quotes by their trade and workplace.
    assert _covering(entities_of(text, real=True), name).actor == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Young people after a demonym are that country's civilians (CAMEO CVL).
        ("Three Peruvian youths were hurt when a grenade went off in Lima.", "Peruvian youths"),
        ("A Belgian teenager was questioned by the police in Liege.", "Belgian teenager"),
    ],
)
def test_mentions_young_people_after_a_demonym_are_civilians(
    entities_of, text: str, words: str
) -> None:  # type: ignore[no-untyped-def]
    assert _covering(entities_of(text, real=True), words).actor[3:] == "CVL"


def test_mentions_a_youth_bodys_officer_is_no_civilian(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "youth" alone stays no role word: a movement's chairman is not a young civilian.
    text = "Ravi Das, chairman of the Youth Front of Nepal, laid a wreath on Monday."
    entities = entities_of(text, real=True)
    assert not any((e.actor or "").endswith("CVL") for e in entities)


def test_pronoun_chosen_among_several_teaches_no_gender(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "he" goes to the subject Dana Arlo over Tom Reyes, a choice among two: it must not
    # make Arlo a man, so the "She" after is still Arlo's, not Maria Lund's.
    text = (
        "Dana Arlo, an ally of Maria Lund, asked Tom Reyes whether he would run. "
        "She said the party needed him."
    )
    entities = entities_of(text, real=True)
    assert any(m.text == "She" for m in _covering(entities, "Dana Arlo").mentions)
    assert all(m.text != "She" for m in _covering(entities, "Maria Lund").mentions)


def test_sentence_opening_verb_is_not_part_of_a_name(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Trusting Donald Trump with the budget would be a gamble, the senator said."
    entities = entities_of(text, real=True)
    assert any(e.name == "Donald Trump" for e in entities)
    assert not any(e.name.startswith("Trusting") for e in entities)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Egyptian tanks crossed the canal at dawn.", "Egyptian tanks", "EGYMIL"),
        ("Turkish jets struck the ridge twice on Monday.", "Turkish jets", "TURMIL"),
    ],
)
def test_mentions_arms_after_a_demonym_are_its_forces(  # type: ignore[no-untyped-def]
    entities_of, text: str, words: str, expected: str
) -> None:
    assert _covering(entities_of(text, real=True), words).actor == expected


def test_titles_portfolio_minister_is_the_government(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The model may read "Labour" as a body of its own; the minister is still the state's.
    text = "Dockers walked out over a law drafted by Portuguese Labour Minister Marta Quelhas."
    entities = entities_of(text, real=True)
    assert _covering(entities, "Marta Quelhas").actor == "PRTGOV"


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Opposition groups in Kenya rejected the budget on Friday.", "groups in Kenya", "KENOPP"),
        ("The rebel groups in Sudan refused the truce.", "groups in Sudan", "SDNREB"),
        ("Opposition leaders in Kenya called for a recount.", "leaders in Kenya", "KENOPP"),
    ],
)
def test_nominal_collective_noun_takes_its_modifier_s_sector(  # type: ignore[no-untyped-def]
    entities_of, text: str, words: str, expected: str
) -> None:
    assert _covering(entities_of(text, real=True), words).actor == expected
