"""Find the pieces of a statement the SMART rules look at: numbers, deadlines, verbs, metrics.

Pure functions over text and a :class:`~okrsim.grading.lexicon.Lexicon`. A statement may hold
several sentences; sentences that only say why (they name the goal served, "so that...",
"affinché...") are *context*, the others are the *commitment* that S, M, A and T judge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from okrsim.grading.goals import (
    alternative_verbs,
    count_after_conjunction,
    listed_result,
    second_deliverable,
    second_object,
    second_target,
    second_verb,
)
from okrsim.grading.lexicon import Lexicon, load_lexicon
from okrsim.grading.spans import Span

_PERCENT = re.compile(r"%|percent|per\s*cent|punti|points|\bpp\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
#: A short word and a dot ending a piece of text: an abbreviation ("art.", "n.", "vs.").
_ABBREVIATION = re.compile(r"(?<![\w.])[^\W\d_]{1,4}\.$", re.UNICODE)
#: A word that can name a deliverable: three letters or more, no digits.
_OBJECT_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
#: Compiled once, not looked up per call: a verb's first word, the digits of a number, a
#: possessive ending, an apostrophe, a token's first word with its elision.
_FIRST_WORD = re.compile(r"\S+")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_APOSTROPHE = re.compile(r"['’]")
_ELIDED_LEAD = re.compile(r"[^\W\d_]+['’]?")

#: "O1:", "KR3:", "Objective:", "Risultato chiave:"... at the start: what the author says it is
#: ("Obiettivo 2028 -" is a period label, not the 2028th objective).
_PREFIX = re.compile(
    r"^\s*(?:(?P<key_result>KR\s?\d*(?:\.\d+)*|Key\s+results?(?:\s+(?!(?:19|20)\d\d\b)\d+)?|"
    r"Risultat[oi]\s+chiave(?:\s+(?!(?:19|20)\d\d\b)\d+)?|RC\s?\d+)|"
    r"(?P<objective>O\s?\d+(?:\.\d+)*|Objective(?:\s+(?!(?:19|20)\d\d\b)\d+)?|"
    r"Obiettivo(?:\s+(?!(?:19|20)\d\d\b)\d+)?))\s*[:.)\-–—]\s*",
    re.IGNORECASE)
#: "KR3 Increase...", "O1 Grow...": a numbered label needs no colon.
_NUMBERED_PREFIX = re.compile(
    r"^\s*(?:(?P<key_result>KR\s?\d+(?:\.\d+)*)|(?P<objective>O\d+(?:\.\d+)*))\s+(?=\S)")
#: A word or a single other character, for walking a phrase.
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\w.,%]*|\S", re.UNICODE)
#: A word of a phrase, for finding its head noun ("team's" gives "team" and "s").
#: The ending of a past participle ("documented", "avviato", "completati"): a checklist item.
_PARTICIPLE = re.compile(r"(?:ed|[aiu]t[oaie])$", re.IGNORECASE)
_HEAD_WORD = re.compile(r"[^\W\d_][\w-]*", re.UNICODE)
#: Words of a phrase at most, for the metric phrase.
MAX_PHRASE_WORDS = 12
#: Words after a making verb where its object's head may stand ("Build a world class company").
MAX_OBJECT_WORDS = 6
#: Words after an Italian article where the subject's finite verb may stand ("Le PA | adeguano").
MAX_SUBJECT_WORDS = 4
#: Spaces and marks after a period label or a start ("Target 2027 - ", "Da marzo 2027, ").
_LABEL_GAP = re.compile(r"[\s:;,.\-–—]*")

#: Metric families that name a generic count ("customers"): concrete only with a number or a
#: plain verb; a more specific metric is preferred in the rewrite.
GENERIC_FAMILIES = ("customers",)


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
           within: list[Span], present: list[bool] | None = None) -> list[Quantity]:
    """Matches with their named groups ``x`` and ``y``, leftmost first, without overlaps.

    ``present`` says, per pattern, whether a scan found it at all (patterns it did not find are
    not run).
    """
    found: list[Quantity] = []
    if present is not None:
        patterns = tuple(p for p, here in zip(patterns, present, strict=True) if here)
        if not patterns:
            return found
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
    """The sentences of ``text`` as spans (blank pieces dropped).

    An abbreviation before a number does not end a sentence ("artt. 68 e 69", "n. 5").
    """
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if ("\n" not in match.group(0) and _ABBREVIATION.search(text, start, match.start())
                and text[match.end():][:1].isdigit()):
            continue
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, len(text)))
    return [Span(a, b, text[a:b]) for a, b in pieces if text[a:b].strip()]


def without(found: list[Span], blockers: list[Span]) -> list[Span]:
    """The spans of ``found`` that overlap none of ``blockers``."""
    if not found or not blockers:
        return list(found)
    return [s for s in found if not any(s.overlaps(b) for b in blockers)]


def number_value(raw: str, lexicon: Lexicon, scaled: bool = True) -> float | None:
    """The value of a number as written: "€12.0M" -> 12e6, "1.200" -> 1200, "cinque" -> 5.

    With ``scaled=False`` magnitudes ("M", "milioni", "k") are ignored: "12.0M" -> 12.
    """
    word = " ".join(raw.lower().split())
    if word in lexicon.numbers:
        return lexicon.numbers[word]
    match = _DIGITS.search(raw)
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
    prefix_kind : str or None
        "objective" or "key_result" when the text starts with a prefix ("O1:", "KR3:"), which is
        blanked out of ``text`` (positions are kept).
    non_measures : list of Span
        Numbers that label rather than measure: years named as such, versions, tiers, waves.
    time_events : list of Span
        Durations counted from an event ("within 48 hours of opening"); also in
        ``time_relative``: the clock starts at an event, not at a date of the calendar.
    limits : list of Span
        Durations that limit each item ("within 2 hours", "within 30 days" of "pay every
        invoice within 30 days", "within 10 days of signing" of "complete 80% of onboarding
        calls within 10 days of signing"): part of the metric, not a deadline.
    time_starts : list of Span
        Starts without an end ("From April", "Da settembre 2027"): when the work starts, not
        when it is done; never in ``time_anchored``.
    keep_verbs : list of Span
        Verbs that keep a level ("maintain", "mantenere").
    bounds : list of tuple of (Span, str)
        "ceiling" or "floor" words right before a quantity ("less than 5%", "above 92%").
    verb : Span or None
        The main verb of the commitment: the first change, keep or task verb.
    verb_kind : str or None
        "change", "keep", "deliver" (a task naming what it delivers) or "do" (another task).
    direction : str or None
        "up", "down" or "keep": where the metric should go.
    metric_phrase : Span or None
        The metric found by structure: the object of the main verb, or the noun phrase that its
        first number qualifies ("new customers" in "sign 10 new customers"), whatever its words.
    vague_object : Span or None
        Without a number, what a vague verb works on ("the quote approval workflow" in
        "Streamline the quote approval workflow"), whatever its words.
    counted : Span or None
        What a percentage counts ("monthly plans" in "move 30% of monthly plans to annual
        billing", "ordini" in "il 95% degli ordini"): a metric named by structure.
    object_head : str or None
        Without a number, the kind of the head noun of that object (else of the metric
        phrase): "area" for a vague area ("process", "experience", "funnel"), "generic" for a
        generic population ("customers", "i clienti"), "concrete" for anything else (a named
        deliverable, function or metric).
    named_object : Span or None
        Without any verb, vague word or wish, the noun phrase the statement opens with, when
        its head is concrete ("A self-serve pricing calculator", "Revisione del listino"): a
        deliverable named without a verb.
    plan_periods : list of Span
        Weeks, months or years of the plan itself, not of the calendar ("Year 1:", "by Week 4",
        "entro il terzo anno di attività", "prima del lancio"): a deadline that belongs to the
        context; their numbers are labels, never quantities, and they are no calendar deadline.
    naming_deliverables : list of Span
        The words of ``deliverables`` that name something (:func:`naming_words`): none in
        "Gather the essential data", "Analizzare esiti e scostamenti", "Introductions through
        existing contacts".
    task_object : Span or None
        What a task works on, found by structure: the noun phrase after the task verb, the
        phrase after a label's colon ("Pipeline Review: | forecast calls and ..."), or the
        phrase a verbless statement names ("Report mensili"); the first of several objects.
    qualified_generics : list of Span
        Generic count words named by the noun beside them ("framework contract", "contratto
        quadro"): one object of a kind, not a count (:func:`noun_qualified`).
    areas : dict of str to list of Span
        Words naming what the statement is about, by area of the lexicon's ``[areas]``
        ("support", "profitable"): how a qualitative parent objective is matched by the
        key results that measure it.
    qualities : list of Span
        Words naming a quality of the object instead of a measure of it ("scalable",
        "enterprise-grade", "strong", "prevedibile"), outside the goal served; the rules of
        :mod:`okrsim.grading.qualities` say when they make the statement vague.
    joined_goals : list of Span
        A second goal joined to the first before any means or purpose: the two verbs ("map the
        process and automate the reminders"), the two targets ("MQLs up 20% and SQLs up
        10%"), the two objects measuring different things ("lead volume & conversion
        rate") or two results listed one after the other ("30 paying customers, $8K MRR");
        empty for one goal
    placeholder_targets : list of Span
        A baseline and a target written as placeholders ("from X% to Y%", "da X a Y"): a
        change of the metric named without a number
        (:mod:`okrsim.grading.goals`).
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
    prefix_kind: str | None = None
    non_measures: list[Span] = field(default_factory=list)
    time_events: list[Span] = field(default_factory=list)
    keep_verbs: list[Span] = field(default_factory=list)
    limits: list[Span] = field(default_factory=list)
    time_starts: list[Span] = field(default_factory=list)
    bounds: list[tuple[Span, str]] = field(default_factory=list)
    verb: Span | None = None
    verb_kind: str | None = None
    direction: str | None = None
    metric_phrase: Span | None = None
    vague_object: Span | None = None
    object_head: str | None = None
    counted: Span | None = None
    joined_goals: list[Span] = field(default_factory=list)
    placeholder_targets: list[Span] = field(default_factory=list)
    named_object: Span | None = None
    plan_periods: list[Span] = field(default_factory=list)
    qualities: list[Span] = field(default_factory=list)
    areas: dict[str, list[Span]] = field(default_factory=dict)
    qualified_generics: list[Span] = field(default_factory=list)
    task_object: Span | None = None
    naming_deliverables: list[Span] = field(default_factory=list)

    def value(self, span: Span | None) -> float | None:
        """The numeric value of a number span, or None."""
        return None if span is None else number_value(span.text, self.lexicon)

    @property
    def has_number(self) -> bool:
        """A quantity to measure (not a date, a year, a version or a label)."""
        return bool(self.quantities)

    @property
    def has_deadline(self) -> bool:
        """A deadline, a period or a duration in the commitment."""
        return bool(self.time_anchored or self.time_relative)

    @property
    def has_from_to(self) -> bool:
        """A baseline and a target ("from X to Y", "dal X al Y", "X -> Y")."""
        return bool(self.baseline_targets)

    @property
    def has_percent(self) -> bool:
        """A percentage or percentage points among the quantities."""
        found = [q.text for q in self.quantities] + [
            q.span.text for q in self.relative_changes + self.baseline_targets]
        return any(_PERCENT.search(t) for t in found)

    def bound_of(self, span: Span) -> str | None:
        """"ceiling" or "floor" when a bound word stands right before ``span``."""
        for bound, which in self.bounds:
            if bound.end <= span.start and not self.text[bound.end:span.start].strip(" "):
                return which
        return None


def _all(families: dict[str, list[Span]]) -> list[Span]:
    return [span for found in families.values() for span in found]


def _outermost(families: dict[str, list[Span]]) -> dict[str, list[Span]]:
    """Drop matches lying inside a longer match of another family ("sales" in "sales cycle")."""
    every = _all(families)
    if len(every) < 2:  # nothing to lie inside another match: the families as they are
        return families
    return {name: [s for s in found if not any(
        o.start <= s.start and s.end <= o.end and (o.end - o.start) > (s.end - s.start)
        for o in every)] for name, found in families.items()}


#: Characters of a noun phrase that names a deliverable before its noun of action.
_PLAIN_PHRASE = re.compile(r"[^\W\d_][\w'’/-]*(?:\s+(?:&\s+)?[^\W\d_][\w'’/-]*)*\s*", re.UNICODE)


def preceding_object(text: str, verb: Span, sentences: list[Span],
                     lexicon: Lexicon) -> list[Span]:
    """The words before a noun of action (the lexicon's ``head_action_endings`` or
    ``gerund_endings``) that heads a verbless noun phrase, in a language whose head comes
    last ("Onboarding checklist" of "Onboarding checklist creation", "Quote process",
    "approval workflow" of "Quote process and approval workflow training"): what the task
    works on, when only words stand before it (the caller asks only when no deliverable
    follows it)."""
    structure = lexicon.structure
    endings = tuple(structure.get("head_action_endings", ())) + tuple(
        structure.get("gerund_endings", ()))
    if "last" not in structure.get("head_position", ()) or not verb.text.lower().endswith(
            endings):
        return []  # "All new hires onboarded": a participle, not a noun of action
    sentence = next((s for s in sentences if s.start <= verb.start < s.end), None)
    if sentence is None or verb.start == sentence.start:
        return []
    before = _PLAIN_PHRASE.fullmatch(text, sentence.start, verb.start)
    if before is None:
        return []
    stop = lexicon.detect_words
    return [Span(m.start(), m.end(), m.group(0))
            for m in _OBJECT_WORD.finditer(text, sentence.start, verb.start)
            if m.group(0).lower() not in stop]


def function_words(lexicon: Lexicon) -> frozenset[str]:
    """The words of the lexicon's structure lists that never name an object: prepositions,
    articles, determiners, clause words, openers and the verbs that are no task."""
    structure = lexicon.structure
    return frozenset().union(*(structure.get(name, frozenset()) for name in (
        "stops", "trailing", "articles", "determiners", "clause_words", "task_openers",
        "not_tasks", "object_pronouns")))


def on_means(found: dict[str, list[Span]]) -> list[Span]:
    """The means the scan found in the whole text ("through...", "grazie a...")."""
    return list(found.get("pattern.means", ()))


def naming_words(text: str, words: list[Span], verb: Span | None, ends: list[Span],
                 lexicon: Lexicon) -> list[Span]:
    """The words of a task's object that name something: those before the means or the goal
    served (``ends``: "through existing contacts") and before a clause ("everything | that
    underperforms", "tutto ciò | che non funziona"), that are no vague area ("data",
    "outcomes", "attività", the lexicon's ``areas``) and no plain qualifier ("essential",
    "ongoing", "continuativo", its ``plain_qualifiers``). Empty when the task names nothing."""
    if not words:
        return words
    structure = lexicon.structure
    start = verb.end if verb is not None else 0
    cut = min((e.start for e in ends if e.start >= start), default=len(text))
    # "to" links an object ("migrated to the new LMS"), it opens no clause here
    clause = structure.get("clause_words", frozenset()) - structure.get("trailing", frozenset())
    for token in _TOKEN.finditer(text, start, cut):
        if token.group(0).lower() in clause:
            cut = token.start()
            break
    vague = structure.get("areas", frozenset()) | structure.get("plain_qualifiers", frozenset())
    return [w for w in words if w.start < cut and w.text.lower() not in vague]


def objects_of(verbs: list[Span], text: str, sentences: list[Span], skip: list[Span],
               stop: frozenset[str]) -> list[Span]:
    """Words after each verb, to the end of its sentence, that may name what the task delivers.

    The verb's own first word is left out ("make" of "make 50 calls", whose pattern holds the
    noun), and so are words inside ``skip`` (dates, rates, numbers) and the ``stop`` words.
    """
    found: list[Span] = []
    for verb in verbs:
        first_word = _FIRST_WORD.match(verb.text)
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
    prefix = _PREFIX.match(text) or _NUMBERED_PREFIX.match(text)
    prefix_kind = None
    if prefix and prefix.end() < len(text):
        prefix_kind = next(k for k, v in prefix.groupdict().items() if v)
        text = " " * prefix.end() + text[prefix.end():]
    sentences = split_sentences(text)
    whole = [Span(0, len(text), text)]
    everywhere = scanned(text, lexicon, whole)
    relevance = list(everywhere.get("pattern.relevance", ()))
    context = [s for s in sentences if any(s.overlaps(r) for r in relevance)]
    commitment = [s for s in sentences if s not in context] or sentences
    # one sentence, the usual case, is the whole text: one scan serves both
    found = everywhere if commitment == whole else scanned(text, lexicon, commitment)

    names, grouped_names = lexicon.scan_names, lexicon.grouped_names
    # the scan names only the lists it found, all of them lists of the lexicon: by list name
    by_name = {key[len("pattern."):]: spans_ for key, spans_ in found.items()
               if key.startswith("pattern.")}

    def grouped(name: str) -> list[Quantity]:
        """The matches of the grouped list ``name`` in the commitment, run only where the scan
        found them."""
        present = [bool(found.get(key)) for key in grouped_names[name]]
        return groups(g[name], text, commitment, present)

    def on(name: str) -> list[Span]:
        """The matches of the list ``name`` in the commitment (none if the language lacks it)."""
        return list(by_name.get(name, ()))

    # "vs the same quarter last year", "rispetto al trimestre precedente": a comparison is a rate
    comparisons = on("comparisons")
    # "From April", "Da settembre 2027": a start without an end says when the work starts
    starts = without(on("time_start"), comparisons)
    # "Target 2027 - ...", "FY27Q2: ...": a period label opening the statement is its period
    labels = leading_periods(text, on("period_label"), sentences, lexicon)
    anchored = _merge(without(without(on("time_anchored"), comparisons), starts), labels)
    # "Anno 1:", "by Week 4": a period of the plan, not of the calendar
    plans = on("plan_period")
    anchored = without(anchored, plans)
    events = without(on("time_event"), anchored + comparisons + starts)
    relative = _merge(events, without(on("time_relative"), anchored + comparisons + starts))
    # "respond to every lead within 2 hours", "pay invoices within 30 days": a limit per item
    # is part of the metric, not the time the key result has; so is a duration from an event
    # after a share of items a task handles ("complete 80% of onboarding calls within 10 days
    # of signing"), not one after a share of customers reaching a level (a bare duration)
    per_item = on("per_item")
    tasks = on("activity_verbs")
    # only a task's shares count: without a task verb there is none to look for
    shares = [s for s in percent_shares(text, found.get("number", []), lexicon)
              if any(t.end <= s.start for t in tasks)] if tasks else []
    limits = [t for t in relative if _pattern_spans(p, "limit_units", text, [t])
              or per_item or (t in events and any(s.end <= t.start for s in shares))]
    relative = [t for t in relative if t not in limits]
    events = [t for t in events if t not in limits]
    times = anchored + relative
    context_times = [] if commitment == sentences else (
        spans(p["time_anchored"], text, context) + spans(p["time_relative"], text, context)
    )
    non_measures = without(on("non_measures"), times + starts)
    baseline_targets = [q for q in grouped("baseline_target")
                        if not any(q.span.overlaps(t) for t in times + starts + non_measures)]
    # "from 2.5x to 3.5x" is one baseline and one target, not two factors of growth.
    factors = [q for q in grouped("factor") if not any(
        q.span.overlaps(t) for t in times + [b.span for b in baseline_targets])]
    numbers = without(found.get("number", []),
                      times + starts + non_measures + plans + [q.span for q in factors])
    multipliers = without(found.get("multiplier", []), times)
    populations = {name: found.get(key, []) for name, key in names["populations"].items()}
    everyone = _all(populations)
    metrics = _outermost({name: without(found[key], everyone) if key in found else []
                          for name, key in names["metrics"].items()})
    # "reaches full quota within four months": with a ramp metric the duration is the measure
    # (time to productivity), as in the article's M step; it still counts as a relative deadline.
    # "place a first order within 45 days of signing": a duration from the subject's own start
    # is the measure too (time to first order)
    durations = relative if metrics.get("ramp") else events
    quantities = sorted(numbers + multipliers + [q.span for q in factors] + durations,
                        key=lambda s: s.start)
    # "10 accounts add a stage": what customers do is an outcome, not a task of ours
    activity_verbs = [v for v in tasks if not after_customers(text, v, metrics)]
    rates = sorted(on("rates") + comparisons, key=lambda s: s.start)
    time_vague = on("time_vague")
    skip = times + starts + time_vague + rates + quantities + relevance + plans
    outcome_verbs = on("outcome_verbs")
    keep_verbs = on("keep_verbs")
    reduce_verbs = on("reduce_verbs")
    bounds = sorted([(b, "ceiling") for b in on("ceilings")]
                    + [(b, "floor") for b in on("floors")],
                    key=lambda pair: pair[0].start)
    # "a meno di 4 ore" is a ceiling, not a change "di 4"
    relative_changes = [q for q in grouped("relative_change")
                        if not any(q.span.overlaps(t) for t in times + non_measures)
                        and not any(q.span.overlaps(b) for b, _ in bounds)]
    vague_verbs = without(on("vague_verbs"), relevance)
    verbs = (outcome_verbs + keep_verbs + activity_verbs + vague_verbs
             + on("wishes"))
    measures = ([q.span for q in baseline_targets + relative_changes] + [b for b, _ in bounds]
                + multipliers)
    if not measures and not a_percent(quantities):
        task = task_verb(text, commitment, verbs, _all(metrics) + _all(populations) + quantities,
                         lexicon, anchored + starts)
        if task is not None:  # "Rebuild the scoring model": a task whatever its verb
            activity_verbs = sorted(activity_verbs + [task], key=lambda s: s.start)
    if not quantities:  # "Build a world-class culture": a direction, not a project
        activity_verbs = [v for v in activity_verbs
                          if not desired_state(text, v, commitment, lexicon)]
    if not verbs and not activity_verbs:  # "Acquisto attrezzature", "4-5 candidature totali"
        noun = task_noun(text, commitment, quantities + plans, lexicon, _all(metrics))
        if noun is None and not quantities:  # "Sales onboarding curriculum revision in Q3"
            noun = head_nominalisation(text, commitment, times + starts + plans,
                                       _all(metrics) + _all(populations), lexicon)
        activity_verbs = [noun] if noun is not None else activity_verbs
    states = sorted(on("done_states") + without(task_participles(
        text, commitment, lexicon, any_verb=not quantities), on("done_states")),
        key=lambda s: s.start)
    # "Cliente creato nel CRM": without a number, one customer before a step's participle is
    # the record the step made, not customers who did something ("Clienti attivati")
    records = () if quantities else tuple(lexicon.structure.get("singular_endings", ()))
    done = done_state(text, checklist_states(text, states, commitment, lexicon) if states else [],
                      outcome_verbs + keep_verbs + activity_verbs + multipliers, commitment,
                      metrics, lexicon.structure.get("task_links", frozenset()), records)
    if done is not None:  # "Commission calculator added to the portal": a deliverable done
        activity_verbs = [done]
    deliverables = objects_of(activity_verbs, text, commitment, skip, lexicon.detect_words)
    verb, verb_kind = _main_verb(outcome_verbs, keep_verbs, activity_verbs, deliverables)
    # "Gather the essential data", "Introductions through existing contacts": no word names
    # "Introdurre o chiudere campagne": a frequent word of the language may still name the
    # object, so only function words and verbs are left out here
    objects = without(objects_of(activity_verbs, text, commitment, skip, function_words(lexicon)),
                      outcome_verbs + keep_verbs + vague_verbs)
    if not objects and activity_verbs:  # "Competitive battlecard refreshment"
        objects = preceding_object(text, activity_verbs[0], commitment, lexicon)
    naming = naming_words(text, objects, verb, relevance + on_means(everywhere), lexicon)
    direction = _direction(verb, verb_kind, reduce_verbs,
                           on("comparatives"), lexicon)
    # "anno su anno", "per month" end a metric phrase; an adjective ("monthly", "mensile") does
    # not ("quota mensile piena")
    phrase_rates = [r for r in rates if " " in r.text.strip() or not r.text.islower()]
    blockers = (times + starts + time_vague + quantities + relevance + non_measures + phrase_rates
                + plans + on("placeholders")
                + [q.span for q in baseline_targets + relative_changes + factors]
                + [b for b, _ in bounds])
    # before the measure ("from 5 to 9"), a bound and a number qualify the metric: "the number
    # of AEs above 100% of target from 5 to 9"
    measure = min((q.span.start for q in baseline_targets + relative_changes), default=None)
    qualifiers = [] if measure is None else [
        s for s in quantities + [b for b, _ in bounds] if s.end <= measure]
    phrase = _metric_phrase(text, verb, commitment, blockers, lexicon,
                            events + qualifiers) if verb_kind in ("change", "keep") else None
    if phrase is None and verb_kind in ("change", "keep"):  # "Approval rate: increase ..."
        phrase = subject_phrase(text, verb, commitment, blockers, lexicon)
    counted = _counted_phrase(text, quantities, commitment, blockers, lexicon)
    if counted is None and quantities:  # "10+ membri attivi": what a terse fragment counts
        counted = counted_fragment(text, quantities, commitment, blockers, lexicon,
                                   anywhere=verb is None)
    if phrase is not None and not quantities and _only_who(phrase, metrics, populations):
        phrase = None  # "win the mid-market": the object names who, not what is measured
    vague_object, head = None, None
    if vague_verbs and not quantities:
        comparatives = on("comparatives")
        vague_object, head = _vague_object(text, vague_verbs, commitment,
                                           blockers + vague_verbs + comparatives, lexicon,
                                           outcome_verbs + keep_verbs + activity_verbs)
        if head == "area":  # "the sales process": "sales" qualifies a vague area, names no metric
            metrics = {name: [s for s in found if not _qualifies_head(text, s, vague_object,
                                                                      lexicon)]
                       for name, found in metrics.items()}
            # "le performance commerciali": a population word right by the head is an adjective
            populations = {name: [s for s in found if not _qualifies_head(text, s, vague_object,
                                                                          lexicon)]
                           for name, found in populations.items()}
    elif phrase is not None and not quantities:
        word = _head_word(phrase, lexicon)
        head = None if word is None else _head_kind(word, lexicon)
    named = None if verbs + activity_verbs else _named_object(text, commitment, blockers, lexicon)
    done_word = done if done is not None and not verbs else None
    if done_word is None and len(activity_verbs) == 1:
        done_word = closing_participle(text, commitment, activity_verbs, outcome_verbs
                                       + keep_verbs + vague_verbs + on("wishes"), blockers)
    if done_word is not None:  # "Quote-to-cash playbook documented": what was done
        named = _named_object(text, commitment, blockers + [done_word], lexicon)
    task_object = None
    if verb_kind in ("deliver", "do"):  # "Build the partner portal and a co-marketing fund"
        task_object = _metric_phrase(text, verb, commitment, blockers, lexicon)
    elif verb is None and not vague_verbs:  # "Report mensili e riunioni trimestrali"
        task_object = named
    task_object = past_label(text, task_object or verb, task_object, commitment, blockers,
                             verbs + activity_verbs, lexicon)
    joined = _joined_goals(text, commitment, verbs + activity_verbs, relevance + list(
        everywhere.get("pattern.means", ())), metrics, populations, quantities,
        phrase if verb_kind in ("change", "keep") else vague_object, blockers, anchored, lexicon,
        task_object)
    return Analysis(
        text=text,
        lexicon=lexicon,
        commitment=commitment,
        context=context if commitment != sentences else [],
        quantities=quantities,
        baseline_targets=baseline_targets,
        relative_changes=relative_changes,
        factors=factors,
        multipliers=multipliers,
        time_anchored=anchored,
        time_relative=relative,
        time_vague=time_vague,
        rates=rates,
        context_times=context_times,
        metrics=metrics,
        populations=populations,
        outcome_verbs=outcome_verbs,
        comparatives=on("comparatives"),
        activity_verbs=activity_verbs,
        # "to support our growth target" names the goal served, not a vague verb
        vague_verbs=vague_verbs,
        reduce_verbs=reduce_verbs,
        conjunctions=on("conjunctions"),
        relevance=relevance,
        means=list(everywhere.get("pattern.means", ())),
        wishes=on("wishes"),
        deliverables=deliverables,
        naming_deliverables=naming,
        prefix_kind=prefix_kind,
        non_measures=non_measures,
        time_events=events,
        limits=limits,
        time_starts=starts,
        keep_verbs=keep_verbs,
        bounds=bounds,
        verb=verb,
        verb_kind=verb_kind,
        direction=direction,
        metric_phrase=phrase,
        vague_object=vague_object,
        object_head=head,
        counted=counted,
        joined_goals=joined,
        task_object=task_object,
        placeholder_targets=on("placeholder_targets"),
        named_object=named,
        plan_periods=plans,
        qualities=without(on("qualities"), relevance),
        areas={name: everywhere.get(key, []) for name, key in names["areas"].items()},
        qualified_generics=[s for name in GENERIC_FAMILIES for s in metrics.get(name, [])
                            if noun_qualified(text, s, _all(metrics) + _all(populations)
                                              + vague_verbs + outcome_verbs, lexicon)],
    )


def _named_object(text: str, commitment: list[Span], blockers: list[Span],
                  lexicon: Lexicon) -> Span | None:
    """The noun phrase a verbless statement opens with, when its head is concrete (see
    :attr:`Analysis.named_object`). A first word that is a verb no list knows (``not_tasks``,
    ``verb_shape``, ``lead_in``, or one followed by a pronoun) opens no noun phrase."""
    if not commitment:
        return None
    start = commitment[0].start
    structure = lexicon.structure
    skip = structure.get("trailing", frozenset()) | structure.get("articles", frozenset())
    words = [w for w in _TOKEN.finditer(text, start, commitment[0].end)
             if w.group(0).lower().strip("'’") not in skip][:2]  # "A self-serve calculator"
    lead_in, shape = lexicon.patterns.get("lead_in"), lexicon.patterns.get("verb_shape")
    if not words or (lead_in is not None and lead_in.match(text, start)):
        return None  # "Voglio più visibilità": a wish with a verb
    first = words[0].group(0)
    if (first.lower() in structure.get("not_tasks", frozenset())  # be, make, own, dare...
            or (shape is not None and shape.fullmatch(first))  # diventare, essere...
            or (len(words) == 2 and words[1].group(0).lower()
                in structure.get("object_pronouns", frozenset()))):  # "Crush it"
        return None
    phrase = _metric_phrase(text, Span(start, start, ""), commitment, blockers, lexicon)
    word = None if phrase is None else _head_word(phrase, lexicon)
    if word is None or _head_kind(word, lexicon) != "concrete" or _acts_on_nothing(phrase,
                                                                                   lexicon):
        return None
    return phrase


def _acts_on_nothing(phrase: Span, lexicon: Lexicon) -> bool:
    """True for a phrase headed by a noun of action, first, whose complement names nothing
    ("Spegnimento di ciò che non rende", "Passaggio al supporto continuativo"): the noun has
    one of the lexicon's ``action_endings`` and every word after it is a vague area (``areas``)
    or stands in a clause."""
    structure = lexicon.structure
    endings = tuple(structure.get("action_endings", ()))
    words = _head_words(phrase, lexicon)
    if not endings or "first" not in structure.get("head_position", ()) or not words:
        return False
    if words[0].group(0).lower() != _lead_word(phrase) or not words[0].group(0).lower().endswith(
            endings):
        return False
    areas = structure.get("areas", frozenset())
    return all(w.group(0).lower() in areas for w in words[1:])


def _lead_word(phrase: Span) -> str:
    """The first word of a phrase, lower case."""
    found = _HEAD_WORD.search(phrase.text)
    return found.group(0).lower() if found else ""


def _joined_goals(text: str, commitment: list[Span], verbs: list[Span], ends: list[Span],
                  metrics: dict[str, list[Span]], populations: dict[str, list[Span]],
                  quantities: list[Span], phrase: Span | None, blockers: list[Span],
                  deadlines: list[Span], lexicon: Lexicon,
                  task_object: Span | None = None) -> list[Span]:
    """Two verbs, else two objects, joined in one goal's place, else two results listed one
    after the other (see :mod:`okrsim.grading.goals`)."""
    # without a verb there is no first verb to join, without a number no first target, without
    # an object no first object: each finder is asked only when it can find something
    joined = []
    every_metric = _all(metrics)  # read by each finder, not changed by any
    if verbs:
        nouns = every_metric + _all(populations) + quantities
        verbs = sorted(set(verbs), key=lambda s: (s.start, s.end))
        joined = second_verb(text, commitment, verbs, ends, nouns, lexicon) or alternative_verbs(
            text, commitment, verbs, lexicon)
    if not joined and quantities:
        joined = second_target(text, commitment, ends, quantities, every_metric, lexicon)
    if not joined and (quantities or len(verbs) > 1):
        joined = listed_result(text, commitment, ends, quantities, verbs, every_metric,
                               deadlines, lexicon)
    if not joined and quantities and verbs:  # "Channel optimisation and 40+ active partners"
        joined = count_after_conjunction(text, commitment, ends, quantities, verbs, lexicon)
    if joined:
        return joined

    def families_of(span: Span) -> set[str]:
        return {name for name, found in metrics.items() if name not in GENERIC_FAMILIES
                and any(span.start <= s.start and s.end <= span.end for s in found)}

    def phrase_after(lead: Span) -> Span | None:
        return _metric_phrase(text, lead, commitment, blockers, lexicon)

    def who_only(span: Span) -> bool:
        return _only_who(span, metrics, populations)

    if phrase is not None:
        joined = second_object(text, phrase, families_of, phrase_after, who_only, lexicon)
    first = task_object if phrase is None else phrase
    if joined or first is None or (phrase is not None and (families_of(phrase) or quantities)):
        return joined  # a metric's second object is second_object's to judge

    def opens_verb(span: Span) -> bool:
        return any(v.start == span.start for v in verbs)

    counted = any(q.end <= first.start and not text[q.end:first.start].strip(" +~")
                  for q in quantities)
    return second_deliverable(text, first, phrase_after, who_only, opens_verb,
                              lambda span: _head_word(span, lexicon), lexicon, counted)


def past_label(text: str, anchor: Span | None, phrase: Span | None, sentences: list[Span],
               blockers: list[Span], verbs: list[Span], lexicon: Lexicon) -> Span | None:
    """The object after a label's colon, when ``anchor`` (the object found, else the verb)
    ends right before one: "forecast calls" of "Pipeline Review: forecast calls and deal
    inspections", "reseller coverage" of "Revisione partner: valutare copertura e ..." (a verb
    after the colon works on the phrase after it). Else ``phrase`` as it is."""
    if anchor is None:
        return phrase
    colon = re.compile(r"\s*:\s*").match(text, anchor.end)
    if colon is None:
        return phrase
    after = _metric_phrase(text, Span(colon.start(), colon.end(), colon.group(0)), sentences,
                           blockers, lexicon)
    if after is None:
        following = next((v for v in verbs if v.start == colon.end()), None)
        if following is not None:  # "Reseller Audit: Evaluate ..."
            after = _metric_phrase(text, following, sentences, blockers, lexicon)
        return after or phrase
    verb = next((v for v in verbs if v.start == after.start), None)
    return after if verb is None else _metric_phrase(text, verb, sentences, blockers, lexicon)


def _head_words(phrase: Span, lexicon: Lexicon) -> list[re.Match[str]]:
    """The words of ``phrase`` up to a relative clause ("every customer | we serve"), without
    articles and determiners."""
    structure = lexicon.structure
    skip = (structure.get("trailing", frozenset()) | structure.get("articles", frozenset())
            | structure.get("determiners", frozenset())
            | structure.get("plain_qualifiers", frozenset()))
    clause = structure.get("clause_words", frozenset())
    words = []
    for match in _HEAD_WORD.finditer(phrase.text):
        word = match.group(0).lower()
        if word in clause and words:
            break
        if word not in skip and len(word) > 1:
            words.append(match)
    return words


def _head_word(phrase: Span, lexicon: Lexicon) -> str | None:
    """The head noun of a phrase: its last word in English, its first in Italian
    (``head_position`` of the lexicon's structure)."""
    words = _head_words(phrase, lexicon)
    if not words:
        return None
    first = "first" in lexicon.structure.get("head_position", ())
    return _POSSESSIVE.sub("", (words[0] if first else words[-1]).group(0).lower())


def _counted_phrase(text: str, quantities: list[Span], sentences: list[Span],
                    blockers: list[Span], lexicon: Lexicon) -> Span | None:
    """The phrase after "N% of" ("il N% degli"), which names what the percentage counts."""
    connector = lexicon.patterns.get("counted_by")
    for quantity in quantities:
        if not _PERCENT.search(quantity.text) or connector is None:
            continue
        joined = connector.match(text, quantity.end)
        if joined is not None:
            lead = Span(joined.start(), joined.end(), joined.group(0))
            return _metric_phrase(text, lead, sentences, blockers, lexicon)
    return None


def _qualifies_head(text: str, span: Span, phrase: Span, lexicon: Lexicon) -> bool:
    """True when ``span`` stands right after the head word of ``phrase`` (Italian) or right
    before it without a possessive (English): it qualifies the head, it names nobody."""
    if not phrase.overlaps(span):
        return False
    words = _head_words(phrase, lexicon)
    if not words:
        return False
    if "first" in lexicon.structure.get("head_position", ()):
        head_end = phrase.start + words[0].end()
        return head_end <= span.start and not text[head_end:span.start].strip()
    head_start = phrase.start + words[-1].start()
    return span.end <= head_start and not text[span.end:head_start].strip()


def _vague_object(text: str, vague: list[Span], sentences: list[Span], blockers: list[Span],
                  lexicon: Lexicon, verbs: list[Span] = ()) -> tuple[Span | None, str | None]:
    """What the first vague verb works on, and the kind of its head noun.

    The object follows the verb ("optimise the nurture campaigns"); when the vague word ends
    the sentence ("make our sales process more efficient") it is the phrase after the
    sentence's first word, or from the first word when that is no verb (one of ``verbs``, of
    the lexicon's ``not_tasks`` or of its ``verb_shape``): "Un'esperienza d'acquisto perfetta"
    names its object first.
    The head is the last word of the phrase in English and the first word after the article in
    Italian (``head_position`` of the lexicon's structure).
    """
    verb = min(vague, key=lambda s: s.start)
    phrase = _metric_phrase(text, verb, sentences, blockers, lexicon)
    if phrase is None:
        sentence = next((s for s in sentences if s.start <= verb.start < s.end), None)
        first = _TOKEN.search(text, sentence.start, sentence.end) if sentence else None
        if first is not None and first.start() < verb.start:
            lead = Span(first.start(), first.end(), first.group(0))
            shape = lexicon.patterns.get("verb_shape")
            verb_like = lexicon.structure.get("not_tasks", frozenset())  # get, make, essere...
            if not any(lead.overlaps(v) for v in verbs) and lead.text.lower() not in verb_like and (
                    shape is None or not shape.fullmatch(lead.text)):
                lead = Span(lead.start, lead.start, "")  # a noun phrase opens the statement
            phrase = _metric_phrase(text, lead, sentences, blockers, lexicon)
    if phrase is None:
        return None, None
    head = _head_word(phrase, lexicon)
    if head is None:
        return None, None
    return phrase, _head_kind(head, lexicon)


def _head_kind(head: str, lexicon: Lexicon) -> str:
    """ "area", "generic" or "concrete": see :attr:`Analysis.object_head`."""
    structure = lexicon.structure
    if head in structure.get("areas", frozenset()):
        return "area"
    generic = lexicon.metrics.get(GENERIC_FAMILIES[0])
    if generic is not None and generic.fullmatch(head):
        return "generic"
    return "concrete"


#: The word right before or after a span, for telling a qualified generic noun.
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s-]+$", re.UNICODE)
_WORD_AFTER = re.compile(r"^[\s-]+([^\W\d_]+)", re.UNICODE)


