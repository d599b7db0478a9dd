"""Read a PETRARCH/TABARI verb dictionary as an extra lexicon.

The format, as far as Parley uses it::

    &SYNSET            a set of words, its members on "+WORD" lines
    --- VERB [code] ---  a verb section with its default code ("---" for none)
    VERB {FORMS}         the verb and its synonyms; "WORD [code]" gives a synonym its own code
    - * WORD ... [code]  a pattern: the verb followed by WORD codes as ``code``

Parley keeps the bare verbs (coded with their section's code) and patterns whose first word
after the verb is a plain word (a ``word`` condition: that word later in the verb's phrase). A
synset right after the verb stands for any of its one-word members: followed by a plain word
("- * &PREPOSIT1 RESOLUTION", "acted on a resolution") the pattern is that word's; alone
("- * &CURRENCY", "contributed a million dollars") it is one ``word`` pattern per member.
Words before the verb ("- INDICATED * [123]", "X indicated it deplored Y") become a ``before``
condition on the nearest that is no function word, which must stand just before the verb in
its phrase or heading it. Other synset places, compound actors ("%") and nested phrases are
skipped: Parley matches on the dependency parse, not on word order. Codes a dictionary invents
(test dictionaries carry WEIS codes such as "1010" or "abc") are kept when they look like CAMEO
codes.
"""

from __future__ import annotations

import re
from pathlib import Path

from parley.errors import KnowledgeBaseError
from parley.events.lexicon import Pattern

# Lenient: real dictionaries write "--- DELAY [120]  [031:031]  ---" and "[110]---  ---".
_SECTION = re.compile(r"^---\s*(?P<verb>[^\[\]\s][^\[\]]*?)\s*\[(?P<code>[^\]]*)\]")
_CODE = re.compile(r"\[(?P<code>[^\]]*)\]")
_CAMEO_LIKE = re.compile(r"^[0-9]{2,4}$")


def _strip_comment(line: str) -> str:
    # "#" starts a comment only outside brackets: test dictionaries use codes like "[###]".
    depth = 0
    for i, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "#" and depth <= 0:
            return line[:i].rstrip()
    return line.rstrip()


def _code(raw: str) -> str | None:
    # "[013:012]" holds a code and its passive variant; Parley takes the first.
    first = raw.split(":", 1)[0].strip()
    return first if _CAMEO_LIKE.match(first) else None


def _word(token: str) -> str | None:
    """A dictionary word ("RESTORE_", "DIPLOMATIC") as a lower-case lemma; None if special."""
    token = token.strip("_").lower()
    if not token or not re.fullmatch(r"[a-z][a-z'\-]*", token):
        return None
    return token


