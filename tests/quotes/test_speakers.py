"""Speakers through pronouns and descriptions (``speakers.py``, ``discourse.py``), on short
texts written for these tests with hand-built entities: a pronoun is the speaker the report
follows or the subject just before, never the nearest country name."""

from __future__ import annotations

from typing import Any

import pytest

from parley.quotes import QuoteResources
from parley.quotes.build import quote_text
from parley.records import Entity, Mention, Quote
from tests.quotes.test_quotes_find import _entity, run_quotes

pytestmark = pytest.mark.model


def _speakers(
    nlp: Any, resources: QuoteResources, text: str, *names: tuple[str, str]
) -> list[tuple[str | None, str | None]]:
    entities = tuple(_entity(f"e{n}", name, kind, text) for n, (name, kind) in enumerate(names, 1))
    by_id: dict[str, Entity] = {e.id: e for e in entities}
    quotes: tuple[Quote, ...] = run_quotes(nlp, resources, text, entities)
    return [(q.speaker_text, by_id[q.speaker].name if q.speaker else None) for q in quotes]


def test_speakers_pronoun_follows_the_reported_speaker_not_the_country_named(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "The Harbour Council said on Monday that Freedonia had closed the canal.\n\n"
        "Freedonia wants to starve the coast, it noted."
    )
    got = _speakers(
        nlp, quote_resources, text, ("Harbour Council", "organization"), ("Freedonia", "country")
    )
    assert ("it", "Harbour Council") in got
    assert ("it", "Freedonia") not in got


def test_speakers_text_that_speaks_is_its_author(nlp: Any, quote_resources: QuoteResources) -> None:
    text = (
        "The Coast Gazette on Saturday carried a commentary on the moves of Freedonia.\n\n"
        "The commentary said Freedonia is raising tension in the strait.\n\n"
        "It noted that Freedonia wants a blockade."
    )
    got = _speakers(
        nlp, quote_resources, text, ("Coast Gazette", "media"), ("Freedonia", "country")
    )
    assert ("The commentary", "Coast Gazette") in got
    assert ("It", "Coast Gazette") in got


def test_speakers_it_after_a_text_that_speaks_is_the_texts_author(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Ingrid Holm sent a message to the fishermen's guild on Monday.\n\n"
        "The harbour will reopen in spring, the message said.\n\n"
        "The ferry will run again before the first snow, it added."
    )
    got = _speakers(nlp, quote_resources, text, ("Ingrid Holm", "person"), ("Valka", "country"))
    assert ("the message", "Ingrid Holm") in got
    assert ("it", "Ingrid Holm") in got


def test_speakers_it_after_a_text_just_carried_is_that_text_s_author(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    # "It" is the article the paper carried, not the council the report followed before.
    text = (
        "The Harbour Council said on Monday that the canal would stay closed.\n\n"
        'The Coast Gazette carried an article titled "Open the canal" on Tuesday. It said '
        "that the fishermen were losing their livelihood."
    )
    got = _speakers(
        nlp,
        quote_resources,
        text,
        ("Harbour Council", "organization"),
        ("Coast Gazette", "media"),
    )
    assert ("It", "Coast Gazette") in got


def test_speakers_pronoun_with_no_antecedent_in_reach_has_no_speaker(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Ships of Freedonia sailed past the lighthouse.\n\n"
        "The storms grew worse over the week.\n\n"
        "The winds will not calm before spring, it said."
    )
    got = _speakers(nlp, quote_resources, text, ("Freedonia", "country"))
    assert got and all(who is None for _, who in got)


def test_speakers_subject_inside_the_marks_is_no_speaker(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "“If it cannot pay the tolls now, it will pay them later,” said Anna Berg, a port official."
    )
    (q,) = run_quotes(nlp, quote_resources, text, (_entity("e1", "Anna Berg", "person", text),))
    assert q.speaker == "e1" and q.speaker_text is not None
    assert q.speaker_text.startswith("Anna Berg")


def test_speakers_split_quote_text_leaves_the_attribution_out(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = "“We will not move,” the mayor said, “not this year and not next year.”"
    (q,) = run_quotes(nlp, quote_resources, text)
    assert q.text == "“We will not move,” “not this year and not next year.”"
    assert "said" not in q.text


@pytest.mark.parametrize(
    ("text", "pieces", "expected"),
    [
        ("“A,” he said.", ["“A,”"], "“A,”"),
        # Words between two pieces are the attribution: one space stands for them.
        ("“A,” he said, “B.”", ["“A,”", "“B.”"], "“A,” “B.”"),
        # Only layout between two paragraphs of a statement: kept as written.
        (
            "First line.\n\nSecond line.",
            ["First line.", "Second line."],
            "First line.\n\nSecond line.",
        ),
        ("No quote here.", [], ""),
    ],
)
def test_speakers_quote_text_joins_fragments(text: str, pieces: list[str], expected: str) -> None:
    fragments = [(text.index(p), text.index(p) + len(p)) for p in pieces]
    assert quote_text(text, fragments) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "It was reported that the canal will stay closed.",  # a passive with a dummy "it"
        "We have never asked Freedonia for any help.",  # the text's own "we", not Freedonia
        "It seems that the harbour pilots will strike again.",  # the writer's inference
        "It appears the ferry owners will sue the port.",
        "It clearly shows that the canal company wants a monopoly.",  # the fact just told
    ],
)
def test_speakers_dummy_it_and_the_report_s_own_we_have_no_speaker(
    nlp: Any, quote_resources: QuoteResources, sentence: str
) -> None:
    text = "Freedonia said on Monday that the canal tolls would double.\n\n" + sentence
    got = _speakers(nlp, quote_resources, text, ("Freedonia", "country"))
    assert ("Freedonia", "Freedonia") in got
    # The "it" of "it seems" and of a passive is no source at all (PolNeAR marks none).
    assert any(written in ("It", "We", None) for written, _ in got)
    assert all(who is None for written, who in got if written in ("It", "We", None))