def noun_qualified(text: str, span: Span, taken: list[Span], lexicon: Lexicon) -> bool:
    """True when a generic word is named by the noun beside it ("framework contract", "contratto
    quadro"): one contract of a kind, not a generic count. Frequent words ("more", "our", "i"),
    vague areas ("Customer obsession") and words of ``taken`` (the other lists' matches) do not
    qualify it."""
    before = _WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
    after = _WORD_AFTER.match(text[span.end:span.end + 30])
    frequent, areas = lexicon.detect_words, lexicon.structure.get("areas", frozenset())
    for found, start in ((before, before.start(1) if before else 0),
                         (after, span.end + after.start(1) if after else 0)):
        if found is None:
            continue
        word = found.group(1)
        if (len(word) >= 4 and word.lower() not in frequent and word.lower() not in areas
                and not any(t.start <= start < t.end for t in taken)):
            return True
    return False


def lexicon_metrics(text: str, lexicon: Lexicon, start: int, end: int) -> dict[str, list[Span]]:
    """Matches of the non-generic metric families between ``start`` and ``end``."""
    region = [Span(start, end, text[start:end])]
    return {name: spans(rx, text, region) for name, rx in lexicon.metrics.items()
            if name not in GENERIC_FAMILIES}


def a_percent(found: list[Span]) -> bool:
    """True when one of ``found`` is a percentage or percentage points (a metric's change)."""
    return any(_PERCENT.search(s.text) for s in found)


