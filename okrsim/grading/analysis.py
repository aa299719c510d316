"""Find the pieces of a statement the SMART rules look at: numbers, deadlines, verbs, metrics.

Pure functions over text and a :class:`~okrsim.grading.lexicon.Lexicon`. A statement may hold
several sentences; sentences that only say why (they name the goal served, "so that...",
"affinché...") are *context*, the others are the *commitment* that S, M, A and T judge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from okrsim.grading.lexicon import Lexicon

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
#: A word that can name a deliverable: three letters or more, no digits.
_OBJECT_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)

#: Metric families that name a generic count ("customers"): concrete only with a number or a
#: plain verb; a more specific metric is preferred in the rewrite.
GENERIC_FAMILIES = ("customers",)


@dataclass(frozen=True)
class Span:
    """A piece of the analysed text: its position and its characters."""

    start: int
    end: int
    text: str

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Quantity:
    """A number found in the text, with its named groups (``x`` baseline, ``y`` target)."""

    span: Span
    x: Span | None = None
    y: Span | None = None


def spans(pattern: re.Pattern[str], text: str, within: list[Span]) -> list[Span]:
    """Matches of ``pattern`` in ``text`` that lie inside one of the ``within`` spans."""
    found = []
    for region in within:
        for match in pattern.finditer(text, region.start, region.end):
            found.append(Span(match.start(), match.end(), match.group(0)))
    return found


def groups(patterns: tuple[re.Pattern[str], ...], text: str,
           within: list[Span]) -> list[Quantity]:
    """Matches with their named groups ``x`` and ``y``, leftmost first, without overlaps."""
    found: list[Quantity] = []
    for region, pattern in ((r, p) for r in within for p in patterns):
        for match in pattern.finditer(text, region.start, region.end):
            named = {}
            for name in ("x", "y"):
                if name in pattern.groupindex and match.group(name) is not None:
                    named[name] = Span(match.start(name), match.end(name), match.group(name))
            span = Span(match.start(), match.end(), match.group(0))
            if not any(span.overlaps(q.span) for q in found):
                found.append(Quantity(span, **named))
    return sorted(found, key=lambda q: q.span.start)


def split_sentences(text: str) -> list[Span]:
    """The sentences of ``text`` as spans (blank pieces dropped)."""
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, len(text)))
    return [Span(a, b, text[a:b]) for a, b in pieces if text[a:b].strip()]


def without(found: list[Span], blockers: list[Span]) -> list[Span]:
    """The spans of ``found`` that overlap none of ``blockers``."""
    return [s for s in found if not any(s.overlaps(b) for b in blockers)]


def number_value(raw: str, lexicon: Lexicon, scaled: bool = True) -> float | None:
    """The value of a number as written: "€12.0M" -> 12e6, "1.200" -> 1200, "cinque" -> 5.

    With ``scaled=False`` magnitudes ("M", "milioni", "k") are ignored: "12.0M" -> 12.
    """
    word = " ".join(raw.lower().split())
    if word in lexicon.numbers:
        return lexicon.numbers[word]
    match = re.search(r"\d+(?:[.,]\d+)*", raw)
    if not match:
        return None
    digits = match.group(0)
    if "." in digits and "," in digits:
        decimal = "." if digits.rfind(".") > digits.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        digits = digits.replace(thousands, "").replace(decimal, ".")
    else:
        for sep in ".,":
            parts = digits.split(sep)
            if len(parts) > 2 or (len(parts) == 2 and len(parts[1]) == 3):
                digits = digits.replace(sep, "")
            elif len(parts) == 2:
                digits = digits.replace(sep, ".")
    value = float(digits)
    tail = raw[match.end():].strip().lower()
    if not scaled:
        return value
    scale = {"k": 1e3, "mila": 1e3, "m": 1e6, "mln": 1e6, "million": 1e6, "milioni": 1e6,
             "bn": 1e9, "billion": 1e9, "miliardi": 1e9}
    for suffix, factor in scale.items():
        if tail == suffix or tail.startswith(suffix + " "):
            return value * factor
    return value


@dataclass(frozen=True)
class Analysis:
    """Everything the rules need, found once.

    Attributes
    ----------
    text : str
        The analysed text.
    lexicon : Lexicon
        The language tables used.
    commitment, context : list of Span
        Sentences that state the commitment, and sentences that only name the goal served.
    quantities : list of Span
        Numbers, factors and multiplier words of the commitment that are not part of a date.
    baseline_targets : list of Quantity
        "from X to Y" pairs.
    relative_changes, factors : list of Quantity
        "by 20%" changes and "10x" factors.
    multipliers : list of Span
        Words such as "double".
    time_anchored, time_relative, time_vague, rates : list of Span
        Deadlines in the commitment, by kind.
    context_times : list of Span
        Deadlines found only in context sentences.
    metrics, populations : dict of str to list of Span
        Matches per family, in the commitment.
    outcome_verbs, activity_verbs, vague_verbs, reduce_verbs : list of Span
        Verbs of the commitment, by role.
    comparatives : list of Span
        "more", "fewer"...: a direction without a number.
    relevance, means : list of Span
        Phrases naming the goal served, and the means to reach the target (whole text).
    wishes : list of Span
        Aspirations that name no measurable change ("be the best", "fare la differenza").
    deliverables : list of Span
        Words naming the object of a task verb ("webinars" in "run six webinars by Q3"): dates,
        rates, numbers and frequent function words left out.
    """

    text: str
    lexicon: Lexicon
    commitment: list[Span]
    context: list[Span]
    quantities: list[Span]
    baseline_targets: list[Quantity]
    relative_changes: list[Quantity]
    factors: list[Quantity]
    multipliers: list[Span]
    time_anchored: list[Span]
    time_relative: list[Span]
    time_vague: list[Span]
    rates: list[Span]
    context_times: list[Span]
    metrics: dict[str, list[Span]]
    populations: dict[str, list[Span]]
    outcome_verbs: list[Span]
    comparatives: list[Span]
    activity_verbs: list[Span]
    vague_verbs: list[Span]
    reduce_verbs: list[Span]
    conjunctions: list[Span]
    relevance: list[Span]
    means: list[Span]
    wishes: list[Span]
    deliverables: list[Span]

    def value(self, span: Span | None) -> float | None:
        """The numeric value of a number span, or None."""
        return None if span is None else number_value(span.text, self.lexicon)


def _all(families: dict[str, list[Span]]) -> list[Span]:
    return [span for found in families.values() for span in found]


def _outermost(families: dict[str, list[Span]]) -> dict[str, list[Span]]:
    """Drop matches lying inside a longer match of another family ("sales" in "sales cycle")."""
    every = _all(families)
    return {name: [s for s in found if not any(
        o.start <= s.start and s.end <= o.end and (o.end - o.start) > (s.end - s.start)
        for o in every)] for name, found in families.items()}


def objects_of(verbs: list[Span], text: str, sentences: list[Span], skip: list[Span],
               stop: frozenset[str]) -> list[Span]:
    """Words after each verb, to the end of its sentence, that may name what the task delivers.

    The verb's own first word is left out ("make" of "make 50 calls", whose pattern holds the
    noun), and so are words inside ``skip`` (dates, rates, numbers) and the ``stop`` words.
    """
    found: list[Span] = []
    for verb in verbs:
        first_word = re.match(r"\S+", verb.text)
        start = verb.start + (first_word.end() if first_word else 0)
        for sentence in sentences:
            if not sentence.start <= verb.start < sentence.end:
                continue
            for match in _OBJECT_WORD.finditer(text, start, sentence.end):
                word = Span(match.start(), match.end(), match.group(0))
                if match.group(0).lower() not in stop and not any(word.overlaps(s) for s in skip):
                    found.append(word)
    return sorted(set(found), key=lambda s: s.start)


def analyse(text: str, lexicon: Lexicon) -> Analysis:
    """Find every piece the SMART rules use in ``text``.

    Parameters
    ----------
    text : str
        The statement, already cleaned and bounded in length.
    lexicon : Lexicon
        The tables of the statement's language.

    Returns
    -------
    Analysis
    """
    p, g = lexicon.patterns, lexicon.grouped
    sentences = split_sentences(text)
    whole = [Span(0, len(text), text)]
    relevance = spans(p["relevance"], text, whole)
    context = [s for s in sentences if any(s.overlaps(r) for r in relevance)]
    commitment = [s for s in sentences if s not in context] or sentences

    anchored = spans(p["time_anchored"], text, commitment)
    relative = without(spans(p["time_relative"], text, commitment), anchored)
    times = anchored + relative
    context_times = [] if commitment == sentences else (
        spans(p["time_anchored"], text, context) + spans(p["time_relative"], text, context)
    )
    baseline_targets = [q for q in groups(g["baseline_target"], text, commitment)
                        if not any(q.span.overlaps(t) for t in times)]
    # "from 2.5x to 3.5x" is one baseline and one target, not two factors of growth.
    factors = [q for q in groups(g["factor"], text, commitment) if not any(
        q.span.overlaps(t) for t in times + [b.span for b in baseline_targets])]
    numbers = without(spans(lexicon.number, text, commitment), times + [q.span for q in factors])
    multipliers = without(spans(lexicon.multiplier, text, commitment), times)
    populations = {name: spans(rx, text, commitment) for name, rx in lexicon.populations.items()}
    metrics = _outermost({name: without(spans(rx, text, commitment), _all(populations))
                          for name, rx in lexicon.metrics.items()})
    # "reaches full quota within four months": with a ramp metric the duration is the measure
    # (time to productivity), as in the article's M step; it still counts as a relative deadline.
    durations = relative if metrics.get("ramp") else []
    quantities = sorted(numbers + multipliers + [q.span for q in factors] + durations,
                        key=lambda s: s.start)
    activity_verbs = spans(p["activity_verbs"], text, commitment)
    rates = spans(p["rates"], text, commitment)
    time_vague = spans(p["time_vague"], text, commitment)
    skip = times + time_vague + rates + quantities + relevance
    deliverables = objects_of(activity_verbs, text, commitment, skip, lexicon.detect_words)
    return Analysis(
        text=text,
        lexicon=lexicon,
        commitment=commitment,
        context=context if commitment != sentences else [],
        quantities=quantities,
        baseline_targets=baseline_targets,
        relative_changes=[q for q in groups(g["relative_change"], text, commitment)
                          if not any(q.span.overlaps(t) for t in times)],
        factors=factors,
        multipliers=multipliers,
        time_anchored=anchored,
        time_relative=relative,
        time_vague=time_vague,
        rates=rates,
        context_times=context_times,
        metrics=metrics,
        populations=populations,
        outcome_verbs=spans(p["outcome_verbs"], text, commitment),
        comparatives=spans(p["comparatives"], text, commitment),
        activity_verbs=activity_verbs,
        # "to support our growth target" names the goal served, not a vague verb
        vague_verbs=without(spans(p["vague_verbs"], text, commitment), relevance),
        reduce_verbs=spans(p["reduce_verbs"], text, commitment),
        conjunctions=spans(p["conjunctions"], text, commitment),
        relevance=relevance,
        means=spans(p["means"], text, whole),
        wishes=spans(p["wishes"], text, commitment),
        deliverables=deliverables,
    )
