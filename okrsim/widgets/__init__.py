"""Jupyter front-ends over the library: each widget calls okrsim and lays out what it returns.

Every widget works without a browser: set its ``.value``, call ``.click()`` and read what it shows
(``.output_html`` and the result attributes). Importing this package in a notebook also makes the
kit's errors (:class:`~okrsim.errors.OkrsimError`) show as one sentence instead of a traceback.
"""

from __future__ import annotations

from okrsim.widgets.builder import OKRBuilder
from okrsim.widgets.cascade_view import CascadeView
from okrsim.widgets.dashboard import FeasibilityDashboard
from okrsim.widgets.exercise import ExerciseWidget
from okrsim.widgets.grader import SMARTGrader
from okrsim.widgets.plain_errors import install as _install_plain_errors
from okrsim.widgets.quiz import Quiz, QuizItem
from okrsim.widgets.room_view import RoomView
from okrsim.widgets.staircase_view import StaircaseScores

# In a notebook, OkrsimError shows as its sentence instead of a traceback.
_install_plain_errors()

__all__ = [
    "CascadeView",
    "ExerciseWidget",
    "FeasibilityDashboard",
    "OKRBuilder",
    "Quiz",
    "QuizItem",
    "RoomView",
    "SMARTGrader",
    "StaircaseScores",
]
