"""The distribution registry: one class per family, the single place that knows a distribution.

A plan writes an uncertain input as a number or a mapping such as
``{dist: triangular, low: 3, mode: 5, high: 7}``. Each family is one :class:`Distribution`
subclass holding everything about it: its parameters (required and optional), their validation,
its central value (the on-paper value), quantiles, mean, a practical upper bound, the parameters
that move when a slider shifts its location, and sampling.

**Adding a distribution = one class in this module**, decorated with :func:`register`. The plan
schema's ``DISTRIBUTIONS`` table, the plan validation, the simulator's sampling
(:mod:`okrsim.sim.distributions`) and the dashboard's sliders all read :data:`REGISTRY`.

This module imports no numpy: sampling receives the numpy ``Generator`` and the array namespace
``xp`` (numpy itself) from the simulator, so ``import okrsim.plan`` stays light. Quantiles are
computed in plain Python (closed forms, or bisection on the exact beta distribution function).

On paper a distribution stands at its mode; at its median where there is no single mode
(uniform; beta with ``a`` or ``b`` at most 1). A normal clipped by ``low`` / ``high`` stands at
its mean clipped into the range.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from statistics import NormalDist
from typing import Any, ClassVar

from okrsim.plan.problems import Num, problem

Params = Mapping[str, float]


class Distribution:
    """One family of distributions (subclass it and :func:`register` the subclass).

    Attributes
    ----------
    name : str
        What a plan writes after ``dist:``.
    required, optional : tuple of str
        Parameter names.
    location : tuple of str
        Parameters that shift with the distribution's location (what a slider moves).
    """

    name: ClassVar[str]
    required: ClassVar[tuple[str, ...]]
    optional: ClassVar[tuple[str, ...]] = ()
    location: ClassVar[tuple[str, ...]] = ()

    def shape_problems(self, p: Params, where: str) -> list[str]:
        """Sentences for parameters that are numbers but do not make a distribution."""
        return []

    def central(self, p: Params) -> float:
        """The on-paper value: the mode, or the median where there is no single mode."""
        raise NotImplementedError

    def quantile(self, p: Params, q: float) -> float:
        """The ``q``-quantile, 0 < q < 1."""
        raise NotImplementedError

    def mean(self, p: Params) -> float:
        """The expected value (a clip by ``low`` / ``high`` is ignored)."""
        raise NotImplementedError

    def upper_bound(self, p: Params) -> float:
        """A value no draw exceeds in practice."""
        return float(p.get("high", self.quantile(p, 1 - 1e-9)))

    def sample(self, p: Params, size: Any, rng: Any, xp: Any,
               standard_normal: Callable[[Any], Any] | None = None) -> Any:
        """Draw an array of shape ``size``.

        Parameters
        ----------
        p : mapping
            Valid parameters.
        size : int or tuple of int
        rng : numpy.random.Generator
        xp : module
            The array namespace (numpy).
        standard_normal : callable, optional
            ``standard_normal(size)`` giving single-precision standard normals; families that
            transform normals use it when given.
        """
        raise NotImplementedError


#: Distribution name -> its class instance, in the order plans and messages list them.
REGISTRY: dict[str, Distribution] = {}


def register(cls: type[Distribution]) -> type[Distribution]:
    """Class decorator: add a family to :data:`REGISTRY`."""
    REGISTRY[cls.name] = cls()
    return cls


def _clip(x: float, p: Params) -> float:
    return min(max(x, p.get("low", -math.inf)), p.get("high", math.inf))


def _array_clip(x: Any, p: Params) -> Any:
    if "low" in p or "high" in p:
        return x.clip(p.get("low", -math.inf), p.get("high", math.inf), out=x)
    return x


def _ordered(p: Params, where: str) -> list[str]:
    if "low" in p and "high" in p and p["low"] > p["high"]:
        return [problem("distribution.low_above_high", where=where, low=Num(p["low"]),
                        high=Num(p["high"]))]
    return []


@register
class Fixed(Distribution):
    """A constant: ``{dist: fixed, value: 3}``."""

    name, required, location = "fixed", ("value",), ("value",)

    def central(self, p):
        return float(p["value"])

    def quantile(self, p, q):
        return float(p["value"])

    def mean(self, p):
        return float(p["value"])

    def upper_bound(self, p):
        return float(p["value"])

    def sample(self, p, size, rng, xp, standard_normal=None):
        return xp.full(size, float(p["value"]))


@register
class Normal(Distribution):
    """Normal with ``mean`` and ``sd``, optionally clipped to [``low``, ``high``]."""

    name, required, optional = "normal", ("mean", "sd"), ("low", "high")
    location = ("mean", "low", "high")

    def shape_problems(self, p, where):
        if p["sd"] < 0:
            return [problem("distribution.sd", where=where, value=Num(p["sd"]))]
        return _ordered(p, where)

    def central(self, p):
        return _clip(float(p["mean"]), p)

    def quantile(self, p, q):
        return _clip(float(p["mean"]) + NormalDist().inv_cdf(q) * float(p["sd"]), p)

    def mean(self, p):
        return float(p["mean"])

    def upper_bound(self, p):
        top = float(p["mean"]) + 8 * float(p["sd"])
        return min(top, float(p.get("high", top)))

    def sample(self, p, size, rng, xp, standard_normal=None):
        if standard_normal is not None:
            x = standard_normal(size)
            x *= xp.float32(p["sd"])
            x += xp.float32(p["mean"])
        else:
            x = rng.normal(float(p["mean"]), float(p["sd"]), size)
        return _array_clip(x, p)


def _lognormal_params(p: Params) -> tuple[float, float]:
    """(mu, sigma) of the underlying normal for a lognormal of the given mean and sd."""
    mean, sd = float(p["mean"]), float(p["sd"])
    sigma2 = math.log1p((sd / mean) ** 2)
    return math.log(mean) - sigma2 / 2, math.sqrt(sigma2)


@register
class Lognormal(Distribution):
    """Lognormal with the ``mean`` and ``sd`` of the variable itself; optional clip."""

    name, required, optional = "lognormal", ("mean", "sd"), ("low", "high")
    location = ("mean", "low", "high")

    def shape_problems(self, p, where):
        if p["sd"] < 0:
            return [problem("distribution.sd", where=where, value=Num(p["sd"]))]
        if p["mean"] <= 0:
            return [problem("distribution.lognormal_mean", where=where, value=Num(p["mean"]))]
        return _ordered(p, where)

    def central(self, p):
        if float(p["sd"]) == 0:
            return _clip(float(p["mean"]), p)
        mu, sigma = _lognormal_params(p)
        return _clip(math.exp(mu - sigma * sigma), p)  # the mode

    def quantile(self, p, q):
        if float(p["sd"]) == 0:
            return _clip(float(p["mean"]), p)
        mu, sigma = _lognormal_params(p)
        return _clip(math.exp(mu + NormalDist().inv_cdf(q) * sigma), p)

    def mean(self, p):
        return float(p["mean"])

    def upper_bound(self, p):
        top = float(p["mean"]) + 8 * float(p["sd"])
        return min(top, float(p.get("high", top)))

    def sample(self, p, size, rng, xp, standard_normal=None):
        if float(p["sd"]) == 0:
            return _array_clip(xp.full(size, float(p["mean"])), p)
        mu, sigma = _lognormal_params(p)
        if standard_normal is not None:
            x = standard_normal(size)
            x *= xp.float32(sigma)
            x += xp.float32(mu)
            x = xp.exp(x, out=x)
        else:
            x = rng.lognormal(mu, sigma, size)
        return _array_clip(x, p)


@register
class Uniform(Distribution):
    """Uniform on [``low``, ``high``]; on paper its median, the midpoint."""

    name, required, location = "uniform", ("low", "high"), ("low", "high")

    def shape_problems(self, p, where):
        return _ordered(p, where)

    def central(self, p):
        return (float(p["low"]) + float(p["high"])) / 2

    mean = central

    def quantile(self, p, q):
        return float(p["low"]) + q * (float(p["high"]) - float(p["low"]))

    def sample(self, p, size, rng, xp, standard_normal=None):
        return rng.uniform(float(p["low"]), float(p["high"]), size)


def _three_points(p: Params, where: str) -> list[str]:
    if not p["low"] <= p["mode"] <= p["high"]:
        return [problem("distribution.triangular", where=where, low=Num(p["low"]),
                        mode=Num(p["mode"]), high=Num(p["high"]))]
    return []


@register
class Triangular(Distribution):
    """Triangular with ``low``, ``mode``, ``high``."""

    name, required = "triangular", ("low", "mode", "high")
    location = ("low", "mode", "high")

    def shape_problems(self, p, where):
        return _three_points(p, where)

    def central(self, p):
        return float(p["mode"])

    def quantile(self, p, q):
        low, mode, high = float(p["low"]), float(p["mode"]), float(p["high"])
        if low == high:
            return low
        if q <= (mode - low) / (high - low):
            return low + math.sqrt(q * (high - low) * (mode - low))
        return high - math.sqrt((1 - q) * (high - low) * (high - mode))

    def mean(self, p):
        return (float(p["low"]) + float(p["mode"]) + float(p["high"])) / 3

    def sample(self, p, size, rng, xp, standard_normal=None):
        low, high = float(p["low"]), float(p["high"])
        if low == high:
            return xp.full(size, low)
        return rng.triangular(low, float(p["mode"]), high, size)


def _log_beta(a: float, b: float) -> float:
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def _beta_fraction(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 500):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= c * d
        if abs(c * d - 1.0) < 1e-15:
            break
    return result


def beta_cdf(x: float, a: float, b: float) -> float:
    """The regularised incomplete beta function I_x(a, b): P(X <= x) for X ~ beta(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(a * math.log(x) + b * math.log1p(-x) - _log_beta(a, b))
    if x < (a + 1) / (a + b + 2):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, 1 - x) / b


