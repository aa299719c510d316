"""Plan-file problems recorded as a sentence key and its values, said in any language.

A validator does not write English: it records *which* sentence of
``okrsim/i18n/<lang>/plan_errors.toml`` applies and the values to fill in, as a :class:`Said`.
A :class:`Said` is a ``str`` holding the English sentence (so every list of problems stays a list
of plain sentences, as before) that can be said again in another language with
:meth:`Said.say`. Places (``"plan.yaml: objective 'sales', key result 'kr-1'"``) are
:class:`Said` too, so a whole problem, its place included, changes language at once.

>>> where = place("place.objective", source="p.yaml", id="'sales'")
>>> p = problem("loader.text_missing", where=where + ": owner")
>>> print(p)
p.yaml: objective 'sales': owner is missing; it must be a short text.
>>> print(p.say("it"))
p.yaml: obiettivo 'sales': owner: manca; scrivi un testo breve.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from okrsim.errors import PlanError
from okrsim.i18n import catalog, localize

#: The sentences of plan-file problems, per language.
TEXT = catalog("plan_errors", "Plan-file problems are written")


@dataclass(frozen=True)
class _Sentence:
    key: str
    values: tuple[tuple[str, Any], ...]
    domain: str = "plan_errors"


@dataclass(frozen=True)
class Num:
    """A number written with a format spec, in each language's marks (``Num(0.5) -> "0,5"``)."""

    value: float
    spec: str = "g"

    def say(self, lang: str) -> str:
        """The number in ``lang``'s decimal mark and thousands separator."""
        return localize(format(self.value, self.spec), lang)


def _render(part: Any, lang: str) -> str:
    if isinstance(part, _Sentence):
        sentences = TEXT if part.domain == "plan_errors" else catalog(part.domain, TEXT.speaker)
        return sentences.say(lang, part.key, **{k: _render(v, lang) for k, v in part.values})
    if isinstance(part, (Said, Num)):
        return part.say(lang)
    return str(part)


class Said(str):
    """A sentence (or a part of one) in English that can be said in any language of the kit.

    Build one with :func:`problem` or :func:`place`; join places with ``+`` (``where + ".sd"``
    stays a :class:`Said`, an f-string would not).
    """

    parts: tuple[Any, ...]

    def __new__(cls, *parts: Any) -> Said:
        """Join ``parts`` (text, sentences, numbers, other :class:`Said`) into one."""
        said = super().__new__(cls, "".join(_render(p, "en") for p in parts))
        said.parts = parts
        return said

    def say(self, lang: str) -> str:
        """The same text in ``lang`` (a plain ``str``).

        Parameters
        ----------
        lang : str
            A language code such as ``"it"``.

        Returns
        -------
        str
        """
        TEXT.check_lang(lang)
        return "".join(_render(p, lang) for p in self.parts)

    def __add__(self, other: object) -> Said:
        return Said(self, other)

    def __radd__(self, other: object) -> Said:
        return Said(other, self)


def problem(key: str, **values: Any) -> Said:
    """The sentence ``key`` of ``plan_errors.toml`` with ``values``, sayable in every language.

    Parameters
    ----------
    key : str
        A dotted key of ``plan_errors.toml``, e.g. ``"loader.text_missing"``.
    **values
        Texts, :class:`Num` numbers or other :class:`Said` parts for the sentence's placeholders.

    Returns
    -------
    Said
    """
    return Said(_Sentence(key, tuple(values.items())))


#: A place is worded like a problem (``place.objective`` -> "objective 'x'"); the same builder.
place = problem


def input_description(path: str) -> Said:
    """What the model input ``path`` means, in every language (``simulator.toml`` ``[inputs]``)."""
    return Said(_Sentence(f"inputs.{path}", (), "simulator"))


#: Type names a file's values can have, said in each language (``kind.<name>``).
_KINDS = frozenset({"dict", "list", "str", "int", "float", "bool", "NoneType", "date", "datetime"})


def kind_of(value: Any) -> Said | str:
    """The type of ``value`` as a word: ``"list"`` in English, ``"una lista"`` in Italian."""
    name = type(value).__name__
    return problem(f"kind.{name}") if name in _KINDS else name


def alternatives(items: Sequence[str]) -> Said:
    """``"'a', 'b' or 'c'"`` in each language (the items are code names, never translated)."""
    quoted = [repr(item) for item in items]
    if len(quoted) < 2:
        return Said(*quoted)
    return problem("word.or", head=", ".join(quoted[:-1]), last=quoted[-1])


def say_all(problems: Iterable[str], lang: str) -> list[str]:
    """Every problem in ``lang``: :class:`Said` ones are said again, plain ones kept as written."""
    return [p.say(lang) if isinstance(p, Said) else str(p) for p in problems]


def message_in(error: BaseException, lang: str) -> str:
    """An error's message in ``lang`` when it was recorded as a :class:`Said`, else as written.

    Parameters
    ----------
    error : BaseException
        Usually an :class:`~okrsim.errors.OkrsimError`.
    lang : str

    Returns
    -------
    str
    """
    if isinstance(error, PlanError):
        return str(plan_error(error.problems, lang))
    said = error.args[0] if error.args else None
    return said.say(lang) if isinstance(said, Said) else str(error)


def plan_error(problems: Sequence[str], lang: str = "en") -> PlanError:
    """A :class:`~okrsim.errors.PlanError` whose problems and message are in ``lang``.

    Parameters
    ----------
    problems : sequence of str
        At least one problem (:class:`Said` or plain text).
    lang : str, default "en"

    Returns
    -------
    PlanError
        ``problems`` holds one sentence per problem in ``lang``; the message is the first one,
        with "(and N more problems)" in that language when there are more. In English the
        sentences stay :class:`Said`, so a caller can still say them in another language
        (:func:`say_all`).
    """
    if TEXT.check_lang(lang) == "en":
        return PlanError(list(problems))
    sentences = say_all(problems, lang)
    more = len(sentences) - 1
    if not more:
        return PlanError(sentences)
    key = "error.more_one" if more == 1 else "error.more_many"
    return PlanError(sentences, message=f"{sentences[0]} {TEXT.say(lang, key, count=more)}")
