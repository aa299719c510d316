"""The SMART rules: one function per letter, each turning an :class:`Analysis` into a verdict.

The words and patterns come from the language lexicons; this module only holds the logic and
the few numeric thresholds below.
"""

from __future__ import annotations

import re

from okrsim.grading.analysis import GENERIC_FAMILIES, Analysis, Span, number_value
from okrsim.grading.result import CriterionResult
from okrsim.grading.vagueness import (
    abstract_deliverable,
    counts_outcomes_vaguely,
    gerund_object,
    kept_alongside,
    qualified_goal,
    vague_qualities,
)

#: A target at least this many times its baseline is implausible whatever the time given.
IMPLAUSIBLE_RATIO = 3.0
#: ... and at least this many times within a quarter or less.
IMPLAUSIBLE_RATIO_SHORT = 2.0
#: Feasibility (P(target) from the simulator) at or above which "achievable" is met...
FEASIBLE = 0.5
#: ... and below which it is missing (between the two: partial, a stretch goal).
UNLIKELY = 0.2

#: Metric families that move together for relevance: a key result on one serves a parent on another
#: (pipeline and bookings become revenue).
SAME_GOAL = (frozenset({"revenue", "pipeline"}),)
#: Families that drive a parent's family without being it: relevance is partial
#: (win rate, deal size, cycle and churn drive revenue; churn drives the customer count, and a
#: shorter cycle closes more deals in the same time).
DRIVERS = {
    "revenue": frozenset({"conversion", "deal", "cycle", "retention", "customers"}),
    "pipeline": frozenset({"conversion", "marketing"}),
    "customers": frozenset({"retention", "satisfaction", "pipeline", "conversion", "cycle"}),
    "retention": frozenset({"satisfaction", "support", "adoption"}),
}
#: What a qualitative objective is about (its area, found by the lexicon's ``[areas]`` words),
#: and the metric families that measure it: "Raise CSAT from 4.0 to 4.5" measures "Provide an
#: amazing customer support service", though the objective names no metric.
AREAS = {
    "growth": frozenset({"revenue", "pipeline", "customers", "deal", "conversion", "retention"}),
    "customer_experience": frozenset({"satisfaction", "support", "retention", "cycle"}),
    "engagement": frozenset({"adoption", "retention", "satisfaction", "customers"}),
    "demand": frozenset({"pipeline", "marketing", "conversion"}),
    "efficiency": frozenset({"cycle", "conversion", "ramp", "profit", "operations"}),
    "enablement": frozenset({"ramp", "adoption"}),
    "profitability": frozenset({"profit"}),
}
#: Population families whose members exclude each other (another size or place of customer)...
EXCLUSIVE_PREFIXES = ("size_", "geo_")
#: ... except a region holding a place.
REGIONS = {"geo_emea": frozenset({"geo_it", "geo_es", "geo_fr", "geo_de", "geo_uk",
                                  "geo_nordics", "geo_benelux"})}

_SHORT_HORIZON = re.compile(
    r"quarter|month|week|day|sprint|Q[1-4]|trimestr|mes[ei]|settiman|giorn", re.IGNORECASE)
#: Words of an objective one can remember at a glance.
MEMORABLE_WORDS = 12
_CONTENT_OR_SHORT = re.compile(r"[^\W_]+", re.UNICODE)
#: Content words shared with the parent that make it the parent's own topic ("distribuire i
#: servizi di conferenza" under "Distribuire i servizi di audioconferenza"): one shared word is
#: only a hint.
SHARED_TOPIC_WORDS = 2
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
#: What may stand between a conjunction and a second metric: an article or a possessive at most.
_JUST_AN_ARTICLE = re.compile(r"\s*(?:[^\W\d_]{1,3}\s+|[^\W\d_]{1,3}['’]\s*)?", re.UNICODE)


