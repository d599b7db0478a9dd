"""Organisations the knowledge base does not list, coded from their own names: the country in
the name's modifiers, where a body with no national word sits, a body of a people abroad,
names the model cut at "for"/"of", bodies of known bodies, and civic head words."""

from __future__ import annotations

import pytest

from parley.records import Entity


def _covering(entities: tuple[Entity, ...], words: str) -> Entity:
    """The one entity with a mention that starts with ``words``."""
    found = [e for e in entities if any(m.text.startswith(words) for m in e.mentions)]
    assert len(found) == 1, (words, [(e.name, [m.text for m in e.mentions]) for e in entities])
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # The country is a modifier, not the first word.
        (
            "The All Kenya Federation of Teachers protested against the new school fees.",
            "All Kenya Federation",
            "KENNGO",
        ),
        (
            "The All Nigeria Peasants' Union denounced the sanctions on Tuesday.",
            "All Nigeria Peasants",
            "NGAAGR",
        ),
    ],
)
def test_bodies_country_among_the_modifiers(entities_of, text, words, code) -> None:  # type: ignore[no-untyped-def]
    assert _covering(entities_of(text, real=True), words).actor == code


def test_bodies_located_body_takes_the_country_it_sits_in(entities_of) -> None:  # type: ignore[no-untyped-def]
    # No national word in the name: "in South Korea" says whose it is (a civic body, for a
    # cause), even when the article is mostly about another country.
    text = (
        "Japan rejected the claim. The Council for the Protection of Fishing Villages in "
        "South Korea accused Japan of hiding the truth. Japan said Japan would not reply."
    )
    body = _covering(entities_of(text, real=True), "Council for the Protection")
    assert body.actor == "KORNGO"


def test_bodies_national_word_wins_over_the_location(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "The Chinese Chamber of Commerce in Mexico welcomed the new trade rules."
    body = _covering(entities_of(text, real=True), "Chinese Chamber")
    assert body.country == "CHN"


def test_bodies_body_of_a_people_abroad_is_not_the_host_country(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "North Korea launched a satellite on Monday. North Korea said the launch was "
        "peaceful. The Federation of Koreans in Brazil issued a statement supporting it."
    )
    body = _covering(entities_of(text, real=True), "Federation of Koreans")
    assert body.actor == "PRKNGO"


@pytest.mark.parametrize(
    ("text", "words", "rest"),
    [
        (
            "The Zambian Committee for Solidarity with Peoples sent a letter.",
            "Zambian Committee",
            "Peoples",
        ),
        (
            "The Ugandan Youth Study Group of the Juche Idea held a seminar.",
            "Ugandan Youth Study Group",
            "Juche Idea",
        ),
    ],
)
def test_bodies_name_cut_at_for_or_of_is_one_body(entities_of, text, words, rest) -> None:  # type: ignore[no-untyped-def]
    entities = entities_of(text, real=True)
    body = _covering(entities, words)
    assert body.name.endswith(rest)
    assert body.actor is not None and body.actor.endswith("NGO")
    assert not any(e.name == rest for e in entities)


@pytest.mark.parametrize(
    ("text", "body", "parent"),
    [
        ("The Central Committee of Hamas issued a statement on Sunday.", "Central", "Hamas"),
        ("The Political Bureau of Hezbollah condemned the strike.", "Political", "Hezbollah"),
    ],
)
def test_bodies_body_of_a_known_body_takes_its_code(entities_of, text, body, parent) -> None:  # type: ignore[no-untyped-def]
    # Not the bare country, nor the government a state word ("Bureau") would make of it.
    entities = entities_of(text, real=True)
    code = _covering(entities, parent).actor
    assert code is not None
    assert _covering(entities, body).actor == code


def test_bodies_name_before_a_parenthesis_is_looked_up_whole(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Central Committee of the Anti-Imperialist National Democratic Front (AINDF) "
        "released a statement on Sunday."
    )
    body = _covering(entities_of(text, real=True), "Central Committee")
    assert not body.name.endswith("(")
    assert body.actor == "KOROPP"


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        (
            "The Malta-Korea Friendship Institute held a seminar in Valletta.",
            "Malta-Korea Friendship",
            "MLTNGO",
        ),
        (
            "A delegation of the Brazil-Korea Friendship Parliamentary Group arrived on Monday.",
            "delegation of the Brazil-Korea",
            "BRALEG",
        ),
    ],
)
def test_bodies_sector_from_civic_head_words(entities_of, text, words, code) -> None:  # type: ignore[no-untyped-def]
    assert _covering(entities_of(text, real=True), words).actor == code


