"""Lookups in Parley's built-in knowledge base: countries, demonyms, capitals, dated actor
facts, role and organisation sectors."""

from __future__ import annotations

from datetime import date

import pytest

from parley.kb import KnowledgeBase, load_knowledge_base


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("North Korea", "PRK"),
        ("N. Korea", "PRK"),
        ("North Korea’s", "PRK"),
        ("north korea's", "PRK"),
        ("DPRK", "PRK"),
        ("the DPRK's", "PRK"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("S. Korea", "KOR"),
        ("ROK", "KOR"),
        ("the US", "USA"),
        ("U.S.", "USA"),
        ("the U.S.'s", "USA"),
        ("USA", "USA"),
        ("United States of America", "USA"),
        ("America", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("Russian Federation", "RUS"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("the Philippines'", "PHL"),
        ("Kosovo", "XKX"),
        ("Taiwan", "TWN"),
        ("Holy See", "VAT"),
        ("Palestine", "PSE"),
        ("Hong Kong", "HKG"),
    ],
)
def test_kb_country_by_name_and_short_form(kb: KnowledgeBase, text: str, iso3: str) -> None:
    country = kb.country(text)
    assert country is not None, text
    assert country.iso3 == iso3


@pytest.mark.parametrize("text", ["us", "Us", "who", "the", "", "   ", "Gondor", "Korean"])
def test_kb_country_rejects_words_and_unknown_names(kb: KnowledgeBase, text: str) -> None:
    assert kb.country(text) is None


@pytest.mark.parametrize("text", ["CPV", "KNA", "NAM", "NLD", "AND", "EST"])
def test_kb_country_bare_code_is_no_name(kb: KnowledgeBase, text: str) -> None:
    # News copy writes these for a party, an association, a movement, a time zone, a word in
    # a headline: not Cape Verde, Saint Kitts and Nevis, Namibia, Estonia.
    assert kb.country(text) is None
    assert kb.country_by_code(text) is not None


def test_kb_country_kosovo_has_cameo_code_ksv(kb: KnowledgeBase) -> None:
    kosovo = kb.country("Kosovo")
    assert kosovo is not None and kosovo.code == "KSV"
    assert kb.country_by_code("KSV") is kosovo
    assert kb.country_by_code("xkx") is kosovo


def test_kb_countries_cover_every_un_member(kb: KnowledgeBase) -> None:
    # 193 UN members plus observers and territories that appear in the news.
    assert len({c.iso3 for c in kb.countries}) >= 200
    for code in ("USA", "CHN", "PRK", "KOR", "JPN", "RUS", "TUV", "NRU", "SSD", "VAT", "PSE"):
        assert kb.country_by_code(code) is not None, code


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Chinese", "CHN"),
        ("South Korean", "KOR"),
        ("North Korean", "PRK"),
        ("North Koreans", "PRK"),
        ("Americans", "USA"),
        ("Filipino", "PHL"),
        ("Ivorian", "CIV"),
    ],
)
def test_kb_country_by_demonym(kb: KnowledgeBase, text: str, iso3: str) -> None:
    country = kb.country_by_demonym(text)
    assert country is not None and country.iso3 == iso3


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Seoul", "KOR"),
        ("Washington", "USA"),
        ("Pyongyang", "PRK"),
        ("Beijing", "CHN"),
        ("Tokyo", "JPN"),
        ("Moscow", "RUS"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Seoul's", "KOR"),
    ],
)
def test_kb_country_by_capital(kb: KnowledgeBase, text: str, iso3: str) -> None:
    country = kb.country_by_capital(text)
    assert country is not None and country.iso3 == iso3


