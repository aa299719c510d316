"""A participant's workshop folder: the curriculum notebooks, their data and the example plans.

:func:`lay_out` copies them from the kit (:func:`okrsim.exercises.kit.kit_root`) into a folder
the participant owns, with the same layout as the repository (``notebooks/``, ``notebooks/it/``,
``notebooks/data/``, ``exercises/plans/``), so the notebooks' relative paths work there.
Run again, it adds what is new and updates what the participant never touched, and it never
overwrites a file the participant changed: a manifest (``.okrsim-kit.json``) keeps the hash of
every file as it was shipped, and a file whose content differs from it is kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from okrsim import __version__
from okrsim.errors import OkrsimError
from okrsim.exercises.kit import NOTEBOOKS, PLANS, kit_root
from okrsim.i18n import catalog

MANIFEST = ".okrsim-kit.json"
#: what a participant gets, relative to the kit's folder
PARTICIPANT_FOLDERS = (NOTEBOOKS, PLANS)
#: the folder ``okrsim lab`` opens (and creates) outside a checkout
HOME_FOLDER = "okrsim-workshop"
TEXT = catalog("kit", "The workshop folder's messages are written")


class KitError(OkrsimError):
    """A workshop folder that cannot be laid out (one plain sentence)."""


@dataclass
class Layout:
    """What :func:`lay_out` did, by path relative to the folder."""

    folder: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def describe(self, lang: str = "en") -> list[str]:
        """The report as sentences: one summary, then one line per file kept."""
        lines = [TEXT.say(lang, "init.done", folder=self.folder, added=len(self.added),
                          updated=len(self.updated), unchanged=len(self.unchanged))]
        lines += [TEXT.say(lang, "init.kept", path=path) for path in self.kept]
        return lines


def default_folder() -> Path:
    """The participant's folder when none is given: ``~/okrsim-workshop``."""
    return Path.home() / HOME_FOLDER


def shipped_files(root: Path | None = None) -> dict[str, Path]:
    """The files a participant gets: ``{relative path with / : source file}``."""
    root = kit_root() if root is None else root
    files: dict[str, Path] = {}
    for folder in PARTICIPANT_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            relative = path.relative_to(root)
            if path.is_file() and not any(p.startswith((".", "__")) for p in relative.parts):
                files[relative.as_posix()] = path
    return files


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_manifest(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = data.get("files", {})
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}
    except (OSError, ValueError, AttributeError):
        return {}  # no manifest yet, or unreadable: every differing file counts as changed


def lay_out(folder: str | Path | None = None, lang: str = "en") -> Layout:
    """Copy the notebooks and example plans into ``folder``, keeping the participant's changes.

    Parameters
    ----------
    folder : str or Path, optional
        The participant's folder, created when missing; :func:`default_folder` when not given.
    lang : str
        Language of the error sentences.

    Returns
    -------
    Layout
        The files added, updated (the kit changed and the participant had not), unchanged, and
        kept (the participant changed them; the kit's version was not copied).

    Raises
    ------
    KitError
        When ``folder`` is a file, cannot be written, or the installed kit has no files.
    """
    folder = Path(folder).expanduser() if folder is not None else default_folder()
    root = kit_root()
    if not (root / NOTEBOOKS).is_dir():
        raise KitError(TEXT.say(lang, "error.no_kit", folder=root / NOTEBOOKS))
    if folder.exists() and not folder.is_dir():
        raise KitError(TEXT.say(lang, "error.not_folder", folder=folder))
    layout = Layout(folder)
    shipped = _read_manifest(folder)
    recorded = dict(shipped)
    try:
        for relative, source in shipped_files(root).items():
            target = folder / relative
            new = _digest(source)
            if target.is_symlink() or (target.exists() and not target.is_file()):
                layout.kept.append(relative)
                continue
            if not target.exists():
                status = "added"
            else:
                current = _digest(target)
                if current == new:
                    layout.unchanged.append(relative)
                    recorded[relative] = new
                    continue
                if shipped.get(relative) != current:
                    layout.kept.append(relative)
                    continue
                status = "updated"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            recorded[relative] = new
            getattr(layout, status).append(relative)
        _write_manifest(folder, recorded)
    except OSError as exc:
        raise KitError(TEXT.say(lang, "error.cannot_write", folder=folder,
                                reason=exc.strerror or exc)) from None
    return layout


def _write_manifest(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f"{MANIFEST}.tmp"
    temporary.write_text(json.dumps({"okrsim": __version__, "files": dict(sorted(files.items()))},
                                    indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, folder / MANIFEST)
