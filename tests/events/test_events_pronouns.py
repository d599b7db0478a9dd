"""What "they" and "it" stand for when they act (parley/events/pronouns.py): the party the
text was talking about, never a place nor merely the nearest name; nobody when unclear."""

from __future__ import annotations

import dataclasses

import pytest

from parley.analysis import Config
from parley.events import find_events
from parley.events.pronouns import antecedent
from parley.nlp.index import MentionIndex, ParseIndex
from parley.records import Entity, Mention, Quote
from tests.events.conftest import Code, article_for, entities_for

COUNTRIES = {"Mordor": "MOR", "Gondor": "GON", "Rohan": "ROH", "Edoras": "ROH"}
PLACES = {"Edoras": "location"}


def _sources(events, cameo_root: str):  # type: ignore[no-untyped-def]
    return [e.source_actor for e in events if e.cameo.startswith(cameo_root)]


def test_pronouns_they_is_the_previous_subject_not_a_place(code: Code) -> None:
    text = "Mordor sent envoys to a summit in Edoras. They criticized Gondor for the blockade."
    events = code(text, COUNTRIES, kinds=PLACES)
    assert _sources(events, "11") == ["MOR"]


def test_pronouns_a_chain_of_they_is_one_party(code: Code) -> None:
    text = (
        "Mordor closed the pass on Monday. They accused Gondor of spying. They also "
        "condemned Rohan for the raid in Edoras."
    )
    events = code(text, COUNTRIES, kinds=PLACES)
    assert _sources(events, "112") == ["MOR"]
    assert _sources(events, "111") == ["MOR"]


def test_pronouns_it_left_empty_when_two_parties_could_be_meant(code: Code) -> None:
    # Neither Gondor nor Rohan is the subject: "it" could be either.
    text = "Talks with Gondor and with Rohan went on. It later accused Mordor of spying."
    events = code(text, COUNTRIES, kinds=PLACES)
    assert _sources(events, "11") in ([], [None])


def _with_mention(entity: Entity, start: int, word: str) -> Entity:
    mentions = (*entity.mentions, Mention(start, start + len(word), word))
    return dataclasses.replace(entity, mentions=tuple(sorted(mentions, key=lambda m: m.start)))


def _events_over(nlp, resources, text: str, entities: tuple[Entity, ...]):  # type: ignore[no-untyped-def]
    parse = ParseIndex.build(nlp(text))
    return find_events(
        parse, MentionIndex.build(entities, parse), article_for(text), None, (), (), resources
    )


def test_pronouns_he_is_whom_the_entity_stage_linked_not_the_nearest_name(
    nlp,
    event_resources,  # type: ignore[no-untyped-def]
) -> None:
    # The entity stage linked "He" to the speaker; Kim Ho Nam is only the nearest name.
    text = (
        "Ri Chol Man said the new canal was built under the guidance of Kim Ho Nam. "
        "He denounced Mordor for its threats."
    )
    actors = {"Ri Chol Man": "RURGOV", "Kim Ho Nam": "FREGOV", "Mordor": "MOR"}
    entities = entities_for(text, actors)
    entities = (_with_mention(entities[0], text.index("He "), "He"), *entities[1:])
    events = _events_over(nlp, event_resources(Config()), text, entities)
    assert [(e.source_actor, e.target_actor) for e in events if e.cameo.startswith("11")] == [
        ("RURGOV", "MOR")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The nearest name is the object; the subject the text was about acts.
        (
            "Ri Chol Man greeted Kim Ho Nam at the harbour. He denounced Mordor for its threats.",
            ["RURGOV"],
        ),
        # The subject the text was about names nobody: nobody, not the person praised.
        (
            "The chairman of the union praised Kim Ho Nam for the canal. He denounced Mordor "
            "for its threats.",
            [None],
        ),
        # Paragraphs joined with ", ," are sentences; the words "he" reports are not his.
        (
            "Ri Chol Man, addressing the rally, praised Kim Ho Nam., ,  The canal is a triumph, he "
            "said, denouncing Mordor for its threats.",
            ["RURGOV"],
        ),
        # The doer of a passive is whom the text goes on about.
        (
            "The canal was built by Ri Chol Man, an engineer of the works., ,  He denounced Mordor "
            "for its threats.",
            ["RURGOV"],
        ),
    ],
)
def test_pronouns_he_left_alone_is_the_subject_never_the_nearest_name(
    nlp,
    event_resources,
    text: str,
    expected: list[str | None],  # type: ignore[no-untyped-def]
) -> None:
    actors = {"Ri Chol Man": "RURGOV", "Kim Ho Nam": "FREGOV", "Mordor": "MOR"}
    events = _events_over(nlp, event_resources(Config()), text, entities_for(text, actors))
    assert [e.source_actor for e in events if e.cameo.startswith("11")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "It" stands for the clause after it: nobody, not the last country named.
        ("Gondor closed the pass. It was necessary to criticize Mordor for the raid.", []),
        # ... and the clause is the doing of whose policy "it" is said to be.
        (
            "Gondor closed the pass. It is the fixed policy of Rohan to criticize Mordor for "
            "the raid.",
            ["ROH"],
        ),
        # "able to" is the subject's own doing: "it" is the party the text was about.
        ("Gondor closed the pass. It was able to criticize Mordor for the raid.", ["GON"]),
    ],
)
def test_pronouns_it_before_its_clause_stands_for_no_party(
    code: Code, text: str, expected: list[str]
) -> None:
    assert [s for s in _sources(code(text, COUNTRIES, kinds=PLACES), "11") if s] == expected


