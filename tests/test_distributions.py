"""Statistical checks of the distributions: moments, bounds, quantiles, central values."""

from __future__ import annotations

import numpy as np
import pytest

from okrsim.plan import schema
from okrsim.plan.distributions import REGISTRY, beta_cdf, beta_quantile
from okrsim.sim.correlation import iman_conover, rank_correlation
from okrsim.sim.distributions import (
    central,
    is_uncertain,
    mean,
    quantile,
    sample,
    standard_normal_single,
)
from okrsim.widgets.sliders import LOCATION_KEYS

N = 200_000

CASES = [
    ({"dist": "normal", "mean": 1.0, "sd": 0.2}, 1.0, 0.2),
    ({"dist": "lognormal", "mean": 5.0, "sd": 2.0}, 5.0, 2.0),
    ({"dist": "uniform", "low": 2.0, "high": 6.0}, 4.0, 4.0 / np.sqrt(12)),
    ({"dist": "triangular", "low": 3, "mode": 5, "high": 7}, 5.0,
     np.sqrt((9 + 25 + 49 - 15 - 21 - 35) / 18)),
    ({"dist": "pert", "low": 0, "mode": 1, "high": 4}, 8 / 6, None),
    ({"dist": "beta", "a": 2, "b": 5}, 2 / 7, np.sqrt(10 / (49 * 8))),
]


@pytest.mark.parametrize(("dist", "expected_mean", "expected_sd"), CASES)
def test_sample_moments_match_the_parameters(dist, expected_mean, expected_sd):
    x = sample(dist, N, np.random.default_rng(1))
    assert x.mean() == pytest.approx(expected_mean, rel=0.01)
    assert mean(dist) == pytest.approx(expected_mean, rel=1e-9)
    if expected_sd is not None:
        assert x.std() == pytest.approx(expected_sd, rel=0.02)


@pytest.mark.parametrize(("dist", "low", "high"), [
    ({"dist": "uniform", "low": 2, "high": 3}, 2, 3),
    ({"dist": "triangular", "low": 3, "mode": 4, "high": 6}, 3, 6),
    ({"dist": "pert", "low": 3, "mode": 4, "high": 6}, 3, 6),
    ({"dist": "beta", "a": 0.5, "b": 0.5, "low": 10, "high": 20}, 10, 20),
    ({"dist": "normal", "mean": 0.85, "sd": 0.5, "low": 0.0, "high": 1.2}, 0.0, 1.2),
    ({"dist": "lognormal", "mean": 1.0, "sd": 3.0, "high": 4.0}, 0.0, 4.0),
])
def test_samples_stay_within_bounds(dist, low, high):
    x = sample(dist, N, np.random.default_rng(2))
    assert x.min() >= low and x.max() <= high


def test_clipped_normal_piles_up_at_the_bounds():
    x = sample({"dist": "normal", "mean": 0, "sd": 1, "low": -1, "high": 1}, N,
               np.random.default_rng(3))
    assert (x == 1).mean() == pytest.approx(0.1587, abs=0.005)


@pytest.mark.parametrize("dist", [c[0] for c in CASES])
def test_quantiles_match_the_empirical_ones(dist):
    x = sample(dist, N, np.random.default_rng(4))
    for q in (0.1, 0.5, 0.9):
        assert quantile(dist, q) == pytest.approx(np.quantile(x, q), rel=0.02, abs=1e-3)


@pytest.mark.parametrize("dist", [
    CASES[0][0],
    CASES[1][0],
    {"dist": "normal", "mean": 1.04, "sd": 0.3, "low": 0.0, "high": 2.5},
])
def test_single_precision_draws_have_the_same_law(dist):
    x = sample(dist, N, np.random.default_rng(11), single=True)
    double = sample(dist, N, np.random.default_rng(11))
    assert x.dtype == np.float32 and x.shape == (N,)
    assert x.min() >= dist.get("low", -np.inf) and x.max() <= dist.get("high", np.inf)
    assert x.mean(dtype=float) == pytest.approx(double.mean(), rel=0.01)
    assert x.std(dtype=float) == pytest.approx(double.std(), rel=0.02)
    for q in (0.01, 0.1, 0.5, 0.9, 0.99):
        assert quantile(dist, q) == pytest.approx(np.quantile(x, q), rel=0.02, abs=1e-3)


def test_box_muller_normals_are_standard_and_independent():
    z = standard_normal_single((2, 100_000), np.random.default_rng(12)).astype(float)
    assert z.shape == (2, 100_000)
    flat = z.ravel()
    se = 1 / np.sqrt(flat.size)
    assert abs(flat.mean()) < 4 * se
    assert flat.var() == pytest.approx(1, abs=4 * np.sqrt(2) * se)
    assert abs((flat ** 3).mean()) < 4 * np.sqrt(15) * se          # skewness 0
    assert (flat ** 4).mean() == pytest.approx(3, abs=4 * np.sqrt(96) * se)  # kurtosis 3
    assert (np.abs(flat) > 1.959964).mean() == pytest.approx(0.05, abs=4 * np.sqrt(0.0475) * se)
    # Rows are the cosine and sine of the same pairs: uncorrelated, squares too (independent).
    limit = 4 / np.sqrt(z.shape[1])
    assert abs(np.corrcoef(z[0], z[1])[0, 1]) < limit
    assert abs(np.corrcoef(z[0] ** 2, z[1] ** 2)[0, 1]) < limit
    assert abs(np.corrcoef(z[0, :-1], z[0, 1:])[0, 1]) < limit
    odd = standard_normal_single(7, np.random.default_rng(12))
    assert odd.shape == (7,)
    assert np.array_equal(odd, standard_normal_single(7, np.random.default_rng(12)))


