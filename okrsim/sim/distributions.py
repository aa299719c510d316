"""Sampling and summaries of uncertain inputs, for arrays of trials.

Every family is one class of the registry :data:`okrsim.plan.distributions.REGISTRY` (its
parameters, validation, central value, quantiles and sampling); this module is the numpy side:
it hands each family the generator, numpy as the array namespace and, for per-seller draws, a fast
single-precision normal. A plain number stands for a constant.

Per-seller draws are the bulk of a simulation's random numbers; for them ``sample(...,
single=True)`` draws normal and lognormal values in single precision through
:func:`standard_normal_single`, several times faster than numpy's double-precision normal.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

import numpy as np

from okrsim.plan.distributions import REGISTRY


def is_uncertain(value: Any) -> bool:
    """Whether ``value`` is a distribution with spread (not a number or a ``fixed`` one)."""
    if not isinstance(value, Mapping) or value["dist"] == "fixed":
        return False
    return central(value) != quantile(value, 0.05) or central(value) != quantile(value, 0.95)


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
    normal = partial(standard_normal_single, rng=rng) if single else None
    return REGISTRY[value["dist"]].sample(value, size, rng, np, normal)


def central(value: Any) -> float:
    """The on-paper value: the mode, or the median where there is no single mode."""
    if not isinstance(value, Mapping):
        return float(value)
    return REGISTRY[value["dist"]].central(value)


def quantile(value: Any, q: float) -> float:
    """The ``q``-quantile (0 < q < 1) of a number or a distribution."""
    if not isinstance(value, Mapping):
        return float(value)
    return REGISTRY[value["dist"]].quantile(value, q)


def mean(value: Any) -> float:
    """The expected value of a number or a distribution (clips ignored for normal/lognormal)."""
    return float(value) if not isinstance(value, Mapping) else REGISTRY[value["dist"]].mean(value)


def upper_bound(value: Any) -> float:
    """A value no draw exceeds in practice: the top of a bounded range, else mean + 8 sd."""
    if not isinstance(value, Mapping):
        return float(value)
    return REGISTRY[value["dist"]].upper_bound(value)