def test_pronouns_an_owner_deep_in_the_phrase_is_not_the_actor(
    nlp,
    event_resources,  # type: ignore[no-untyped-def]
) -> None:
    # "its" is Gondor, but "most of its neighbours" are not Gondor.
    text = "Gondor held a debate on Monday. Most of its neighbours condemned Mordor for the raid."
    entities = entities_for(text, {"Gondor": "GON", "Mordor": "MOR"})
    entities = (_with_mention(entities[0], text.index("its "), "its"), *entities[1:])
    events = _events_over(nlp, event_resources(Config()), text, entities)
    assert "GON" not in _sources(events, "11")


def _dyads(events, cameo_root: str):  # type: ignore[no-untyped-def]
    return [(e.source_actor, e.target_actor) for e in events if e.cameo.startswith(cameo_root)]


def test_pronouns_an_object_is_not_its_own_clause_doer(code: Code) -> None:
    # "it" cannot be Rohan, who urges: the one other party of its sentence is Gondor.
    text = "Rohan denounced Gondor for the raids and urged it to apologize at once."
    assert _dyads(code(text, COUNTRIES, kinds=PLACES), "02") == [("ROH", "GON")]


def test_pronouns_a_speaker_is_none_of_the_words_it_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    # "it" said the words about Gondor and Mordor: it is Rohan, the subject before.
    text = (
        "Rohan held a meeting in Edoras on Monday. Gondor has become a servant of Mordor, it said."
    )
    doc = nlp(text)
    parse = ParseIndex.build(doc)
    mentions = MentionIndex.build(entities_for(text, COUNTRIES, PLACES), parse)
    pronoun = next(t for t in doc if t.lower_ == "it")
    found = antecedent(pronoun, mentions)
    assert found is not None and found.actor == "ROH"


def test_pronouns_it_after_an_unnamed_speaker_is_left_empty(code: Code) -> None:
    # The statement's author is named by no entity: "It" is not Gondor, merely in reach.
    text = (
        "By passing the motion Gondor showed its treachery, the statement said. "
        "It called on the people to rise up against Mordor."
    )
    events = code(text, COUNTRIES, kinds=PLACES)
    assert _dyads(events, "11") == [(None, "MOR")]


def _said_by(text: str, source: str, speaker: str, at: int = 0) -> Quote:
    """A quote whose source is the words ``source`` (the ``at``-th time they occur), spoken
    by the entity ``speaker``, as the quote stage would give it."""
    start = -1
    for _ in range(at + 1):
        start = text.index(source, start + 1)
    end = start + len(source)
    return Quote(
        f"q{start}",
        "x",
        "indirect",
        speaker,
        source,
        (start, end),
        "said",
        None,
        None,
        None,
        end,
        end + 1,
        ((end, end + 1),),
    )


