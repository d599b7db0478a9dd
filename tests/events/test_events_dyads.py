"""Who acts on whom: venues, the source's own country, symmetric acts, lists of parties, and
the receiver of aid named only in the sentence before."""

from __future__ import annotations

import pytest

from tests.events.conftest import Code

COUNTRIES = {
    "Mordor": "MOR",
    "Gondor": "GON",
    "Rohan": "ROH",
    "Arnor": "ARN",
    "Minas Tirith": "GON",
    "Edoras": "ROH",
}
# Edoras is a city of Rohan, Minas Tirith one of Gondor.
PLACES = {"Edoras": "location", "Minas Tirith": "location"}


def _pairs(events):  # type: ignore[no-untyped-def]
    return {(e.source_actor, e.cameo[:2], e.target_actor) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Mordor and Arnor met in Edoras on Tuesday.",
        "Envoys of Mordor and Arnor held talks at Edoras last week.",
        "Talks between Mordor and Arnor took place in Edoras.",
    ],
)
def test_dyads_venue_is_never_a_target(code: Code, text: str) -> None:
    events = code(text, COUNTRIES, kinds=PLACES)
    assert events
    assert all(e.target_actor != "ROH" for e in events)


def test_dyads_event_nouns_at_phrase_naming_a_venue_is_no_target(code: Code) -> None:
    # "at a hotel in Edoras": where the meeting was held, not whom it was held with.
    events = code("The meeting at a hotel in Edoras lasted until noon.", COUNTRIES, kinds=PLACES)
    assert all(e.target_actor != "ROH" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Kim Ok Sun in an address during her recent visit to Gondor condemned Mordor.",
        "Kim Ok Sun on her recent visit to Gondor condemned Mordor.",
    ],
)
def test_dyads_where_a_named_person_is_does_not_say_whose_they_are(code: Code, text: str) -> None:
    events = code(text, {**COUNTRIES, "Kim Ok Sun": ""}, kinds={"Kim Ok Sun": "person"})
    accusations = [e for e in events if e.cameo.startswith("11")]
    assert accusations
    assert all(e.source_actor != "GON" for e in accusations)


def test_dyads_place_of_a_held_event_does_not_speak_through_it(code: Code) -> None:
    # The press conference was held in Edoras: its words are its holder's, not Rohan's.
    text = "The Folk Society held a press conference in Edoras denouncing Mordor."
    events = [e for e in code(text, COUNTRIES, kinds=PLACES) if e.cameo.startswith("11")]
    assert events
    assert all(e.source_actor != "ROH" for e in events)


def test_dyads_receiver_located_somewhere_is_not_that_place(code: Code) -> None:
    # The hospital is in Edoras; Rohan received nothing.
    events = code(
        "Mordor donated medicine to a hospital in Edoras on Monday.", COUNTRIES, kinds=PLACES
    )
    assert [(e.source_actor, e.cameo[:2]) for e in events] == [("MOR", "07")]
    assert all(e.target_actor != "ROH" for e in events)


@pytest.mark.parametrize(
    "text",
    ["Mordor hailed the Edoras agreement.", "Mordor welcomed the Edoras declaration on Monday."],
)
def test_dyads_town_naming_a_thing_is_no_party(code: Code, text: str) -> None:
    # A town before a singular noun says where the thing was made, not whose it is.
    events = code(text, COUNTRIES, kinds=PLACES)
    assert events
    assert all(e.target_actor != "ROH" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The Free Folk staged protests against the Edoras fortress construction.",
        "Mordor hailed the Edoras agreement.",
    ],
)
def test_dyads_town_the_model_took_for_a_person_naming_a_thing_is_no_party(
    code: Code, text: str
) -> None:
    # The model may tag a town a person; coded as its place (a bare country code, no
    # role), it still only says where the thing is.
    events = code(text, {**COUNTRIES, "Free Folk": "ROHCVL"}, kinds={"Edoras": "person"})
    assert all(e.target_actor != "ROH" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Gondor kicked off war drills against Mordor one year after the Edoras shelling.",
        "Gondor kicked off war drills one year after the Edoras shelling incident.",
        "In the wake of the Edoras shelling incident, Gondor issued a new order.",
    ],
)
def test_dyads_place_before_its_own_act_is_not_its_doer(code: Code, text: str) -> None:
    # The town is where the shelling happened (and what it hit), never who shelled.
    events = code(text, COUNTRIES, kinds=PLACES)
    assert all(e.source_actor != "ROH" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Envoys of Mordor visited farm sites, including the new orchards in Edoras, and mines.",
        "Mordor staged drills at sites, including hills near Edoras, on Monday.",
    ],
)
def test_dyads_place_of_an_including_list_member_is_a_venue(code: Code, text: str) -> None:
    # The members of an including-list are of the head's kind: their places are venues.
    events = code(text, COUNTRIES, kinds=PLACES)
    assert events
    assert all(e.target_actor != "ROH" for e in events)


def test_dyads_what_an_assault_hits_is_the_place(code: Code) -> None:
    # An act done to a place, unlike a meeting held there: the place is its target.
    events = code("Mordor shelled villages in Rohan overnight.", COUNTRIES, kinds=PLACES)
    assert ("MOR", "19", "ROH") in _pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        "Gondor granted asylum to three officers on Friday.",
        "Gondor lifted the curfew on Sunday.",
    ],
)
def test_dyads_no_target_from_the_source_country(code: Code, text: str) -> None:
    events = code(text, COUNTRIES, kinds=PLACES)
    assert events
    assert all(e.target_actor is None for e in events)


def test_dyads_never_one_code_on_both_sides(code: Code) -> None:
    # Two names of one country: Gondor does not criticise Gondor.
    events = code("Gondor criticized Minas Tirith for the delay.", COUNTRIES, kinds=PLACES)
    assert events
    assert all(e.source_actor != e.target_actor for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Mordor and Arnor held talks on Tuesday.",
        "Delegations of Mordor and Arnor met on Tuesday.",
        "Talks between Mordor and Arnor ended on Tuesday.",
        "The Mordor-Arnor talks ended on Tuesday.",
        "Mordor and Arnor agreed to resume the excavation.",
    ],
)
def test_dyads_symmetric_act_goes_both_ways(code: Code, text: str) -> None:
    events = code(text, COUNTRIES, kinds=PLACES)
    dyads = {(e.source_actor, e.target_actor) for e in events}
    assert {("MOR", "ARN"), ("ARN", "MOR")} <= dyads
    assert all(e.source_actor != e.target_actor for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Mordor held talks with Arnor on Tuesday.",
        "Mordor met with Arnor in Edoras.",
        "Mordor signed a trade agreement with Arnor.",
    ],
)
def test_dyads_joint_act_with_a_party_goes_both_ways(code: Code, text: str) -> None:
    events = code(text, COUNTRIES, kinds=PLACES)
    assert {("MOR", "ARN"), ("ARN", "MOR")} <= {(e.source_actor, e.target_actor) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Mordor will strive to develop relations with Arnor.",
        "Mordor may hold talks with Arnor next year.",
    ],
)
def test_dyads_one_sides_will_with_a_party_is_its_own(code: Code, text: str) -> None:
    events = code(text, COUNTRIES, kinds=PLACES)
    assert events
    assert all(e.source_actor == "MOR" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Mordor and Arnor met separately on Tuesday.",
        "Mordor and Arnor held talks individually on Tuesday.",
    ],
)
def test_dyads_parties_acting_apart_act_on_no_one_of_them(code: Code, text: str) -> None:
    events = code(text, COUNTRIES, kinds=PLACES)
    dyads = {(e.source_actor, e.target_actor) for e in events}
    assert not dyads & {("MOR", "ARN"), ("ARN", "MOR")}
    assert {"MOR", "ARN"} <= {e.source_actor for e in events}


def test_dyads_both_sides_are_the_last_two_parties(code: Code) -> None:
    text = "Mordor sent envoys to Arnor. Both sides agreed to resume the excavation."
    events = code(text, COUNTRIES, kinds=PLACES)
    second = [e for e in events if e.start >= text.index("Both")]
    assert {("MOR", "ARN"), ("ARN", "MOR")} <= {(e.source_actor, e.target_actor) for e in second}


def test_dyads_nested_symmetric_noun_keeps_one_doer(code: Code) -> None:
    # Who postponed the talks is not said; the first party stands for the doer.
    text = "The postponement of talks between Gondor and Arnor surprised observers."
    assert _pairs(code(text, COUNTRIES, kinds=PLACES)) == {("GON", "16", "ARN")}


