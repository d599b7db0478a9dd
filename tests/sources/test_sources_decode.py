"""parley.sources.decode: bytes in any encoding a news page uses -> str, or a clear error."""

from __future__ import annotations

import codecs
import gzip
import random
from pathlib import Path

import pytest

from parley.errors import (
    BinaryInput,
    EmptyInput,
    KnowledgeBaseError,
    UndecodableInput,
    UnsupportedFormat,
)
from parley.sources import Document
from parley.sources.decode import (
    CodecTables,
    codec_for_label,
    decode_document,
    decode_text,
    read_charsets,
    with_encoding,
)


@pytest.fixture(scope="module")
def tables() -> CodecTables:
    return CodecTables.load()


# Sentences written for these tests, one per script the decoder must recognise.
KOREAN = (
    "북한과 미국의 실무 협상이 교착 상태에 빠졌다고 외교부 관계자가 월요일 말했다. "
    "양측은 다음 회담 날짜를 아직 정하지 못했다."
)
JAPANESE = (
    "外務省の報道官は月曜日、両国の実務協議が行き詰まっていると述べた。"
    "次の会合の日程はまだ決まっていない。"
)
CHINESE = "外交部发言人星期一表示，两国的工作层谈判陷入僵局，双方尚未确定下一轮会谈的日期。"
FRENCH = (
    "Le porte-parole a déclaré lundi que les négociations étaient « bloquées » à Genève, "
    "où les délégués s'étaient réunis à huis clos."
)
GERMAN = "Der Außenminister äußerte sich über die Gespräche in Köln nicht; Grüße an alle."
ENGLISH_CURLY = (
    "The envoy said the talks were \u201cstuck\u201d and that Pyongyang\u2019s delegation "
    "had gone home \u2014 for now."
)


def decode(data: bytes, content_type: str | None = None) -> str:
    return decode_document(Document(data=data, source="page.html", content_type=content_type))


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (KOREAN, "euc-kr"),
        (KOREAN, "cp949"),
        (JAPANESE, "shift_jis"),
        (CHINESE, "gb18030"),
        (CHINESE, "gb2312"),
        (FRENCH, "cp1252"),
        (GERMAN, "latin-1"),
        (ENGLISH_CURLY, "cp1252"),
        (FRENCH, "utf-8"),
        (KOREAN, "utf-8"),
    ],
)
def test_decode_recognises_undeclared_encodings(text: str, codec: str) -> None:
    assert decode(text.encode(codec)) == text


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (KOREAN, "euc-kr"),
        (JAPANESE, "Shift_JIS"),
        (CHINESE, "GB2312"),
        (GERMAN, "ISO-8859-1"),
        (ENGLISH_CURLY, "windows-1252"),
    ],
)
def test_decode_follows_the_http_charset(text: str, label: str, tables: CodecTables) -> None:
    # Short text: without the header, statistics alone could hesitate.
    short = text[:12]
    codec = codec_for_label(label, tables)
    assert codec is not None
    data = short.encode("cp1252" if codec == "windows-1252-browser" else codec)
    assert decode(data, f"text/html; charset={label}") == short


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="euc-kr">',
        "<meta charset=EUC-KR>",
        '<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">',
    ],
)
def test_decode_reads_meta_charset_in_html(head: str) -> None:
    page = f"<html><head>{head}<title>회담</title></head><body><p>{KOREAN}</p></body></html>"
    assert decode(page.encode("cp949")) == page


def test_decode_reads_the_xml_declaration() -> None:
    page = f'<?xml version="1.0" encoding="Shift_JIS"?>\n<html><body>{JAPANESE}</body></html>'
    assert decode(page.encode("cp932")) == page


def test_decode_header_beats_meta() -> None:
    page = f'<html><head><meta charset="iso-8859-1"></head><body>{KOREAN}</body></html>'
    assert decode(page.encode("cp949"), "text/html; charset=euc-kr") == page


def test_decode_meta_declaring_utf16_in_ascii_bytes_means_utf8() -> None:
    page = f'<html><head><meta charset="utf-16"></head><body>{FRENCH}</body></html>'
    assert decode(page.encode("utf-8")) == page


def test_decode_prefers_utf8_when_latin1_is_declared_but_bytes_are_utf8() -> None:
    # A site converted to UTF-8 whose template still says ISO-8859-1.
    page = f'<html><head><meta charset="iso-8859-1"></head><body>{GERMAN}</body></html>'
    assert decode(page.encode("utf-8")) == page


