"""The two install routes (pip via pyproject.toml, conda via environment.yml) stay equal."""

from __future__ import annotations

import re
import sys

import yaml

from tests.conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].strip().lower()


def _without_extras(requirement: str) -> str:
    """``psycopg[binary]>=3.1`` -> ``psycopg>=3.1`` (conda has no pip extras)."""
    return re.sub(r"\[[^\]]*\]", "", requirement).replace(" ", "")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = _pyproject()["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pyproject = {
        _name(r): _without_extras(r)
        for r in requirements
        if "python_version" not in r
    }
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = {
        _name(d): d.replace(" ", "")
        for d in env["dependencies"]
        if isinstance(d, str) and _name(d) not in ("python", "pip")
    }
    assert conda == pyproject


def test_the_postgres_extra_is_part_of_the_test_extra():
    extras = _pyproject()["project"]["optional-dependencies"]
    assert set(extras["postgres"]) <= set(extras["test"])


def test_environment_yml_uses_conda_forge_and_the_same_python():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    requires = _pyproject()["project"]["requires-python"]
    assert f"python{requires}" in env["dependencies"]


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make lab" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
