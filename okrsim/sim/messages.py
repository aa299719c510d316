"""The simulator's sentences for people, from ``okrsim/i18n/<lang>/simulator.toml``.

The ``[inputs]`` table of each file names every model input; numbers follow the language's
habits (:func:`okrsim.i18n.localize`: a decimal comma in Italian).
"""

from __future__ import annotations

from okrsim.i18n import catalog, localize
from okrsim.plan import finance

#: The sentences with their language check: ``TEXT.say(lang, key, **values)``.
TEXT = catalog("simulator", "The simulator's messages are written")


def input_description(path: str, lang: str = "en") -> str:
    """What the model input ``path`` means, in ``lang``; a segment's input names its segment."""
    split = finance.split_segment_path(path)
    if split is not None:
        return f"{TEXT.say(lang, f'inputs.{split[1]}')} ({split[0]})"
    return TEXT.say(lang, f"inputs.{path}")


def number(text: str, lang: str) -> str:
    """A number already formatted the English way (``"82.2%"``), with the language's marks."""
    return localize(text, TEXT.check_lang(lang))