def leading_periods(text: str, labels: list[Span], sentences: list[Span],
                    lexicon: Lexicon) -> list[Span]:
    """The period label that opens the statement ("2027" of "Target 2027 - Grow ARR...").

    A label counts only at the start of the first sentence, alone or after a word of the
    lexicon's ``period_label_words`` ("Target", "Obiettivo"); elsewhere "2027 -" is no period.
    """
    if not sentences:
        return []
    first = sentences[0]
    words = lexicon.structure.get("period_label_words", frozenset())
    for label in labels:
        if first.start <= label.start < first.end:
            before = text[first.start:label.start].strip().lower()
            if not before or before in words:
                return [label]
    return []


def after_customers(text: str, verb: Span, metrics: dict[str, list[Span]],
                    links: frozenset[str] = frozenset(), records: tuple[str, ...] = ()) -> bool:
    """True when a generic count of customers stands right before ``verb``: its subject.

    Not when a word of ``links`` (a preposition: "dei", "delle") opens them: "Processo di
    onboarding dei clienti documentato" qualifies the process, whose work is done; nor when
    the word ends with one of ``records`` (a singular: "Cliente creato nel CRM" is a record).
    """
    return any(s.end <= verb.start and not text[s.end:verb.start].strip()
               and _word_before(text, s.start) not in links
               and not (records and s.text.lower().endswith(records))
               for name in GENERIC_FAMILIES for s in metrics.get(name, []))


