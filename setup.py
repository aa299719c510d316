"""Build step of the wheel: ship the exercise bank, the example plans and the curriculum.

The files stay where they are edited (``exercises/`` and ``notebooks/`` at the top of the
repository); building a wheel copies them into ``okrsim/_kit/`` inside the package, with the same
layout, where :mod:`okrsim.exercises.kit` finds them once installed. Everything else about the
package is in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
KIT_FOLDERS = ("exercises/bank", "exercises/plans", "notebooks")
KIT_SUFFIXES = {".yaml", ".yml", ".ipynb", ".csv", ".md"}


def kit_files() -> list[Path]:
    """The kit's files, relative to the repository (no checkpoints, caches or hidden files)."""
    found = []
    for folder in KIT_FOLDERS:
        for path in sorted((HERE / folder).rglob("*")):
            relative = path.relative_to(HERE)
            hidden = any(part.startswith((".", "__")) for part in relative.parts)
            if path.is_file() and path.suffix in KIT_SUFFIXES and not hidden:
                found.append(relative)
    return found


class BuildPyWithKit(build_py):
    """``build_py`` that also copies the kit into ``okrsim/_kit`` (not in editable installs,
    which find the checkout itself)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "okrsim" / "_kit"
        shutil.rmtree(target, ignore_errors=True)
        for relative in kit_files():
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(HERE / relative, destination)


setup(cmdclass={"build_py": BuildPyWithKit})
