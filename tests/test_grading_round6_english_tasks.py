"""Round 6: English tasks and deliverables that the grader read as outcomes.

A verb followed by its particle ("Respond to every...", "Sign off on the..."), a deliverable
stated with a state adjective ("Deal desk operational by Q3"), a noun of action heading a
verbless statement ("Curriculum revision in Q3") and task verbs the lists did not know are
tasks; a metric at a level stays an outcome whatever word follows it.
"""

from __future__ import annotations

import pytest

from okrsim.grading.grader import grade

TASKS = [
    "Respond to every inbound demo request from EMEA within 3 hours",
    "Reply to all partner questions within one business day",
    "Commit to a monthly pipeline review with the channel team",
    "Sign off on the new territory plan with the CRO by Q2",
    "Field marketing calendar operational by the end of Q1",
    "Partner deal registration portal ready for the spring launch",
    "Renewal forecast template available to every CSM by April",
    "Sales playbook translated for the French market by May",
    "Lead routing rules configured in the CRM by June",
    "Churn model retrained before the summer",
    "Account plan template revision in Q2",
    "Expansion-risk alert automation by the end of Q3",
]

OUTCOMES = [
    "Pipeline coverage ready at 3x by June",
    "Win rate up from 20% to 25% by Q4",
    "Net revenue retention above 110% this year",
    "Churn reduced to 2% a month by Q3",
    "Establish a 30% win rate in the mid-market segment by Q4",
    "Own the conversation in our market",
]


@pytest.mark.parametrize("text", TASKS)
def test_english_tasks_and_deliverables_are_activities(text: str) -> None:
    assert grade(text, lang="en").activity is True


@pytest.mark.parametrize("text", OUTCOMES)
def test_metric_targets_and_directions_stay_outcomes(text: str) -> None:
    assert grade(text, lang="en").activity is False


def test_italian_nouns_of_action_are_untouched() -> None:
    assert grade("Revisione del listino entro marzo", lang="it").activity is True
    assert grade("Aumentare la retention dal 90% al 94% entro il Q4", lang="it").activity is False
