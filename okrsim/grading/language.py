"""Tell English from Italian by counting each language's frequent words."""

from __future__ import annotations

import re

from okrsim.grading.lexicon import available_languages, load_lexicon

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_ITALIAN_ACCENT = re.compile(r"[àèéìòù]\b|\b(?:l|dell|nell|all|dall|sull|un|quest|d)['’]\w",
                             re.IGNORECASE)


def detect_language(text: str) -> str | None:
    """Guess the language of a statement.

    Parameters
    ----------
    text : str
        The statement.

    Returns
    -------
    str or None
        The code with most frequent words found ("en" on a tie, and for Latin-script text with
        no frequent word, such as "ARR 13M Q3"); None when the text is mostly in another
        alphabet and holds no frequent word of any language.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    counts = {}
    for lang in available_languages():
        frequent = load_lexicon(lang).detect_words
        counts[lang] = sum(1 for w in words if w in frequent)
    counts["it"] = counts.get("it", 0) + len(_ITALIAN_ACCENT.findall(text))
    best = max(counts.values(), default=0)
    if best == 0:
        letters = len(_LETTER.findall(text))
        latin = len(_LATIN_LETTER.findall(text))
        return "en" if not letters or latin * 2 >= letters else None
    winners = [lang for lang, n in counts.items() if n == best]
    return "en" if "en" in winners else winners[0]