def _word_before(text: str, position: int) -> str:
    """The word right before ``position``, lower case ("" at the start)."""
    words = text[:position].split()
    return words[-1].lower() if words else ""


def percent_shares(text: str, numbers: list[Span], lexicon: Lexicon) -> list[Span]:
    """Percentages that count a share of items ("80%" of "80% of onboarding calls", "l'80%
    delle demo"): the lexicon's ``counted_by`` follows them."""
    connector = lexicon.patterns.get("counted_by")
    if connector is None:
        return []
    return [n for n in numbers if _PERCENT.search(n.text) and connector.match(text, n.end)]


def _before_particle(subject: list[re.Match[str]], span: Span, nouns: list[Span],
                     lexicon: Lexicon) -> bool:
    """True when the first word is followed by a particle of the lexicon's ``verb_particles``
    and then by a determiner or another particle ("Respond to every...", "Commit to a...",
    "Sign off on the..."): a verb with its particle, as no noun phrase opens that way. A metric
    or a population word ("Pipeline to the...") is never such a verb."""
    structure = lexicon.structure
    particles = structure.get("verb_particles", frozenset())
    if len(subject) < 3 or not particles or any(span.overlaps(n) for n in nouns):
        return False
    follow = particles | structure.get("task_openers", frozenset())
    return _lead(subject[1]) in particles and _lead(subject[2]) in follow


