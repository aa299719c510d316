"""The trade-off figure: three curves against hires, in English and Italian."""

from __future__ import annotations

import pytest

from okrsim.errors import OkrsimError
from okrsim.plots import save_figure, tradeoff_figure
from okrsim.sim import simulate


@pytest.fixture(scope="module")
def rows():
    return simulate(trials=2_000).tradeoff([0, 3, 6, 9], trials=2_000)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_the_figure_draws_revenue_profit_and_both(rows, lang, tmp_path):
    fig = tradeoff_figure(rows, lang=lang)
    ax = fig.axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    assert len(labels) == 3 and len(set(labels)) == 3
    assert [list(line.get_ydata()) for line in ax.get_lines()][0] == [r["p_target"] for r in rows]
    assert "hiring.count" in ax.get_xlabel()
    save_figure(fig, tmp_path / f"tradeoff-{lang}.png")
    assert (tmp_path / f"tradeoff-{lang}.png").stat().st_size > 10_000


def test_without_a_profit_target_only_revenue_is_drawn():
    rows = [{"value": 1, "p_target": 0.2, "p_profit": None, "p_both": None},
            {"value": 2, "p_target": 0.4, "p_profit": None, "p_both": None}]
    assert len(tradeoff_figure(rows).axes[0].get_lines()) == 1


def test_a_language_the_kit_lacks_is_one_sentence():
    with pytest.raises(OkrsimError):
        tradeoff_figure([], lang="xx")
