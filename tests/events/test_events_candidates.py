"""The first passes: coded words, folded clauses, covered nouns, announcements."""

from __future__ import annotations

import pytest

from parley.analysis import Config
from parley.events.candidates import Candidate, find_candidates
from parley.events.resources import EventResources
from parley.nlp.index import ParseIndex


@pytest.fixture(scope="module")
def drafts(nlp):  # type: ignore[no-untyped-def]
    resources = EventResources.load(Config())

    def run(text: str) -> dict[str, Candidate]:
        parse = ParseIndex.build(nlp(text))
        found = find_candidates(parse, resources.lexicon, resources.complement_codes)
        return {c.token.lower_: c for c in found}

    return run


def test_candidates_to_clause_folds_into_its_governor(drafts) -> None:  # type: ignore[no-untyped-def]
    found = drafts("Gondor urged Rohan to withdraw its troops.")
    urged, withdraw = found["urged"], found["withdraw"]
    # An appeal to yield, one event: its troops pulled back de-escalate (0256).
    assert (urged.code, urged.dropped) == ("0256", False)
    assert withdraw.dropped
    assert [t.lower_ for t in urged.folded] == ["withdraw"]


def test_candidates_reported_event_replaces_its_reporting_verb(drafts) -> None:  # type: ignore[no-untyped-def]
    found = drafts("Gondor said it would attack Rohan.")
    said, attack = found["said"], found["attack"]
    assert said.dropped and not attack.dropped
    assert attack.reported_by is not None and attack.reported_by.i == said.token.i


def test_candidates_noun_of_a_verb_pattern_is_covered(drafts) -> None:  # type: ignore[no-untyped-def]
    found = drafts("Gondor imposed sanctions on Rohan.")
    assert found["imposed"].code == "163" and not found["imposed"].dropped
    assert found["sanctions"].dropped


def test_candidates_announced_noun_takes_over(drafts) -> None:  # type: ignore[no-untyped-def]
    found = drafts("Gondor announced a suspension of flights to Rohan.")
    announced, suspension = found["announced"], found["suspension"]
    assert announced.dropped and announced.announces
    assert not suspension.dropped


def test_candidates_passes_return_new_drafts(drafts) -> None:  # type: ignore[no-untyped-def]
    # Drafts are frozen: a pass cannot change what an earlier pass returned.
    found = drafts("Gondor said it would attack Rohan.")
    with pytest.raises(AttributeError):
        found["said"].dropped = False  # type: ignore[misc]


def test_candidates_a_root_noun_with_a_subject_is_a_verb(drafts, nlp) -> None:  # type: ignore[no-untyped-def]
    # The tagger reads "denounces" before "and rejects" as a plural noun; it is the verb.
    text = "The Gondor Ministry of Defence strongly denounces and rejects the reckless act."
    token = next(t for t in nlp(text) if t.lower_ == "denounces")
    assert token.pos_ == "NOUN" and token.dep_ == "ROOT"  # what the fix is for
    found = drafts(text)
    assert "denounces" in found and found["denounces"].code[:2] == "11"
    assert "rejects" in found


def test_candidates_a_noun_without_a_subject_stays_a_noun(drafts) -> None:  # type: ignore[no-untyped-def]
    # A headline noun with no subject of its own is no verb.
    assert "denounces" not in drafts("Denounces of the plan.")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Gondor will rebuild its fleet as required by the new age.", "required"),
        ("Rohan reformed its courts as demanded by its people.", "demanded"),
    ],
)
def test_candidates_as_participle_is_a_standard_not_an_act(  # type: ignore[no-untyped-def]
    drafts, text: str, word: str
) -> None:
    # "as required by X" says what the act conforms to; no one demands anything.
    assert word not in drafts(text)


def test_candidates_demanded_with_a_subject_stays(drafts) -> None:  # type: ignore[no-untyped-def]
    assert "demanded" in drafts("Gondor demanded that Rohan pay the toll.")


def test_candidates_required_is_what_a_thing_needs(drafts) -> None:  # type: ignore[no-untyped-def]
    # In news "require" says what a task or a situation needs, seldom a party's demand.
    assert "requires" not in drafts("The new dam requires Rohan to send more workers.")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The envoy of Gondor asked if Rohan had visited the farms.", "visited"),
        ("The king of Gondor asked about how grain is supplied to Rohan.", "supplied"),
        ("The envoy of Gondor wondered whether Rohan would attack.", "attack"),
    ],
)
def test_candidates_what_a_question_names_is_no_event(  # type: ignore[no-untyped-def]
    drafts, text: str, word: str
) -> None:
    found = drafts(text)
    assert word not in found or found[word].dropped


