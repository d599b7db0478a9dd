"""parley.sources: the public names stay complete and importable."""

from __future__ import annotations

import parley.sources as sources


def test_sources_all_lists_every_public_name() -> None:
    public = {
        name
        for name, value in vars(sources).items()
        if not name.startswith("_") and getattr(value, "__module__", "").startswith("parley.")
    } | {"MAX_BYTES"}
    assert set(sources.__all__) == public
    assert sources.MAX_BYTES == 20 * 1024 * 1024


def test_sources_text_input_round_trips_through_decode() -> None:
    text = "Seoul, Nov. 12 — The talks “remain stuck,” an official said.\r\nMore later."
    document = sources.document_from_input(text)
    assert sources.decode_document(document) == text.replace("\r\n", "\n")
