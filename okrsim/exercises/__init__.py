"""The exercise bank: loading and validating exercises, their checks and simulated answers."""

from __future__ import annotations

from okrsim.exercises.bank import (
    DEFAULT_BANK,
    KINDS,
    BankError,
    Exercise,
    ExerciseBank,
    ExerciseResult,
    load_bank,
    parse_exercise,
)

__all__ = [
    "DEFAULT_BANK",
    "KINDS",
    "BankError",
    "Exercise",
    "ExerciseBank",
    "ExerciseResult",
    "load_bank",
    "parse_exercise",
]