def test_speakers_plural_description_is_the_earlier_speaker_of_that_noun_not_one_body(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Several civic organizations held a rally outside the Harbour Ministry on Monday.\n\n"
        "The organizations said the new tolls would ruin the port."
    )
    got = _speakers(nlp, quote_resources, text, ("Harbour Ministry", "organization"))
    assert all(who != "Harbour Ministry" for _, who in got)


def test_speakers_he_never_follows_a_country_speaker(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Freedonia said on Monday that the canal tolls would double.\n\n"
        "He said that the port would close."
    )
    got = _speakers(nlp, quote_resources, text, ("Freedonia", "country"))
    assert ("He", "Freedonia") not in got


@pytest.mark.parametrize(
    ("text", "names", "pair"),
    [
        pytest.param(
            "The Dock Workers Union held a rally in Portmere on Friday.\n\n"
            "The dockers marched to the town hall.\n\n"
            "They demanded that the port stay open all winter.",
            (("dockers", "group"),),
            ("They", "dockers"),
            id="they-take-the-plural-subject-before",
        ),
        # "The permanent observer of Freedonia" names a person by office: "he" is him,
        # though his words resolve to the country.
        pytest.param(
            "The permanent observer of Freedonia to the League accused the canal company of "
            "fraud.\n\n"
            "He said the tolls were illegal.",
            (("Freedonia", "country"),),
            ("He", "Freedonia"),
            id="office-holder-is-he",
        ),
        pytest.param(
            "Freedonia sent two warships to the strait on Monday.\n\n"
            "The dockers are badly mistaken if they think the strike will end soon.",
            (("Freedonia", "country"), ("dockers", "group")),
            ("they", "dockers"),
            id="they-in-a-clause-take-their-own-sentence-s-subject",
        ),
    ],
)
def test_speakers_pronoun_goes_to_its_antecedent(
    nlp: Any,
    quote_resources: QuoteResources,
    text: str,
    names: tuple[tuple[str, str], ...],
    pair: tuple[str, str],
) -> None:
    assert pair in _speakers(nlp, quote_resources, text, *names)


def _person(eid: str, name: str, text: str, *linked: int, roles: tuple[str, ...] = ()) -> Entity:
    """A person entity with its name's mentions and, as the entity stage links them, the
    pronouns starting at ``linked``."""
    mentions = []
    start = text.find(name)
    while start >= 0:
        mentions.append(Mention(start, start + len(name), name))
        start = text.find(name, start + 1)
    for at in linked:
        word = text[at : text.index(" ", at)]
        mentions.append(Mention(at, at + len(word), word))
    mentions.sort(key=lambda m: m.start)
    return Entity(eid, name, "person", None, None, roles, None, tuple(mentions))


def _speakers_of(
    nlp: Any, resources: QuoteResources, text: str, entities: tuple[Entity, ...]
) -> list[tuple[str | None, str | None]]:
    by_id = {e.id: e for e in entities}
    quotes = run_quotes(nlp, resources, text, entities)
    return [(q.speaker_text, by_id[q.speaker].name if q.speaker else None) for q in quotes]