def test_candidates_asking_another_to_act_stays(drafts) -> None:  # type: ignore[no-untyped-def]
    found = drafts("Gondor asked Rohan to withdraw its troops.")
    assert not found["asked"].dropped


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Shown at the hall was a photo showing the king of Gondor signing the treaty.", "signing"),
        ("The paper had pictures of the king of Gondor receiving envoys of Rohan.", "receiving"),
        ("The paper carried a photo of his meeting with the king of Rohan.", "meeting"),
        ("Wreaths were laid at the monument to resisting Mordor and aiding Gondor.", "aiding"),
    ],
)
def test_candidates_act_a_picture_shows_is_no_event(  # type: ignore[no-untyped-def]
    drafts, text: str, word: str
) -> None:
    # What a photo shows or a monument stands for names the thing; no act is reported.
    assert word not in drafts(text)


def test_candidates_act_told_beside_a_picture_stays(drafts) -> None:  # type: ignore[no-untyped-def]
    # A verb with its own tense reports the act, whatever picture is near.
    found = drafts("They laid a wreath before the portrait of the king and paid tribute to him.")
    assert "paid" in found
    beside = drafts("The envoys bowed before the portrait of the king, expressing condolences.")
    assert "expressing" in beside
    assert "signed" in drafts("The photo was taken when the king of Gondor signed the treaty.")


def test_candidates_capitalised_gerund_of_a_body_s_name_is_no_event(  # type: ignore[no-untyped-def]
    drafts,
) -> None:
    # The parser hangs "for" on the office, not on the name; the entity label says it is one.
    text = (
        "Frodo Baggins, secretary general of the Shire Association for Supporting the "
        "Songun Politics, said so."
    )
    assert "supporting" not in drafts(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Before the Minas Tirith attacks, Gondor took a softer line on Mordor.", "attacks"),
        ("Three months have passed since the hearing with the envoy of Rohan.", "hearing"),
        ("Since their occupation of Rohan, the troops of Mordor have built forts.", "occupation"),
    ],
)
def test_candidates_act_that_dates_another_is_no_event(  # type: ignore[no-untyped-def]
    drafts, text: str, word: str
) -> None:
    # An act after "before", "after" or "since" is a landmark of time, not the news.
    assert word not in drafts(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The delegation of Gondor returned home after its visit to Rohan.", "visit"),
        ("The envoy of Gondor spoke to reporters during his visit to Rohan.", "visit"),
    ],
)
def test_candidates_trip_ended_or_going_on_stays(  # type: ignore[no-untyped-def]
    drafts, text: str, word: str
) -> None:
    assert word in drafts(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Your warm letter serves as a precious support to the people of Gondor.", "support"),
        ("The launch is a legitimate exercise of the sovereign right of Gondor.", "exercise"),
        ("The envoy of Rohan treated the king of Gondor as a diminished threat.", "threat"),
    ],
)
def test_candidates_noun_that_says_what_a_thing_is_is_no_event(  # type: ignore[no-untyped-def]
    drafts, text: str, word: str
) -> None:
    # A noun after a copula or "serve as" qualifies its subject; no act is reported.
    assert word not in drafts(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The envoy said that Rohan is the force attacking Gondor.", "attacking"),
        ("The army of Mordor is the main culprit threatening Gondor.", "threatening"),
    ],
)
def test_candidates_doing_that_says_what_a_thing_is_is_no_event(  # type: ignore[no-untyped-def]
    drafts, text: str, word: str
) -> None:
    # A participle on a noun after a copula is a verdict on the subject, not a reported act.
    found = drafts(text)
    assert word not in found or found[word].dropped


def test_candidates_doing_of_people_there_were_stays(drafts) -> None:  # type: ignore[no-untyped-def]
    found = drafts("There were troops of Mordor attacking villages of Gondor.")
    assert not found["attacking"].dropped


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "The king of Rohan made a great contribution to developing the ties with Gondor.",
            "developing",
        ),
        (
            "The visit laid the foundation for expanding and strengthening the ties of Gondor.",
            "strengthening",
        ),
        ("The treaty served as a basis for rallying the allies of Gondor.", "rallying"),
    ],
)
def test_candidates_gerund_a_merit_is_about_is_no_event(  # type: ignore[no-untyped-def]
    drafts, text: str, word: str
) -> None:
    # A gerund after a noun of merit or means says what it is about; no act is reported.
    found = drafts(text)
    assert word not in found or found[word].dropped


def test_candidates_gerund_after_a_verb_stays(drafts) -> None:  # type: ignore[no-untyped-def]
    found = drafts("Gondor made a contribution and accused Rohan of attacking its posts.")
    assert "attacking" in found


def test_candidates_meeting_there_was_stays(drafts) -> None:  # type: ignore[no-untyped-def]
    assert "meeting" in drafts("There was a meeting of the envoys of Gondor and Rohan.")


