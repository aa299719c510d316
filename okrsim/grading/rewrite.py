"""The suggested rewrite "Verb metric from X to Y by date", filled only with what the text gives."""

from __future__ import annotations

from okrsim.grading.analysis import GENERIC_FAMILIES, Analysis, Span


def _first(found: list[Span]) -> Span | None:
    return min(found, key=lambda s: s.start, default=None)


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
    reduce = bool(a.reduce_verbs)
    verb = words["reduce"] if reduce else words["increase"]
    specific = [s for name, found in a.metrics.items() if name not in GENERIC_FAMILIES
                for s in found]
    metric = _first(specific or [s for found in a.metrics.values() for s in found])
    x, y = words["baseline"], words["target"]
    metric_text = metric.text if metric else words["metric"]
    duration: Span | None = None
    if activity and metric is None:
        pass
    elif a.baseline_targets:
        pair = a.baseline_targets[0]
        x = pair.x.text if pair.x else x
        y = pair.y.text if pair.y else y
    elif a.relative_changes and a.relative_changes[0].y is not None:
        change = a.relative_changes[0].y.text
        y = words["relative_target"].format(sign="-" if reduce else "+", change=change)
    elif a.factors or a.multipliers:
        factor = a.factors[0].y.text if a.factors and a.factors[0].y else None
        if factor is None and a.multipliers:
            value = a.lexicon.multipliers[" ".join(a.multipliers[0].text.lower().split())]
            factor = f"{value:g}"
        y = words["factor_target"].format(factor=factor)
    elif a.quantities:
        y = a.quantities[0].text
        if a.quantities[0] in a.time_relative:  # "quota within four months": time to quota
            duration = a.quantities[0]
            verb, metric_text = words["reduce"], words["ramp_metric"]
            y = duration.text.split(" ", 1)[1] if " " in duration.text else duration.text
    connectors = words.get("deadline_connectors", "").split()

    def loose(span: Span) -> bool:
        return span.text.split(" ", 1)[0].lower() in connectors

    deadline = _first(a.time_anchored) or _first([s for s in a.time_relative if s != duration])
    if any(loose(s) for s in a.time_anchored):  # a range: "from May to 31 December" ends last
        deadline = max(a.time_anchored, key=lambda s: s.start)
    when = deadline.text if deadline else words["deadline"]
    if deadline and loose(deadline) and " " in when:
        when = f"{words['deadline_by']} {when.split(' ', 1)[1]}"
    text = words["template"].format(
        verb=verb,
        metric=metric_text,
        x=x,
        y=y,
        deadline=when,
    )
    return " ".join(text.split())
