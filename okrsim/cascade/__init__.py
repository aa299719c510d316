"""Alignment checks over a plan: every team key result links up and the set is well formed."""

from __future__ import annotations

from okrsim.cascade.report import SEVERITIES, CascadeReport, Finding, check, has_number

__all__ = ["SEVERITIES", "CascadeReport", "Finding", "check", "has_number"]