def test_kb_pompeo_is_government_in_2018_and_former_in_2022(kb: KnowledgeBase) -> None:
    in_2018 = kb.actor("Mike Pompeo", date(2018, 11, 12))
    assert in_2018 is not None
    assert in_2018.code == "USAGOV" and "Secretary of State" in in_2018.roles
    in_2022 = kb.actor("Mike Pompeo", date(2022, 6, 1))
    assert in_2022 is not None
    assert in_2022.code != "USAGOV" and in_2022.code == "USAELI" and in_2022.roles == ()
    as_cia = kb.actor("Michael Pompeo", date(2017, 6, 1))  # an alias, and an earlier office
    assert as_cia is not None and as_cia.sector == "SPY"


def test_kb_actor_before_any_office_is_an_elite(kb: KnowledgeBase) -> None:
    # Not yet president: one of the country's elites (a candidate, an opposition leader),
    # not the country itself and not its government.
    moon = kb.actor("Moon Jae-in", date(2010, 1, 1))
    assert moon is not None and moon.code == "KORELI" and moon.roles == ()


def test_kb_trump_has_two_terms(kb: KnowledgeBase) -> None:
    first = kb.actor("Donald Trump", date(2019, 2, 28))
    between = kb.actor("Donald J. Trump", date(2023, 1, 1))
    second = kb.actor("Donald Trump", date(2025, 6, 1))
    assert first is not None and between is not None and second is not None
    assert (first.code, between.code, second.code) == ("USAGOV", "USAELI", "USAGOV")


def test_kb_inauguration_day_belongs_to_the_new_holder(kb: KnowledgeBase) -> None:
    biden = kb.actor("Joe Biden", date(2021, 1, 20))
    trump = kb.actor("Donald Trump", date(2021, 1, 20))
    assert biden is not None and biden.roles == ("President",)
    assert trump is not None and trump.code == "USAELI"


@pytest.mark.parametrize(
    ("name", "on", "code"),
    [
        ("Kim Jong Un", date(2018, 6, 12), "PRKGOV"),
        ("Kim Jong-un", date(2018, 6, 12), "PRKGOV"),
        ("김정은", date(2019, 2, 27), "PRKGOV"),
        ("Wei Fenghe", date(2019, 6, 2), "CHNMIL"),
        ("Kang Kyung-wha", date(2018, 11, 12), "KORGOV"),
        ("Ri Yong-ho", date(2018, 11, 12), "PRKGOV"),
        ("Sergei Lavrov", date(2018, 11, 12), "RUSGOV"),
        ("Ban Ki-moon", date(2010, 1, 1), "IGOUNO"),
        ("Voice of America", None, "USAMED"),
        ("VOA", None, "USAMED"),
        ("United Nations Security Council", None, "IGOUNO"),
        ("UNSC", None, "IGOUNO"),
        ("Choson Sinbo", None, "PRKMED"),
        ("Rodong Sinmun", None, "PRKMED"),
        ("YTN", None, "KORMED"),
        ("the Trinidad Guardian", None, "TTOMED"),
        ("Twitter", None, "USAMED"),
        ("Facebook", None, "USAMED"),
    ],
)
def test_kb_actor_codes(kb: KnowledgeBase, name: str, on: date | None, code: str) -> None:
    actor = kb.actor(name, on)
    assert actor is not None, name
    assert actor.code == code


def test_kb_actors_lists_valid_facts_first(kb: KnowledgeBase) -> None:
    facts = kb.actors("Mike Pompeo", date(2018, 11, 12))
    assert len(facts) >= 2
    assert facts[0].valid_on(date(2018, 11, 12))
    assert all(f.source.startswith("parley:people.tsv:") for f in facts)


def test_kb_short_acronyms_need_capitals(kb: KnowledgeBase) -> None:
    assert kb.actor("WHO") is not None
    assert kb.actor("who") is None
    assert kb.actor("AP") is not None and kb.actor("ap") is None


def test_kb_surname_index_finds_people_by_family_name(kb: KnowledgeBase) -> None:
    index = kb.surname_index(date(2018, 11, 12))
    assert [a.name for a in index["pompeo"]] == ["Mike Pompeo"]
    kims = {a.name for a in index["kim"]}
    assert {"Kim Jong Un", "Kim Yong Chol"} <= kims  # family name first: many Kims
    assert all(a.kind == "person" for people in index.values() for a in people)