def _events_quoted(nlp, resources, text: str, entities, quotes):  # type: ignore[no-untyped-def]
    parse = ParseIndex.build(nlp(text))
    return find_events(
        parse, MentionIndex.build(entities, parse), article_for(text), None, (), quotes, resources
    )


# Long enough that no person named before it is in a "he"'s reach.
_FAR = (
    "The new canal, dug by hand over three winters through marsh, clay and rock, now carries "
    "barges of grain, timber, salt and coal from the northern hills to the harbour towns of "
    "the southern coast, where the wharves, warehouses and markets built along its banks "
    "have grown busier every season since the locks were opened to traffic in the spring, "
    "and the boatmen who work it say the journey that once took a month now takes a week. "
)


def test_pronouns_he_no_name_reaches_is_the_speaker_the_quote_stage_followed(
    nlp,
    event_resources,  # type: ignore[no-untyped-def]
) -> None:
    text = (
        "Ri Chol Man in his speech said the canal was a triumph. "
        + _FAR
        + ("He denounced Mordor for its threats.")
    )
    entities = entities_for(text, {"Ri Chol Man": "RURGOV", "Mordor": "MOR"})
    resources = event_resources(Config())
    said = _said_by(text, "He", entities[0].id)
    events = _events_quoted(nlp, resources, text, entities, (said,))
    assert [e.source_actor for e in events if e.cameo.startswith("11")] == ["RURGOV"]
    # Without the quote stage's speaker, nobody: never the nearest name.
    events = _events_quoted(nlp, resources, text, entities, ())
    assert [e.source_actor for e in events if e.cameo.startswith("11")] in ([], [None])


def test_pronouns_he_is_never_a_newspaper_the_quote_stage_followed(
    nlp,
    event_resources,  # type: ignore[no-untyped-def]
) -> None:
    # A paper's printed words are about the leader: their "he" is not the paper, whatever
    # speaker the quote stage hung on it; a person it followed stays the speaker.
    text = (
        "The Mordor Herald printed an article on Monday. " + _FAR + ("He visited Gondor on Friday.")
    )
    actors = {"The Mordor Herald": "MORMED", "Ri Chol Man": "RURGOV", "Gondor": "GON"}
    entities = entities_for(text, actors, kinds={"The Mordor Herald": "media"})
    resources = event_resources(Config())
    said = _said_by(text, "He", "e1", at=1)  # the first "He" is in "Herald"
    events = _events_quoted(nlp, resources, text, entities, (said,))
    assert [e.source_actor for e in events if e.cameo.startswith("04")] in ([], [None])


def test_pronouns_he_in_a_paper_s_printed_words_is_not_the_paper(code: Code) -> None:
    # The voice is the paper ("the paper noted, and continued:"); "he" is whom it writes of.
    text = (
        "The Ghanaian paper Daily Graphic carried an article about the leader, the paper "
        "noted, and continued:\n\nWhen people moved to new houses, he visited them and "
        "congratulated them on their happiness."
    )
    events = code(text, {"Daily Graphic": "GHAMED"}, kinds={"Daily Graphic": "media"})
    assert "GHAMED" not in _sources(events, "05")


def test_pronouns_it_after_a_speaking_statement_is_the_speaker_of_both(
    nlp,
    event_resources,  # type: ignore[no-untyped-def]
) -> None:
    # The council is named where it speaks of nothing (the voice pass hears nobody).
    text = (
        "Members of the Mordor Harbour Council met in the port on Friday. "
        "The blockade of Gondor must end, the statement said. "
        "It called on Rohan to reopen the pass."
    )
    entities = entities_for(
        text,
        {"Mordor Harbour Council": "MORNGO", "Gondor": "GON", "Rohan": "ROH"},
        kinds={"Mordor Harbour Council": "organization"},
    )
    council = entities[0].id
    resources = event_resources(Config())
    quotes = (_said_by(text, "the statement", council), _said_by(text, "It", council))
    events = _events_quoted(nlp, resources, text, entities, quotes)
    assert [e.source_actor for e in events if e.cameo.startswith("02")] == ["MORNGO"]
    # The two attributions resolved to different speakers: the event pass takes neither.
    quotes = (_said_by(text, "the statement", entities[1].id), _said_by(text, "It", council))
    events = _events_quoted(nlp, resources, text, entities, quotes)
    assert [e.source_actor for e in events if e.cameo.startswith("02")] in ([], [None])