def _texts(found: list[Span]) -> list[str]:
    """Distinct span texts in order of appearance."""
    seen: dict[str, None] = {}
    for span in sorted(found, key=lambda s: s.start):
        inside = any(o.start <= span.start and span.end <= o.end and o != span for o in found)
        if not inside:
            seen.setdefault(span.text.strip(), None)
    return list(seen)


def _all(families: dict[str, list[Span]]) -> list[Span]:
    return [span for found in families.values() for span in found]


def _families_between(a: Analysis, start: int, end: int) -> set[str]:
    """Metric families (generic counts left out) with a match between ``start`` and ``end``."""
    return {name for name, found in a.metrics.items() if name not in GENERIC_FAMILIES
            and any(start <= s.start and s.end <= end for s in found)}


def _joined_metrics(a: Analysis, sentence: Span) -> list[Span]:
    """Two metrics of different families joined only by a conjunction and an article
    ("le opportunità qualificate e il tasso di conversione")."""
    if not a.conjunctions:  # nothing joins them
        return []
    found = sorted((s for name, spans_ in a.metrics.items() if name not in GENERIC_FAMILIES
                    for s in spans_ if sentence.overlaps(s)), key=lambda s: s.start)
    family = {s: name for name, spans_ in a.metrics.items() for s in spans_}
    for first, second in zip(found, found[1:], strict=False):
        if family[first] == family[second]:
            continue
        for c in a.conjunctions:
            if first.end <= c.start and c.end <= second.start and _JUST_AN_ARTICLE.fullmatch(
                    a.text[c.end:second.start]):
                return [first, second]
    return []


def _before_means(a: Analysis, sentence: Span) -> Span:
    """The part of ``sentence`` before the means or the goal served ("grow ARR by 12% | through
    new hires and better onboarding"): the goals stated, without how or why."""
    end = min((s.start for s in a.means + a.relevance if sentence.start < s.start < sentence.end),
              default=sentence.end)
    return Span(sentence.start, end, a.text[sentence.start:end])


def several_goals(a: Analysis) -> list[Span]:
    """Directions of one sentence joined by a conjunction ("increase X and reduce Y") or by a
    comma with a different metric on each side ("grow ARR by 12%, cut discounts to 10%"), two
    metrics joined by a conjunction ("raise win rate and deal size"), two comparatives in a
    list ("more leads, faster"), or any two verbs or two objects joined before the means
    (:attr:`Analysis.joined_goals`: "map the process and automate the reminders")."""
    for whole in a.commitment:
        sentence = _before_means(a, whole)
        by_start = {v.start: v for v in a.outcome_verbs + a.comparatives if sentence.overlaps(v)}
        words = [by_start[k] for k in sorted(by_start)]
        for first, second in zip(words, words[1:], strict=False):
            if any(first.end <= c.start < second.start for c in a.conjunctions):
                return [first, second]
            if "," in a.text[first.end:second.start]:
                before = _families_between(a, first.start, second.start)
                after = _families_between(a, second.start, sentence.end)
                if before and after and not before & after:
                    return [first, second]
        joined = _joined_metrics(a, sentence)
        if joined:
            return joined
        comparatives = sorted((c for c in a.comparatives if sentence.overlaps(c)),
                              key=lambda c: c.start)
        for first, second in zip(comparatives, comparatives[1:], strict=False):
            if "," in a.text[first.end:second.start]:
                return [first, second]
    return list(a.joined_goals)


def vague_generic(a: Analysis) -> bool:
    """True for a vague wish about a generic population and no number ("delight customers");
    a named deliverable of theirs ("the partner enablement program") is not generic."""
    if a.object_head == "concrete" or counts_outcomes_vaguely(a):  # "close some deals"
        return False
    concrete = _all(a.metrics) + _all(a.populations)
    generic = [s for name in GENERIC_FAMILIES for s in a.metrics.get(name, [])]
    return bool(a.vague_verbs and not a.quantities and concrete and len(generic) == len(concrete))