@pytest.mark.parametrize(
    "text",
    [
        "Mordor, Rohan and Arnor should accept the offer without conditions.",
        "Mordor and Arnor condemned the decision on Monday.",
    ],
)
def test_dyads_listed_parties_acting_on_something_else_do_not_act_on_each_other(
    code: Code, text: str
) -> None:
    events = code(text, COUNTRIES, kinds=PLACES)
    assert events
    assert all(e.target_actor is None for e in events)
    assert len({e.source_actor for e in events}) == len(events)


def test_dyads_aid_goes_to_the_party_named_just_before(code: Code) -> None:
    text = (
        "Gondor and Arnor held talks in Edoras on Tuesday. "
        "Gondor promised to offer 240,000 tons of food assistance."
    )
    events = code(text, COUNTRIES, kinds=PLACES)
    aid = [e for e in events if e.start >= text.index("Gondor promised")]
    assert [(e.source_actor, e.cameo, e.target_actor) for e in aid] == [("GON", "033", "ARN")]
    # The receiver is not written in the sentence: no words of its own.
    assert aid[0].target_text is None


def test_dyads_aid_with_no_other_party_before_has_no_target(code: Code) -> None:
    events = code("Gondor promised to offer 240,000 tons of food assistance.", COUNTRIES)
    assert [(e.source_actor, e.cameo, e.target_actor) for e in events] == [("GON", "033", None)]


def test_dyads_uncoded_to_clause_names_the_receiver(code: Code) -> None:
    events = code("Gondor has promised to continue military aid to Rohan.", COUNTRIES)
    assert ("GON", "03", "ROH") in _pairs(events)


def test_dyads_passive_talks_between_go_both_ways(code: Code) -> None:
    text = "Talks between Gondor and Rohan were held in Minas Tirith."
    events = code(text, COUNTRIES, kinds=PLACES)
    assert {(e.source_actor, e.target_actor) for e in events} == {("GON", "ROH"), ("ROH", "GON")}


def test_dyads_both_sides_skips_an_uncoded_name(code: Code) -> None:
    text = "Mordor sent envoys to Arnor and the Lake Mission. Both sides agreed to meet again."
    events = code(text, {**COUNTRIES, "Lake Mission": ""})
    second = [e for e in events if e.start >= text.index("Both")]
    assert {(e.source_actor, e.target_actor) for e in second} == {("MOR", "ARN"), ("ARN", "MOR")}


@pytest.mark.parametrize(
    "text",
    [
        "The Rohan army started Gondor-targeted drills on Monday.",
        "The Rohan army started anti-Gondor drills on Monday.",
    ],
)
def test_dyads_modifier_aimed_at_is_the_target(code: Code, text: str) -> None:
    events = code(text, {**COUNTRIES, "Rohan army": "ROHMIL"})
    assert [(e.source_actor, e.cameo[:2], e.target_actor) for e in events] == [
        ("ROHMIL", "15", "GON")
    ]


def test_dyads_moratorium_agreed_is_a_concession_to_the_other_party(code: Code) -> None:
    text = (
        "Gondor and Mordor held talks in Edoras. "
        "Mordor agreed to a moratorium on missile tests at the Dol Guldur site."
    )
    events = code(text, {**COUNTRIES, "Dol Guldur": ""}, kinds=PLACES)
    later = [e for e in events if e.start >= text.index("Mordor agreed")]
    assert [(e.source_actor, e.cameo, e.target_actor) for e in later] == [("MOR", "035", "GON")]


def test_dyads_agreed_event_noun_is_one_event(code: Code) -> None:
    events = code("Mordor agreed to a truce with Gondor on Sunday.", COUNTRIES)
    assert [(e.source_actor, e.cameo[:2], e.target_actor) for e in events] == [("MOR", "03", "GON")]


def test_dyads_what_a_concession_eases_is_the_place(code: Code) -> None:
    # Not a venue: the state of emergency held in Edoras, and lifting it acts on Rohan.
    text = "The Rohan government lifted the state of emergency in Edoras on Sunday."
    events = code(text, {**COUNTRIES, "Rohan government": "ROHGOV"}, kinds=PLACES)
    assert [(e.source_actor, e.cameo[:2], e.target_actor) for e in events] == [
        ("ROHGOV", "08", "ROH")
    ]


def test_dyads_titles_in_apposition_are_one_party(code: Code) -> None:
    text = (
        "Aragorn, chief of the Dunedain and king of Gondor, met Eomer, "
        "marshal of the Riders and king of Rohan, on Monday."
    )
    actors = {**COUNTRIES, "Aragorn": "GONGOV", "Eomer": "ROHGOV", "Dunedain": "ARN"}
    events = code(text, actors)
    assert [(e.source_actor, e.cameo[:2], e.target_actor) for e in events] == [
        ("GONGOV", "04", "ROHGOV")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Talks were held between the envoys of Gondor and Rohan on Monday.",
        "There were talks between Aragorn, envoy of Gondor, and Eomer, marshal of Rohan.",
        "Talks between Gondor and Rohan took place on a visit to Gondor.",
    ],
)
def test_dyads_between_phrase_names_both_sides(code: Code, text: str) -> None:
    events = code(text, {**COUNTRIES, "Aragorn": "GONGOV", "Eomer": "ROHGOV"})
    dyads = {
        (e.source_actor[:3], e.target_actor[:3])
        for e in events
        if e.cameo[:2] == "04"
        if e.source_actor and e.target_actor
    }
    assert dyads == {("GON", "ROH"), ("ROH", "GON")}


def test_dyads_demonstrative_pronoun_is_not_the_last_name(code: Code) -> None:
    text = "Gondor met Rohan on Monday. Those who opposed the meeting attacked Mordor."
    events = code(text, COUNTRIES)
    attack = [e for e in events if e.cameo[:2] == "19"]
    assert attack
    assert all(e.source_actor is None for e in attack)


def test_dyads_offer_of_aid_is_one_intent_to_give_it(code: Code) -> None:
    events = code("The Rohan offer of food aid to Gondor came on Monday.", COUNTRIES)
    assert [(e.source_actor, e.cameo, e.target_actor) for e in events] == [("ROH", "033", "GON")]


def test_dyads_between_phrase_with_a_leader_named_in_each_side(code: Code) -> None:
    text = (
        "The second round of the talks was held in Edoras on Monday between the Gondor "
        "delegation led by Aragorn and the Mordor delegation led by the Mouth."
    )
    events = code(text, {**COUNTRIES, "Aragorn": "GONGOV"}, kinds=PLACES)
    assert {
        (e.source_actor[:3], e.target_actor[:3])
        for e in events
        if e.source_actor and e.target_actor
    } == {("GON", "MOR"), ("MOR", "GON")}


def test_dyads_show_of_force_is_not_aimed_at_its_waters(code: Code) -> None:
    events = code("Mordor staged a naval drill in the waters off Edoras.", COUNTRIES, kinds=PLACES)
    assert [(e.source_actor, e.cameo[:2], e.target_actor) for e in events] == [("MOR", "15", None)]


@pytest.mark.parametrize(
    "text",
    [
        # A named site holding a capital's name: where it happened, not Gondor.
        "Mordor and Arnor held a meeting at the Osgiliath Grand Hall on Monday.",
        "Arnor raised a glass to the health of Mordor, congratulating it on its jubilee "
        "here in Osgiliath with friends.",
    ],
)
def test_dyads_named_site_and_adverbial_place_are_venues(code: Code, text: str) -> None:
    events = code(text, {**COUNTRIES, "Osgiliath": "GON"}, kinds=PLACES)
    assert events
    assert all(e.target_actor != "GON" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The noun the verb carries names whom: the occasion is no party.
        (
            "In the message Mordor extended congratulations to Arnor on the 76th birthday of "
            "Gondor, the significant day of the people.",
            ("MOR", "051", "ARN"),
        ),
        ("The envoy of Mordor paid a farewell call on the king of Arnor.", ("MOR", "042", "ARN")),
        ("Mordor paid tribute to Arnor on Monday.", ("MOR", "051", "ARN")),
    ],
)
def test_dyads_light_verb_noun_names_the_target(
    code: Code, text: str, expected: tuple[str, str, str]
) -> None:
    found = {
        (
            e.source_actor[:3] if e.source_actor else None,
            e.cameo,
            e.target_actor[:3] if e.target_actor else None,
        )
        for e in code(text, COUNTRIES)
    }
    assert expected in found


