"""FeasibilityDashboard and its what-if values, driven headless."""

from __future__ import annotations

import pytest

from okrsim import OkrsimError
from okrsim.sim import simulate
from okrsim.widgets import FeasibilityDashboard
from okrsim.widgets.sliders import SLIDERS, shift_value
from tests.conftest import ARTICLE_PLAN

TRIALS = 400


@pytest.fixture(scope="module")
def dash():
    return FeasibilityDashboard(trials=TRIALS, seed=3)


def test_shift_value_moves_a_distribution_and_keeps_its_spread():
    tri = {"dist": "triangular", "low": 3, "mode": 5, "high": 7}
    assert shift_value("ramp.months", tri, 5, 6) == {"dist": "triangular", "low": 4, "mode": 6,
                                                     "high": 8}
    normal = {"dist": "normal", "mean": 0.85, "sd": 0.15}
    assert shift_value("reps.attainment", normal, 0.85, 0.95)["sd"] == 0.15
    # Kept inside the allowed range: retention cannot pass 100%, counts stay whole.
    assert shift_value("retention.gross_annual", {"dist": "uniform", "low": 0.9, "high": 0.98},
                       0.94, 0.99)["high"] == 1.0
    assert shift_value("hiring.count", {"dist": "triangular", "low": 3, "mode": 4, "high": 5},
                       4, 6.4) == {"dist": "triangular", "low": 5, "mode": 6, "high": 7}
    assert shift_value("hiring.count", 5, 5, 7.0) == 7
    assert shift_value("ramp.months", 4.0, 4.0, -2) > 0  # open lower bound


def test_dashboard_starts_on_the_plans_on_paper_values(dash):
    plain = simulate(trials=TRIALS, seed=3)
    assert dash.overrides == {}
    assert dash.result.p_target == plain.p_target
    assert dash.result.on_paper_growth == pytest.approx(plain.on_paper_growth)
    assert f">{plain.p_target:.0%}</b>" in dash.output_html  # P(target) once, in whole %
    assert dash.output_html.count(f"{plain.p_target:.0%}") == 2  # the bold figure and the verdict
    assert "percentage points" in dash.output_html
    assert f"{plain.target_growth * 100:+.1f}%" in dash.output_html
    assert dash.histogram_image.value[:4] == b"\x89PNG" and dash.fan_image.value[:4] == b"\x89PNG"


def test_the_summary_shows_the_profit_odds_when_the_plan_has_costs(dash):
    plain = simulate(trials=TRIALS, seed=3)
    assert plain.p_profit is not None  # the built-in plan has costs and a profit target
    assert "P(profit target)" in dash.output_html and "P(both targets)" in dash.output_html
    assert f"{plain.p_both:.0%}" in dash.output_html
    no_costs = FeasibilityDashboard(ARTICLE_PLAN, trials=TRIALS, seed=3)
    assert "P(profit target)" not in no_costs.output_html


def test_more_hires_raise_on_paper_growth_and_p_target(dash):
    start = dash.value["hiring.count"]
    before = dash.result
    dash.sliders["hiring.count"].value = start + 4   # a slider change reruns by itself
    after = dash.result
    assert after is not before and "hiring.count" in dash.overrides
    assert after.on_paper_growth > before.on_paper_growth
    assert after.p_target > before.p_target
    dash.reset()
    assert dash.overrides == {} and dash.value["hiring.count"] == start


def test_setting_several_sliders_runs_once(dash, monkeypatch):
    runs = []
    original = dash.click
    monkeypatch.setattr(dash, "click", lambda: runs.append(1) or original())
    dash.value = {"ramp.months": 6.0, "attrition.annual": 0.4}
    assert len(runs) == 1
    assert set(dash.overrides) == {"ramp.months", "attrition.annual"}
    dash.reset()


def test_sliders_do_not_update_while_dragging_and_have_browser_hooks(dash):
    assert {s.path for s in SLIDERS} == set(dash.sliders)
    assert all(not s.continuous_update for s in dash.sliders.values())
    assert "okrsim-dash-hires" in dash.sliders["hiring.count"]._dom_classes
    assert "okrsim-dash-ptarget" in dash.summary._dom_classes


def test_analysis_buttons_fill_the_progress_bar(dash):
    assert dash.tornado_image.layout.display == "none"  # no broken image before it is drawn
    assert dash.progress.layout.display == "none"  # no idle bar that looks like a field
    dash.sensitivity_button.click()
    assert dash.sensitivity_result is not None and dash.progress.value == 1.0
    assert dash.progress.layout.display == "none"
    assert dash.tornado_image.value[:4] == b"\x89PNG"
    assert dash.tornado_image.layout.display != "none"
    dash.probability.value = 80  # in percent, like everything else on screen
    dash.solve_button.click()
    solved = dash.solve_result
    assert solved is not None and "okrsim-dash-solve" in dash.analysis_output.value
    assert "hiring.count" not in dash.analysis_output.value
    if solved.reachable:
        assert solved.p_target >= 0.8 and solved.probability == 0.8
        assert dash.apply_button.layout.display != "none"
        dash.apply_button.click()
        assert dash.value["hiring.count"] == round(solved.value)
        assert dash.apply_button.layout.display == "none"
        dash.reset()


