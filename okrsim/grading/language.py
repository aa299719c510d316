"""Tell English from Italian by counting each language's frequent words."""

from __future__ import annotations

import re

from okrsim.grading.lexicon import available_languages, load_lexicon

#: Weight of a word that has a language's shape (its suffixes): more than a frequent word,
#: since loan words never have it ("ridotto" in "Time to market ridotto").
SHAPE_WEIGHT = 1.5
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
        The code with most evidence: frequent words (loan words left out) and words of the
        language's shape, which weigh more ("en" on a tie, and for Latin-script text with
        no frequent word, such as "ARR 13M Q3"); None when the text is mostly in another
        alphabet and holds no frequent word of any language.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    lexicons = [load_lexicon(lang) for lang in available_languages()]
    # "Supportare il team partner": a word another language borrows is no evidence for its own
    loans = frozenset().union(*(lexicon.loan_words for lexicon in lexicons))
    counts: dict[str, float] = {}
    for lexicon in lexicons:
        frequent, shape = lexicon.detect_words, lexicon.detect_shape
        counts[lexicon.lang] = sum(1 for w in words if w in frequent and w not in loans) + sum(
            SHAPE_WEIGHT for w in words if shape is not None and w not in frequent
            and shape.fullmatch(w) and not any(w in other.detect_words for other in lexicons))
    counts["it"] = counts.get("it", 0) + len(_ITALIAN_ACCENT.findall(text))
    best = max(counts.values(), default=0)
    if best == 0:
        letters = len(_LETTER.findall(text))
        latin = len(_LATIN_LETTER.findall(text))
        return "en" if not letters or latin * 2 >= letters else None
    winners = [lang for lang, n in counts.items() if n == best]
    return "en" if "en" in winners else winners[0]
