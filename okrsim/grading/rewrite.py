"""The suggested rewrite "Verb metric from X to Y by date", filled only with what the text gives.

The rewrite keeps the meaning of the statement: its direction (reduce stays reduce, keep stays
keep, a ceiling stays a ceiling), its metric as written, its numbers and its deadline.
Placeholders ("[X]", "[date]") stand only for what is missing.
"""

from __future__ import annotations

import re

from okrsim.grading.analysis import GENERIC_FAMILIES, Analysis, Span, analyse

#: A word that opens a period running to the deadline, right before it.
_OPEN_END = re.compile(r"(?<!\w)(until|till|fino)\s+$", re.IGNORECASE)
#: Characters before a deadline where its opener ("until", "fino") may stand.
_OPEN_WINDOW = 24
#: The number and unit of a duration ("within 4 months of starting" -> "4 months").
_AMOUNT_AND_UNIT = re.compile(r"^\S+\s+(\S+\s*[^\W\d_]+)", re.UNICODE)


#: What joins two goals in one statement ("... and cut CAC ...", "... e ridurre ...", "&", ",").
_JOINER = re.compile(r"\s*(?:,\s*)?(?:(?<!\w)(?:and|e|ed)(?!\w)|&|,)\s*", re.IGNORECASE)
#: Between the rewrites of two goals joined in one statement: each is a key result of its own.
GOAL_SEPARATOR = "; "


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
        change = a.relative_changes[0]
        written = _with_unit(a, change.span)
        by_word = words.get("relative_by", "").split("{", 1)[0]
        if by_word and not written.lower().startswith(by_word):
            # "MQLs up 20%", "+20%": the template's own word for a change ("by 20%")
            written = words["relative_by"].format(y=_with_unit(a, change.y))
        return words["relative"].format(change=written, x=x)
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


def goal_texts(a: Analysis) -> list[str]:
    """The goals of a statement that joins several (:attr:`Analysis.joined_goals`), one text each.

    The text is cut at the last conjunction between one goal's verb or target and the next.
    A goal without a verb of its own takes the statement's ("Grow ARR from 2M to 3M and NRR
    from 104% to 110%": "Grow NRR..."), and a goal without a deadline takes the one the other
    goal names ("... by December" belongs to both). One goal, or goals that do not each hold a
    number (the rewrite of the whole loses none), give ``[a.text]``.
    """
    return [text for text, _reading in _goal_readings(a)]


def _goal_readings(a: Analysis) -> list[tuple[str, Analysis]]:
    """:func:`goal_texts` with the reading of each text: the part's own reading when the text is
    the part as cut, read once (a part given a verb or a deadline is read again)."""
    if len(a.quantities) < 2:  # a number for each goal at least, or the whole is rewritten
        return [(a.text, a)]
    cuts = []
    for first, second in zip(a.joined_goals, a.joined_goals[1:], strict=False):
        joins = list(_JOINER.finditer(a.text, first.end, second.start))
        if joins:
            cuts.append((joins[-1].start(), joins[-1].end()))
    if not cuts:
        return [(a.text, a)]
    bounds = [0, *[x for cut in cuts for x in cut], len(a.text)]
    parts = [a.text[bounds[i]:bounds[i + 1]].strip(" .;") for i in range(0, len(bounds), 2)]
    readings = [analyse(part, a.lexicon) for part in parts]
    if not all(r.quantities for r in readings):
        return [(a.text, a)]  # only goals with numbers of their own could lose them or swap them
    deadline = next((r.time_anchored[0].text for r in readings if r.time_anchored), None)
    goals = []
    for part, reading in zip(parts, readings, strict=True):
        text = part
        if reading.verb is None and a.verb is not None:
            text = f"{a.verb.text} {text}"
        if deadline is not None and not reading.time_anchored:
            text = f"{text} {deadline}"
        goals.append((text, reading if text == part else analyse(text, a.lexicon)))
    return goals


def suggest_goals(a: Analysis, activity: bool = False) -> str:
    """The rewrite of every goal of the statement (:func:`goal_texts`), each by :func:`suggest`.

    A statement of one goal gives :func:`suggest` of it; two goals joined give two key results,
    joined by :data:`GOAL_SEPARATOR`, so that neither goal's numbers are lost or given to the
    other's metric.
    """
    goals = _goal_readings(a)
    if len(goals) == 1:
        return suggest(a, activity)
    return GOAL_SEPARATOR.join(suggest(reading, activity) for _text, reading in goals)
