"""Goal seek: the value of one input for which P(target) reaches a wanted probability.

Every evaluation uses the same seed and seat layout (common random numbers), so P(target) moves
monotonically with inputs such as the number of hires or the ramp length, and the search is
stable: integer bisection on counts, bisection on continuous inputs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from okrsim.plan import schema
from okrsim.sim import messages
from okrsim.sim.engine import COUNT_PATHS, run, seat_capacity
from okrsim.sim.inputs import PlanLike, as_plan, resolve_inputs
from okrsim.sim.money import amount, plan_currency
from okrsim.sim.validation import check_path, check_probability, check_seed, check_trials

#: Practical search range of each input (the spec's ranges are wider than any plan needs).
SEARCH_RANGES: dict[str, tuple[float, float]] = {
    "reps.attainment": (0.1, 2.0),
    "reps.market": (0.5, 1.5),
    "hiring.delay_months": (0, 12),
    "hiring.washout": (0, 1),
    "ramp.months": (0.5, 24),
    "attrition.annual": (0, 0.95),
    "attrition.backfill_delay_months": (1, 12),
    "drivers.deal_value_change": (-0.5, 1.0),
    "drivers.sales_cycle_change": (-0.5, 1.0),
    "drivers.win_rate_change": (-0.5, 1.0),
    "retention.gross_annual": (0.5, 1.0),
    "retention.expansion_annual": (0, 0.5),
}
#: The ``path`` that asks for the highest target instead of an input.
TARGET = "target"
#: Relative width of the final bracket on continuous inputs.
TOLERANCE = 1e-3


@dataclass
class SolveResult:
    """The answer of :func:`solve`.

    Attributes
    ----------
    path : str
        The input searched.
    value : float or None
        The smallest (``direction == "increasing"``) or largest (``"decreasing"``) value for which
        P(target) >= probability; ``None`` when not reachable.
    reachable : bool
        Whether such a value exists within ``low``..``high``.
    p_target : float
        P(target) at ``value`` (at the best end of the range when not reachable).
    direction : str
        ``"increasing"`` when more of the input raises P(target), else ``"decreasing"``.
    message : str
        One sentence for people, in English (:meth:`describe` writes it in other languages).
    """

    path: str
    probability: float
    value: float | None
    reachable: bool
    p_target: float
    direction: str
    low: float
    high: float
    evaluations: int
    message: str
    currency: str = "€"
    target_value: float | None = None

    def _repr_html_(self) -> str:
        from okrsim.sim.display import render_solve

        return render_solve(self)

    def to_dict(self) -> dict[str, Any]:
        """Plain data, what ``solve --json`` prints."""
        return asdict(self)

    def describe(self, lang: str = "en") -> str:
        """Say the answer in one sentence.

        Parameters
        ----------
        lang : {"en", "it"}
            Language of the sentence; ``"en"`` gives :attr:`message`.

        Returns
        -------
        str
            Plain text (escape it where it goes into HTML).

        Raises
        ------
        OkrsimError
            For a language the simulator does not write.
        """
        def pct(x: float, digits: int) -> str:
            return messages.number(f"{x:.{digits}%}", lang)

        if self.path == TARGET:
            return self._describe_target(lang, pct)
        integer = schema.MODEL_FIELDS[self.path].kind == "count"
        up = self.direction == "increasing"

        def fmt(x: float) -> str:
            if integer:
                return messages.number(f"{int(x)}", lang)
            if abs(x) >= 1_000:  # people's numbers: "€40,200", never "4.017e+04"
                currency = self.currency if self.path == "reps.monthly_quota" else ""
                return amount(x, messages.TEXT.check_lang(lang), currency, up=up)
            return messages.number(f"{x:.4g}" if x == 0 or abs(x) >= 1e-3 else f"{x:.6f}",
                                   lang)

        words = {"path": self.path, "description": messages.input_description(self.path, lang),
                 "probability": pct(self.probability, 0), "p": pct(self.p_target, 1)}
        if not self.reachable or self.value is None:
            best = self.high if self.direction == "increasing" else self.low
            return messages.TEXT.say(lang, "solve.unreachable", low=fmt(self.low),
                                high=fmt(self.high), best=fmt(best), **words)
        bound = messages.TEXT.say(lang, f"bound.{self.direction}")
        return messages.TEXT.say(lang, "solve.found", bound=bound, value=fmt(self.value), **words)

    def _describe_target(self, lang: str, pct: Callable[[float, int], str]) -> str:
        growth = self.value if self.value is not None else 0.0
        growth = math.floor(growth * 1000) / 1000  # shown rounded down: still reached
        sign = "+" if growth > 0 else ""
        target = self.target_value if self.target_value is not None else 0.0
        return messages.TEXT.say(
            lang, "solve.target", probability=pct(self.probability, 0),
            growth=sign + pct(growth, 1),
            amount=amount(target, messages.TEXT.check_lang(lang), self.currency, up=False),
            p=pct(self.p_target, 1))


def search_range(path: str, current: float) -> tuple[float, float]:
    """The range searched for ``path`` given its on-paper value."""
    if path in COUNT_PATHS:
        return 0, max(50, 4 * int(current))
    if path == "reps.monthly_quota":
        return current / 10, current * 10
    return SEARCH_RANGES[path]


def solve(plan: PlanLike, path: str, probability: float, trials: int = 20_000,
          seed: int | None = 0, progress: Callable[[float], None] | None = None,
          overrides: Mapping[str, Any] | None = None) -> SolveResult:
    """Find the value of ``path`` for which P(target) >= ``probability``.

    Parameters
    ----------
    plan : Plan, str, Path or None
        The plan (``None``: the built-in plan).
    path : str
        A numeric model input, e.g. ``"hiring.count"`` or ``"ramp.months"``.
    probability : float
        Wanted P(target), strictly between 0 and 1.
    trials, seed, overrides
        As in :func:`okrsim.sim.simulate`.
    progress : callable, optional
        Called with the fraction done (0 to 1) after each evaluation.

    Returns
    -------
    SolveResult
        The smallest hires, longest ramp, lowest attainment... that reaches the probability.
        With ``path="target"``: the highest target growth (``value``) and value
        (``target_value``) reached with at least that probability.
    """
    probability = check_probability(probability)
    trials = check_trials(trials)
    seed = check_seed(seed)
    plan = as_plan(plan)
    if path == TARGET:
        return solve_target(plan, probability, trials, seed, overrides)
    check_path(path)
    inputs = resolve_inputs(plan, overrides)
    field = schema.MODEL_FIELDS[path]
    integer = field.kind == "count"
    low, high = search_range(path, float(inputs.paper[path]))
    capacity = {p: seat_capacity(inputs.values[p]) for p in COUNT_PATHS}
    if integer:
        capacity[path] = max(capacity[path], int(high))
        steps = 2 + math.ceil(math.log2(max(high - low, 2)))
    else:
        steps = 2 + math.ceil(math.log2(1 / TOLERANCE))
    done = 0

    def p_at(x: float) -> float:
        nonlocal done
        value = int(x) if integer else float(x)
        p = run(inputs.with_values({path: value}), trials, seed, capacity=capacity).p_target
        done += 1
        if progress:
            progress(min(done / steps, 1.0))
        return p

    p_low, p_high = p_at(low), p_at(high)
    increasing = p_high >= p_low
    good, bad = (high, low) if increasing else (low, high)
    p_good, p_bad = (p_high, p_low) if increasing else (p_low, p_high)
    direction = "increasing" if increasing else "decreasing"
    if p_good < probability:
        return _answer(path, probability, None, p_good, direction, low, high, done,
                       plan_currency(plan))
    if p_bad >= probability:
        good, p_good = bad, p_bad
    else:
        while abs(good - bad) > (1 if integer else TOLERANCE * (high - low)):
            middle = (good + bad) // 2 if integer else (good + bad) / 2
            p_middle = p_at(middle)
            if p_middle >= probability:
                good, p_good = middle, p_middle
            else:
                bad = middle
    if progress:
        progress(1.0)
    value = int(good) if integer else float(good)
    return _answer(path, probability, value, p_good, direction, low, high, done,
                   plan_currency(plan))


def target_growth_for(growth: np.ndarray, probability: float) -> float:
    """The highest growth ``g`` with ``mean(growth >= g) >= probability`` (trials as given).

    With the trials sorted, that is the ``ceil(probability x n)``-th largest growth.
    """
    ordered = np.sort(np.asarray(growth, dtype=float))
    keep = max(1, math.ceil(probability * len(ordered) - 1e-9))
    return float(ordered[len(ordered) - keep])


def solve_target(plan: Any, probability: float, trials: int, seed: int | None,
                 overrides: Mapping[str, Any] | None = None) -> SolveResult:
    """The highest target reached with probability ``probability`` (see :func:`solve`).

    The target does not change what the trials draw, so one simulation answers: the target is
    the growth that a share ``probability`` of trials reaches or beats.
    """
    inputs = resolve_inputs(plan, overrides)
    result = run(inputs, trials, seed, name=plan.name)
    growth = target_growth_for(result.growth, probability)
    p = float(np.mean(result.growth >= growth))
    answer = SolveResult(TARGET, probability, growth, True, p, "decreasing",
                         float(result.growth.min()), float(result.growth.max()), 1, "",
                         plan_currency(plan), inputs.baseline * (1 + growth))
    answer.message = answer.describe("en")
    return answer


def _answer(path: str, probability: float, value: float | None, p_target: float,
            direction: str, low: float, high: float, evaluations: int,
            currency: str = "€") -> SolveResult:
    """A :class:`SolveResult` with its English message."""
    result = SolveResult(path, probability, value, value is not None, p_target, direction, low,
                         high, evaluations, message="", currency=currency)
    result.message = result.describe("en")
    return result