@pytest.mark.parametrize(
    "text",
    [
        # Where words came out is no party: an outlet or a platform after "on" or "via".
        "The Mordor envoy said on Palantir News that Arnor had hidden the ring.",
        "The Mordor envoy announced on his Palantir News page that the talks were over.",
        "The Mordor envoy blamed Arnor on Palantir News for the raid.",
    ],
)
def test_dyads_outlet_a_statement_came_out_on_is_no_target(code: Code, text: str) -> None:
    events = code(
        text,
        {**COUNTRIES, "Palantir News": "GONMED"},
        kinds={"Palantir News": "media"},
    )
    assert all(e.target_actor != "GONMED" for e in events)


def test_dyads_outlet_called_on_is_the_target(code: Code) -> None:
    # "called on X to ...": the one asked, a medium too.
    events = code(
        "Mordor called on Palantir News to remove the posts.",
        {**COUNTRIES, "Palantir News": "GONMED"},
        kinds={"Palantir News": "media"},
    )
    assert ("MOR", "02", "GONMED") in _pairs(events)


def test_dyads_the_two_sides_are_not_the_venue(code: Code) -> None:
    text = "Mordor and Arnor held talks in Edoras. The two sides agreed to meet again."
    agreed = [e for e in code(text, COUNTRIES, kinds=PLACES) if e.cameo.startswith("03")]
    assert {(e.source_actor, e.target_actor) for e in agreed} == {("MOR", "ARN"), ("ARN", "MOR")}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # An active verb's by-phrase is its object's doer, wherever the parser hangs it.
        ("Gondor and Rohan condemned the launch by Mordor.", "MOR"),
        # Whose the thing acted on is, when nothing else names a party.
        ("Gondor and Rohan should accept the proposal of Mordor.", "MOR"),
        # What a criticism goes at in its at- or against-phrase is acted on as an object.
        ("Gondor and Rohan lashed out at the drills launched by Mordor.", "MOR"),
        ("Gondor and Rohan protested against the tolls imposed by Mordor.", "MOR"),
    ],
)
def test_dyads_whose_object_is_the_target(code: Code, text: str, target: str) -> None:
    events = code(text, COUNTRIES, kinds=PLACES)
    assert events
    assert {e.target_actor for e in events} == {target}


def test_dyads_a_name_hung_on_the_adverb_is_still_the_subject(code: Code) -> None:  # type: ignore[no-untyped-def]
    # The parser reads "Ho" as a compound of "courteously"; the ambassador still conveys.
    text = (
        "Ambassador Ri Tal Ho courteously conveyed the greetings from Aragorn Elessar to "
        "President Eomer Eadig."
    )
    actors = {"Ri Tal Ho": "GONGOV", "Aragorn Elessar": "GONGOV", "Eomer Eadig": "ROHGOV"}
    events = code(text, actors)
    assert [(e.source_actor, e.cameo, e.target_actor) for e in events] == [
        ("GONGOV", "017", "ROHGOV")
    ]


def test_dyads_a_subject_hung_on_the_phrase_after_it_is_still_the_subject(code: Code) -> None:  # type: ignore[no-untyped-def]
    # The parser reads "Gondor" as the subject of "in"; Gondor still supports.
    text = "Gondor will in the future, too, firmly support Rohan in its struggle for peace."
    events = code(text, COUNTRIES)
    assert [(e.source_actor, e.target_actor) for e in events if e.cameo.startswith("05")] == [
        ("GON", "ROH")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # The parser makes "staying" a clause subject: the guests visited, not Gondor.
        "Foreign guests staying in Gondor also visited the tomb of Aragorn Elessar on Monday.",
        # People from elsewhere: where they are is not whose they are.
        "Foreign journalists in Gondor visited the tomb of Aragorn Elessar on Monday.",
    ],
)
def test_dyads_foreigners_are_not_the_country_they_stay_in(code: Code, text: str) -> None:  # type: ignore[no-untyped-def]
    events = code(text, {"Gondor": "GON", "Aragorn Elessar": "GONGOV"})
    visits = [e for e in events if e.cameo.startswith("04")]
    assert visits and all(e.source_actor is None for e in visits)


@pytest.mark.parametrize(
    "text",
    [
        "Mordor's envoy, who is currently on a trip to Gondor, said the talks were useful.",
        "The king of Rohan, who was on a three-day visit to Gondor, praised the harvest.",
        "The envoy of Mordor arrived on a visit to Gondor on Monday.",
        # "who" is the person whose title holds the noun the clause hangs from.
        "Sauron Gorthaur, president of the Presidium of the Mordor Assembly who is on a "
        "goodwill visit to Gondor, met the king.",
    ],
)
def test_dyads_the_one_on_a_trip_makes_the_visit(code: Code, text: str) -> None:
    # "X, who is on a trip to Y,": the relative clause's subject is the noun it modifies.
    events = code(text, {**COUNTRIES, "Sauron Gorthaur": "MORGOV"})
    visits = [e for e in events if e.cameo[:3] == "042"]
    assert visits and (visits[0].source_actor or "")[:3] in ("MOR", "ROH")
    assert visits[0].target_actor == "GON"


def test_dyads_a_trip_that_goes_nowhere_is_no_visit(code: Code) -> None:
    text = "On that first trip through bankruptcy, Mordor was able to pay its debts."
    events = code(text, COUNTRIES)
    assert all(e.cameo[:3] != "042" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Aragorn, a former envoy of the Gondor foreign ministry, told reporters that Mordor "
        "could resume its attacks.",
        "A spokesman for the Gondor council said Mordor might fire rockets overnight.",
    ],
)
def test_dyads_the_reporter_s_office_is_not_the_target(code: Code, text: str) -> None:
    # The speaker's phrase names who says it, not whom the reported act is done to.
    events = code(text, {**COUNTRIES, "Aragorn": "GONGOV"})
    attacks = [e for e in events if e.cameo[:2] in ("18", "19")]
    assert attacks and all(e.target_actor != "GON" for e in attacks)


@pytest.mark.parametrize(
    "text",
    [
        "Mordor reaffirmed its full support and solidarity with the just cause of Gondor.",
        "Mordor expressed full support to the struggle of Gondor.",
    ],
)
def test_dyads_support_goes_to_whom_its_verb_names(code: Code, text: str) -> None:
    # The parser hangs the with/to-phrase on the verb that carries "support", not the noun.
    events = code(text, COUNTRIES)
    assert ("MOR", "05", "GON") in _pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        "Mordor is keen on sanctions against Gondor.",
        "Mordor is getting frantic with war drills against Gondor.",
        "Mordor is obsessed with sanctions against Gondor.",
    ],
)
def test_dyads_the_zealous_one_does_the_act(code: Code, text: str) -> None:
    # The subject of "keen on", "frantic with", "obsessed with" does what the phrase names.
    events = code(text, COUNTRIES)
    assert events and all((e.source_actor, e.target_actor) == ("MOR", "GON") for e in events), [
        (e.source_actor, e.cameo, e.target_actor) for e in events
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Faramir Hurin received credentials from the Mordor ambassador to Gondor.",
        "Faramir Hurin met the Mordor envoy to Gondor on Monday.",
    ],
)
def test_dyads_an_envoy_is_not_the_country_he_is_sent_to(code: Code, text: str) -> None:
    # "ambassador to Gondor" says where the envoy serves; the modifier says whose he is.
    events = code(text, {**COUNTRIES, "Faramir Hurin": "GONGOV"})
    assert events
    assert all(e.target_actor != "GON" for e in events)
    assert any(
        s == "GONGOV" and root == "04" and (t or "").startswith("MOR")
        for s, root, t in _pairs(events)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Gondor praised the workers of the plant for making fine machines of Mordor design.",
        "Rohan discussed measures for intensifying the study of the Gondor idea.",
    ],
)
def test_dyads_what_a_gerund_inside_the_phrase_acts_on_is_not_the_party(
    code: Code, text: str
) -> None:
    # "the workers ... for making machines of Mordor design": the workers are praised, not
    # Mordor; "measures for intensifying the study of the Gondor idea" meet no Gondor.
    events = code(text, COUNTRIES)
    assert all(e.target_actor not in ("MOR", "GON") for e in events)


