"""``okrsim report``: one self-contained page for a CFO, printable to PDF from a browser.

The verdict in one sentence, on paper against Monte Carlo, the growth histogram with the target,
ARR month by month, the tornado, the revenue bridge, each key result's own odds, the gap in
revenue and in hires, and the assumptions. Charts are inline PNG (``data:`` URLs): the page loads
nothing from anywhere else. Plan text is escaped.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path
from typing import Any

from okrsim.errors import OkrsimError
from okrsim.i18n import format_number, format_percent
from okrsim.plan import Plan
from okrsim.plots.simulation import (
    contribution_waterfall,
    fan_chart,
    growth_histogram,
    short_name,
    tornado,
)
from okrsim.plots.units import Units
from okrsim.reports.facts import (
    TEXT,
    ending_values,
    format_input,
    input_rows,
    key_result_rows,
)

#: Trials per setting of the tornado, at most (each input is run twice).
SENSITIVITY_TRIALS = 4_000
#: P(target) from which a plan that adds up on paper is called one to back.
LIKELY = 0.8

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2b36;
       max-width: 56rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 1.6rem; border-bottom: 1px solid #c9d3da; }
.subtitle { color: #4a5a66; margin-top: 0; }
.verdict { font-size: 1.15rem; padding: .8rem 1rem; border-left: .4rem solid #264653;
           background: #eef3f5; }
.verdict.bad { border-color: #b03a2e; background: #fbeeec; }
.verdict.good { border-color: #1e7b70; background: #e9f5f3; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e1e7eb;
         vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figure img { width: 100%; height: auto; }
.note { color: #4a5a66; font-size: .85rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
@page { size: A4; margin: 15mm; }
"""


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _figure(fig: Any, alt: str) -> str:
    data = base64.b64encode(fig.png(2)).decode("ascii")
    width = round(fig.get_figwidth() * 100)
    return (f'<figure><img alt="{_esc(alt)}" width="{width}" '
            f'src="data:image/png;base64,{data}"></figure>')


def verdict(result: Any, lang: str = "en") -> tuple[str, str]:
    """The verdict sentence and its tone (``"good"``, ``"mixed"``, ``"bad"``)."""
    words = {"paper": _signed(result.on_paper_growth, lang),
             "target": _signed(result.target_growth, lang),
             "p": format_percent(result.p_target, lang, 0)}
    if not result.adds_up:
        return TEXT.say(lang, "verdict.short", **words), "bad"
    if result.p_target >= LIKELY:
        return TEXT.say(lang, "verdict.likely", **words), "good"
    return TEXT.say(lang, "verdict.unlikely", **words), "mixed"


def _signed(x: float, lang: str) -> str:
    text = format_percent(x, lang, 1)
    return "+" + text if x > 0 else text


def gap_sentences(result: Any, units: Units, lang: str = "en") -> list[str]:
    """The gap of the plan on paper and of the median year, in revenue and in hires."""
    out = []
    for who, key in (("who.paper", "on_paper"), ("who.median", "median")):
        revenue = result.gap[f"{key}_revenue"]
        hires = result.gap[f"{key}_hires"]
        words = {"who": TEXT.say(lang, who), "revenue": units.money(abs(revenue), lang, False)}
        if hires is None:
            side = TEXT.say(lang, "side.short" if revenue > 0 else "side.ahead")
            out.append(TEXT.say(lang, "gap.no_hires", side=side, **words))
        else:
            out.append(TEXT.say(lang, "gap.short" if revenue > 0 else "gap.ahead",
                                hires=format_number(abs(hires), lang, 1), **words))
    return out


def _paper_vs_mc(result: Any, units: Units, lang: str) -> str:
    ending = ending_values(result)
    rows = [
        (TEXT.say(lang, "label.target_growth"), _signed(result.target_growth, lang),
         _signed(result.target_growth, lang)),
        (TEXT.say(lang, "label.growth_p50"), _signed(result.on_paper_growth, lang),
         _signed(result.growth_summary["p50"], lang)),
        (TEXT.say(lang, "label.ending_p50"),
         units.money(result.baseline * (1 + result.on_paper_growth), lang, False),
         units.money(float(_median(ending)), lang, False)),
        (TEXT.say(lang, "label.p_target"), TEXT.say(lang, "yes" if result.adds_up else "no"),
         f"{format_percent(result.p_target, lang, 1)} ± "
         f"{format_number(result.p_target_se * 100, lang, 1)}"),
    ]
    head = (f"<tr><th>{_esc(TEXT.say(lang, 'label.measure'))}</th>"
            f"<th class=num>{_esc(TEXT.say(lang, 'label.paper'))}</th>"
            f"<th class=num>{_esc(TEXT.say(lang, 'label.monte_carlo'))}</th></tr>")
    body = "".join(f"<tr><td>{_esc(a)}</td><td class=num>{_esc(b)}</td>"
                   f"<td class=num>{_esc(c)}</td></tr>" for a, b, c in rows)
    return f"<table>{head}{body}</table>"


def _median(values: Any) -> float:
    import numpy as np

    return float(np.median(values))


