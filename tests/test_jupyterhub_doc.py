"""docs/jupyterhub.md says what okrsim reads: its variables, URLs, snippets and commands."""

from __future__ import annotations

import re

import pytest
import yaml

from okrsim.cli.main import COMMANDS
from okrsim.workshop.journal import ENV_VAR, ROOM_ENV_VAR
from okrsim.workshop.target import parse_target
from tests.conftest import ROOT

GUIDE = (ROOT / "docs" / "jupyterhub.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return [re.sub(r"^ {3}", "", block, flags=re.M)
            for block in re.findall(rf"```{language}\n(.*?)```", GUIDE, flags=re.S)]


def test_the_variables_are_the_ones_okrsim_reads():
    assert f"`{ENV_VAR}`" in GUIDE and f"`{ROOM_ENV_VAR}`" in GUIDE
    named = set(re.findall(r"\bOKRSIM_[A-Z_]+", GUIDE))
    assert named == {ENV_VAR, ROOM_ENV_VAR}


@pytest.mark.parametrize("url", sorted(set(re.findall(r"postgresql://[^\s'`\"]+", GUIDE))))
def test_every_url_in_the_guide_parses(url):
    target = parse_target(url)
    assert target.kind == "postgresql" and "choose-one" not in target.shown


def test_the_tljh_snippet_sets_both_variables():
    (snippet,) = _blocks("python")
    namespace = {"c": type("Config", (), {"Spawner": type("Spawner", (), {})})()}
    exec(compile(snippet, "okrsim.py", "exec"), namespace)
    environment = namespace["c"].Spawner.environment
    assert set(environment) == {ENV_VAR, ROOM_ENV_VAR}
    assert parse_target(environment[ENV_VAR]).kind == "sqlite"


def test_the_chart_values_pass_both_variables_and_run_init():
    (values,) = _blocks("yaml")
    singleuser = yaml.safe_load(values)["singleuser"]
    assert set(singleuser["extraEnv"]) == {ENV_VAR, ROOM_ENV_VAR}
    assert singleuser["extraEnv"][ENV_VAR]["valueFrom"]["secretKeyRef"]["key"] == "url"
    assert singleuser["lifecycleHooks"]["postStart"]["exec"]["command"][:2] == ["okrsim", "init"]


def test_the_okrsim_commands_exist_and_the_named_files_too():
    code = " ".join(_blocks("bash") + re.findall(r"`([^`\n]+)`", GUIDE))
    commands = re.findall(r"(?:^|[\s\"])okrsim ([a-z]+)\b", code)
    assert "init" in commands
    for command in commands:
        assert command in COMMANDS
    for path in re.findall(r"`((?:tests|benchmarks)/[\w/]+\.py)`", GUIDE):
        assert (ROOT / path).is_file(), path
    assert (ROOT / "notebooks" / "facilitator_dashboard.ipynb").is_file()
