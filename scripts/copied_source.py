"""Find sentences copied from the source article into the repository's tracked files.

The project uses the source article's facts and examples, never its sentences. A file copies
the article when it shares an 8-word window with it, after normalising both texts (lower case,
accents and punctuation removed). The article itself is not in the repository: its windows are
stored as SHA-1 hashes in ``tests/data/source_article_windows.sha1``, so the check runs
anywhere.

Usage::

    python scripts/copied_source.py hashes ARTICLE.txt > tests/data/source_article_windows.sha1
    python scripts/copied_source.py scan [--article ARTICLE.txt]

``scan`` lists every tracked file (``git ls-files``) that shares a window with the article and
exits 1 when there is one, 0 otherwise; with ``--article`` it also prints the copied words.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HASHES = ROOT / "tests" / "data" / "source_article_windows.sha1"
WINDOW = 8
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The normalised words of ``text``: lower case, without accents or punctuation."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return _WORD.findall(plain)


def windows(text: str, size: int = WINDOW) -> Iterator[str]:
    """Every run of ``size`` consecutive normalised words, joined by single spaces."""
    tokens = words(text)
    for start in range(len(tokens) - size + 1):
        yield " ".join(tokens[start:start + size])


def digest(window: str) -> str:
    """SHA-1 (hex) of one window."""
    return hashlib.sha1(window.encode("utf-8")).hexdigest()


def article_hashes(text: str) -> set[str]:
    """The hashes of every window of the article."""
    return {digest(w) for w in windows(text)}


def load_hashes(path: Path = HASHES) -> set[str]:
    """Read a hash file (one hex digest a line; ``#`` starts a comment)."""
    lines = path.read_text("utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def tracked_files(root: Path = ROOT) -> list[Path]:
    """Every file git tracks in ``root`` (that still exists)."""
    out = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True)
    names = [n for n in out.stdout.decode("utf-8").split("\0") if n]
    return [root / n for n in names if (root / n).is_file()]


def file_text(path: Path) -> str:
    """The text of a file as a reader sees it (a notebook's cell sources, not its JSON)."""
    text = path.read_text("utf-8")
    if path.suffix == ".ipynb":
        cells = json.loads(text).get("cells", [])
        return "\n\n".join("".join(c.get("source", "")) for c in cells)
    return text


def copied_windows(text: str, hashes: set[str]) -> list[str]:
    """The windows of ``text`` whose hash is in ``hashes``, in order of appearance."""
    return [w for w in windows(text) if digest(w) in hashes]


def scan(files: Iterable[Path], hashes: set[str],
         skip: Iterable[Path] = ()) -> dict[Path, list[str]]:
    """Map each file that shares a window with the article to the shared windows."""
    skipped = {p.resolve() for p in skip}
    found: dict[Path, list[str]] = {}
    for path in files:
        if path.resolve() in skipped:
            continue
        try:
            text = file_text(path)
        except (UnicodeDecodeError, OSError, ValueError):
            continue
        shared = copied_windows(text, hashes)
        if shared:
            found[path] = shared
    return found


def main(argv: list[str]) -> int:
    """Run ``hashes`` or ``scan``; return the exit code."""
    if len(argv) == 2 and argv[0] == "hashes":
        text = Path(argv[1]).read_text("utf-8")
        print(f"# SHA-1 of every normalised {WINDOW}-word window of the source article "
              "(scripts/copied_source.py)")
        print("\n".join(sorted(article_hashes(text))))
        return 0
    if argv[:1] == ["scan"]:
        hashes = load_hashes()
        if "--article" in argv:
            hashes |= article_hashes(Path(argv[argv.index("--article") + 1]).read_text("utf-8"))
        found = scan(tracked_files(), hashes, skip=[HASHES])
        for path, shared in found.items():
            print(f"{path.relative_to(ROOT)}: {len(shared)} windows, e.g. '{shared[0]}'")
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