def test_dyads_a_name_the_parser_makes_a_gerunds_subject_stays(code: Code) -> None:
    # "a letter to Faramir Hurin pledging ...": the parser hangs the addressee on the gerund.
    events = code(
        "The citizens forwarded a letter to Faramir Hurin pledging to devote themselves to "
        "defending Gondor.",
        {**COUNTRIES, "Faramir Hurin": "GONGOV"},
    )
    assert any(e.target_actor == "GONGOV" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Mordor and Rohan established diplomatic relations in the spring.",
        "Mordor and Rohan restored their ties on Monday.",
    ],
)
def test_dyads_relations_are_held_by_both(code: Code, text: str) -> None:
    # Relations and ties are a joint act whatever verb names it: one event each way.
    pairs = _pairs(code(text, COUNTRIES))
    assert {(s, t) for s, _, t in pairs} == {("MOR", "ROH"), ("ROH", "MOR")}


def test_dyads_relations_cut_with_another_stay_one_way(code: Code) -> None:
    events = code("Mordor cut ties with Rohan.", COUNTRIES)
    assert {(e.source_actor, e.target_actor) for e in events} == {("MOR", "ROH")}


def test_dyads_an_owner_s_visit_goes_to_the_modifier(code: Code) -> None:
    # "his Rohan visit": the owner travels, the modifier is where to; an owner nobody
    # resolves still keeps the modifier from acting.
    events = code("The chief executive read speeches during his Rohan visit in May.", COUNTRIES)
    visits = [e for e in events if e.cameo[:2] == "04"]
    assert visits and all(e.source_actor != "ROH" for e in visits)
    assert all(e.target_actor == "ROH" for e in visits)


@pytest.mark.parametrize(
    "text",
    [
        "Mordor supported the statement issued by Gondor on Monday.",
        "Mordor issued a statement in support of the answer given by Gondor.",
    ],
)
def test_dyads_words_supported_are_their_author_s(code: Code, text: str) -> None:
    # What is supported (a statement, an answer) speaks for whoever issued or gave it.
    assert ("MOR", "05", "GON") in _pairs(code(text, COUNTRIES))


def test_dyads_joint_act_past_an_uncoded_phrase_is_still_joint(code: Code) -> None:
    # A phrase naming no coded party ("on the Korean peninsula") is no third party: the two
    # sign with each other.
    events = code(
        "Mordor and Rohan signed the guidelines of the Misty Summit.",
        {**COUNTRIES, "Misty Summit": ""},
        kinds={"Misty Summit": "organization"},
    )
    assert {(e.source_actor, e.target_actor) for e in events} == {("MOR", "ROH"), ("ROH", "MOR")}


def test_dyads_the_one_thanked_did_the_deed(code: Code) -> None:
    # "thanks to you for sending a message": "you" sent it (here, the letter's addressee).
    thanks = "I express my sincere thanks to you for sending me a congratulatory message."
    text = f"Eomer Eadig sent a reply message to Aragorn Elessar. The message said:\n\n{thanks}"
    people = {"Aragorn Elessar": "GONGOV", "Eomer Eadig": "ROHGOV"}
    events = code(text, people)
    sent = [e for e in events if text[e.trigger[0] : e.trigger[1]].endswith("message")]
    assert sent and all(e.source_actor == "GONGOV" for e in sent), [
        (e.source_actor, e.cameo, e.target_actor) for e in events
    ]


def test_scene_set_before_the_subject_is_no_target(code: Code) -> None:
    """'At the banquet ..., X vowed to strengthen cooperation with Y': the scene is no party."""
    text = "At the banquet in the Minas Hall, Gondor vowed to strengthen cooperation with Mordor."
    kinds = {"Minas Hall": "organization"}
    events = code(text, {"Gondor": "GON", "Mordor": "MOR", "Minas Hall": "ARNGOV"}, kinds=kinds)
    vowed = [e for e in events if text[e.trigger[0] : e.trigger[1]] == "vowed"]
    assert vowed and [(e.source_actor, e.target_actor) for e in vowed] == [("GON", "MOR")]


@pytest.mark.parametrize(
    "text",
    [
        "A meeting was held in the capital on Monday to mark the harvest.",
        "Joint drills staged by Mordor and Rohan went on for a week.",
    ],
)
def test_dyads_the_event_phrase_is_not_its_own_target(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    trigger_words = ("meeting", "drills")
    assert not any(e.target_text and any(w in e.target_text for w in trigger_words) for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The Rohan ambassador laid a wreath before the statue of Elessar on Sunday.",
        "The Rohan ambassador laid bouquets at the tomb of Elessar.",
        "The Rohan ambassador placed a wreath before the portrait of Elessar.",
        "The Rohan ambassador laid a floral basket before the statue of Elessar.",
    ],
)
def test_dyads_a_tribute_laid_at_a_memorial_honours_its_owner(code: Code, text: str) -> None:
    actors = {**COUNTRIES, "Rohan ambassador": "ROHGOV", "Elessar": "GONGOV"}
    events = code(text, actors)
    assert [(e.source_actor, e.cameo, e.target_actor) for e in events] == [
        ("ROHGOV", "051", "GONGOV")
    ]


def test_dyads_condolences_before_a_bier_go_to_the_one_mourned(code: Code) -> None:
    text = "The Rohan ambassador expressed deep condolences before the bier of Elessar."
    actors = {**COUNTRIES, "Rohan ambassador": "ROHGOV", "Elessar": "GONGOV"}
    events = code(text, actors)
    assert [(e.source_actor, e.cameo, e.target_actor) for e in events] == [
        ("ROHGOV", "018", "GONGOV")
    ]


def test_dyads_a_city_before_an_event_noun_is_no_doer(code: Code) -> None:
    text = "The Edoras bombings shocked Gondor on Tuesday."
    bombings = [e for e in code(text, COUNTRIES, kinds=PLACES) if e.trigger[0] == 11]
    assert bombings
    assert all(e.source_actor != "ROH" for e in bombings)


@pytest.mark.parametrize(
    "text",
    ["The Mordor invasion of Arnor began on Tuesday.", "The Mordor bombing of Arnor went on."],
)
def test_dyads_a_country_before_an_event_noun_acts_on_its_of_phrase(code: Code, text: str) -> None:
    pairs = {(e.source_actor, e.target_actor) for e in code(text, COUNTRIES, kinds=PLACES)}
    assert ("MOR", "ARN") in pairs
    assert ("ARN", "MOR") not in pairs


@pytest.mark.parametrize(
    "text",
    [
        "The invasion of Arnor began at dawn on Sunday.",
        "Gondor warned that the occupation of Arnor would not last.",
    ],
)
def test_dyads_a_harm_with_no_doer_is_done_to_its_of_phrase(code: Code, text: str) -> None:
    # "the invasion of X" with no doer named: X is invaded, it invades no one.
    events = [e for e in code(text, COUNTRIES, kinds=PLACES) if e.cameo.startswith("19")]
    assert events and all(e.source_actor != "ARN" for e in events), _pairs(events)
    assert any(e.target_actor == "ARN" for e in events), _pairs(events)


def test_dyads_under_the_occupation_of_names_the_occupier(code: Code) -> None:
    text = "Arnor suffered for decades under the occupation of Mordor."
    events = [e for e in code(text, COUNTRIES, kinds=PLACES) if e.cameo.startswith("19")]
    assert all(e.target_actor != "MOR" for e in events), _pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        "Mordor villagers fleeing the floods sought refuge in Gondor.",
        "Thousands of Mordor villagers have sought refuge in Minas Tirith since May.",
        "The Mordor dissident asked for asylum in Gondor on Monday.",
    ],
)
def test_dyads_refuge_is_asked_of_the_place_it_is_sought_in(code: Code, text: str) -> None:
    # Not a venue: who seeks refuge or asylum somewhere asks it of that state.
    events = code(text, COUNTRIES, kinds=PLACES)
    assert any((e.source_actor or "")[:3] == "MOR" and e.target_actor == "GON" for e in events), (
        _pairs(events)
    )


