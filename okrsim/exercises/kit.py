"""Where the kit's files are: the exercise bank, the example plans and the curriculum.

In a checkout they are the repository's ``exercises/`` and ``notebooks/`` folders. In an
installed package they are the copy that the build step (``setup.py``) puts in the wheel under
``okrsim/_kit/``, with the same layout, so every path below ``kit_root()`` is the same in both.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]
#: the repository, when okrsim runs from a checkout (or an editable install)
CHECKOUT = _PACKAGE.parent
#: the copy shipped inside the wheel
SHIPPED = _PACKAGE / "_kit"
#: the kit's folders, relative to :func:`kit_root`
BANK = Path("exercises") / "bank"
PLANS = Path("exercises") / "plans"
NOTEBOOKS = Path("notebooks")


def in_checkout() -> bool:
    """Whether okrsim runs from a checkout of its repository."""
    return (CHECKOUT / "pyproject.toml").is_file() and (CHECKOUT / BANK).is_dir()


def kit_root() -> Path:
    """The folder holding ``exercises/`` and ``notebooks/``: the checkout, else the shipped copy.

    Returns
    -------
    Path
        The checkout when there is one; ``okrsim/_kit`` of an installed package otherwise (it
        may be missing only in a package built without the build step).
    """
    return CHECKOUT if in_checkout() or not SHIPPED.is_dir() else SHIPPED