def beta_quantile(q: float, a: float, b: float) -> float:
    """The ``q``-quantile of beta(a, b) on [0, 1], by bisection on :func:`beta_cdf`."""
    low, high = 0.0, 1.0
    for _ in range(100):
        middle = (low + high) / 2
        if beta_cdf(middle, a, b) < q:
            low = middle
        else:
            high = middle
    return (low + high) / 2


class _ScaledBeta(Distribution):
    """A beta(a, b) stretched onto [low, high]; subclasses say where a and b come from."""

    def bounds(self, p: Params) -> tuple[float, float]:
        return float(p.get("low", 0.0)), float(p.get("high", 1.0))

    def shapes(self, p: Params) -> tuple[float, float]:
        raise NotImplementedError

    def quantile(self, p, q):
        low, high = self.bounds(p)
        if low == high:
            return low
        return low + (high - low) * beta_quantile(q, *self.shapes(p))

    def mean(self, p):
        low, high = self.bounds(p)
        if low == high:
            return low
        a, b = self.shapes(p)
        return low + (high - low) * a / (a + b)

    def upper_bound(self, p):
        return self.bounds(p)[1]

    def sample(self, p, size, rng, xp, standard_normal=None):
        low, high = self.bounds(p)
        if low == high:
            return xp.full(size, low)
        return low + (high - low) * rng.beta(*self.shapes(p), size)