def _key_results(plan: Plan, result: Any, units: Units, lang: str) -> str:
    rows = key_result_rows(plan, result)
    if not rows:
        return f"<p>{_esc(TEXT.say(lang, 'none'))}</p>"
    cols = ("kr", "text", "input", "kr_target", "p_meets")
    head = "".join(f"<th{' class=num' if c in ('kr_target', 'p_meets') else ''}>"
                   f"{_esc(TEXT.say(lang, f'col.{c}'))}</th>" for c in cols)
    body = []
    for row in rows:
        sign = "≤" if row["better"] == "lower" else "≥"
        target = f"{sign} {format_input(row['input'], row['target'], units, lang)}"
        body.append(f"<tr><td>{_esc(row['id'])}</td><td>{_esc(row['text'])}</td>"
                    f"<td>{_esc(short_name(row['input'], lang))}</td>"
                    f"<td class=num>{_esc(target)}</td>"
                    f"<td class=num>{_esc(format_percent(row['p_meets'], lang, 0))}</td></tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _assumptions(plan: Plan, units: Units, lang: str) -> str:
    cols = ("name", "description", "monte_carlo", "on_paper", "driven_by")
    head = "".join(f"<th>{_esc(TEXT.say(lang, f'col.{c}'))}</th>" for c in cols)
    body = []
    for row in input_rows(plan, lang):
        paper = format_input(row["path"], row["on_paper"], units, lang)
        body.append("<tr>" + "".join(
            f"<td>{_esc(v)}</td>" for v in (row["name"], row["description"], row["monte_carlo"],
                                            paper, row["driven_by"])) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def render_report(result: Any, sens: Any, plan: Plan, lang: str = "en") -> str:
    """The report as one HTML document (no external resource).

    Parameters
    ----------
    result : Result
        The simulation of ``plan``.
    sens : Sensitivity or None
        The tornado's runs; ``None`` leaves the tornado out.
    plan : Plan
    lang : {"en", "it"}

    Returns
    -------
    str
    """
    from okrsim import __version__

    TEXT.check_lang(lang)
    units = Units.of(plan)
    sentence, tone = verdict(result, lang)
    start = f"{units.month_names(1, lang)[0].split()[0]} {units.start[:4]}" if units.start else "–"
    sections = [
        ("paper_vs_mc", _paper_vs_mc(result, units, lang)),
        ("distribution", _figure(growth_histogram(result, lang=lang, units=units),
                                 TEXT.say(lang, "section.distribution"))),
        ("monthly", _figure(fan_chart(result, lang=lang, units=units, arr=True),
                            TEXT.say(lang, "section.monthly"))),
    ]
    if sens is not None and len(sens.table):  # no uncertain input: no tornado
        sections.append(("tornado", _figure(tornado(sens, lang=lang),
                                            TEXT.say(lang, "section.tornado"))))
    sections += [
        ("bridge", _figure(contribution_waterfall(result, lang=lang, units=units),
                           TEXT.say(lang, "section.bridge"))),
        ("key_results", _key_results(plan, result, units, lang)),
        ("gap", "".join(f"<p>{_esc(s)}</p>" for s in gap_sentences(result, units, lang))),
        ("assumptions", _assumptions(plan, units, lang)),
    ]
    sens_trials = sens.base.trials if sens is not None else 0
    method = TEXT.say(lang, "method", trials=format_number(result.trials, lang),
                      seed=result.seed, sens_trials=format_number(sens_trials, lang))
    body = "\n".join(f'<section id="{key}"><h2>{_esc(TEXT.say(lang, f"section.{key}"))}</h2>'
                     f"{content}</section>" for key, content in sections)
    title = TEXT.say(lang, "title", plan=result.plan)
    subtitle = TEXT.say(lang, "subtitle", trials=format_number(result.trials, lang),
                        seed=result.seed, start=start, months=result.months)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{_esc(title)}</title><style>{STYLE}</style></head><body>"
            f"<h1>{_esc(title)}</h1><p class=subtitle>{_esc(subtitle)}</p>"
            f'<p class="verdict {tone}">{_esc(sentence)}</p>\n{body}\n'
            f"<p class=note>{_esc(method)}</p>"
            f"<p class=note>{_esc(TEXT.say(lang, 'footer', version=__version__))}</p>"
            "</body></html>\n")


def write_report(plan: Plan, out: str | Path, trials: int = 20_000, seed: int | None = 0,
                 lang: str = "en", sensitivity_trials: int = SENSITIVITY_TRIALS) -> Path:
    """Simulate ``plan`` (and its tornado) and write the report page.

    Parameters
    ----------
    plan : Plan
    out : str or Path
        The ``.html`` (or ``.htm``) file to write.
    trials, seed
        As in :func:`okrsim.simulate`.
    lang : {"en", "it"}
    sensitivity_trials : int
        Trials per tornado setting, at most ``trials``.

    Returns
    -------
    Path

    Raises
    ------
    OkrsimError
        For a bad file name, language, trials or seed, or a file that cannot be written.
    """
    from okrsim.sim.feasibility import simulate
    from okrsim.sim.sensitivity_analysis import sensitivity

    out = Path(out)
    if out.suffix.lower() not in (".html", ".htm"):
        raise OkrsimError(f"{out}: the report file must end in .html; "
                          f"got {out.suffix or 'no extension'!r}.")
    TEXT.check_lang(lang)
    result = simulate(plan, trials=trials, seed=seed)
    sens = sensitivity(plan, trials=min(trials, sensitivity_trials), seed=result.seed)
    page = render_report(result, sens, plan, lang)
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise OkrsimError(f"{out} cannot be written ({exc.strerror or exc}).") from None
    return out