def test_bodies_country_name_with_of_after_of(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "... of the Democratic People's Republic of Korea": not the "Korea" after the last "of";
    # and a hyphened title ("vice-minister") is the title's last part.
    text = (
        "Ri Hyon Chol, vice-minister of Public Security of the Democratic People's Republic "
        "of Korea, said on Tuesday that the border was calm."
    )
    entities = entities_of(text, real=True)
    body = _covering(entities, "Public Security")
    assert body.country == "PRK"
    person = _covering(entities, "Ri Hyon Chol")
    assert person.actor == "PRKGOV"


def test_bodies_party_adjective_is_the_party(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "Republican" and "Democratic" as adjectives name the parties the knowledge base knows
    # as "Republicans" and "Democrats"; two bodies with one code stay two bodies.
    text = (
        "Republican senators rejected the budget on Thursday, while Democratic governors "
        "praised it."
    )
    entities = entities_of(text, real=True)
    republican = _covering(entities, "Republican")
    democratic = _covering(entities, "Democratic")
    assert republican.actor == democratic.actor == "USAPTY"
    assert republican.id != democratic.id


def test_bodies_historic_army_in_the_knowledge_base(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "Veterans of the Chinese People's Volunteers laid wreaths at the cemetery in 2024."
    army = _covering(entities_of(text, real=True), "Chinese People's Volunteers")
    assert army.actor == "CHNMIL"


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        (
            "Civic organizations in Japan held a joint press conference on Monday.",
            "organizations in Japan",
            "JPNNGO",
        ),
        (
            "An organization of Mexico demanded an apology from the company.",
            "organization of Mexico",
            "MEXNGO",
        ),
    ],
)
def test_bodies_organizations_of_a_country_are_civic(entities_of, text, words, code) -> None:  # type: ignore[no-untyped-def]
    assert _covering(entities_of(text, real=True), words).actor == code


def test_bodies_name_does_not_run_onto_the_next_line() -> None:
    # A headline's next line is no part of a name (hand-built candidates, no model).
    from parley.entities.mentions import Candidate
    from parley.entities.titles import extend_org_names

    text = "The Zambian Committee for Solidarity\nNew Farms Open In Lusaka"
    cand = Candidate(4, 21, text[4:21], "ORG", "organization", 0)
    [out] = extend_org_names(text, [cand], lambda name: False, ())
    assert out.text == "Zambian Committee for Solidarity"
    text = "The Zambian Committee for Solidarity with Farmers met."
    cand = Candidate(4, 36, text[4:36], "ORG", "organization", 0)
    [out] = extend_org_names(text, [cand], lambda name: False, ())
    assert out.text == "Zambian Committee for Solidarity with Farmers"


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # A title of two words the role table knows whole: the state's envoy, not a lawmaker
        # ("representative" alone) nor the bare country.
        (
            "The permanent observer of Palestine to the UN on Friday accused Israel of "
            "breaking the truce.",
            "permanent observer of Palestine",
            "PSEGOV",
        ),
        (
            "Speaking on Friday, the permanent representative of Chile to the UN urged an "
            "end to the blockade.",
            "permanent representative of Chile",
            "CHLGOV",
        ),
    ],
)
def test_bodies_two_word_title_takes_its_own_sector(entities_of, text, words, code) -> None:  # type: ignore[no-untyped-def]
    assert _covering(entities_of(text, real=True), words).actor == code