def test_dyads_refuge_sought_from_a_party_keeps_the_place_a_venue(code: Code) -> None:
    text = "Mordor villagers sought protection from Arnor in Edoras."
    events = code(text, COUNTRIES, kinds=PLACES)
    assert not any(e.target_actor == "ROH" for e in events), _pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        "Gondor's foreign minister summoned Rohan's ambassador to complain about the raids.",
        "Gondor's foreign minister summoned Rohan's envoy Eomer Theoden to complain of "
        "delays over the raids.",
        "Gondor's foreign minister summoned the Rohan envoy to demand an explanation.",
    ],
)
def test_dyads_summoning_an_envoy_to_complain_is_the_summoner_complaining(
    code: Code, text: str
) -> None:
    # The to-clause of a summons is its purpose, not the summoned one's act: Gondor complains
    # to Rohan ("urged Rohan to complain" would be Rohan's complaint).
    events = code(text, COUNTRIES, kinds=PLACES)
    complaints = [e for e in events if e.cameo[:2] in ("10", "11", "13", "14")]
    assert complaints, _pairs(events)
    assert all((e.source_actor or "")[:3] == "GON" for e in complaints), _pairs(events)
    assert any((e.target_actor or "")[:3] == "ROH" for e in complaints), _pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        "Denethor reneged on his promise of new roads to the Rohan farmers.",
        "Denethor went back on his pledge of aid to Rohan.",
    ],
)
def test_dyads_the_source_s_own_thing_is_passed_for_whom_it_is(code: Code, text: str) -> None:
    # "his" is Denethor (the entity stage links it): the pledge is his, made to Rohan.
    parties = {**COUNTRIES, "Denethor": "GONGOV", "his": "GONGOV"}
    events = code(text, parties, kinds={**PLACES, "Denethor": "person", "his": "person"})
    assert any((e.target_actor or "")[:3] == "ROH" for e in events), _pairs(events)
    assert all((e.source_actor or "")[:3] == "GON" for e in events), _pairs(events)


def test_dyads_the_two_countries_are_countries_not_a_body_of_one(code: Code) -> None:
    actors = {**COUNTRIES, "State Council of Gondor": "GONGOV"}
    kinds = {**PLACES, "State Council of Gondor": "organization"}
    text = (
        "Rohan and Gondor signed a treaty, the State Council of Gondor said. "
        "The two countries agreed to meet again."
    )
    agreed = [e for e in code(text, actors, kinds=kinds) if e.cameo.startswith("03")]
    assert {(e.source_actor, e.target_actor) for e in agreed} == {("ROH", "GON"), ("GON", "ROH")}


def test_dyads_two_sides_after_two_leaders_met(code: Code) -> None:
    leaders = {"Aragorn": "GONGOV", "Sauron": "MORGOV", "Faramir": "GONGOV"}
    people = dict.fromkeys(leaders, "person")
    text = "Aragorn met Sauron. Faramir was present. The two sides agreed to end the war."
    events = code(text, leaders, kinds=people)
    agreed = {(e.source_actor, e.target_actor) for e in events if e.cameo.startswith("03")}
    assert agreed == {("GONGOV", "MORGOV"), ("MORGOV", "GONGOV")}


@pytest.mark.parametrize(
    "text",
    [
        "A wreath in the name of the Rohan ambassador was laid before the statue of Elessar.",
        "Wreaths were laid before the portrait of Elessar in the name of the Rohan ambassador.",
    ],
)
def test_dyads_the_one_a_tribute_is_laid_in_the_name_of_honours(code: Code, text: str) -> None:
    actors = {**COUNTRIES, "Rohan ambassador": "ROHGOV", "Elessar": "GONGOV"}
    events = code(text, actors)
    assert [(e.source_actor, e.cameo, e.target_actor) for e in events] == [
        ("ROHGOV", "051", "GONGOV")
    ]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Gondor denounced the Mordor invasion of Rohan.", "MOR"),
        ("Gondor condemned the Mordor blockade against Rohan.", "MOR"),
        # No phrase names the one the invasion is done to: the modifier may be the victim.
        ("Gondor condemned the Rohan invasion.", "ROH"),
    ],
)
def test_dyads_criticised_act_aims_at_its_doer(code: Code, text: str, target: str) -> None:
    events = code(text, COUNTRIES)
    assert [(e.source_actor, e.cameo[:2], e.target_actor) for e in events] == [
        ("GON", "11", target)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mordor and Arnor are encroaching upon the sovereignty of Rohan, conducting "
        "espionage by repeatedly mobilizing spy planes.",
        "Mordor and Arnor staged large manoeuvres aimed at an invasion of Rohan.",
    ],
)
def test_dyads_several_doers_aim_at_the_other_country(code: Code, text: str) -> None:
    # Two parties doing a one-sided act together with no target written: the other country
    # of the sentence, as for one doer; an at-phrase of aiming is no venue.
    pairs = _pairs(code(text, COUNTRIES, kinds=PLACES))
    assert ("MOR", "15", "ROH") in pairs
    assert ("ARN", "15", "ROH") in pairs


@pytest.mark.parametrize(
    "text",
    [
        "The Arnor Friendship Society expressed concern over the situation in the region "
        "reaching the brink of war due to the Mordor forces' exercises for invading Rohan.",
        "The Arnor Friendship Society said that the tension in the region is due to the "
        "Mordor forces' exercises for invading Rohan.",
    ],
)
def test_dyads_event_noun_aims_at_whom_its_own_phrase_names(code: Code, text: str) -> None:
    # An act told in passing by someone else ("expressed concern over X's exercises for
    # invading Y"): its own phrase names its aim before the one who talks of it does, even
    # inside a place phrase ("the situation in the region ... due to").
    actors = {**COUNTRIES, "Arnor Friendship Society": "ARNNGO", "Mordor forces": "MORMIL"}
    pairs = _pairs(code(text, actors))
    assert ("MORMIL", "15", "ROH") in pairs
    assert all(t != "ARNNGO" for s, _, t in pairs if s == "MORMIL")


def test_dyads_symmetric_doers_stay_each_others(code: Code) -> None:
    # A clash of two parties is between them, whoever else the sentence names.
    pairs = _pairs(code("Mordor and Arnor clashed again, ignoring the appeal of Rohan.", COUNTRIES))
    assert ("MOR", "19", "ARN") in pairs
    assert all(t != "ROH" for _, _, t in pairs)


def test_dyads_a_second_title_of_the_source_is_no_party(code: Code) -> None:
    """ "X, general secretary of A and president of B, met Y": the titles are X's, not a
    second party that meets Y (the entity stage may make the second title an entity)."""
    actors = {
        "Faramir Hurin": "ARNGOV",
        "president of the Council of Gondor": "GONGOV",
        "Rohan": "ROH",
    }
    text = (
        "Faramir Hurin, general secretary of the Party of Arnor and president of the Council "
        "of Gondor, met the king of Rohan on Monday."
    )
    events = code(text, actors)
    assert events
    assert all(e.source_actor != "GONGOV" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The king of Rohan extended warm congratulations, on behalf of the people of Rohan, "
        "to Gondor.",
        "The king of Rohan, on behalf of the government of Rohan, expressed deep condolences "
        "to Gondor.",
    ],
)
def test_dyads_the_party_acted_for_is_never_the_target(code: Code, text: str) -> None:
    # "On behalf of Rohan" names whom the king speaks for; Gondor is the one addressed.
    actors = {**COUNTRIES, "king of Rohan": "ROHGOV"}
    events = code(text, actors)
    assert events
    assert {e.target_actor for e in events} == {"GON"}, _pairs(events)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Gondor will strengthen the Gondor-Rohan friendly relations.", ("GON", "ROH")),
        ("Rohan pledged to develop the relations between Rohan and Gondor.", ("ROH", "GON")),
        # No member of the pair is the doer: neither is its target.
        ("Arnor will boost the Gondor-Rohan relations.", ("ARN", None)),
    ],
)
def test_dyads_bond_is_built_with_the_other_of_its_pair(
    code: Code, text: str, pair: tuple[str, str | None]
) -> None:
    events = code(text, COUNTRIES)
    assert [(e.source_actor, e.target_actor) for e in events] == [pair], _pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Faramir said Gondor would expand cooperation in trade.",
        "Faramir said that Gondor will provide humanitarian aid.",
    ],
)
def test_dyads_the_teller_of_a_plan_is_not_whom_it_is_about(code: Code, text: str) -> None:
    # Faramir tells of his own country's plan: he is neither its target nor anyone's.
    actors = {**COUNTRIES, "Faramir": "GONGOV"}
    events = code(text, actors, kinds={"Faramir": "person"})
    assert events
    assert all(e.target_actor is None for e in events), _pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        "Gondor held talks with the envoys of Rohan, Arnor and Mordor on Tuesday.",
        "Gondor met with officials from Rohan, Arnor and Mordor in Edoras.",
        "Gondor signed agreements with the governments of Rohan, Arnor and Mordor.",
    ],
)
def test_dyads_joint_act_with_parties_of_a_list_goes_both_ways_for_each(
    code: Code, text: str
) -> None:
    # Each listed party's envoys met Gondor, not only the first party's.
    events = code(text, COUNTRIES, kinds=PLACES)
    dyads = {(e.source_actor[:3], e.target_actor) for e in events if e.source_actor}
    assert {("ROH", "GON"), ("ARN", "GON"), ("MOR", "GON")} <= dyads


