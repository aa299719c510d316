"""Probability distributions of uncertain inputs: sampling, central value and quantiles.

A distribution is written in a plan as a fixed number or a mapping such as
``{dist: triangular, low: 3, mode: 5, high: 7}`` (see :data:`okrsim.plan.schema.DISTRIBUTIONS`).
Only numpy is used. Parameters are assumed valid (``spec.validate_distribution`` checks them).

- ``normal``: mean, sd; optional low/high clip.
- ``lognormal``: mean and sd *of the variable itself* (not of its logarithm); optional clip.
- ``uniform``: low, high.  ``triangular``: low, mode, high.
- ``pert``: low, mode, high, optional ``lamb`` (default 4): a beta rescaled to [low, high].
- ``beta``: a, b, optional low/high (default 0 and 1).

Per-seller draws are the bulk of a simulation's random numbers; for them ``sample(...,
single=True)`` draws normal and lognormal values in single precision through
:func:`standard_normal_single`, several times faster than numpy's double-precision normal.
"""

from __future__ import annotations

from collections.abc import Mapping
from statistics import NormalDist
from typing import Any

import numpy as np

#: Draws used to estimate a quantile that has no closed form (beta, PERT).
_QUANTILE_DRAWS = 200_000


def is_uncertain(value: Any) -> bool:
    """Whether ``value`` is a distribution with spread (not a number or a ``fixed`` one)."""
    if not isinstance(value, Mapping):
        return False
    if value["dist"] == "fixed":
        return False
    return central(value) != quantile(value, 0.05) or central(value) != quantile(value, 0.95)


def _constant(value: Any) -> float | None:
    """The number itself for a plain number or a ``fixed`` distribution, else ``None``."""
    if not isinstance(value, Mapping):
        return float(value)
    if value["dist"] == "fixed":
        return float(value["value"])
    return None


def _lognormal_params(mean: float, sd: float) -> tuple[float, float]:
    """Return (mu, sigma) of the underlying normal for a lognormal of given mean and sd."""
    sigma2 = np.log1p((sd / mean) ** 2)
    return float(np.log(mean) - sigma2 / 2), float(np.sqrt(sigma2))


def _pert_shape(p: Mapping[str, Any]) -> tuple[float, float]:
    low, mode, high = float(p["low"]), float(p["mode"]), float(p["high"])
    lamb = float(p.get("lamb", 4.0))
    width = high - low
    return 1 + lamb * (mode - low) / width, 1 + lamb * (high - mode) / width


def _clip(x: np.ndarray, p: Mapping[str, Any], in_place: bool = False) -> np.ndarray:
    if "low" in p or "high" in p:
        return np.clip(x, p.get("low", -np.inf), p.get("high", np.inf), out=x if in_place else None)
    return x


