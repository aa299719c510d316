"""Expected values of feasibility exercises, computed by the simulator instead of hard-coded.

A numeric check may take its expected value from the simulator::

    checks:
      numeric:
        simulate:
          plan: default                 # built-in plan, or a plan file (path from the repo root)
          answer: solve                 # what the learner must find, see ANSWERS
          for: hiring.count             # solve only: the model input to search
          probability: 0.8              # solve only: the wanted P(target)
          overrides: {ramp.months: 5}   # optional what-if changes, as in okrsim.simulate
          trials: 2000                  # 100 to 5,000, so that checking stays fast
          seed: 0
        tolerance: 1

The specification is validated when the bank loads (plan, paths, probability, overrides: cheap);
the simulation runs the first time an answer is checked, once per process (:func:`expected`
caches it, keyed by the specification and the plan file's modification time).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from okrsim.errors import OkrsimError
from okrsim.exercises.kit import kit_root

#: plan paths in exercise files are relative to the kit's folder (checkout or installed copy)
ROOT = kit_root()

#: What the learner must find: answer kind -> (unit, description).
ANSWERS: dict[str, tuple[str, str]] = {
    "p_target": ("percent", "P(target), the share of trials that reach the target, in percent"),
    "on_paper_growth": ("percent", "growth with every key result at its target, in percent"),
    "median_growth": ("percent", "median simulated growth, in percent"),
    "solve": ("input", "the value of one model input for which P(target) >= probability"),
}
SIMULATE_KEYS = ("plan", "answer", "for", "probability", "overrides", "trials", "seed")
DEFAULT_PLAN = "default"
MIN_TRIALS, MAX_TRIALS = 100, 5_000


@dataclass(frozen=True)
class SimulatedValue:
    """A validated simulator question whose answer is computed on first use.

    Attributes
    ----------
    plan : str
        ``"default"`` or the resolved path of a plan file.
    answer : str
        One of :data:`ANSWERS`.
    path : str or None
        The model input searched (``answer == "solve"``).
    probability : float or None
        The wanted P(target) (``answer == "solve"``).
    overrides : str
        What-if overrides as canonical JSON (hashable).
    trials, seed : int
        Monte Carlo trials and seed.
    where : str
        The bank file and exercise, for error messages.
    """

    plan: str
    answer: str
    path: str | None
    probability: float | None
    overrides: str
    trials: int
    seed: int
    where: str

    @property
    def percent(self) -> bool:
        """Whether the answer is a percentage."""
        return ANSWERS[self.answer][0] == "percent"

    @property
    def value(self) -> float:
        """The expected answer, simulated on first use (cached per process)."""
        return expected(self, _plan_stamp(self.plan))


def parse_simulated(spec: Any, where: str) -> SimulatedValue:
    """Validate a ``numeric.simulate`` mapping and return the :class:`SimulatedValue`.

    Parameters
    ----------
    spec : mapping
        The ``simulate`` mapping of a numeric check (see the module docstring).
    where : str
        The bank file and exercise, named in every error.

    Returns
    -------
    SimulatedValue

    Raises
    ------
    ValueError
        One sentence naming ``where`` and what is allowed.
    """
    from okrsim.sim.inputs import as_plan, resolve_inputs
    from okrsim.sim.validation import check_path, check_probability

    if not isinstance(spec, Mapping):
        raise ValueError(f"{where}: 'simulate' must be a mapping with "
                         f"{', '.join(SIMULATE_KEYS)}.")
    unknown = [str(k) for k in spec if k not in SIMULATE_KEYS]
    if unknown:
        raise ValueError(f"{where}: unknown key{'s' if len(unknown) > 1 else ''} "
                         f"{', '.join(repr(u) for u in unknown)} in 'simulate'; allowed: "
                         f"{', '.join(SIMULATE_KEYS)}.")
    answer = spec.get("answer")
    if answer not in ANSWERS:
        raise ValueError(f"{where}: 'simulate.answer' is {answer!r}; use one of "
                         f"{', '.join(ANSWERS)}.")
    path = probability = None
    if answer == "solve":
        try:
            path = check_path(spec.get("for"))
            probability = check_probability(spec.get("probability"))
        except OkrsimError as exc:
            raise ValueError(f"{where}: 'simulate' with answer 'solve' needs 'for' and "
                             f"'probability': {exc}") from None
    elif "for" in spec or "probability" in spec:
        raise ValueError(f"{where}: 'simulate.for' and 'simulate.probability' apply only to "
                         "answer 'solve'.")
    trials, seed = spec.get("trials", 2_000), spec.get("seed", 0)
    if not _whole(trials) or not MIN_TRIALS <= trials <= MAX_TRIALS:
        raise ValueError(f"{where}: 'simulate.trials' is {trials!r}; use a whole number from "
                         f"{MIN_TRIALS} to {MAX_TRIALS:,} so that checking stays fast.")
    if not _whole(seed) or seed < 0:
        raise ValueError(f"{where}: 'simulate.seed' is {seed!r}; use a whole number of 0 or "
                         "more.")
    overrides = spec.get("overrides") or {}
    if not isinstance(overrides, Mapping):
        raise ValueError(f"{where}: 'simulate.overrides' must be a mapping {{model path: "
                         "value}}.")
    plan = _plan_name(spec.get("plan", DEFAULT_PLAN), where)
    try:
        resolve_inputs(as_plan(None if plan == DEFAULT_PLAN else plan), overrides)
    except ValueError as exc:
        raise ValueError(f"{where}: the simulated plan cannot be used: {exc}") from None
    return SimulatedValue(plan, answer, path, probability,
                          json.dumps(overrides, sort_keys=True, default=str), int(trials),
                          int(seed), where)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _plan_name(plan: Any, where: str) -> str:
    if plan == DEFAULT_PLAN:
        return DEFAULT_PLAN
    if not isinstance(plan, str) or not plan.strip():
        raise ValueError(f"{where}: 'simulate.plan' must be 'default' (the built-in plan) or "
                         "the path of a plan file from the repository root.")
    path = Path(plan)
    path = path if path.is_absolute() else ROOT / path
    if not path.is_file():
        raise ValueError(f"{where}: 'simulate.plan' names {plan!r}, which is not a file; use "
                         "'default' or the path of a plan file from the repository root.")
    return str(path)


def _plan_stamp(plan: str) -> int:
    """The plan file's modification time (0 for the built-in plan): part of the cache key."""
    return 0 if plan == DEFAULT_PLAN else Path(plan).stat().st_mtime_ns


