"""Checks on an objective's key results taken together.

A set of key results is healthy when there are 2 to 5 of them, no two measure the same thing, at
least one is an outcome rather than an activity, and at least one is measurable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from okrsim.plan.limits import MAX_KEY_RESULTS, MIN_KEY_RESULTS

#: The checks' sentences, per language; placeholders are filled by :func:`check_set`.
MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "count_ok": "{n} key results: within 2 to 5.",
        "count_bad": "{n} key result(s): write 2 to 5.",
        "overlap": "Key results {a} and {b} overlap a lot; make each one measure something "
                   "different.",
        "no_overlap": "Each key result measures something different.",
        "all_activities": "Every key result is an activity; at least one should be an outcome.",
        "some_outcomes": "{n} of {total} key results are outcomes.",
        "no_measurable": "No key result is measurable; give at least one a number to reach.",
        "measurable": "{n} of {total} key results are measurable.",
    },
    "it": {
        "count_ok": "{n} risultati chiave: tra 2 e 5.",
        "count_bad": "{n} risultato/i chiave: scrivine da 2 a 5.",
        "overlap": "I risultati chiave {a} e {b} si sovrappongono molto; fai in modo che "
                   "ognuno misuri qualcosa di diverso.",
        "no_overlap": "Ogni risultato chiave misura qualcosa di diverso.",
        "all_activities": "Tutti i risultati chiave sono attività; almeno uno dovrebbe "
                   "essere un risultato.",
        "some_outcomes": "Risultati chiave che sono risultati: {n} su {total}.",
        "no_measurable": "Nessun risultato chiave è misurabile; dai ad almeno uno un numero "
                   "da raggiungere.",
        "measurable": "Risultati chiave misurabili: {n} su {total}.",
    },
}


def _say(key: str, lang: str, **values: object) -> str:
    return MESSAGES["it" if lang == "it" else "en"][key].format(**values)


#: Jaccard similarity of content words above which two key results are said to overlap.
OVERLAP_THRESHOLD = 0.5

_STOPWORDS = frozenset(
    "the and for from with by our all each every per into within this that than new more less "
    "increase raise grow reduce cut improve reach keep make get have will from over under "
    "il lo la gli le dei degli delle del della per con che una uno nel nella entro ogni più meno "
    "aumentare ridurre migliorare raggiungere nuovi nuove".split()
)
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@dataclass(frozen=True)
class SetCheck:
    """One check on a set of key results: its code, whether it passed and a plain sentence."""

    code: str
    ok: bool
    message: str


def content_words(text: str) -> frozenset[str]:
    """Lower-case words of three or more letters, without numbers and common filler words."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS)


def overlap(a: str, b: str) -> float:
    """Jaccard similarity (0 to 1) of two statements' content words."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def check_set(assessments: list, lang: str = "en") -> list[SetCheck]:
    """Check a list of key result assessments as a set.

    Parameters
    ----------
    assessments : list of Assessment
        What :func:`okrsim.grade` returned for each key result, in order.
    lang : str
        Language of the messages.

    Returns
    -------
    list of SetCheck
        In order: ``count``, ``overlap``, ``outcomes``, ``measurable``.
    """
    n = len(assessments)
    checks = [SetCheck("count", MIN_KEY_RESULTS <= n <= MAX_KEY_RESULTS,
                       _say("count_ok" if MIN_KEY_RESULTS <= n <= MAX_KEY_RESULTS
                               else "count_bad", lang, n=n))]
    pairs = [(i, j) for i, j in combinations(range(n), 2)
             if overlap(assessments[i].text, assessments[j].text) >= OVERLAP_THRESHOLD]
    if pairs:
        checks += [SetCheck("overlap", False, _say("overlap", lang, a=i + 1, b=j + 1))
                   for i, j in pairs]
    else:
        checks.append(SetCheck("overlap", True, _say("no_overlap", lang)))
    outcomes = sum(not a.activity for a in assessments)
    checks.append(SetCheck("outcomes", outcomes > 0,
                           _say("some_outcomes", lang, n=outcomes, total=n) if outcomes
                           else _say("all_activities", lang)))
    measurable = sum(a.criteria["measurable"].verdict == "met" for a in assessments)
    checks.append(SetCheck("measurable", measurable > 0,
                           _say("measurable", lang, n=measurable, total=n) if measurable
                           else _say("no_measurable", lang)))
    return checks
