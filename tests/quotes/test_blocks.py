"""Statement blocks: the paragraphs after "The message said:" are one quote of the author.
Every story here is invented for these tests (Ruritania and its people do not exist)."""

from __future__ import annotations

from typing import Any

import pytest

from parley.config import Config
from parley.nlp.index import MentionIndex, ParseIndex
from parley.quotes import QuoteResources, find_quotes
from parley.quotes.attribution import find_drafts
from parley.quotes.drafts import Draft
from parley.records import Article, Entity, Mention

pytestmark = pytest.mark.model


def _drafts(nlp: Any, text: str) -> list[Draft]:
    resources = QuoteResources.load(Config(quotes="rules"))
    return find_drafts(ParseIndex.build(nlp(text)), resources)


def _blocks(nlp: Any, text: str) -> list[tuple[str | None, list[str]]]:
    return [
        (text[d.source[0] : d.source[1]] if d.source else None, [text[s:e] for s, e in d.content])
        for d in _drafts(nlp, text)
        if d.rule == "block"
    ]


SENT = (
    "Minister Olav Brandt sent a message of greeting to President Ana Kovac of Ruritania on "
    "Monday.\n\nThe message said:\n\nI warmly congratulate you on the national day.\n\n"
    "I believe that our friendship will grow stronger.\n\n-0-"
)


def test_blocks_message_block_belongs_to_its_sender(nlp: Any) -> None:
    assert _blocks(nlp, SENT) == [
        (
            "The message",
            [
                "I warmly congratulate you on the national day",
                "I believe that our friendship will grow stronger",
            ],
        )
    ]
    # "I believe ..." inside the block is the author's own statement, not another quote.
    assert [d.rule for d in _drafts(nlp, SENT)] == ["block"]


def test_blocks_sender_after_from(nlp: Any) -> None:
    text = (
        "President Ana Kovac received a reply message from Olav Brandt, chairman of the "
        "Harbour Party, on Friday.\n\nThe message said:\n\nThe harbour will stay open to "
        "your ships.\n\n-0-"
    )
    assert _blocks(nlp, text) == [("The message", ["The harbour will stay open to your ships"])]


def test_blocks_statement_introduced_by_its_author(nlp: Any) -> None:
    text = (
        "A spokesman for the Ruritanian foreign ministry issued the following press "
        "statement on Sunday:\n\nThe naval drills near our coast are a grave provocation."
        "\n\nWe will defend our waters.\n\n-0-"
    )
    blocks = _blocks(nlp, text)
    assert len(blocks) == 1
    assert blocks[0][0] == "A spokesman for the Ruritanian foreign ministry"
    assert len(blocks[0][1]) == 2


def test_blocks_stop_at_someone_elses_attribution(nlp: Any) -> None:
    text = (
        "The chairman of the Ruritanian Farmers' Union said:\n\nThe harvest was the best in "
        "ten years.\n\nThe mayor of Eastport praised the farmers for their work.\n\n"
        "Prices will fall, the mayor added."
    )
    blocks = _blocks(nlp, text)
    assert blocks == [
        ("The chairman of the Ruritanian Farmers' Union", ["The harvest was the best in ten years"])
    ]
    assert any(d.cue_lemma == "add" for d in _drafts(nlp, text))


def test_blocks_leave_quotations_in_marks_to_the_direct_pass(nlp: Any) -> None:
    text = "The envoy said:\n\n\u201cWe will return to the talks next week.\u201d"
    assert _blocks(nlp, text) == []
    assert _drafts(nlp, text)


def test_blocks_speaker_is_the_author_through_the_text(nlp: Any) -> None:
    parse = ParseIndex.build(nlp(SENT))
    entities = tuple(
        Entity(eid, name, "person", None, None, (), None, (Mention(at, at + len(name), name),))
        for eid, name in (("e1", "Olav Brandt"), ("e2", "Ana Kovac"))
        for at in (SENT.index(name),)
    )
    article = Article.from_text(SENT, id="t", source=None)
    resources = QuoteResources.load(Config(quotes="rules"))
    quotes = find_quotes(parse, MentionIndex.build(entities, parse), article, (), resources)
    found = [(q.speaker_text, q.speaker, q.kind) for q in quotes]
    assert found == [("The message", "e1", "direct")]


