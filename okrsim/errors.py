"""Errors raised at the kit's boundaries.

Every error carries plain sentences meant for people: what is wrong, where, and what is allowed.
The command line prints them without a traceback.
"""

from __future__ import annotations


class OkrsimError(ValueError):
    """Base class of the kit's user-facing errors (a ``ValueError``)."""


class PlanError(OkrsimError):
    """A plan file that cannot be used: unreadable, not YAML, or not a valid plan.

    Parameters
    ----------
    problems : list of str
        One plain sentence per problem found; at least one.
    message : str, optional
        The error's message; by default the first problem, with "(and N more problems)" when
        there are more (a plan loaded in another language gives its own).
    """

    def __init__(self, problems: list[str], message: str | None = None):
        if not problems:
            raise ValueError("PlanError needs at least one problem")
        self.problems = list(problems)
        if message is None:
            more = len(self.problems) - 1
            message = self.problems[0]
            if more:
                message += f" (and {more} more problem{'s' if more > 1 else ''})"
        super().__init__(message)
