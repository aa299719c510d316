"""What-if values for the dashboard's sliders.

A slider shows an input's *on-paper* value. When the learner moves it, the input's Monte Carlo
value keeps its spread and is shifted so that its central value lands on the slider: a forecast
``triangular(3, 5, 7)`` moved to 6 becomes ``triangular(4, 6, 8)``. Shifted ranges are kept inside
the input's allowed values (:data:`okrsim.plan.schema.MODEL_FIELDS`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from okrsim.plan import schema
from okrsim.plan.distributions import REGISTRY
from okrsim.plan.input_names import FRACTION_INPUTS

#: Parameters that move with the distribution's location, by distribution name (registry).
LOCATION_KEYS: dict[str, tuple[str, ...]] = {
    name: family.location for name, family in REGISTRY.items()
}
_EPSILON = 1e-6


@dataclass(frozen=True)
class Slider:
    """A dashboard control for one model input.

    Attributes
    ----------
    path : str
        The model path it sets, e.g. ``"hiring.count"``.
    label : str
        Key of its label in :data:`okrsim.widgets.strings.UI`.
    low, high, step : float
        Range and step of the slider.
    css : str
        Extra CSS class (a stable hook for browser tests), or ``""``.
    """

    path: str
    label: str
    low: float
    high: float
    step: float
    css: str = ""

    @property
    def percent(self) -> bool:
        """True when the input is a fraction, shown as a percentage (one list decides it)."""
        return self.path in FRACTION_INPUTS


SLIDERS: tuple[Slider, ...] = (
    Slider("hiring.count", "dash.hires", 0, 20, 1, css="okrsim-dash-hires"),
    Slider("ramp.months", "dash.ramp", 1, 12, 0.5),
    Slider("hiring.delay_months", "dash.delay", 0, 6, 0.5),
    Slider("reps.attainment", "dash.attainment", 0.4, 1.5, 0.01),
    Slider("attrition.annual", "dash.attrition", 0, 0.6, 0.01),
    Slider("retention.gross_annual", "dash.retention", 0.7, 1.0, 0.005),
    Slider("drivers.deal_value_change", "dash.deal_value", -0.3, 0.5, 0.01),
    Slider("drivers.sales_cycle_change", "dash.cycle", -0.5, 0.5, 0.01),
)


def _clamp(path: str, x: float) -> float:
    field = schema.MODEL_FIELDS[path]
    low = field.low + (_EPSILON if field.open_low else 0.0)
    high = field.high - (_EPSILON if field.open_high else 0.0)
    return min(max(x, low), high)


def shift_value(path: str, value: Any, centre: float, new_centre: float) -> Any:
    """Move an input's Monte Carlo value so that its central value goes to ``new_centre``.

    Parameters
    ----------
    path : str
        Model path (sets the allowed range).
    value : number or mapping
        The input's value: a number or a distribution mapping ``{dist: ..., ...}``.
    centre : float
        The central value of ``value`` (its on-paper value when no key result commits it).
    new_centre : float
        Where the learner put the slider.

    Returns
    -------
    number or dict
        A number when ``value`` is a number, or the same distribution with its location moved.
    """
    field = schema.MODEL_FIELDS[path]
    if not isinstance(value, Mapping):
        shifted = _clamp(path, float(new_centre))
        return round(shifted) if field.kind == "count" else shifted
    delta = float(new_centre) - float(centre)
    moved = dict(value)
    for key in LOCATION_KEYS.get(str(value.get("dist")), ()):
        if key in moved and isinstance(moved[key], (int, float)) and math.isfinite(moved[key]):
            moved[key] = _clamp(path, moved[key] + delta)
            if field.kind == "count":
                moved[key] = round(moved[key])
    return moved


def slider_start(paper: Mapping[str, Any], slider: Slider) -> float:
    """The slider's starting position: the on-paper value, kept inside the slider's range."""
    return min(max(float(paper[slider.path]), slider.low), slider.high)
