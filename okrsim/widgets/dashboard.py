"""``FeasibilityDashboard``: move the plan's levers and see whether the key results add up.

Sliders set what-if overrides (see :mod:`okrsim.widgets.sliders`); every change runs
:func:`okrsim.sim.simulate` once and redraws the summary (on paper vs target, P(target) with its
standard error), the growth histogram and the monthly fan chart. Two buttons run the slower
analyses, sensitivity (tornado) and goal seek on hires, with a progress bar.
"""

from __future__ import annotations

import io
import time
from os import PathLike
from typing import Any

import ipywidgets as widgets
from matplotlib.figure import Figure

from okrsim import plots
from okrsim.errors import OkrsimError
from okrsim.plan import Plan, schema
from okrsim.sim import messages, sensitivity, simulate, solve
from okrsim.sim.distributions import central
from okrsim.sim.inputs import as_plan, resolve_inputs
from okrsim.widgets.render import badge, box, esc
from okrsim.widgets.sliders import SLIDERS, Slider, shift_value, slider_start
from okrsim.widgets.strings import check_lang, ui_text

#: Trials per update: small enough to redraw in well under 150 ms, enough for a ±1 point error.
DEFAULT_TRIALS = 2_000
#: Trials for the sensitivity and goal-seek buttons (each runs many simulations).
ANALYSIS_TRIALS = 1_000
#: Chart size in inches at DPI: 540 x 270 px, the width of the charts column in a notebook cell.
FIGSIZE = (6.0, 3.0)
DPI = 90
#: Width of the controls column: label, slider and readout side by side, nothing cut off.
CONTROLS_WIDTH = "440px"
LABEL_WIDTH = "150px"


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def _chart() -> Figure:
    """A figure with one axes and fixed margins (a tight layout costs a re-measure per draw)."""
    figure = Figure(figsize=FIGSIZE)
    figure.subplots()
    figure.subplots_adjust(left=0.15, right=0.97, top=0.88, bottom=0.17)
    return figure


def _image(max_width: str = "100%") -> widgets.Image:
    """An empty PNG image that shrinks to its column (height follows the width)."""
    return widgets.Image(format="png", layout=widgets.Layout(width="100%", height="auto",
                                                             max_width=max_width))


def _row_style() -> dict[str, Any]:
    """Layout of one control row: the label column, then the control filling the column."""
    return {"style": {"description_width": LABEL_WIDTH}, "layout": widgets.Layout(width="98%")}


def _wipe(ax) -> None:
    """Remove what was drawn on ``ax`` but keep its ticks (rebuilding ticks is the slow part)."""
    for artist in [*ax.lines, *ax.patches, *ax.collections, *ax.texts, *ax.images, *ax.tables]:
        artist.remove()
    if ax.legend_ is not None:
        ax.legend_.remove()
    ax.relim()
    ax.autoscale()


def _percent(x: float, lang: str, sign: str = "+") -> str:
    """``x`` as a percentage with one decimal, in the language's decimal mark."""
    return messages.number(f"{x * 100:{sign}.1f}%", lang)


