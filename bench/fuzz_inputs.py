"""The inputs of the pipeline fuzzer (``scripts/fuzz.py``) and of its CI slice
(``tests/test_fuzz_pipeline.py``), and the contract every Analysis must keep.

Kinds of input (``KINDS``, with their weights): random news-like text with edge publication
dates (0001-01-01, 9999-12-31, malformed strings) given by the caller and printed in the page;
upper-case pronouns ("John Smith said HE would go."); JSON-LD nested 1,000 levels and more;
long and deeply nested HTML; random bytes and text in many encodings; gzip and double gzip;
and mutations (byte flips, truncation, duplicated spans, inserted quotation marks) of real
pages (trafilatura's evaluation pages and KCNA stories from the gold data folder, see its
README) or, when the data is absent, of built-in templates.

Input i of seed S is made by ``random.Random(f"{S}:{i}")`` alone: any one input can be made
again without the others. Only the standard library and ``parley`` are imported here.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parley.records import Analysis
from parley.sources import Document

EDGE_DATES = ("0001-01-01", "9999-12-31", "0000-00-00", "2018-13-45", "2018-02-30", "yesterday",
              "", "  ", "NaN", "1799-12-31", "2201-01-01", "1800-01-01", "2200-12-31T23:59:59",
              "2018-11-12T17:37:00+09:00", "2018-11-12T25:61:00", "+002018-11-12", "12/11/2018",
              "2018-11-12T17:37:00+99:00", "\x00", "2018-W45", "１９９９-０１-０１")
GIVEN_DATES = (None, None, None, "2018-11-12", "2018-11-12T17:37:00+09:00", "0001-01-01",
               "9999-12-31", "1800-01-01", "2200-12-31")
CONTENT_TYPES = (None, None, "text/html", "text/plain", "text/plain; charset=utf-8",
                 "text/html; charset=euc-kr", "application/octet-stream", "text/html; charset=",
                 'text/html; charset="bogus', "application/pdf", "text/xml")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1",
             "shift_jis", "euc-kr", "gb18030", "koi8-r", "cp437", "big5", "iso-8859-7")

_NAMES = ("John Smith", "Mary Kim", "Kim Jong Un", "Mike Pompeo", "Moon Jae-in", "Xi Jinping",
          "the United Nations", "North Korea", "the State Department", "Ri Yong Ho", "NATO")
_PRONOUNS = ("HE", "SHE", "THEY", "IT", "HIS", "HER", "WE", "I", "YOU", "US", "THEM")
_VERBS = ("said", "told reporters", "warned", "denied", "announced", "claimed", "SAID")
_CLAUSES = ("{p} would go to Pyongyang next week", "{p} had met the envoy on Monday",
            "the talks were stuck", "sanctions would stay until 2019", "{p} WILL NOT ATTEND",
            "nothing was agreed on 12 November", "{p} condemned the missile launch")
_WEIRD = ("\u201c", "\u201d", '"', "'", "\u2018", "\u2019", "«", "»", "\u00a0", "\u200b",
          "\u2028", "\ufeff", "\x00", "\r", "\t", "…", "—", "&amp;", "<", ">", "\ud800", "😀")


@dataclass(frozen=True)
class FuzzInput:
    index: int
    kind: str
    data: bytes
    content_type: str | None = None
    published: str | None = None  # a publication time given by the caller

    @property
    def name(self) -> str:
        return f"{self.kind}#{self.index}"

    def document(self) -> Document:
        return Document(self.data, self.name, content_type=self.content_type)


# ---------------------------------------------------------------------- text pieces ---
def raw(text: str) -> bytes:
    """UTF-8, keeping lone surrogates as the bytes of invalid UTF-8 (on purpose)."""
    return text.encode("utf-8", "surrogatepass")


def sentence(rng: random.Random) -> str:
    name, verb = rng.choice(_NAMES), rng.choice(_VERBS)
    clause = rng.choice(_CLAUSES).format(p=rng.choice(_PRONOUNS))
    if rng.random() < 0.25:
        return f"\u201c{clause[0].upper()}{clause[1:]},\u201d {name} {verb}."
    return f"{name} {verb} that {clause}."


def news_text(rng: random.Random, paragraphs: int) -> str:
    paras = [" ".join(sentence(rng) for _ in range(rng.randint(1, 5))) for _ in range(paragraphs)]
    if rng.random() < 0.3:  # sprinkle awkward characters
        paras = ["".join(c + rng.choice(_WEIRD) if rng.random() < 0.02 else c for c in p)
                 for p in paras]
    return "\n\n".join(paras)


def scraped_page(rng: random.Random, body: str, stamp: str | None) -> str:
    head = [rng.choice(["Talks stall again", "NEWS ANALYSIS", "Envoys meet in Geneva", ""])]
    if stamp is not None:
        head.append(rng.choice(["Posted : {s} 17:37", "Published {s}", "{s}", "Updated: {s}"])
                    .format(s=stamp))
    if rng.random() < 0.5:
        head.append(rng.choice(["By Kim Ji-eun", "By STAFF REPORTER", "By"]))
    return "\n\n".join([*head, body])


def html_page(rng: random.Random, body: str, stamp: str | None, extra_head: str = "") -> str:
    meta = f'<meta property="article:published_time" content="{stamp}">' if stamp else ""
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    time_tag = f'<time datetime="{stamp}">{stamp}</time>' if stamp and rng.random() < 0.5 else ""
    return (f"<!DOCTYPE html><html><head><title>Talks stall</title>{meta}{extra_head}</head>"
            f"<body><nav>Home | World</nav><article><h1>Talks stall</h1>{time_tag}{paras}"
            f"</article><footer>© 2018</footer></body></html>")


# ----------------------------------------------------------------------- the kinds ---
def make_text_dates(rng: random.Random, _: Corpus) -> tuple[bytes, str | None, str | None]:
    body = news_text(rng, rng.randint(1, 6))
    stamp = rng.choice(EDGE_DATES)
    if rng.random() < 0.5:
        return raw(html_page(rng, body, stamp)), "text/html", rng.choice(GIVEN_DATES)
    return raw(scraped_page(rng, body, stamp)), "text/plain", rng.choice(GIVEN_DATES)


def make_pronouns(rng: random.Random, _: Corpus) -> tuple[bytes, str | None, str | None]:
    lines = [f"{rng.choice(_NAMES)} said {rng.choice(_PRONOUNS)} would go." for _ in range(5)]
    text = " ".join(lines) + "\n\n" + news_text(rng, 2)
    if rng.random() < 0.3:
        text = text.upper()
    return raw(text), rng.choice(("text/plain", None)), rng.choice(GIVEN_DATES)


def make_deep_jsonld(rng: random.Random, _: Corpus) -> tuple[bytes, str | None, str | None]:
    depth = rng.choice((1_000, 1_000, 3_000, 20_000))
    stamp = json.dumps(rng.choice(EDGE_DATES))
    inner = f'{{"@type": "NewsArticle", "datePublished": {stamp}, "headline": "Talks"}}'
    opener, closer = rng.choice((('{"a": ', "}"), ("[", "]"), ('{"@graph": [', "]}")))
    deep = opener * depth + inner + closer * depth
    if rng.random() < 0.3:
        deep = deep[: rng.randint(1, len(deep))]  # unterminated
    script = f'<script type="application/ld+json">{deep}</script>'
    return raw(html_page(rng, news_text(rng, 3), None, script)), "text/html", None


def make_nested_html(rng: random.Random, _: Corpus) -> tuple[bytes, str | None, str | None]:
    depth = rng.choice((100, 1_000, 5_000, 20_000))
    tag = rng.choice(("div", "span", "table", "b", "blockquote", "li"))
    text = news_text(rng, 2)
    closing = f"</{tag}>" * depth if rng.random() < 0.7 else ""
    page = f"<html><body>{f'<{tag}>' * depth}<p>{text}</p>{closing}</body></html>"
    return raw(page), rng.choice(("text/html", None)), None


def make_long_html(rng: random.Random, _: Corpus) -> tuple[bytes, str | None, str | None]:
    body = news_text(rng, rng.choice((50, 200, 800)))
    page = html_page(rng, body, rng.choice(("2018-11-12", None)))
    if rng.random() < 0.3:
        page = page.replace("<p>", "<p>" + "<i>" * 50)  # unclosed inline tags everywhere
    return raw(page), "text/html", None


def make_encoded(rng: random.Random, _: Corpus) -> tuple[bytes, str | None, str | None]:
    if rng.random() < 0.3:
        data = rng.randbytes(rng.choice((1, 16, 512, 20_000)))
        return data, rng.choice(CONTENT_TYPES), None
    pieces = [news_text(rng, 2), "북한과 미국의 협상", "外務省の報道官", "Министр заявил",
              "Ο υπουργός δήλωσε", "الوزير قال", "".join(chr(rng.randint(32, 0x2FFF))
                                                          for _ in range(200))]
    text = "\n\n".join(rng.sample(pieces, rng.randint(1, len(pieces))))
    if rng.random() < 0.5:
        text = html_page(rng, text, None)
    encoding = rng.choice(ENCODINGS)
    return text.encode(encoding, errors="replace"), rng.choice(CONTENT_TYPES), None


def make_gzip(rng: random.Random, corpus: Corpus) -> tuple[bytes, str | None, str | None]:
    data, content_type, published = rng.choice(
        (make_text_dates, make_real, make_pronouns))(rng, corpus)
    data = gzip.compress(data, mtime=0)
    if rng.random() < 0.5:
        data = gzip.compress(data, mtime=0)  # double gzip, as misconfigured servers send
    if rng.random() < 0.15:
        data = data[: rng.randint(1, len(data))]  # a cut-off download
    return data, content_type, published


def make_real(rng: random.Random, corpus: Corpus) -> tuple[bytes, str | None, str | None]:
    data, content_type = corpus.page(rng)
    return data, content_type, rng.choice(GIVEN_DATES)


def make_mutated(rng: random.Random, corpus: Corpus) -> tuple[bytes, str | None, str | None]:
    data, content_type = corpus.page(rng)
    for _ in range(rng.randint(1, 4)):
        data = rng.choice(MUTATIONS)(rng, data)
    return data, content_type, rng.choice(GIVEN_DATES)


# ---------------------------------------------------------------------- mutations ---
def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if buf:
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randint(0, len(data))]


def duplicate_span(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.randint(1, 5_000))
    at = rng.randrange(len(data))
    return data[:at] + data[start:end] * rng.randint(1, 20) + data[at:]


def insert_quotes(rng: random.Random, data: bytes) -> bytes:
    marks = ('"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "«", "»", '""', "\u201c\u201c")
    buf = data
    for _ in range(rng.randint(1, 30)):
        at = rng.randint(0, len(buf))
        buf = buf[:at] + rng.choice(marks).encode() + buf[at:]
    return buf


MUTATIONS: tuple[Callable[[random.Random, bytes], bytes], ...] = (
    flip_bytes, truncate, duplicate_span, insert_quotes)


# ------------------------------------------------------------------------ real pages ---
@dataclass
class Corpus:
    """Real pages to mutate: trafilatura's evaluation pages (HTML) and KCNA stories (made into
    scraped-text pages), or built-in templates when the data folder is absent."""

    html_paths: list[Path] = field(default_factory=list)
    stories: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def load(cls, data_dir: Path | None) -> Corpus:
        if data_dir is None or not data_dir.is_dir():
            return cls()
        root = data_dir / "extraction" / "trafilatura-eval"
        html = sorted(root.glob("cache/*.html")) + sorted(root.glob("eval/*.html"))
        stories: list[dict[str, str]] = []
        kcna = data_dir / "corpus" / "kcna-marquez" / "kcna-stories-2011-10-to-2012-06.jsonl"
        if kcna.is_file():
            with kcna.open(encoding="utf-8") as lines:
                stories = [json.loads(line) for line, _ in zip(lines, range(2_000), strict=False)]
        return cls(html, stories)

    @property
    def real(self) -> bool:
        return bool(self.html_paths or self.stories)

    def page(self, rng: random.Random) -> tuple[bytes, str | None]:
        choice = rng.random()
        if self.html_paths and choice < 0.5:
            return rng.choice(self.html_paths).read_bytes(), rng.choice(("text/html", None))
        if self.stories and choice < 0.9:
            story = rng.choice(self.stories)
            text = f"{story['title']}\n\nPyongyang, {story['date']} (KCNA)\n\n{story['text']}"
            return text.encode("utf-8"), rng.choice(("text/plain", None))
        return template_page(rng)


def template_page(rng: random.Random) -> tuple[bytes, str | None]:
    body = news_text(rng, rng.randint(3, 10))
    if rng.random() < 0.5:
        return raw(html_page(rng, body, "2018-11-12T17:37:00+09:00")), "text/html"
    return raw(scraped_page(rng, body, "2018-11-12 17:37")), "text/plain"


Maker = Callable[[random.Random, Corpus], tuple[bytes, str | None, str | None]]
KINDS: dict[str, tuple[Maker, int]] = {  # name: (maker, weight)
    "text-dates": (make_text_dates, 20),
    "pronouns": (make_pronouns, 10),
    "deep-jsonld": (make_deep_jsonld, 5),
    "nested-html": (make_nested_html, 5),
    "long-html": (make_long_html, 3),
    "encoded": (make_encoded, 15),
    "gzip": (make_gzip, 7),
    "real": (make_real, 5),
    "mutated": (make_mutated, 30),
}


def make_input(
    seed: int, index: int, corpus: Corpus, skip: frozenset[str] = frozenset()
) -> FuzzInput:
    """Input ``index`` of ``seed``, made from its own generator (deterministic on its own);
    ``skip`` leaves out kinds (the CI slice leaves out the seconds-long pages)."""
    rng = random.Random(f"{seed}:{index}")
    names = [name for name in KINDS if name not in skip]
    kind = rng.choices(names, weights=[KINDS[n][1] for n in names])[0]
    data, content_type, published = KINDS[kind][0](rng, corpus)
    if rng.random() < 0.1:
        content_type = rng.choice(CONTENT_TYPES)  # a wrong or odd header now and then
    return FuzzInput(index, kind, data, content_type, published)


def generate(
    seed: int, count: int, corpus: Corpus, start: int = 0, skip: frozenset[str] = frozenset()
) -> Iterator[FuzzInput]:
    for index in range(start, start + count):
        yield make_input(seed, index, corpus, skip)


# --------------------------------------------------------------------- the checks ---
def contract_problems(result: Analysis) -> list[str]:
    """Where an Analysis breaks the contract (offsets into article.text, JSON output)."""
    text = result.article.text
    problems: list[str] = []

    def span(what: str, start: int, end: int, expected: str | None = None) -> None:
        if not 0 <= start <= end <= len(text):
            problems.append(f"{what} [{start}, {end}] outside the text ({len(text)} chars)")
        elif expected is not None and text[start:end] != expected:
            problems.append(f"{what} [{start}, {end}] is {text[start:end]!r}, not {expected!r}")

    for entity in result.entities:
        for mention in entity.mentions:
            span(f"mention of {entity.id}", mention.start, mention.end, mention.text)
    for timex in result.timexes:
        span("timex", timex.start, timex.end, timex.text)
    for quote in result.quotes:
        span(f"quote {quote.id}", quote.start, quote.end)
        for start, end in quote.fragments:
            span(f"fragment of {quote.id}", start, end)
    for event in result.events:
        span(f"event {event.id}", event.start, event.end, event.sentence)
        span(f"trigger of {event.id}", *event.trigger)
    try:
        json.loads(result.to_json())
    except (TypeError, ValueError) as err:
        problems.append(f"to_json: {type(err).__name__}: {err}")
    return problems