def test_bodies_party_named_after_of_by_its_demonym(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The party's own demonym says whose it is, and its officer's, whatever country the
    # text names most.
    text = (
        "Cuba's leader sent greetings to Tran Van Minh, general secretary of the Central "
        "Committee of the Cambodian People's Revolutionary Party. Cuba and Cuba's people "
        "wished him success."
    )
    entities = entities_of(text, real=True)
    body = [e for e in entities if e.name.startswith("Central Committee")]
    assert [e.actor for e in body] == ["KHMPTY"]
    assert [e.country for e in entities if e.name == "Tran Van Minh"] == ["KHM"]


def test_bodies_party_country_from_its_other_name(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The bracketed name is the longest and names no country; the other one does.
    text = (
        "The Peru Workers Party (United Revolutionary Marxist-Leninist) sent a letter to "
        "Cuba. The Peru Workers Party praised Cuba."
    )
    entities = entities_of(text, real=True)
    party = [e for e in entities if any(m.text == "Peru Workers Party" for m in e.mentions)]
    assert [e.actor for e in party] == ["PERPTY"]


def test_bodies_embassy_of_a_country_in_a_capital(entities_of) -> None:  # type: ignore[no-untyped-def]
    # The embassy is its own country's; the capital only says where it is.
    text = "The Cuban embassy in Madrid hosted a reception on Monday for Spanish guests."
    entities = entities_of(text, real=True)
    embassy = [e for e in entities if any("embassy" in m.text for m in e.mentions)]
    assert [e.actor for e in embassy] == ["CUBGOV"]


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # The model reads only the leader's name; the body runs on to its "Institute".
        (
            "The General Kim Il Sung Chilean Amicable Institute sent greetings to Pyongyang.",
            "General Kim Il Sung Chilean",
            "CHLNGO",
        ),
        # The model reads the whole body as a person; its demonym stands before the name.
        (
            "The Kazakh Kim Il Sung Association issued a statement on Friday.",
            "Kazakh Kim Il Sung Association",
            "KAZNGO",
        ),
    ],
)
def test_bodies_named_after_a_leader_are_no_leader(entities_of, text, words, code) -> None:  # type: ignore[no-untyped-def]
    entities = entities_of(text, real=True)
    assert _covering(entities, words).actor == code
    assert not any(e.kind == "person" for e in entities)


def test_bodies_leader_before_of_stays_the_leader(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "of" ends a leader's name: the party after it is the body he leads, not his name.
    text = "Kim Jong Un of the Workers' Party of Korea inspected a farm on Monday."
    assert _covering(entities_of(text, real=True), "Kim Jong Un").kind == "person"


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # A party's voters and its nominee are the country's civilians and elite, not the party.
        (
            "Republican voters in Iowa backed the plan on Monday.",
            "voters",
            "USACVL",
        ),
        (
            "Reporters asked whether the Republican nominee would debate on Friday.",
            "nominee",
            "USAELI",
        ),
    ],
)
def test_bodies_people_of_a_body_take_its_country(entities_of, text, words, code) -> None:  # type: ignore[no-untyped-def]
    assert _covering(entities_of(text, real=True), words).actor == code


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # Holders of a state office named by their party sit in its country's legislature,
        # government or courts: the office's sector, not the party's.
        ("Republican senators blocked the nominee on Thursday.", "senators", "USALEG"),
        ("Two Democratic governors signed the compact in Denver.", "governors", "USAGOV"),
        ("Democratic state lawmakers endorsed the plan on Monday.", "state lawmakers", "USALEG"),
    ],
)
def test_bodies_office_holders_named_by_their_party(entities_of, text, words, code) -> None:  # type: ignore[no-untyped-def]
    entities = entities_of(text, real=True)
    assert _covering(entities, words).actor == code
    # The party keeps its own name's mention.
    assert any(e.actor == "USAPTY" for e in entities)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # The party's own people act for the party.
        ("Republican leaders met in Cleveland on Monday.", "Republican"),
        ("Democratic officials praised the platform on Tuesday.", "Democratic"),
        # A party names no one's spies or soldiers: political operatives are the party's.
        ("Democratic operatives expected leaks on Friday.", "Democratic"),
        # A term with a sector of its own is no office the party's members are elected to.
        ("Republican national security officers signed a letter.", "Republican"),
    ],
)
def test_bodies_party_people_stay_the_party(entities_of, text, words) -> None:  # type: ignore[no-untyped-def]
    entities = entities_of(text, real=True)
    assert _covering(entities, words).actor == "USAPTY"
    assert not any(e.actor in ("USALEG", "USAGOV", "USASPY", "USACOP") for e in entities)


