"""Run until P(target) is known well enough: trials added until its standard error is small.

The engine draws trials in chunks whose random numbers depend only on the seed and the chunk's
position, so a longer run with the same seed repeats the shorter run's trials and adds new ones:
each step refines the previous estimate instead of starting over.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from okrsim.errors import OkrsimError
from okrsim.sim.engine import CHUNK
from okrsim.sim.feasibility import simulate
from okrsim.sim.inputs import PlanLike
from okrsim.sim.result import Result
from okrsim.sim.validation import MAX_TRIALS, check_seed

#: Trials simulated at most when running to a precision.
PRECISION_CAP = 2_000_000
#: Steps at most (each step sizes the next from the estimate so far).
MAX_STEPS = 8


@dataclass(frozen=True)
class Step:
    """One run of the convergence: its trials, P(target) and standard error."""

    trials: int
    p_target: float
    p_target_se: float

    def to_dict(self) -> dict[str, Any]:
        """Plain data for ``--json``."""
        return {"trials": self.trials, "p_target": self.p_target,
                "p_target_se": self.p_target_se}


def check_precision(se: Any) -> float:
    """Return a wanted standard error, strictly between 0 and 0.5, or raise one sentence."""
    if isinstance(se, bool) or not isinstance(se, (int, float)) or not 0 < se < 0.5:
        raise OkrsimError(f"the precision is the standard error wanted for P(target), a number "
                          f"between 0 and 0.5 such as 0.005 (half a point); got {se!r}.")
    return float(se)


def simulate_to_precision(plan: PlanLike, se: float, seed: int | None = 0,
                          overrides: Mapping[str, Any] | None = None,
                          cap: int = PRECISION_CAP) -> tuple[Result, list[Step]]:
    """Simulate until the standard error of P(target) is at most ``se`` (or ``cap`` trials).

    Parameters
    ----------
    plan : Plan, str, Path or None
    se : float
        Wanted standard error of P(target), e.g. 0.005 for ± half a point.
    seed : int or None
        As in :func:`okrsim.simulate` (``None``: fresh entropy, kept for every step).
    overrides : mapping, optional
    cap : int
        Trials at most; the last step stops there even if ``se`` is not reached.

    Returns
    -------
    (Result, list of Step)
        The last run and every step, first to last.
    """
    se = check_precision(se)
    seed = check_seed(seed)
    cap = int(min(max(cap, CHUNK), MAX_TRIALS))
    trials, steps = CHUNK, []
    result = simulate(plan, trials=trials, seed=seed, overrides=overrides)
    seed = result.seed  # fresh entropy, if any, is kept for every step
    steps.append(Step(trials, result.p_target, result.p_target_se))
    while result.p_target_se > se and trials < cap and len(steps) < MAX_STEPS:
        p = min(max(result.p_target, 1 / trials), 1 - 1 / trials)  # p = 0 or 1: still grow
        needed = math.ceil(p * (1 - p) / se**2 * 1.05)
        trials = min(cap, max(2 * trials if needed <= trials else needed, trials + CHUNK))
        trials = min(cap, math.ceil(trials / CHUNK) * CHUNK)
        result = simulate(plan, trials=trials, seed=seed, overrides=overrides)
        steps.append(Step(trials, result.p_target, result.p_target_se))
    return result, steps
