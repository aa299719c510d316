"""The built-in plan: the source article's revenue teams (``okrsim/data/default_plan.yaml``).

Other languages give only the words (``default_plan.<lang>.yaml``: the title, the description
and, per id, each objective's owner and statement and each key result's text); the numbers are
always the English file's, so the plan simulates the same in every language.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from okrsim.errors import OkrsimError
from okrsim.i18n import check_language
from okrsim.plan.loader import Objective, Plan, loads_plan

SOURCE = "default_plan.yaml"


@lru_cache(maxsize=4)
def _data_text(name: str) -> str:
    return resources.files("okrsim").joinpath("data", name).read_text("utf-8")


def _default_plan_text() -> str:
    """The English built-in plan file as written (its numbers are every language's)."""
    return _data_text(SOURCE)


def default_plan(lang: str = "en") -> Plan:
    """The built-in plan: the source article's revenue teams, calibrated to public benchmarks.

    Parameters
    ----------
    lang : str, default "en"
        The language of its title, objectives and key results (``"it"``: Italian). The numbers
        are the same in every language.

    Returns
    -------
    Plan
        A fresh, validated plan (callers may change it freely).

    Examples
    --------
    >>> default_plan("it").objective("grow-revenue").owner
    'Azienda'
    """
    plan = loads_plan(_default_plan_text(), source=SOURCE)
    if check_language(lang, "The built-in plan is written") == "en":
        return plan
    return translated(plan, yaml.safe_load(_data_text(f"default_plan.{lang}.yaml")))


def translated(plan: Plan, words: dict[str, Any]) -> Plan:
    """``plan`` with the title, description and texts of ``words`` (the same ids, every one).

    Parameters
    ----------
    plan : Plan
        The plan whose numbers are kept.
    words : dict
        ``{plan, description, objectives: {id: {owner, objective, key_results: {id: text}}}}``.

    Returns
    -------
    Plan
    """
    texts = words["objectives"]
    if set(texts) != {obj.id for obj in plan.objectives}:
        raise OkrsimError("The built-in plan's translation must give every objective id of the "
                          "English plan, and no other.")
    objectives: list[Objective] = []
    for obj in plan.objectives:
        own = texts[obj.id]
        if set(own["key_results"]) != {kr.id for kr in obj.key_results}:
            raise OkrsimError(f"The built-in plan's translation of {obj.id!r} must give every "
                              "key result id of the English plan, and no other.")
        krs = tuple(replace(kr, text=own["key_results"][kr.id]) for kr in obj.key_results)
        objectives.append(replace(obj, owner=own["owner"], objective=own["objective"],
                                  key_results=krs))
    return replace(plan, name=words["plan"], description=words["description"].strip(),
                   objectives=tuple(objectives))
