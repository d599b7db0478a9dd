"""Decode: a Document's bytes -> the page's text (str).

Adds ``decode_text`` (text, codec and warnings), ``decode_document`` (the text alone) and
``codec_for_label``, each given the ``CodecTables`` it reads (``CodecTables.load()``, once per
pipeline or reader; ``None`` loads them for that one call). The order, first answer wins:
the codec the readers already chose (``Document.encoding``) -> byte order mark -> charset in
the HTTP Content-Type -> <meta charset> / http-equiv / XML declaration in the first 4 KB ->
strict UTF-8 -> mostly UTF-8 (most non-ASCII bytes form UTF-8 sequences: the few others
become U+FFFD, with a warning) -> charset_normalizer statistics. Known non-text formats
(PDF, Office, images, executables) and binary bytes are refused before any decoding.
Declared labels are read as browsers read them (data/charsets.tsv). The text comes back with
newlines as "\\n", no leading BOM, and without the C0 control characters that HTML parsers
refuse.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from pathlib import Path

from parley.datafiles import read_rows
from parley.errors import BinaryInput, EmptyInput, UndecodableInput
from parley.sources.document import Document
from parley.sources.sniff import (
    GZIP_MAGIC,
    MAX_BYTES,
    gunzip,
    looks_binary,
    refuse_known_formats,
    utf16_or_32_by_nuls,
)

__all__ = [
    "CANDIDATES_FILE",
    "CHARSETS_FILE",
    "CodecTables",
    "DecodedText",
    "codec_for_label",
    "decode_document",
    "decode_text",
    "with_encoding",
]

CHARSETS_FILE = Path(__file__).resolve().parent / "data" / "charsets.tsv"
CANDIDATES_FILE = Path(__file__).resolve().parent / "data" / "statistical_candidates.txt"

# Windows-1252 as the WHATWG standard defines it: Python's cp1252 refuses the five bytes it
# leaves unassigned (81 8D 8F 90 9D); browsers map them to the C1 code points of equal value.
BROWSER_1252 = "windows-1252-browser"
_LATIN1_TO_1252 = {
    b: ord(bytes([b]).decode("cp1252", errors="ignore") or chr(b)) for b in range(0x80, 0xA0)
}

# UTF-32 first: its little-endian BOM begins with UTF-16's.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([\w.:+-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:+-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:+-]+)""", re.IGNORECASE)

# A declaration may be slightly wrong (one bad byte in a long page); more than this share of
# replacement characters means it is wrong altogether and the next clue is tried.
_MAX_REPLACED = 0.005

# C0 controls that lxml and most tools refuse, and the two noncharacters they refuse too.
# Vertical tab and form feed are line breaks to a reader, so they become "\n".
# U+FEFF anywhere is a byte order mark left by joining files, not text.
_DROP: dict[int, str | None] = {
    c: None for c in (*range(9), *range(14, 32), 0xFEFF, 0xFFFE, 0xFFFF)
}
_DROP.update({11: "\n", 12: "\n"})

# Python codecs that are not ways of writing a web page: transforms, IDNA, escapes, and
# UTF-7 (browsers dropped it because it smuggles markup past filters).
_NOT_PAGE_CODECS = frozenset(
    {
        "undefined",
        "idna",
        "punycode",
        "unicode-escape",
        "raw-unicode-escape",
        "utf-7",
        "unicode_escape",
        "raw_unicode_escape",
        "mbcs",
        "oem",
        "charmap",
    }
)


@dataclass(frozen=True, slots=True, eq=False)
class CodecTables:
    """The charset labels browsers accept (label -> codec) and the codecs the statistical
    guess may choose among, read from ``data/`` once."""

    charsets: dict[str, str]
    candidates: tuple[str, ...]

    @classmethod
    def load(
        cls, charsets: Path = CHARSETS_FILE, candidates: Path = CANDIDATES_FILE
    ) -> CodecTables:
        """Read both files; a malformed line raises KnowledgeBaseError naming file and line."""
        return cls(read_charsets(charsets), read_candidates(candidates))


def read_charsets(path: Path = CHARSETS_FILE) -> dict[str, str]:
    """Read label<TAB>codec lines; a malformed line names its file and line number."""
    table: dict[str, str] = {}
    for row in read_rows(path, 2):
        label, codec = row.fields
        if codec != BROWSER_1252:
            try:
                codecs.lookup(codec)
            except LookupError as err:
                raise row.fail(f"{codec!r} is not a codec Python knows") from err
        table[label.lower()] = codec
    return table


