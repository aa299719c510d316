"""The revenue model: sellers' seats month by month, vectorised over trials.

Semantics (the contract in the design notes):

- Months are 1-based. A seller who starts in month ``s`` is in tenure month ``k = m - s + 1`` in
  month ``m`` and produces ``quota x ramp(k) x attainment x market x drivers`` where
  ``drivers = (1 + deal_value_change) x (1 + win_rate_change) / (1 + sales_cycle_change)``.
- Existing sellers are fully ramped. ``N`` hires are spread over the listed start months, earlier
  months first (5 over [1, 2, 3] -> 2, 2, 1), each shifted by a whole number of months of hiring
  delay (rounded); a start after the period produces nothing.
- A washed-out hire (probability ``washout``) leaves at the end of a tenure month drawn uniformly
  from 1 to ceil(ramp months).
- Attrition: an active seller produces in month ``m``, then leaves at its end with the monthly
  hazard ``h = 1 - (1 - annual) ** (1 / 12)``. With backfill, the replacement starts
  ``backfill_delay_months`` (rounded) after the leaver's last month (at the earliest the next
  month: a seat never holds two sellers in one month), ramps from zero and draws its own
  attainment. Washout applies to planned hires only.
- The model works on *seats*: each existing seller and each hire is a seat; backfills reuse the
  seat of the seller they replace, which makes chains of replacements natural.

:func:`run_chunk` is the Monte Carlo engine (a loop over months, arrays over trials x seats);
:func:`expected_run` is the deterministic on-paper run, where rates act as expected fractions of
headcount (cohorts with survival curves).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from okrsim.sim import spec
from okrsim.sim.distributions import sample
from okrsim.sim.inputs import Inputs, clip_to_field, draw_trial_inputs

#: Attainment draws kept per seat for its first occupants (more occupants draw fresh values).
ATTAINMENT_POOL = 2
#: Start month of a seller who is already fully ramped.
RAMPED = -10_000
#: Streams of randomness besides the per-input ones; each has its own generator.
STREAM_NAMES = ("attainment", "delay", "attrition", "washout", "backfill_attainment",
                "correlation")
CATEGORIES = ("existing_reps", "new_hires", "backfills")


def ramp_fraction(tenure: np.ndarray, months: np.ndarray | float, curve: Any) -> np.ndarray:
    """Share of full quota a seller produces in tenure month ``tenure`` (0 before starting).

    Every curve reaches 1.0 at month ``months`` (R): ``linear`` min(1, k/R); ``step`` 0 before R
    and 1 from month ceil(R); ``s-curve`` smoothstep 3x^2 - 2x^3 of x = min(1, k/R); a list of
    fractions [f1, ..., fn] is read at x = k/R by linear interpolation through (0, 0) and
    (i/n, fi), so with R = n the list is used as written.
    """
    k = np.maximum(tenure, 0)
    x = np.minimum(k / months, 1.0)
    if curve == "linear":
        return x
    if curve == "step":
        return (k >= months).astype(float)
    if curve == "s-curve":
        return x * x * (3.0 - 2.0 * x)
    fractions = np.asarray(curve, dtype=float)
    grid = np.arange(len(fractions) + 1) / len(fractions)
    return np.interp(x, grid, np.r_[0.0, fractions])


def spread_hires(count: int, months: Sequence[int]) -> list[int]:
    """Planned start month of each of ``count`` hires spread over ``months``, earlier first."""
    ordered = sorted(int(m) for m in months)
    base, extra = divmod(int(count), len(ordered))
    result = []
    for i, month in enumerate(ordered):
        result.extend([month] * (base + (1 if i < extra else 0)))
    return result


def planned_starts(counts: np.ndarray, months: Sequence[int], capacity: int,
                   never: int) -> np.ndarray:
    """Vectorised :func:`spread_hires`: shape ``(n, capacity)``, ``never`` for unused seats."""
    ordered = np.sort(np.asarray(months, dtype=np.int64))
    k = len(ordered)
    counts = counts.astype(np.int64)
    per_month = counts[:, None] // k + (np.arange(k)[None, :] < (counts[:, None] % k))
    cumulative = np.cumsum(per_month, axis=1)
    seat = np.arange(capacity)
    index = (cumulative[:, None, :] <= seat[None, :, None]).sum(axis=2)
    return np.r_[ordered, never][index]


def monthly_hazard(annual: np.ndarray | float) -> np.ndarray | float:
    """Monthly leaving probability for an annual attrition rate: 1 - (1 - annual)^(1/12)."""
    return 1.0 - (1.0 - annual) ** (1.0 / 12.0)


def driver_multiplier(deal_value: Any, win_rate: Any, sales_cycle: Any) -> Any:
    """(1 + deal value change) x (1 + win rate change) / (1 + sales cycle change)."""
    return (1 + deal_value) * (1 + win_rate) / (1 + sales_cycle)


def retained_factor(gross: Any, expansion: Any, months: int) -> Any:
    """Share of starting ARR kept after ``months``: (gross + expansion) ** (months / 12)."""
    return (gross + expansion) ** (months / 12.0)


def make_streams(entropy: int, chunk: int) -> dict[str, np.random.Generator]:
    """One independent generator per stream and per numeric input, for one chunk of trials.

    Separate streams keep common random numbers: changing one input (a hire count, a ramp) does
    not shift the random draws of any other part of the model.
    """
    names = [*STREAM_NAMES, *spec.MODEL_FIELDS]
    return {
        name: np.random.default_rng(np.random.SeedSequence([entropy, chunk, i]))
        for i, name in enumerate(names)
    }


@dataclass
class ChunkOutput:
    """Per-trial results of one chunk: monthly new revenue, parts, retained base, inputs."""

    monthly: np.ndarray          # (n, months) new revenue booked in each month
    parts: np.ndarray            # (n, 3) existing reps, new hires, backfills
    retained: np.ndarray         # (n,) retained starting base (0 on a bookings basis)
    draws: dict[str, np.ndarray]  # path -> (n,) input value per trial (means for per-seller)


def run_chunk(inputs: Inputs, n: int, streams: Mapping[str, np.random.Generator],
              capacity: Mapping[str, int] | None = None) -> ChunkOutput:
    """Simulate ``n`` trials of the model (see the module docstring for the semantics).

    Parameters
    ----------
    inputs : Inputs
        Resolved Monte Carlo inputs.
    n : int
        Number of trials.
    streams : mapping
        Generators from :func:`make_streams`.
    capacity : mapping, optional
        Minimum number of seats for ``"reps.existing"`` and ``"hiring.count"``; a goal seek
        fixes them so every run draws arrays of the same shape (common random numbers).

    Returns
    -------
    ChunkOutput
    """
    v = inputs.values
    months = inputs.months
    d = draw_trial_inputs(inputs, n, streams)
    capacity = capacity or {}
    existing = d["reps.existing"].astype(np.int64)
    hires = d["hiring.count"].astype(np.int64)
    n_existing = int(max(capacity.get("reps.existing", 0), existing.max(initial=0)))
    n_hires = int(max(capacity.get("hiring.count", 0), hires.max(initial=0)))
    seats = n_existing + n_hires
    never = months + 1

    start = np.empty((n, seats), dtype=np.int64)
    start[:, :n_existing] = np.where(np.arange(n_existing) < existing[:, None], RAMPED, never)
    delay = np.rint(clip_to_field("hiring.delay_months",
                                  sample(v["hiring.delay_months"], (n, n_hires),
                                         streams["delay"])))
    planned = planned_starts(hires, v["hiring.months"], n_hires, never)
    start[:, n_existing:] = np.where(planned == never, never, planned + delay.astype(np.int64))

    pool = clip_to_field("reps.attainment",
                         sample(v["reps.attainment"], (n, seats, ATTAINMENT_POOL),
                                streams["attainment"]))
    attainment = pool[:, :, 0].copy()
    occupant = np.zeros((n, seats), dtype=np.int64)
    is_backfill = np.zeros((n, seats))

    ramp_months = d["ramp.months"][:, None]
    washout_at = np.zeros((n, n_hires))
    if n_hires:
        washed = streams["washout"].random((n, n_hires)) < d["hiring.washout"][:, None]
        ramp_whole = np.ceil(d["ramp.months"])[:, None]
        tenure_out = 1 + np.floor(streams["washout"].random((n, n_hires)) * ramp_whole)
        washout_at = np.where(washed, tenure_out, 0.0)

    hazard = monthly_hazard(d["attrition.annual"])[:, None]
    gap = np.maximum(np.rint(d["attrition.backfill_delay_months"]), 1)
    backfill = bool(v["attrition.backfill"])
    curve = v["ramp.curve"]
    attrition = streams["attrition"]

    # Tenure as floats, one month before month 1; each month adds 1 in place.
    tenure = (1 - start).astype(float)
    inverse_ramp = 1.0 / ramp_months
    produced = np.zeros((n, seats))       # per seat, since its current category began
    moved = np.zeros((3, n))              # production of original sellers who have left
    out = np.empty((n, seats))
    uniform = np.empty((n, seats))
    leave = np.empty((n, seats), dtype=bool)
    monthly = np.empty((n, months))
    for month in range(1, months + 1):
        tenure += 1.0
        if curve == "linear":
            np.multiply(tenure, inverse_ramp, out=out)
            np.clip(out, 0.0, 1.0, out=out)
        else:
            out[:] = ramp_fraction(tenure, ramp_months, curve)
        out *= attainment
        produced += out
        out.sum(axis=1, out=monthly[:, month - 1])
        attrition.random(out=uniform)
        np.less(uniform, hazard, out=leave)
        if n_hires:
            leave[:, n_existing:] |= tenure[:, n_existing:] == washout_at
        rows, cols = np.nonzero(leave)
        active = tenure[rows, cols] >= 1
        rows, cols = rows[active], cols[active]
        if not len(rows):
            continue
        hired = cols >= n_existing
        washout_at[rows[hired], cols[hired] - n_existing] = 0
        if not backfill:
            tenure[rows, cols] = -10.0 * months
            continue
        first = is_backfill[rows, cols] == 0
        for category, in_block in ((0, cols < n_existing), (1, cols >= n_existing)):
            pick = first & in_block
            moved[category] += np.bincount(rows[pick], produced[rows[pick], cols[pick]],
                                           minlength=n)
        produced[rows[first], cols[first]] = 0.0
        tenure[rows, cols] = 1.0 - gap[rows]
        is_backfill[rows, cols] = 1.0
        occupant[rows, cols] += 1
        nth = occupant[rows, cols]
        fresh = nth >= ATTAINMENT_POOL
        chosen = pool[rows, cols, np.minimum(nth, ATTAINMENT_POOL - 1)]
        if fresh.any():
            chosen[fresh] = clip_to_field("reps.attainment", sample(
                v["reps.attainment"], int(fresh.sum()), streams["backfill_attainment"]))
        attainment[rows, cols] = chosen

    parts = np.empty((n, 3))
    staying = produced * (1.0 - is_backfill)
    parts[:, 0] = moved[0] + staying[:, :n_existing].sum(axis=1)
    parts[:, 1] = moved[1] + staying[:, n_existing:].sum(axis=1)
    parts[:, 2] = (produced * is_backfill).sum(axis=1)
    scale = (d["reps.monthly_quota"] * d["reps.market"]
             * driver_multiplier(d["drivers.deal_value_change"], d["drivers.win_rate_change"],
                                 d["drivers.sales_cycle_change"]))
    monthly *= scale[:, None]
    parts *= scale[:, None]
    if v["basis"] == "arr":
        retained = inputs.baseline * retained_factor(d["retention.gross_annual"],
                                                     d["retention.expansion_annual"], months)
    else:
        retained = np.zeros(n)
    draws = dict(d)
    draws["reps.attainment"] = pool[:, :, 0].mean(axis=1) if seats else np.zeros(n)
    draws["hiring.delay_months"] = delay.mean(axis=1) if n_hires else np.zeros(n)
    return ChunkOutput(monthly, parts, retained, draws)


@dataclass
class ExpectedOutput:
    """The on-paper (expected value) run: monthly new revenue, parts and retained base."""

    monthly: np.ndarray   # (months,)
    parts: np.ndarray     # (3,) existing reps, new hires, backfills
    retained: float


def expected_run(values: Mapping[str, Any], months: int, baseline: float) -> ExpectedOutput:
    """Deterministic run with every input at a fixed value; rates act as expected fractions.

    Each cohort (the existing sellers, the hires of one start month, the backfills of one start
    month) keeps the expected share of its starting headcount still on board: survival after
    ``k`` months is ``(1 - h)^k``, times ``1 - washout x min(k, K) / K`` for hires (``K`` =
    ceil(ramp months)). Expected leavers of a month start a backfill cohort.

    Parameters
    ----------
    values : mapping
        Model path -> fixed value (numbers, months list, curve, bool, basis).
    months : int
        Length of the period.
    baseline : float
        Starting ARR (``arr`` basis) or prior-period bookings (``bookings``).
    """
    ramp_months = float(values["ramp.months"])
    curve = values["ramp.curve"]
    hazard = float(monthly_hazard(float(values["attrition.annual"])))
    washout = float(values["hiring.washout"])
    whole = max(1, math.ceil(ramp_months))
    delay = int(round(float(values["hiring.delay_months"])))
    gap = max(1, int(round(float(values["attrition.backfill_delay_months"]))))
    attainment = float(values["reps.attainment"])

    # cohort: [start month, starting headcount, category index, washout applies]
    cohorts: list[list[Any]] = [[RAMPED, float(round(values["reps.existing"])), 0, False]]
    for start in spread_hires(int(round(values["hiring.count"])), values["hiring.months"]):
        cohorts.append([start + delay, 1.0, 1, True])

    def survival(k: int, washes: bool) -> float:
        kept = (1 - hazard) ** k
        return kept * (1 - washout * min(k, whole) / whole) if washes else kept

    monthly = np.zeros(months)
    parts = np.zeros(3)
    for month in range(1, months + 1):
        leavers = 0.0
        for start, head, category, washes in list(cohorts):
            k = month - start + 1
            if k < 1:
                continue
            ramp = float(ramp_fraction(np.array(k), ramp_months, curve))
            if start == RAMPED:  # on board since before the period: count months from its start
                k = month
            on_board = head * survival(k - 1, washes)
            produced = on_board * ramp
            monthly[month - 1] += produced
            parts[category] += produced
            leavers += on_board - head * survival(k, washes)
        if values["attrition.backfill"] and leavers > 0:
            cohorts.append([month + gap, leavers, 2, False])
    scale = (float(values["reps.monthly_quota"]) * attainment * float(values["reps.market"])
             * driver_multiplier(float(values["drivers.deal_value_change"]),
                                 float(values["drivers.win_rate_change"]),
                                 float(values["drivers.sales_cycle_change"])))
    retained = 0.0
    if values["basis"] == "arr":
        retained = baseline * retained_factor(float(values["retention.gross_annual"]),
                                              float(values["retention.expansion_annual"]),
                                              months)
    return ExpectedOutput(monthly * scale, parts * scale, retained)