@pytest.mark.parametrize(
    "text",
    [
        "Gondor sent a message of greeting to the chairman of the Riders Party and president "
        "of Rohan.",
        "Gondor sent greetings to the general secretary of the Riders Party and president of "
        "Rohan on Monday.",
    ],
)
def test_dyads_offices_of_one_holder_are_one_party(code: Code, text: str) -> None:
    # No determiner before the second title: one person holding both offices, named by the
    # state office.
    actors = {**COUNTRIES, "Riders Party": "ROHPTY", "president of Rohan": "ROHGOV"}
    events = code(text, actors)
    assert [(e.source_actor, e.target_actor) for e in events] == [("GON", "ROHGOV")]


@pytest.mark.parametrize(
    "text",
    [
        "Eowyn Tarn, daughter of Faramir Hurin, met the Mordor envoy on Monday.",
        "Eowyn Tarn, widow of Faramir Hurin, met the Mordor envoy on Monday.",
        "Eomer Tarn, a nephew of Faramir Hurin, met the Mordor envoy on Monday.",
    ],
)
def test_dyads_a_relative_named_in_an_apposition_is_not_the_party(code: Code, text: str) -> None:
    # "X, daughter of Faramir Hurin": X meets the envoy, not her coded father.
    events = code(text, {**COUNTRIES, "Faramir Hurin": "GONGOV"})
    assert events
    assert all(e.source_actor != "GONGOV" for e in events)


def test_dyads_a_person_s_own_apposition_still_names_them(code: Code) -> None:
    # A role apposition is no relative: "Faramir Hurin, president of Gondor" still acts.
    events = code(
        "Faramir Hurin, president of Gondor, met the Mordor envoy on Monday.",
        {**COUNTRIES, "Faramir Hurin": "GONGOV"},
    )
    assert any(e.source_actor == "GONGOV" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        'The Rohan paper welcomed the book "Aragorn" on Monday.',
        'Rohan praised the song "Gondor Forever" on Monday.',
        'Rohan praised the documentary "Aragorn and Theoden" on Monday.',
        # Any noun of a work or a text before the title, and any title given by "titled".
        'Rohan praised the report "Aragorn defends the hills" on Monday.',
        'Rohan praised a press statement "Aragorn will win" on Monday.',
        'Rohan praised the film titled "Aragorn" on Monday.',
    ],
)
def test_dyads_a_name_in_the_title_of_a_work_is_no_party(code: Code, text: str) -> None:
    # The work is what is praised: the names of its title are what it is about.
    actors = {**COUNTRIES, "Aragorn": "GON", "Theoden": "ROH"}
    kinds = {"Aragorn": "person", "Theoden": "person"}
    events = code(text, actors, kinds=kinds)
    assert any(e.cameo == "051" for e in events)
    assert all("GON" not in (e.source_actor, e.target_actor) for e in events)


def test_dyads_a_body_s_name_in_marks_is_a_party(code: Code) -> None:
    # Title case alone does not make a title of a body's name in marks: it is a party.
    text = 'Gondor condemned the "Rohan Workers Party" on Monday.'
    events = code(text, {**COUNTRIES, "Rohan Workers Party": "ROHPTY"}, kinds={})
    assert any(e.cameo[:2] == "11" and e.target_actor == "ROHPTY" for e in events)


def test_dyads_a_title_s_own_words_keep_their_parties(code: Code) -> None:
    # An act the title itself names is between the parties it names (an editorial's title, a
    # paper's claim; the acts an article's title names are no events: test_events_titles).
    text = 'Rohan in an editorial "Farmers mourn the demise of General Aragorn" praised him.'
    events = code(text, {**COUNTRIES, "Aragorn": "GON"}, kinds={"Aragorn": "person"})
    assert any(e.cameo == "018" and e.target_actor == "GON" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Faramir Hurin met and had a talk with Eomer Theng on Tuesday.",
        "Faramir Hurin met and had a friendly talk with Eomer Theng in Edoras.",
        "Faramir Hurin met and conversed with Eomer Theng on Tuesday.",
    ],
)
def test_dyads_two_joined_verbs_tell_one_meeting(code: Code, text: str) -> None:
    # The with-phrase is both verbs': one meeting, each way, and no meeting with nobody.
    actors = {**COUNTRIES, "Faramir Hurin": "GONGOV", "Eomer Theng": "ROHGOV"}
    events = [e for e in code(text, actors, kinds=PLACES) if e.cameo.startswith("04")]
    assert {(e.source_actor, e.target_actor) for e in events} == {
        ("GONGOV", "ROHGOV"),
        ("ROHGOV", "GONGOV"),
    }
    assert len(events) == 2


def test_dyads_a_joined_verb_with_its_own_subject_keeps_its_partner(code: Code) -> None:
    # Two clauses: Gondor's meeting names no partner; Rohan talked with Arnor.
    events = code("Gondor met on Monday and Rohan talked with Arnor.", COUNTRIES)
    assert not any(e.source_actor == "GON" and e.target_actor == "ARN" for e in events)


def test_dyads_a_joined_act_of_another_kind_stays(code: Code) -> None:
    # The meeting and the signing are two acts with the same partner.
    events = code("Gondor met and signed a treaty with Arnor on Monday.", COUNTRIES)
    assert {(e.source_actor, e.cameo[:2], e.target_actor) for e in events} >= {
        ("GON", "04", "ARN"),
        ("GON", "05", "ARN"),
    }


def test_dyads_two_joined_threats_stay_two_acts(code: Code) -> None:
    # Beating the group and blowing up its bases are two threats, not one told twice.
    events = code("Gondor will beat to death the Mordor group and blow up their bases.", COUNTRIES)
    threats = [e for e in events if e.cameo.startswith("13") and e.target_actor == "MOR"]
    assert len({e.trigger for e in threats}) == 2


def test_dyads_a_team_of_one_side_does_not_meet_itself(code: Code) -> None:
    # Four officials of one side discussing a task: each discussed it, no one with another.
    actors = {"Faramir Hurin": "GONGOV", "Beren Lo": "", "Luthien Ma": "", "Turin Sa": ""}
    text = "Faramir Hurin, Beren Lo, Luthien Ma and Turin Sa discussed the repair work."
    events = code(text, actors, kinds={name: "person" for name in actors})
    assert events
    assert all(e.target_actor is None and e.target is None for e in events)


def test_dyads_three_parties_of_three_sides_still_meet_each_other(code: Code) -> None:
    events = code("Gondor, Rohan and Arnor held talks on Tuesday.", COUNTRIES)
    pairs = {(e.source_actor, e.target_actor) for e in events}
    assert len(pairs) == 6
    assert ("ROH", "ARN") in pairs


@pytest.mark.parametrize(
    "text",
    [
        "The Mordor army staged firing drills on Edoras on Monday.",
        "The Mordor army staged firing drills on islands including Edoras on Monday.",
        "The Mordor army held an artillery drill on hills including Edoras on Monday.",
    ],
)
def test_dyads_ground_a_show_of_force_is_held_on_is_a_venue(code: Code, text: str) -> None:
    # A drill's on-phrase is where it is held, as its in-phrase is; not whom it is aimed at.
    events = code(text, {**COUNTRIES, "Mordor army": "MORMIL"}, kinds=PLACES)
    drills = [e for e in events if e.cameo.startswith("15")]
    assert drills, _pairs(events)
    assert all(e.target_actor != "ROH" for e in drills), _pairs(events)


