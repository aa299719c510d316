"""SMART grader: per-letter verdicts, evidence and advice for one objective or key result.

The rules live in language tables (``lexicons/en.toml``, ``lexicons/it.toml``); the logic in
:mod:`okrsim.grading.rules`.
"""

from okrsim.grading.analysis import Analysis
from okrsim.grading.grader import grade, read
from okrsim.grading.result import CRITERIA, PASS_SCORE, Assessment, CriterionResult, passes_bar
from okrsim.grading.staircase import staircase

__all__ = ["CRITERIA", "PASS_SCORE", "Analysis", "Assessment", "CriterionResult", "grade",
           "passes_bar", "read", "staircase"]
