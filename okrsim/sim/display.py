"""What a simulation result and a goal seek look like in a notebook: words and rounded numbers.

:func:`render_result` and :func:`render_solve` are the rich displays (``_repr_html_``) of
:class:`~okrsim.sim.result.Result` and :class:`~okrsim.sim.goal_seek.SolveResult`;
:func:`verdict` is the one sentence the dashboard shows too ("Adds up on paper, but only 42%
likely"). Probabilities are percentages, their error is in percentage points and written once,
money is rounded to thousands or millions; every piece of plan text is escaped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from okrsim.i18n import catalog, format_number, format_percent
from okrsim.i18n import table as sentences
from okrsim.i18n.look import card, esc, feedback, probability_tone, table
from okrsim.plan import schema
from okrsim.sim import messages

WORDS = catalog("display", "The simulator's displays speak")
#: A plan that adds up on paper and reaches its target this often is one to commit to.
COMMIT_P = 0.8
#: Below this chance a plan that does not add up on paper is called unlikely, above it lucky.
LUCKY_P = 0.5


def percent(p: float, lang: str) -> str:
    """A probability as a whole percentage ("42%")."""
    return format_percent(p, lang, 0)


def growth(x: float, lang: str) -> str:
    """A growth rate with its sign and one decimal ("+10.0%")."""
    return ("+" if x >= 0 else "") + format_percent(x, lang, 1).replace("-", "−")


def money(amount: float, lang: str, currency: str = "") -> str:
    """An amount rounded to what a person reads: ``12.0M``, ``55k``, ``800``."""
    size = abs(amount)
    if size >= 1e6:
        text = format_number(amount / 1e6, lang, 1) + "M"
    elif size >= 1e4:
        text = format_number(amount / 1e3, lang, 0) + "k"
    else:
        text = format_number(amount, lang, 0)
    return f"{currency}{text}"


def verdict(result: Any, lang: str = "en") -> tuple[str, str]:
    """The one-line verdict on a plan and its tone: on paper and the chance, in one sentence.

    Parameters
    ----------
    result : Result
        A simulation.
    lang : str
        Language of the sentence.

    Returns
    -------
    (str, str)
        The sentence and its tone (the colour follows the chance, never the paper alone: a plan
        that adds up on paper but is 42% likely is not green).
    """
    p = result.p_target
    if result.adds_up:
        key = "sure" if p >= COMMIT_P else "paper_only"
    else:
        key = "lucky" if p >= LUCKY_P else "no"
    return WORDS.say(lang, f"verdict.{key}", p=percent(p, lang)), probability_tone(p)


def p_target_text(result: Any, lang: str = "en") -> str:
    """P(target) once, with its error in percentage points and the trials behind it."""
    return WORDS.say(lang, "result.p_target_value", p=percent(result.p_target, lang),
                     pp=format_number(result.p_target_se * 100, lang, 1),
                     trials=format_number(result.trials, lang))


def rows(result: Any, lang: str = "en") -> list[tuple[str, str]]:
    """The figures of a result as (label, value) pairs of plain text, in reading order."""
    g = result.growth_summary
    currency = getattr(result, "currency", "") or ""
    shown = [
        (WORDS.say(lang, "result.target"), growth(result.target_growth, lang)),
        (WORDS.say(lang, "result.on_paper"), growth(result.on_paper_growth, lang)),
        (WORDS.say(lang, "result.p_target"), p_target_text(result, lang)),
    ]
    for attr, key in (("p_profit", "result.p_profit"), ("p_both", "result.p_both")):
        value = getattr(result, attr, None)
        if value is not None:
            shown.append((WORDS.say(lang, key), percent(value, lang)))
    shown.append((WORDS.say(lang, "result.growth"), WORDS.say(
        lang, "result.growth_value", p10=growth(g["p10"], lang), p50=growth(g["p50"], lang),
        p90=growth(g["p90"], lang))))
    if result.baseline:
        shown.append((WORDS.say(lang, "result.revenue"), WORDS.say(
            lang, "result.revenue_value", baseline=money(result.baseline, lang, currency),
            target=money(result.target, lang, currency))))
    return shown


def _gap(result: Any, lang: str) -> str:
    revenue = (result.gap or {}).get("median_revenue")
    if revenue is None or not math.isfinite(revenue):
        return ""
    currency = getattr(result, "currency", "") or ""
    if revenue > 0:
        hires = result.gap.get("median_hires")
        return WORDS.say(lang, "result.median_gap_short",
                         amount=money(revenue, lang, currency),
                         hires=format_number(hires, lang, 1) if hires is not None else "–")
    return WORDS.say(lang, "result.median_gap_ahead", amount=money(-revenue, lang, currency))


def render_result(result: Any, lang: str = "en") -> str:
    """The HTML of a simulation: one verdict sentence, then its figures in words.

    Parameters
    ----------
    result : Result
        What :func:`okrsim.sim.simulate` returned.
    lang : str
        Language of the labels.

    Returns
    -------
    str
        HTML; ``result.to_dict()`` stays the form for code.
    """
    sentence, tone = verdict(result, lang)
    head = feedback(tone, sentence, (), "okrsim-result-verdict", _gap(result, lang))
    figures = table(["", ""], [(esc(label), f"<b>{esc(value)}</b>")
                               for label, value in rows(result, lang)], "okrsim-result-figures")
    odds = ""
    if result.key_results:
        lines = "".join(
            "<li>" + esc(WORDS.say(lang, "result.kr_line", share=percent(o.p_meets, lang),
                                   id=o.id)) + "</li>" for o in result.key_results.values())
        odds = (f'<details style="margin-top:4px"><summary>'
                f"{esc(WORDS.say(lang, 'result.kr_title'))}</summary><ul>{lines}</ul></details>")
    return card(WORDS.say(lang, "result.title", plan=result.plan), head + figures + odds,
                "okrsim-result")


def solve_sentence(solved: Any, lang: str = "en") -> str:
    """A goal seek's answer in plain words ("For an 80% chance ...: hires, at least 11 ...")."""
    integer = schema.MODEL_FIELDS[solved.path].kind == "count"

    def value_text(x: float) -> str:
        return format_number(x, lang, 0) if integer else format_number(x, lang, 2)

    words = {"description": messages.input_description(solved.path, lang),
             "probability": percent(solved.probability, lang),
             "p": percent(solved.p_target, lang)}
    if not solved.reachable or solved.value is None:
        best = solved.high if solved.direction == "increasing" else solved.low
        return WORDS.say(lang, "solve.unreachable", best=value_text(best), **words)
    return WORDS.say(lang, "solve.found", bound=WORDS.say(lang, f"solve.{solved.direction}"),
                     value=value_text(solved.value), **words)


