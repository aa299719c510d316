"""The ``model`` section of a plan: which inputs exist and which values each one allows.

This table is the single source of truth for model paths. The plan loader validates against it,
the cascade checker uses it to resolve ``drives`` paths, and the simulator reads defaults from it.
Validation functions return a list of plain sentences (empty when the value is fine); they never
raise, so a plan loader can report every problem of a file at once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from okrsim.plan.checks import is_number
from okrsim.plan.distributions import REGISTRY
from okrsim.plan.problems import Num, Said, alternatives, input_description, kind_of, problem

#: Distribution names and their (required, optional) parameters, from the registry.
DISTRIBUTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    name: (family.required, family.optional) for name, family in REGISTRY.items()
}


@dataclass(frozen=True)
class Field:
    """One model input.

    Parameters
    ----------
    kind : str
        ``"number"``, ``"count"``, ``"months"`` (list of start months), ``"curve"``, ``"bool"``
        or ``"choice"``.
    low, high : float
        Allowed range for numbers (inclusive unless ``open_low`` / ``open_high``).
    default : Any
        Value used when the plan leaves the field out; ``None`` means the field is required.
    uncertain : bool
        Whether the field may hold a distribution instead of a fixed value.
    description : str
        What the input means, in words, used in messages and documentation.
    better : {"higher", "lower"} or None
        Which way of a number or count is good for revenue or profit (``"lower"`` for a shorter
        ramp, less attrition or a lower cost); ``None`` for inputs that are not numbers.
    """

    kind: str
    default: Any
    description: str
    low: float = -math.inf
    high: float = math.inf
    open_low: bool = False
    open_high: bool = False
    uncertain: bool = True
    choices: tuple[str, ...] = ()
    better: str | None = None

    def allowed(self) -> Said:
        """Describe the allowed values in words (English; ``.say(lang)`` in another language)."""
        if self.kind == "choice":
            return alternatives(self.choices)
        if self.kind in ("count", "months", "curve", "bool"):
            return problem(f"allowed.{self.kind}", low=_fmt(self.low), high=_fmt(self.high))
        key = {(False, False): "number", (True, False): "number_open_low",
               (False, True): "number_open_high", (True, True): "number_open"}
        return problem(f"allowed.{key[self.open_low, self.open_high]}", low=_fmt(self.low),
                       high=_fmt(self.high))

    def contains(self, x: float) -> bool:
        """Whether the number ``x`` is inside the allowed range."""
        if not math.isfinite(x):
            return False
        above = x > self.low if self.open_low else x >= self.low
        below = x < self.high if self.open_high else x <= self.high
        return above and below


#: Directions of a numeric input: which way is good for revenue.
HIGHER, LOWER = "higher", "lower"

MODEL_FIELDS: dict[str, Field] = {
    "basis": Field(
        "choice", "arr", "growth basis", choices=("arr", "bookings"), uncertain=False
    ),
    "reps.existing": Field("count", None, "sellers already at full quota", 0, 10_000,
                           better=HIGHER),
    "reps.monthly_quota": Field(
        "number", None, "monthly quota of a fully ramped seller", 0, 1e12, open_low=True,
        better=HIGHER,
    ),
    "reps.attainment": Field("number", 1.0, "share of quota a ramped seller attains", 0, 5,
                             better=HIGHER),
    "reps.market": Field("number", 1.0, "market factor common to every seller", 0, 5,
                         better=HIGHER),
    "hiring.count": Field("count", 0, "sellers hired in the period", 0, 10_000, better=HIGHER),
    "hiring.months": Field("months", [1], "planned start months of the hires", uncertain=False),
    "hiring.delay_months": Field("number", 0.0, "time to fill a role, in months", 0, 36,
                                 better=LOWER),
    "hiring.washout": Field("number", 0.0, "probability a hire leaves during ramp", 0, 1,
                            better=LOWER),
    "ramp.months": Field(
        "number", 1.0, "months for a new seller to reach full quota", 0, 36, open_low=True,
        better=LOWER,
    ),
    "ramp.curve": Field("curve", "linear", "shape of the ramp to full quota", uncertain=False),
    "attrition.annual": Field(
        "number", 0.0, "share of sellers who leave in a year", 0, 1, open_high=True, better=LOWER
    ),
    "attrition.backfill": Field("bool", True, "whether leavers are replaced", uncertain=False),
    "attrition.backfill_delay_months": Field(
        "number", 0.0, "months between a leaver's last month and the backfill's start", 0, 36,
        better=LOWER,
    ),
    "drivers.deal_value_change": Field(
        "number", 0.0, "relative change of average deal value", -1, 10, open_low=True,
        better=HIGHER,
    ),
    "drivers.sales_cycle_change": Field(
        "number", 0.0, "relative change of sales cycle length", -1, 10, open_low=True,
        better=LOWER,
    ),
    "drivers.win_rate_change": Field(
        "number", 0.0, "relative change of win rate", -1, 10, open_low=True, better=HIGHER
    ),
    "retention.gross_annual": Field("number", 1.0, "gross annual revenue retention", 0, 1,
                                    better=HIGHER),
    "retention.expansion_annual": Field("number", 0.0, "annual expansion of the base", 0, 5,
                                        better=HIGHER),
    "costs.seller_monthly_cost": Field(
        "number", 0.0, "fully loaded cost of one seller for one month employed", 0, 1e9,
        better=LOWER,
    ),
    "costs.hire_cost": Field("number", 0.0, "one-off cost of each start (hire or backfill)", 0,
                             1e9, better=LOWER),
    "costs.gross_margin": Field(
        "number", 1.0, "share of recognised revenue left after cost of revenue", 0, 1,
        better=HIGHER,
    ),
    "costs.other_costs": Field("number", 0.0, "every other operating cost of the period", 0,
                               1e13, better=LOWER),
}

#: The path a company key result uses to declare itself the growth target.
TARGET_PATH = "target"
#: The path a key result uses to set the profit target (currency, needs ``model.costs``).
PROFIT_PATH = "profit"

#: Inputs drawn once per seller (or per hire) in each trial; every other input is drawn once per
#: trial. Only per-trial inputs may be correlated.
PER_SELLER_PATHS: tuple[str, ...] = ("reps.attainment", "hiring.delay_months")

#: The optional ``model.correlation`` section: a rank-correlation matrix between inputs.
CORRELATION_KEY = "correlation"

MODEL_SECTIONS: tuple[str, ...] = tuple(
    sorted({p.split(".")[0] for p in MODEL_FIELDS if "." in p})
)


def model_paths() -> list[str]:
    """Return every path a key result may name in ``drives``, ``target`` included."""
    return [TARGET_PATH, PROFIT_PATH, *MODEL_FIELDS]


def _fmt(x: float) -> Said | Num:
    if math.isinf(x):
        return problem("word.infinity" if x > 0 else "word.minus_infinity")
    return Num(x)


def validate_distribution(value: Any, where: str, field: Field | None = None) -> list[str]:
    """Check a fixed number or a distribution mapping such as ``{dist: triangular, ...}``.

    Parameters
    ----------
    value : Any
        A number, or a mapping with a ``dist`` key and that distribution's parameters.
    where : str
        Location prefix for messages, e.g. ``"plan.yaml: model.reps.attainment"``.
    field : Field, optional
        When given, the central value and explicit bounds must lie in the field's range.

    Returns
    -------
    list of str
        One sentence per problem; empty when the value is valid.
    """
    if isinstance(value, float) and not math.isfinite(value):
        return [problem("schema.finite", where=where, value=repr(value))]
    if is_number(value):
        if field is not None and not field.contains(float(value)):
            return [_must_be(where, field, value)]
        return []
    if not isinstance(value, Mapping):
        example = problem("schema.dist_example")
        kinds = (problem("schema.field_or_dist", allowed=field.allowed(), example=example)
                 if field else problem("schema.number_or_dist", example=example))
        return [problem("schema.not_number_or_dist", where=where, kinds=kinds,
                        kind=kind_of(value), value=repr(value))]
    name = value.get("dist")
    if not isinstance(name, str) or name not in REGISTRY:
        return [problem("schema.dist_unknown", where=where, allowed=", ".join(REGISTRY),
                        value=repr(name))]
    required, optional = REGISTRY[name].required, REGISTRY[name].optional
    problems = []
    for key in value:
        if key != "dist" and key not in required and key not in optional:
            problems.append(problem("schema.dist_unknown_key", where=where, field=repr(key),
                                    name=name, allowed=", ".join((*required, *optional))))
    params: dict[str, float] = {}
    for key in (*required, *optional):
        if key not in value:
            if key in required:
                problems.append(problem("schema.dist_needs", where=where, name=name,
                                        field=repr(key)))
            continue
        if not is_number(value[key]):
            problems.append(problem("schema.finite", where=where + f".{key}",
                                    value=repr(value[key])))
            continue
        params[key] = float(value[key])
    if problems:
        return problems
    problems.extend(REGISTRY[name].shape_problems(params, where))
    if not problems and field is not None and field.kind in ("number", "count"):
        for key in ("value", "mean", "mode", "low", "high"):
            if key in params and not field.contains(params[key]):
                problems.append(problem("schema.param_range", where=where + f".{key}",
                                        allowed=field.allowed(), value=Num(params[key])))
    return problems


def _must_be(where: str, field: Field, value: Any) -> Said:
    """``<where> must be <what the field allows>; got <value>.``"""
    return problem("schema.must_be", where=where, allowed=field.allowed(), value=repr(value))


def validate_value(path: str, value: Any, where: str, months: int | None = None) -> list[str]:
    """Check one value for the model input at ``path``.

    Parameters
    ----------
    path : str
        Dotted model path such as ``"ramp.months"``.
    value : Any
        The value from the plan (number, distribution, list, string or bool by kind).
    where : str
        Location prefix for messages.
    months : int, optional
        Number of months of the plan's period, to bound start months.

    Returns
    -------
    list of str
        One sentence per problem; empty when the value is valid.
    """
    field = MODEL_FIELDS[path]
    if field.kind == "choice":
        return [] if value in field.choices else [_must_be(where, field, value)]
    if field.kind == "bool":
        return [] if isinstance(value, bool) else [_must_be(where, field, value)]
    if field.kind == "months":
        return _validate_months(value, where, months)
    if field.kind == "curve":
        return _validate_curve(value, where)
    if field.kind == "count" and is_number(value) and (
            float(value) != int(value)):
        return [_must_be(where, field, value)]
    if not field.uncertain and not is_number(value):
        return [_must_be(where, field, value)]
    return validate_distribution(value, where, field)


def _validate_months(value: Any, where: str, months: int | None) -> list[str]:
    top = months or 120
    if is_number(value):
        value = [value]
    ok = (
        isinstance(value, list)
        and value
        and all(is_number(m) and float(m) == int(m)
                and 1 <= m <= top for m in value)
    )
    if not ok:
        return [problem("schema.months_bad", where=where, top=top, value=repr(value))]
    return []


def _validate_curve(value: Any, where: str) -> list[str]:
    if value in ("linear", "step", "s-curve"):
        return []
    if isinstance(value, list) and value and all(is_number(v) for v in value):
        fractions = [float(v) for v in value]
        rising = all(b >= a for a, b in zip(fractions, fractions[1:], strict=False))
        inside = all(0 <= f <= 1 for f in fractions)
        if rising and inside and fractions[-1] == 1.0:
            return []
    return [_must_be(where, MODEL_FIELDS["ramp.curve"], value)]


def validate_model(raw: Any, where: str, months: int | None = None,
                   extensions: tuple[str, ...] = (), sellers_required: bool = True) -> list[str]:
    """Check a plan's whole ``model`` section: known sections and keys, required inputs, values.

    Parameters
    ----------
    raw : Any
        The parsed ``model`` mapping.
    where : str
        Location prefix, usually ``"<file>: model"``.
    months : int, optional
        Number of months of the plan's period.
    extensions : tuple of str
        Further sections checked elsewhere (:mod:`okrsim.plan.finance`): skipped here, listed
        among the allowed ones.
    sellers_required : bool
        Whether the required seller inputs (``reps.*``) must be present (not with segments).

    Returns
    -------
    list of str
        One sentence per problem; empty when the section is valid.
    """
    if not isinstance(raw, Mapping):
        return [problem("schema.model_type", where=where, sections=", ".join(MODEL_SECTIONS),
                        kind=kind_of(raw))]
    problems: list[str] = []
    for key, value in raw.items():
        if key == CORRELATION_KEY:
            problems.extend(validate_correlation(value, where + f".{key}"))
            continue
        if key in extensions:
            continue
        if key in MODEL_FIELDS:  # top-level inputs such as `basis`
            problems.extend(validate_value(key, value, where + f".{key}", months))
            continue
        if key not in MODEL_SECTIONS:
            allowed = ", ".join(["basis", *MODEL_SECTIONS, CORRELATION_KEY, *extensions])
            problems.append(problem("schema.unknown_section", where=where, field=repr(key),
                                    allowed=allowed))
            continue
        problems.extend(validate_section(key, value, where, months))
    for path, field in MODEL_FIELDS.items():
        if field.default is None and sellers_required and get_path(raw, path) is None:
            problems.append(problem("schema.required", where=where + f".{path}",
                                    description=input_description(path)))
    return problems


def validate_section(key: str, value: Any, where: str, months: int | None = None) -> list[str]:
    """Check one section of inputs (``hiring``, ``ramp``, ...): a mapping of known keys.

    Parameters
    ----------
    key : str
        The section's name, one of :data:`MODEL_SECTIONS`.
    value : Any
        What the plan holds under it.
    where : str
        The place of the mapping that holds the section (``"<file>: model"``, or a segment).
    months : int, optional
        Number of months of the plan's period.

    Returns
    -------
    list of str
        One sentence per problem; empty when the section is valid.
    """
    here = where + f".{key}"
    if not isinstance(value, Mapping):
        return [problem("schema.mapping", where=here, kind=kind_of(value))]
    problems = []
    for sub, subvalue in value.items():
        path = f"{key}.{sub}"
        if path not in MODEL_FIELDS:
            prefix = key + "."
            allowed = ", ".join(p[len(prefix):] for p in MODEL_FIELDS if p.startswith(prefix))
            problems.append(problem("schema.unknown_key", where=here, field=repr(sub),
                                    allowed=allowed))
            continue
        problems.extend(validate_value(path, subvalue, where + f".{path}", months))
    return problems


def get_path(model: Mapping[str, Any], path: str, default: Any = None) -> Any:
    """Return the value at a dotted ``path`` of a model mapping, or ``default``."""
    node: Any = model
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return default
        node = node[part]
    return node


def model_value(model: Mapping[str, Any], path: str) -> Any:
    """Return the value at ``path``, falling back to the field's documented default."""
    return get_path(model, path, MODEL_FIELDS[path].default)