def test_trials_and_seed_sit_in_a_closed_advanced_section(dash):
    assert dash.advanced.selected_index is None
    assert dash.trials in dash.advanced.children[0].children
    assert dash.seed in dash.advanced.children[0].children


def test_one_verdict_line_never_green_beside_a_low_chance():
    from okrsim.sim.display import verdict

    dash = FeasibilityDashboard(trials=TRIALS, seed=3)
    sentence, tone = verdict(dash.result)
    assert sentence in dash.output_html and f"okrsim-tone-{tone}" in dash.output_html
    if dash.result.p_target < 0.8:
        assert "okrsim-tone-good" not in dash.output_html


def test_charts_are_shown_at_the_size_they_are_drawn(dash):
    from okrsim.widgets.dashboard import DPI, FIGSIZE, SHARPNESS

    png = dash.histogram_image.value
    width = int.from_bytes(png[16:20], "big")
    assert width == round(FIGSIZE[0] * DPI * SHARPNESS)
    assert dash.histogram_image.layout.width == f"{round(FIGSIZE[0] * DPI)}px"


def test_dashboard_refusals_are_one_sentence():
    with pytest.raises(OkrsimError, match="no slider 'hiring.speed'"):
        FeasibilityDashboard(trials=TRIALS).value = {"hiring.speed": 3}
    with pytest.raises(OkrsimError):
        FeasibilityDashboard("no-such-plan.yaml")


def test_dashboard_on_a_plan_file_in_italian():
    dash = FeasibilityDashboard(ARTICLE_PLAN, trials=TRIALS, ui="it")
    assert "Crescita obiettivo" in dash.output_html and dash.error is None
    assert dash.sliders["hiring.count"].description == "Assunzioni"
    assert [f.axes[0].get_xlabel() for f in dash._figures.values()] == ["crescita nel periodo",
                                                                        "mese"]


def test_engine_refusals_show_as_one_escaped_sentence(monkeypatch):
    from okrsim.widgets import dashboard as module

    dash = FeasibilityDashboard(trials=TRIALS)

    def refuse(*args, **kwargs):
        raise OkrsimError("override <b>x</b> is not allowed.")

    monkeypatch.setattr(module, "simulate", refuse)
    monkeypatch.setattr(module, "sensitivity", refuse)
    assert dash.click() is None and dash.result is None
    assert dash.error == "override <b>x</b> is not allowed."
    assert "&lt;b&gt;x&lt;/b&gt;" in dash.output_html and "<b>x</b>" not in dash.output_html
    assert dash.run_sensitivity() is None
    assert "okrsim-error" in dash.sensitivity_output.value


def test_dashboard_follows_a_clean_cascade_and_ignores_a_broken_one():
    from okrsim.widgets import CascadeView

    text = ARTICLE_PLAN.read_text(encoding="utf-8")
    view = CascadeView(text=text, editable=True)
    dash = FeasibilityDashboard(trials=TRIALS, seed=3)
    dash.follow(view)
    before = dash.result
    view.value = text.replace("plan: ", "plan: Followed ", 1)
    view.button.click()
    assert dash.result is not before and dash.result.plan.startswith("Followed")
    followed = dash.result
    view.value = text.replace("parent: grow-revenue", "parent: nowhere", 1)
    view.button.click()
    assert not view.report.clean and dash.result is followed


def test_every_button_has_its_own_layout(dash):
    buttons = [dash.solve_button, dash.apply_button, dash.sensitivity_button, dash.reset_button]
    assert len({id(b.layout) for b in buttons}) == len(buttons)  # hiding one hides only it
    assert dash.solve_button.layout.display != "none"


@pytest.mark.parametrize(("ui", "shown"), [("en", "4.5"), ("it", "4,5")])
def test_decimal_sliders_read_in_the_dashboards_language(ui, shown):
    board = FeasibilityDashboard(ARTICLE_PLAN, trials=200, seed=1, ui=ui)
    ramp = board.sliders["ramp.months"]
    assert not ramp.readout  # the slider's own readout writes only a decimal point
    readouts = [w for w in _walk(board) if "okrsim-dash-readout" in w._dom_classes]
    assert len(readouts) == sum(1 for s in SLIDERS if not s.percent and s.step != int(s.step))
    ramp.value = 4.5
    assert any(r.value == shown for r in readouts)


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)