def standard_normal_single(size: int | tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
    """Standard normal draws in single precision (float32), by the Box-Muller transform.

    Each pair of float32 uniforms ``u1, u2`` gives two independent standard normals
    ``r cos(2 pi u2)`` and ``r sin(2 pi u2)`` with ``r = sqrt(-2 log(1 - u1))``. The law is exact
    up to float32 resolution: uniforms are multiples of 2**-24, so ``|z|`` never exceeds 5.77
    (a normal goes beyond once in about 10**8 draws).
    """
    count = int(np.prod(size))
    pairs = (count + 1) // 2
    uniform = rng.random(2 * pairs, dtype=np.float32)
    radius, angle = uniform[:pairs], uniform[pairs:]
    np.subtract(np.float32(1), radius, out=radius)  # (0, 1]: log stays finite
    np.log(radius, out=radius)
    np.multiply(radius, np.float32(-2), out=radius)
    np.sqrt(radius, out=radius)
    np.multiply(angle, np.float32(2 * np.pi), out=angle)
    normal = np.empty(2 * pairs, dtype=np.float32)
    np.cos(angle, out=normal[:pairs])
    np.sin(angle, out=normal[pairs:])
    np.multiply(normal[:pairs], radius, out=normal[:pairs])
    np.multiply(normal[pairs:], radius, out=normal[pairs:])
    return normal[:count].reshape(size)


def sample(value: Any, size: int | tuple[int, ...], rng: np.random.Generator,
           single: bool = False) -> np.ndarray:
    """Draw ``size`` values of a number or a distribution mapping.

    Parameters
    ----------
    value : float or mapping
        A fixed number or a distribution such as ``{dist: normal, mean: 1, sd: 0.1}``.
    size : int or tuple of int
        Shape of the returned array.
    rng : numpy.random.Generator
        The source of randomness.
    single : bool, default False
        Draw normal and lognormal values in single precision (float32, by
        :func:`standard_normal_single`); other distributions are drawn in double precision.

    Returns
    -------
    numpy.ndarray
        Float array of shape ``size``.
    """
    if not isinstance(value, Mapping):
        return np.full(size, float(value))
    name = value["dist"]
    p = value
    if name == "fixed":
        return np.full(size, float(p["value"]))
    if name == "normal":
        if single:
            normal = standard_normal_single(size, rng)
            normal *= np.float32(p["sd"])
            normal += np.float32(p["mean"])
            return _clip(normal, p, in_place=True)
        return _clip(rng.normal(float(p["mean"]), float(p["sd"]), size), p)
    if name == "lognormal":
        if float(p["sd"]) == 0:
            return _clip(np.full(size, float(p["mean"])), p)
        mu, sigma = _lognormal_params(float(p["mean"]), float(p["sd"]))
        if single:
            normal = standard_normal_single(size, rng)
            normal *= np.float32(sigma)
            normal += np.float32(mu)
            return _clip(np.exp(normal, out=normal), p, in_place=True)
        return _clip(rng.lognormal(mu, sigma, size), p)
    if name == "uniform":
        return rng.uniform(float(p["low"]), float(p["high"]), size)
    low, high = float(p.get("low", 0.0)), float(p.get("high", 1.0))
    if name == "triangular":
        if low == high:
            return np.full(size, low)
        return rng.triangular(low, float(p["mode"]), high, size)
    if name == "pert":
        if low == high:
            return np.full(size, low)
        a, b = _pert_shape(p)
        return low + (high - low) * rng.beta(a, b, size)
    if name == "beta":
        return low + (high - low) * rng.beta(float(p["a"]), float(p["b"]), size)
    raise ValueError(f"unknown distribution {name!r}")


def central(value: Any) -> float:
    """The value used on paper: the mode, or the median where the mode is not typical.

    Normal: the mean (clipped); lognormal: the median; uniform: the midpoint; triangular and
    PERT: the mode; beta: the mode when both shapes exceed 1, otherwise the mean.
    """
    constant = _constant(value)
    if constant is not None:
        return constant
    p = value
    name = p["dist"]
    if name == "normal":
        return float(_clip(np.array(float(p["mean"])), p))
    if name == "lognormal":
        return quantile(p, 0.5)
    if name == "uniform":
        return (float(p["low"]) + float(p["high"])) / 2
    if name in ("triangular", "pert"):
        return float(p["mode"])
    a, b = float(p["a"]), float(p["b"])
    low, high = float(p.get("low", 0.0)), float(p.get("high", 1.0))
    share = (a - 1) / (a + b - 2) if a > 1 and b > 1 else a / (a + b)
    return low + (high - low) * share


def quantile(value: Any, q: float) -> float:
    """The ``q``-quantile (0 < q < 1) of a number or a distribution.

    Closed forms for normal, lognormal, uniform and triangular; beta and PERT use the empirical
    quantile of a large sample drawn with a fixed seed, so the answer is reproducible.
    """
    constant = _constant(value)
    if constant is not None:
        return constant
    p = value
    name = p["dist"]
    z = NormalDist().inv_cdf(q)
    if name == "normal":
        return float(_clip(np.array(float(p["mean"]) + z * float(p["sd"])), p))
    if name == "lognormal":
        if float(p["sd"]) == 0:
            return float(_clip(np.array(float(p["mean"])), p))
        mu, sigma = _lognormal_params(float(p["mean"]), float(p["sd"]))
        return float(_clip(np.array(np.exp(mu + z * sigma)), p))
    if name == "uniform":
        return float(p["low"]) + q * (float(p["high"]) - float(p["low"]))
    if name == "triangular":
        low, mode, high = float(p["low"]), float(p["mode"]), float(p["high"])
        if low == high:
            return low
        cut = (mode - low) / (high - low)
        if q <= cut:
            return low + float(np.sqrt(q * (high - low) * (mode - low)))
        return high - float(np.sqrt((1 - q) * (high - low) * (high - mode)))
    draws = sample(p, _QUANTILE_DRAWS, np.random.default_rng(12345))
    return float(np.quantile(draws, q))


def mean(value: Any) -> float:
    """The expected value of a number or a distribution (clips ignored for normal/lognormal)."""
    constant = _constant(value)
    if constant is not None:
        return constant
    p = value
    name = p["dist"]
    if name in ("normal", "lognormal"):
        return float(p["mean"])
    if name == "uniform":
        return (float(p["low"]) + float(p["high"])) / 2
    if name == "triangular":
        return (float(p["low"]) + float(p["mode"]) + float(p["high"])) / 3
    low, high = float(p.get("low", 0.0)), float(p.get("high", 1.0))
    if name == "pert":
        if low == high:
            return low
        a, b = _pert_shape(p)
    else:
        a, b = float(p["a"]), float(p["b"])
    return low + (high - low) * a / (a + b)


def upper_bound(value: Any) -> float:
    """A value no draw exceeds in practice: the top of a bounded range, else mean + 8 sd."""
    constant = _constant(value)
    if constant is not None:
        return constant
    p = value
    name = p["dist"]
    if name in ("normal", "lognormal"):
        top = float(p["mean"]) + 8 * float(p["sd"])
        return min(top, float(p.get("high", top)))
    return float(p.get("high", 1.0))
