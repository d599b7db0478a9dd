"""No stage reads spaCy's ``Doc.text`` where it has the text already.

``Doc.text`` joins every token of the document again each time it is read. Read once per
phrase, it made the quote stage 4.5 times slower (a dateline rule) and cost 2.6% of the whole
analysis (a group's country): the stages take the text from the parse index
(``ParseIndex.text``) or from the caller. The places that may read it are listed, each read
at most once per document."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "parley"
# file -> how many reads it may have, each once per document (a fallback or the index's build)
ALLOWED = {
    "nlp/index.py": 1,  # ParseIndex.build, once per document
    "events/dating.py": 1,  # timex_heads' fallback when the caller has no text
    "entities/phrases.py": 1,  # PhraseMatcher.find's fallback, likewise
    "evaluate/time.py": 2,  # the TimeML documents' own text, not a spaCy Doc
}
READ = re.compile(r"\bdoc\.text\b")


def test_doc_text_is_read_only_where_allowed() -> None:
    found: dict[str, int] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        count = sum(
            1
            for line in path.read_text("utf-8").splitlines()
            if READ.search(line) and not line.lstrip().startswith("#")
        )
        if count:
            found[path.relative_to(PACKAGE).as_posix()] = count
    extra = {f: n for f, n in found.items() if n > ALLOWED.get(f, 0)}
    assert not extra, f"Doc.text read in {extra}: use ParseIndex.text or the caller's text"
