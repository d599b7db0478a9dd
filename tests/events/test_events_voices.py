"""The story's voice (``parley.events.voices``): who "it" and "the statement" stand for."""

from __future__ import annotations

import pytest

from parley.events.voices import told_by_another
from parley.records import Quote

# Invented: a solidarity body's statement that, inside its own words, tells of another
# party's declaration before its "it warned".
_STATEMENT = (
    "Lars Berg, chairman of the Swedish Committee for Solidarity with the Korean People, on"
    " Tuesday issued a statement denouncing the Japanese authorities for their smear campaign."
    " The Japanese reactionaries had better keep in mind that the DPRK, when it declared that"
    " it would answer any provocation with merciless strikes, meant what it said, it warned."
    " The statement urged the Japanese authorities to stop the campaign at once."
)


@pytest.fixture(scope="module")
def statement_events():  # type: ignore[no-untyped-def]
    from parley.pipeline import Pipeline

    analysis = Pipeline.from_config(None).analyze_text(_STATEMENT)
    text = analysis.article.text
    return {text[e.trigger[0] : e.trigger[1]]: e for e in analysis.events}


@pytest.mark.parametrize("trigger", ["warned", "urged"])
def test_voices_statement_told_inside_others_words_is_no_new_voice(
    statement_events, trigger: str
) -> None:  # type: ignore[no-untyped-def]
    # The DPRK's declaration is told in the committee's words: "it warned" and "The
    # statement urged" are still the committee's, not the DPRK's.
    assert statement_events[trigger].source_actor == "SWENGO"


def _quote(
    fragments: tuple[tuple[int, int], ...], act: bool = False, speaker: str | None = "e1"
) -> Quote:
    return Quote(
        id="q1",
        text="",
        kind="indirect",
        speaker=speaker,
        speaker_text="it",
        speaker_span=(43, 45),
        cue="warned",
        cue_span=(46, 52),
        date=None,
        venue=None,
        start=0,
        end=52,
        fragments=fragments,
        act=act,
    )


def test_voices_told_by_another_reads_contents_not_cues(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rohan said that it would strike back hard, it warned.")
    said, warned = doc[1], doc[-2]
    words = ((0, 41),)  # "Rohan said ... hard"
    assert told_by_another(said, [_quote(words)])
    assert not told_by_another(warned, [_quote(words)])
    # A stance or act towards a thing ("launched a struggle to oppose war") reports no words;
    # words of a speaker nobody could name may be the speaker's own they tell of.
    assert not told_by_another(said, [_quote(words, act=True)])
    assert not told_by_another(said, [_quote(words, speaker=None)])
