"""Write small notebooks for the browser tests into the server's root folder."""

from __future__ import annotations

from pathlib import Path

import nbformat

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def write_notebook(root: Path, relative_path: str, title: str, *code: str) -> str:
    """Write a notebook (a markdown title, then one code cell per source) under ``root``.

    Returns ``relative_path``, the name the servers know it by.
    """
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    notebook.cells = [nbformat.v4.new_markdown_cell(f"# {title}")]
    notebook.cells += [nbformat.v4.new_code_cell(source) for source in code]
    path = root / relative_path
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)
    return relative_path
