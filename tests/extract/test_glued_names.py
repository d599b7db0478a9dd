"""Known names a scraper glued to their neighbours get their spaces back (extract/glued.py)."""

from __future__ import annotations

from parley.extract import extract_article
from parley.extract.glued import GluedNames
from parley.extract.resources import ExtractResources
from parley.sources.document import Document

NAMES = GluedNames.build(["Tamar Oskeli Vant", "Rhun Dallow", "Piet Mill", "Ann Bo", "Rosa Q"])


def test_a_name_glued_on_both_sides_is_cut_out():
    text = "The visiting ChairTamar Oskeli Vantopened the session."
    assert NAMES.repair(text) == "The visiting Chair Tamar Oskeli Vant opened the session."


def test_a_name_glued_only_after_is_cut_when_the_document_shows_it_alone():
    text = "Rhun Dallow spoke first. Later Rhun Dallowsigned the accord."
    assert NAMES.repair(text) == "Rhun Dallow spoke first. Later Rhun Dallow signed the accord."


def test_a_name_glued_only_after_and_never_seen_alone_is_left():
    # The knowledge base may hold the start of a longer name; nothing shows a join here.
    assert NAMES.repair("Rhun Dallowby arrived.") == "Rhun Dallowby arrived."


def test_a_longer_known_surname_is_not_cut():
    # "Mill" + "er" would be a join only if "Miller" were no known name word.
    names = GluedNames.build(["Piet Mill", "Joan Miller"])
    assert names.repair("Piet Mill met. Piet Miller left.") == "Piet Mill met. Piet Miller left."


def test_one_letter_after_a_name_is_its_own_end():
    text = "Rhun Dallow came; Rhun Dallowe too."
    assert NAMES.repair(text) == text


def test_short_names_and_initials_are_not_indexed():
    assert "Ann" not in NAMES.by_first  # under eight characters
    assert "Rosa" not in NAMES.by_first  # an initial as its last word


def test_capitals_before_a_name_are_an_acronym_not_a_join():
    assert NAMES.repair("the UNRhun Dallow file") == "the UNRhun Dallow file"


def test_an_honorific_before_a_name_is_a_join():
    text = "The minister sent greetings to HERhun Dallow on his birthday."
    assert NAMES.repair(text) == "The minister sent greetings to HE Rhun Dallow on his birthday."


def test_a_name_glued_after_is_cut_when_the_page_shows_it_alone():
    # The line that showed the name standing alone was not kept in the text.
    page = "Rhun Dallow opened the fair. (photo)\nRhun Dallowsigned the accord."
    text = "Rhun Dallowsigned the accord."
    assert NAMES.repair(text) == text
    assert NAMES.repair(text, context=page) == "Rhun Dallow signed the accord."


def test_text_without_names_is_returned_as_is():
    text = "Nothing here is glued, not even CamelCase words."
    assert NAMES.repair(text) is text


def test_extraction_repairs_text_and_title_with_the_resources_names():
    resources = ExtractResources.load(names=["Rhun Dallow"])
    page = (
        "Envoy ChairmanRhun Dallowvisits the capital\n\n"
        "The envoy ChairmanRhun Dallowarrived on Monday for two days of talks with the "
        "government about the border crossings, officials said.\n\n"
        "Rhun Dallow is expected to meet the foreign minister before he leaves.\n"
    )
    article = extract_article(Document(data=page.encode(), source="page.txt"), None, resources)
    assert "Chairman Rhun Dallow arrived on Monday" in article.text
    assert article.title == "Envoy Chairman Rhun Dallow visits the capital"


def test_extraction_without_names_keeps_the_text():
    page = "A title for the page\n\nThe envoy ChairmanRhun Dallowarrived on Monday for talks.\n"
    article = extract_article(Document(data=page.encode(), source="page.txt"), None)
    assert "ChairmanRhun Dallowarrived" in article.text


def test_a_list_items_dash_glued_before_a_name_gets_its_space():
    # A news digest's items: the dash that starts a line is no part of the name, and the name
    # then stands alone, so the word glued after it is cut off too.
    text = "Items of the day:\n-Rhun Dallowreceived a letter.\n- Rhun Dallow left."
    assert NAMES.repair(text) == (
        "Items of the day:\n- Rhun Dallow received a letter.\n- Rhun Dallow left."
    )


def test_a_hyphen_inside_a_line_is_not_a_list_dash():
    assert NAMES.repair("The Smith-Rhun Dallow plan.") == "The Smith-Rhun Dallow plan."