@pytest.mark.parametrize(
    ("intro", "cue"),
    [
        ("The new dam has ruined the valley, the statement said, and went on:",
         "said, and went on:"),
        ("The new dam has ruined the valley, the council noted, adding:", "noted, adding:"),
    ],
)  # fmt: skip
def test_blocks_continuing_an_attribution_join_it(nlp: Any, intro: str, cue: str) -> None:
    text = (
        "The Harbour Council of Ruritania issued a statement on Monday.\n\n"
        f"{intro}\n\nThe council will take the builders to court.\n\n"
        "The people of the valley will not be silent.\n\n-0-"
    )
    (draft,) = [d for d in _drafts(nlp, text) if not d.act]
    assert draft.cue is not None and text[draft.cue[0] : draft.cue[1]] == cue
    assert [text[s:e] for s, e in draft.content] == [
        "The new dam has ruined the valley",
        "The council will take the builders to court",
        "The people of the valley will not be silent",
    ]


def test_blocks_a_list_of_articles_is_no_statement(nlp: Any) -> None:
    listed = (
        "Following are major news items and articles in leading newspapers of Ruritania on "
        "Wednesday:\n\n- The harbour of Valka reopened after the storm.\n\n-0-"
    )
    assert _blocks(nlp, listed) == []
    one = "Here is the full text of the statement:\n\nThe dam will open on Monday.\n\n-0-"
    assert [content for _, content in _blocks(nlp, one)] == [["The dam will open on Monday"]]


def _author(
    nlp: Any, text: str, names: tuple[str, ...], kind: str = "person"
) -> list[tuple[str | None, str | None]]:
    """The speakers as written and the speaker entities of the blocks of ``text``, with an
    entity of ``kind`` made for each of ``names`` (e1, e2, ... in order)."""
    parse = ParseIndex.build(nlp(text))
    entities = tuple(
        Entity(f"e{n}", name, kind, None, None, (), None, (Mention(at, at + len(name), name),))
        for n, name in enumerate(names, start=1)
        for at in (text.index(name),)
    )
    article = Article.from_text(text, id="t", source=None)
    resources = QuoteResources.load(Config(quotes="rules"))
    quotes = find_quotes(parse, MentionIndex.build(entities, parse), article, (), resources)
    return [(q.speaker_text, q.speaker) for q in quotes if q.kind == "direct"]


def test_blocks_a_statement_that_said_through_which_is_its_author_s(nlp: Any) -> None:
    text = (
        "The director of the press office of the Ruritanian navy, Ivo Marek, on Monday issued "
        'a press statement titled "The sea is ours", which said:\n\nThe foreign warships must '
        "leave our waters at once.\n\nWe will not stand idle.\n\n-0-"
    )
    found = _author(nlp, text, ("Ivo Marek",))
    assert len(found) == 1 and found[0][0] != "which"
    assert found[0][1] is not None


def test_blocks_the_full_text_of_a_message_is_its_sender_s(nlp: Any) -> None:
    text = (
        "President Ana Kovac received a message of greeting from Olav Brandt on Friday.\n\n"
        "The full text of the message is as follows:\n\nI congratulate you on the harvest "
        "festival.\n\nMay our friendship grow.\n\n-0-"
    )
    assert _author(nlp, text, ("Ana Kovac", "Olav Brandt")) == [("The full text", "e2")]


def test_blocks_a_text_named_earlier_in_the_same_paragraph(nlp: Any) -> None:
    # Scraped copy may run the report's first sentence and the introduction together.
    text = (
        "President Ana Kovac received a letter from Olav Brandt on Friday. The letter said:\n\n"
        "The new bridge will join our towns.\n\nWe thank you for your help.\n\n-0-"
    )
    assert _author(nlp, text, ("Ana Kovac", "Olav Brandt")) == [("The letter", "e2")]