@functools.lru_cache(maxsize=64)
def expected(question: SimulatedValue, stamp: int = 0) -> float:
    """Simulate ``question`` and return the expected answer (cached per process).

    Parameters
    ----------
    question : SimulatedValue
        A validated question.
    stamp : int
        The plan file's modification time, so that an edited plan is simulated again.

    Returns
    -------
    float
        A percentage for the percent answers, the input's value for ``solve``.

    Raises
    ------
    OkrsimError
        When the goal seek cannot reach the probability (naming the file and exercise).
    """
    from okrsim.sim.feasibility import simulate
    from okrsim.sim.goal_seek import solve

    plan = None if question.plan == DEFAULT_PLAN else question.plan
    overrides = json.loads(question.overrides)
    if question.answer == "solve":
        found = solve(plan, question.path, question.probability, trials=question.trials,
                      seed=question.seed, overrides=overrides)
        if not found.reachable or found.value is None:
            raise OkrsimError(f"{question.where}: the simulator cannot answer the question "
                              f"({found.message.rstrip('.')}).")
        return float(found.value)
    result = simulate(plan, trials=question.trials, seed=question.seed, overrides=overrides)
    value = {"p_target": result.p_target, "on_paper_growth": result.on_paper_growth,
             "median_growth": result.growth_summary["p50"]}[question.answer]
    if not math.isfinite(value):
        raise OkrsimError(f"{question.where}: the simulator returned {value} for "
                          f"{question.answer}.")
    return 100 * float(value)