def named_segment(a: Analysis) -> list[Span]:
    """Populations outside any wish ("the enterprise segment", "le PMI del Nord Italia"): what
    an aspiration names as concrete (a metric's word in it, "revenue teams", names no segment)."""
    return [s for s in _all(a.populations) if not any(s.overlaps(w) for w in a.wishes)]


def bare_generic(a: Analysis) -> bool:
    """True for a generic population that no verb changes, keeps, delivers or qualifies, and
    no number ("Get more customers", "be polite to our customers"): it names nobody."""
    if (a.quantities or a.vague_verbs or a.outcome_verbs or a.keep_verbs or is_activity(a)
            or a.named_object is not None):
        return False
    concrete = _all(a.metrics) + _all(a.populations)
    return bool(concrete) and all(s in generic_spans(a) and s not in a.qualified_generics
                                  for s in concrete)


def generic_spans(a: Analysis) -> list[Span]:
    """Matches of the generic count families ("customers", "partners")."""
    return [s for name in GENERIC_FAMILIES for s in a.metrics.get(name, [])]


def vague_object(a: Analysis) -> list[Span]:
    """What a vague verb works on when it names a deliverable, function or metric ("optimise
    the nurture campaigns"): concrete, so specific is partial rather than missing."""
    return [a.vague_object] if a.vague_object is not None and a.object_head == "concrete" else []


def deliverables(a: Analysis) -> list[Span]:
    """What a task names as its deliverable ("the new pricing page"), when the statement is a
    task without a vague verb: concrete for Specific (the task itself is flagged by activity).
    Vague areas, plain qualifiers and the words of the means name nothing ("Gather the
    essential data")."""
    return a.naming_deliverables if is_activity(a) and not a.vague_verbs else []


def structural_metric(a: Analysis) -> list[Span]:
    """The metric found by structure when it carries a quantity ("cart abandonment" in "reduce
    cart abandonment from 40% to 30%"): concrete whatever its words."""
    if a.metric_phrase is None:
        return [a.counted] if a.counted is not None else []
    named = a.vague_object is None and a.object_head == "concrete"
    return [a.metric_phrase] if a.quantities or named else []


def specific(a: Analysis, kind: str = "key_result") -> CriterionResult:
    """Specific: a concrete metric, population or deliverable, no vague verb or wish, one goal.

    The verdict reads the same for an objective (the rubric labels both kinds alike); its advice
    asks an objective for what changes and for whom, and leaves the metric to its key results.
    """
    advice = a.lexicon.advice  # copied only to change it
    if kind == "objective":
        advice = dict(advice)
        advice["specific_missing"] = advice["specific_missing_objective"]
        advice["specific_vague"] = advice["specific_vague_objective"]
    tasks = [] if abstract_deliverable(a) else deliverables(a)  # "Hire people" names nobody
    worked_on = [] if gerund_object(a) else vague_object(a)  # "networking more often"
    concrete = (_all(a.metrics) + _all(a.populations) or tasks or structural_metric(a)
                or worked_on or ([a.named_object] if a.named_object else []))
    # "with strong unit economics", "while maintaining velocity": a second goal, no number
    several = several_goals(a) or qualified_goal(a) or kept_alongside(a)
    qualities = vague_qualities(a)  # "Build a scalable platform": a quality, not a measure
    wishes = [] if a.quantities else a.wishes
    if wishes and named_segment(a):  # "dominate the enterprise segment in DACH"
        return CriterionResult("partial", _texts(wishes + named_segment(a)),
                               advice["specific_aspiration"])
    if not concrete or wishes or vague_generic(a) or bare_generic(a):
        return CriterionResult("missing", _texts(wishes + a.vague_verbs),
                               advice["specific_missing"])
    if several:
        return CriterionResult("partial", _texts(several + concrete), advice["specific_several"])
    if (a.vague_verbs or qualities) and not a.quantities:
        evidence = _texts(a.vague_verbs + qualities + concrete)
        return CriterionResult("partial", evidence, advice["specific_vague"])
    return CriterionResult("met", _texts(concrete), advice["specific_met"])