def render_solve(solved: Any, lang: str = "en") -> str:
    """The HTML of a goal seek: one sentence in plain words, coloured by whether it is reachable."""
    tone = "good" if solved.reachable else "bad"
    return card(WORDS.say(lang, "solve.title"),
                feedback(tone, solve_sentence(solved, lang), (), "okrsim-solve"), "okrsim-solve")


@dataclass(frozen=True)
class Shown:
    """A result as a notebook shows it in one language: HTML, and plain text for terminals."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


def show(result: Any, lang: str = "en") -> Shown:
    """A simulation or goal seek, ready to display in ``lang`` (``show(result, "it")``).

    Parameters
    ----------
    result : Result or SolveResult
    lang : str

    Returns
    -------
    Shown
        Displays as :func:`render_result` / :func:`render_solve`; its plain text is the verdict
        sentence and the figures, one per line.
    """
    if hasattr(result, "growth_summary"):
        sentence, _ = verdict(result, lang)
        lines = [sentence, *(f"{label}: {value}" for label, value in rows(result, lang))]
        return Shown(render_result(result, lang), "\n".join(lines))
    return Shown(render_solve(result, lang), solve_sentence(result, lang))


#: How the columns of the kit's tables are written for people, by kind of number.
SIGNED_SHARES = frozenset({"growth", "on_paper_growth", "growth_p50", "target_growth",
                           "growth_mean", "growth_p10", "growth_p90", "growth_low",
                           "growth_high", "growth_swing"})
SHARES = frozenset({"p_target", "p_target_se", "p_profit", "p_profit_se", "p_both", "p_low",
                    "p_high", "swing"})
AMOUNTS = frozenset({"new_revenue", "retained_base", "existing_reps", "new_hires", "backfills",
                     "recognised_revenue", "profit", "booked", "ending_p50",
                     "median_gap_revenue", "on_paper_profit", "profit_target"})
DECIMALS = frozenset({"median_gap_hires", "seller_months", "starts"})
WHOLE = frozenset({"sellers"})
VALUES = frozenset({"low_value", "high_value", "rank_correlation"})
YES_NO = frozenset({"hits_target", "hits_profit", "hits_both", "adds_up"})


def column_label(name: str, lang: str = "en") -> str:
    """The name people read for a column of the kit's tables, in ``lang``.

    Parameters
    ----------
    name : str
        The column's name for code (``"p_target"``, ``"input:hiring.count"``,
        ``"new_revenue:smb"``).
    lang : str

    Returns
    -------
    str
        ``"P(obiettivo)"``, ``"input: Assunzioni"``, ``"nuovi ricavi (smb)"`` in Italian; a name
        the kit does not know is kept as it is.
    """
    words = messages.TEXT.tables[messages.TEXT.check_lang(lang)]
    kind, _, rest = name.partition(":")
    if rest and kind == "input":
        short = sentences(lang, "charts").get(f"short.{rest}")
        return f"{words['columns.input']}: {short or messages.input_description(rest, lang)}"
    if rest and kind == "new_revenue":
        return f"{words['columns.new_revenue']} ({rest})"
    return words.get(f"columns.{name}", name)


def _cell(name: str, lang: str):
    """How one column's values are written, or ``None`` to keep them as they are."""
    words = messages.TEXT.tables[lang]

    def known(write):
        def cell(x: Any) -> Any:
            if x is None or (isinstance(x, float) and math.isnan(x)):
                return "–"
            return write(x)
        return cell

    if name in SIGNED_SHARES:
        return known(lambda x: growth(float(x), lang))
    if name in SHARES:
        return known(lambda x: format_percent(float(x), lang))
    if name in AMOUNTS:
        return known(lambda x: format_number(float(x), lang))
    if name in DECIMALS:
        return known(lambda x: format_number(float(x), lang, 1))
    if name in WHOLE:
        return known(lambda x: format_number(float(x), lang))
    if name in VALUES:
        return known(lambda x: messages.number(f"{float(x):.3g}", lang))
    if name in YES_NO:
        return known(lambda x: words["columns.yes" if x else "columns.no"])
    return None


def people_table(frame: Any, lang: str = "en") -> Any:
    """A small table of the kit as people read it: named columns, numbers written out.

    For the tables a notebook shows (:func:`~okrsim.sim.scenarios.compare`,
    :func:`~okrsim.sim.checkin.checkin_table`, a sensitivity's ``table``): growth and
    probabilities as percentages, amounts with the language's separators, yes / no, what each
    input means, every column named in ``lang``. The frame itself keeps the code's names and
    numbers (``to_dict`` and the CSV exports stay the same).

    Parameters
    ----------
    frame : pandas.DataFrame
    lang : str, default "en"

    Returns
    -------
    pandas.DataFrame
        A new frame of text cells.
    """
    shown = frame.copy()
    if "input" in shown.columns and "description" in shown.columns:
        shown["description"] = [messages.input_description(path, lang) for path in shown["input"]]
    for name in shown.columns:
        write = _cell(str(name), messages.TEXT.check_lang(lang))
        if write is not None:
            shown[name] = [write(x) for x in shown[name]]
    shown.columns = [column_label(str(c), lang) for c in shown.columns]
    if shown.index.name:
        shown.index.name = column_label(str(shown.index.name), lang)
    return shown
