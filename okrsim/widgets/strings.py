"""The words every widget shows, read from ``okrsim/i18n/<lang>/widgets.toml``.

Widgets look words up with :func:`ui_text` instead of writing literals, so a translation is a
change to the language's files only. SMART letters and verdicts come from the glossary
(:func:`okrsim.i18n.term`): one name per concept everywhere in the kit.
"""

from __future__ import annotations

from okrsim.i18n import catalog, check_language, languages, term

#: Who speaks, for the one-sentence error on an unknown language.
SPEAKER = "The widgets speak"
#: Keys looked up in the glossary instead of ``widgets.toml``.
GLOSSARY_PREFIXES = ("criterion.", "verdict.", "term.")


def langs() -> tuple[str, ...]:
    """The languages the widgets speak (every language folder of :mod:`okrsim.i18n`)."""
    return languages()


def check_lang(lang: object) -> str:
    """Return ``lang`` when the widgets speak it, else raise a one-sentence error.

    Parameters
    ----------
    lang : object
        A language code such as ``"en"``.

    Returns
    -------
    str
        The same code.

    Raises
    ------
    OkrsimError
        When the language has no folder in :mod:`okrsim.i18n`.
    """
    return check_language(lang, SPEAKER)


def ui_text(key: str, lang: str = "en", **values: object) -> str:
    """Look up the words for ``key`` in ``lang`` and fill in ``values``.

    Parameters
    ----------
    key : str
        A dotted key of ``widgets.toml`` (``"grader.grade"``) or of the glossary
        (``"criterion.time_bound"``, ``"verdict.met"``).
    lang : str
        A language code.
    **values
        Placeholders of the sentence, e.g. ``n=3`` for ``"{n} finding(s)"``.

    Returns
    -------
    str
        Plain text (not HTML-escaped: escape it where it goes into HTML).
    """
    lang = check_lang(lang)
    if key.startswith(GLOSSARY_PREFIXES):
        return term(lang, key)
    return catalog("widgets", SPEAKER).say(lang, key, **values)