def test_blocks_a_title_before_the_author_s_name_gives_way_to_it(nlp: Any) -> None:
    text = (
        "Ruritania Foreign Minister Choe Son Hui on Monday made public the following press "
        "statement:\n\nThe blockade of our ports must end.\n\nWe will not yield.\n\n-0-"
    )
    found = _author(nlp, text, ("Ruritania", "Choe Son Hui"))
    assert [speaker for _, speaker in found] == ["e2"]


def test_blocks_an_article_s_title_is_no_quotation_of_its_own(nlp: Any) -> None:
    text = (
        "The Ruritanian Friendship Society posted articles on its website.\n\n"
        'The March 3 article titled "A life for the harbour" said:\n\n'
        "The old harbour has fed the coast for a century.\n\n"
        "It will be rebuilt this year.\n\n-0-"
    )
    blocks = _blocks(nlp, text)
    assert len(blocks) == 1 and len(blocks[0][1]) == 2
    assert not [d for d in _drafts(nlp, text) if "A life for the harbour" in text[d.start : d.end]]


def test_blocks_a_speaker_s_lead_in_stops_at_a_reported_stance(nlp: Any) -> None:
    # With no text named, a paragraph reporting someone else's stance is the story again.
    text = (
        "The governor added:\n\nThe harbour will reopen next month.\n\n"
        "The mayor's comments on Friday praised the plan.\n\nTraffic was light."
    )
    assert [content for _, content in _blocks(nlp, text)] == [
        ["The harbour will reopen next month"]
    ]


def test_blocks_a_text_carried_by_a_text_is_its_issuer_s(nlp: Any) -> None:
    text = (
        "The Harbour Society of Eastport issued bulletin No. 12 on Monday.\n\n"
        "The bulletin carried a photo of the old lighthouse and an article which said:\n\n"
        "The lighthouse has guided ships for a century.\n\nIt must be kept.\n\n-0-"
    )
    assert [s for _, s in _author(nlp, text, ("Harbour Society of Eastport",))] == ["e1"]


def test_blocks_it_said_is_the_text_named_before(nlp: Any) -> None:
    text = (
        "Ivo Marek released information bulletin No. 1002 on Saturday.\n\nIt said:\n\n"
        "The new tolls are unfair to fishermen.\n\nThey must be dropped.\n\n-0-"
    )
    assert _author(nlp, text, ("Ivo Marek",)) == [("It", "e1")]


def test_blocks_the_full_text_of_someone_s_speech_is_theirs(nlp: Any) -> None:
    text = (
        "The following is the full text of President Ana Kovac's speech to the fishermen:\n\n"
        "Dear friends, the harbour will be rebuilt.\n\nWe will do it this year.\n\n-0-"
    )
    assert [s for _, s in _author(nlp, text, ("Ana Kovac",))] == ["e1"]


def test_blocks_a_speech_s_he_said_is_the_person_the_report_follows(nlp: Any) -> None:
    # The person is named four sentences back, beyond any pronoun's reach; the sentences
    # between are about docks and workers, none a person the "She" could be.
    text = (
        "Premier Ana Kovac visited the new harbour of Eastport on Monday.\n\n"
        "She toured the docks and the fish market.\n\n"
        "The docks were rebuilt last year after the storm.\n\n"
        "Workers have loaded more ships than ever this spring.\n\n"
        "She praised the workers and said:\n\n"
        "The harbour is the pride of our nation.\n\nWe will build another one.\n\n-0-"
    )
    assert _author(nlp, text, ("Ana Kovac",)) == [("She", "e1")]


