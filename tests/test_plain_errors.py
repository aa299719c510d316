"""In a notebook, the kit's errors show as their sentence, other errors as usual."""

from __future__ import annotations

import pytest
from IPython.core.interactiveshell import InteractiveShell

from okrsim.errors import OkrsimError, PlanError
from okrsim.widgets import plain_errors


@pytest.fixture
def shell(monkeypatch):
    monkeypatch.setenv(plain_errors.ENV_VAR, "1")  # the suite turns it off (see conftest.py)
    shell = InteractiveShell.instance()
    yield shell
    shell.set_custom_exc((), None)


def test_okrsim_errors_print_one_sentence_without_traceback(shell, capsys):
    assert plain_errors.install(shell)
    shell.run_cell("from okrsim.sim import solve\nsolve(None, 'hiring.count', 1.5)")
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert captured.err.startswith("okrsim: ") and "between 0 and 1" in captured.err


def test_plan_errors_print_each_problem(shell, capsys):
    plain_errors.install(shell)
    shell.run_cell("from okrsim import load_plan\nload_plan('no-such-plan.yaml')")
    err = capsys.readouterr().err
    assert err.strip() == ("okrsim: no-such-plan.yaml does not exist; give the path of a plan "
                           "file (.yaml).")


def test_other_errors_keep_their_traceback(shell, capsys):
    plain_errors.install(shell)
    shell.run_cell("1 / 0")
    captured = capsys.readouterr()
    assert "ZeroDivisionError" in captured.out + captured.err


def test_plain_message_lists_problems():
    assert plain_errors.plain_message(PlanError(["a.", "b."])) == "okrsim: a.\nokrsim: b."
    assert plain_errors.plain_message(OkrsimError("x.")) == "okrsim: x."


def test_install_without_a_shell_does_nothing():
    assert plain_errors.install(object()) is False


def test_the_environment_variable_turns_it_off(shell, monkeypatch):
    monkeypatch.setenv(plain_errors.ENV_VAR, "0")
    assert plain_errors.install(shell) is False
