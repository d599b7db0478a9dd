"""Which language an article is in: writing system first, then py3langid's statistics."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import py3langid
from py3langid import langid

# Scripts that settle the question on their own when they dominate the letters.
_SCRIPTS = (
    ("HANGUL", "ko"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("CJK", "zh"),
    ("CYRILLIC", "ru"),
    ("ARABIC", "ar"),
    ("HEBREW", "he"),
    ("GREEK", "el"),
    ("THAI", "th"),
    ("DEVANAGARI", "hi"),
)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# Below this probability a language other than English is not taken (see ``detect_language``).
MIN_CONFIDENCE = 0.95


def detect_language(text: str, sample: int = 4000) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text."""
    head = text[:sample]
    letters = _LETTER.findall(head)
    if len(letters) < 20:
        return None
    counts: dict[str, int] = {}
    for ch in letters:
        if ch.isascii():
            continue
        name = unicodedata.name(ch, "")
        for script, code in _SCRIPTS:
            if name.startswith(script):
                counts[code] = counts.get(code, 0) + 1
                break
    if counts:
        code, n = max(counts.items(), key=lambda kv: kv[1])
        if n > 0.3 * len(letters):
            # Japanese text mixes kana and kanji; any kana at all means Japanese.
            if code == "zh" and counts.get("ja", 0) > 0.05 * len(letters):
                return "ja"
            return code
    code, confidence = classify_with_confidence(head)
    if code != "en" and confidence < MIN_CONFIDENCE:
        # A sentence or two of English names and verbs ("Kim visited Beijing in March.")
        # reads to the statistics as Maltese, German or Italian with a probability of 0.3 to
        # 0.7, while a real sentence of those languages scores 1.0: undecided, the article
        # is read as English, the language Parley reads, rather than skipped.
        return None
    return code


def classify(text: str) -> str:
    """py3langid's answer, computed over the text's features only.

    ``py3langid.classify`` multiplies the whole feature vector (7,480 counts, uint16) with
    the float32 model, which makes numpy convert the 7,480 x 97 matrix on every call: 4 ms a
    document, more than a sixth of the extraction of a short story. The text has a few hundred
    features at most; the same sum over those rows gives the same answer (a test compares the
    two) in a seventh of the time.
    """
    model = langid.IDENTIFIER
    if model is None or not hasattr(model, "nb_ptc"):  # not loaded yet, or another version
        lang, _score = py3langid.classify(text)
        return str(lang)
    return classify_with_confidence(text)[0]


def classify_with_confidence(text: str) -> tuple[str, float]:
    """``classify``'s answer and its probability among the model's languages (py3langid's
    normalised probability: 1.0 on a sentence of a language, far less on a few names)."""
    model = langid.IDENTIFIER
    if model is None or not hasattr(model, "nb_ptc"):  # not loaded yet, or another version
        lang, _score = py3langid.classify(text)
        model = langid.IDENTIFIER
        if model is None or not hasattr(model, "nb_ptc"):
            return str(lang), 1.0
    features = model.instance2fv(text)
    rows = np.flatnonzero(features)
    scores = features[rows].astype(model.nb_ptc.dtype) @ model.nb_ptc[rows] + model.nb_pc
    best = int(np.argmax(scores))
    # exp(s - max) keeps the sum finite; the best term is 1, so the sum is at least 1.
    total = float(np.exp((scores - scores[best]).astype(np.float64)).sum())
    return str(model.nb_classes[best]), 1.0 / total