def test_pronouns_it_after_a_subject_that_does_not_speak_stays_empty(
    nlp,
    event_resources,  # type: ignore[no-untyped-def]
) -> None:
    # The report is someone else's, not the council's: "it" is the report, whoever wrote it.
    text = (
        "Members of the Mordor Harbour Council met in the port on Friday. "
        "The report terms the blockade a lawful measure. "
        "Furthermore, it calls on Rohan to reopen the pass."
    )
    entities = entities_for(
        text,
        {"Mordor Harbour Council": "MORNGO", "Rohan": "ROH"},
        kinds={"Mordor Harbour Council": "organization"},
    )
    quotes = (_said_by(text, "it", entities[0].id, at=0),)
    events = _events_quoted(nlp, event_resources(Config()), text, entities, quotes)
    assert [e.source_actor for e in events if e.cameo.startswith("02")] in ([], [None])


def test_pronouns_an_object_pronoun_on_the_thing_given_is_not_the_giver(code: Code) -> None:
    # "them" hangs on the gifts, not on the verb: still the verb's object, never its doer.
    text = "Rohan ended the siege of the fortress. Gondor sent gifts of grain to them."
    events = code(text, COUNTRIES, kinds=PLACES)
    assert [(e.source_actor, e.target_actor) for e in events if e.cameo.startswith("07")] == [
        ("GON", "ROH")
    ]


def test_pronouns_a_place_an_owned_thing_is_in_is_no_source(code: Code) -> None:
    # "its branch in Edoras" is the mission's branch: Edoras is where it is, not who acts.
    text = (
        "Members of the Gondor Consulate General in Minas of Rohan and its branch in Edoras "
        "laid wreaths at the cemetery on Friday."
    )
    events = code(text, COUNTRIES, kinds=PLACES)
    sources = _sources(events, "05")
    assert len(sources) == 1 and sources[0].startswith("GON")


def test_pronouns_it_after_a_message_is_its_sender_a_person_too(code: Code) -> None:
    # "It" is the message the sentence before was about; its words are its sender's.
    people = {"Aragorn Elessar": "GONGOV", "Eomer Eadig": "ROHGOV", "Mordor": "MOR"}
    text = (
        "Aragorn Elessar sent a message to Eomer Eadig on Monday. The message wished him "
        "a long reign. It called on Mordor to reopen the pass."
    )
    events = code(text, people)
    called = [e for e in events if text[e.trigger[0] : e.trigger[1]].startswith("called")]
    assert [(e.source_actor, e.target_actor) for e in called] == [("GONGOV", "MOR")]


def _quote(
    text: str, speaker_words: str, speaker: str | None, content: tuple[str, str], kind: str
) -> Quote:
    """A quote of the words from ``content[0]`` up to (not including) ``content[1]``, its
    source the first ``speaker_words``, spoken by the entity ``speaker`` (None: unresolved)."""
    source = text.index(speaker_words)
    start = text.index(content[0])
    end = text.index(content[1], start) if content[1] else len(text)
    return Quote(
        f"q{start}",
        text[start:end],
        kind,
        speaker,
        speaker_words,  # type: ignore[arg-type]
        (source, source + len(speaker_words)),
        "said",
        None,
        None,
        None,
        start,
        end,
        ((start, end),),
    )