def test_speakers_he_continues_the_subject_not_the_only_name_in_reach(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    # The entity stage gives both "he"s to the only person named in reach; the reporter's
    # "he" continues the chairman, who speaks for his council.
    text = (
        "The chairman of the Harbour Council made a speech at the pier, praising Governor "
        "Tomas Brandt for the new cranes.\n\n"
        "The tolls must fall before winter, he said.\n\n"
        "He urged the shipowners to stay in Portmere."
    )
    first = text.index("he said")
    second = text.index("He urged")
    entities = (
        _person("e1", "Tomas Brandt", text, first, second),
        _entity("e2", "Harbour Council", "organization", text),
    )
    got = _speakers_of(nlp, quote_resources, text, entities)
    assert ("he", "Harbour Council") in got
    assert ("He", "Harbour Council") in got
    assert not any(name == "Tomas Brandt" for _, name in got)


def test_speakers_he_is_not_the_person_named_in_the_words_before(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Ivo Marek, a welder at the Portmere Shipyard, noted that the workers despise "
        "Governor Tomas Brandt.\n\n"
        'He said: "We will build twice as many hulls this year."'
    )
    entities = (
        _person("e1", "Tomas Brandt", text, text.index("He said")),
        _entity("e2", "Portmere Shipyard", "organization", text),
    )
    got = _speakers_of(nlp, quote_resources, text, entities)
    assert ("He", "Tomas Brandt") not in got
    assert ("He", "Portmere Shipyard") in got


@pytest.mark.parametrize("title", ["chairman", "chairperson", "chairwoman"])
def test_speakers_description_takes_up_the_earlier_holder_of_the_title(
    nlp: Any, quote_resources: QuoteResources, title: str
) -> None:
    text = (
        f"Ana Kovac, {title} of the Freedonia Farmers Party, was born in the village of "
        "President Lars Holm.\n\n"
        f"The harvest was the best in twenty years, the {title} said."
    )
    entities = (
        _person("e1", "Ana Kovac", text),
        _person("e2", "Lars Holm", text, roles=("President",)),
        _entity("e3", "Freedonia Farmers Party", "organization", text),
    )
    got = _speakers_of(nlp, quote_resources, text, entities)
    assert (f"the {title}", "Ana Kovac") in got


def test_speakers_description_takes_up_the_nearest_holder_not_the_one_that_spoke(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Lars Holm, director of the Harbour Museum, said the show was splendid.\n\n"
        "It was bright and lively, the director said.\n\n"
        "Ana Kovac, director of the Coast Theatre, said that such a show is rare.\n\n"
        "Only a skilled troupe can do it, the director said."
    )
    entities = (
        _person("e1", "Lars Holm", text),
        _person("e2", "Ana Kovac", text),
        _entity("e3", "Harbour Museum", "organization", text),
        _entity("e4", "Coast Theatre", "organization", text),
    )
    got = _speakers_of(nlp, quote_resources, text, entities)
    assert got.count(("the director", "Lars Holm")) == 1
    assert ("the director", "Ana Kovac") in got


def test_speakers_a_name_in_the_speaker_s_relative_clause_is_not_the_speaker(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = "Tomas Berg, who once met President Lars Holm, said that the bridge would open soon."
    got = _speakers(nlp, quote_resources, text, ("Lars Holm", "person"))
    assert got and all(name != "Lars Holm" for _, name in got)


@pytest.mark.parametrize("title", ["vice-chairman", "secretary-general"])
def test_speakers_hyphened_title_takes_up_its_earlier_holder(
    nlp: Any, quote_resources: QuoteResources, title: str
) -> None:
    # However the parser hangs the word before the hyphen (and "The" on it).
    text = (
        f"Ana Kovac, {title} of the Freedonia Farmers Party, opened the fair on Monday.\n\n"
        f"The {title} said the harvest was the best in twenty years."
    )
    entities = (
        _person("e1", "Ana Kovac", text),
        _entity("e2", "Freedonia Farmers Party", "organization", text),
    )
    got = _speakers_of(nlp, quote_resources, text, entities)
    assert (f"The {title}", "Ana Kovac") in got


def test_speakers_chairman_does_not_take_up_a_vice_chairman(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Ana Kovac, vice-chairman of the Freedonia Farmers Party, was born in Portmere.\n\n"
        "Then followed a talk on the canal.\n\n"
        "The chairman told the fair the tolls had ruined the coast."
    )
    entities = (
        _person("e1", "Ana Kovac", text),
        _entity("e2", "Freedonia Farmers Party", "organization", text),
    )
    got = _speakers_of(nlp, quote_resources, text, entities)
    assert ("The chairman", "Ana Kovac") not in got


def test_speakers_white_paper_speaks_for_the_body_that_issued_it(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    # Read back to the top, however long the story.
    filler = "The canal tolls rose again in the spring and the ferries ran late. " * 60
    text = (
        "The Harbour Council on Friday issued a white paper on the smuggling trade.\n\n"
        f"{filler}\n\n"
        "The white paper said the tolls had ruined the coast."
    )
    entities = (_entity("e1", "Harbour Council", "organization", text),)
    got = _speakers_of(nlp, quote_resources, text, entities)
    assert ("The white paper", "Harbour Council") in got


def test_speakers_description_is_no_person_without_that_office(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    # Nobody was called a director before, and the governor is none: "the director" is
    # not the nearest person named.
    text = (
        "Governor Tomas Brandt opened the fair in Portmere on Friday.\n\n"
        "Then followed a talk on the canal.\n\n"
        "The director said the tolls had ruined the coast."
    )
    entities = (_person("e1", "Tomas Brandt", text, roles=("Governor",)),)
    got = _speakers_of(nlp, quote_resources, text, entities)
    assert ("The director", "Tomas Brandt") not in got


def test_speakers_part_of_a_name_is_the_person_of_the_full_name(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    # The entity stage made "Holm" (of "the Holm cabinet") an entity of its own.
    text = "Lars Holm opened the canal on Monday.\n\nThe Holm cabinet said the tolls would double."
    at = text.index("Holm cabinet")
    full = _person("e1", "Lars Holm", text)
    full = Entity("e1", "Lars Holm", "person", None, None, (), None, full.mentions[:1])
    part = Entity("e2", "Holm", "person", None, None, (), None, (Mention(at, at + 4, "Holm"),))
    got = _speakers_of(nlp, quote_resources, text, (full, part))
    assert ("The Holm cabinet", "Lars Holm") in got


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        pytest.param(
            "The Harbour Council's fabrication of the smuggling story reveals that the "
            "council fears the dockers.",
            "The Harbour Council's fabrication of the smuggling story",
            None,
            id="a-deed-is-nobody-s-voice",
        ),
        pytest.param(
            "The Harbour Council's spokesman said the tolls would rise in May.",
            "The Harbour Council's spokesman",
            "Harbour Council",
            id="a-person-of-the-body-is-its-voice",
        ),
        pytest.param(
            "A poll by the Harbour Council shows that the dockers want a strike.",
            "A poll by the Harbour Council",
            "Harbour Council",
            id="a-poll-is-its-maker-s-voice",
        ),
    ],
)
def test_speakers_a_deed_or_thing_does_not_speak_for_whoever_it_names(
    nlp: Any, quote_resources: QuoteResources, text: str, source: str, speaker: str | None
) -> None:
    got = _speakers(nlp, quote_resources, text, ("Harbour Council", "organization"))
    assert (source, speaker) in got


def test_speakers_adding_continues_the_reporter_not_a_subject_inside_the_report(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    # The parser hangs "adding" on a verb deep inside what was reported, whose subject is
    # someone the words name.
    text = (
        "Mira Sand, a teacher, said that she believed the dockers united around Governor "
        "Tomas Brandt would carry forward and accomplish the great cause of the harbour, "
        "adding the canal would open in spring."
    )
    quotes = run_quotes(nlp, quote_resources, text)
    adding = [q for q in quotes if q.cue and q.cue.startswith("adding")]
    assert adding, [(q.speaker_text, q.cue) for q in quotes]
    assert adding[0].speaker_text in ("Mira Sand, a teacher,", "she")


def test_speakers_quoted_as_saying_is_one_attribution_voiced_by_the_one_quoted(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "The Coast Gazette quoted Mira Sand, a teacher in Portmere, as saying that the canal "
        "would stay closed all winter."
    )
    got = _speakers(nlp, quote_resources, text, ("Coast Gazette", "media"), ("Mira Sand", "person"))
    # PolNeAR's shape: the paper reports, "quoted" is the cue; the teacher speaks.
    assert got == [("The Coast Gazette", "Mira Sand")]
    quotes = run_quotes(nlp, quote_resources, text)
    assert not quotes[0].act  # a statement, not a deed done to the teacher


def test_speakers_a_body_named_in_a_clause_of_the_author_phrase_is_not_the_author(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    # The appeal is the delegates', not Freedonia's, whose cause the forum backs.
    text = (
        "Delegates to a seminar backing the coastal claims of Freedonia issued an appeal on "
        "Friday.\n\n"
        "The appeal said the strait must stay open to all ships."
    )
    got = _speakers(nlp, quote_resources, text, ("Freedonia", "country"))
    assert ("The appeal", "Freedonia") not in got


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The late ferry led the harbour master to say that the pier would close.",
         "the harbour master"),
        ("The storm prompted Mira Sand to warn that the canal would flood.", "Mira Sand"),
        # The object of a verb above the cue's own does nothing the cue says.
        ("The guild wanted to force the council to stop the sale, the paper said.", "the paper"),
    ],
)  # fmt: skip
def test_speakers_the_one_made_to_speak_is_the_speaker_not_the_cause(
    nlp: Any, quote_resources: QuoteResources, text: str, source: str
) -> None:
    quotes = run_quotes(nlp, quote_resources, text)
    said = [q for q in quotes if not q.act]
    assert said and said[0].speaker_text == source, [(q.speaker_text, q.cue) for q in quotes]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("She is a fervent supporter of the harbour plan.", "She"),
        ("The mayor has long been a critic of the ferry toll.", "The mayor"),
    ],
)
def test_speakers_a_supporter_is_who_the_copula_says_it_of(
    nlp: Any, quote_resources: QuoteResources, text: str, source: str
) -> None:
    quotes = run_quotes(nlp, quote_resources, text)
    assert [q.speaker_text for q in quotes] == [source]