class FeasibilityDashboard(widgets.VBox):
    """Sliders for a plan's levers and its feasibility, redrawn on every change.

    Parameters
    ----------
    plan : Plan, str, path-like or None
        A plan, a plan file, or ``None`` for the built-in default plan.
    trials : int
        Monte Carlo trials per update.
    seed : int
        Seed of every run (the same seed gives the same picture).
    ui : str
        Language of the labels.

    Attributes
    ----------
    result : Result or None
        The last simulation (``None`` when the last inputs were refused).
    error : str or None
        Why the last inputs were refused.
    sensitivity_result, solve_result
        What the two analysis buttons returned last.
    last_update_ms : float
        Wall time of the last update (simulation and figures), in milliseconds.
    last_summary_ms : float
        Wall time until the summary (P(target) and on-paper growth) was shown, in milliseconds.
    """

    def __init__(self, plan: Plan | str | PathLike | None = None, *, trials: int = DEFAULT_TRIALS,
                 seed: int = 0, ui: str = "en"):
        self.ui = check_lang(ui)
        self.plan = as_plan(plan)
        inputs = resolve_inputs(self.plan)
        self._values = {s.path: inputs.values[s.path] for s in SLIDERS}
        self._starts = {s.path: slider_start(inputs.paper, s) for s in SLIDERS}
        self._hold = False
        self.result = None
        self.error: str | None = None
        self.sensitivity_result = None
        self.solve_result = None
        self.last_update_ms = 0.0
        self.last_summary_ms = 0.0
        self.sliders = {s.path: self._make_slider(s) for s in SLIDERS}
        self.trials = widgets.BoundedIntText(value=trials, min=100, max=200_000, step=500,
                                             description=ui_text("dash.trials", ui),
                                             **_row_style())
        self.seed = widgets.BoundedIntText(value=seed, min=0, max=2**31 - 1,
                                           description=ui_text("dash.seed", ui), **_row_style())
        for control in (*self.sliders.values(), self.trials, self.seed):
            control.observe(self._changed, names="value")
        self.reset_button = widgets.Button(description=ui_text("dash.reset", ui), icon="undo")
        self.reset_button.on_click(lambda _: self.reset())
        self.summary = widgets.HTML()
        self.summary.add_class("okrsim-dash-ptarget")
        self.histogram_image = _image()
        self.fan_image = _image()
        self._figures = {"hist": _chart(), "fan": _chart()}
        self._analysis_widgets()
        # Controls (and the analysis buttons) on the left, numbers and charts stacked on the
        # right: the whole dashboard fits a ~1000 px notebook cell without cutting anything.
        controls = widgets.VBox([*self.sliders.values(), self.trials, self.seed,
                                 self.reset_button, self.analysis_box],
                                layout=widgets.Layout(width=CONTROLS_WIDTH, flex="0 0 auto"))
        charts = widgets.VBox([self.summary, self.histogram_image, self.fan_image],
                              layout=widgets.Layout(flex="1 1 0", min_width="0"))
        super().__init__(children=[widgets.HBox([controls, charts]), self.tornado_image],
                         layout=widgets.Layout(max_width="100%"))
        self.add_class("okrsim-dashboard")
        self.click()

    # -- the headless interface ---------------------------------------------------------------
    @property
    def value(self) -> dict[str, float]:
        """Slider positions, ``{model path: value}``."""
        return {path: slider.value for path, slider in self.sliders.items()}

    @value.setter
    def value(self, positions: dict[str, float]) -> None:
        unknown = sorted(set(positions) - set(self.sliders))
        if unknown:
            raise OkrsimError(f"The dashboard has no slider {unknown[0]!r}; use one of "
                              f"{', '.join(self.sliders)}.")
        self._hold = True
        try:
            for path, position in positions.items():
                self.sliders[path].value = position
        finally:
            self._hold = False
        self.click()

    @property
    def overrides(self) -> dict[str, Any]:
        """The what-if overrides the sliders stand for (only the sliders that were moved)."""
        moved = {}
        for s in SLIDERS:
            position = self.sliders[s.path].value
            if abs(position - self._starts[s.path]) > 1e-12:
                value = self._values[s.path]
                moved[s.path] = shift_value(s.path, value, central(value), position)
        return moved

    @property
    def output_html(self) -> str:
        """The summary: on paper vs target, P(target) with its error, growth percentiles."""
        return self.summary.value

    def click(self):
        """Run the simulation for the current sliders and redraw; return the result."""
        started = time.perf_counter()
        try:
            result = simulate(self.plan, trials=self.trials.value, seed=self.seed.value,
                              overrides=self.overrides)
        except OkrsimError as exc:
            self.result, self.error = None, str(exc)
            self.summary.value = box(esc(str(exc)), "bad", "okrsim-error")
            return None
        self.result, self.error = result, None
        self.summary.value = self._render_summary(result)  # numbers first, charts after
        self.last_summary_ms = (time.perf_counter() - started) * 1000
        self.histogram_image.value = self._draw("hist", plots.growth_histogram, result)
        self.fan_image.value = self._draw("fan", plots.fan_chart, result)
        self.last_update_ms = (time.perf_counter() - started) * 1000
        return result

    def reset(self) -> None:
        """Put every slider back on the plan's on-paper value and rerun."""
        self.value = dict(self._starts)

    def run_sensitivity(self):
        """Rank the inputs by how much they move P(target); draw the tornado."""
        self.sensitivity_result = self._with_progress(
            lambda progress: sensitivity(self.plan, trials=ANALYSIS_TRIALS,
                                         seed=self.seed.value, overrides=self.overrides,
                                         progress=progress))
        if self.sensitivity_result is not None:
            figure = Figure(figsize=(6.5, 3.5), layout="tight")
            plots.tornado(self.sensitivity_result, ax=figure.subplots(), lang=self.ui)
            self.tornado_image.value = _png(figure)
            self.tornado_image.layout.display = None  # hidden while empty (no broken image)
        return self.sensitivity_result

    def run_solve(self):
        """Goal seek: the hires needed for P(target) at the chosen probability."""
        overrides = {k: v for k, v in self.overrides.items() if k != "hiring.count"}
        self.solve_result = self._with_progress(
            lambda progress: solve(self.plan, "hiring.count", self.probability.value,
                                   trials=ANALYSIS_TRIALS, seed=self.seed.value,
                                   progress=progress, overrides=overrides))
        if self.solve_result is not None:
            tone = "good" if self.solve_result.reachable else "bad"
            self.analysis_output.value = box(esc(self.solve_result.describe(self.ui)), tone,
                                             "okrsim-dash-solve")
        return self.solve_result

    # -- internals ----------------------------------------------------------------------------
    def _make_slider(self, s: Slider) -> widgets.widget.Widget:
        common = {"description": ui_text(s.label, self.ui), "continuous_update": False,
                  **_row_style()}
        start = self._starts[s.path]
        if schema.MODEL_FIELDS[s.path].kind == "count":
            slider = widgets.IntSlider(value=round(start), min=int(s.low), max=int(s.high),
                                       step=int(s.step), **common)
        else:
            slider = widgets.FloatSlider(value=start, min=s.low, max=s.high, step=s.step,
                                         readout_format=".0%" if s.percent else ".1f", **common)
        if s.css:
            slider.add_class(s.css)
        return slider

    def _analysis_widgets(self) -> None:
        ui = self.ui
        self.sensitivity_button = widgets.Button(description=ui_text("dash.sensitivity", ui),
                                                 icon="sort-amount-desc",
                                                 layout=widgets.Layout(width="auto"))
        self.sensitivity_button.add_class("okrsim-dash-sensitivity")
        self.sensitivity_button.on_click(lambda _: self.run_sensitivity())
        self.probability = widgets.BoundedFloatText(value=0.8, min=0.05, max=0.99, step=0.05,
                                                    description=ui_text("dash.probability", ui),
                                                    style={"description_width": "initial"},
                                                    layout=widgets.Layout(width="170px"))
        self.solve_button = widgets.Button(description=ui_text("dash.solve_button", ui),
                                           icon="crosshairs", layout=widgets.Layout(width="auto"))
        self.solve_button.add_class("okrsim-dash-solve")
        self.solve_button.on_click(lambda _: self.run_solve())
        self.progress = widgets.FloatProgress(value=0.0, min=0.0, max=1.0,
                                              layout=widgets.Layout(width="98%"))
        self.analysis_output = widgets.HTML()
        self.tornado_image = _image(max_width="720px")
        self.tornado_image.layout.display = "none"  # shown once "What matters" has drawn it
        self.analysis_box = widgets.VBox([
            self.sensitivity_button,
            widgets.HBox([self.probability, self.solve_button]),
            self.progress, self.analysis_output,
        ], layout=widgets.Layout(margin="10px 0 0 0", border_top="1px solid #e0e0e0",
                                 padding="8px 0 0 0"))

    def _with_progress(self, job):
        self.progress.value = 0.0
        self.analysis_output.value = f"<i>{esc(ui_text('dash.busy', self.ui))}</i>"

        def progress(fraction: float) -> None:
            self.progress.value = min(max(float(fraction), 0.0), 1.0)

        try:
            outcome = job(progress)
        except OkrsimError as exc:
            self.analysis_output.value = box(esc(str(exc)), "bad", "okrsim-error")
            return None
        self.progress.value = 1.0
        self.analysis_output.value = ""
        return outcome

    def _changed(self, change: dict) -> None:
        if not self._hold:
            self.click()

    def _draw(self, name: str, draw, result) -> bytes:
        figure = self._figures[name]
        ax = figure.axes[0]
        _wipe(ax)
        draw(result, ax=ax, lang=self.ui)
        return _png(figure)

    def _render_summary(self, r) -> str:
        ui = self.ui
        adds = ui_text("dash.adds_up" if r.adds_up else "dash.not_adds_up", ui)
        p = r.p_target
        tone = "good" if p >= 0.8 else "warn" if p >= 0.5 else "bad"
        g = r.growth_summary
        return (
            '<div class="okrsim-dash-summary" style="font-size:1.05em">'
            f"<div>{esc(ui_text('dash.target', ui))}: <b>{_percent(r.target_growth, ui)}</b> · "
            f"{esc(ui_text('dash.on_paper', ui))}: <b>{_percent(r.on_paper_growth, ui)}</b> "
            f"{badge(adds, 'good' if r.adds_up else 'bad')}</div>"
            f"<div>{esc(ui_text('dash.p_target', ui))}: "
            f'<b class="okrsim-dash-p" data-p="{p:.4f}">{_percent(p, ui, "")}</b> '
            f"± {messages.number(f'{r.p_target_se * 100:.1f}', ui)} {badge(f'{p:.0%}', tone)}"
            "</div>"
            f"{self._render_profit(r)}"
            f"<div>{esc(ui_text('dash.growth', ui))}: {_percent(g['p10'], ui)} / "
            f"{_percent(g['p50'], ui)} / {_percent(g['p90'], ui)}</div></div>"
        )

    def _render_profit(self, r) -> str:
        """P(profit target) and P(both), when the plan has costs and a profit target."""
        if getattr(r, "p_profit", None) is None:
            return ""
        ui = self.ui
        parts = []
        for key, p, se in (("dash.p_profit", r.p_profit, r.p_profit_se),
                           ("dash.p_both", r.p_both, r.p_both_se)):
            parts.append(f"{esc(ui_text(key, ui))}: <b>{_percent(p, ui, '')}</b> "
                         f"± {messages.number(f'{se * 100:.1f}', ui)}")
        return '<div class="okrsim-dash-profit">' + " · ".join(parts) + "</div>"
