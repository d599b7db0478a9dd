"""Bodies and officers as North Korean state media name them: a party's "congress" in lower
case, names the model cut at a small word, envoys "to" a country before their names, the
bodies named after "the people", and South Korean bodies in quotation marks (invented text,
real knowledge base)."""

from __future__ import annotations

import pytest

from parley.entities.descriptions import join_parts_named_as_members
from parley.records import Entity, Mention


def _coded(entities) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    return {e.name: e.actor for e in entities}


@pytest.mark.parametrize(
    "text",
    [
        "The Labour Party of Ruritania held its congress in the capital last week.",
        "The congress elected a new central committee, the delegates said.",
    ],
)
def test_lower_case_congress_is_no_us_congress(entities_of, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "USALEG" not in _coded(entities_of(text, real=True)).values()


def test_capitalised_congress_stays_the_us_congress(entities_of) -> None:  # type: ignore[no-untyped-def]
    found = entities_of("Congress passed the farm bill on Tuesday.", real=True)
    assert "USALEG" in _coded(found).values()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Scholars met at the World Congress on the Juche Idea held in Lima.",
            "World Congress on the Juche Idea",
        ),
        (
            "A talk was given by the Chilean Committee for the Study of the Juche Idea "
            "in Valparaiso.",
            "Chilean Committee for the Study of the Juche Idea",
        ),
    ],
)
def test_name_cut_at_a_small_word_is_made_whole(entities_of, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    names = {e.name for e in entities_of(text, real=True)}
    assert name in names


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Later DPRK Ambassador to Mongolia Ri Chol Man laid a wreath.", "Ri Chol Man", "PRKGOV"),
        ("Chinese Ambassador to the DPRK Liu Xiaoming hosted a banquet.", "Liu Xiaoming", "CHNGOV"),
        # The demonym the model left untagged still says whose envoy he is.
        (
            "The minister received new Lao Ambassador to the DPRK Khampheng Sayavong on Monday.",
            "Khampheng Sayavong",
            "LAOGOV",
        ),
    ],
)
def test_envoy_to_a_country_before_a_name(entities_of, text: str, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(text, real=True)
    assert _coded(found).get(name) == code
    # The title is the envoy's, not a nameless group of his country beside him.
    assert not [e for e in found if e.kind == "group" and "Ambassador" in e.name]


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        (
            "An order of the Standing Committee of the DPRK Supreme People's Assembly came out.",
            "PRKCVL",
        ),
        ("Pak Song Il, chairman of the county people's committee, spoke at the rally.", "PRKCVL"),
    ],
)
def test_bodies_named_after_the_people_are_no_people(entities_of, text: str, bad: str) -> None:  # type: ignore[no-untyped-def]
    assert bad not in _coded(entities_of(text, real=True)).values()


def test_supreme_peoples_assembly_after_a_country_word(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "A decree of the Presidium of the DPRK Supreme People's Assembly came out on Sunday."
    assert "PRKLEG" in _coded(entities_of(text, real=True)).values()


def test_quoted_body_joins_the_same_name_unquoted(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The DPRK paper said the ruling party of south Korea rushed the bill through the "
        '"National Assembly" on Friday. The 21st-term "National Assembly" is a den of '
        "traitors, it added."
    )
    found = [e for e in entities_of(text, real=True) if "National Assembly" in e.name]
    assert len(found) == 1
    assert found[0].actor == "KORLEG"


def test_group_for_the_study_is_a_civic_body(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "The Bolivian Group for the Study of Songun Politics sent a letter to the embassy."
    coded = _coded(entities_of(text, real=True))
    assert coded.get("Bolivian Group for the Study of Songun Politics") == "BOLNGO"


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        # KCNA's "the great men" are its leaders, no people of no kind.
        ("Pyongyang marked the day. The visitors honoured the feats of the great men.", "GOV"),
        # "officers and men" of a unit are its soldiers.
        ("Pyongyang marked the day. Officers and men of the unit pledged to defend it.", "MIL"),
    ],
)
def test_men_in_a_term_take_the_term_s_sector(entities_of, text: str, sector: str) -> None:  # type: ignore[no-untyped-def]
    sectors = {e.sector for e in entities_of(text, real=True) if "men" in e.name}
    assert sectors == {sector}


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # North Korea's security bodies named with no country word, in a story on the South
        # or on a visit to China, are still North Korea's.
        (
            "The south Korean puppet regime staged drills again. A general of the Ministry "
            "of People's Security said the traitors in south Korea will pay for it.",
            "Ministry of People's Security",
            "PRKGOV",
        ),
        (
            "A delegation of the Worker-Peasant Red Guards left for Beijing to visit China.",
            "Worker-Peasant Red Guards",
            "PRKMIL",
        ),
    ],
)
def test_north_korean_security_bodies_are_north_korea_s(
    entities_of, text: str, name: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    assert _coded(entities_of(text, real=True)).get(name) == code


def test_our_army_in_the_north_s_media_is_north_korea_s(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The south Korean puppet regime held a provocative drill near the line. The "
        "traitors in south Korea will be crushed by our heroic army, the speakers said. "
        "They swore to defend the great men of the country."
    )
    codes = {e.name: e.actor for e in entities_of(text, real=True)}
    assert codes.get("heroic army") == "PRKMIL"
    assert codes.get("great men") == "PRKGOV"


def test_our_army_without_the_other_half_lower_case_is_left_alone(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = "South Korea held a drill near the line. Our army is ready, a Seoul officer said."
    assert "PRKMIL" not in _coded(entities_of(text, real=True)).values()


def _holders(entities, words: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.id for e in entities if any(m.text == words for m in e.mentions)]


def test_part_named_as_member_joins_the_body(entities_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pak Su Il, chief of the General Staff of the Korean People's Army, spoke on "
        "Friday. The KPA General Staff warned of a strong answer to the drills."
    )
    found = entities_of(text, real=True)
    holders = _holders(found, "KPA General Staff")
    assert len(holders) == 1
    whole = next(e for e in found if e.id == holders[0])
    assert any(m.text.startswith("General Staff of") for m in whole.mentions)


def _body(id_: str, name: str, code: str, *spans: tuple[int, str]) -> Entity:
    mentions = tuple(Mention(start, start + len(words), words) for start, words in spans)
    return Entity(id_, name, "organization", code, code[:3], (), None, mentions, code[3:])


@pytest.mark.parametrize(("code", "joined"), [("PRKMIL", True), ("CHNMIL", False)])
def test_part_joins_only_a_body_coded_alike(code: str, joined: bool) -> None:
    whole = _body("e1", "Korean People's Army", "PRKMIL", (0, "General Staff of the KPA"))
    part = _body("e2", "KPA General Staff", code, (40, "KPA General Staff"))
    out = join_parts_named_as_members((whole, part), " " * 60)
    assert (len(out) == 1) is joined


def test_part_placed_by_its_own_words_stays_apart() -> None:
    text = "The Labour Party of Gondor and the Labour Party in Gondor sent letters."
    whole = _body("e1", "Labour Party of Gondor", "GONPTY", (4, "Labour Party of Gondor"))
    part = _body("e2", "Labour Party", "GONPTY", (35, "Labour Party"))
    assert text[35:47] == "Labour Party"
    assert len(join_parts_named_as_members((whole, part), text)) == 2
