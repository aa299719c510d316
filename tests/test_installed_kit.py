"""The kit whole when pip-installed: build the wheel, install it into a fresh virtual environment
(nothing downloaded: the dependencies are the test environment's own), and use it from a folder
that is not a checkout -- the exercise bank, the widget, the example plans, `okrsim init` and one
notebook run from the participant's folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "okrsim", "exercises",
           "notebooks", "share", "etc")


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None,
         timeout: float = 120) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(python, okrsim command, clean environment, working folder) of a fresh install."""
    pytest.importorskip("setuptools", minversion="77",
                        reason="building the wheel offline needs setuptools>=77")
    pytest.importorskip("wheel", reason="building the wheel offline needs the wheel package")
    base = tmp_path_factory.mktemp("installed")
    source = base / "source"
    source.mkdir()
    for name in SOURCES:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns(
                "__pycache__", ".ipynb_checkpoints", "_kit", "*.egg-info"))
        else:
            shutil.copy2(origin, source / name)
    wheels = base / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
          "-w", str(wheels), str(source)], cwd=base, timeout=300)
    (wheel,) = wheels.glob("okrsim-*.whl")
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=base)
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
          str(wheel)], cwd=base, timeout=300)
    # reuse this environment's packages (numpy, pandas, ipywidgets...) without their .pth hooks,
    # so the okrsim of the test environment (maybe an editable checkout) is not found
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                      "['purelib'])"], cwd=base).stdout.strip())
    (site / "reuse-test-environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "OKRSIM_"))}
    env.update(HOME=str(base / "home"), OKRSIM_PLAIN_ERRORS="0", MPLBACKEND="Agg")
    work = base / "elsewhere"
    work.mkdir()
    return python, venv / "bin" / "okrsim", env, work, wheel


def test_the_wheel_carries_the_kit(installed):
    *_, wheel = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for relative in ("exercises/bank/cascades.yaml", "exercises/plans/revenue_teams.yaml",
                     "notebooks/00_start_here.ipynb", "notebooks/it/00_start_here.ipynb",
                     "notebooks/data/classify_okrs.yaml"):
        assert f"okrsim/_kit/{relative}" in names


def test_installed_bank_widget_and_plans_work_outside_a_checkout(installed):
    python, okrsim, env, work, _ = installed
    where = _run([str(python), "-c", "import okrsim; print(okrsim.__file__)"], work, env)
    assert str(python.parent.parent) in where.stdout  # the installed copy, not the checkout
    listing = _run([str(okrsim), "exercises", "list"], work, env)
    assert "en-rewrite-churn" in listing.stdout
    code = ("from okrsim.widgets import ExerciseWidget\n"
            "from okrsim.exercises import load_bank\n"
            "bank = load_bank()\n"
            "for exercise in bank:\n"
            "    ExerciseWidget(exercise.id, journal=False)\n"
            "print(len(bank.ids()))\n")
    assert int(_run([str(python), "-c", code], work, env).stdout) >= 10
    plan = python.parent.parent.glob("lib/python*/site-packages/okrsim/_kit/exercises/plans/"
                                     "revenue_teams.yaml")
    checked = subprocess.run([str(okrsim), "check", str(next(plan))], cwd=work, env=env,
                             capture_output=True, text=True)
    assert checked.returncode in (0, 1) and "Traceback" not in checked.stderr


def test_installed_init_lays_out_a_folder_where_a_notebook_runs(installed):
    python, okrsim, env, work, _ = installed
    first = _run([str(okrsim), "init", "giulia"], work, env)
    assert "files added" in first.stdout
    folder = work / "giulia"
    (folder / "notebooks" / "06_capstone.ipynb").write_text("{}", encoding="utf-8")
    again = _run([str(okrsim), "init", "giulia"], work, env)
    assert "Kept notebooks/06_capstone.ipynb" in again.stdout and "0 files added" in again.stdout
    ran = _run([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
                "--nbval-current-env", "notebooks/00_start_here.ipynb"], folder, env, timeout=240)
    assert " passed" in ran.stdout and "failed" not in ran.stdout


def test_plain_voila_uses_the_kits_template_once_installed(installed):
    """The wheel installs the Voilà template and the config choosing it, so ``voila NOTEBOOK``
    with no flag, from any folder, serves the kit's template (no icon font from a CDN)."""
    python, _, env, work, wheel = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    data = "okrsim-0.1.0.data/data/"
    assert f"{data}etc/jupyter/voila.json" in names
    assert f"{data}share/jupyter/voila/templates/okrsim/index.html.j2" in names
    notebook = next(python.parent.parent.glob(
        "lib/python*/site-packages/okrsim/_kit/notebooks/02_smart_key_results.ipynb"))
    code = ("import sys\nfrom voila.app import Voila\napp = Voila()\n"
            "app.initialize([sys.argv[1]])\n"
            "print(app.voila_configuration.template)\nprint(app.template_paths[0])\n")
    clean = {k: v for k, v in env.items() if not k.startswith("JUPYTER")}
    shown = _run([str(python), "-c", code, str(notebook)], work, clean).stdout.split()
    assert shown[0] == "okrsim"
    assert Path(shown[1]).resolve().is_relative_to(python.parent.parent.resolve())
