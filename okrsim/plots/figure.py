"""Figures that show themselves as images in every notebook front end.

Figures built without pyplot have no backend to display them: JupyterLab, Voilà, nbconvert and
papermill would print ``<Figure size 700x400 with 1 Axes>``. :class:`ShownFigure` gives IPython a
PNG (``_repr_png_``) drawn at twice the resolution and shown at the figure's own size, so labels
are sharp and never stretched, with or without ``%matplotlib inline``.
"""

from __future__ import annotations

import io
from typing import Any

from matplotlib.figure import Figure

#: Pixels per inch of the size shown; the PNG holds twice as many for high-density screens.
SHOWN_DPI = 100


class ShownFigure(Figure):
    """A matplotlib figure with a rich display (PNG at the figure's size)."""

    def _repr_png_(self) -> tuple[bytes, dict[str, Any]]:
        return self.png(), {"width": round(self.get_figwidth() * SHOWN_DPI),
                            "height": round(self.get_figheight() * SHOWN_DPI)}

    def png(self, scale: int = 2) -> bytes:
        """The figure as PNG bytes, ``scale`` pixels per shown pixel."""
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=SHOWN_DPI * scale)
        return buffer.getvalue()

    def svg(self) -> str:
        """The figure as SVG text (fonts as paths: no font file needed to show it)."""
        buffer = io.StringIO()
        self.savefig(buffer, format="svg")
        return buffer.getvalue()


def new_figure(size: tuple[float, float]) -> ShownFigure:
    """A :class:`ShownFigure` of ``size`` inches with constrained layout (labels kept inside)."""
    return ShownFigure(figsize=size, layout="constrained")
