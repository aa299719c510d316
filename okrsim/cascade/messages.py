"""The sentences of the cascade check, from ``okrsim/i18n/<lang>/cascade.toml``.

:func:`okrsim.check` writes every :class:`~okrsim.cascade.Finding` message and the headings of
:meth:`~okrsim.cascade.CascadeReport.to_text` from these files. Finding codes and severities stay
language-neutral.
"""

from __future__ import annotations

from okrsim.i18n import catalog

_TABLE = catalog("cascade", "The cascade check writes its findings")
#: Languages the cascade check writes.
LANGS: tuple[str, ...] = _TABLE.langs
check_lang = _TABLE.check_lang
say = _TABLE.say


def plural(lang: str, key: str, n: int, **values: object) -> str:
    """``key.one`` when ``n`` is 1, else ``key.many``, with ``n`` and ``values`` filled in."""
    return say(lang, f"{key}.{'one' if n == 1 else 'many'}", n=n, **values)
