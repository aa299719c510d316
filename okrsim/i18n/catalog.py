"""Where the sentences live: one folder per language, one TOML file per part of the kit.

``okrsim/i18n/<lang>/<domain>.toml`` holds the sentences of one domain (``cascade``,
``simulator``, ``glossary``, ...) in one language; ``language.toml`` says how the language writes
numbers. The languages are the folders that have a ``language.toml``: adding a language is adding
one folder with the same files and keys as ``en/`` (a test keeps the keys equal).
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from typing import Any

from okrsim.errors import OkrsimError
from okrsim.i18n.sentences import Sentences

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: The language every other one is checked against, first in every list.
SOURCE_LANGUAGE = "en"


@cache
def languages() -> tuple[str, ...]:
    """The language codes the kit speaks, English first, then alphabetical.

    Returns
    -------
    tuple of str
        Codes of the folders of :mod:`okrsim.i18n` that hold a ``language.toml``.
    """
    root = resources.files("okrsim.i18n")
    found = sorted(p.name for p in root.iterdir() if p.is_dir() and p.joinpath("language.toml")
                   .is_file())
    return tuple(sorted(found, key=lambda code: (code != SOURCE_LANGUAGE, code)))


def domains() -> tuple[str, ...]:
    """The sentence files every language has (the ``.toml`` files of ``en/``)."""
    folder = resources.files("okrsim.i18n").joinpath(SOURCE_LANGUAGE)
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


@cache
def table(lang: str, domain: str) -> dict[str, str]:
    """The sentences of ``domain`` in ``lang``, with nested TOML tables as dotted keys.

    Parameters
    ----------
    lang : str
        A code from :func:`languages`.
    domain : str
        A file name without ``.toml``, e.g. ``"cascade"``.

    Returns
    -------
    dict
        ``{key: sentence}``.
    """
    check_language(lang)
    path = resources.files("okrsim.i18n").joinpath(lang, f"{domain}.toml")
    try:
        return _flatten(tomllib.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise OkrsimError(f"The sentences '{domain}' have no file for language {lang!r}; "
                          f"add okrsim/i18n/{lang}/{domain}.toml.") from None


def check_language(lang: object, speaker: str = "The kit speaks") -> str:
    """Return ``lang`` when the kit speaks it, else raise one plain sentence.

    Parameters
    ----------
    lang : object
        A language code such as ``"it"``.
    speaker : str
        The start of the error sentence, e.g. ``"The widgets speak"``.

    Returns
    -------
    str
    """
    if lang not in languages():
        allowed = " or ".join(repr(x) for x in languages())
        raise OkrsimError(f"{speaker} {allowed}; got {lang!r}.")
    return str(lang)


@cache
def catalog(domain: str, speaker: str) -> Sentences:
    """The :class:`Sentences` of ``domain`` in every language.

    Parameters
    ----------
    domain : str
        A sentence file name, e.g. ``"cascade"``.
    speaker : str
        Who writes them, for the error on an unknown language, e.g. ``"The cascade check writes
        its findings"``.

    Returns
    -------
    Sentences
    """
    return Sentences({lang: table(lang, domain) for lang in languages()}, speaker)


def term(lang: str, key: str) -> str:
    """One glossary term in ``lang``, e.g. ``term("it", "criterion.time_bound")``.

    Parameters
    ----------
    lang : str
        A language code.
    key : str
        A dotted key of ``glossary.toml``: ``criterion.<letter>``, ``verdict.<verdict>`` or
        ``term.<concept>``.

    Returns
    -------
    str
    """
    return table(lang, "glossary")[key]
