"""``FeasibilityDashboard``: move the plan's levers and see whether the key results add up.

Sliders set what-if overrides (see :mod:`okrsim.widgets.sliders`); every change runs
:func:`okrsim.sim.simulate` once and redraws the summary (one verdict line such as "Adds up on
paper, but only 42% likely", then P(target) once with its error in percentage points), the growth
histogram and the monthly fan chart. Below, two questions, each with its answer under its button:
*What matters most?* (a tornado) and *How many hires?* (goal seek, in words, with a button that
applies the answer to the hires slider). Trials and seed sit in a closed *Advanced* section; the
progress bar shows only while an analysis runs. The charts are drawn at the size they are shown
(1.5 times the pixels, for sharp screens), so nothing is stretched or cut.
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
from okrsim.i18n import format_number
from okrsim.plan import Plan, schema
from okrsim.plan.problems import message_in
from okrsim.sim import sensitivity, simulate, solve
from okrsim.sim.display import growth, p_target_text, percent, solve_sentence, verdict
from okrsim.sim.distributions import central
from okrsim.sim.inputs import as_plan, resolve_inputs
from okrsim.widgets.render import box, esc, feedback, fitted
from okrsim.widgets.sliders import SLIDERS, Slider, shift_value, slider_start
from okrsim.widgets.strings import check_lang, ui_text

#: Trials per update: small enough to redraw in well under 150 ms, enough for a ±1 point error.
DEFAULT_TRIALS = 2_000
#: Trials for the sensitivity and goal-seek buttons (each runs many simulations).
ANALYSIS_TRIALS = 1_000
#: Chart size in inches at DPI: 576 x 250 px on screen, the charts column of a 1280 px window.
FIGSIZE = (6.4, 2.78)
DPI = 90
#: Pixels per screen pixel in the PNG: sharp on high-density screens, never stretched up.
SHARPNESS = 1.5
#: The tornado: one line per input, drawn under its button in the controls column (459 px).
TORNADO_SIZE = (5.1, 3.6)
#: Width of the controls column: label, slider and readout side by side, nothing cut off in
#: either language ("Tempo di assunzione (mesi)").
CONTROLS_WIDTH = "470px"
LABEL_WIDTH = "190px"
#: Width of the kit's own readout beside a decimal slider, as wide as the sliders' readouts.
READOUT_WIDTH = "56px"


def _shown_width(size: tuple[float, float]) -> str:
    return f"{round(size[0] * DPI)}px"


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI * SHARPNESS, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def _chart() -> Figure:
    """A figure with one axes and fixed margins (a tight layout costs a re-measure per draw).

    The left margin holds the y tick labels and the y label whole ("cumulative new revenue"); the
    bottom margin the month labels and the legend, which never covers the target line.
    """
    figure = Figure(figsize=FIGSIZE)
    figure.subplots()
    figure.subplots_adjust(left=0.17, right=0.94, top=0.89, bottom=0.31)  # legend below
    return figure


def _image(size: tuple[float, float] = FIGSIZE) -> widgets.Image:
    """An empty PNG image shown at the size it is drawn (it only shrinks in a narrow window)."""
    return widgets.Image(format="png", layout=widgets.Layout(width=_shown_width(size),
                                                             height="auto", max_width="100%"))


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
        self.plan = as_plan(plan, self.ui)
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
        self.reset_button = widgets.Button(description=ui_text("dash.reset", ui),
                                           layout=fitted())
        self.reset_button.on_click(lambda _: self.reset())
        self.advanced = widgets.Accordion(children=[widgets.VBox([self.trials, self.seed])],
                                          layout=widgets.Layout(width="98%"))
        self.advanced.set_title(0, ui_text("dash.advanced", ui))
        self.advanced.selected_index = None  # closed: learners need neither
        self.advanced.add_class("okrsim-dash-advanced")
        self.intro = widgets.HTML(
            f'<div style="color:#4a4f55;margin:0 0 6px 0;max-width:52rem">'
            f"{esc(ui_text('dash.first_screen', ui))}</div>")
        self.summary = widgets.HTML()
        self.summary.add_class("okrsim-dash-ptarget")
        self.histogram_image = _image()
        self.fan_image = _image()
        for image in (self.histogram_image, self.fan_image):
            image.add_class("okrsim-dash-chart")
        self._figures = {"hist": _chart(), "fan": _chart()}
        self._analysis_widgets()
        # Controls on the left with the two questions under them, each answered right below
        # its own button; the verdict and charts on the right.
        rows = [self._slider_row(slider) for slider in self.sliders.values()]
        controls = widgets.VBox([*rows, self.reset_button, self.advanced,
                                 self.analysis_box],
                                layout=widgets.Layout(width=CONTROLS_WIDTH, flex="0 0 auto"))
        charts = widgets.VBox([self.summary, self.histogram_image, self.fan_image],
                              layout=widgets.Layout(flex="1 1 0", min_width="0",
                                                    margin="0 0 0 12px"))
        super().__init__(children=[self.intro, widgets.HBox([controls, charts])],
                         layout=widgets.Layout(max_width="1200px"))
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
            self.result, self.error = None, message_in(exc, self.ui)
            self.summary.value = box(esc(self.error), "bad", "okrsim-error")
            return None
        self.result, self.error = result, None
        self.summary.value = self._render_summary(result)  # numbers first, charts after
        self.last_summary_ms = (time.perf_counter() - started) * 1000
        self.histogram_image.value = self._draw("hist", plots.growth_histogram, result)
        self.fan_image.value = self._draw("fan", plots.fan_chart, result)
        self.last_update_ms = (time.perf_counter() - started) * 1000
        return result

    def set_plan(self, plan: Plan | str | PathLike | None) -> None:
        """Simulate another plan: sliders back on its on-paper values, then one rerun."""
        self.plan = as_plan(plan, self.ui)
        inputs = resolve_inputs(self.plan)
        self._values = {s.path: inputs.values[s.path] for s in SLIDERS}
        self._starts = {s.path: slider_start(inputs.paper, s) for s in SLIDERS}
        self.value = dict(self._starts)

    def follow(self, cascade: Any) -> None:
        """Simulate a cascade view's plan each time its check comes back clean."""
        cascade.on_report(lambda report: self.set_plan(report.plan) if report.clean else None)

    def reset(self) -> None:
        """Put every slider back on the plan's on-paper value and rerun."""
        self.value = dict(self._starts)

    def run_sensitivity(self):
        """Rank the inputs by how much they move P(target); draw the tornado under the button."""
        self.sensitivity_result = self._with_progress(
            lambda progress: sensitivity(self.plan, trials=ANALYSIS_TRIALS,
                                         seed=self.seed.value, overrides=self.overrides,
                                         progress=progress), self.sensitivity_output)
        if self.sensitivity_result is not None:
            figure = Figure(figsize=TORNADO_SIZE, layout="tight")
            ax = figure.subplots()
            plots.tornado(self.sensitivity_result, ax=ax, lang=self.ui)
            ax.title.set_fontsize(10)  # the whole title fits the column's width
            ax.tick_params(axis="y", labelsize=8)
            self.tornado_image.value = _png(figure)
            self.tornado_image.layout.display = None  # hidden while empty (no broken image)
        return self.sensitivity_result

    def run_solve(self):
        """Goal seek: the hires needed for the wanted chance; say it and offer to apply it."""
        overrides = {k: v for k, v in self.overrides.items() if k != "hiring.count"}
        wanted = self.probability.value / 100
        self.solve_result = self._with_progress(
            lambda progress: solve(self.plan, "hiring.count", wanted,
                                   trials=ANALYSIS_TRIALS, seed=self.seed.value,
                                   progress=progress, overrides=overrides), self.analysis_output)
        self.apply_button.layout.display = "none"
        solved = self.solve_result
        if solved is not None:
            tone = "good" if solved.reachable else "bad"
            self.analysis_output.value = feedback(tone, solve_sentence(solved, self.ui), (),
                                                  "okrsim-dash-solve")
            if solved.reachable and solved.value is not None:
                hires = self.sliders["hiring.count"]
                self._apply_value = int(min(max(round(solved.value), hires.min), hires.max))
                self.apply_button.description = ui_text("dash.apply", self.ui,
                                                        value=self._apply_value)
                self.apply_button.layout.display = None
        return solved

    def apply_solution(self) -> None:
        """Set the hires slider to the goal seek's answer (and rerun)."""
        if self._apply_value is not None:
            self.sliders["hiring.count"].value = self._apply_value
            self.apply_button.layout.display = "none"

    # -- internals ----------------------------------------------------------------------------
    def _make_slider(self, s: Slider) -> widgets.widget.Widget:
        common = {"description": ui_text(s.label, self.ui), "continuous_update": False,
                  **_row_style()}
        start = self._starts[s.path]
        if schema.MODEL_FIELDS[s.path].kind == "count":
            slider = widgets.IntSlider(value=round(start), min=int(s.low), max=int(s.high),
                                       step=int(s.step), **common)
        else:
            # A percentage reads the same in both languages ("104%"); a decimal such as the
            # ramp's 4.5 months is written by the kit (4,5 in Italian): the slider's own
            # readout only knows the decimal point.
            slider = widgets.FloatSlider(value=start, min=s.low, max=s.high, step=s.step,
                                         readout=s.percent, readout_format=".0%", **common)
        if s.css:
            slider.add_class(s.css)
        return slider

    def _slider_row(self, slider: widgets.widget.Widget) -> widgets.widget.Widget:
        """The slider as shown: with the kit's own readout when the slider has none."""
        if getattr(slider, "readout", True):
            return slider
        readout = widgets.HTML(layout=widgets.Layout(width=READOUT_WIDTH, flex="0 0 auto"))
        readout.add_class("okrsim-dash-readout")

        def show(_: Any = None) -> None:
            readout.value = esc(format_number(slider.value, self.ui, 1))

        slider.observe(show, names="value")
        show()
        slider.layout = widgets.Layout(width="auto", flex="1 1 auto")
        return widgets.HBox([slider, readout], layout=widgets.Layout(width="98%"))

    def _analysis_widgets(self) -> None:
        ui = self.ui
        self.sensitivity_button = widgets.Button(description=ui_text("dash.sensitivity", ui),
                                                 layout=fitted())
        self.sensitivity_button.add_class("okrsim-dash-sensitivity")
        self.sensitivity_button.on_click(lambda _: self.run_sensitivity())
        self.probability = widgets.BoundedIntText(value=80, min=5, max=99, step=5,
                                                  description=ui_text("dash.probability", ui),
                                                  style={"description_width": "initial"},
                                                  layout=widgets.Layout(width="230px"))
        self.probability.add_class("okrsim-dash-probability")
        self.solve_button = widgets.Button(description=ui_text("dash.solve_button", ui),
                                           layout=fitted())
        self.solve_button.add_class("okrsim-dash-solve")
        self.solve_button.on_click(lambda _: self.run_solve())
        self.apply_button = widgets.Button(button_style="primary", layout=fitted())
        self.apply_button.add_class("okrsim-dash-apply")
        self.apply_button.layout.display = "none"
        self.apply_button.on_click(lambda _: self.apply_solution())
        self._apply_value: int | None = None
        self.progress = widgets.FloatProgress(value=0.0, min=0.0, max=1.0,
                                              layout=widgets.Layout(width="98%", display="none"))
        self.progress.add_class("okrsim-dash-progress")
        self.sensitivity_output = widgets.HTML()
        self.analysis_output = widgets.HTML()
        self.tornado_image = _image(TORNADO_SIZE)
        self.tornado_image.add_class("okrsim-dash-tornado")
        self.tornado_image.layout.display = "none"  # shown once "What matters" has drawn it
        self.analysis_box = widgets.VBox([
            self.progress,
            widgets.HBox([self.probability, self.solve_button]),
            self.analysis_output, self.apply_button,
            self.sensitivity_button, self.sensitivity_output, self.tornado_image,
        ], layout=widgets.Layout(margin="10px 0 0 0", border_top="1px solid #dadce0",
                                 padding="8px 0 0 0"))

    def _with_progress(self, job, output: widgets.HTML):
        """Run ``job`` with the progress bar shown; errors go to ``output`` as one sentence."""
        self.progress.value = 0.0
        self.progress.layout.display = None
        output.value = f"<i>{esc(ui_text('dash.busy', self.ui))}</i>"

        def progress(fraction: float) -> None:
            self.progress.value = min(max(float(fraction), 0.0), 1.0)

        try:
            outcome = job(progress)
        except OkrsimError as exc:
            output.value = box(esc(message_in(exc, self.ui)), "bad", "okrsim-error")
            return None
        finally:
            self.progress.layout.display = "none"  # only while working
        self.progress.value = 1.0
        output.value = ""
        return outcome

    def _changed(self, change: dict) -> None:
        if not self._hold:
            self.click()

    def _draw(self, name: str, draw, result) -> bytes:
        figure = self._figures[name]
        ax = figure.axes[0]
        _wipe(ax)
        draw(result, ax=ax, lang=self.ui, units=plots.Units.of(self.plan))  # € and months
        if name == "hist":
            ax.set_title("")  # P(target) is written once, in the summary beside the charts
        return _png(figure)

    def _render_summary(self, r) -> str:
        ui = self.ui
        sentence, tone = verdict(r, ui)
        g = r.growth_summary
        lines = [
            f"{esc(ui_text('dash.target', ui))}: <b>{esc(growth(r.target_growth, ui))}</b> · "
            f"{esc(ui_text('dash.on_paper', ui))}: <b>{esc(growth(r.on_paper_growth, ui))}</b>",
            f"{esc(ui_text('dash.p_target', ui))}: "
            f'<b class="okrsim-dash-p" data-p="{r.p_target:.4f}">{esc(percent(r.p_target, ui))}'
            f"</b> <span style='color:#4a4f55'>"
            f"{esc(p_target_text(r, ui).split(' ', 1)[1])}</span>",
        ]
        p_profit = getattr(r, "p_profit", None)
        if p_profit is not None:
            both = getattr(r, "p_both", None)
            lines.append(f"{esc(ui_text('dash.p_profit', ui))}: <b>{esc(percent(p_profit, ui))}"
                         "</b>" + (f" · {esc(ui_text('dash.p_both', ui))}: "
                                   f"<b>{esc(percent(both, ui))}</b>" if both is not None
                                   else ""))
        lines.append(f"{esc(ui_text('dash.growth', ui))}: {esc(growth(g['p10'], ui))} / "
                     f"{esc(growth(g['p50'], ui))} / {esc(growth(g['p90'], ui))}")
        rows = "".join(f'<div style="margin:1px 0">{line}</div>' for line in lines)
        return (f'<div class="okrsim-dash-summary">'
                f"{feedback(tone, sentence, (), 'okrsim-dash-verdict')}{rows}</div>")