def test_blocks_a_he_said_after_another_person_named_is_not_the_first(nlp: Any) -> None:
    text = (
        "General Olav Brandt inspected the fleet on Friday.\n\n"
        "The harbour commander welcomed the guests at the pier.\n\n"
        "He said:\n\nThe fleet is ready for the winter.\n\n-0-"
    )
    assert _author(nlp, text, ("Olav Brandt",)) == [("He", None)]


def test_blocks_it_went_on_is_the_author_of_the_text_named_before(nlp: Any) -> None:
    text = (
        "The Harbour Gazette carried an article on Tuesday about the new tolls.\n\n"
        "The article accused the port authority of greed.\n\n"
        "It went on:\n\nThe tolls will ruin the fishermen.\n\nThey must be dropped.\n\n-0-"
    )
    assert _author(nlp, text, ("Harbour Gazette",), "media") == [("It", "e1")]


def test_blocks_said_and_went_on_is_the_speaker_of_said(nlp: Any) -> None:
    text = (
        "Olav Brandt, chairman of the Harbour Party, visited the new school on Monday.\n\n"
        "The school is bright and its teachers are the best in the land, he said, and went "
        "on:\n\nEvery child here will have a future.\n\n-0-"
    )
    speaking = [
        text[d.source[0] : d.source[1]]
        for d in _drafts(nlp, text)
        if d.source and any(text[s:e].startswith("Every child") for s, e in d.content)
    ]
    assert speaking == ["he"]  # not "its teachers", the subject of the clause "went" joins


def test_blocks_a_statement_by_a_spokesman_for_a_body_is_the_body_s(nlp: Any) -> None:
    text = (
        "A spokesman for the Harbour Society of Eastport issued a statement on Sunday about "
        "the new tolls.\n\nThe statement said:\n\nThe tolls are unfair.\n\n-0-"
    )
    found = _author(nlp, text, ("Harbour Society of Eastport",), "organization")
    assert found == [("The statement", "e1")]


def test_blocks_a_homepage_speaks_for_whoever_runs_it(nlp: Any) -> None:
    text = (
        "The Harbour Society of Eastport posted on its homepage an article about the new "
        "tolls on Friday.\n\nThe homepage said:\n\nThe tolls are unfair to fishermen.\n\n-0-"
    )
    found = _author(nlp, text, ("Harbour Society of Eastport",), "organization")
    assert found == [("The homepage", "e1")]


def test_blocks_an_article_written_by_someone_is_the_writer_s(nlp: Any) -> None:
    text = (
        "The Harbour Gazette on Tuesday carried an article written by Olav Brandt, a teacher "
        "of Eastport.\n\nThe article said:\n\nThe new tolls are a burden on every family.\n\n"
        "The council has forgotten the fishermen.\n\n-0-"
    )
    found = _author(nlp, text, ("Harbour Gazette", "Olav Brandt"))
    assert found == [("The article", "e2")]  # the writer, not the paper that carried it


def test_blocks_first_paragraph_after_the_colon_is_the_block_s(nlp: Any) -> None:
    # The body opens with what reads as an attribution of its own ("X should not forget
    # that ..."); the colon promised words, so the paragraph is still the article's.
    text = (
        "The Harbour Gazette on Tuesday carried an article on the new tolls.\n\n"
        "The article said:\n\n"
        "The port authority should not forget that the fishermen built this harbour.\n\n"
        "The tolls must be dropped at once.\n\n-0-"
    )
    found = _author(nlp, text, ("Harbour Gazette",), "media")
    assert found == [("The article", "e1")]


def test_blocks_it_goes_on_in_its_own_paragraph_after_a_bylined_commentary(nlp: Any) -> None:
    # The parser reads "on" as a preposition with no object when a paragraph break follows
    # the colon: "goes on:" introduces the block all the same.
    text = (
        "The harbour authorities are closing the old quay on charges of neglect. This is "
        "nothing but a reckless act against the fishermen.\n\n"
        "Nordlys Tuesday says this in a bylined commentary.\n\n"
        "It goes on:\n\n"
        "Ola Dahl, captain of the ferry, is a sailor respected by all the islanders.\n\n"
        "The quay must stay open for the boats.\n\n-0-"
    )
    (draft,) = [d for d in _drafts(nlp, text) if d.rule == "block"]
    assert draft.cue is not None and text[draft.cue[0] : draft.cue[1]] == "goes on:"
    assert [text[s:e] for s, e in draft.content] == [
        "Ola Dahl, captain of the ferry, is a sailor respected by all the islanders",
        "The quay must stay open for the boats",
    ]


