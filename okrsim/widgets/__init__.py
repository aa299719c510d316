"""Jupyter front-ends over the library: each widget calls okrsim and lays out what it returns.

Every widget works without a browser: set its ``.value``, call ``.click()`` and read what it shows
(``.output_html`` and the result attributes).
"""

from __future__ import annotations

from okrsim.widgets.builder import OKRBuilder
from okrsim.widgets.cascade_view import CascadeView
from okrsim.widgets.dashboard import FeasibilityDashboard
from okrsim.widgets.exercise import ExerciseWidget
from okrsim.widgets.grader import SMARTGrader
from okrsim.widgets.quiz import Quiz, QuizItem

__all__ = [
    "CascadeView",
    "ExerciseWidget",
    "FeasibilityDashboard",
    "OKRBuilder",
    "Quiz",
    "QuizItem",
    "SMARTGrader",
]
