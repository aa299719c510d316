"""`okrsim init` and `okrsim lab` outside a checkout: the participant's folder, laid out and
updated without overwriting what the participant changed."""

from __future__ import annotations

import json

import pytest

from okrsim.workshop import folder as kit_folder
from okrsim.workshop.folder import MANIFEST, KitError, lay_out, shipped_files
from tests.conftest import ROOT


def test_init_lays_out_notebooks_italian_data_and_plans(cli, tmp_path):
    target = tmp_path / "giulia"
    code, out, err = cli("init", str(target))
    assert code == 0 and err == ""
    for relative in ("notebooks/00_start_here.ipynb", "notebooks/it/00_start_here.ipynb",
                     "notebooks/data/capstone_plan.yaml", "exercises/plans/revenue_teams.yaml"):
        assert (target / relative).read_bytes() == (ROOT / relative).read_bytes()
    shipped = shipped_files()
    assert f"{len(shipped)} files added, 0 updated, 0 already up to date" in out
    manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest["files"]) == set(shipped)
    assert "okrsim lab --dir" in out


def test_init_again_keeps_changed_files_and_adds_new_ones(cli, tmp_path, monkeypatch):
    target = tmp_path / "marco"
    lay_out(target)
    mine = target / "notebooks" / "01_okr_basics.ipynb"
    mine.write_text("my own notes", encoding="utf-8")
    (target / "exercises" / "plans" / "revenue_teams.yaml").unlink()
    code, out, _ = cli("init", str(target))
    assert code == 0 and "1 files added" in out
    assert "Kept notebooks/01_okr_basics.ipynb: you changed it" in out
    assert mine.read_text(encoding="utf-8") == "my own notes"
    code, out, _ = cli("init", str(target), "--lang", "it")
    assert "Conservato notebooks/01_okr_basics.ipynb" in out


def test_a_new_kit_version_updates_untouched_files_only(tmp_path, monkeypatch):
    kit = tmp_path / "kit"
    for relative, source in shipped_files().items():
        (kit / relative).parent.mkdir(parents=True, exist_ok=True)
        (kit / relative).write_bytes(source.read_bytes())
    monkeypatch.setattr(kit_folder, "kit_root", lambda: kit)
    target = tmp_path / "sofia"
    lay_out(target)
    (target / "notebooks" / "02_smart_key_results.ipynb").write_text("changed", encoding="utf-8")
    for name in ("02_smart_key_results.ipynb", "03_cascade_and_alignment.ipynb"):
        (kit / "notebooks" / name).write_text('{"new": "version"}', encoding="utf-8")
    (kit / "notebooks" / "07_new_lesson.ipynb").write_text("{}", encoding="utf-8")
    layout = lay_out(target)
    assert layout.added == ["notebooks/07_new_lesson.ipynb"]
    assert layout.updated == ["notebooks/03_cascade_and_alignment.ipynb"]
    assert layout.kept == ["notebooks/02_smart_key_results.ipynb"]
    assert (target / "notebooks" / "02_smart_key_results.ipynb").read_text() == "changed"
    assert lay_out(target).kept == ["notebooks/02_smart_key_results.ipynb"]  # still kept


def test_init_on_a_file_or_an_unwritable_place_is_one_sentence(cli, tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("keep me", encoding="utf-8")
    code, _, err = cli("init", str(a_file))
    assert code == 2 and "is a file, not a folder" in err and err.count("\n") == 1
    assert a_file.read_text(encoding="utf-8") == "keep me"
    code, _, err = cli("init", str(a_file / "below"))
    assert code == 2 and "cannot be written" in err and err.count("\n") == 1


def test_lab_outside_a_checkout_opens_the_home_workshop_folder(cli, tmp_path, monkeypatch):
    import okrsim.cli.lab

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(okrsim.cli.lab, "in_checkout", lambda: False)
    calls = []
    monkeypatch.setattr(okrsim.cli.lab.subprocess, "call", lambda cmd: calls.append(cmd) or 0)
    code, _, _ = cli("lab")
    assert code == 0
    home = tmp_path / "okrsim-workshop"
    assert f"--ServerApp.root_dir={home}" in calls[0]
    assert (home / "notebooks" / "00_start_here.ipynb").is_file()


def test_a_kit_without_files_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(kit_folder, "kit_root", lambda: tmp_path / "empty")
    with pytest.raises(KitError, match="has no notebooks or example plans"):
        lay_out(tmp_path / "x")
