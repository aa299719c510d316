"""Write print-friendly HTML of the facilitator guides and the cheat sheets.

Usage: ``python scripts/print_docs.py [--out FOLDER]`` (default ``build/print``). Each Markdown
file of :data:`DOCS` becomes one self-contained HTML page (A4, no scripts, tables with borders);
open it in a browser and print. The cheat sheets use a smaller type so that each fits one page.
Markdown text is escaped: raw HTML in a document is shown as text, never run.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

import mistune

ROOT = Path(__file__).resolve().parent.parent
DOCS = ("facilitator-guide.md", "facilitator-guide.it.md", "cheat-sheet.md", "cheat-sheet.it.md")
DEFAULT_OUT = ROOT / "build" / "print"

_CSS = """
@page { size: A4; margin: 14mm 14mm 14mm 14mm; }
body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: %(size)s; line-height: 1.35;
       color: #202124; max-width: 182mm; margin: 0 auto; }
h1 { font-size: 1.6em; margin: 0 0 0.3em 0; }
h2 { font-size: 1.25em; margin: 0.9em 0 0.3em 0; border-bottom: 1px solid #dadce0; }
h3 { font-size: 1.05em; margin: 0.8em 0 0.2em 0; break-after: avoid; }
table { border-collapse: collapse; width: 100%%; margin: 0.4em 0; break-inside: avoid; }
th, td { border: 1px solid #bdc1c6; padding: 2px 5px; text-align: left; vertical-align: top; }
th { background: #f1f3f4; }
code { font-family: Menlo, Consolas, monospace; font-size: 0.92em; }
pre { background: #f8f9fa; padding: 4px 6px; white-space: pre-wrap; }
ul, ol { margin: 0.2em 0 0.4em 0; padding-left: 1.4em; }
p { margin: 0.3em 0; }
"""


def to_html(markdown_text: str, title: str, compact: bool = False) -> str:
    """One self-contained, print-friendly HTML page from Markdown (raw HTML escaped)."""
    body = mistune.create_markdown(escape=True, plugins=["table"])(markdown_text)
    css = _CSS % {"size": "8.6pt" if compact else "10.5pt"}
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{css}</style></head>"
            f"<body>\n{body}</body></html>\n")


def build(out: Path = DEFAULT_OUT, docs: Path = ROOT / "docs") -> list[Path]:
    """Write one HTML page per document of :data:`DOCS` into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in DOCS:
        source = docs / name
        text = source.read_text(encoding="utf-8")
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")),
                     name)
        target = out / (name[:-3] + ".html")
        target.write_text(to_html(text, title, compact=name.startswith("cheat-sheet")),
                          encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    """Build the pages and say where they went; a missing document is one sentence (exit 2)."""
    parser = argparse.ArgumentParser(description="Print-friendly HTML of the guides.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="folder to write (default build/print)")
    args = parser.parse_args(argv)
    try:
        written = build(args.out)
    except OSError as exc:
        print(f"error: a document cannot be read or written ({exc.strerror or exc}: "
              f"{exc.filename}).", file=sys.stderr)
        return 2
    print(f"Wrote {len(written)} pages to {args.out}; open them in a browser and print.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