def correlatable_paths() -> list[str]:
    """Model inputs that may appear in ``model.correlation.inputs`` (uncertain, per trial)."""
    return [
        path
        for path, field in MODEL_FIELDS.items()
        if field.uncertain and field.kind in ("number", "count") and path not in PER_SELLER_PATHS
    ]


def validate_correlation(value: Any, where: str) -> list[str]:
    """Check a ``correlation`` section: ``{inputs: [path, ...], matrix: [[1, r], [r, 1]]}``.

    The matrix holds rank (Spearman) correlations: square, symmetric, ones on the diagonal,
    entries from -1 to 1, and positive semi-definite (a matrix real data could have).

    Returns
    -------
    list of str
        One sentence per problem; empty when the section is valid.
    """
    if not isinstance(value, Mapping) or set(value) != {"inputs", "matrix"}:
        return [problem("schema.correlation_shape", where=where, value=f"{value!r:.80}")]
    inputs, matrix = value["inputs"], value["matrix"]
    allowed = correlatable_paths()
    if (
        not isinstance(inputs, list)
        or len(inputs) < 2
        or len(set(map(str, inputs))) != len(inputs)
    ):
        return [problem("schema.correlation_inputs", where=where, value=repr(inputs))]
    bad = [p for p in inputs if p not in allowed]
    if bad:
        return [problem("schema.correlation_not_allowed", where=where, name=repr(bad[0]),
                        allowed=", ".join(allowed))]
    n = len(inputs)
    rows_ok = (
        isinstance(matrix, list)
        and len(matrix) == n
        and all(isinstance(r, list) and len(r) == n and all(map(is_number, r)) for r in matrix)
    )
    if not rows_ok:
        return [problem("schema.matrix_shape", where=where, n=n, value=f"{matrix!r:.80}")]
    m = [[float(x) for x in row] for row in matrix]
    if any(m[i][i] != 1.0 for i in range(n)):
        return [problem("schema.matrix_diagonal", where=where)]
    if any(not -1 <= m[i][j] <= 1 for i in range(n) for j in range(n)):
        return [problem("schema.matrix_entries", where=where)]
    if any(m[i][j] != m[j][i] for i in range(n) for j in range(n)):
        return [problem("schema.matrix_symmetric", where=where)]
    if not is_positive_semidefinite(m):
        return [problem("schema.matrix_possible", where=where)]
    return []


def is_positive_semidefinite(matrix: list[list[float]], tolerance: float = 1e-9) -> bool:
    """Whether a small symmetric matrix is positive semi-definite (a possible correlation matrix).

    A Cholesky factorisation of ``matrix + tolerance * I`` succeeds exactly when the matrix has
    no eigenvalue below ``-tolerance`` (up to rounding); plain Python, because the plan layer
    loads no numpy.

    Parameters
    ----------
    matrix : list of list of float
        Symmetric, n x n.
    tolerance : float
        How negative the smallest eigenvalue may be and still count as zero.

    Returns
    -------
    bool
    """
    n = len(matrix)
    lower = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1):
            total = matrix[i][j] + (tolerance if i == j else 0.0)
            total -= sum(lower[i][k] * lower[j][k] for k in range(j))
            if i == j:
                if total <= 0:
                    return False
                lower[i][i] = math.sqrt(total)
            else:
                lower[i][j] = total / lower[j][j]
    return True