def head_nominalisation(text: str, sentences: list[Span], blockers: list[Span],
                        nouns: list[Span], lexicon: Lexicon) -> Span | None:
    """The noun of action that heads a verbless statement's opening phrase ("revision" in
    "Sales onboarding curriculum revision in Q3", "automation" in "Renewal reminder automation
    by Q2"): its ending is one of the lexicon's ``head_action_endings`` and it is no metric or
    population (``nouns``: "Net revenue retention above 110%" names a metric). The phrase ends
    at the first stop word, number, date or punctuation (``blockers``)."""
    endings = tuple(lexicon.structure.get("head_action_endings", ()))
    if not endings or not sentences:
        return None
    stops = lexicon.structure.get("stops", frozenset())
    sentence, head = sentences[0], None
    for token in _TOKEN.finditer(text, sentence.start, sentence.end):
        if (not token.group(0)[0].isalpha() or token.group(0).lower() in stops
                or any(b.start <= token.start() < b.end for b in blockers)):
            break
        head = token
    if (head is None or not head.group(0).lower().endswith(endings)
            or head.group(0).lower() in lexicon.structure.get("areas", frozenset())
            or _opens_with_verb(text, sentence, lexicon)):
        return None  # "Own the conversation", "Better communication": no deliverable
    span = Span(head.start(), head.end(), head.group(0))
    return None if any(span.overlaps(n) for n in nouns) else span


def _opens_with_verb(text: str, sentence: Span, lexicon: Lexicon) -> bool:
    """True when the sentence's first word is followed by a determiner (``task_openers``):
    the shape of a verb and its object ("Own the conversation"), not of a noun phrase."""
    words = list(islice(_TOKEN.finditer(text, sentence.start, sentence.end), 2))
    openers = lexicon.structure.get("task_openers", frozenset())
    return len(words) == 2 and _lead(words[1]) in openers


def done_state(text: str, states: list[Span], verbs: list[Span], sentences: list[Span],
               metrics: dict[str, list[Span]],
               links: frozenset[str] = frozenset(),
               records: tuple[str, ...] = ()) -> Span | None:
    """A deliverable stated as done, when the commitment has no verb of its own.

    "Commission calculator added to the sales portal", "Revenue dashboard in place by Q3",
    "All SDRs enabled on the new tool": the first ``done_states`` word after a noun phrase is
    a task. Not when customers are its subject, the word right before it ("50 customers live
    on the new product": an outcome), nor when the statement has another verb. A customer
    word with one of the ``records`` endings (a singular: "Cliente creato nel CRM") names the
    record the step made, not a subject.
    """
    if not states or verbs or not sentences:
        return None
    state = states[0]
    sentence = next((s for s in sentences if s.start <= state.start < s.end), None)
    if sentence is None or not sentence.text[:state.start - sentence.start].strip():
        return None
    return None if after_customers(text, state, metrics, links, records) else state


def desired_state(text: str, verb: Span, sentences: list[Span], lexicon: Lexicon) -> bool:
    """True when a making verb ("build", "creare", the lexicon's ``making_verbs``) has a
    desired state as its object: a word of ``state_heads`` ("culture", "growth", "esperienza")
    among the few words after it, before a stop word ("Build a world-class culture", "Create
    predictable growth in the SMB segment"), not a deliverable ("Build the partner portal").
    """
    structure = lexicon.structure
    if verb.text.lower() not in structure.get("making_verbs", frozenset()):
        return False
    sentence = next((s for s in sentences if s.start <= verb.start < s.end), None)
    if sentence is None:
        return False
    stops = structure.get("stops", frozenset()) | structure.get("clause_words", frozenset())
    heads = structure.get("state_heads", frozenset())
    for token in islice(_TOKEN.finditer(text, verb.end, sentence.end), MAX_OBJECT_WORDS):
        word = _lead(token).rstrip("'")
        if word in stops or not token.group(0)[0].isalnum():
            return False
        after_article = _APOSTROPHE.split(token.group(0).lower())[-1]  # "un'esperienza"
        if word in heads or after_article in heads:
            return True
    return False


