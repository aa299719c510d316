"""Tell English from Italian by counting each language's frequent words."""

from __future__ import annotations

import re
from functools import lru_cache

from okrsim.grading.lexicon import available_languages, load_lexicon

#: Weight of a word that has a language's shape (its suffixes): more than a frequent word,
#: since loan words never have it ("ridotto" in "Time to market ridotto").
SHAPE_WEIGHT = 1.5
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: A digit beside a dot or a comma: only such text is searched for numbers written a language's
#: way (:attr:`~okrsim.grading.lexicon.Lexicon.detect_numbers`).
_DIGIT_SEPARATOR = re.compile(r"\d[.,]\d")
#: An acronym: two capitals or more, standing alone ("AI" of "AI-powered").
_ACRONYM = re.compile(r"(?<!\w)[A-Z]{2,}(?!\w)")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_ITALIAN_ACCENT = re.compile(r"[àèéìòù]\b|\b(?:l|dell|nell|all|dall|sull|un|quest|d)['’]\w",
                             re.IGNORECASE)
#: A character every match of :data:`_ITALIAN_ACCENT` holds: text without one (most English
#: statements) is not searched for the accents and elisions, a slower search.
_ACCENT_OR_APOSTROPHE = re.compile(r"[àèéìòù'’]", re.IGNORECASE)


@lru_cache(maxsize=8192)
def word_evidence(word: str) -> tuple[tuple[str, float], ...]:
    """What one lower-case word says about the language: (code, weight) pairs.

    A frequent word of a language weighs 1 unless another language borrows it ("team" in
    Italian); a word of a language's shape (its suffixes) that no language lists as frequent
    or as a loan ("pizza" in English) weighs :data:`SHAPE_WEIGHT`.
    """
    lexicons = [load_lexicon(lang) for lang in available_languages()]
    # "Supportare il team partner": a word another language borrows is no evidence for its own
    loans = frozenset().union(*(lexicon.loan_words for lexicon in lexicons))
    # "Pizza Hut partner deal": a loan has the shape of its own language, and is no evidence of it
    frequent_anywhere = word in loans or any(word in lexicon.detect_words for lexicon in lexicons)
    evidence = []
    for lexicon in lexicons:
        if word in lexicon.detect_words:
            if word not in loans:
                evidence.append((lexicon.lang, 1.0))
        elif (not frequent_anywhere and lexicon.detect_shape is not None
              and lexicon.detect_shape.fullmatch(word)):
            evidence.append((lexicon.lang, SHAPE_WEIGHT))
    return tuple(evidence)


@lru_cache(maxsize=8192)
def _evidence_as_written(word: str) -> tuple[tuple[str, float], ...]:
    """:func:`word_evidence` of a word as the text writes it ("Aumentare"), looked up once per
    spelling rather than lowered for each statement."""
    return word_evidence(word.lower())


def detect_language(text: str) -> str | None:
    """Guess the language of a statement.

    Parameters
    ----------
    text : str
        The statement.

    Returns
    -------
    str or None
        The code with most evidence: frequent words (loan words and acronyms left out), numbers
        written the language's way and words of the language's shape, which weigh more ("en"
        on a tie, and for Latin-script text with no frequent word, such as "ARR 13M Q3"); None
        when the text is mostly in another alphabet and holds no frequent word of any language.
    """
    counts: dict[str, float] = dict.fromkeys(available_languages(), 0.0)
    # "Deliver Innovative AI Features": an acronym is no word of any language (not Italian
    # "ai"), unless the whole text is in capitals
    acronyms = () if text.isupper() else _ACRONYM.findall(text)
    for word in _WORD.findall(text):
        if acronyms and word in acronyms:
            continue
        for lang, weight in _evidence_as_written(word):
            counts[lang] += weight
    if _DIGIT_SEPARATOR.search(text):  # "€20.000+ raccolti": numbers written the Italian way
        for lang in counts:
            shape = load_lexicon(lang).detect_numbers
            counts[lang] += len(shape.findall(text)) if shape is not None else 0
    if _ACCENT_OR_APOSTROPHE.search(text):
        counts["it"] = counts.get("it", 0) + len(_ITALIAN_ACCENT.findall(text))
    best = max(counts.values(), default=0)
    if best == 0:
        letters = len(_LETTER.findall(text))
        latin = len(_LATIN_LETTER.findall(text))
        return "en" if not letters or latin * 2 >= letters else None
    winners = [lang for lang, n in counts.items() if n == best]
    return "en" if "en" in winners else winners[0]
