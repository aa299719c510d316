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

:func:`run_chunk` is the Monte Carlo engine. It follows each seat as a chain of occupants, arrays
over trials x seats: the month a seller leaves is drawn once (the first month of a geometric law,
:func:`leaving_months`, which is the same law as one Bernoulli draw per month), and production
is summed through tables of ramp fractions by tenure instead of a loop over months.
:func:`expected_run` is the deterministic on-paper run, where rates act as expected fractions of
headcount (cohorts with survival curves).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from okrsim.plan import schema
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
    counts = counts.astype(np.int64)
    if len(counts) > 2 * (counts.max(initial=0) + 1):  # one row per possible count, looked up
        return planned_starts(np.arange(counts.max() + 1), months, capacity, never)[counts]
    ordered = np.sort(np.asarray(months, dtype=np.int64))
    k = len(ordered)
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


class Streams(dict):
    """Generators by name, each made on first use from ``SeedSequence([*key, index])``.

    A generator is as independent as if all had been made up front; making only those a run
    uses saves time when most inputs are fixed or drawn elsewhere (segments).
    """

    def __init__(self, key: Sequence[int], names: Sequence[str]) -> None:
        super().__init__()
        self.key = list(key)
        self.index = {name: i for i, name in enumerate(names)}

    def __missing__(self, name: str) -> np.random.Generator:
        i, extra = self.index[name], self.key[2:]
        generator = np.random.default_rng(np.random.SeedSequence([*self.key[:2], i, *extra]))
        self[name] = generator
        return generator


def make_streams(entropy: int, chunk: int,
                 segment: int | None = None) -> dict[str, np.random.Generator]:
    """One independent generator per stream and per numeric input, for one chunk of trials.

    Separate streams keep common random numbers: changing one input (a hire count, a ramp) does
    not shift the random draws of any other part of the model. Segment ``k`` (1, 2, ...) has
    streams of its own, so adding a segment leaves the others' draws unchanged. Generators are
    made on first use (:class:`Streams`).
    """
    names = [*STREAM_NAMES, *schema.MODEL_FIELDS]
    key = [entropy, chunk] + ([] if segment is None else [segment])
    return Streams(key, names)


@dataclass
class ChunkOutput:
    """Per-trial results of one chunk: monthly new revenue, parts, retained base, inputs.

    With costs also seller-months, starts (hires and backfills starting in the period) and the
    people cost ``seller_monthly_cost x seller-months + hire_cost x starts``.
    """

    monthly: np.ndarray          # (n, months) new revenue booked in each month
    parts: np.ndarray            # (n, 3) existing reps, new hires, backfills
    retained: np.ndarray         # (n,) retained starting base (0 on a bookings basis)
    draws: dict[str, np.ndarray]  # path -> (n,) input value per trial (means for per-seller)
    seller_months: np.ndarray | None = None  # (n,)
    starts: np.ndarray | None = None         # (n,)
    people_cost: np.ndarray | None = None    # (n,)


