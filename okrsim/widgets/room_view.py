"""``RoomView``: the facilitator's live view of the room's journal, with a *Refresh* button.

Each press reads the journal again and redraws the summary (:class:`~okrsim.workshop.display.
RoomSummary`), one tab per question: people, exercises, SMART letters missed (a chart of shares
and the table of counts) and the rewrites worth discussing.
"""

from __future__ import annotations

import io

import ipywidgets as widgets
from matplotlib.figure import Figure

from okrsim.plots.room import plot_missed_criteria
from okrsim.widgets.render import esc, feedback, fitted
from okrsim.widgets.strings import check_lang, ui_text
from okrsim.workshop.display import WORDS, RoomSummary, minute
from okrsim.workshop.journal import Journal

#: The missed-letters chart: drawn at the size it is shown (560 x 240 px at 80 dpi).
CHART_SIZE, CHART_DPI = (7.0, 3.0), 80
TABS = ("participation", "exercises", "missed", "rewrites")


class RoomView(widgets.VBox):
    """The room's summary, redrawn from the journal on every *Refresh*.

    Parameters
    ----------
    journal : Journal
        The room's journal.
    ui : str
        Language of the labels.

    Attributes
    ----------
    summary : RoomSummary
        The summary at the last refresh.
    """

    def __init__(self, journal: Journal, *, ui: str = "en"):
        self.ui = check_lang(ui)
        self.journal = journal
        self.button = widgets.Button(description=ui_text("room.refresh", self.ui),
                                     button_style="primary",
                                     layout=fitted())
        self.button.add_class("okrsim-room-refresh")
        self.button.on_click(lambda _: self.refresh())
        self.headline = widgets.HTML()
        self.panes = {name: widgets.HTML() for name in TABS}
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="560px",
                                                                       height="auto"))
        missed = widgets.VBox([self.chart, self.panes["missed"]])
        self.tabs = widgets.Tab(children=[self.panes["participation"], self.panes["exercises"],
                                          missed, self.panes["rewrites"]])
        for i, name in enumerate(TABS):
            self.tabs.set_title(i, ui_text(f"room.{name}", self.ui))
        super().__init__([widgets.HBox([self.button, self.headline]), self.tabs])
        self.add_class("okrsim-room-view")
        self.refresh()

    def refresh(self) -> RoomSummary:
        """Read the journal again and redraw every tab; return the new summary."""
        self.summary = RoomSummary(self.journal.attempts(), lang=self.ui)
        self.headline.value = (
            f'<span style="margin-left:10px">{esc(self.summary.headline())} · '
            f"{esc(minute(self.summary.at))}</span>")
        if self.summary.attempts.empty:
            for pane in self.panes.values():
                pane.value = feedback("muted", self.summary_empty())
            return self.summary
        for name, html in self.summary.sections().items():
            self.panes[name].value = html
        figure = Figure(figsize=CHART_SIZE, layout="constrained")
        plot_missed_criteria(self.summary.missed, ax=figure.subplots(), lang=self.ui)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=CHART_DPI)
        self.chart.value = buffer.getvalue()
        return self.summary

    def summary_empty(self) -> str:
        """The sentence shown while no attempt is recorded."""
        return WORDS.say(self.ui, "room.empty")