_STATEMENT = (
    "Minas Tirith, May 3 -- The spokesman of the Gondor Foreign Office issued the following "
    "statement:\nMordor again sent its troops across the river last week.\n"
    "The Rohan riders claim that the crossing was lawful.\n"
    "We strongly denounce Mordor for its aggression.\n"
)


def test_pronouns_we_in_a_statement_is_its_author_past_a_claim_it_reports(
    nlp,
    event_resources,  # type: ignore[no-untyped-def]
) -> None:
    # The quote stage ends the block at the claim it reports and reads "We denounce" as an
    # attribution of its own: the "we" is still the statement's author.
    text = _STATEMENT
    entities = entities_for(
        text,
        {"Gondor Foreign Office": "GONGOV", "Mordor": "MOR", "Rohan": "ROH"},
        kinds={"Gondor Foreign Office": "organization"},
    )
    resources = event_resources(Config())
    block = _quote(
        text, "Gondor Foreign Office", entities[0].id, ("Mordor again", "The Rohan"), "direct"
    )
    claim = _quote(text, "The Rohan riders", entities[2].id, ("the crossing", "\nWe"), "indirect")
    own = _quote(text, "We", None, ("Mordor for", ""), "indirect")
    events = _events_quoted(nlp, resources, text, entities, (block, claim, own))
    assert _sources(events, "11") == ["GONGOV"]
    # No statement printed after a colon: nobody, not the nearest name.
    events = _events_quoted(nlp, resources, text, entities, (claim, own))
    assert _sources(events, "11") in ([], [None])


def test_pronouns_i_is_the_speaker_of_its_quotation_not_the_next_cue(
    nlp,
    event_resources,  # type: ignore[no-untyped-def]
) -> None:
    # Joined paragraphs: the parser hangs the first speaker's words on the next one's cue,
    # whose titles name a coded ministry (the keeper himself has no code).
    text = (
        '"I wish I could ride to Minas Morgul and slay the orc.", ,  Bard Bowman, manager of a '
        'granary under the Ministry of Dale, said:, ,   "I am old."  The first words were '
        "those of Eowyn Ladd, an envoy."
    )
    entities = entities_for(
        text,
        {"Eowyn Ladd": "ROHGOV", "Bard Bowman": "", "Ministry of Dale": "DALGOV"},
        kinds={"Eowyn Ladd": "person", "Bard Bowman": "person", "Ministry of Dale": "organization"},
    )
    quotes = (
        _quote(text, "Eowyn Ladd", entities[0].id, ('"I wish', ", ,  Bard"), "direct"),
        _quote(text, "Bard Bowman", entities[1].id, ('"I am', "  The first"), "direct"),
    )
    events = _events_quoted(nlp, event_resources(Config()), text, entities, quotes)
    wished = [e for e in events if text[e.trigger[0] : e.trigger[1]] == "wish"]
    assert [(e.source_actor, e.target_actor) for e in wished] == [("ROHGOV", None)]