def test_decode_latin1_label_means_windows_1252_as_in_browsers() -> None:
    # 0x93/0x94 are curly quotes in Windows-1252 but C1 controls in ISO-8859-1 proper;
    # 0x81 is unassigned in Windows-1252 and becomes U+0081, as browsers do.
    data = b"\x93Stuck,\x94 he said. \x81"
    assert decode(data, "text/plain; charset=iso-8859-1") == "\u201cStuck,\u201d he said. \x81"


def test_decode_wrong_multibyte_declaration_falls_back_to_statistics() -> None:
    # Declared Shift_JIS, really GB18030: strict Shift_JIS fails on many bytes.
    data = (CHINESE * 3).encode("gb18030")
    assert decode(data, "text/html; charset=shift_jis") == CHINESE * 3


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_decode_byte_order_marks(codec: str) -> None:
    text = f"{ENGLISH_CURLY}\n{KOREAN}"
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
    }.get(codec, b"")
    data = bom + text.encode(codec)
    assert decode(data) == text


def test_decode_bom_beats_a_wrong_declaration() -> None:
    data = codecs.BOM_UTF8 + FRENCH.encode("utf-8")
    assert decode(data, "text/html; charset=iso-8859-1") == FRENCH


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_decode_bomless_utf16_and_utf32_by_nul_pattern(codec: str) -> None:
    text = "The delegations met in Hanoi on Tuesday; no joint statement followed."
    assert decode(text.encode(codec)) == text


def test_decode_header_utf16_without_bom() -> None:
    assert decode(KOREAN.encode("utf-16-le"), "text/plain; charset=utf-16") == KOREAN


def test_decode_normalises_newlines_and_drops_controls() -> None:
    data = b"\xef\xbb\xbfLine one\r\nLine two\rLine three\x00\x07\x0cLine four\tend"
    assert decode(data) == "Line one\nLine two\nLine three\nLine four\tend"


def test_decode_gzip_bytes_from_the_api() -> None:
    assert decode(gzip.compress(FRENCH.encode("cp1252"))) == FRENCH


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "page.html is empty [E103]"),
        (b" \r\n\t ", "page.html holds only white space [E103]"),
        (codecs.BOM_UTF8, "page.html holds only white space [E103]"),
        (
            codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
            "page.html holds only white space [E103]",
        ),
    ],
)
def test_decode_empty_input(data: bytes, message: str) -> None:
    with pytest.raises(EmptyInput) as err:
        decode(data)
    assert str(err.value) == message


def test_decode_png_with_random_bytes_is_binary() -> None:
    noise = random.Random(7).randbytes(4000)
    with pytest.raises(BinaryInput) as err:
        decode(b"\x89PNG\r\n\x1a\n" + noise)
    assert str(err.value) == "page.html is a PNG image, not a news page (HTML or text) [E104]"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_decode_random_bytes_are_binary(seed: int) -> None:
    with pytest.raises(BinaryInput) as err:
        decode(random.Random(seed).randbytes(5000))
    assert str(err.value) == (
        "page.html holds binary data (NUL or control bytes that no text encoding explains), "
        "not a news page [E104]"
    )


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", UnsupportedFormat,
         "page.html is a PDF document; Parley reads HTML and plain text "
         "(convert it to text first) [E107]"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", UnsupportedFormat,
         "page.html is a ZIP archive (or a .docx/.xlsx/.odt/.epub document, which are ZIP "
         "files); Parley reads HTML and plain text (convert it first) [E107]"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(64), BinaryInput,
         "page.html is an executable (ELF), not a news page (HTML or text) [E104]"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", BinaryInput,
         "page.html is a JPEG image, not a news page (HTML or text) [E104]"),
    ],
)
def test_decode_known_formats_are_named(data: bytes, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as err:
        decode(data)
    assert str(err.value) == message


def test_decode_high_bytes_in_no_encoding_are_undecodable() -> None:
    # Every byte from 0x80 up, over and over: no charset makes language of it.
    with pytest.raises(UndecodableInput) as err:
        decode(bytes(range(0x80, 0x100)) * 20)
    assert str(err.value) == "page.html is text in no encoding Parley can recognise [E105]"


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("EUC-KR", "cp949"),
        ("gbk", "gb18030"),
        ("latin1", "windows-1252-browser"),
        ("Shift_JIS", "cp932"),
        ("euc_kr", "cp949"),
        ("utf8", "utf-8"),
        ("windows-1251", "cp1251"),
        ("no-such-charset", None),
        ("base64", None),
        ("utf-7", None),
    ],
)
def test_decode_codec_for_label(label: str, codec: str | None, tables: CodecTables) -> None:
    assert codec_for_label(label, tables) == codec