def leaving_months(first_month: Any, uniform: np.ndarray, log_stay: Any) -> np.ndarray:
    """Last month of sellers who may leave at the end of each month with hazard ``h``.

    A seller active from ``first_month`` stays ``G`` months with ``P(G = k) = (1 - h)^(k-1) h``:
    the first success of one Bernoulli draw per month. ``G = floor(log(u) / log(1 - h)) + 1``
    with ``u`` uniform on [0, 1) has exactly that law, so one uniform per seller replaces one
    per seller-month. ``log_stay`` is ``log(1 - h)``; with ``h = 0`` nobody leaves (``inf``).
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        stay = np.log(uniform)
        stay /= log_stay
    np.floor(stay, out=stay)
    if not np.all(log_stay < 0):  # h = 0 gives -inf (log(u) / +0) or nan (u = 0): stays
        stay[~(stay >= 0)] = np.inf
    stay += first_month
    return stay


class RampTable:
    """Ramp fractions by tenure for a chunk: one column, or one per trial when the ramp varies.

    ``by_tenure[k, r]`` is the ramp fraction in tenure month ``k`` (``k`` = 0..months, and
    ``months + 1`` for an already ramped seller, 1.0), ``reversed`` the same rows in reverse
    order; ``cumulative[k, r]`` is the production of tenure months 1..k. Column ``r`` is the
    trial, or 0 for every trial when ``shared``.
    """

    def __init__(self, ramp_months: np.ndarray, curve: Any, months: int) -> None:
        self.shared = bool(np.all(ramp_months == ramp_months[0]))
        rows = (ramp_months[:1] if self.shared else ramp_months)[None, :]
        self.by_tenure = np.ones((months + 2, rows.shape[1]))
        self.by_tenure[:-1] = ramp_fraction(np.arange(months + 1)[:, None], rows, curve)
        self.reversed = self.by_tenure[::-1].copy()
        self.cumulative = self.by_tenure[:-1].copy()
        for k in range(1, months + 1):  # row by row: contiguous adds
            self.cumulative[k] += self.cumulative[k - 1]
        # Tenure in month m (0-based, columns) of a seller who started in month s (rows, with
        # s = 0 standing for an already ramped seller); 0 before the start.
        start = np.arange(months + 1)[:, None]
        tenure = np.clip(np.arange(months)[None, :] - start + 2, 0, months)
        tenure[0] = months + 1
        self.tenure = tenure

    def produced(self, trial: np.ndarray, tenure: np.ndarray) -> np.ndarray:
        """Quota-months a seller produces in its first ``tenure`` months (0..months)."""
        if self.shared:
            return np.take(self.cumulative[:, 0], tenure)
        return np.take(self.cumulative.ravel(), tenure * self.cumulative.shape[1] + trial)


class Bins:
    """Attainment of sellers summed by (last month, start month, trial), then made monthly.

    ``add(trial, start, last, weight, category)``: ``start`` is the start month (0 for an
    already ramped seller), ``last`` the last month within the period (1..months), ``category``
    the index in :data:`CATEGORIES`. With ``season`` (one weight per month) production of month
    m is multiplied by its weight, and the categories are binned apart so that
    :meth:`monthly_parts` can split weighted production by category.
    """

    def __init__(self, n: int, months: int, season: np.ndarray | None = None) -> None:
        self.n, self.months, self.season = n, months, season
        self.index: list[np.ndarray] = []
        self.weight: list[np.ndarray] = []

    def add(self, trial: np.ndarray, start: np.ndarray, last: np.ndarray,
            weight: np.ndarray, category: int = 0) -> None:
        """Count sellers (arrays of one shape) with their attainment as ``weight``."""
        months, n = self.months, self.n
        offset = category * n * months * (months + 1) if self.season is not None else 0
        self.index.append((((months - last) * (months + 1) + start) * n + trial + offset).ravel())
        self.weight.append(weight.ravel())

    def monthly(self, ramps: RampTable) -> np.ndarray:
        """Production per month, shape ``(n, months)``; see :func:`_monthly_from_bins`."""
        if self.season is not None:
            return self.monthly_parts(ramps)[0]
        n, months = self.n, self.months
        bins = np.bincount(np.concatenate(self.index), np.concatenate(self.weight),
                           minlength=n * months * (months + 1))
        return _monthly_from_bins(bins.reshape(months, months + 1, n), ramps)

    def monthly_parts(self, ramps: RampTable) -> tuple[np.ndarray, np.ndarray]:
        """Seasonal production per month ``(n, months)`` and per category ``(n, 3)``."""
        n, months = self.n, self.months
        size = n * months * (months + 1)
        bins = np.bincount(np.concatenate(self.index), np.concatenate(self.weight),
                           minlength=len(CATEGORIES) * size)
        bins = bins.reshape(len(CATEGORIES), months, months + 1, n)
        monthly = np.zeros((n, months))
        parts = np.empty((n, len(CATEGORIES)))
        for category in range(len(CATEGORIES)):
            produced = _monthly_from_bins(bins[category], ramps) * self.season[None, :]
            parts[:, category] = produced.sum(axis=1)
            monthly += produced
        return monthly, parts


def _backfills(trial: np.ndarray, start: np.ndarray, attainment: np.ndarray,
               uniform: np.ndarray, gap: np.ndarray, log_stay: np.ndarray, months: int,
               attainment_value: Any, streams: Mapping[str, np.random.Generator],
               bins: Bins, ramps: RampTable,
               staffing: np.ndarray | None = None) -> np.ndarray:
    """Follow chains of replacements from the seats' second occupants; return their production.

    Each backfill starts ``gap`` months after its predecessor's last month. The second
    occupant of a seat uses the seat's pooled draws (given); later ones draw fresh attainment
    and leaving uniforms. ``staffing`` (shape ``(2, n)``), when given, gains each backfill's
    seller-months (row 0) and one start (row 1).
    """
    produced = np.zeros(len(log_stay))
    while len(trial):
        last = leaving_months(start, uniform, log_stay[trial])
        in_period = np.minimum(last, months).astype(np.int64)
        bins.add(trial, start, in_period, attainment, 2)
        tenure = in_period - start + 1
        if bins.season is None:
            produced += np.bincount(trial, ramps.produced(trial, tenure) * attainment,
                                    minlength=len(produced))
        if staffing is not None:
            staffing[0] += np.bincount(trial, tenure, minlength=len(produced))
            staffing[1] += np.bincount(trial, minlength=len(produced))
        following = last + gap[trial]
        alive = np.flatnonzero(following <= months)
        trial, start = trial[alive], following[alive].astype(np.int64)
        uniform = streams["attrition"].random(len(trial), dtype=np.float32)
        attainment = clip_to_field("reps.attainment", sample(
            attainment_value, len(trial), streams["backfill_attainment"], single=True))
    return produced


def run_chunk(inputs: Inputs, n: int, streams: Mapping[str, np.random.Generator],
              capacity: Mapping[str, int] | None = None,
              shared: Mapping[str, np.ndarray] | None = None) -> ChunkOutput:
    """Simulate ``n`` trials of the model (see the module docstring for the semantics).

    Each seat is followed as a chain of occupants: one starts, produces along the ramp until
    the month it leaves (drawn once by :func:`leaving_months`, or its washout month if earlier),
    and its backfill starts ``gap`` months later. Sellers are counted in (last month, start
    month) bins, which tables of ramp fractions turn into production per month.

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
    shared : mapping, optional
        Per-trial draws common to every segment (market, drivers, retention, company costs),
        used instead of drawing those inputs again.

    Returns
    -------
    ChunkOutput
    """
    v = inputs.values
    months = inputs.months
    d = draw_trial_inputs(inputs, n, streams, shared)
    capacity = capacity or {}
    existing = d["reps.existing"].astype(np.int64)
    hires = d["hiring.count"].astype(np.int64)
    # Actuals: months 1..k are over; the roster replaces the existing sellers and the hires
    # planned up to month k, and nobody on it leaves before month k + 1.
    k, roster_hires = 0, np.zeros(0, dtype=np.int64)
    if inputs.actuals is not None:
        k = inputs.actuals.through_month
        on_board, started = inputs.actuals.roster()
        existing = np.full(n, on_board, dtype=np.int64)
        roster_hires = np.asarray(started, dtype=np.int64)
    n_existing = int(max(capacity.get("reps.existing", 0), existing.max(initial=0)))
    n_planned = int(max(capacity.get("hiring.count", 0), hires.max(initial=0)))
    n_roster = len(roster_hires)
    n_hires = n_roster + n_planned
    seats = n_existing + n_hires
    never = months + 1

    # Arrays are seat-major, (seats, n): sellers reach the bins seat by seat, each sweeping the
    # trials in order, and sums over seats are contiguous row adds.
    delay = np.rint(clip_to_field("hiring.delay_months",
                                  sample(v["hiring.delay_months"], (n_planned, n),
                                         streams["delay"])))
    planned = planned_starts(hires, v["hiring.months"], n_planned, never).T
    if k:
        planned = np.where(planned <= k, never, planned)
    # Seats' first occupants: existing sellers (start 0: ramped before the period), then hires
    # (the roster's, then the planned ones).
    start = np.empty((seats, n), dtype=np.int64)
    start[:n_existing] = np.where(np.arange(n_existing)[:, None] < existing, 0, never)
    start[n_existing:n_existing + n_roster] = roster_hires[:, None]
    start[n_existing + n_roster:] = np.where(planned == never, never,
                                             planned + delay.astype(np.int64))
    active = start <= months
    np.minimum(start, months, out=start)  # inactive seats: any valid bin, with weight 0
    # Per seat, the draws of its first ATTAINMENT_POOL occupants (common random numbers).
    # Single precision where it only blurs draws by 1e-7 (attainment, leaving uniforms); revenue
    # is summed in double precision.
    pool = clip_to_field("reps.attainment",
                         sample(v["reps.attainment"], (ATTAINMENT_POOL, seats, n),
                                streams["attainment"], single=True))
    uniforms = streams["attrition"].random((ATTAINMENT_POOL, seats, n), dtype=np.float32)
    log_stay = np.log1p(-monthly_hazard(d["attrition.annual"])).astype(np.float32)

    last = leaving_months(np.maximum(start, k + 1), uniforms[0], log_stay)
    if n_hires:
        washed = streams["washout"].random((n_planned, n)) < d["hiring.washout"]
        ramp_whole = np.ceil(d["ramp.months"])
        tenure_out = 1 + np.floor(streams["washout"].random((n_planned, n)) * ramp_whole)
        if n_roster:  # the roster's hires were still on board at month k: no washout
            washed = np.vstack([np.zeros((n_roster, n), dtype=bool), washed])
            tenure_out = np.vstack([np.ones((n_roster, n)), tenure_out])
        washout_last = np.where(washed, start[n_existing:] + tenure_out - 1, np.inf)
        np.minimum(last[n_existing:], washout_last, out=last[n_existing:])
    in_period = np.minimum(last, months).astype(np.int64)
    weight = pool[0] if active.all() else np.where(active, pool[0], 0.0)
    trials = np.arange(n)
    season = None if inputs.season is None else np.asarray(inputs.season, dtype=float)
    if k:  # months 1..k are known (booked), not simulated: they weigh 0
        season = np.ones(months) if season is None else season.copy()
        season[:k] = 0.0
    bins = Bins(n, months, season)
    if season is None:
        bins.add(trials, start, in_period, weight)
    else:
        bins.add(trials, start[:n_existing], in_period[:n_existing], weight[:n_existing], 0)
        bins.add(trials, start[n_existing:], in_period[n_existing:], weight[n_existing:], 1)
    ramps = RampTable(d["ramp.months"], v["ramp.curve"], months)
    staffing = None
    if inputs.costs:  # seller-months (row 0) and starts (row 1) per trial
        staffing = np.zeros((2, n))
        staffing[0] = np.where(active, in_period - np.maximum(start, 1) + 1, 0).sum(axis=0)
        staffing[1] = active[n_existing:].sum(axis=0)

    parts = np.zeros((n, 3))
    if season is None:
        parts[:, 0] = np.einsum("st,st->t", weight[:n_existing], in_period[:n_existing])
        tenure = np.clip(in_period[n_existing:] - start[n_existing:] + 1, 0, months)
        parts[:, 1] = np.einsum("st,st->t", weight[n_existing:], ramps.produced(trials, tenure))
    if v["attrition.backfill"]:
        gap = np.maximum(np.rint(d["attrition.backfill_delay_months"]), 1)
        following = last + gap
        second = np.flatnonzero(active & (following <= months))
        parts[:, 2] = _backfills(second % n, following.ravel()[second].astype(np.int64),
                                 pool[1].ravel()[second], uniforms[1].ravel()[second], gap,
                                 log_stay, months, v["reps.attainment"], streams, bins, ramps,
                                 staffing)
    if season is None:
        monthly = bins.monthly(ramps)
    else:
        monthly, parts = bins.monthly_parts(ramps)

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
    draws["reps.attainment"] = pool[0].mean(axis=0, dtype=float) if seats else np.zeros(n)
    draws["hiring.delay_months"] = delay.mean(axis=0) if n_planned else np.zeros(n)
    if staffing is None:
        return ChunkOutput(monthly, parts, retained, draws)
    cost = d["costs.seller_monthly_cost"] * staffing[0] + d["costs.hire_cost"] * staffing[1]
    return ChunkOutput(monthly, parts, retained, draws, staffing[0], staffing[1], cost)


def _monthly_from_bins(bins: np.ndarray, ramps: RampTable) -> np.ndarray:
    """Production per month, shape ``(n, months)``, from attainment summed in bins.

    ``bins[j, s, t]``: attainment of the sellers of trial ``t`` who started in month ``s`` (0:
    already ramped) and whose last month in the period is ``l = months - 1 - j`` (0-based;
    reversed so that a forward cumulative sum counts the sellers still on board). Such a
    seller produces ``by_tenure[tenure[s, m]]`` in every month ``m <= l``. Trials are the last
    axis so that every step works on contiguous rows.
    """
    months, starts, n = bins.shape
    if ramps.shared:
        on_board = np.arange(months)[::-1, None] >= np.arange(months)[None, :]  # [j, m]
        fraction = ramps.by_tenure[:, 0][ramps.tenure]                  # [s, m]
        kernel = on_board[:, None, :] * fraction[None, :, :]            # [j, s, m]
        return (kernel.reshape(months * starts, months).T @ bins.reshape(-1, n)).T
    for j in range(1, months):  # a cumulative sum over j, row by row (contiguous adds)
        bins[j] += bins[j - 1]
    monthly = np.empty((n, months))
    for m in range(months):
        staying = bins[months - 1 - m]                                  # [s, t]
        # Month m (0-based): sellers who started in month s <= m + 1 are in tenure m + 2 - s.
        ramped = np.einsum("st,st->t", staying[1:m + 2], ramps.reversed[months - m:months + 1])
        np.add(staying[0], ramped, out=monthly[:, m])
    return monthly


@dataclass
class ExpectedOutput:
    """The on-paper (expected value) run: monthly new revenue, parts and retained base."""

    monthly: np.ndarray   # (months,)
    parts: np.ndarray     # (3,) existing reps, new hires, backfills
    retained: float
    seller_months: float = 0.0
    starts: float = 0.0
    by_group: list[float] = field(default_factory=list)  # new revenue of each segment
    people_cost: float = 0.0                               # seller-months and starts, costed


def expected_run(values: Mapping[str, Any], months: int, baseline: float,
                 season: Sequence[float] | None = None,
                 actuals: Any = None) -> ExpectedOutput:
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
    season : sequence of float, optional
        Weight of each month's production (seasonality).
    actuals : Actuals, optional
        A re-forecast from month ``k``: the roster replaces the existing sellers and the hires
        planned up to month k, is all on board through month k, and produces from month k + 1
        (months 1..k are the booked amount, added by the caller).

    Returns
    -------
    ExpectedOutput
        Also the expected seller-months (heads on board, summed over months) and starts.
    """
    ramp_months = float(values["ramp.months"])
    curve = values["ramp.curve"]
    hazard = float(monthly_hazard(float(values["attrition.annual"])))
    washout = float(values["hiring.washout"])
    whole = max(1, math.ceil(ramp_months))
    delay = int(round(float(values["hiring.delay_months"])))
    gap = max(1, int(round(float(values["attrition.backfill_delay_months"]))))
    attainment = float(values["reps.attainment"])

    k = 0 if actuals is None else actuals.through_month
    existing = float(round(values["reps.existing"]))
    if actuals is not None:
        existing = float(actuals.roster()[0])
    # cohort: [start month, starting headcount, category index, washout applies, first month
    # at risk of leaving]
    cohorts: list[list[Any]] = [[RAMPED, existing, 0, False, k + 1]]
    if actuals is not None:
        cohorts.extend([start, 1.0, 1, False, k + 1] for start in actuals.roster()[1])
    # A count that is not whole (an aspirational key result at 0.7 of its stretch) adds its
    # fraction as a part-hire at the last planned start.
    count = float(values["hiring.count"])
    whole_hires = math.ceil(count - 1e-9)
    for i, start in enumerate(spread_hires(whole_hires, values["hiring.months"])):
        head = count - (whole_hires - 1) if i == whole_hires - 1 else 1.0
        if start > k:
            cohorts.append([start + delay, head, 1, True, start + delay])

    def survival(at_risk: int, tenure: int, washes: bool) -> float:
        kept = (1 - hazard) ** max(at_risk, 0)
        return kept * (1 - washout * min(tenure, whole) / whole) if washes else kept

    weights = [1.0] * months if season is None else [float(w) for w in season]
    weights = [0.0 if m < k else w for m, w in enumerate(weights)]
    monthly = np.zeros(months)
    parts = np.zeros(3)
    seller_months = 0.0
    starts = sum(head for start, head, category, *_ in cohorts if category and start <= months)
    for month in range(1, months + 1):
        leavers = 0.0
        for start, head, category, washes, first in list(cohorts):
            tenure = month - start + 1
            if tenure < 1:
                continue
            ramp = float(ramp_fraction(np.array(tenure), ramp_months, curve))
            on_board = head * survival(month - first, tenure - 1, washes)
            produced = on_board * ramp * weights[month - 1]
            monthly[month - 1] += produced
            parts[category] += produced
            seller_months += on_board
            if month >= first:
                leavers += on_board - head * survival(month - first + 1, tenure, washes)
        if values["attrition.backfill"] and leavers > 0:
            cohorts.append([month + gap, leavers, 2, False, month + gap])
            if month + gap <= months:
                starts += leavers
    scale = (float(values["reps.monthly_quota"]) * attainment * float(values["reps.market"])
             * driver_multiplier(float(values["drivers.deal_value_change"]),
                                 float(values["drivers.win_rate_change"]),
                                 float(values["drivers.sales_cycle_change"])))
    retained = 0.0
    if values["basis"] == "arr":
        retained = baseline * retained_factor(float(values["retention.gross_annual"]),
                                              float(values["retention.expansion_annual"]),
                                              months)
    return ExpectedOutput(monthly * scale, parts * scale, retained, seller_months, starts)