def read_candidates(path: Path = CANDIDATES_FILE) -> tuple[str, ...]:
    """Read one codec name per line; an unknown codec names its file and line number."""
    names: list[str] = []
    for row in read_rows(path, 1):
        (name,) = row.fields
        try:
            codecs.lookup(name)
        except LookupError as err:
            raise row.fail(f"{name!r} is not a codec Python knows") from err
        names.append(name)
    return tuple(names)


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A page's text, the codec it was read with, and what a reader should know about it."""

    text: str
    encoding: str  # a Python codec name, or "windows-1252-browser"
    warnings: tuple[str, ...] = ()


def decode_document(document: Document, tables: CodecTables | None = None) -> str:
    """The text of a Document's bytes; raises an InputError subclass when there is none."""
    return decode_text(document, tables).text


def decode_text(document: Document, tables: CodecTables | None = None) -> DecodedText:
    """Decode a Document: its text, the codec chosen, and warnings (e.g. bytes replaced).

    A Document whose ``encoding`` the readers already chose is decoded with it (no second
    guess); otherwise the clues are tried in order (see the module's docstring), with the
    codec ``tables`` (None: loaded for this call).
    """
    name = document.source
    data = document.data
    if data.startswith(GZIP_MAGIC):
        # Bytes handed to analyze() directly did not pass through the file readers.
        data = gunzip(data, name, MAX_BYTES)
    if not data:
        raise EmptyInput(f"{name} is empty")
    if document.encoding is not None:
        decoded = DecodedText(_decode(data, document.encoding, "replace"), document.encoding)
    else:
        decoded = _decode_bytes(
            data, name, document.content_type, tables if tables is not None else CodecTables.load()
        )
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n").translate(_DROP)
    if not text.strip():
        raise EmptyInput(f"{name} holds only white space")
    return DecodedText(text, decoded.encoding, (*document.warnings, *decoded.warnings))


def with_encoding(document: Document, tables: CodecTables | None = None) -> Document:
    """The Document with its codec chosen and its decoding warnings attached.

    The readers call it once, so that what decoding noticed (bytes replaced by U+FFFD)
    travels with the Document to the Analysis, and the extractor does not guess again.
    Raises what ``decode_text`` raises: the input is refused as early as it can be.
    """
    decoded = decode_text(document, tables)
    return replace(document, encoding=decoded.encoding, warnings=decoded.warnings)


def codec_for_label(label: str, tables: CodecTables) -> str | None:
    """The codec for a declared charset label, as browsers read it; None if unknown."""
    key = label.strip().strip("\"'").lower()
    table = tables.charsets
    if key in table:
        return table[key]
    if key.replace("_", "-") in table:
        return table[key.replace("_", "-")]
    try:
        info = codecs.lookup(key)
    except LookupError:
        return None
    # base64, zlib, rot13... are registered too but do not turn bytes into text.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_CODECS:
        return None
    return info.name


def _decode_bytes(
    data: bytes, name: str, content_type: str | None, tables: CodecTables
) -> DecodedText:
    refuse_known_formats(data, name)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            # A BOM is the strongest clue there is; a broken byte after it becomes U+FFFD.
            return _replacing(data[len(bom) :], codec, name)

    declared = _declared_codec(content_type, tables)
    if declared is not None and declared.startswith(("utf-16", "utf-32")):
        return _replacing(data, declared, name)
    by_nuls = utf16_or_32_by_nuls(data)
    if by_nuls is not None:
        return _replacing(data, by_nuls, name)
    if looks_binary(data):
        raise BinaryInput(
            f"{name} holds binary data (NUL or control bytes that no text encoding explains), "
            "not a news page"
        )

    if declared is not None and (decoded := _decode_declared(data, declared, name)) is not None:
        return decoded
    meta = _meta_codec(data[:4096], tables)
    if meta is not None and (decoded := _decode_declared(data, meta, name)) is not None:
        return decoded
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        # UTF-8 with a few broken bytes (a bad splice, a truncated character): reading it
        # as a legacy code page would garble every dash and quote ("SEOUL вЂ”") to save
        # three bytes. Replace those bytes and say so.
        return _replacing(data, "utf-8", name)
    return _decode_by_statistics(data, name, tables)


def _replacing(data: bytes, codec: str, name: str) -> DecodedText:
    """Decode with ``codec``, replacing undecodable bytes by U+FFFD, with a warning if any."""
    try:
        return DecodedText(_decode(data, codec, "strict"), codec)
    except UnicodeDecodeError:
        text = _decode(data, codec, "replace")
    return DecodedText(text, codec, (_replaced_warning(name, codec, text),))