def test_blocks_a_statement_goes_on_past_those_it_reports(nlp: Any) -> None:
    # "the defence minister said" inside the statement is the author's report of someone
    # else: the block goes on, and that report stays a quote of its own.
    text = (
        "A spokesman for the Ruritanian foreign ministry issued the following press "
        "statement on Sunday:\n\nThe naval drills near our coast are a grave provocation.\n\n"
        "On Friday the Freedonian defence minister said that the drills would go on for a "
        "month.\n\nSuch remarks will only bring shame to Freedonia. We will defend our "
        "waters.\n\n-0-"
    )
    blocks = _blocks(nlp, text)
    assert len(blocks) == 1 and len(blocks[0][1]) == 3
    reported = [d for d in _drafts(nlp, text) if d.rule == "reported"]
    assert [text[d.source[0] : d.source[1]] for d in reported if d.source] == [
        "the Freedonian defence minister"
    ]


def test_blocks_the_following_statement_is_not_stopped_by_its_own_narrative(nlp: Any) -> None:
    text = (
        "Ana Kovac, minister of the Ruritanian navy, issued the following press statement:"
        "\n\nFreedonia is sending more warships to the strait.\n\nThe Freedonian admiral "
        "praised his captains for their daring last week.\n\nThe Freedonian navy will pay "
        "for its provocations.\n\n-0-"
    )
    blocks = _blocks(nlp, text)
    assert len(blocks) == 1 and len(blocks[0][1]) == 3
    assert [d.rule for d in _drafts(nlp, text)] == ["block"]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        # The report names the text again: its own voice is back.
        (
            "Olav Brandt sent a message to the mayor of Eastport on Monday.\n\nThe message "
            "said:\n\nThe harbour will stay open to your ships.\n\nOur two ports have worked "
            "together for a century.\n\nThe message wished the mayor good health and success.",
            [
                "The harbour will stay open to your ships",
                "Our two ports have worked together for a century",
            ],
        ),
        # A review of the papers goes on to the next paper.
        (
            "The Eastport Herald on Monday says:\n\nThe bridge must be finished this year."
            "\n\nIt will join the two banks of the river.\n\nThe Westport Courier urges the "
            "council to raise the tolls.",
            ["The bridge must be finished this year", "It will join the two banks of the river"],
        ),
    ],
)
def test_blocks_stop_where_the_report_s_own_voice_comes_back(
    nlp: Any, text: str, contents: list[str]
) -> None:
    assert [content for _, content in _blocks(nlp, text)] == [contents]


def test_blocks_text_author_of_a_text_parsed_as_the_subject_of_its_own_title() -> None:
    """'X posted an article titled "Friends are many"' with "posted" hung on the title's
    "are" as a clausal subject (a parse seen on agency copy): X made the article."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from parley.quotes.blocks import text_author

    words = ["The", "Guild", "posted", "an", "article", "titled", '"', "Friends", "are", "many"]
    heads = [1, 2, 8, 4, 8, 4, 7, 5, 8, 8]
    deps = ["det", "nsubj", "csubj", "det", "nsubj", "acl", "punct", "oprd", "ROOT", "acomp"]
    pos = ["DET", "PROPN", "VERB", "DET", "NOUN", "VERB", "PUNCT", "NOUN", "AUX", "ADJ"]
    lemmas = ["the", "Guild", "post", "an", "article", "title", '"', "friend", "be", "many"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    author = text_author(doc[4])
    assert author is not None and author.text == "Guild"