def _lead(token: re.Match[str]) -> str:
    """A token's first word in lower case, an elided article kept whole ("dell'" of
    "dell'adesione")."""
    found = _ELIDED_LEAD.match(token.group(0))
    word = found.group(0) if found else token.group(0)
    return word.lower().replace("’", "'")


def _after_labels(text: str, start: int, end: int, times: list[Span], lexicon: Lexicon) -> int:
    """The position after a period or a start that opens the sentence ("FY27Q2: ", "Target
    2027 - ", "Da marzo 2027, "), or ``start`` when none does."""
    words = lexicon.structure.get("period_label_words", frozenset())
    for time in sorted(times, key=lambda t: t.start):
        before = text[start:time.start].strip().lower() if start <= time.start < end else None
        if before is not None and (not before or before in words):
            gap = _LABEL_GAP.match(text, time.end, end)
            return gap.end() if gap else time.end
    return start


def _subject_verb(text: str, words: list[re.Match[str]], verbs: list[Span],
                  lexicon: Lexicon) -> Span | None:
    """The finite verb after an Italian subject ("adeguano" of "Le PA adeguano le procedure"),
    when it has the lexicon's ``finite_endings`` and an object or a complement follows.

    The subject may not be customers ("i clienti rinnovano il contratto" is an outcome) and a
    known verb before it ends the search.
    """
    structure = lexicon.structure
    endings = structure.get("finite_endings", frozenset())
    follow = structure.get("task_openers", frozenset()) | structure.get("task_links", frozenset())
    generic = lexicon.metrics.get(GENERIC_FAMILIES[0])
    for token, after in zip(words[1:], words[2:], strict=False):
        span = Span(token.start(), token.end(), token.group(0))
        word = token.group(0).lower()
        if any(span.overlaps(v) for v in verbs) or (generic and generic.fullmatch(word)):
            return None
        if (len(word) > 5 and any(word.endswith(e) for e in endings)
                and word not in structure.get("not_tasks", frozenset())
                and _lead(after) in follow):
            return span
    return None


def task_verb(text: str, sentences: list[Span], verbs: list[Span], nouns: list[Span],
              lexicon: Lexicon, times: list[Span] = ()) -> Span | None:
    """The verb of a task found by its shape, not by a word list.

    The first word of the commitment (after a lead-in such as "We will" or "Vogliamo") is a
    task verb when no list knows it and it has the shape of a verb: an Italian infinitive,
    first person plural or plural imperative ("rifare", "realizziamo", "predisponete", the
    lexicon's ``verb_shape``), or a word followed by a determiner ("Rebuild the...", "Rifai
    il...", "Demo the...": no noun phrase opens that way). Words of the lexicon's
    ``not_tasks`` (be, have, essere, avere, prepositions...) and the known ``verbs`` are never
    task verbs; a word among ``nouns`` (metrics, populations, numbers) is one only before a
    determiner. A period or a start that opens the sentence (``times``: "FY27Q2: distribuire
    il listino") is skipped like a lead-in. In Italian, a noun of action followed by "di"
    ("Revisione del listino", :func:`action_noun` and the lexicon's ``task_links``) is a task
    too, unless its verb is a change ("Generazione di lead"), and so is the finite verb after a
    subject ("Le PA alimentano il catalogo"); a reflexive infinitive before "che" or a link
    ("assicurarsi che…") and a participle of a step before a colon ("Impostati: fonte e tag")
    are tasks as well.
    """
    if not sentences:
        return None
    sentence, patterns = sentences[0], lexicon.patterns
    start = sentence.start
    start += len(text[start:sentence.end]) - len(text[start:sentence.end].lstrip())
    start = _after_labels(text, start, sentence.end, list(times), lexicon)
    lead_in = patterns.get("lead_in")
    if lead_in is not None:
        found = lead_in.match(text, start, sentence.end)
        start = found.end() if found else start
    # the first tokens only, not the whole sentence tokenised and cut
    subject = list(islice(_TOKEN.finditer(text, start, sentence.end), MAX_SUBJECT_WORDS + 2))
    words = subject[:2]
    if not words or not words[0].group(0)[0].isalpha():
        return None
    first = words[0]
    word = first.group(0).lower()
    span = Span(first.start(), first.end(), first.group(0))
    structure = lexicon.structure
    if word in structure.get("articles", frozenset()) and structure.get("finite_endings"):
        return _subject_verb(text, subject, verbs, lexicon)
    if (word in structure.get("not_tasks", frozenset()) or word in lexicon.numbers
            or first.group(0).isupper()
            or any(span.overlaps(k) for k in verbs)):
        return None
    if known_form(word, "imperative_endings", "activity_verbs", lexicon):
        return span  # "Segui 20 decision maker": the imperative of a task verb the list knows
    if len(words) == 2 and words[1].group(0)[0].isdigit():
        after = next((m for m in _all(lexicon_metrics(text, lexicon, words[1].end(),
                                                      sentence.end)) if m), None)
        if after is not None:  # "Fissare 50 call di discovery": the count of a metric
            return None
    shape = patterns.get("verb_shape")
    if shape is not None and shape.fullmatch(first.group(0)) and not any(
            span.overlaps(n) for n in nouns):
        return span
    if _reflexive_task(words, lexicon):
        return span  # "assicurarsi che…", "occuparsi del rinnovo": a task, not a state
    if len(words) == 2 and words[1].group(0) == ":" and (
            known_form(word, "participle_endings", "activity_verbs", lexicon)
            or step_participle(word, lexicon)):
        return span  # "Impostati: fonte e tag": a checklist step, its objects after the colon
    openers = structure.get("task_openers", frozenset())
    if len(words) == 2 and words[1].group(0).lower().rstrip("'’") in _with_unelided(openers):
        return span
    if _before_particle(subject, span, nouns, lexicon):
        return span  # "Respond to every lead", "Sign off on the plan": a verb and its particle
    if (len(words) == 2 and action_noun(word, lexicon) in ("task", "noun")
            and _lead(words[1]) in structure.get("task_links", frozenset())
            and not any(span.overlaps(n) for n in nouns)):
        return span  # "Revisione del listino": a noun of action names the task
    return None


def _reflexive_task(words: list[re.Match[str]], lexicon: Lexicon) -> bool:
    """True when the first word is a reflexive infinitive (the lexicon's ``reflexive_shape``:
    "assicurarsi", "occuparsene") followed by "che" or a link (``clause_words``,
    ``task_links``): a task ("assicurarsi che ogni demo abbia un follow-up", "occuparsi del
    rinnovo"); "Posizionarsi come leader" names a state wished for."""
    shape = lexicon.patterns.get("reflexive_shape")
    if shape is None or len(words) < 2 or not shape.fullmatch(words[0].group(0)):
        return False
    structure = lexicon.structure
    follow = structure.get("clause_words", frozenset()) | structure.get("task_links", frozenset())
    return _lead(words[1]) in follow


@lru_cache(maxsize=64)
def _with_unelided(words: frozenset[str]) -> frozenset[str]:
    """``words`` and each of them without its final apostrophe ("dell'" and "dell"), made once
    per list (a frozenset keeps its hash: the look-up is cheap)."""
    return words | {word.rstrip("'’") for word in words}


def known_form(word: str, endings: str, verbs: str, lexicon: Lexicon) -> bool:
    """True when ``word`` is an inflected form of a verb of the lexicon's list ``verbs``.

    Parameters
    ----------
    word : str
        One word, lower case ("segui", "programmati").
    endings : str
        The name of a list of the lexicon's structure whose items read ``ending>infinitive``
        ("i>ire", "ati>are"): the ending of the form and the ending of its infinitive.
    verbs : str
        The name of the verb list the infinitive must belong to ("activity_verbs").
    lexicon : Lexicon
        The language's lexicon.

    Returns
    -------
    bool
        True when one infinitive made from ``word`` is a whole match of ``verbs``: "segui"
        gives "seguire", a task verb; "chiudi" gives "chiudere", not one.
    """
    return _known_form(word, endings, verbs, lexicon.lang)


@lru_cache(maxsize=16384)
def _known_form(word: str, endings: str, verbs: str, lang: str) -> bool:
    """:func:`known_form` in the lexicon of ``lang``, worked out once per word: a pure function
    of the word and of the language's lists, asked of every word of every statement."""
    lexicon = load_lexicon(lang)
    pattern = lexicon.patterns.get(verbs)
    if pattern is None:
        return False
    for pair in lexicon.structure.get(endings, frozenset()):
        ending, _, infinitive = pair.partition(">")
        if (word.endswith(ending) and len(word) > len(ending) + 2
                and pattern.fullmatch(word[:-len(ending)] + infinitive)):
            return True
    return False


def scanned(text: str, lexicon: Lexicon, regions: list[Span]) -> dict[str, list[Span]]:
    """The matches of every list of the lexicon inside ``regions``, by list name ("number",
    "pattern.rates", "metrics.revenue"), found in one pass
    (:class:`~okrsim.grading.scan.Scanner`); the same as :func:`spans` of each list."""
    found: dict[str, list[Span]] = {}
    for region in regions:
        for pattern, pairs in lexicon.scanner.scan(text, region.start, region.end).items():
            found.setdefault(pattern, []).extend(Span(a, b, text[a:b]) for a, b in pairs)
    return found