def test_speakers_the_dateline_the_parser_made_a_subject_is_no_speaker(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "PORTMERE, July 25 (UPI) \u2014 The Harbour Committee released a statement at the "
        "outset of the town's fair Monday, offering an apology to the ferry workers."
    )
    quotes = run_quotes(nlp, quote_resources, text)
    assert quotes and all(q.speaker_text == "The Harbour Committee" for q in quotes)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # A common noun in apposition with a name is that name, not the first name before it.
        (
            "The Ruritanian paper Morning Lantern said the canal tolls would double.",
            (("Ruritania", "country"), ("Morning Lantern", "media")),
            "Morning Lantern",
        ),
        (
            "Freedonia's envoy, Clara Vance, said the canal tolls would double.",
            (("Freedonia", "country"), ("Clara Vance", "person")),
            "Clara Vance",
        ),
        # The paper that ran an article speaks through it ("an article, which said").
        (
            "The Ruritanian paper Morning Lantern ran an article, which said the tolls would"
            " double.",
            (("Ruritania", "country"), ("Morning Lantern", "media")),
            "Morning Lantern",
        ),
    ],
)
def test_speakers_noun_in_apposition_with_a_name_is_that_name(
    nlp: Any,
    quote_resources: QuoteResources,
    text: str,
    names: tuple[tuple[str, str], ...],
    expected: str,
) -> None:
    got = _speakers(nlp, quote_resources, text, *names)
    assert [who for _, who in got] == [expected]


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        pytest.param(
            "The Freedonia-Valka Friendship Association in a statement said that the canal "
            "must stay open.",
            "The Freedonia-Valka Friendship Association in a statement",
            None,
            id="a-society-whose-name-holds-the-country",
        ),
        pytest.param(
            "The Freedonia Government in a statement said that the canal must stay open.",
            "The Freedonia Government in a statement",
            "Freedonia",
            id="the-state-itself",
        ),
    ],
)
def test_speakers_a_society_is_not_the_country_its_name_holds(
    nlp: Any, quote_resources: QuoteResources, text: str, source: str, speaker: str | None
) -> None:
    assert (source, speaker) in _speakers(nlp, quote_resources, text, ("Freedonia", "country"))


