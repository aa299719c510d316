"""The suggested rewrite "Verb metric from X to Y by date", filled only with what the text gives.

The rewrite keeps the meaning of the statement: its direction (reduce stays reduce, keep stays
keep, a ceiling stays a ceiling), its metric as written, its numbers and its deadline.
Placeholders ("[X]", "[date]") stand only for what is missing.
"""

from __future__ import annotations

import re

from okrsim.grading.analysis import GENERIC_FAMILIES, Analysis, Span

#: A word that opens a period running to the deadline, right before it.
_OPEN_END = re.compile(r"(?<!\w)(until|till|fino)\s+$", re.IGNORECASE)
#: Characters before a deadline where its opener ("until", "fino") may stand.
_OPEN_WINDOW = 24
#: The number and unit of a duration ("within 4 months of starting" -> "4 months").
_AMOUNT_AND_UNIT = re.compile(r"^\S+\s+(\S+\s*[^\W\d_]+)", re.UNICODE)


def _first(found: list[Span]) -> Span | None:
    return min(found, key=lambda s: s.start, default=None)


def _with_unit(a: Analysis, span: Span) -> str:
    """The span's text and the unit word right after it ("from 45 to 30" + "minutes")."""
    rest = a.text[span.end:span.end + 24]
    word = rest.split(None, 1)[0] if rest[:1] == " " and rest.strip() else ""
    word = word.rstrip(",.;:")
    if word.lower() in a.lexicon.structure.get("units", frozenset()):
        return f"{span.text} {word}"
    return span.text


def _metric(a: Analysis, activity: bool) -> str | None:
    """The metric as the text names it: found by structure, else by the metric lists."""
    if a.metric_phrase is not None and not activity:
        return a.metric_phrase.text
    specific = [s for name, found in a.metrics.items() if name not in GENERIC_FAMILIES
                for s in found]
    metric = _first(specific or [s for found in a.metrics.values() for s in found])
    if metric is None:
        return None
    articles = a.lexicon.structure.get("articles", frozenset())
    before = a.text[:metric.start].rstrip(" ").rsplit(" ", 1)[-1]
    if before.lower() in articles and a.text[:metric.start].endswith(" "):
        return f"{before.lower()} {metric.text}"  # "i clienti", not "clienti"
    elided = next((e for e in articles if e.endswith("'") and before.lower().endswith(e)), None)
    if elided and not a.text[:metric.start].endswith(" "):
        return f"{elided}{metric.text}"  # "l'abbandono"
    return metric.text


def _verb(a: Analysis, words: dict[str, str]) -> str:
    if a.direction == "keep":
        return words["keep"]
    if a.direction == "down" or a.reduce_verbs and a.direction is None:
        return words["reduce"]
    return words["increase"]


def _bounded(a: Analysis, span: Span) -> str:
    """A target with the bound written before it ("less than 5%" stays a ceiling)."""
    for bound, _ in a.bounds:
        if bound.end <= span.start and not a.text[bound.end:span.start].strip():
            return f"{bound.text} {_with_unit(a, span)}"
    return _with_unit(a, span)


def _percent_form(words: dict[str, str], key: str, y: str) -> str:
    """The template ``key`` for target ``y``; languages whose percentages take an article
    ("al 6%", "all'80%") give ``key_percent`` and ``key_percent_elided`` forms."""
    if "%" in y and f"{key}_percent" in words:
        digits = y.lstrip("€$£ ")
        elided = digits.startswith("8") or digits.startswith("11") and not digits.startswith("11.")
        return f"{key}_percent_elided" if elided else f"{key}_percent"
    return key