def _pattern_spans(p: dict[str, re.Pattern[str]], name: str, text: str,
                   within: list[Span]) -> list[Span]:
    """``spans`` of an optional list of the lexicon (none when the language lacks it)."""
    return spans(p[name], text, within) if name in p else []


def _only_who(phrase: Span, metrics: dict[str, list[Span]],
              populations: dict[str, list[Span]]) -> bool:
    """True when the phrase holds a population and no metric ("the mid-market")."""
    inside = [s for s in _all(metrics) if s.overlaps(phrase)]
    return not inside and any(s.overlaps(phrase) for s in _all(populations))


def _merge(first: list[Span], second: list[Span]) -> list[Span]:
    """``first`` plus the spans of ``second`` that overlap none of them, by position."""
    return sorted(first + without(second, first), key=lambda s: s.start)


def _main_verb(outcome: list[Span], keep: list[Span], activity: list[Span],
               deliverables: list[Span]) -> tuple[Span | None, str | None]:
    """The first verb of the commitment and its kind: change, keep, deliver or do."""
    candidates = sorted(outcome + keep + activity, key=lambda s: (s.start, -s.end))
    if not candidates:
        return None, None
    verb = candidates[0]
    if any(verb.overlaps(k) for k in keep):
        return verb, "keep"
    longest_activity = max((a for a in activity if a.start == verb.start), key=lambda s: s.end,
                           default=None)
    longest_outcome = max((o for o in outcome if o.start == verb.start), key=lambda s: s.end,
                          default=None)
    if longest_activity is not None and (
            longest_outcome is None or longest_activity.end > longest_outcome.end):
        kind = "deliver" if any(d.start >= verb.end for d in deliverables) else "do"
        return longest_activity, kind
    return longest_outcome, "change"


def _direction(verb: Span | None, kind: str | None, reduce: list[Span],
               comparatives: list[Span], lexicon: Lexicon) -> str | None:
    """Where the metric should go: "keep", "down" or "up" (None for a task or no verb)."""
    if kind == "keep":
        return "keep"
    if kind == "change" and verb is not None:
        return "down" if any(verb.overlaps(r) for r in reduce) else "up"
    down_words = lexicon.structure.get("down_comparatives", frozenset())
    for word in comparatives:
        return "down" if word.text.lower() in down_words else "up"
    return None


def _metric_phrase(text: str, verb: Span | None, sentences: list[Span], blockers: list[Span],
                   lexicon: Lexicon, inside: list[Span] = ()) -> Span | None:
    """The object of the main verb, or the phrase its first number qualifies.

    Words are taken after the verb up to a number, a date, a stop word or a punctuation mark;
    a number or a "from X to Y" right after the verb is skipped ("sign 10 new customers"). Spans
    of ``inside`` after the first word belong to the phrase ("quota within 4 months of
    starting": a duration counted from an event defines the metric).
    """
    if verb is None:
        return None
    sentence = next((s for s in sentences if s.start <= verb.start < s.end), None)
    if sentence is None:
        return None
    stops = lexicon.structure.get("stops", frozenset())
    trailing = lexicon.structure.get("trailing", frozenset())
    conjunctions = lexicon.patterns["conjunctions"]
    # only spans reaching past the verb and starting before the sentence's end can overlap a
    # token of the phrase (kept in their order: the first overlapping one is the same)
    inside = [i for i in inside if i.end > verb.end and i.start < sentence.end]
    blockers = [b for b in blockers if b.end > verb.end and b.start < sentence.end]
    words: list[Span] = []
    position = verb.end
    while position < sentence.end and len(words) < MAX_PHRASE_WORDS:
        match = _TOKEN.search(text, position, sentence.end)
        if match is None:
            break
        token = Span(match.start(), match.end(), match.group(0))
        part = next((i for i in inside if token.overlaps(i)), None) if inside else None
        if part is not None and words:
            words.append(part)
            position = part.end
            continue
        blocker = next((b for b in blockers if token.overlaps(b)), None) if blockers else None
        if blocker is not None:
            if any(w.text.lower().strip("'’") not in trailing for w in words):
                break
            words = []  # "il 92% dei ricavi": the phrase the number qualifies follows it
            position = max(blocker.end, token.end)
            continue
        word = token.text.lower().strip("'’")
        if not words and _before_count(text, token, word, stops, blockers, sentence.end):
            position = token.end  # "reach 40+ referrals", "expand to 3 new regions"
            continue
        if token.text == "/" and words and words[-1].end == token.start and text[
                token.end:token.end + 1].isalpha():
            words.append(token)  # "criteri MQL/SQL", "win/loss data": one word
            position = token.end
            continue
        if (not token.text[0].isalnum() or token.text[0].isdigit() or word in stops
                or conjunctions.fullmatch(token.text)):
            break
        words.append(token)
        position = token.end
    while words and words[-1].text.lower().strip("'’") in trailing:
        words.pop()
    if not any(len(w.text) >= 3 and w.text.lower() not in trailing for w in words):
        return None
    return Span(words[0].start, words[-1].end, text[words[0].start:words[-1].end])


#: Signs printed after a count ("40+ referrals", "95%+ SLA attainment"): part of the count.
_COUNT_SIGNS = frozenset("+~")
#: What a count opens with: a digit or a currency sign.
_COUNT_OPENERS = frozenset("0123456789$€£")


def _before_count(text: str, token: Span, word: str, stops: frozenset[str],
                  blockers: list[Span], end: int) -> bool:
    """True for what stands between the verb and the noun phrase a count qualifies, before any
    word of the phrase: a sign after the count ("reach 40+ | referrals") or a stop word right
    before a number ("expand | to | 3 new regions", "grow to 25+ partners")."""
    if token.text in _COUNT_SIGNS:
        return token.start > 0 and (text[token.start - 1].isdigit() or text[token.start - 1] == "%")
    if word not in stops:
        return False
    after = _TOKEN.search(text, token.end, end)
    return after is not None and after.group(0)[0] in _COUNT_OPENERS and any(
        b.start <= after.start() < b.end for b in blockers)


def subject_phrase(text: str, verb: Span, sentences: list[Span], blockers: list[Span],
                   lexicon: Lexicon) -> Span | None:
    """The metric named before the verb that changes or keeps it: a label before a colon
    ("Approval rate: increase from 60% to 95%") or a subject before a modal ("Unsubscribe
    rate must stay < 1.2%", "Il tasso di disiscrizione deve restare sotto l'1%").

    Parameters
    ----------
    text : str
        The analysed text.
    verb : Span
        The main verb, of a change or a level kept.
    sentences : list of Span
        The sentences of the commitment.
    blockers : list of Span
        Numbers, dates and periods: none of them is in a metric's name.
    lexicon : Lexicon
        The tables of the statement's language (``modals``).

    Returns
    -------
    Span or None
        The words before the colon or the modal, when they are words only and not too many.
    """
    sentence = next((s for s in sentences if s.start <= verb.start < s.end), None)
    if sentence is None:
        return None
    before = text[sentence.start:verb.start].rstrip()
    words = list(_TOKEN.finditer(text, sentence.start, sentence.start + len(before)))
    if before.endswith(":"):
        words = words[:-1]
    else:
        modals = lexicon.structure.get("modals", frozenset())
        if not words or words[-1].group(0).lower() not in modals:
            return None
        while words and words[-1].group(0).lower() in modals:
            words.pop()
    if not words or len(words) > MAX_PHRASE_WORDS or any(
            not w.group(0)[0].isalpha() for w in words):
        return None
    phrase = Span(words[0].start(), words[-1].end(), text[words[0].start():words[-1].end()])
    if any(phrase.overlaps(b) for b in blockers):
        return None
    return phrase


def _opening_count(text: str, quantities: list[Span], sentence: Span,
                   before: list[Span]) -> Span | None:
    """The count a verbless fragment opens with ("10+", "2-3", "€20.000+", "Almeno 1"): the
    run of quantities at the start of ``sentence``, after only ``before`` (bounds, periods)
    and signs; None when a word comes first."""
    position, last = sentence.start, None
    for token in _TOKEN.finditer(text, sentence.start, sentence.end):
        inside = next((s for s in quantities + before if s.start <= token.start() < s.end), None)
        if inside is not None:
            last = inside if inside in quantities else last
            position = max(position, inside.end)
            continue
        if token.start() < position:
            continue
        if token.group(0) in "+-–~€$£:" and len(token.group(0)) == 1:
            position = token.end()
            continue
        break
    return None if last is None else Span(position, position, "")


def counted_fragment(text: str, quantities: list[Span], sentences: list[Span],
                     blockers: list[Span], lexicon: Lexicon, anywhere: bool = False) -> Span | None:
    """What a terse fragment counts: the noun phrase right after the count it opens with
    ("membri attivi" in "10+ membri attivi", "bandi vinti" in "2-3 bandi vinti", "positive
    reviews" in "25 positive reviews in app store"), when its head is concrete. A metric named
    by structure, as the phrase after "N% of" is (:attr:`Analysis.counted`). With
    ``anywhere`` (a statement whose verb no list knows: "Get 35+ qualified referrals") the
    count may follow a word: its first quantity's phrase."""
    if not quantities or not sentences:
        return None
    lead = _opening_count(text, quantities, sentences[0], blockers)
    if lead is None and anywhere and _one_word_before(text, quantities[0], sentences[0],
                                                      lexicon):
        lead = Span(quantities[0].end, quantities[0].end, "")
    if lead is None:
        return None
    phrase = _metric_phrase(text, lead, sentences, blockers, lexicon)
    word = None if phrase is None else _head_word(phrase, lexicon)
    if word is None or _head_kind(word, lexicon) != "concrete":
        return None
    return phrase


