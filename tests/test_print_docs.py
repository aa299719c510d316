"""scripts/print_docs.py: print-friendly HTML of the guides and cheat sheets, text escaped."""

from __future__ import annotations

import importlib.util

from tests.conftest import ROOT

_SPEC = importlib.util.spec_from_file_location("print_docs", ROOT / "scripts" / "print_docs.py")
script = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(script)


def test_every_document_becomes_one_page_of_html(tmp_path):
    written = script.build(tmp_path)
    assert [p.name for p in written] == ["facilitator-guide.html", "facilitator-guide.it.html",
                                         "cheat-sheet.html", "cheat-sheet.it.html"]
    guide = written[0].read_text(encoding="utf-8")
    assert "<title>Facilitator guide: running an okrsim workshop</title>" in guide
    assert "<table>" in guide and "|---|" not in guide and "<script" not in guide
    assert "8.6pt" in written[2].read_text(encoding="utf-8")  # cheat sheets in smaller type


def test_raw_html_in_a_document_is_shown_as_text():
    page = script.to_html("# T\n\n<script>alert(1)</script> and <b>bold</b>", "T")
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_a_missing_document_is_one_sentence(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(script, "DOCS", ("no-such-file.md",))
    assert script.main(["--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: a document cannot be read") and "Traceback" not in err