@pytest.mark.parametrize(
    "text",
    [
        # A capitalised noun after a party is a name, not an office.
        "Grassley could lose to Democrat Alma Judge in November.",
        # A party's lawyers are its own, not the judiciary.
        "The RNC counsel's office sent out an agenda on Friday.",
    ],
)
def test_bodies_no_office_from_a_party_s_name_or_lawyer(entities_of, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.actor == "USAJUD" for e in entities_of(text, real=True))


def test_bodies_people_of_a_state_body_stay_its_own(entities_of) -> None:  # type: ignore[no-untyped-def]
    # Service persons of an army act for it: the army's code, not the country's civilians.
    text = "Service persons of the Korean People's Army vowed revenge on Tuesday."
    codes = {e.actor for e in entities_of(text, real=True)}
    assert "PRKCVL" not in codes


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # A company or an outlet named before a union noun is the union: labour of its
        # country, not the firm (BUS) or the outlet (MED).
        (
            "The Hyundai Motor union walked out of the wage talks on Thursday.",
            "Hyundai Motor union",
            "KORLAB",
        ),
        (
            "Samsung workers' union rallied outside the plant in Suwon on Friday.",
            "Samsung workers' union",
            "KORLAB",
        ),
        (
            "The YTN trade union began a walkout over the choice of the new chief.",
            "YTN trade union",
            "KORLAB",
        ),
        # The branch of a wider union that an outlet's name heads.
        (
            "The KBS branch of the national broadcasting union called off its walkout.",
            "KBS branch",
            "KORLAB",
        ),
        # A list of outlets sharing a plural union noun, before it or after "unions of",
        # is one body of unions.
        (
            "Seoul, May 2 -- The KBS, MBC and YTN trade unions began a joint walkout today.",
            "KBS, MBC and YTN trade unions",
            "KORLAB",
        ),
        (
            "The trade unions of KBS, MBC and YTN began a joint walkout on Monday.",
            "trade unions of KBS, MBC and YTN",
            "KORLAB",
        ),
    ],
)
def test_bodies_firm_before_a_union_noun_is_the_union(entities_of, text, words, code) -> None:  # type: ignore[no-untyped-def]
    entities = entities_of(text, real=True)
    assert _covering(entities, words).actor == code
    assert not any(e.actor and e.actor.endswith(("MED", "BUS")) for e in entities)


def test_bodies_the_union_after_a_firms_union_is_that_union(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "The Hyundai Motor union went on strike on Monday. The union demanded higher pay."
    union = _covering(entities_of(text, real=True), "Hyundai Motor union")
    assert [m.text for m in union.mentions] == ["Hyundai Motor union", "union"]


def test_bodies_outlet_before_other_nouns_stays_the_outlet(entities_of) -> None:  # type: ignore[no-untyped-def]
    # No union noun after the name: the outlet itself.
    text = "YTN reported on Monday that the talks had failed."
    assert _covering(entities_of(text, real=True), "YTN").actor == "KORMED"


def test_bodies_a_party_named_in_full_joins_its_members_name(entities_of) -> None:  # type: ignore[no-untyped-def]
    # "Democrats" is the knowledge base's "Democratic Party (United States)"; the party
    # named in full is the same actor, not a second one.
    text = (
        "Democrats in Ohio were split over the new tax plan on Monday. Two Democrats voted "
        "against it. The Democratic Party said it would hold hearings in Columbus."
    )
    parties = [e for e in entities_of(text, real=True) if e.actor == "USAPTY"]
    assert len(parties) == 1
    assert {m.text for m in parties[0].mentions} >= {"Democrats", "Democratic Party"}