def _one_word_before(text: str, quantity: Span, sentence: Span, lexicon: Lexicon) -> bool:
    """True when one word, no preposition, stands before ``quantity`` in its sentence (the
    verb no list knows of "Get | 35+ qualified referrals", not "Tra | 10 anni"), or a
    conjunction right before it opens a noun phrase of its own ("Alliance optimisation | and |
    25+ signed integrators")."""
    words = list(_TOKEN.finditer(text, sentence.start, quantity.start))
    if words and lexicon.patterns["conjunctions"].fullmatch(words[-1].group(0)):
        return True
    if len(words) != 1 or not words[0].group(0)[0].isalpha():
        return False
    structure = lexicon.structure
    word = words[0].group(0).lower()
    return word not in structure.get("stops", frozenset()) | structure.get("trailing", frozenset())


def task_noun(text: str, sentences: list[Span], before: list[Span],
              lexicon: Lexicon, metrics: list[Span] = ()) -> Span | None:
    """A noun of action that names a task in a verbless statement ("Acquisto attrezzature",
    "Avvio immediato progetto", "Apertura di due showroom", "4-5 candidature totali", the
    lexicon's ``task_nouns``): its first word, or the first word after a count, a period
    it opens with (``before``) or an ordinal ("Prima sessione di formazione", the lexicon's
    ``ordinals``). A noun of action by its ending (:func:`action_noun`), lower case or
    capitalised, alone or before a link ("Sponsorizzazione di tre fiere", "stesura del piano",
    "monitoraggio delle opportunità", "revisione forecast") is one too, unless its verb is a
    change ("Generazione di 500 lead") or, for a noun whose verb no list knows, a count of a
    metric (``metrics``) follows it ("Chiusura di 10 contratti" counts a result)."""
    structure = lexicon.structure
    nouns = structure.get("task_nouns", frozenset())
    if not nouns or not sentences:
        return None
    sentence = sentences[0]
    ordinals = structure.get("ordinals", frozenset())
    tokens = _TOKEN.finditer(text, sentence.start, sentence.end)
    for token in tokens:
        if any(s.start <= token.start() < s.end for s in before):
            continue
        if not token.group(0)[0].isalpha():
            if token.group(0) in "+-–~€$£:" and len(token.group(0)) == 1:
                continue
            return None
        word = token.group(0).lower()
        if word in ordinals:
            continue
        span = Span(token.start(), token.end(), token.group(0))
        if any(span.overlaps(m) for m in metrics):
            return None  # "Raccolta fondi", "Copertura della pipeline": a metric
        if word in nouns:
            return span
        kind = action_noun(word, lexicon)
        if kind is None or kind == "outcome":
            return None  # "Generazione di lead": the noun of a change
        if not before:  # "stesura del piano", "revisione forecast": a step of a procedure
            return span
        # with a count, only a noun before a link names the task ("Aggiornamento di 50
        # schede"), and one whose verb no list knows counts a result when a metric follows
        # ("Chiusura di 10 contratti", "Generazione di 500 lead")
        link = next(tokens, None)
        if link is None or _lead(link) not in structure.get("task_links", frozenset()):
            return None
        return span if kind == "task" or not any(m.start > span.start for m in metrics) else None
    return None


def action_noun(word: str, lexicon: Lexicon) -> str | None:
    """What a noun of action says by its ending (the lexicon's ``action_noun_endings``:
    "-zione", "-mento", "-tura", "-aggio", "-isi"...; an item ``ending>infinitive`` also gives
    its verb, "amento>are" turns "tracciamento" into "tracciare").

    Parameters
    ----------
    word : str
        One word, lower case.
    lexicon : Lexicon
        The language's lexicon.

    Returns
    -------
    str or None
        "outcome" when the verb it names is a change or a level kept ("generazione" of
        "generare") or the word names a state reached (the lexicon's ``result_nouns``:
        "riconoscimento", "penetrazione"), "task" when it is a task verb of the lists
        ("monitoraggio" of "monitorare"), "noun" for another noun of action ("revisione",
        "analisi", "chiusura"), None for a word without such an ending, a vague area
        ("posizionamento") or a frequent word of the language.
    """
    structure = lexicon.structure
    if (len(word) < 5 or word in structure.get("areas", frozenset())
            or word in lexicon.detect_words):
        return None
    if word in structure.get("result_nouns", frozenset()):
        return "outcome"  # "Riconoscimento del marchio": a state reached, like "ottenuto"
    patterns, found = lexicon.patterns, None
    for item in structure.get("action_noun_endings", frozenset()):
        ending, _, infinitive = item.partition(">")
        if not word.endswith(ending) or len(word) <= len(ending) + 1:
            continue
        found = found or "noun"
        verb = word[:-len(ending)] + infinitive if infinitive else None
        if verb is None:
            continue
        if any(name in patterns and patterns[name].fullmatch(verb)
               for name in ("outcome_verbs", "keep_verbs")):
            return "outcome"
        if "activity_verbs" in patterns and patterns["activity_verbs"].fullmatch(verb):
            found = "task"
    return found


def task_participles(text: str, sentences: list[Span], lexicon: Lexicon,
                     any_verb: bool = False) -> list[Span]:
    """The past participles of a task verb the lexicon knows, by their ending (the lexicon's
    ``participle_endings``: "programmati" of "programmare", "registrati" of "registrare"),
    in the first sentence: a deliverable stated as done, like a ``done_states`` word. With
    ``any_verb`` (a checklist line without a number) the participle of any verb that names
    no change and no state reached counts too (:func:`step_participle`: "Lead assegnato al
    commerciale", "Motivo di perdita selezionato"), unless an agent follows it (the lexicon's
    ``agent_links``: "Progetto selezionato dalla giuria" is a state reached)."""
    structure = lexicon.structure
    if not sentences or not structure.get("participle_endings"):
        return []
    any_verb = any_verb and bool(structure.get("step_participle_endings"))
    # after an article or a preposition the form is a noun: "alle chiamate in ingresso"
    nouns_after = structure.get("task_links", frozenset()) | structure.get("articles", frozenset())
    # "Progetto finanziato dalla Regione": what another did to us is a state reached
    agents = structure.get("agent_links", frozenset())
    return [Span(t.start(), t.end(), t.group(0))
            for t in _HEAD_WORD.finditer(text, sentences[0].start, sentences[0].end)
            if (known_form(t.group(0).lower(), "participle_endings", "activity_verbs", lexicon)
                or (any_verb and step_participle(t.group(0).lower(), lexicon)
                    and _word_after(text, t.end()) not in agents))
            and _word_before(text, t.start()).rstrip("'’") not in nouns_after]


def _word_after(text: str, position: int) -> str:
    """The word right after ``position``, lower case, an elided article kept whole ("" at the
    end)."""
    found = _ELIDED_LEAD.search(text, position)
    return "" if found is None else found.group(0).lower().replace("’", "'")


def step_participle(word: str, lexicon: Lexicon) -> bool:
    """True when ``word`` is the past participle of a verb that names work done (a step of a
    procedure: "assegnato", "selezionati", "collegati", "allegato"), by the lexicon's
    ``step_participle_endings`` (the verbs of procedures: "-ato" of "-are"): not of a change
    or a level kept ("aumentato", "mantenuto"), nor of a vague verb ("ottimizzato"), nor a
    state reached (``reached_states``: "approvato", "confermato"), nor a frequent word or a
    vague area ("mercato", "risultato")."""
    structure = lexicon.structure
    if (word in lexicon.detect_words or word in structure.get("areas", frozenset())
            or lexicon.number.fullmatch(word)):
        return False
    reached = structure.get("reached_states", frozenset())
    found = False
    for pair in structure.get("step_participle_endings", frozenset()):
        ending, _, infinitive = pair.partition(">")
        if not word.endswith(ending) or len(word) <= len(ending) + 2:
            continue
        verb = word[:-len(ending)] + infinitive
        if verb in reached or any(
                name in lexicon.patterns and lexicon.patterns[name].fullmatch(verb)
                for name in ("outcome_verbs", "keep_verbs", "vague_verbs")):
            return False
        found = True
    return found


def closing_participle(text: str, sentences: list[Span], tasks: list[Span], others: list[Span],
                       blockers: list[Span]) -> Span | None:
    """The one task word that closes a checklist item ("documented" in "Quote-to-cash playbook
    documented", "avviato" in "Primo progetto avviato"), with nothing but dates, numbers or
    punctuation after it and no other verb: the noun phrase before it names what was done."""
    if len(tasks) != 1 or others or not sentences or not _PARTICIPLE.search(tasks[0].text):
        return None
    task, sentence = tasks[0], sentences[0]
    if task.start <= sentence.start or not sentence.start <= task.start < sentence.end:
        return None
    for token in _TOKEN.finditer(text, task.end, sentence.end):
        if token.group(0)[0].isalpha() and not any(
                b.start <= token.start() < b.end for b in blockers):
            return None
    return task


def checklist_states(text: str, states: list[Span], sentences: list[Span],
                     lexicon: Lexicon) -> list[Span]:
    """The ``done_states`` words that may close a checklist item: none when the statement opens
    with a verb of the language's shape ("Soddisfare il ROI definito", "Quadruplicare i trial
    attivati": the participle qualifies the object of that verb)."""
    shape = lexicon.patterns.get("verb_shape")
    if not states or not sentences or shape is None:
        return states
    first = _HEAD_WORD.search(text, sentences[0].start, sentences[0].end)
    return [] if first is not None and shape.fullmatch(first.group(0)) else states
