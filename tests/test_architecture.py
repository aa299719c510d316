"""The layers stay layers: no import cycle between okrsim's modules; ``import okrsim`` is light."""

from __future__ import annotations

import subprocess
import sys

import grimp
import pytest

HEAVY = ("numpy", "pandas", "matplotlib", "ipywidgets")


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("okrsim")


def test_no_import_cycle_between_modules_function_level_imports_included(graph):
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if imported == module or not imported.startswith("okrsim"):
                continue
            # a package's __init__ re-exporting its own submodules is not a cycle
            if imported.startswith(module + ".") or module.startswith(imported + "."):
                continue
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back:
                cycles.append(" -> ".join((module, *back)))
    assert cycles == []


def test_import_okrsim_loads_no_scientific_or_widget_package():
    code = ("import sys, okrsim; okrsim.grade('Grow ARR from 1M to 2M by December'); "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_public_api_is_small():
    import okrsim

    assert len(okrsim.__all__) <= 12
    for name in okrsim.__all__:
        assert getattr(okrsim, name) is not None


def test_nothing_in_the_library_imports_the_command_line(graph):
    importers = {m for m in graph.find_modules_that_directly_import("okrsim.cli")}
    for sub in graph.find_descendants("okrsim.cli"):
        importers |= set(graph.find_modules_that_directly_import(sub))
    assert {m for m in importers if not m.startswith("okrsim.cli")} == set()
