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

from okrsim.plan import schema
from okrsim.sim import messages
from okrsim.sim.engine import COUNT_PATHS, run, seat_capacity
from okrsim.sim.inputs import PlanLike, as_plan, resolve_inputs
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
        integer = schema.MODEL_FIELDS[self.path].kind == "count"

        def fmt(x: float) -> str:
            return messages.number(f"{int(x)}" if integer else f"{x:.4g}", lang)

        def pct(x: float, digits: int) -> str:
            return messages.number(f"{x:.{digits}%}", lang)

        words = {"path": self.path, "description": messages.input_description(self.path, lang),
                 "probability": pct(self.probability, 0), "p": pct(self.p_target, 1)}
        if not self.reachable or self.value is None:
            best = self.high if self.direction == "increasing" else self.low
            return messages.TEXT.say(lang, "solve.unreachable", low=fmt(self.low),
                                high=fmt(self.high), best=fmt(best), **words)
        bound = messages.TEXT.say(lang, f"bound.{self.direction}")
        return messages.TEXT.say(lang, "solve.found", bound=bound, value=fmt(self.value), **words)


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
    """
    check_path(path)
    probability = check_probability(probability)
    trials = check_trials(trials)
    seed = check_seed(seed)
    inputs = resolve_inputs(as_plan(plan), overrides)
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
        return _answer(path, probability, None, p_good, direction, low, high, done)
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
    return _answer(path, probability, value, p_good, direction, low, high, done)


def _answer(path: str, probability: float, value: float | None, p_target: float,
            direction: str, low: float, high: float, evaluations: int) -> SolveResult:
    """A :class:`SolveResult` with its English message."""
    result = SolveResult(path, probability, value, value is not None, p_target, direction, low,
                         high, evaluations, message="")
    result.message = result.describe("en")
    return result
