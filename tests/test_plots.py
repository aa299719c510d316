"""The figures draw without a display and carry the numbers they show."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure

from okrsim import plots
from okrsim.errors import OkrsimError
from okrsim.plots.simulation import LABELS
from okrsim.sim import sensitivity, simulate

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def result():
    return simulate(trials=1_000)


def test_each_figure_returns_a_figure(result):
    sens = sensitivity(trials=300)
    for draw, arg in ((plots.growth_histogram, result), (plots.fan_chart, result),
                      (plots.tornado, sens), (plots.contribution_waterfall, result)):
        fig = draw(arg)
        assert isinstance(fig, Figure) and fig.axes
    assert f"{result.p_target:.0%}" in plots.growth_histogram(result).axes[0].get_title()
    assert len(plots.tornado(sens).axes[0].get_yticklabels()) == len(sens.table)


def test_figures_draw_on_a_given_axis(result):
    fig = Figure()
    ax = fig.add_subplot()
    assert plots.fan_chart(result, ax=ax) is fig


def test_save_figure_checks_the_extension(result, tmp_path):
    path = plots.save_figure(plots.overview(result), tmp_path / "o.svg")
    assert path.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    with pytest.raises(OkrsimError, match=".png"):
        plots.save_figure(plots.overview(result), tmp_path / "o.txt")
    with pytest.raises(OkrsimError, match="cannot be written"):
        plots.save_figure(plots.overview(result), tmp_path / "missing" / "o.png")


def test_charts_speak_italian_with_the_same_labels_as_english(result):
    assert LABELS["en"].keys() == LABELS["it"].keys()
    title = plots.growth_histogram(result, lang="it").axes[0].get_title()
    assert title.startswith("P(obiettivo) = ") and f"{result.p_target:.0%}" in title
    fan = plots.fan_chart(result, lang="it").axes[0]
    assert fan.get_xlabel() == "mese"
    assert "sulla carta" in [t.get_text() for t in fan.get_legend().get_texts()]


def test_charts_refuse_a_language_they_lack_in_one_sentence(result):
    with pytest.raises(OkrsimError, match="The charts speak in 'en' or 'it'; got 'fr'"):
        plots.fan_chart(result, lang="fr")


@pytest.mark.parametrize(("lang", "market"),
                         [("en", "Market factor"), ("it", "Fattore di mercato")])
def test_tornado_names_inputs_as_people_say_them(lang, market):
    sens = sensitivity(trials=300)
    labels = [t.get_text() for t in plots.tornado(sens, lang=lang).axes[0].get_yticklabels()]
    assert any(label.startswith(market) for label in labels), labels
    assert not any(label == "reps.market" for label in labels)


@pytest.fixture(scope="module")
def plan():
    from okrsim.plan import default_plan

    return default_plan()


@pytest.fixture(scope="module")
def sens():
    return sensitivity(trials=300)


def test_every_chart_displays_as_an_image_without_a_backend(result, sens):
    from IPython.core.formatters import DisplayFormatter

    for name, fig in plots.all_charts(result, sens).items():
        data, metadata = DisplayFormatter().format(fig)
        assert data["image/png"][:4] == b"\x89PNG", name
        width, height = fig.get_size_inches() * 100
        assert metadata["image/png"] == {"width": round(width), "height": round(height)}


def test_the_png_is_drawn_at_twice_the_size_shown(result):
    import io

    from matplotlib.image import imread

    fig = plots.growth_histogram(result)
    data, metadata = fig._repr_png_()
    pixels = imread(io.BytesIO(data))
    assert pixels.shape[1] == 2 * metadata["width"]


def test_units_of_a_plan_write_its_currency_and_calendar(plan):
    units = plots.Units.of(plan)
    assert units.currency == "€" and units.start == "2027-01"
    assert units.money(13_200_000) == "€13.2M"
    assert units.money(13_200_000, "it") == "€13,2M"
    assert units.money(40_200, short=False) == "€40,200"
    assert units.money(40_200, "it", short=False) == "€40.200"
    assert units.money(12_250_000, precise=True) == "€12.25M"
    assert units.month_names(14)[:2] == ["Jan 27", "Feb"]
    assert units.month_names(14)[12] == "Jan 28"
    assert units.month_names(3, "it") == ["gen 27", "feb", "mar"]
    assert plots.Units().month_names(3) == ["1", "2", "3"]


def test_currency_follows_the_plan_text():
    from okrsim.plots.units import currency_in

    assert currency_in("grow ARR from $10M to $11M") == "$"
    assert currency_in("from 10 MEUR") == "€"
    assert currency_in("no money words") == "€"


def _ticks(axis):
    return [t.get_text() for t in axis.get_ticklabels() if t.get_text()]


def test_money_axes_carry_the_currency_and_months_their_names(result, plan):
    units = plots.Units.of(plan)
    fig = plots.fan_chart(result, units=units)
    fig.draw_without_rendering()
    ax = fig.axes[0]
    assert all(t.startswith("€") for t in _ticks(ax.yaxis))
    assert "Jan 27" in _ticks(ax.xaxis) and "Jun" in _ticks(ax.xaxis)
    hist = plots.growth_histogram(result, units=units)
    hist.draw_without_rendering()
    top = [a for a in hist.axes[0].child_axes][0]
    assert all(t.startswith("€") for t in _ticks(top.xaxis))


def test_fan_chart_in_arr_ends_at_the_trials_ending_value(result):
    from okrsim.plots.series import monthly_value

    ending = monthly_value(result)[:, -1]
    assert ending == pytest.approx(result.baseline * (1 + result.growth))
    ax = plots.fan_chart(result).axes[0]
    median = [line for line in ax.get_lines() if line.get_label() == "median"][0]
    assert median.get_ydata()[-1] == pytest.approx(float(np.median(ending)), rel=1e-9)


def test_legends_never_cover_the_plotting_area(result, sens):
    for name, fig in plots.all_charts(result, sens).items():
        if name == "waterfall":
            continue  # its legend holds only the target line, above the bars
        fig.draw_without_rendering()
        ax = fig.axes[0]
        legend = ax.get_legend().get_window_extent()
        box = ax.get_window_extent()
        assert legend.y1 <= box.y0, name
        assert fig.bbox.contains(legend.x0, legend.y0), name


@pytest.mark.parametrize("lang", ["en", "it"])
def test_tornado_labels_are_one_line_each_and_never_overlap(sens, lang):
    fig = plots.tornado(sens, lang=lang)
    fig.draw_without_rendering()
    labels = fig.axes[0].get_yticklabels()
    assert all("\n" not in t.get_text() and len(t.get_text()) <= 30 for t in labels)
    boxes = sorted((t.get_window_extent() for t in labels), key=lambda b: b.y0)
    assert all(low.y1 <= high.y0 for low, high in zip(boxes, boxes[1:], strict=False))
    assert all(b.x0 >= 0 for b in boxes)  # inside the figure


def test_tornado_shows_the_dashboard_slider_names():
    from okrsim.widgets.sliders import SLIDERS
    from okrsim.widgets.strings import ui_text

    for lang in ("en", "it"):
        for slider in SLIDERS:
            assert plots.short_name(slider.path, lang) == ui_text(slider.label, lang)


def test_tornado_colours_follow_each_inputs_own_direction(sens):
    from matplotlib.colors import to_hex

    from okrsim.plots.simulation import _MISS

    ax = plots.tornado(sens).axes[0]
    table = sens.table.iloc[::-1].reset_index(drop=True)
    worse = [p for p in ax.patches if to_hex(p.get_facecolor()) == _MISS]
    base = sens.base.p_target
    for i, row in table.iterrows():
        ends = worse[i].get_x() + worse[i].get_width()
        expected = row.p_high if row.input in ("ramp.months", "attrition.annual",
                                               "hiring.delay_months", "hiring.washout",
                                               "drivers.sales_cycle_change",
                                               "attrition.backfill_delay_months") else row.p_low
        assert ends == pytest.approx(expected), row.input
    assert worse and all(p.get_x() == pytest.approx(base) for p in worse)


def test_waterfall_shows_churn_and_expansion_and_adds_up(result):
    from okrsim.plots.series import revenue_bridge

    steps = dict(revenue_bridge(result))
    assert steps["churn"] < 0 < steps["expansion"]
    assert steps["start"] + steps["churn"] + steps["expansion"] == pytest.approx(
        result.contributions["retained_base"])
    assert sum(steps.values()) == pytest.approx(result.baseline * (1 + result.growth.mean()))
    ax = plots.contribution_waterfall(result, lang="it").axes[0]
    names = [t.get_text() for t in ax.get_xticklabels()]
    assert names[:3] == ["ARR iniziale", "Abbandoni", "Espansione"]


def test_percent_ticks_keep_their_decimal(result):
    fig = plots.growth_histogram(result)
    fig.draw_without_rendering()
    ax = fig.axes[0]
    for tick, text in zip(ax.get_xticks(), _ticks(ax.xaxis), strict=False):
        assert float(text.rstrip("%")) == pytest.approx(tick * 100)


def test_a_redrawn_histogram_keeps_one_arr_axis(result):
    fig = plots.ShownFigure(layout="constrained")
    ax = fig.add_subplot()
    for _ in range(3):
        ax.clear()
        plots.growth_histogram(result, ax=ax)
    assert len(ax.child_axes) == 1


def test_a_fixed_margin_figure_keeps_its_legend_inside_and_off_the_data(result):
    fig = Figure(figsize=(6.4, 2.78))  # the dashboard's chart size and margins
    ax = fig.add_subplot()
    fig.subplots_adjust(left=0.17, right=0.94, top=0.89, bottom=0.31)
    plots.fan_chart(result, ax=ax)
    fig.draw_without_rendering()
    legend = ax.get_legend().get_window_extent()
    assert fig.bbox.contains(legend.x0, legend.y0) and fig.bbox.contains(legend.x1, legend.y1)
    assert legend.y1 <= ax.get_window_extent().y0  # below the axes: never over the target line
    xlabel = ax.xaxis.label.get_window_extent()
    assert legend.y1 <= xlabel.y0  # and under the axis label
    assert ax.child_axes == []
