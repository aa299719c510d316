"""``simulate --precision SE``: trials added until the standard error of P(target) is small."""

from __future__ import annotations

import json

import numpy as np
import pytest

from okrsim.errors import OkrsimError
from okrsim.sim import simulate
from okrsim.sim.engine import CHUNK
from okrsim.sim.precision import simulate_to_precision


def test_runs_until_the_standard_error_is_reached():
    result, steps = simulate_to_precision(None, 0.004, seed=2)
    assert result.p_target_se <= 0.004 < steps[0].p_target_se
    assert [s.trials for s in steps] == sorted({s.trials for s in steps})
    assert steps[-1].trials == result.trials and result.trials % CHUNK == 0
    needed = result.p_target * (1 - result.p_target) / 0.004**2
    assert result.trials < 3 * needed  # sized from the estimate, not blindly doubled


def test_a_longer_run_repeats_the_shorter_runs_trials():
    result, steps = simulate_to_precision(None, 0.004, seed=2)
    first = simulate(trials=steps[0].trials, seed=2)
    assert first.p_target == steps[0].p_target
    assert np.array_equal(result.growth[:CHUNK], first.growth)


def test_the_cap_stops_the_run():
    result, steps = simulate_to_precision(None, 0.0001, seed=0, cap=3 * CHUNK)
    assert result.trials == 3 * CHUNK and result.p_target_se > 0.0001


@pytest.mark.parametrize("se", [0, 0.5, -1, "0.01", True])
def test_a_bad_precision_is_one_sentence(se):
    with pytest.raises(OkrsimError, match="the precision is the standard error wanted"):
        simulate_to_precision(None, se)


def test_cli_shows_the_convergence(cli):
    code, out, _ = cli("simulate", "--precision", "0.006")
    assert code == 0 and out.startswith("Convergence to a standard error of at most 0.60 points")
    code, out, _ = cli("simulate", "--precision", "0.006", "--json")
    data = json.loads(out)
    assert data["convergence"][-1]["p_target_se"] <= 0.006
    assert data["trials"] == data["convergence"][-1]["trials"]
    code, _, err = cli("simulate", "--precision", "half")
    assert code == 2 and "--precision must be a standard error between 0 and 0.5" in err
