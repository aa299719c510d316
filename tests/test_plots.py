"""The figures draw without a display and carry the numbers they show."""

from __future__ import annotations

import matplotlib
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
    with pytest.raises(OkrsimError, match="The charts speak 'en' or 'it'; got 'fr'"):
        plots.fan_chart(result, lang="fr")


@pytest.mark.parametrize(("lang", "market"),
                         [("en", "Market factor"), ("it", "Fattore di mercato")])
def test_tornado_names_inputs_as_people_say_them(lang, market):
    sens = sensitivity(trials=300)
    labels = [t.get_text() for t in plots.tornado(sens, lang=lang).axes[0].get_yticklabels()]
    assert any(label.startswith(market) for label in labels), labels
    assert not any(label == "reps.market" for label in labels)