def test_decode_unknown_declared_charset_is_ignored() -> None:
    assert decode(FRENCH.encode("utf-8"), "text/html; charset=x-klingon") == FRENCH


def test_decode_charset_table_reports_malformed_line(tmp_path: Path) -> None:
    table = tmp_path / "charsets.tsv"
    table.write_text("# header\nlatin1\twindows-1252-browser\nbroken line\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        read_charsets(table)
    assert "charsets.tsv:3: expected 2 tab-separated fields" in str(err.value)


def test_decode_charset_table_reports_unknown_codec(tmp_path: Path) -> None:
    table = tmp_path / "charsets.tsv"
    table.write_text("euc-kr\tcp9999\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r":1: 'cp9999' is not a codec Python knows"):
        read_charsets(table)


class _NoMatch:
    def best(self) -> None:
        return None


def test_decode_mostly_ascii_page_survives_when_statistics_give_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("charset_normalizer.from_bytes", lambda *a, **k: _NoMatch())
    data = b"The talks stalled again on Monday \x8f\xa4 officials said."
    assert decode(data) == "The talks stalled again on Monday \x8f\u00a4 officials said."
    with pytest.raises(UndecodableInput):
        decode(bytes(range(0x80, 0x100)) * 2)


# A wire story saved as UTF-8 whose copy went through a bad splice: three stray bytes.
SPLICED = (
    "SEOUL — South Korea’s envoy said on Monday that the working-level talks had “stalled” "
    "and that no date had been set for the next round — at least not yet."
).encode()
SPLICED = SPLICED.replace(b"envoy", b"env\x93oy").replace(b"round", b"rou\xe9nd\xff")


def test_decode_mostly_utf8_with_stray_bytes_stays_utf8_with_a_warning() -> None:
    decoded = decode_text(Document(data=SPLICED, source="wire.txt"))
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith("SEOUL — South Korea’s env\ufffdoy")
    assert "вЂ" not in decoded.text
    assert decoded.warnings == (
        "wire.txt is not valid UTF-8 throughout: 3 byte sequences were not decodable and "
        "replaced with U+FFFD (\ufffd)",
    )


def test_decode_one_dash_and_three_stray_bytes_is_still_utf8() -> None:
    # The even split: 3 bytes in a valid sequence, 3 outside. A mostly-ASCII page in a
    # legacy code page makes no valid sequence at all.
    data = (
        "SEOUL — The talks resumed on Monday after a pause of three weeks, officials said."
    ).encode() + b" The envoys \x93met\x94 again \x85"
    decoded = decode_text(Document(data=data, source="wire.txt"))
    assert decoded.text.startswith("SEOUL — The talks")
    assert len(decoded.warnings) == 1


def test_decode_mostly_utf8_beats_a_wrong_legacy_declaration() -> None:
    decoded = decode_text(
        Document(data=SPLICED, source="wire.html", content_type="text/html; charset=windows-1251")
    )
    assert decoded.text.startswith("SEOUL — South Korea’s")
    assert decoded.warnings


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (KOREAN, "euc-kr"),
        (JAPANESE, "shift_jis"),
        (CHINESE, "gb18030"),
        ("Министр заявил в понедельник, что переговоры зашли в тупик. " * 3, "cp1251"),
        (FRENCH, "latin-1"),
    ],
)
def test_decode_legacy_encodings_are_not_taken_for_broken_utf8(text: str, codec: str) -> None:
    decoded = decode_text(Document(data=text.encode(codec), source="page.txt"))
    assert decoded.text == text
    assert decoded.warnings == ()


def test_decode_declared_utf8_with_one_bad_byte_warns() -> None:
    data = ("<p>" + FRENCH + "</p>").encode("utf-8").replace(b"lundi", b"lu\xffndi") * 10
    decoded = decode_text(
        Document(data=data, source="page.html", content_type="text/html; charset=utf-8")
    )
    assert "lu\ufffdndi" in decoded.text
    assert decoded.warnings and "not valid UTF-8" in decoded.warnings[0]


def test_decode_readers_choose_the_codec_once_and_keep_the_warning() -> None:
    document = with_encoding(Document(data=SPLICED, source="wire.txt"))
    assert document.encoding == "utf-8"
    assert len(document.warnings) == 1
    # Decoding again reads the chosen codec and reports the warning once, not twice.
    assert decode_text(document).warnings == document.warnings