def test_dyads_on_phrase_of_a_sanction_is_still_its_target(code: Code) -> None:
    # Most acts fall on whom their on-phrase names: only a show of force's ground is a venue.
    events = code("Mordor imposed sanctions on countries including Gondor.", COUNTRIES)
    assert ("MOR", "16", "GON") in _pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        "The Mordor delegation arrived in Minas Tirith on Monday.",
        "A delegation of Mordor arrived in Gondor by air on Monday.",
    ],
)
def test_dyads_place_a_visit_arrives_in_is_its_host(code: Code, text: str) -> None:
    # "arrived in" a capital: CAMEO's visit (042) is made to the host country.
    actors = {**COUNTRIES, "Mordor delegation": "MORGOV"}
    events = code(text, actors, kinds=PLACES)
    assert any(
        (e.source_actor or "")[:3] == "MOR" and e.cameo == "042" and e.target_actor == "GON"
        for e in events
    ), _pairs(events)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Mordor opened an embassy in Gondor on Monday.", "05"),
        ("Mordor closed its embassy in Gondor on Monday.", "16"),
    ],
)
def test_dyads_country_a_mission_is_opened_or_closed_in_is_its_target(
    code: Code, text: str, root: str
) -> None:
    # Opening or closing a mission is done to relations with the host, not at a venue.
    events = code(text, COUNTRIES, kinds=PLACES)
    assert ("MOR", root, "GON") in {(s, c, (t or "")[:3]) for s, c, t in _pairs(events)}, _pairs(
        events
    )


def test_dyads_country_peacekeepers_arrive_in_receives_them(code: Code) -> None:
    # Peacekeepers sent (074) are received where they arrive, not by whoever reports it.
    text = "Mordor peacekeeping troops have arrived in Gondor, the Rohan defence minister said."
    actors = {**COUNTRIES, "Mordor peacekeeping troops": "MORMIL", "Rohan": "ROH"}
    events = code(text, actors, kinds=PLACES)
    sent = [e for e in events if e.cameo == "074"]
    assert sent, _pairs(events)
    assert all(e.target_actor == "GON" for e in sent), _pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        "The Gondor delegation arrived in Minas Tirith on Monday.",
        # Nobody coded arrives: they may be coming home, as delegates from the provinces do.
        "Delegates from across the country arrived in Minas Tirith on Monday.",
    ],
)
def test_dyads_arriving_at_home_visits_no_one(code: Code, text: str) -> None:
    # A party arriving in its own country ends a trip: its capital is no host.
    events = code(text, {**COUNTRIES, "Gondor delegation": "GONGOV"}, kinds=PLACES)
    assert all(e.target_actor != "GON" for e in events), _pairs(events)


def test_dyads_what_is_fired_into_is_its_target(code: Code) -> None:
    # "fired into the waters of X": the owner of the ground or sea fired into.
    text = "The Mordor army fired into the territorial waters of Gondor on Monday."
    events = code(text, {**COUNTRIES, "Mordor army": "MORMIL"}, kinds=PLACES)
    assert ("MOR", "19", "GON") in {(s[:3], c, t) for s, c, t in _pairs(events) if s}, _pairs(
        events
    )


@pytest.mark.parametrize(
    "text",
    [
        "The shelling of Edoras by the Mordor army killed ten people.",
        "Ten people were wounded by the Mordor army bombing in Edoras.",
    ],
)
def test_dyads_harm_done_by_an_act_is_done_by_its_doer_not_its_place(code: Code, text: str) -> None:
    # The town the shelling hit or happened in does not kill: the shelling's doer does. A
    # party's attack that kills may be coded as one act of fighting (19) instead of a harm.
    events = code(text, {**COUNTRIES, "Mordor army": "MORMIL"}, kinds=PLACES)
    harms = [e for e in events if e.cameo[:2] in ("18", "19")]
    assert harms, _pairs(events)
    assert all(e.source_actor == "MORMIL" for e in harms), _pairs(events)


def test_dyads_harm_by_an_act_with_no_doer_named_keeps_the_place(code: Code) -> None:
    # No doer named: the place stands for its country's unknown attackers, as PLOVER codes.
    text = "A roadside bombing near Edoras on Sunday killed one Gondor soldier."
    events = code(text, {**COUNTRIES, "Gondor soldier": "GONMIL"}, kinds=PLACES)
    assert any(e.cameo[:2] == "18" and e.source_actor == "ROH" for e in events), _pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        "Gondor allowed Rohan to hold elections next month.",
        "Gondor has allowed Rohan to reopen its embassy.",
    ],
)
def test_dyads_one_let_or_made_to_act_is_the_target(code: Code, text: str) -> None:
    events = code(text, COUNTRIES)
    assert events and all(e.target_actor == "ROH" for e in events if e.source_actor == "GON")
    assert any(e.source_actor == "GON" for e in events)


def test_dyads_one_let_act_by_no_party_is_no_event(code: Code) -> None:
    events = code("The new roads allowed Rohan to sell more grain.", COUNTRIES)
    assert all(e.source_actor is not None for e in events)


def test_dyads_subject_hung_on_an_opening_phrase_acts(code: Code) -> None:
    text = (
        "With the signing of a memorandum on trade, the Gondor government and Rohan have "
        "agreed to open the border."
    )
    events = code(text, COUNTRIES)
    assert {"GON", "ROH"} <= {e.source_actor[:3] for e in events if e.source_actor}


@pytest.mark.parametrize("state", ["committed", "determined", "prepared"])
def test_dyads_subject_of_a_state_passive_acts(code: Code, state: str) -> None:
    text = f"The minister said Gondor is {state} to opening its markets to Rohan."
    events = code(text, COUNTRIES)
    assert all(e.source_actor == "GON" for e in events if e.cameo[:2] == "03")


# Denethor holds an office of Gondor: the other-country fallback cannot name Gondor for him.
OFFICE_HOLDERS = {**COUNTRIES, "Denethor": "GONGOV"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Denethor refused to step down despite mounting pressure from Gondor.",
            id="pressure-from",
        ),
        pytest.param(
            "Denethor declined to resign despite repeated calls by Gondor.", id="calls-by"
        ),
    ],
)
def test_dyads_rejection_despite_pressure_targets_who_pressed(code: Code, text: str) -> None:
    # The one who pressed may be the refuser's own country, which no fallback names.
    events = code(text, OFFICE_HOLDERS, kinds={"Denethor": "person"})
    rejections = [e for e in events if e.cameo[:2] == "12"]
    assert rejections, _pairs(events)
    assert all(e.target_actor == "GON" for e in rejections), _pairs(events)


def test_dyads_rejection_despite_a_storm_names_no_target(code: Code) -> None:
    text = "Denethor declined to resign despite the storm in Gondor."
    events = code(text, OFFICE_HOLDERS, kinds={"Denethor": "person"})
    assert not any(e.target_actor == "GON" for e in events if e.cameo[:2] == "12"), _pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        # The object hangs under the last of two disapproving verbs; both are aimed at it.
        "Gondor firmly condemned and rejected the blockade imposed by Mordor.",
        "Gondor voiced concern at the raid by Mordor and sharply denounced and rejected it.",
    ],
)
def test_dyads_disapproving_verbs_share_the_object_of_the_last(code: Code, text: str) -> None:
    pairs = _pairs(code(text, COUNTRIES))
    assert ("GON", "11", "MOR") in pairs
    assert ("GON", "12", "MOR") in pairs


def test_dyads_a_verb_with_a_subject_of_its_own_keeps_no_shared_object(code: Code) -> None:
    pairs = _pairs(code("Gondor complained and Mordor rejected the offer by Rohan.", COUNTRIES))
    assert ("GON", "11", "ROH") not in pairs


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Arnor mediated between Gondor and Mordor on Monday.", id="verb"),
        pytest.param("Arnor's mediation between Gondor and Mordor failed.", id="noun"),
    ],
)
def test_dyads_mediation_is_aimed_at_both_sides(code: Code, text: str) -> None:
    # Neither side mediates: the mediator acts on both.
    mediations = [e for e in code(text, COUNTRIES) if e.cameo == "045"]
    assert {(e.source_actor, e.target_actor) for e in mediations} == {
        ("ARN", "GON"),
        ("ARN", "MOR"),
    }, _pairs(mediations)


def test_dyads_mediation_between_phrase_on_its_carrier_verb(code: Code) -> None:
    # The parser hangs the between-phrase on "launched", not on the event noun.
    text = "Norway launched a mediation effort on Monday between Israel and Egypt."
    events = code(text, {"Norway": "NOR", "Israel": "ISR", "Egypt": "EGY"})
    mediations = [e for e in events if e.cameo == "045"]
    assert {(e.source_actor, e.target_actor) for e in mediations} == {
        ("NOR", "ISR"),
        ("NOR", "EGY"),
    }, _pairs(mediations)


