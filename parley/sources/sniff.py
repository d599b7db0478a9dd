"""Sniff: what a page's bytes are before anyone decodes them.

Adds ``MAX_BYTES`` (the per-document cap), ``describe_size`` and ``too_large`` (the size
messages every reader shares), ``gunzip`` (transparent gzip with the cap applied to the
decompressed size, so a gzip bomb is refused), ``refuse_known_formats`` (PDF, Office, images,
executables... by magic bytes) and ``utf16_or_32_by_nuls`` / ``looks_binary`` (NUL-byte
patterns that tell BOM-less UTF-16/32 from binary data).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from typing import Any

from parley.errors import BinaryInput, InputError, InputTooLarge, UnsupportedFormat

__all__ = [
    "GZIP_MAGIC",
    "MAX_BYTES",
    "MAX_LAYERS",
    "describe_size",
    "gunzip",
    "inflate",
    "looks_binary",
    "refuse_known_formats",
    "too_large",
    "utf16_or_32_by_nuls",
]

# 20 MiB: a long news page with inline scripts is a few MB; anything bigger is an archive,
# a dump or a mistake, and would make one worker hold it (and its parse) in memory.
MAX_BYTES = 20 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"
# A page gzip'd, then served gzip-encoded, is two layers; more is a bomb or a mistake.
MAX_LAYERS = 3

# Formats people plausibly hand a news reader, named so the message says what to do.
# (magic prefix, what it is, UnsupportedFormat rather than BinaryInput)
_MAGIC: tuple[tuple[bytes, str, bool], ...] = (
    (b"%PDF-", "a PDF document", True),
    (
        b"PK\x03\x04",
        "a ZIP archive (or a .docx/.xlsx/.odt/.epub document, which are ZIP files)",
        True,
    ),
    (b"PK\x05\x06", "an empty ZIP archive", True),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Microsoft Office document (.doc/.xls/.ppt)",
        True,
    ),
    (b"{\\rtf", "an RTF document", True),
    (b"BZh", "a bzip2-compressed file", True),
    (b"\xfd7zXZ\x00", "an xz-compressed file", True),
    (b"(\xb5/\xfd", "a zstd-compressed file", True),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", True),
    (b"Rar!\x1a\x07", "a RAR archive", True),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", False),
    (b"\xff\xd8\xff", "a JPEG image", False),
    (b"GIF87a", "a GIF image", False),
    (b"GIF89a", "a GIF image", False),
    (b"II*\x00", "a TIFF image", False),
    (b"MM\x00*", "a TIFF image", False),
    (b"\x00\x00\x01\x00", "an icon file", False),
    (b"\x7fELF", "an executable (ELF)", False),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O executable", False),
    (b"\xcf\xfa\xed\xfe", "an executable (Mach-O)", False),
    (b"\xfe\xed\xfa\xcf", "an executable (Mach-O)", False),
    (b"\x00asm", "a WebAssembly module", False),
    (b"SQLite format 3\x00", "an SQLite database", False),
    (b"OggS", "an Ogg audio/video file", False),
    (b"fLaC", "a FLAC audio file", False),
    (b"ID3", "an MP3 audio file", False),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video", False),
)


def describe_size(size: int) -> str:
    """A size as people read it: "512 bytes", "3.5 KB", "52.4 MB" (binary units, like ls -h)."""
    if size < 1024:
        return f"{size} bytes" if size != 1 else "1 byte"
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            value = f"{size / scale:.1f}".removesuffix(".0")
            return f"{value} {unit}"
    raise AssertionError("unreachable")  # pragma: no cover


def too_large(name: str, size: int | None, cap: int) -> InputTooLarge:
    """The one message for every input over the cap; ``size`` None when only a prefix was read."""
    if size is None:
        # Standard input, URLs and gzip output are read up to cap + 1 bytes: no total known.
        return InputTooLarge(
            f"{name} is over Parley's {describe_size(cap)} cap per document "
            "(set --max-bytes to change it)"
        )
    return InputTooLarge(
        f"{name} is {describe_size(size)}, over Parley's {describe_size(cap)} cap per document "
        "(set --max-bytes to change it)"
    )


def gunzip(data: bytes, name: str, max_bytes: int = MAX_BYTES) -> bytes:
    """Decompress gzip data, every layer of it, refusing more than ``max_bytes`` of output.

    A file may be compressed more than once (a .gz page served gzip-encoded, or a bomb made
    of two layers): every layer is inflated by ``inflate``, which stops as soon as its output
    passes the cap, so no layer is ever decompressed whole before the check.
    """
    layers = 0
    while data.startswith(GZIP_MAGIC):
        layers += 1
        if layers > MAX_LAYERS:
            raise InputError(
                f"{name} is compressed more than {MAX_LAYERS} times over; "
                "decompress it first if it is really a page"
            )
        data = inflate((data,), "gzip", name, max_bytes)
    return data


def inflate(chunks: Iterable[bytes], coding: str, name: str, max_bytes: int) -> bytes:
    """Decompress ``chunks`` as they come: ``coding`` "gzip" (every member) or "deflate"
    (zlib-wrapped or raw, as servers send either under that name). Raises InputTooLarge
    once the output passes ``max_bytes``, InputError when the data is damaged or cut short.

    zlib's ``max_length`` bounds each call's output, so a few hundred compressed bytes can
    never become more than ``max_bytes + 1`` bytes in memory.
    """
    what = "gzip-compressed" if coding == "gzip" else "deflate-compressed"
    out = bytearray()
    inflater: Any = None
    try:
        for chunk in chunks:
            data = chunk
            while data:
                if inflater is None:
                    inflater = zlib.decompressobj(_window_bits(coding, data))
                elif inflater.eof:
                    # Another gzip member follows (``cat a.gz b.gz``); NUL padding ends it.
                    if coding != "gzip" or not data.strip(b"\0"):
                        break
                    inflater = zlib.decompressobj(_window_bits(coding, data))
                # The limit is never 0 (zlib's "no limit"): we stop once past the cap.
                out += inflater.decompress(data, max_bytes + 1 - len(out))
                if len(out) > max_bytes:
                    raise too_large(f"{name} (decompressed)", None, max_bytes)
                # Under the cap, zlib consumed all of ``data`` or reached a member's end.
                data = inflater.unused_data if inflater.eof else b""
    except zlib.error as err:
        raise InputError(f"{name} looks {what} but cannot be decompressed ({err})") from err
    if inflater is not None and not inflater.eof:
        raise InputError(f"{name} looks {what} but cannot be decompressed (it is cut short)")
    return bytes(out)


def _window_bits(coding: str, head: bytes) -> int:
    if coding == "gzip":
        return 16 + zlib.MAX_WBITS
    # A zlib header: compression method 8 and a 16-bit value divisible by 31 (RFC 1950).
    zlib_header = len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
    return zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS


def refuse_known_formats(data: bytes, name: str) -> None:
    """Raise UnsupportedFormat/BinaryInput when the bytes start like a known non-text format."""
    head = data[:64]
    # PDF readers accept a little junk before the header; so do we, within the first 1 KB.
    if b"%PDF-" in data[:1024] and not data[: data.find(b"%PDF-")].strip(b" \t\r\n\x00"):
        raise UnsupportedFormat(
            f"{name} is a PDF document; Parley reads HTML and plain text (convert it to text first)"
        )
    for magic, what, is_document in _MAGIC:
        if head.startswith(magic):
            if is_document:
                raise UnsupportedFormat(
                    f"{name} is {what}; Parley reads HTML and plain text (convert it first)"
                )
            raise BinaryInput(f"{name} is {what}, not a news page (HTML or text)")
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        kind = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}
        raise BinaryInput(f"{name} is {kind[head[8:12]]}, not a news page (HTML or text)")
    if head[4:8] == b"ftyp":
        raise BinaryInput(f"{name} is an MP4/QuickTime media file, not a news page (HTML or text)")


def utf16_or_32_by_nuls(data: bytes) -> str | None:
    """The codec of BOM-less UTF-16/32 text in a Latin script, told by where its NULs fall.

    ASCII letters in UTF-16LE are "x\\0x\\0"; in UTF-32LE "x\\0\\0\\0". Text in CJK scripts has
    few NULs and is left to the statistics; this catches the common English/European case.
    """
    sample = data[:4096]
    if len(sample) < 8:
        return None
    quads = len(sample) // 4
    if quads:
        # UTF-32: three NULs in every four bytes for Latin text, high byte first or last.
        le32 = sum(1 for i in range(0, quads * 4, 4) if sample[i + 1 : i + 4] == b"\0\0\0")
        be32 = sum(1 for i in range(0, quads * 4, 4) if sample[i : i + 3] == b"\0\0\0")
        if le32 >= 0.7 * quads:
            return "utf-32-le"
        if be32 >= 0.7 * quads:
            return "utf-32-be"
    pairs = len(sample) // 2
    odd = sum(1 for i in range(1, pairs * 2, 2) if sample[i] == 0)
    even = sum(1 for i in range(0, pairs * 2, 2) if sample[i] == 0)
    if odd >= 0.4 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.4 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


# C0 controls that text files do carry: tab, LF, VT, FF, CR, and ESC (ISO-2022-JP uses it).
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
_BAD_BYTES = bytes(b for b in range(32) if b not in _TEXT_CONTROLS) + b"\x7f"


def looks_binary(data: bytes) -> bool:
    """True when the bytes carry NULs or control bytes that no text encoding explains.

    Call it after the UTF-16/32 checks, whose NULs are text. A stray control byte in a
    scraped page is tolerated (the decoder drops it); random or binary data has ~10%.
    """
    sample = data[:65536]
    if not sample:
        return False
    nuls = sample.count(0)
    bad = len(sample) - len(sample.translate(None, _BAD_BYTES))
    return nuls > max(2, len(sample) // 1000) or bad > max(8, len(sample) // 50)
