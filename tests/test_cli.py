"""The command line's foundation: version, help, check, and errors as one sentence."""

from __future__ import annotations

import json
import subprocess
import sys

from okrsim import __version__
from tests.conftest import ARTICLE_PLAN


def test_version(cli):
    code, out, _ = cli("--version")
    assert code == 0 and out.strip() == f"okrsim {__version__}"


def test_no_command_prints_help_and_exits_2(cli):
    code, out, _ = cli()
    assert code == 2 and "COMMAND" in out


def test_unknown_command_is_one_sentence(cli):
    code, out, err = cli("frobnicate")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "invalid choice" in err


def test_check_article_plan_prints_tree_and_exits_0(cli):
    code, out, err = cli("check", str(ARTICLE_PLAN))
    assert code == 0, err
    assert "└─ [Company] Grow revenue profitably this year (grow-revenue)" in out
    assert "No findings" in out


def test_check_json(cli):
    code, out, _ = cli("check", str(ARTICLE_PLAN), "--json")
    data = json.loads(out)
    assert code == 0 and data["clean"] is True and data["tree"][0]["id"] == "grow-revenue"


def test_check_findings_exit_1(cli, write_plan):
    text = ARTICLE_PLAN.read_text(encoding="utf-8").replace(
        "parent: fast-onboarding", "parent: no-such-objective")
    code, out, _ = cli("check", str(write_plan(text)), "--json")
    assert code == 1
    assert [f["code"] for f in json.loads(out)["findings"]] == ["missing-parent"]


def test_check_cycle_and_duplicates_exit_2(cli, write_plan):
    text = ARTICLE_PLAN.read_text(encoding="utf-8").replace(
        "    parent: grow-revenue\n    objective: Make new sellers",
        "    parent: onboarding-programme\n    objective: Make new sellers")
    code, out, _ = cli("check", str(write_plan(text)))
    assert code == 2 and "form a cycle" in out


def test_check_bad_files_are_one_sentence_each(cli, write_plan, tmp_path):
    cases = [
        str(tmp_path / "missing.yaml"),
        str(write_plan("", "empty.yaml")),
        str(write_plan("plan: [\n", "syntax.yaml")),
        str(write_plan("- 1\n", "list.yaml")),
        str(write_plan(b"\x89PNG\r\n\x1a\n\xff\xfe\x00", "junk.yaml")),
        str(write_plan("plan: x\nperiod: {start: 2027-01, months: -1}\nobjectives: []\n",
                       "numbers.yaml")),
    ]
    for path in cases:
        code, out, err = cli("check", path)
        assert code == 2, path
        assert out == ""
        assert "Traceback" not in err
        assert all(line.startswith("okrsim: error: ") for line in err.splitlines()), err


def test_missing_argument_is_a_usage_error(cli):
    code, _, err = cli("check")
    assert code == 2 and "required" in err


def test_console_script_runs_as_a_program():
    result = subprocess.run(
        [sys.executable, "-m", "okrsim.cli", "check", str(ARTICLE_PLAN), "--json"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["plan"] == "Revenue teams FY2027"


def test_lab_opens_jupyterlab_on_the_notebooks(cli, monkeypatch):
    import okrsim.cli.lab

    calls = []
    monkeypatch.setattr(okrsim.cli.lab.subprocess, "call", lambda cmd: calls.append(cmd) or 0)
    code, _, _ = cli("lab", "--port", "8123")
    assert code == 0
    (command,) = calls
    assert command[1:3] == ["-m", "jupyterlab"]
    assert any(a.startswith("--ServerApp.root_dir=") for a in command)
    assert "--port=8123" in command


def test_check_findings_in_italian(cli, write_plan):
    text = ARTICLE_PLAN.read_text(encoding="utf-8").replace(
        "parent: fast-onboarding", "parent: no-such-objective")
    code, out, _ = cli("check", str(write_plan(text)), "--lang", "it")
    assert code == 1 and "no-such-objective" in out and "12 mesi" in out
    code, _, err = cli("check", str(ARTICLE_PLAN), "--lang", "fr")
    assert code == 2 and "invalid choice" in err