@register
class Pert(_ScaledBeta):
    """PERT with ``low``, ``mode``, ``high`` and weight ``lamb`` (default 4) on the mode."""

    name, required, optional = "pert", ("low", "mode", "high"), ("lamb",)
    location = ("low", "mode", "high")

    def shape_problems(self, p, where):
        if p.get("lamb", 4.0) <= 0:
            return [problem("distribution.lamb", where=where, value=Num(p["lamb"]))]
        return _three_points(p, where)

    def shapes(self, p):
        low, mode, high = float(p["low"]), float(p["mode"]), float(p["high"])
        lamb = float(p.get("lamb", 4.0))
        return 1 + lamb * (mode - low) / (high - low), 1 + lamb * (high - mode) / (high - low)

    def central(self, p):
        return float(p["mode"])


@register
class Beta(_ScaledBeta):
    """Beta with shapes ``a`` and ``b`` on [``low``, ``high``] (default [0, 1])."""

    name, required, optional = "beta", ("a", "b"), ("low", "high")
    location = ("low", "high")

    def shape_problems(self, p, where):
        if p["a"] <= 0 or p["b"] <= 0:
            return [problem("distribution.beta", where=where, a=Num(p["a"]), b=Num(p["b"]))]
        if p.get("low", 0.0) >= p.get("high", 1.0):
            return [problem("distribution.low_below_high", where=where)]
        return []

    def shapes(self, p):
        return float(p["a"]), float(p["b"])

    def central(self, p):
        a, b = self.shapes(p)
        if a > 1 and b > 1:
            low, high = self.bounds(p)
            return low + (high - low) * (a - 1) / (a + b - 2)
        return self.quantile(p, 0.5)