def measurable(a: Analysis, kind: str) -> CriterionResult:
    """Measurable: a number, percentage, amount or count; best as "from X to Y"."""
    advice = a.lexicon.advice
    if a.quantities:
        evidence = [q.span for q in a.baseline_targets] or a.quantities
        if kind == "objective":
            return CriterionResult("met", _texts(evidence), advice["measurable_in_objective"])
        if a.baseline_targets:
            key = "measurable_met"
        elif keeps_a_level(a):
            key = "measurable_keep"
        else:
            key = "measurable_no_baseline"
        return CriterionResult("met", _texts(evidence), advice[key])
    metrics = [] if vague_generic(a) else _all(a.metrics)
    if a.object_head == "concrete" and all(s in generic_spans(a) for s in metrics):
        metrics = []  # "the partner program": the generic word qualifies what is delivered
    if not metrics and not is_activity(a):
        metrics = structural_metric(a)  # "shorten the quote-to-cash cycle": named by structure
    if not metrics and a.placeholder_targets and a.named_object is not None:
        metrics = [a.named_object]  # "Tasso di attivazione: da X% a Y%": what changes
    # a verb that is itself the metric ("upsell" in "the upsell motion") gives no direction
    # "Activation rate: from X% to Y%": placeholders for the numbers still state a change
    # "be more customer-centric": a comparative inside a wish is a state, not a direction
    direction = [d for d in a.outcome_verbs + a.comparatives + a.placeholder_targets
                 if not any(d.overlaps(m) for m in metrics)
                 and not any(d.overlaps(w) for w in a.wishes)]
    verdict = "partial" if metrics and direction else "missing"
    evidence = _texts(metrics) if verdict == "partial" else []
    if kind == "objective":
        return CriterionResult(verdict, evidence, advice["measurable_objective"])
    key = "measurable_partial" if verdict == "partial" else "measurable_missing"
    return CriterionResult(verdict, evidence, advice[key])


def keeps_a_level(a: Analysis) -> bool:
    """True for "keep X above 92%": the level to keep is the whole measure (no baseline needed,
    the baseline is the level already reached)."""
    return a.direction == "keep" and bool(a.quantities)


def growth_ratios(a: Analysis) -> list[tuple[Span, float]]:
    """Target / baseline ratios the text states: "from X to Y", "by 300%", "10x", "double"."""
    ratios = []
    for pair in a.baseline_targets:
        x, y = a.value(pair.x), a.value(pair.y)
        if x and y and pair.x and pair.y:
            plain_x = number_value(pair.x.text, a.lexicon, scaled=False)
            plain_y = number_value(pair.y.text, a.lexicon, scaled=False)
            if (plain_x == x) != (plain_y == y):  # "from 12 to 13.2M": one scale for both
                x, y = plain_x, plain_y
        if x and y is not None and x > 0:
            ratios.append((pair.span, y / x))
    for change in a.relative_changes:
        if change.y is not None and "%" in change.y.text:
            value = a.value(change.y)
            if value is not None:
                ratios.append((change.span, 1 + value / 100))
    for factor in a.factors:
        value = a.value(factor.y)
        if value:
            ratios.append((factor.span, value))
    for word in a.multipliers:
        ratios.append((word, a.lexicon.multipliers[" ".join(word.text.lower().split())]))
    return ratios