def test_central_values():
    assert central(7) == 7
    assert central({"dist": "triangular", "low": 3, "mode": 5, "high": 9}) == 5
    assert central({"dist": "pert", "low": 3, "mode": 4, "high": 9}) == 4
    assert central({"dist": "uniform", "low": 2, "high": 4}) == 3
    assert central({"dist": "normal", "mean": 2, "sd": 1, "high": 1.5}) == 1.5
    assert central({"dist": "beta", "a": 2, "b": 2}) == pytest.approx(0.5)
    lognormal = {"dist": "lognormal", "mean": 5.0, "sd": 2.0}
    # The lognormal has one mode, exp(mu - sigma^2) = median / (1 + cv^2), cv = sd / mean.
    assert central(lognormal) == pytest.approx(5.0 / np.sqrt(1 + 0.16) / 1.16)
    # No single mode: the median (uniform above; beta with a or b at most 1).
    assert central({"dist": "beta", "a": 0.5, "b": 0.5}) == pytest.approx(0.5, abs=1e-12)
    assert central({"dist": "beta", "a": 1, "b": 2}) == pytest.approx(1 - np.sqrt(0.5))
    assert central({"dist": "beta", "a": 2, "b": 1, "low": 10, "high": 20}) == pytest.approx(
        10 + 10 * np.sqrt(0.5))


@pytest.mark.parametrize("x", [0.01, 0.2, 0.5, 0.77, 0.99])
def test_beta_cdf_matches_closed_forms(x):
    assert beta_cdf(x, 1, 1) == pytest.approx(x, rel=1e-12)
    assert beta_cdf(x, 2, 1) == pytest.approx(x * x, rel=1e-12)
    assert beta_cdf(x, 1, 3) == pytest.approx(1 - (1 - x) ** 3, rel=1e-12)
    assert beta_cdf(x, 0.5, 0.5) == pytest.approx(2 / np.pi * np.arcsin(np.sqrt(x)), rel=1e-10)
    assert beta_quantile(beta_cdf(x, 2.5, 4.0), 2.5, 4.0) == pytest.approx(x, rel=1e-9)


def test_the_registry_is_the_one_table_of_distributions():
    assert list(REGISTRY) == ["fixed", "normal", "lognormal", "uniform", "triangular", "pert",
                              "beta"]
    assert schema.DISTRIBUTIONS == {name: (d.required, d.optional) for name, d in REGISTRY.items()}
    assert LOCATION_KEYS == {name: d.location for name, d in REGISTRY.items()}
    for family in REGISTRY.values():
        assert set(family.location) <= set(family.required) | set(family.optional)


def test_a_registered_class_is_a_new_distribution_everywhere():
    from okrsim.plan import distributions as registry

    class Shifted(registry.Uniform):
        name = "shifted-uniform-test"

    registry.register(Shifted)
    try:
        value = {"dist": "shifted-uniform-test", "low": 1, "high": 3}
        assert schema.validate_distribution(value, "x") == []
        assert central(value) == 2
        assert sample(value, 5, np.random.default_rng(0)).min() >= 1
    finally:
        del registry.REGISTRY["shifted-uniform-test"]


def test_degenerate_distributions_are_constants():
    rng = np.random.default_rng(5)
    assert (sample({"dist": "triangular", "low": 2, "mode": 2, "high": 2}, 10, rng) == 2).all()
    assert (sample({"dist": "lognormal", "mean": 3, "sd": 0}, 10, rng) == 3).all()
    assert (sample({"dist": "fixed", "value": 4}, 10, rng) == 4).all()
    assert not is_uncertain({"dist": "normal", "mean": 1, "sd": 0})
    assert not is_uncertain(3)
    assert is_uncertain({"dist": "normal", "mean": 1, "sd": 0.1})


def test_same_generator_seed_gives_the_same_draws():
    dist = {"dist": "pert", "low": 0, "mode": 1, "high": 4}
    a = sample(dist, 100, np.random.default_rng(9))
    b = sample(dist, 100, np.random.default_rng(9))
    c = sample(dist, 100, np.random.default_rng(10))
    assert np.array_equal(a, b) and not np.array_equal(a, c)


def test_iman_conover_keeps_marginals_and_reaches_the_rank_correlation():
    rng = np.random.default_rng(6)
    columns = np.column_stack([rng.uniform(size=20_000), rng.triangular(0, 1, 5, 20_000)])
    target = np.array([[1.0, 0.6], [0.6, 1.0]])
    paired = iman_conover(columns, target, np.random.default_rng(7))
    assert np.array_equal(np.sort(paired, axis=0), np.sort(columns, axis=0))
    assert rank_correlation(paired[:, 0], paired[:, 1]) == pytest.approx(0.6, abs=0.02)
    assert abs(rank_correlation(columns[:, 0], columns[:, 1])) < 0.03


def test_rank_correlation_handles_ties_and_constants():
    assert rank_correlation(np.array([1, 2, 2, 3.0]), np.array([1, 2, 2, 3.0])) == pytest.approx(1)
    assert rank_correlation(np.ones(5), np.arange(5.0)) == 0.0