def _change(a: Analysis, words: dict[str, str], duration: Span | None) -> str:
    """The "from X to Y" part, from what the text states (placeholders for the rest)."""
    x, y = words["baseline"], words["target"]
    if a.baseline_targets:
        return _with_unit(a, a.baseline_targets[0].span)
    if a.relative_changes and a.relative_changes[0].y is not None:
        return words["relative"].format(change=_with_unit(a, a.relative_changes[0].span), x=x)
    if a.factors and a.factors[0].y is not None:
        return words["factor"].format(factor=a.factors[0].span.text, x=x)
    if a.multipliers:
        value = a.lexicon.multipliers[" ".join(a.multipliers[0].text.lower().split())]
        return words["factor"].format(factor=f"×{value:g}", x=x)
    if duration is not None:
        amount = _AMOUNT_AND_UNIT.match(duration.text)
        target = amount.group(1) if amount else duration.text
        return words["from_to"].format(x=x, y=target)
    if a.quantities:
        target = _bounded(a, a.quantities[0])
        if a.direction == "keep":
            if a.bound_of(a.quantities[0]):
                return target
            return words[_percent_form(words, "keep_at", target)].format(y=target)
        if a.bound_of(a.quantities[0]):
            return words["from_to"].format(x=x, y=target)
        return words[_percent_form(words, "from_to", target)].format(x=x, y=target)
    if a.direction == "keep":
        return words["keep_at"].format(y=y)
    return words["from_to"].format(x=x, y=y)


def _opens(when: str, openers: list[str]) -> bool:
    """True when the deadline starts with a word that lets it stand alone ("by", "entro",
    "quest'")."""
    first = when.split(" ", 1)[0].lower()
    return first in openers or any(o.endswith("'") and first.startswith(o) for o in openers)


def _deadline(a: Analysis, words: dict[str, str], duration: Span | None) -> str:
    connectors = words.get("deadline_connectors", "").split()

    def loose(span: Span) -> bool:
        return span.text.split(" ", 1)[0].lower() in connectors

    anchored = [s for s in a.time_anchored if s != duration]
    deadline = _first(anchored) or _first([s for s in a.time_relative if s != duration])
    if any(loose(s) for s in anchored):  # a range: "from May to 31 December" ends last
        deadline = max(anchored, key=lambda s: s.start)
    if deadline is None:
        return words["deadline"]
    when = deadline.text
    # the opener stands right before the deadline: look at the few characters there only
    before = _OPEN_END.search(a.text, max(0, deadline.start - _OPEN_WINDOW), deadline.start)
    if before:  # "until", "fino": the period runs to the date, kept as written
        return f"{before.group(1)} {when}"
    runs_through = when.split(" ", 1)[0].lower() in ("through", "thru") and len(anchored) == 1
    if loose(deadline) and " " in when and not runs_through:
        when = f"{words['deadline_by']} {when.split(' ', 1)[1]}"
    elif not _opens(when, words.get("deadline_openers", "").split()):
        when = f"{words['deadline_by']} {when}"  # "FY26-Q2", "prossimo trimestre": add "by"
    return when


def suggest(a: Analysis, activity: bool = False) -> str:
    """Build the rewrite of a statement; placeholders ("[X]", "[date]") stand for what is missing.

    Parameters
    ----------
    a : Analysis
        The analysed statement.
    activity : bool
        True for a task: its numbers count the task, so the rewrite keeps placeholders unless
        the text names a metric.

    Returns
    -------
    str
        One sentence in the statement's language; numbers only ever come from the text.
    """
    words = a.lexicon.suggestion
    metric = _metric(a, activity)
    verb = _verb(a, words)
    duration: Span | None = None
    if activity and metric is None:
        change = words["from_to"].format(x=words["baseline"], y=words["target"])
    else:
        first = a.quantities[0] if a.quantities else None
        if first is not None and first in a.time_relative + a.time_events and not (
                a.baseline_targets or a.relative_changes or a.factors or a.multipliers):
            # "quota within four months": the measure is the time to quota
            duration = first
            verb, metric = words["reduce"], words["ramp_metric"]
        change = _change(a, words, duration)
        if a.direction == "keep" and a.verb is not None and a.metric_phrase is not None and (
                a.quantities and a.quantities[0].end <= a.metric_phrase.start):
            # "Mantenere il 92% dei ricavi": the level comes first, kept as written
            metric = a.text[a.verb.end:a.metric_phrase.end].strip()
            change = ""
    text = words["template"].format(
        verb=verb,
        metric=metric or words["metric"],
        change=change,
        deadline=_deadline(a, words, duration),
    )
    return " ".join(text.split())
