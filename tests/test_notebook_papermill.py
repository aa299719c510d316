"""Notebook 05 under papermill (the ``notebooks`` extra): parameters drive it, charts are images."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "05_finance_feasibility.ipynb"


def test_finance_notebook_runs_under_papermill_with_images_and_exports(tmp_path):
    papermill = pytest.importorskip("papermill")
    out_dir = tmp_path / "exports"
    executed = papermill.execute_notebook(
        str(NOTEBOOK), str(tmp_path / "05.ipynb"), cwd=str(NOTEBOOK.parent), progress_bar=False,
        parameters={"trials": 400, "seed": 2, "out_dir": str(out_dir)}, kernel_name="python3")
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    texts = [o.get("data", {}).get("text/plain", "") for o in outputs]
    figures = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(figures) == 5  # histogram, fan chart, waterfall, tornado, trade-off
    for figure, text in ((o, o["data"].get("text/plain", "")) for o in figures):
        assert figure["metadata"]["image/png"]["width"] >= 600, text
    bare = [t for t, o in zip(texts, outputs, strict=True)
            if "<Figure size" in t and "image/png" not in o.get("data", {})]
    assert bare == []
    assert sorted(p.name for p in out_dir.iterdir()) == ["plan.xlsx", "report.html",
                                                          "scenarios.csv", "trials.csv"]
    assert "seed: 2  trials: 400" in (out_dir / "trials.csv").read_text(encoding="utf-8")