def _replaced_warning(name: str, codec: str, text: str) -> str:
    count = text.count("\ufffd")
    what = "1 byte sequence was" if count == 1 else f"{count} byte sequences were"
    return (
        f"{name} is not valid {_codec_label(codec)} throughout: {what} not decodable "
        "and replaced with U+FFFD (\ufffd)"
    )


def _codec_label(codec: str) -> str:
    return "Windows-1252" if codec == BROWSER_1252 else codecs.lookup(codec).name.upper()


def _declared_codec(content_type: str | None, tables: CodecTables) -> str | None:
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return codec_for_label(match.group(1), tables) if match else None


def _meta_codec(head: bytes, tables: CodecTables) -> str | None:
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    codec = codec_for_label(match.group(1).decode("ascii", errors="ignore"), tables)
    if codec is not None and codec.startswith(("utf-16", "utf-32")):
        # Bytes we could read the declaration from as ASCII are not UTF-16: browsers take
        # such a page as UTF-8 (WHATWG "get an encoding" for meta).
        return "utf-8"
    return codec


def _decode_declared(data: bytes, codec: str, name: str) -> DecodedText | None:
    """Decode with a declared codec, or None when the declaration is evidently wrong."""
    if codec != "utf-8" and not data.isascii() and (_is_utf8(data) or _mostly_utf8(data)):
        # Valid UTF-8 with multi-byte characters is almost never text in another encoding:
        # this is a page converted to UTF-8 whose template still declares the old charset.
        return _replacing(data, "utf-8", name)
    try:
        return DecodedText(_decode(data, codec, "strict"), codec)
    except UnicodeError:
        pass
    text = _decode(data, codec, "replace")
    replaced = text.count("\ufffd")
    if replaced <= max(1, len(text) * _MAX_REPLACED):
        return DecodedText(text, codec, (_replaced_warning(name, codec, text),))
    return None


def _decode_by_statistics(data: bytes, name: str, tables: CodecTables) -> DecodedText:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(tables.candidates)).best()
    if best is None:
        if _mostly_ascii(data):
            # A few stray high bytes in an English page: losing them beats refusing the
            # page, and Windows-1252 decodes every byte (as browsers fall back to it).
            return DecodedText(_decode(data, BROWSER_1252, "strict"), BROWSER_1252)
        raise UndecodableInput(f"{name} is text in no encoding Parley can recognise")
    # charset_normalizer names Python codecs; read legacy ones as their browser supersets.
    codec = codec_for_label(best.encoding, tables) or best.encoding
    try:
        return DecodedText(_decode(data, codec, "strict"), codec)
    except (UnicodeError, LookupError):
        return DecodedText(str(best), best.encoding)


def _decode(data: bytes, codec: str, errors: str) -> str:
    if codec == BROWSER_1252:
        # Latin-1 maps every byte to the code point of equal value; then 80-9F take their
        # Windows-1252 meaning. It cannot fail, as in browsers.
        return data.decode("latin-1").translate(_LATIN1_TO_1252)
    return data.decode(codec, errors=errors)


_ASCII = bytes(range(0x80))


def _mostly_ascii(data: bytes) -> bool:
    high = len(data.translate(None, _ASCII))  # what is left once ASCII is deleted
    return high <= len(data) * 0.1


# One well-formed UTF-8 sequence of two to four bytes (RFC 3629: no overlongs, no
# surrogates, nothing past U+10FFFF).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
# Text in a legacy CJK encoding forms valid UTF-8 sequences by chance with up to ~45% of its
# non-ASCII bytes (measured on EUC-KR, Shift_JIS, EUC-JP, GB18030 and Big5 text); Cyrillic
# and Latin code pages with almost none. Real UTF-8 with a few broken bytes is near 100%.
_UTF8_SHARE = 0.75
# In a mostly-ASCII page, legacy text makes no valid sequences at all (a Latin or Cyrillic
# letter is followed by ASCII), so an even split already says UTF-8: "SEOUL — " with one
# dash (3 valid bytes) and 3 stray bytes.
_UTF8_SHARE_MOSTLY_ASCII = 0.5


def _mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII bytes form well-formed UTF-8 sequences (see the shares)."""
    high = len(data.translate(None, _ASCII))
    if not high:
        return False
    valid = sum(len(match) for match in _UTF8_SEQUENCE.findall(data))
    if not valid:
        return False
    share = valid / high
    return share >= _UTF8_SHARE or (_mostly_ascii(data) and share >= _UTF8_SHARE_MOSTLY_ASCII)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