def achievable(a: Analysis, feasibility: float | None) -> CriterionResult:
    """Achievable: from the simulator's probability when given, else from what the text states."""
    advice = a.lexicon.advice
    # a duration counted from an event ("quota within 4 months of starting") defines the
    # metric, not the time the key result has
    horizon = a.time_anchored + [t for t in a.time_relative if t not in a.time_events]
    short = any(_SHORT_HORIZON.search(t.text) for t in horizon)
    limit = IMPLAUSIBLE_RATIO_SHORT if short else IMPLAUSIBLE_RATIO
    jumps = [span for span, ratio in growth_ratios(a) if ratio >= limit]
    if feasibility is not None:
        if feasibility >= FEASIBLE:
            verdict, key = "met", "achievable_feasible"
        elif feasibility >= UNLIKELY:
            verdict, key = "partial", "achievable_stretch"
        else:
            verdict, key = "missing", "achievable_unlikely"
        return CriterionResult(verdict, _texts(jumps), advice[key].format(p=feasibility))
    if jumps:
        times = a.time_anchored + a.time_relative
        return CriterionResult("missing", _texts(jumps + times), advice["achievable_jump"])
    grounds = [q.span for q in a.baseline_targets] + a.means
    if grounds:
        return CriterionResult("partial", _texts(grounds), advice["achievable_partial"])
    return CriterionResult("unknown", [], advice["achievable_unknown"])


def _stem(word: str) -> str:
    """The first five letters, a final plural "s" left out first ("deals" and "deal" agree)."""
    lower = word.lower()
    if lower.endswith("s") and len(lower) > 4:
        lower = lower[:-1]
    return lower[:5]


def _serves(family: str, parent_families: set[str]) -> bool:
    """True when the family is one of the parent's or moves with one of them (SAME_GOAL)."""
    return family in parent_families or any(
        family in group and group & parent_families for group in SAME_GOAL)


def parent_areas(parent: Analysis) -> list[str]:
    """The areas a parent objective is about (growth, customer experience...), by its words."""
    return [name for name, found in parent.areas.items() if found]


def other_population(own: set[str], theirs: set[str]) -> list[str]:
    """The child's size or place families when the parent names only other ones of that kind.

    "US enterprise accounts" under "Italian SMB customers" names another place and size; a
    region holding the other place ("EMEA" and "Italy") is not another place.
    """
    elsewhere = []
    for prefix in EXCLUSIVE_PREFIXES:
        mine = {f for f in own if f.startswith(prefix)}
        yours = {f for f in theirs if f.startswith(prefix)}
        if not mine or not yours or mine & yours:
            continue
        if any(REGIONS.get(m, frozenset()) & yours or REGIONS.get(y, frozenset()) & mine
               for m in mine for y in yours):
            continue
        elsewhere.extend(sorted(mine))
    return elsewhere


def relevant(a: Analysis, parent: Analysis | None) -> CriterionResult:
    """Relevant: shares a metric or words with the parent; without one, names the goal served."""
    advice = a.lexicon.advice
    if parent is not None:
        own = {name: found for name, found in {**a.metrics, **a.populations}.items() if found}
        theirs = {name for name, found in {**parent.metrics, **parent.populations}.items()
                  if found}
        elsewhere = other_population(set(own), theirs)
        if elsewhere:
            found = [s for name in elsewhere for s in own[name]]
            return CriterionResult("missing", _texts(found), advice["relevant_parent_elsewhere"])
        shared = [s for name, found in own.items() if _serves(name, theirs) for s in found]
        if shared:
            return CriterionResult("met", _texts(shared), advice["relevant_parent_met"])
        # a qualitative parent is measured by its key results: one that measures its area
        # serves it; a parent with its own number is served directly only by its metric
        areas = parent_areas(parent) if not parent.quantities else []
        measures = [s for name, found in own.items()
                    if any(name in AREAS.get(area, ()) for area in areas) for s in found]
        if measures:
            return CriterionResult("met", _texts(measures), advice["relevant_parent_area"])
        drives = [s for name, found in own.items()
                  if any(name in DRIVERS.get(goal, ()) for goal in theirs) for s in found]
        if drives:
            return CriterionResult("partial", _texts(drives), advice["relevant_parent_driver"])
        same_area = [s for area in areas for s in a.areas.get(area, [])]
        if same_area:
            return CriterionResult("partial", _texts(same_area),
                                   advice["relevant_parent_area_words"])
        stop = a.lexicon.detect_words | parent.lexicon.detect_words
        parent_stems = {_stem(w) for w in _CONTENT_WORD.findall(parent.text)
                        if w.lower() not in stop}
        words = [Span(m.start(), m.end(), m.group(0)) for m in _CONTENT_WORD.finditer(a.text)
                 if m.group(0).lower() not in stop and _stem(m.group(0)) in parent_stems]
        if len({_stem(w.text) for w in words}) >= SHARED_TOPIC_WORDS:
            return CriterionResult("met", _texts(words), advice["relevant_parent_topic"])
        if words:
            return CriterionResult("partial", _texts(words), advice["relevant_parent_partial"])
        return CriterionResult("missing", [], advice["relevant_parent_missing"])
    if a.relevance:
        return CriterionResult("met", _texts(a.relevance), advice["relevant_met"])
    return CriterionResult("unknown", [], advice["relevant_unknown"])