def test_candidates_protest_s_demand_is_part_of_the_protest(drafts) -> None:  # type: ignore[no-untyped-def]
    # "in demand of" says what the rally is for; CAMEO codes the rally.
    text = "A demonstration took place in Gondor City in demand of the resignation of the king."
    found = drafts(text)
    assert found["demonstration"].code[:2] == "14" and not found["demonstration"].dropped
    assert found["demand"].dropped


def test_candidates_demand_with_no_protest_stays(drafts) -> None:  # type: ignore[no-untyped-def]
    found = drafts("The students of Gondor began a signature campaign in demand of a probe.")
    assert not found["demand"].dropped


@pytest.mark.parametrize(
    "text",
    [
        "The 2003 invasion of Rohan by Mordor divided the region.",
        "The envoy recalled the 1999 summit of Gondor and Rohan.",
    ],
)
def test_candidates_act_named_by_its_year_is_background(drafts, text: str) -> None:  # type: ignore[no-untyped-def]
    # A year before an event noun names a known act of the past: recalled, not reported.
    found = drafts(text)
    noun = "invasion" if "invasion" in found else "summit"
    assert found[noun].dropped


def test_candidates_act_dated_by_its_own_phrase_stays(drafts) -> None:  # type: ignore[no-untyped-def]
    assert not drafts("Mordor invaded Rohan in 2003.")["invaded"].dropped


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Rohan recalled its envoy from Gondor, a spokesman said, three days after Mordor "
         "seized the border town.", "seized"),
        ("Gondor cut its grain aid to Rohan on Friday, one week after Rohan's riders raided "
         "the fords.", "raided"),
    ],
)  # fmt: skip
def test_candidates_act_a_span_before_the_news_is_background(  # type: ignore[no-untyped-def]
    drafts, text: str, word: str
) -> None:
    # "N days after X did Y" dates the news by an earlier act: recalled, not reported.
    found = drafts(text)
    assert found[word].dropped


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The quarrel grew hours after Rohan's riders raided the fords.", "raided"),
        ("The quarrel grew last week after Rohan's riders raided the fords.", "raided"),
    ],
)  # fmt: skip
def test_candidates_act_close_to_the_news_stays(  # type: ignore[no-untyped-def]
    drafts, text: str, word: str
) -> None:
    assert not drafts(text)[word].dropped


@pytest.mark.parametrize(
    ("text", "participle"),
    [
        ("The fishermen arrested for poaching near Rohan were freed on Friday.", "arrested"),
        ("A dozen of the envoys accused of spying for Gondor will leave Rohan.", "accused"),
    ],
)
def test_candidates_participle_identifying_a_subject_is_background(  # type: ignore[no-untyped-def]
    drafts, text: str, participle: str
) -> None:
    # What was done to the subject's people says who they are; the clause's verb is the news.
    found = drafts(text)
    assert found[participle].dropped


@pytest.mark.parametrize(
    ("text", "participle", "verb"),
    [
        ("The riders imprisoned for raiding Rohan were released today.", "imprisoned", "released"),
        ("The sailors detained for fishing near Rohan were freed by Gondor.", "detained", "freed"),
    ],
)  # fmt: skip
def test_candidates_participle_misread_as_the_main_verb_is_background(  # type: ignore[no-untyped-def]
    drafts, text: str, participle: str, verb: str
) -> None:
    # The parser takes the participle for the main verb and "were freed" for its conjunct,
    # with no "and" between: the participle still only says who they are.
    found = drafts(text)
    assert found[participle].dropped
    assert not found[verb].dropped


def test_candidates_two_clauses_joined_keep_both_acts(drafts) -> None:  # type: ignore[no-untyped-def]
    found = drafts("The riders attacked the fords and were repelled by Gondor.")
    assert not found["attacked"].dropped


def test_candidates_participle_with_its_doer_stays(drafts) -> None:  # type: ignore[no-untyped-def]
    found = drafts("The fishermen arrested by Rohan's navy were freed on Friday.")
    assert not found["arrested"].dropped


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The envoy hoped that Gondor and Rohan would hold talks soon.", "hold"),
        ("We hope the sanctions on Rohan will be lifted next year.", "lifted"),
    ],
)
def test_candidates_act_hoped_for_is_no_event(drafts, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    # A hope wishes for an act nobody has done, announced or promised.
    assert drafts(text)[word].dropped


def test_candidates_own_plan_hoped_stays(drafts) -> None:  # type: ignore[no-untyped-def]
    # "hopes to visit": the hoper's own plan (its to-clause has no subject of its own).
    assert not drafts("The minister hopes to visit Rohan in May.")["visit"].dropped
