"""No tracked file copies a sentence of the source article (no shared 8-word window).

The article is not in the repository; ``tests/data/source_article_windows.sha1`` holds the hashes
of its normalised 8-word windows, so the main check runs anywhere. When the article itself is
next to the repository (``../shared/seed/`` from the repository's parent folder, as in the
workshop's workplace), the hash list is also checked to be up to date.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

_SPEC = importlib.util.spec_from_file_location("copied_source",
                                               ROOT / "scripts" / "copied_source.py")
copied_source = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(copied_source)

ARTICLE = ROOT.parent / "shared" / "seed" / "okr-revenue-teams-article.it.txt"
HASHES = copied_source.load_hashes()


def _tracked_files():
    if shutil.which("git") is None:
        pytest.skip("git is not installed, so the tracked files cannot be listed")
    try:
        return copied_source.tracked_files()
    except subprocess.CalledProcessError:
        pytest.skip("not a git checkout, so there are no tracked files to scan")


def test_the_hash_list_covers_the_whole_article():
    assert len(HASHES) > 1_000
    assert all(re.fullmatch(r"[0-9a-f]{40}", h) for h in HASHES)


def test_no_tracked_file_shares_an_8_word_window_with_the_article():
    files = _tracked_files()
    assert any(p.name == "grading_corpus.csv" for p in files)
    found = copied_source.scan(files, HASHES, skip=[copied_source.HASHES])
    report = {str(p.relative_to(ROOT)): shared[0] for p, shared in found.items()}
    assert not report, f"copied from the source article (file: first shared words): {report}"


def test_the_detector_ignores_case_accents_punctuation_and_line_breaks(tmp_path):
    source = "Perché il nostro team, quest'anno, venderà più contratti ai clienti già attivi."
    hashes = copied_source.article_hashes(source)
    copy = tmp_path / "copy.yaml"
    copy.write_text("text: >-\n  perche IL nostro team quest anno\n  vendera piu contratti ai",
                    encoding="utf-8")
    own = tmp_path / "own.csv"
    own.write_text("il nostro team venderà più contratti ai clienti nuovi", encoding="utf-8")
    found = copied_source.scan([copy, own], hashes)
    assert list(found) == [copy]
    assert found[copy][0] == "perche il nostro team quest anno vendera piu"


def test_notebooks_are_read_as_their_cells(tmp_path):
    hashes = copied_source.article_hashes("uno due tre quattro cinque sei sette otto nove")
    notebook = tmp_path / "n.ipynb"
    notebook.write_text('{"cells": [{"cell_type": "markdown", "source": ["uno due tre\\n", '
                        '"quattro cinque sei sette otto"]}]}', encoding="utf-8")
    assert copied_source.scan([notebook], hashes) == {
        notebook: ["uno due tre quattro cinque sei sette otto"]}


@pytest.mark.skipif(not ARTICLE.is_file(),
                    reason="the source article is not next to the repository "
                           "(../shared/seed/ from its parent folder); the stored hashes are used")
def test_the_stored_hashes_match_the_article(tmp_path):
    text = ARTICLE.read_text("utf-8")
    assert copied_source.article_hashes(text) == HASHES
    first_long_sentence = next(s for s in re.split(r"(?<=[.!?])\s+", text)
                               if len(copied_source.words(s)) >= 12)
    copy = tmp_path / "copy.md"
    copy.write_text(first_long_sentence, encoding="utf-8")
    assert copy in copied_source.scan([copy], HASHES)