def _coded_speakers(
    nlp: Any, resources: QuoteResources, text: str, *names: tuple[str, str, str | None]
) -> list[tuple[str | None, str | None]]:
    """As ``_speakers``, with each entity's actor code (name, kind, code)."""
    entities = tuple(
        _coded(_entity(f"e{n}", name, kind, text), code)
        for n, (name, kind, code) in enumerate(names, 1)
    )
    by_id: dict[str, Entity] = {e.id: e for e in entities}
    quotes: tuple[Quote, ...] = run_quotes(nlp, resources, text, entities)
    return [(q.speaker_text, by_id[q.speaker].name if q.speaker else None) for q in quotes]


def _coded(entity: Entity, code: str | None) -> Entity:
    return Entity(entity.id, entity.name, entity.kind, code, None, (), None, entity.mentions)


_PRESS_REVIEW = (
    "Following are the main articles in newspapers of Ruritania on Monday:\n\n"
    "- The harbour of Vell reopened after the storm.\n\n"
    "- An article says that the coast guard must guard every bay.\n\n"
    "- Another article notes that the fishing fleet will grow next year."
)


@pytest.mark.parametrize(
    ("code", "expected"), [("RURMED", "newspapers of Ruritania"), (None, None)]
)
def test_speakers_unsigned_article_speaks_for_the_paper_it_ran_in(
    nlp: Any, quote_resources: QuoteResources, code: str | None, expected: str | None
) -> None:
    # A paper the actor stage did not code as media is no author (it may be a ministry).
    got = _coded_speakers(
        nlp, quote_resources, _PRESS_REVIEW, ("newspapers of Ruritania", "group", code)
    )
    assert ("An article", expected) in got
    assert ("Another article", expected) in got


@pytest.mark.parametrize(
    ("middle", "paper"),
    [
        # a paper brought in as a subject since the last one spoke is "the paper"
        ("The Harbour Herald on Tuesday carried two articles on the canal.", "Harbour Herald"),
        # a paper the speaker only names is not
        ("It mocked the Harbour Herald for keeping silent on the canal.", "Coast Gazette"),
    ],
)
def test_speakers_the_paper_is_the_paper_brought_in_since_the_last_spoke(
    nlp: Any, quote_resources: QuoteResources, middle: str, paper: str
) -> None:
    text = (
        "The Coast Gazette on Monday said that the canal had been closed for a week.\n\n"
        f"{middle}\n\n"
        "The paper noted that the closure was hurting the fishermen of the coast."
    )
    got = _coded_speakers(
        nlp,
        quote_resources,
        text,
        ("Coast Gazette", "media", "RURMED"),
        ("Harbour Herald", "media", "FREMED"),
    )
    assert ("The paper", paper) in got


def test_speakers_article_of_a_paper_named_in_apposition(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        'The Lindish paper Harbour Herald on Monday carried an article titled "Calm Seas".\n\n'
        "The fleet must stay in port until the storm has passed, the article said."
    )
    got = _coded_speakers(
        nlp,
        quote_resources,
        text,
        ("Lindish", "group", "LINMED"),
        ("Harbour Herald", "media", "LINMED"),
    )
    assert ("the article", "Harbour Herald") in got