def read_verb_dictionary(path: Path) -> list[Pattern]:
    """Patterns from one PETRARCH/TABARI verb dictionary; KnowledgeBaseError when malformed."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise KnowledgeBaseError(f"cannot read verb dictionary {path}: {err}") from err
    synsets = _read_synsets(text)
    patterns: list[Pattern] = []
    section_code: str | None = None
    section_verbs: list[str] = []  # a section's patterns apply to each of its verbs
    in_section = False
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        # XML-style comment blocks, possibly over several lines.
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        if line.startswith("<!--"):
            in_comment = "-->" not in line
            continue
        line = _strip_comment(line)
        if not line or line.startswith("<"):
            continue
        where = f"{path.name}:{number}"
        if line.startswith("---"):
            match = _SECTION.match(line)
            if match is None:
                raise KnowledgeBaseError(
                    f"{path}:{number}: malformed verb section header (want '--- VERB [code] ---')"
                )
            in_section = True
            section_verbs = []
            section_code = _code(match["code"])
            continue
        if line.startswith("&"):
            in_section = False  # a synset definition; its "+" members follow
            continue
        if line.startswith("+"):
            if in_section and "[" in line:
                _check_brackets(line, path, number)
            continue
        if line.startswith("-"):
            if not in_section:
                raise KnowledgeBaseError(f"{path}:{number}: a pattern outside any verb section")
            _check_brackets(line, path, number)
            match = _CODE.search(line)
            if match is None:
                raise KnowledgeBaseError(f"{path}:{number}: a pattern without a [code]")
            code = _code(match["code"])
            body = line[1 : match.start()].split()
            if code is None or not body:
                continue
            if "*" in body[1:]:
                # Words before the verb ("- INDICATED *", "- INDICATED WOULD * NOW"): the
                # nearest that is no function word is what must stand just before it.
                before = _before_word(body[: body.index("*")])
                if before:
                    patterns.extend(
                        Pattern("V", verb, ("before", before), code, where)
                        for verb in section_verbs
                    )
                continue
            if body[0] != "*" or len(body) < 2:
                continue
            for word in _pattern_words(body[1:], synsets):
                patterns.extend(
                    Pattern("V", verb, ("word", word), code, where) for verb in section_verbs
                )
            continue
        if in_section:
            # A verb form line: "RESTORE", "HURRY {HURRIES ...}", "KLM_NOP_+RST [002]".
            _check_brackets(line, path, number)
            match = _CODE.search(line)
            code = _code(match["code"]) if match else section_code
            verb = _word(line.split()[0])
            if verb:
                section_verbs.append(verb)
                if code:
                    patterns.append(Pattern("V", verb, None, code, where))
            continue
        raise KnowledgeBaseError(f"{path}:{number}: unexpected line outside any section: {line!r}")
    return patterns


# Words too common to say anything before a verb ("- WERE ABLE TO *" is not any "to leave").
_FUNCTION_WORDS = (
    "a an the to of in on at for by its it that this be been is are was were am have has had "
    "will would should shall may might can could must do does did"
)
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


def _before_word(before: list[str]) -> str | None:
    """The word of a pattern's words before its verb that the verb's phrase must hold: the
    nearest plain word that is no function word; None when there is none or the words hold
    a synset, a compound actor or a phrase marker ("&NEGSYN2", "%", "+", "$")."""
    if any(t[:1] in "&%+$^{(" for t in before):
        return None
    for token in reversed(before):
        for part in reversed(token.strip("_").split("_")):
            word = _word(part)
            if word and word not in FUNCTION_WORDS:
                return word
    return None


def _pattern_words(after: list[str], synsets: dict[str, list[str]]) -> list[str]:
    """The words a pattern's phrase after the verb may be matched by: its first word when
    plain; the plain word after a leading synset; else a lone synset's one-word members."""
    word = _word(after[0])
    if word:
        return [word]
    name = after[0].rstrip("_")
    if name not in synsets:
        return []
    if len(after) > 1:
        following = _word(after[1])
        return [following] if following else []
    return _members(name, synsets, set())


def _members(name: str, synsets: dict[str, list[str]], seen: set[str]) -> list[str]:
    """A synset's one-word members as lemmas, nested synsets ("+&TIETYPES") included; a
    member of several words cannot be one ``word`` condition and is left out."""
    seen.add(name)
    words: list[str] = []
    for member in synsets.get(name, []):
        if member.startswith("&"):
            if member not in seen:
                words.extend(_members(member, synsets, seen))
            continue
        word = _word(member) if len(member.split()) == 1 and "_" not in member.strip("_") else None
        if word and word not in words:
            words.append(word)
    return words


def _read_synsets(text: str) -> dict[str, list[str]]:
    """Every synset of a dictionary ("&CURRENCY" and its "+DOLLARS" lines), wherever it
    stands, since a pattern may name one defined further down."""
    synsets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = _strip_comment(raw.strip())
        if line.startswith("&"):
            current = synsets.setdefault(line.split()[0].rstrip("_"), [])
        elif line.startswith("+") and current is not None:
            current.append(line[1:].strip())
        elif line:
            current = None
    return synsets


def _check_brackets(line: str, path: Path, number: int) -> None:
    if line.count("[") != line.count("]") or line.count("{") != line.count("}"):
        raise KnowledgeBaseError(f"{path}:{number}: unbalanced brackets in {line.strip()!r}")
