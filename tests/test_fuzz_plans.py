"""Random corruptions of a real plan never end in a traceback.

Each case replaces one value (or deletes one key) of the article's plan with a value of a wrong
type or an absurd size. The plan loader must either accept the result or refuse it with
sentences (PlanError); an accepted plan must then pass through the cascade checker and the
simulator, which may refuse it only with an OkrsimError. Seeded, so a failure is reproducible;
``OKRSIM_FUZZ_CASES=15000`` runs more cases than the default 300.
"""

from __future__ import annotations

import copy
import math
import os
import random

import pytest
import yaml

from okrsim import check
from okrsim.errors import OkrsimError, PlanError
from okrsim.plan import parse_plan
from okrsim.sim import simulate
from tests.conftest import ARTICLE_PLAN

BASE = yaml.safe_load(ARTICLE_PLAN.read_text(encoding="utf-8"))
ODD_VALUES = [None, -1, 0, 0.5, 1e12, -1e12, math.inf, math.nan, "", "text", "1e9", True,
              [], [1, 2], {}, {"dist": "normal"}, {"dist": "triangular", "low": 5, "mode": 1,
                                                  "high": 2}, "x" * 5000, 10**30]


def _paths(node, prefix=()):
    """Every (container, key) pair of a parsed YAML document."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield prefix + (key,)
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield prefix + (index,)
            yield from _paths(value, prefix + (index,))


PATHS = list(_paths(BASE))


def _corrupt(seed: int):
    """Apply one to three random corruptions; return the data and the paths touched."""
    rng = random.Random(seed)
    data = copy.deepcopy(BASE)
    touched = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        path = rng.choice(PATHS)
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            if isinstance(parent, dict) and rng.random() < 0.2:
                del parent[path[-1]]
            else:
                parent[path[-1]] = copy.deepcopy(rng.choice(ODD_VALUES))
        except (KeyError, IndexError, TypeError):  # an earlier corruption removed the way there
            continue
        touched.append(path)
    return data, touched


@pytest.mark.parametrize("seed", range(int(os.environ.get("OKRSIM_FUZZ_CASES", "300"))))
def test_a_corrupted_plan_is_refused_in_sentences_or_works(seed):
    data, path = _corrupt(seed)
    try:
        plan = parse_plan(data, source="fuzz.yaml", strict=False)
    except PlanError as exc:
        assert exc.problems and all(isinstance(p, str) and p.strip() for p in exc.problems)
        assert all(p.startswith("fuzz.yaml") for p in exc.problems), (path, exc.problems)
        return
    report = check(plan)
    assert isinstance(report.to_text(), str) and report.to_dict()["plan"] == plan.name
    try:
        result = simulate(plan, trials=50, seed=seed)
    except OkrsimError as exc:
        assert str(exc).strip(), path
        return
    assert 0.0 <= result.p_target <= 1.0
