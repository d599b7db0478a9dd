"""Each pass on its own: what it finds, what it claims, and that the next pass respects it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from parley.errors import KnowledgeBaseError
from parley.nlp.index import ParseIndex
from parley.quotes import QuoteResources
from parley.quotes.according import (
    find_according,
    find_in_polls,
    find_records_show,
    find_reportedly,
)
from parley.quotes.attribution import find_drafts, replace_sources_inside_content
from parley.quotes.direct import find_direct
from parley.quotes.drafts import Draft, QuoteState
from parley.quotes.headlines import find_headline_verbs, find_headlines
from parley.quotes.lexicon import DATA_DIR
from parley.quotes.reported import find_reported


def _state(doc: Any, resources: QuoteResources) -> QuoteState:
    return QuoteState.build(ParseIndex.build(doc), resources)


def test_passes_headline_reads_the_text_alone(quote_resources: QuoteResources) -> None:
    text = "Varga: the port stays shut\nHOLM: We will see about that.\nUpdate: none yet."
    state = _state(spacy.blank("en")(text), quote_resources)
    first, second = find_headlines(state, [])
    assert text[first.content[0][0] : first.content[0][1]] == "the port stays shut"
    assert first.kind == "indirect" and second.kind == "direct"
    assert text[second.source[0] : second.source[1]] == "HOLM"  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("Varga camp: the quay plan threatens the harbour.\nBody.", "Varga camp",
         "the quay plan threatens the harbour"),
        ("Varga To Fishermen On The Quay: It Will Be Fine.\nBody.", "Varga", "It Will Be Fine"),
    ],
)  # fmt: skip
def test_passes_headline_first_line_label_may_run_longer_and_name_an_addressee(
    quote_resources: QuoteResources, text: str, source: str, content: str
) -> None:
    state = _state(spacy.blank("en")(text), quote_resources)
    (draft,) = find_headlines(state, [])
    assert text[draft.source[0] : draft.source[1]] == source  # type: ignore[index]
    assert text[draft.content[0][0] : draft.content[0][1]] == content


def test_passes_headline_longer_label_only_on_the_first_line(
    quote_resources: QuoteResources,
) -> None:
    text = "Body.\nVarga camp: the quay plan threatens the harbour."
    state = _state(spacy.blank("en")(text), quote_resources)
    assert find_headlines(state, []) == []


def test_passes_headline_skips_a_line_another_draft_covers(
    quote_resources: QuoteResources,
) -> None:
    text = "Varga: the port stays shut"
    state = _state(spacy.blank("en")(text), quote_resources)
    (draft,) = find_headlines(state, [])
    assert find_headlines(state, [draft]) == []


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        ("Harbour Master Jane Varga Endorses The New Quay.\nBody.", "Harbour Master Jane Varga",
         "Endorses", "The New Quay"),
        ("Varga blasts port plan; talks go on\nBody.", "Varga", "blasts", "port plan"),
        ("EXCLUSIVE – Varga Calls For a Ban on Night Sailing.\nBody.", "Varga", "Calls For",
         "a Ban on Night Sailing"),
        ("Mayor of Holm Denies Quay Deal.\nBody.", "Mayor of Holm", "Denies", "Quay Deal"),
    ],
)  # fmt: skip
def test_passes_headline_verb_gives_the_line_to_the_words_before_it(
    quote_resources: QuoteResources, text: str, source: str, cue: str, content: str
) -> None:
    state = _state(spacy.blank("en")(text), quote_resources)
    (draft,) = find_headline_verbs(state, [])
    assert draft.source is not None and text[draft.source[0] : draft.source[1]] == source
    assert draft.cue is not None and text[draft.cue[0] : draft.cue[1]] == cue
    assert [text[a:b] for a, b in draft.content] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "Body first.\nVarga Endorses The New Quay.",  # not the first line
        "How the new ferry timetable blasts a hole in the budget\nBody.",  # no name before
        "Varga Endorses The New Quay.",  # a single line: no headline over a body
        "Quay Deal Endorses\nBody.",  # nothing after the verb
    ],
)
def test_passes_headline_verb_only_on_a_headline_with_a_name_before_it(
    quote_resources: QuoteResources, text: str
) -> None:
    assert find_headline_verbs(_state(spacy.blank("en")(text), quote_resources), []) == []


def test_passes_headline_verb_skips_a_line_another_draft_covers(
    quote_resources: QuoteResources,
) -> None:
    text = "Varga Endorses The New Quay.\nBody."
    state = _state(spacy.blank("en")(text), quote_resources)
    (draft,) = find_headline_verbs(state, [])
    assert find_headline_verbs(state, [draft]) == []


@pytest.mark.model
def test_passes_headline_verb_leaves_a_noun_before_a_verb(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = "Harbour Board claims are likely to grow.\nBody."
    assert find_headline_verbs(_state(nlp(text), quote_resources), []) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("Asked if the ferry was safe, 46 percent of skippers said yes, up from 23 percent.",
         "46 percent of skippers", "yes"),
        ("Last month, 26 percent of the crews said the same.", "26 percent of the crews",
         "the same"),
        ("Only 64 percent of the crews said the same for his rival.",
         "Only 64 percent of the crews", "the same for his rival"),
        ("Asked whether he would sail again, the captain said no.", "the captain", "no"),
    ],
)  # fmt: skip
def test_passes_reported_answer_after_said_is_the_content(
    nlp: Any, quote_resources: QuoteResources, text: str, source: str, content: str
) -> None:
    drafts = find_reported(_state(nlp(text), quote_resources))
    draft = next(d for d in drafts if d.cue is not None and text[d.cue[0] : d.cue[1]] != "Asked")
    assert draft.source is not None and text[draft.source[0] : draft.source[1]] == source
    assert [text[a:b] for a, b in draft.content] == [content]
    assert draft.addressee is None


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The captain said so many things about the quay.",
        "The captain said no decision had been made.",
    ],
)
def test_passes_reported_leaves_words_that_start_a_clause(
    nlp: Any, quote_resources: QuoteResources, text: str
) -> None:
    for draft in find_reported(_state(nlp(text), quote_resources)):
        assert [text[a:b] for a, b in draft.content] not in (["so"], ["no"])


@pytest.mark.model
def test_passes_according_claims_its_quotation_before_the_marks_pass(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = "According to the harbour master, “the ferry will not sail again this winter.”"
    state = _state(nlp(text), quote_resources)
    (draft,) = find_according(state)
    assert draft.kind == "mixed" and state.claimed == {0}
    assert find_direct(state, [draft]) == []  # nothing left to attribute


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "In a harbour board survey released Friday, most skippers backed the new quay.",
            "most skippers backed the new quay",
            "a harbour board survey released Friday",
        ),
        (
            "The ferry company trails its rival badly in the latest polls.",
            "The ferry company trails its rival badly",
            "the latest polls",
        ),
    ],
)
def test_passes_in_polls_gives_the_finding_to_the_poll(
    nlp: Any, quote_resources: QuoteResources, text: str, content: str, source: str
) -> None:
    state = _state(nlp(text), quote_resources)
    (draft,) = find_in_polls(state)
    assert [text[a:b] for a, b in draft.content] == [content]
    assert draft.source is not None and text[draft.source[0] : draft.source[1]] == source
    assert draft.cue is not None and text[draft.cue[0] : draft.cue[1]].lower() == "in"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "In a statement released Friday, the harbour board backed the new quay.",
        "Trust in the survey has faded among skippers.",  # "in" on a noun, not the verb
        "“In the latest survey, the quay is ahead,” the skipper said.",
    ],
)
def test_passes_in_polls_leaves_other_phrases(
    nlp: Any, quote_resources: QuoteResources, text: str
) -> None:
    assert find_in_polls(_state(nlp(text), quote_resources)) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content", "source", "cue"),
    [
        (
            "The ferry line paid $40,000 to the harbour fund in March, port tax records show.",
            ["The ferry line paid $40,000 to the harbour fund in March"],
            "port tax records",
            "show",
        ),
        (
            "But the skippers never met the mayor last spring, council documents showed.",
            ["the skippers never met the mayor last spring"],
            "council documents",
            "showed",
        ),
        (
            "Over the same winter, harbour logs show, the ferry sailed only twice.",
            ["Over the same winter", "the ferry sailed only twice"],
            "harbour logs",
            "show",
        ),
        (
            "Most skippers back the new quay, a harbour board survey found, and the mayor "
            "says he will build it.",
            ["Most skippers back the new quay"],
            "a harbour board survey",
            "found",
        ),
    ],
)
def test_passes_records_show_gives_the_finding_before_them_to_the_records(
    nlp: Any,
    quote_resources: QuoteResources,
    text: str,
    content: list[str],
    source: str,
    cue: str,
) -> None:
    state = _state(nlp(text), quote_resources)
    (draft,) = find_records_show(state, [])
    assert [text[a:b] for a, b in draft.content] == content
    assert draft.source is not None and text[draft.source[0] : draft.source[1]] == source
    assert draft.cue is not None and text[draft.cue[0] : draft.cue[1]] == cue


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The ferry sailed only twice, the skipper found.",  # a person: the verb passes' case
        "The quay is ahead, as the latest surveys show.",  # another aside
        "The ferry sailed twice and, port records show, never left the bay.",
        "Records, logs, tallies show.",
    ],
)
def test_passes_records_show_leaves_other_asides(
    nlp: Any, quote_resources: QuoteResources, text: str
) -> None:
    assert find_records_show(_state(nlp(text), quote_resources), []) == []


@pytest.mark.model
def test_passes_quotation_after_a_speaker_joins_that_attribution(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = "“We leave at dawn,” the captain said. “Nobody stays behind on this island.”"
    (draft,) = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    assert len(draft.content) == 2 and draft.kind == "direct"


def test_passes_resources_name_the_bad_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for path in DATA_DIR.iterdir():
        (data / path.name).write_bytes(path.read_bytes())
    (data / "vague_sources.txt").write_text("# header\nsome\nmany\tothers\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"vague_sources.txt:3"):
        QuoteResources.from_dir(data)


def test_passes_reported_skips_a_sentence_before_the_cue_joined_into_its_parse(
    quote_resources: QuoteResources,
) -> None:
    # Joined copy ("... the valley., The union said that ...") parsed as one sentence whose
    # first clause hangs on "said" as a second complement: the content is the clause after.
    words = ["Farmers", "left", "the", "valley", ".", ",", "The", "union", "said", "that",
             "the", "river", "is", "clean", "."]  # fmt: skip
    heads = [1, 8, 3, 1, 1, 8, 7, 8, 8, 12, 11, 12, 8, 12, 8]
    deps = ["nsubj", "ccomp", "det", "dobj", "punct", "punct", "det", "nsubj", "ROOT", "mark",
            "det", "nsubj", "ccomp", "acomp", "punct"]  # fmt: skip
    pos = ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "PUNCT", "DET", "NOUN", "VERB", "SCONJ",
           "DET", "NOUN", "AUX", "ADJ", "PUNCT"]  # fmt: skip
    tags = ["NNS", "VBD", "DT", "NN", ".", ",", "DT", "NN", "VBD", "IN", "DT", "NN", "VBZ",
            "JJ", "."]  # fmt: skip
    lemmas = ["farmer", "leave", "the", "valley", ".", ",", "the", "union", "say", "that",
              "the", "river", "be", "clean", "."]  # fmt: skip
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
              tags=tags, lemmas=lemmas)  # fmt: skip
    state = _state(doc, quote_resources)
    (draft,) = find_reported(state)
    assert [state.text[s:e] for s, e in draft.content] == ["that the river is clean"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The harbour filled again because the dredging works: she said the port had "
            "raised two million dollars in a week.",
            "the port had raised two million dollars in a week",
        ),
        (
            "Most farmers were worried about the drought; 40 percent said they would sell "
            "their herds.",
            "they would sell their herds",
        ),
    ],
)
def test_passes_reported_skips_the_writers_clause_before_a_colon_or_semicolon(
    nlp: Any, quote_resources: QuoteResources, text: str, content: str
) -> None:
    # The parser hangs the clause before the mark on "said"; what was said follows the verb.
    state = _state(nlp(text), quote_resources)
    said = [d for d in find_reported(state) if state.text[d.cue[0] : d.cue[1]] == "said"]
    assert [state.text[s:e] for d in said for s, e in d.content] == [content]


@pytest.mark.model
def test_passes_direct_speaker_after_the_verb_is_never_when_it_was_said(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    # "tweeted on Friday": a day after the verb is when it was said, not who said it.
    text = (
        "The director of the port authority, Anna Varga, tweeted on Friday: “We will "
        "rebuild the quay this year.”"
    )
    state = _state(nlp(text), quote_resources)
    (draft,) = find_direct(state, [])
    assert draft.source is None or "Friday" not in text[draft.source[0] : draft.source[1]]


@pytest.mark.model
def test_passes_relative_pronoun_joins_the_content_it_stands_in(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = "The ferry kept a late timetable, which the harbour master said was a mistake."
    drafts = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    (draft,) = [d for d in drafts if d.cue_lemma == "say"]
    assert [text[a:b] for a, b in draft.content] == ["which", "was a mistake"]


@pytest.mark.model
def test_passes_relative_pronoun_after_a_preposition_stays_out(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = "It was a long meeting, in which the harbour master said the ferry would not sail."
    drafts = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    (draft,) = [d for d in drafts if d.cue_lemma == "say"]
    assert [text[a:b] for a, b in draft.content] == ["the ferry would not sail"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The minister criticized the new harbour tax, which the council passed in May.",
            "the new harbour tax",
        ),
        (
            "The fishermen praised the harbour master, who has run the port since 2009.",
            "the harbour master",
        ),
        # The words after the clause are still the accusation: the clause stays.
        (
            "The minister accused the mayor, who grew up in the port, of ignoring the fishermen.",
            "the mayor, who grew up in the port, of ignoring the fishermen",
        ),
    ],
)
def test_passes_noun_content_stops_before_a_relative_aside(
    nlp: Any, quote_resources: QuoteResources, text: str, content: str
) -> None:
    drafts = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    (draft,) = drafts
    assert [text[a:b] for a, b in draft.content] == [content]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The harbour master endorsed the new pier on Monday.", "the new pier"),
        ("The mayor denied the closure in a radio interview.", "the closure"),
        # More of the content after the occasion: it stays.
        (
            "The mayor defended herself on Saturday for closing the pier.",
            "herself on Saturday for closing the pier",
        ),
    ],
)
def test_passes_noun_content_stops_before_when_and_where_it_was_said(
    nlp: Any, quote_resources: QuoteResources, text: str, content: str
) -> None:
    (draft,) = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    assert [text[a:b] for a, b in draft.content] == [content]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The mayor, speaking to reporters on Tuesday, said the pier would open.", "The mayor"),
        # A past participle stays in the source.
        (
            "The aides, led by the harbour master, said the pier would open.",
            "The aides, led by the harbour master,",
        ),
    ],
)
def test_passes_source_leaves_out_a_speaking_participle(
    nlp: Any, quote_resources: QuoteResources, text: str, source: str
) -> None:
    (draft,) = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    assert draft.source is not None
    assert text[draft.source[0] : draft.source[1]] == source


@pytest.mark.model
def test_passes_passive_frame_subject_is_talked_about_not_the_source(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = "The pier is seen as a symbol of the town."
    (draft,) = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    assert [text[a:b] for a, b in draft.content] == ["a symbol of the town"]
    assert draft.source is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        (
            "The fishermen are deeply leery of the new quota rules.",
            "The fishermen",
            "are deeply leery of",
            "the new quota rules",
        ),
        (
            "The mayor was openly dismissive of the report on the quay.",
            "The mayor",
            "was openly dismissive of",
            "the report on the quay",
        ),
    ],
)
def test_passes_stance_adjective_frame_names_its_target(
    nlp: Any, quote_resources: QuoteResources, text: str, source: str, cue: str, content: str
) -> None:
    (draft,) = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    assert draft.source is not None and draft.cue is not None
    assert text[draft.source[0] : draft.source[1]] == source
    assert text[draft.cue[0] : draft.cue[1]] == cue
    assert [text[a:b] for a, b in draft.content] == [content]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "“The pier will open,” said Ilse Varga, the host of “Harbour Hour,” on Monday.",
        '“The pier will open,” Ilse Varga, the host of "Harbour Hour," told reporters.',
    ],
)
def test_passes_title_in_the_speakers_phrase_is_the_speakers(
    nlp: Any, quote_resources: QuoteResources, text: str
) -> None:
    (draft,) = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    assert draft.source is not None
    source = text[draft.source[0] : draft.source[1]]
    assert source.startswith("Ilse Varga, the host of ") and "Harbour Hour" in source
    assert [text[a:b] for a, b in draft.content] == ["“The pier will open,”"]


@pytest.mark.model
def test_passes_participle_before_a_quotation_speaks_for_its_clauses_subject(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    # The parser hangs "smiled" on the verb inside the quotation; the speaker is still the
    # one who smiled.
    text = "The harbour master smiled, telling reporters, “We will open the pier.”"
    (draft,) = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    assert draft.source is not None
    assert text[draft.source[0] : draft.source[1]] == "The harbour master"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The harbour master was asked by reporters whether the pier would open.",
        "Asked by reporters whether the pier would open, the harbour master smiled.",
    ],
)
def test_passes_passive_asking_verb_gives_the_question_to_its_agent(
    nlp: Any, quote_resources: QuoteResources, text: str
) -> None:
    drafts = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    (draft,) = [d for d in drafts if d.cue_lemma == "ask"]
    assert draft.source is not None
    assert text[draft.source[0] : draft.source[1]] == "reporters"
    assert [text[a:b] for a, b in draft.content] == ["whether the pier would open"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "“The pier will open in May,” Ilse Varga said on “Harbour Hour.” “The ferries "
        "will come back soon after that.”",
        "“The pier will open in May,” Ilse Varga told Radio North's “Harbour Hour” on "
        "Sunday. “The ferries will come back soon after that.”",
    ],
)
def test_passes_show_after_the_cue_is_no_piece_of_the_quotation(
    nlp: Any, quote_resources: QuoteResources, text: str
) -> None:
    # The show where the words were said sits between the two pieces of what was said.
    (draft,) = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    assert [text[a:b] for a, b in draft.content] == [
        "“The pier will open in May,”",
        "“The ferries will come back soon after that.”",
    ]


@pytest.mark.model
def test_passes_quotation_after_about_is_what_the_cue_names(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = "The pundit went on boasting about “Winning,” which he said was the only thing."
    drafts = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    assert any(text[a:b] == "“Winning,”" for d in drafts for a, b in d.content)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # A quotation opening in lower case goes on from the words before the speaker.
        (
            "If the ferry stops, he said, “the island will starve within a month.”",
            ["If the ferry stops", "“the island will starve within a month.”"],
        ),
        # One opening with a capital starts its own sentence.
        (
            "Asked about the ferry, Ms. Holm said, “It will run again in May.”",
            ["“It will run again in May.”"],
        ),
        # Words of the writer's sentence before the cue, the quotation inside the rest.
        (
            "Harbour fees, the mayor added, were “far too low for a port of this size.”",
            ["Harbour fees", "were “far too low for a port of this size.”"],
        ),
        (
            "The new quay, she said, is “a perfect example of waste” by the council.",
            ["The new quay", "is “a perfect example of waste” by the council"],
        ),
        # A quotation the cue interrupts is the marks' alone.
        (
            "“We will not close the ferry,” she said, “whatever the council decides.”",
            ["“We will not close the ferry,”", "“whatever the council decides.”"],
        ),
        # A lone connective, and words of several pieces, are the writer's.
        (
            "But, he said, “the island will starve within a month.”",
            ["“the island will starve within a month.”"],
        ),
        (
            "Her remarks were aimed at the island's critics, and also, she said, “at "
            "people who shout on television.”",
            ["“at people who shout on television.”"],
        ),
    ],
)
def test_passes_words_before_a_parenthetical_cue_join_a_quotation_that_goes_on(
    nlp: Any, quote_resources: QuoteResources, text: str, content: list[str]
) -> None:
    drafts = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    draft = next(d for d in drafts if d.cue_lemma in ("say", "add") and d.quoted)
    assert [text[a:b] for a, b in draft.content] == content


@pytest.mark.model
def test_passes_parenthetical_cue_content_ends_before_a_quotation_opening_a_sentence(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "In any case, Mr. Olsen said, the island had far too many boats. “It was only "
        "waiting for a storm,” he said."
    )
    drafts = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    first = next(d for d in drafts if d.rule == "parenthetical")
    assert [text[a:b] for a, b in first.content] == [
        "In any case",
        "the island had far too many boats",
    ]
    assert any(text[a:b].startswith("“It was") for d in drafts for a, b in d.content)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # A subject between the cue and the marks: the clause is what was said.
        (
            "The mayor said she “isn’t going anywhere” before the vote.",
            "she “isn’t going anywhere” before the vote",
        ),
        (
            "Speaking in Lyon, the minister agreed, noting the new bridge “makes the old "
            "ferry useless.”",
            "the new bridge “makes the old ferry useless.”",
        ),
        # "that" before the marks opens the clause too.
        (
            "The union argued that the plan “would ruin the farmers of the valley.”",
            "that the plan “would ruin the farmers of the valley.”",
        ),
        # "called X “Y”": the thing named is part of the content; a coordinated verb is not.
        (
            "The council called the new timetable “a disgrace” and voted to scrap it.",
            "the new timetable “a disgrace”",
        ),
        # Only the verb's own modifiers between: the content starts at the marks.
        (
            "The harbour master acknowledged on Friday “the quay is not ready.”",
            "“the quay is not ready.”",
        ),
    ],
)
def test_passes_direct_quotation_completing_the_cues_clause_starts_at_the_clause(
    nlp: Any, quote_resources: QuoteResources, text: str, content: str
) -> None:
    state = _state(nlp(text), quote_resources)
    (draft,) = find_direct(state, [])
    assert [text[a:b] for a, b in draft.content] == [content]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # The marks open on the predicate of the subject before them; the cue comes after.
        (
            "The new ferry “was the best thing that happened to the island,” the mayor said.",
            "The new ferry “was the best thing that happened to the island,”",
        ),
        # Only the subject of the quoted verb, not the clause it is part of.
        (
            "Still, the fact that the bridge “is a total ruin,” as the engineer said on "
            "Monday, worried the town.",
            "the bridge “is a total ruin,”",
        ),
    ],
)
def test_drafts_quotation_on_a_subjects_predicate_starts_at_the_subject(
    nlp: Any, quote_resources: QuoteResources, text: str, content: str
) -> None:
    drafts = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    assert [text[a:b] for d in drafts for a, b in d.content][:1] == [content]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # The attitude noun and its preposition join the cue; the content is what it is about.
        (
            "The fishermen's union expressed concern that the new quay would ruin the harbour.",
            "expressed concern",
            "that the new quay would ruin the harbour",
        ),
        (
            "Several councillors have expressed deep doubts about the cost of the bridge.",
            "have expressed deep doubts about",
            "the cost of the bridge",
        ),
        ("The mayor voiced support for the ferry plan.", "voiced support for", "the ferry plan"),
        # Someone's own attitude, and thanks addressed to someone, stay in the content.
        (
            "The council expressed its support for the plan.",
            "expressed",
            "its support for the plan",
        ),
        (
            "The minister expressed thanks to the harbour master for his work.",
            "expressed",
            "thanks to the harbour master for his work",
        ),
    ],
)
def test_passes_voiced_attitude_noun_joins_the_cue(
    nlp: Any, quote_resources: QuoteResources, text: str, cue: str, content: str
) -> None:
    drafts = find_drafts(ParseIndex.build(nlp(text)), quote_resources)
    draft = next(d for d in drafts if d.cue_lemma in ("express", "voice"))
    assert draft.cue is not None and text[draft.cue[0] : draft.cue[1]] == cue
    assert [text[a:b] for a, b in draft.content] == [content]


@pytest.mark.model
def test_passes_parenthetical_belief_is_held_by_its_subject(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = "The new ferry, the islanders believe, will bring more visitors than the old one."
    drafts = find_reported(_state(nlp(text), quote_resources))
    (draft,) = [d for d in drafts if d.cue_lemma == "believe"]
    assert draft.source is not None and text[draft.source[0] : draft.source[1]] == "the islanders"
    assert [text[a:b] for a, b in draft.content] == [
        "The new ferry",
        "will bring more visitors than the old one",
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The harbour is, you know, far too small for the new boats.",
        "The council will, I think, vote against the plan.",
    ],
)
def test_passes_hedging_aside_is_no_attribution(
    nlp: Any, quote_resources: QuoteResources, text: str
) -> None:
    drafts = find_reported(_state(nlp(text), quote_resources))
    assert not [d for d in drafts if d.cue_lemma in ("know", "think")]


def test_passes_speaker_inside_its_own_content_gives_way_to_the_cue_subject(
    quote_resources: QuoteResources,
) -> None:
    # A misparse makes a word of the quotation a subject of the cue ('"My apologies, I am
    # late," Berg said' with "apologies" as a subject of "said"): the subject outside the
    # content speaks.
    words = ['"', "My", "apologies", ",", "I", "am", "late", ",", '"', "Berg", "said", "."]
    heads = [10, 2, 10, 10, 5, 10, 5, 10, 10, 10, 10, 10]
    deps = ["punct", "poss", "nsubj", "punct", "nsubj", "ccomp", "acomp", "punct", "punct",
            "nsubj", "ROOT", "punct"]  # fmt: skip
    pos = ["PUNCT", "PRON", "NOUN", "PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PROPN",
           "VERB", "PUNCT"]  # fmt: skip
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    state = _state(doc, quote_resources)
    text = state.text
    content = (0, text.index("Berg") - 1)
    draft = Draft(
        content=[content],
        source=(doc[2].idx, doc[2].idx + len("apologies")),
        cue=(doc[10].idx, doc[10].idx + 4),
        cue_lemma="say",
        kind="direct",
        anchor=doc[10].idx,
        source_token=2,
        cue_token=10,
    )
    replace_sources_inside_content(state, [draft])
    assert draft.source is not None and text[draft.source[0] : draft.source[1]] == "Berg"
    assert draft.source_token == 9
    # With no subject outside the content, no speaker at all.
    draft.source, draft.source_token = (doc[2].idx, doc[2].idx + len("apologies")), 2
    draft.content = [(0, len(text))]
    replace_sources_inside_content(state, [draft])
    assert draft.source is None and draft.source_token is None


def test_passes_reported_name_before_an_apposition_speaks_when_the_parser_lost_it(
    quote_resources: QuoteResources,
) -> None:
    # The parser hung "Lund" on "Tromso" as a conjunct and left "said" with no subject.
    words = ["Alarmed", "by", "the", "protests", "in", "Tromso", ",", "Senator", "Kari", "Lund",
             ",", "the", "majority", "whip", ",", "said", "that", "she", "spoke", "."]  # fmt: skip
    spaces = [words[k + 1] not in (",", ".") for k in range(len(words) - 1)] + [False]
    heads = [15, 0, 3, 1, 3, 4, 5, 9, 9, 5, 9, 13, 13, 9, 15, 15, 18, 18, 15, 15]
    deps = ["advcl", "agent", "det", "pobj", "prep", "pobj", "punct", "compound", "compound",
            "conj", "punct", "det", "compound", "appos", "punct", "ROOT", "mark", "nsubj",
            "ccomp", "punct"]  # fmt: skip
    pos = ["VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN",
           "PUNCT", "DET", "NOUN", "NOUN", "PUNCT", "VERB", "SCONJ", "PRON", "VERB",
           "PUNCT"]  # fmt: skip
    tags = ["VBN", "IN", "DT", "NNS", "IN", "NNP", ",", "NNP", "NNP", "NNP", ",", "DT", "NN",
            "NN", ",", "VBD", "IN", "PRP", "VBD", "."]  # fmt: skip
    lemmas = ["alarm", "by", "the", "protest", "in", "Tromso", ",", "Senator", "Kari", "Lund",
              ",", "the", "majority", "whip", ",", "say", "that", "she", "speak", "."]  # fmt: skip
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps,
              pos=pos, tags=tags, lemmas=lemmas)  # fmt: skip
    state = _state(doc, quote_resources)
    (draft,) = find_reported(state)
    assert draft.source is not None
    assert state.text[draft.source[0] : draft.source[1]] == "Senator Kari Lund, the majority whip,"
    assert [state.text[s:e] for s, e in draft.content] == ["that she spoke"]
    # A noun the parser already made a subject keeps its own verb: nothing is taken.
    deps[9] = "nsubj"
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps,
              pos=pos, tags=tags, lemmas=lemmas)  # fmt: skip
    assert find_reported(_state(doc, quote_resources)) == []


def _hand_doc(rows: str) -> Doc:
    """A parse written by hand, one token a line: word head dep pos tag lemma (no space
    before a comma or a full stop)."""
    cols = [line.split() for line in rows.strip().splitlines()]
    words = [c[0] for c in cols]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[i + 1 < len(words) and words[i + 1] not in ",." for i in range(len(words))],
        heads=[int(c[1]) for c in cols],
        deps=[c[2] for c in cols],
        pos=[c[3] for c in cols],
        tags=[c[4] for c in cols],
        lemmas=[c[5] for c in cols],
    )


# Parses the model gives news sentences of these shapes, with the subject hung elsewhere
# and the cue verb left with none (words invented; the attachments as seen on PolNeAR).
_LOST_SUBJECTS = {
    # The subject's phrase made a clause of the cue, its name that clause's subject.
    "clause": (
        """
        Lena 1 compound PROPN NNP lena
        Roth 5 nsubj PROPN NNP roth
        , 1 punct PUNCT , ,
        a 5 det DET DT a
        local 5 amod ADJ JJ local
        nurse 12 ccomp VERB VBP nurse
        helping 5 xcomp VERB VBG help
        to 8 aux PART TO to
        run 6 xcomp VERB VB run
        the 10 det DET DT the
        drive 8 dobj NOUN NN drive
        , 12 punct PUNCT , ,
        said 12 ROOT VERB VBD say
        she 14 nsubj PRON PRP she
        was 12 ccomp AUX VBD be
        tired 14 acomp ADJ JJ tired
        . 12 punct PUNCT . .
        """,
        "Lena Roth, a local nurse helping to run the drive,",
        "she was tired",
    ),
    # The name an apposition of the opening phrase's noun.
    "apposition": (
        """
        As 11 prep ADP IN as
        part 0 pobj NOUN NN part
        of 1 prep ADP IN of
        the 4 det DET DT the
        deal 2 pobj NOUN NN deal
        , 4 punct PUNCT , ,
        Ivo 7 compound PROPN NNP ivo
        Marek 4 appos PROPN NNP marek
        , 7 punct PUNCT , ,
        40 7 appos NUM CD 40
        , 11 punct PUNCT , ,
        said 11 ROOT VERB VBD say
        that 14 mark SCONJ IN that
        he 14 nsubj PRON PRP he
        paid 11 ccomp VERB VBD pay
        . 11 punct PUNCT . .
        """,
        "Ivo Marek, 40,",
        "that he paid",
    ),
    # The cue hung as "dep" on a word of the subject's phrase.
    "dep": (
        """
        Sources 1 nsubj NOUN NNS source
        close 1 ROOT ADJ JJ close
        to 1 prep ADP IN to
        the 4 det DET DT the
        talks 2 pobj NOUN NNS talk
        say 1 dep VERB VBP say
        a 7 det DET DT a
        deal 8 nsubj NOUN NN deal
        is 5 ccomp AUX VBZ be
        near 8 acomp ADJ JJ near
        . 1 punct PUNCT . .
        """,
        "Sources",
        "a deal is near",
    ),
    # The name an adverb of the cue.
    "adverb": (
        """
        But 8 cc CCONJ CC but
        Ida 2 compound PROPN NNP ida
        Wolf 8 advmod PROPN NNP wolf
        , 2 punct PUNCT , ,
        a 6 det DET DT a
        longtime 6 amod ADJ JJ longtime
        aide 2 appos NOUN NN aide
        , 2 punct PUNCT , ,
        said 8 ROOT VERB VBD say
        the 10 det DET DT the
        plan 11 nsubj NOUN NN plan
        was 8 ccomp AUX VBD be
        sound 11 acomp ADJ JJ sound
        . 8 punct PUNCT . .
        """,
        "Ida Wolf, a longtime aide,",
        "the plan was sound",
    ),
}


@pytest.mark.parametrize("shape", sorted(_LOST_SUBJECTS))
def test_passes_reported_finds_the_subject_the_parser_hung_elsewhere(
    quote_resources: QuoteResources, shape: str
) -> None:
    rows, source, content = _LOST_SUBJECTS[shape]
    state = _state(_hand_doc(rows), quote_resources)
    (draft,) = find_reported(state)
    assert draft.source is not None
    assert state.text[draft.source[0] : draft.source[1]] == source
    assert [state.text[s:e] for s, e in draft.content] == [content]


def test_passes_reported_lost_subject_stays_within_its_sentence(
    quote_resources: QuoteResources,
) -> None:
    # Copy with lost paragraph marks: the clause before the cue runs over a full stop, so it
    # is another sentence, not the speaker's phrase.
    rows = (
        _LOST_SUBJECTS["clause"][0]
        .replace("helping 5 xcomp VERB VBG help", "worked 5 xcomp VERB VBD work")
        .replace("drive 8 dobj NOUN NN drive", ". 8 punct PUNCT . .")
    )
    state = _state(_hand_doc(rows), quote_resources)
    assert find_reported(state) == []


_RUN_ON = """
    The 1 det DET DT the
    mayor 2 nsubj NOUN NN mayor
    was 8 ccomp AUX VBD be
    a 4 det DET DT a
    planner 2 attr NOUN NN planner
    - 8 punct PUNCT : -
    an 7 det DET DT an
    aide 8 nsubj NOUN NN aide
    said 8 ROOT VERB VBD say
    she 10 nsubj PRON PRP she
    worked 8 ccomp VERB VBD work
    . 8 punct PUNCT . .
    """


@pytest.mark.parametrize(
    ("mark", "content"),
    [("-", "she worked"), ("—", "she worked"), (",", "The mayor was a planner")],
)
def test_passes_reported_clause_run_into_the_subject_is_the_writers(
    quote_resources: QuoteResources, mark: str, content: str
) -> None:
    # The parser hangs the writer's clause before the dash on "said" too: the content is the
    # clause after the cue. After a comma the clause before is what was said.
    rows = _RUN_ON.replace("    - 8 punct PUNCT : -", f"    {mark} 8 punct PUNCT : {mark}")
    state = _state(_hand_doc(rows), quote_resources)
    (draft,) = find_reported(state)
    assert [state.text[s:e] for s, e in draft.content] == [content]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The ferry company has reportedly sold two of its boats to a rival line.",
            ["The ferry company has", "sold two of its boats to a rival line"],
        ),
        (
            "In all, the harbour board has reportedly spent $3 million on the quay, "
            "leaving little for the pier.",
            ["the harbour board has", "spent $3 million on the quay"],
        ),
    ],
)
def test_passes_reportedly_gives_the_clause_to_no_one(
    nlp: Any, quote_resources: QuoteResources, text: str, content: list[str]
) -> None:
    state = _state(nlp(text), quote_resources)
    (draft,) = find_reportedly(state, [])
    assert [text[a:b] for a, b in draft.content] == content
    assert draft.source is None and draft.act  # hearsay, no one's statement
    assert draft.cue is not None and text[draft.cue[0] : draft.cue[1]] == "reportedly"


@pytest.mark.model
def test_passes_reportedly_leaves_a_verb_that_is_already_a_cue(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = "The skipper reportedly said the quay would never open."
    state = _state(nlp(text), quote_resources)
    said = next(t.i for t in state.doc if t.text == "said")
    cued = Draft([(0, 1)], None, None, "say", "indirect", 0, cue_token=said)
    assert find_reportedly(state, [cued]) == []