def time_bound(a: Analysis, kind: str = "key_result") -> CriterionResult:
    """Time-bound: an anchored deadline or period; a bare duration, a start without an end
    ("From April") or vague timing is partial.

    An objective needs no deadline of its own (its period gives it): when it has none, the
    advice says that dates belong in its key results.
    """
    advice = a.lexicon.advice
    if kind == "objective" and not (a.time_anchored or a.time_relative or a.time_starts
                                    or a.time_vague or a.plan_periods):
        return CriterionResult("missing", [], advice["time_bound_objective"])
    if a.time_anchored:
        return CriterionResult("met", _texts(a.time_anchored), advice["time_bound_met"])
    if a.time_relative:
        return CriterionResult("partial", _texts(a.time_relative), advice["time_bound_relative"])
    if a.plan_periods:  # "Anno 1:", "by Week 4": a period of the plan, not of the calendar
        return CriterionResult("partial", _texts(a.plan_periods), advice["time_bound_plan"])
    if a.time_starts:
        return CriterionResult("partial", _texts(a.time_starts), advice["time_bound_start"])
    if a.time_vague:
        return CriterionResult("partial", _texts(a.time_vague), advice["time_bound_vague"])
    if a.context_times:
        return CriterionResult("partial", _texts(a.context_times), advice["time_bound_context"])
    if a.rates:
        return CriterionResult("missing", _texts(a.rates), advice["time_bound_rate"])
    if a.limits:
        return CriterionResult("missing", _texts(a.limits), advice["time_bound_limit"])
    return CriterionResult("missing", [], advice["time_bound_missing"])


def is_activity(a: Analysis) -> bool:
    """True when the commitment's first verb names a task or a deliverable, not an outcome."""
    first_activity = min((s.start for s in a.activity_verbs), default=None)
    if first_activity is None:
        return False
    first_outcome = min((s.start for s in a.outcome_verbs), default=None)
    if first_outcome is None or first_activity < first_outcome:
        return True
    if first_activity == first_outcome:  # "reach out" vs "reach": the longer match wins
        longest = max((s for s in a.activity_verbs + a.outcome_verbs
                       if s.start == first_activity), key=lambda s: s.end)
        return longest in a.activity_verbs
    return False


KINDS = ("objective", "key_result")


def kind_of(a: Analysis, kind: str | None = None) -> str:
    """The kind asked for; else the prefix ("O1:", "KR3:"); else "key_result" when the
    commitment carries a quantity, "objective" otherwise."""
    if kind is not None:
        return kind
    if a.prefix_kind is not None:
        return a.prefix_kind
    return "key_result" if a.quantities else "objective"


def qualitative(a: Analysis) -> bool:
    """True when the statement holds no quantity: an objective's number belongs to a key
    result."""
    return not a.quantities


def memorable(a: Analysis) -> bool:
    """True when the commitment is short enough to remember (at most ``MEMORABLE_WORDS``)."""
    words = sum(len(_CONTENT_OR_SHORT.findall(s.text)) for s in a.commitment)
    return words <= MEMORABLE_WORDS