def test_speakers_pronoun_after_a_title_is_the_person_given_the_title(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "The mill owes its fame to the devoted efforts of the respected General Secretary "
        "Ana Kovac.\n\n"
        "The General Secretary visited the mill ten years ago to set the tasks for its growth.\n\n"
        "On May 5, she visited it again, despite the heat of the summer.\n\n"
        "She stressed the need to grind more flour every year without fail."
    )
    got = _speakers(nlp, quote_resources, text, ("Ana Kovac", "person"))
    assert ("She", "Ana Kovac") in got


def test_speakers_hyphenated_title_is_no_deed(nlp: Any, quote_resources: QuoteResources) -> None:
    # The parser may make "vice" the head of "The vice-chairman": the title still speaks.
    text = (
        "The vice-chairman of the Harbour Party of Vellmark said that the new dams of "
        "Ruritania are a miracle of the age. The dams will serve the coast for a century, "
        "he added."
    )
    got = _speakers(
        nlp,
        quote_resources,
        text,
        ("Harbour Party of Vellmark", "organization"),
        ("Ruritania", "country"),
    )
    assert ("he", "Harbour Party of Vellmark") in got
    assert all(name == "Harbour Party of Vellmark" for _, name in got)


@pytest.mark.parametrize("attendees", ["Speakers at the rally", "The speakers"])
def test_speakers_speakers_at_a_gathering_are_its_holders(
    nlp: Any, quote_resources: QuoteResources, attendees: str
) -> None:
    text = (
        "Several unions including the Harbour Workers' Union held a rally in Vell on May 8 "
        "at which they denounced the council for closing the docks.\n\n"
        f"{attendees} said that hundreds of dockers and their families are now in "
        "difficulties.\n\n"
        "The council is shielding the closure without a word of apology, they charged."
    )
    got = _speakers(nlp, quote_resources, text, ("Harbour Workers' Union", "organization"))
    assert (attendees, "Harbour Workers' Union") in got
    assert ("they", "Harbour Workers' Union") in got


def test_speakers_speakers_at_another_gathering_are_not_its_holders(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "The Harbour Workers' Union held a rally in Vell on May 8.\n\n"
        "Speakers at the seminar said that hundreds of dockers are now in difficulties."
    )
    got = _speakers(nlp, quote_resources, text, ("Harbour Workers' Union", "organization"))
    assert ("Speakers at the seminar", None) in got