@pytest.mark.parametrize(
    "text",
    [
        "Arnor sent food aid to refugees fleeing the fighting in Gondor.",
        "Arnor sent aid to families escaping Gondor.",
    ],
)
def test_dyads_people_fleeing_a_country_are_its_own(code: Code, text: str) -> None:
    # Where they flee is where they come from, not where the aid is given.
    pairs = _pairs(code(text, COUNTRIES))
    assert ("ARN", "07", "GON") in pairs, pairs


def test_dyads_people_staying_in_a_country_are_not_its_own(code: Code) -> None:
    pairs = _pairs(code("Arnor sent food aid to refugees staying in Gondor.", COUNTRIES))
    assert ("ARN", "07", "GON") not in pairs, pairs


@pytest.mark.parametrize(
    "text",
    [
        "Mordor was closeted with Arnor to discuss the border dispute.",
        "Last week Mordor got closeted with Arnor over the grain deal.",
        "Mordor held a confab with Arnor on the new road.",
        "Mordor had confab with Arnor about the harbour fees.",
    ],
)
def test_dyads_closeted_or_confab_with_is_a_meeting(code: Code, text: str) -> None:
    # State-media words for a meeting: the one closeted (a passive in form) is a side.
    assert ("MOR", "04", "ARN") in _pairs(code(text, COUNTRIES))


def test_dyads_closeted_away_is_no_meeting(code: Code) -> None:
    assert not any(
        e.cameo.startswith("04") for e in code("The files were closeted away in Mordor.", COUNTRIES)
    )


def test_dyads_disapproval_of_a_pair_joint_act_targets_both_partners(code: Code) -> None:
    # "X condemned the A-B joint drills": one event per partner, as for "A and B".
    events = code("Rohan condemned the Mordor-Gondor joint military drills on Monday.", COUNTRIES)
    accused = {e.target_actor for e in events if e.source_actor == "ROH" and e.cameo[:2] == "11"}
    assert accused == {"MOR", "GON"}


def test_dyads_joint_act_of_a_pair_is_held_by_both_with_no_self_target(code: Code) -> None:
    # "the A-B joint drills": both partners hold them and neither does it to the other;
    # "against C" still names whom they are aimed at.
    text = "Rohan said the Mordor-Gondor joint drills against Arnor began on Monday."
    pairs = {p for p in _pairs(code(text, COUNTRIES)) if p[1] == "15"}
    assert pairs == {("MOR", "15", "ARN"), ("GON", "15", "ARN")}
    alone = "The Mordor-Gondor joint exercises ended on Friday, Rohan noted."
    pairs = {p for p in _pairs(code(alone, COUNTRIES)) if p[1] == "15"}
    assert pairs and all(p[2] not in ("MOR", "GON", "ROH") for p in pairs)
    assert {p[0] for p in pairs} == {"MOR", "GON"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The one who is to blame is blamed; the blaming is whoever says so.
        ("Rohan said that Mordor is wholly to blame for the raid.", ("ROH", "MOR")),
        ("Mordor and its allies are chiefly to blame for the famine, Gondor said.", ("GON", "MOR")),
        # Nobody says so: the one blamed is still no blamer.
        ("Arnor is to blame for the failed harvest.", (None, "ARN")),
    ],
)
def test_dyads_who_is_to_blame_is_blamed(
    code: Code, text: str, expected: tuple[str | None, str]
) -> None:
    blames = [(e.source_actor, e.target_actor) for e in code(text, COUNTRIES) if e.cameo == "112"]
    assert blames[:1] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The Gondor envoys imprisoned for acting against Rohan were released yesterday by Mordor",
        "The Gondor sailors imprisoned for speaking against Rohan were freed by Mordor",
    ],
)
def test_dyads_passive_conjunct_names_its_own_doer(code: Code, text: str) -> None:
    # The parser joins "were freed" to the participle before it: its by-phrase is the doer,
    # not the subject the two verbs share.
    named = {"Mordor": "MOR", "Rohan": "ROH", "Gondor envoys": "GONMIL", "Gondor sailors": "GONMIL"}
    events = [e for e in code(text, named) if e.cameo[:2] == "08"]
    assert events
    assert all((e.source_actor, e.target_actor) == ("MOR", "GONMIL") for e in events)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Evidence against Rohan was presented by Gondor on Friday.", "ROH"),
        ("New sanctions against Rohan were announced by Gondor on Monday.", "ROH"),
    ],
)
def test_dyads_event_noun_a_passive_carries_is_its_agents(
    code: Code, text: str, target: str
) -> None:
    events = code(text, COUNTRIES)
    assert ("GON", target) in {(e.source_actor, e.target_actor) for e in events}


def test_dyads_event_noun_a_coded_passive_acts_on_is_not_its_agents(code: Code) -> None:
    # "denounced by Gondor": Gondor acts on the sanctions, it did not impose them.
    events = code("The sanctions against Rohan were denounced by Gondor.", COUNTRIES)
    assert all(
        not (e.source_actor == "GON" and e.cameo[:2] == "16" and e.target_actor == "ROH")
        for e in events
    )


def test_dyads_a_thing_refused_in_a_place_is_aimed_at_it(code: Code) -> None:
    # What was refused there names no one else: the place's country is at the receiving end.
    events = code("Gondor rejected the planned elections in Edoras.", COUNTRIES, kinds=PLACES)
    assert {(e.cameo[:2], e.target_actor) for e in events} == {("12", "ROH")}


def test_dyads_a_thing_refused_in_the_sources_own_place_has_no_target(code: Code) -> None:
    events = code("Gondor rejected the planned elections in Minas Tirith.", COUNTRIES, kinds=PLACES)
    assert events
    assert all(e.target_actor is None for e in events)


def test_dyads_talks_in_a_place_stay_its_venue(code: Code) -> None:
    events = code("Gondor and Mordor held talks in Edoras.", COUNTRIES, kinds=PLACES)
    assert events
    assert all(e.target_actor != "ROH" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Mordor held joint naval drills with Gondor near the coast.",
        "Mordor began joint military exercises with Gondor on Monday.",
        "The army of Mordor staged combined drills with Gondor against Arnor.",
    ],
)
def test_dyads_joint_drill_with_a_partner_is_held_by_both(code: Code, text: str) -> None:
    # "X staged joint drills with Y": Y holds them too, and is no target; "against Z" is.
    pairs = {p for p in _pairs(code(text, COUNTRIES)) if p[1] == "15"}
    assert {p[0][:3] for p in pairs} >= {"MOR", "GON"}
    assert all(p[2] not in ("MOR", "GON") for p in pairs)
    if "Arnor" in text:
        assert all(p[2] == "ARN" for p in pairs)


@pytest.mark.parametrize(
    "text",
    [
        "Rohan accused the ruling clique of Mordor of seeking a clash with Gondor.",
        "Rohan accused Mordor of escalating confrontation with Gondor.",
        "Rohan accused the ruling clique of confrontation with Gondor.",
    ],
)
def test_dyads_accused_party_is_the_object_not_the_one_in_the_act(code: Code, text: str) -> None:
    # "accused X of a clash with Y": X is accused; Y, inside the act charged, is not.
    accusations = [e for e in code(text, COUNTRIES) if e.cameo[:2] == "11"]
    assert accusations
    assert all(e.target_actor != "GON" for e in accusations)


def test_dyads_town_an_act_of_force_falls_on_is_its_people(code: Code) -> None:
    # A town shelled is the people there; a town met in stays a venue, no party.
    shelled = code("The army of Mordor shelled Edoras on Friday.", COUNTRIES, kinds=PLACES)
    assert ("MOR", "19", "ROHCVL") in {
        (e.source_actor[:3], e.cameo[:2], e.target_actor) for e in shelled if e.source_actor
    }
    met = code("Mordor and Arnor met in Edoras on Tuesday.", COUNTRIES, kinds=PLACES)
    assert all(not (e.target_actor or "").endswith("CVL") for e in met)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "side", "expected"),
    [
        ("Washington demanded on Friday that Iran free the two sailors.", "source", "USAGOV"),
        ("Rebels shelled Kabul for a third night.", "target", "AFGCVL"),
    ],
)
def test_dyads_capital_is_its_government_or_under_force_its_people(
    text: str, side: str, expected: str
) -> None:
    from parley.analysis import Config
    from parley.pipeline import Pipeline

    events = Pipeline.from_config(Config()).analyze_text(text).events
    assert expected in {e.source_actor if side == "source" else e.target_actor for e in events}
