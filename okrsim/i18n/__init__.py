"""Every user-facing sentence of the kit, per language, from files; numbers; one glossary.

- :func:`catalog` -- the :class:`Sentences` of one part of the kit
  (``okrsim/i18n/<lang>/<domain>.toml``).
- :func:`languages` -- the languages found on disk (a new language is a new folder).
- :func:`term` -- one glossary term (one name per SMART letter, verdict and concept).
- :func:`format_number`, :func:`format_percent`, :func:`localize` -- the language's decimal mark.
"""

from __future__ import annotations

from okrsim.i18n.catalog import catalog, check_language, domains, languages, table, term
from okrsim.i18n.numbers import format_number, format_percent, localize, marks
from okrsim.i18n.sentences import Sentences

__all__ = [
    "Sentences",
    "catalog",
    "check_language",
    "domains",
    "format_number",
    "format_percent",
    "languages",
    "localize",
    "marks",
    "table",
    "term",
]