def test_speakers_a_title_in_someone_s_words_is_not_the_one_taken_up(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    # The title the chairman gives another person inside his own quote is his words; the
    # report's "The chairman" takes up the man it introduced as chairman.
    text = (
        "Chairman Ivo Marek of the Portmere Rowing Club said:\n\n"
        '"Ana Kovac was elected chairman of the Harbour Council last year. The ferries '
        'have run on time ever since."\n\n'
        "The chairman explained the plans of the club for the summer regatta."
    )
    entities = (
        _person("e1", "Ivo Marek", text),
        _person("e2", "Ana Kovac", text),
        _entity("e3", "Harbour Council", "organization", text),
    )
    got = _speakers_of(nlp, quote_resources, text, entities)
    assert ("The chairman", "Ivo Marek") in got
    assert ("The chairman", "Harbour Council") not in got


def test_speakers_plural_unsigned_articles_speak_for_the_paper(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = _PRESS_REVIEW + "\n\n- Articles say that the ferries of Vell must run on time."
    got = _coded_speakers(
        nlp, quote_resources, text, ("newspapers of Ruritania", "group", "RURMED")
    )
    assert ("Articles", "newspapers of Ruritania") in got


@pytest.mark.parametrize(
    ("text", "speaker_text", "author"),
    [
        (
            "According to an analysis of the tolls by the Harbour Institute, the canal "
            "lost half its ships.",
            "an analysis of the tolls by the Harbour Institute",
            "Harbour Institute",
        ),
        (
            "A report released by the Harbour Institute on Freedonia said the canal lost "
            "half its ships.",
            "A report released by the Harbour Institute on Freedonia",
            "Harbour Institute",
        ),
    ],
)
def test_speakers_a_text_speaks_for_the_author_its_phrase_names(
    nlp: Any, quote_resources: QuoteResources, text: str, speaker_text: str, author: str
) -> None:
    got = _speakers(
        nlp, quote_resources, text, ("Freedonia", "country"), ("Harbour Institute", "organization")
    )
    assert (speaker_text, author) in got


def test_speakers_the_one_asked_or_told_is_not_the_speaker(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Ivo Marek runs the ferry office in Portmere.\n\n"
        'His clerks were told, "Never promise a sailing time."'
    )
    got = _speakers_of(nlp, quote_resources, text, (_person("e1", "Ivo Marek", text),))
    assert ("His clerks", "Ivo Marek") not in got


def test_speakers_an_office_after_a_hyphen_speaks_for_its_body(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    # The parser makes "vice" the subject; the office after the hyphen names the body.
    text = (
        "A vice-minister of the Freedonian Transport Ministry said the canal tolls would "
        "fall in spring."
    )
    got = _speakers(nlp, quote_resources, text, ("Freedonian Transport Ministry", "organization"))
    assert got[0][1] == "Freedonian Transport Ministry"


def test_speakers_a_press_release_read_at_a_gathering_speaks_for_its_holder(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "The Ferrymen's Guild held a rally at the pier of Portmere on Friday.\n\n"
        "A press release was read out at the rally after the speeches.\n\n"
        "The press release accused the Harbour Council of doubling the tolls.\n\n"
        "The tolls will empty the harbour by winter, it said."
    )
    got = _speakers(
        nlp,
        quote_resources,
        text,
        ("Ferrymen's Guild", "organization"),
        ("Harbour Council", "organization"),
    )
    assert ("The press release", "Ferrymen's Guild") in got
    assert ("it", "Ferrymen's Guild") in got


@pytest.mark.parametrize(
    "text",
    [
        "The dock owners are cutting the wages of the crews again, she said, urging them to "
        "pay the sailors in full.",
        "Freedonian troops are massing near the border, the envoy noted, calling on them to "
        "pull back at once.",
    ],
)
def test_speakers_participle_after_a_reporting_aside_is_the_asides_speaker(
    nlp: Any, quote_resources: QuoteResources, text: str
) -> None:
    # The parser hangs the aside and the participle on the reported clause: the one who
    # urges is the aside's speaker, not the clause's subject (the addressee).
    quotes = run_quotes(nlp, quote_resources, text)
    urging = [q for q in quotes if q.cue and q.cue.split()[0] in ("urging", "calling")]
    assert urging, [(q.speaker_text, q.cue) for q in quotes]
    assert urging[0].speaker_text in ("she", "the envoy")


def test_speakers_a_statement_issued_by_a_pronoun_speaks_for_whom_it_stands_for(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    # "It issued a statement": the statement's author is the body the "it" was resolved to.
    text = (
        "The Harbour Guild of Sylvania condemned the mayor for closing the old docks. It "
        "released a statement on Monday.\n\n"
        "The mayor has broken every promise made to the dockers, the statement said."
    )
    got = _speakers(nlp, quote_resources, text, ("Harbour Guild of Sylvania", "organization"))
    assert ("the statement", "Harbour Guild of Sylvania") in got


def test_speakers_it_after_a_text_keeps_its_author_though_a_person(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Maria Lund, a fellow of the Harbour Institute, wrote an article on Tuesday.\n\n"
        "The canal has become a trap for shipping, the article said.\n\n"
        "The tolls have doubled in a year while the locks decay, it said."
    )
    got = _speakers(nlp, quote_resources, text, ("Maria Lund", "person"))
    assert ("the article", "Maria Lund") in got
    assert ("it", "Maria Lund") in got


def test_speakers_they_after_things_described_is_no_name_inside_them(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "The quay was crowded with dockers and fishermen on Monday morning.\n\n"
        "Harbour Council flags flew at half-mast along the whole quay.\n\n"
        "They said the port would never close."
    )
    got = _speakers(nlp, quote_resources, text, ("Harbour Council", "organization"))
    assert ("They", None) in got


def test_speakers_they_does_not_follow_a_deed_told_in_a_since_clause(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "The Dockers' Union of Portmere held a rally on Monday against the port owners.\n\n"
        "Since the harbour authorities appointed Olaf Berg as their director, the port has "
        "become a tool of the shipowners, they deplored.\n\n"
        "The strike is for the safety of every worker on the quay, they stressed."
    )
    got = _speakers(
        nlp,
        quote_resources,
        text,
        ("Dockers' Union of Portmere", "organization"),
        ("harbour authorities", "organization"),
        ("Olaf Berg", "person"),
    )
    assert ("the harbour authorities", "harbour authorities") in got
    assert ("they", "harbour authorities") not in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Coast Gazette held a gala in the harbour on Monday.\n\n"
            "Its editor said the paper would open a second office.",
            ("Its editor", "Coast Gazette"),
        ),
        (
            "Freedonia's exports fell in May, its central bank said on Friday.",
            ("its central bank", "Freedonia"),
        ),
        (
            "The Harbour Council met on Monday.\n\n"
            "Its statement said the canal would reopen in spring.",
            ("Its statement", "Harbour Council"),
        ),
    ],
)
def test_speakers_its_body_is_the_body_its_stands_for(
    nlp: Any, quote_resources: QuoteResources, text: str, expected: tuple[str, str]
) -> None:
    names = [
        ("Coast Gazette", "media"),
        ("Freedonia", "country"),
        ("Harbour Council", "organization"),
    ]
    got = _speakers(nlp, quote_resources, text, *(n for n in names if n[0] in text))
    assert expected in got


def test_speakers_its_after_a_subject_that_names_no_body_is_nobody(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Freedonia sent a ferry to the coast.\n\n"
        "The rally drew thousands of fishermen.\n\n"
        "Its organizers said the turnout was a record."
    )
    got = _speakers(nlp, quote_resources, text, ("Freedonia", "country"))
    assert ("Its organizers", "Freedonia") not in got


def test_speakers_a_person_who_said_is_not_the_subject_that_names_them(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "The Harbour Council paid a settlement to a pilot who said the tugs were unsafe.\n\n"
        "The Coast Gazette referred to a column that warned the harbour would silt up."
    )
    got = _speakers(
        nlp,
        quote_resources,
        text,
        ("Harbour Council", "organization"),
        ("Coast Gazette", "media"),
    )
    assert ("who", "Harbour Council") not in got
    assert ("that", "Coast Gazette") in got


def test_speakers_a_message_from_a_title_of_a_country_and_a_name_is_the_name_s(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "The premier received a message of greeting from President of Freedonia Ana Tembe "
        "on Monday.\n\n"
        "The message said:\n\n"
        "I wish your people happiness in the new year.\n\n"
        "We will keep the ferry line open."
    )
    got = _speakers(nlp, quote_resources, text, ("Freedonia", "country"), ("Ana Tembe", "person"))
    assert ("The message", "Ana Tembe") in got


def test_speakers_he_after_a_title_phrase_is_the_person_it_names_not_the_body(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Commander of the Coast Guard Ana Tembe, leader of the Harbour Party, inspected a "
        "patrol boat on Monday.\n\n"
        "She first went round the docks.\n\n"
        "The boat is ready for any storm, she said."
    )
    got = _speakers(
        nlp,
        quote_resources,
        text,
        ("Ana Tembe", "person"),
        ("Harbour Party", "organization"),
        ("Coast Guard", "organization"),
    )
    assert ("she", "Ana Tembe") in got


@pytest.mark.parametrize(
    ("title", "expected"), [("vice-president", "Ana Tembe"), ("president", None)]
)
def test_speakers_hyphened_title_the_parser_split_takes_up_its_holder(
    nlp: Any, quote_resources: QuoteResources, title: str, expected: str | None
) -> None:
    text = (
        f"The guild paid a call on Ana Tembe, vice-president of Freedonia, on Monday.\n\n"
        f"The {title} said the ferry line would stay open."
    )
    got = _speakers(nlp, quote_resources, text, ("Ana Tembe", "person"), ("Freedonia", "country"))
    assert [name for _, name in got] == [expected]


@pytest.mark.parametrize("honorific", ["Ms.", "Dr."])
def test_speakers_honorific_and_surname_is_the_person_not_a_place_of_that_name(
    nlp: Any, quote_resources: QuoteResources, honorific: str
) -> None:
    text = (
        "Ruth Ambler, a harbour pilot, spoke at the dock on Monday.\n\n"
        f'{honorific} Ambler said, "The channel is silting up faster than anyone thought."'
    )
    got = _speakers(nlp, quote_resources, text, ("Ruth Ambler", "person"), ("Ambler", "location"))
    assert (f"{honorific} Ambler", "Ruth Ambler") in got


def test_speakers_the_company_can_be_a_media_company_named_before(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Gullwing, the messaging service, has long let its users post what they like.\n\n"
        "The company said on Friday that it had closed 40,000 accounts since March."
    )
    got = _speakers(nlp, quote_resources, text, ("Gullwing", "media"))
    assert ("The company", "Gullwing") in got


def test_speakers_the_work_speaks_for_the_author_its_first_mention_names(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        'The Harbour Guild posted on its website Ana Tembe\'s work "Tides Are a Science" '
        "on Monday.\n\n"
        "The work published in 1990 clarifies the idea that the tides follow the moon."
    )
    got = _speakers(
        nlp, quote_resources, text, ("Ana Tembe", "person"), ("Harbour Guild", "organization")
    )
    assert ("The work published in 1990", "Ana Tembe") in got


def test_speakers_what_a_text_accuses_someone_of_saying_is_theirs(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "The Harbour Council issued a statement on Monday.\n\n"
        "The statement accused Ana Tembe of asserting that the canal must be closed.\n\n"
        "The statement said the council could not accept the closure."
    )
    got = _speakers(
        nlp, quote_resources, text, ("Ana Tembe", "person"), ("Harbour Council", "organization")
    )
    # The accusation and the council's own words are the council's; the assertion is hers.
    assert [name for _, name in got][1:] == ["Harbour Council", "Ana Tembe", "Harbour Council"]


def test_speakers_an_aide_named_by_the_person_he_works_for_is_not_that_person(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Marta Ilves toured the northern ports on Friday.\n\n"
        "A top Marta Ilves adviser said the tour would end in Tallport.\n\n"
        "Marta Ilves's spokesman said the budget was ready.\n\n"
        "Marta Ilves said the ports needed new cranes."
    )
    got = _speakers(nlp, quote_resources, text, ("Marta Ilves", "person"))
    assert ("A top Marta Ilves adviser", "Marta Ilves") not in got
    assert ("Marta Ilves's spokesman", "Marta Ilves") not in got
    assert ("Marta Ilves", "Marta Ilves") in got