@pytest.mark.parametrize(
    ("role", "sector"),
    [
        ("Minister of National Defense", "MIL"),
        ("defense minister", "MIL"),
        ("Secretary of State", "GOV"),
        ("professor", "EDU"),
        ("spokesman", None),
        ("foreign ministry spokesman", "GOV"),
        ("lawmaker", "LEG"),
        ("lawmakers", "LEG"),
        ("judge", "JUD"),
        ("rebel commander", "REB"),
        ("opposition leader", "OPP"),
        ("CEO", "BUS"),
        ("reporter", "MED"),
        ("general", "MIL"),
        ("North Korean Vice Foreign Minister", "GOV"),
        # A deputy is his office's, not a sheriff's deputy: the employer says the sector.
        ("deputy director", None),
        ("deputy department director", None),
        ("deputy prime minister", "GOV"),
        ("sheriff deputy", "COP"),
        ("deputy sheriff", "COP"),
        ("", None),
        ("블라블라", None),
    ],
)
def test_kb_role_sector(kb: KnowledgeBase, role: str, sector: str | None) -> None:
    assert kb.role_sector(role) == sector


@pytest.mark.parametrize(
    ("name", "sector"),
    [
        ("Ministry of Foreign Affairs", "GOV"),
        ("Foreign Ministry", "GOV"),
        ("Defense Ministry", "MIL"),
        ("University of North Korean Studies", "EDU"),
        ("Kim Il Sung University", "EDU"),
        ("Korean People's Army", "MIL"),
        ("Army Times", "MED"),
        ("Institute for National Security Strategy", "SPY"),
        ("Some Institute for Peace", "EDU"),
        ("Hankyoreh", "MED"),
        # "General" inside a body's name is no military rank.
        ("Kangdong County General Hospital", "HLH"),
        ("Anju Eye Clinic", "HLH"),
        ("General Staff of the Navy", "MIL"),
    ],
)
def test_kb_organization_sector(kb: KnowledgeBase, name: str, sector: str) -> None:
    assert kb.organization_sector(name) == sector


@pytest.mark.parametrize("name", ["Ruritanian General Trading Group", "Songdo General Restaurant"])
def test_kb_organization_sector_general_in_a_name_is_no_rank(kb: KnowledgeBase, name: str) -> None:
    assert kb.organization_sector(name) != "MIL"


def test_kb_pla_known_by_its_chinese_abbreviation(kb: KnowledgeBase) -> None:
    found = kb.actor("CPLA")
    assert found is not None and found.code == "CHNMIL"


@pytest.mark.parametrize("text", ["북한", "朝鲜", "金正恩", "🙂", "\x00", "'s", "the", "-"])
def test_kb_odd_text_does_not_crash(kb: KnowledgeBase, text: str) -> None:
    kb.country(text)
    kb.country_by_demonym(text)
    kb.country_by_capital(text)
    kb.actors(text, date(2018, 1, 1))
    kb.actor(text)
    kb.role_sector(text)
    kb.organization_sector(text)


def test_kb_matcher_phrases_label_every_kind(kb: KnowledgeBase) -> None:
    phrases = kb.matcher_phrases()
    labels = {label for _, label in phrases}
    assert labels == {"country", "demonym", "capital", "actor"}
    assert ("Pyongyang", "capital") in phrases and ("Mike Pompeo", "actor") in phrases


def test_kb_load_reads_anew_each_time(kb: KnowledgeBase) -> None:
    # The caller (the entity stage's resources) keeps the knowledge base; nothing caches it.
    again = load_knowledge_base((), ())
    assert again is not kb
    assert again.facts == kb.facts and again.countries == kb.countries