def test_pronouns_we_in_a_paraphrase_is_the_reporters(
    nlp,
    event_resources,  # type: ignore[no-untyped-def]
) -> None:
    # Reported speech shifts the person: this "we" is the writer's country, not Saruman.
    text = "Saruman White, the likely nominee, says we should expel the wanderers from Rohan."
    entities = entities_for(
        text, {"Saruman White": "ISEELI", "Rohan": "ROH"}, kinds={"Saruman White": "person"}
    )
    said = _quote(text, "Saruman White", entities[0].id, ("we should", ""), "indirect")
    events = _events_quoted(nlp, event_resources(Config()), text, entities, (said,))
    expelled = [e for e in events if text[e.trigger[0] : e.trigger[1]].startswith("expel")]
    assert expelled and all(e.source_actor is None for e in expelled)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "They" after a coordinated subject is the list, each party on its own.
        (
            "Mordor and Gondor closed the pass on Monday. They condemned Rohan for the raid.",
            [("MOR", "ROH"), ("GON", "ROH")],
        ),
        # A chain of "they" keeps the whole list.
        (
            "Mordor and Gondor closed the pass on Monday. They met in Edoras. They later "
            "condemned Rohan for the raid.",
            [("MOR", "ROH"), ("GON", "ROH")],
        ),
        # A list of three.
        (
            "Mordor, Gondor and Arnor closed the pass on Monday. They condemned Rohan for the "
            "raid.",
            [("MOR", "ROH"), ("GON", "ROH"), ("ARN", "ROH")],
        ),
        # The list may run inside the subject's words.
        (
            "Envoys of Mordor and Gondor met in Edoras on Monday. They condemned Rohan for the "
            "raid.",
            [("MORGOV", "ROH"), ("GONGOV", "ROH")],
        ),
        # People listed as the subject are "they" too.
        (
            "Ri Chol Man and Kim Ho Nam toured the harbour on Monday. They condemned Rohan for "
            "the raid.",
            [("RURGOV", "ROH"), ("FREGOV", "ROH")],
        ),
        # A list in a place phrase is where someone is, not who acts.
        (
            "Envoys met in Mordor and Gondor on Monday. They condemned Rohan for the raid.",
            [(None, "ROH")],
        ),
        # Listed as objects with no subject "they" could be: nobody, not the nearest name.
        (
            "Talks with Mordor and with Gondor went on for days. They later condemned Rohan "
            "for the raid.",
            [(None, "ROH")],
        ),
    ],
)
def test_pronouns_they_after_a_list_is_each_party_of_the_list(
    code: Code, text: str, expected: list[tuple[str | None, str]]
) -> None:
    actors = {**COUNTRIES, "Arnor": "ARN", "Ri Chol Man": "RURGOV", "Kim Ho Nam": "FREGOV"}
    events = [e for e in code(text, actors, kinds=PLACES) if e.cameo.startswith("111")]
    assert sorted((e.source_actor or "", e.target_actor) for e in events) == sorted(
        (s or "", t) for s, t in expected
    )


def test_pronouns_they_after_a_list_acting_together_act_on_each_other(code: Code) -> None:
    # "They agreed" after "Mordor and Gondor": a joint act of the two, one event each way,
    # as "the two sides agreed" is.
    text = "Mordor and Gondor held talks in Edoras on Monday. They agreed to reopen the pass."
    pairs = _dyads(code(text, COUNTRIES, kinds=PLACES), "03")
    assert sorted(pairs) == [("GON", "MOR"), ("MOR", "GON")]


def test_pronouns_them_is_not_the_list_its_doer_they_stands_for(code: Code) -> None:
    # "them" is whom "they" act on, not Mordor and Gondor themselves: the one other party.
    text = (
        "Mordor and Gondor closed the pass on Monday, and they condemned Rohan for the raid "
        "and urged them to pay for the damage."
    )
    assert sorted(_dyads(code(text, COUNTRIES, kinds=PLACES), "02")) == [
        ("GON", "ROH"),
        ("MOR", "ROH"),
    ]


@pytest.mark.parametrize(
    "company",
    [
        "Aragorn Elessar, envoy of Gondor, and his party",
        "Aragorn Elessar, envoy of Gondor, together with members of his staff",
        "Aragorn Elessar and his entourage",
    ],
)
def test_pronouns_they_after_a_person_and_their_company_is_that_person(
    code: Code, company: str
) -> None:
    text = f"{company} arrived in Edoras on Monday. They condemned Mordor for the raid."
    actors = {"Aragorn Elessar": "GONGOV", "Gondor": "GON", "Mordor": "MOR", "Edoras": "ROH"}
    events = code(text, actors, kinds=PLACES)
    assert _sources(events, "111") == ["GONGOV"]


def test_pronouns_they_after_a_person_alone_is_still_nobody(code: Code) -> None:
    # "Aragorn Elessar" alone is no "they": without company the pronoun is left to the pass.
    text = (
        "Aragorn Elessar, envoy of Gondor, arrived in Edoras. They condemned Mordor for the raid."
    )
    actors = {"Aragorn Elessar": "GONGOV", "Gondor": "GON", "Mordor": "MOR", "Edoras": "ROH"}
    events = code(text, actors, kinds=PLACES)
    assert "GONGOV" not in _sources(events, "111")
