"""A table of sentences per language, looked up by key (used for the library's own messages)."""

from __future__ import annotations

from okrsim.errors import OkrsimError


class Sentences:
    """Sentences with ``{placeholders}``, one table per language with the same keys.

    Parameters
    ----------
    tables : dict
        ``{language code: {key: sentence}}``.
    speaker : str
        Who writes them, for the error on an unknown language, e.g. ``"The cascade check writes
        its findings"``.
    """

    def __init__(self, tables: dict[str, dict[str, str]], speaker: str):
        self.tables = tables
        self.speaker = speaker

    @property
    def langs(self) -> tuple[str, ...]:
        """The language codes, in table order."""
        return tuple(self.tables)

    def check_lang(self, lang: object) -> str:
        """Return ``lang`` when there is a table for it, else raise a one-sentence error."""
        if lang not in self.tables:
            allowed = " or ".join(repr(x) for x in self.langs)
            raise OkrsimError(f"{self.speaker} in {allowed}; got {lang!r}.")
        return str(lang)

    def say(self, lang: str, key: str, **values: object) -> str:
        """The sentence ``key`` in ``lang`` with ``values`` filled in (plain text, not HTML)."""
        return self.tables[self.check_lang(lang)][key].format(**values)