@pytest.mark.parametrize(
    ("name", "code", "kind"),
    [
        ("European Community", "IGOEUREEC", "organization"),
        ("International Labor Office", "IGOUNOLAB", "organization"),
        ("Kurdistan Workers' Party", "TURREBKUR", "group"),
        ("PKK", "TURREBKUR", "group"),
        ("Liberation Tigers", "LKAREB", "group"),
        ("PLO", "PSEGOV", "organization"),
        ("Gaza Strip", "PSE", "location"),
        ("Mosul", "IRQ", "location"),
        # KCNA's spellings of the two Koreas' provinces, cities and counties.
        ("North Phyongan Province", "PRK", "location"),
        ("Jagang", "PRK", "location"),
        ("Chongjin City", "PRK", "location"),
        ("Nampho Municipality", "PRK", "location"),
        ("Kapsan County", "PRK", "location"),
        ("Kyonggi Province", "KOR", "location"),
        ("Yonphyong Island", "KOR", "location"),
    ],
)
def test_kb_lookup_organisations_and_places(
    kb: KnowledgeBase, name: str, code: str, kind: str
) -> None:
    actor = kb.actor(name)
    assert actor is not None
    assert (actor.code, actor.kind) == (code, kind)


def test_kb_lookup_korean_ppp_is_not_pakistani(kb: KnowledgeBase) -> None:
    actor = kb.actor("PPP", date(2023, 1, 1))
    assert actor is not None and actor.code == "KORPTY"


@pytest.mark.parametrize(
    ("name", "on", "code"),
    [
        ("Bernie Sanders", date(2016, 6, 3), "USALEG"),  # a senator in office
        ("Carly Fiorina", date(2016, 1, 1), "USAELI"),  # after her office: a candidate
        ("Meg Whitman", date(2016, 8, 1), "USABUS"),
        ("Jerry Brown", date(2016, 6, 3), "USAGOV"),  # a governor acts for the government
        ("Roger Stone", date(2016, 8, 8), "USAELI"),  # no office at all
        ("Mikhail Bogdanov", date(2024, 10, 15), "RUSGOV"),
    ],
)
def test_kb_us_politics_and_envoys_of_the_2010s(
    kb: KnowledgeBase, name: str, on: date, code: str
) -> None:
    actor = kb.actor(name, on)
    assert actor is not None and actor.code == code


def test_kb_common_word_surnames_are_not_indexed(kb: KnowledgeBase) -> None:
    # "Stone", "Cook" alone are words before they are Roger Stone or Tim Cook; "Bush" stays
    # George W. Bush's alone.
    index = kb.surname_index(date(2016, 8, 8))
    assert "stone" not in index and "cook" not in index
    assert [a.name for a in index["bush"]] == ["George W. Bush"]


def test_kb_us_party_committees(kb: KnowledgeBase) -> None:
    for name in ("Republican National Committee", "RNC", "DNC"):
        actor = kb.actor(name)
        assert actor is not None and actor.code == "USAPTY", name


@pytest.mark.parametrize(
    ("role", "sector"),
    [
        # "General" before another office word is no rank.
        ("general manager", "BUS"),
        ("deputy general manager", "BUS"),
        ("general director", None),
        ("general counsel", None),
        ("surgeon general", "GOV"),
        ("attorney general", "GOV"),
        # The rank itself, and titles where it stays one.
        ("general", "MIL"),
        ("lieutenant general", "MIL"),
        ("director general", "GOV"),
    ],
)
def test_kb_role_sector_general_as_a_rank_or_not(
    kb: KnowledgeBase, role: str, sector: str | None
) -> None:
    assert kb.role_sector(role) == sector


@pytest.mark.parametrize(
    ("name", "day"),
    [("Kim Il Sung", date(2012, 4, 15)), ("Kim Jong Il", date(2024, 2, 16))],
)
def test_late_dprk_leaders_stay_the_state_s(kb: KnowledgeBase, name: str, day: date) -> None:
    found = kb.actor(name, day)
    assert found is not None and found.code == "PRKGOV"


def test_myanmar_s_former_official_name_is_the_country(kb: KnowledgeBase) -> None:
    found = kb.country("Union of Myanmar")
    assert found is not None and found.code == "MMR"
