"""Vague by what the statement praises or keeps, not by its verb: the *specific* forms of round 5.

- A quality of the object instead of a measure of it, after a making verb or a direction
  ("Build a scalable platform", "Costruire una pipeline prevedibile"): vague, like a vague verb.
  After a plain task verb the quality only describes the deliverable ("Implement a robust
  invoicing tool" names the tool).
- A quality after a quantity and a link word ("Cross $5M ARR | with | strong unit economics"):
  a second goal stated without a number.
- A keep verb in its gerund form after a first goal ("Move upmarket while maintaining
  velocity", "Entrare nel mercato tedesco mantenendo la redditività"): a second goal.
- A vague amount of deals closed ("Close a few deals", "Chiudere qualche contratto"): a count
  of outcomes without its number, not a wish about a generic population.
- A task on one bare vague area ("Hire people", "Build brand"), or a vague word on a gerund
  no list knows ("networking more often"): no concrete object.

Every function reads the one :class:`~okrsim.grading.analysis.Analysis` and the lexicon's
``[structure]`` lists (``quality_verbs``, ``quality_links``, ``keep_links``, ``counted_outcomes``,
``gerund_endings``, ``areas``); none reads the text anew beyond the words between two spans
it found.
"""

from __future__ import annotations

import re

from okrsim.grading.analysis import GENERIC_FAMILIES, Analysis
from okrsim.grading.spans import Span

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
#: Words that may stand between a link word and its quality ("with | very | strong margins",
#: "con | margini | sani").
MAX_QUALITY_GAP = 2


def _first_word(span: Span) -> str:
    """The first word of ``span``, in lower case ("build" of "Build")."""
    match = _WORD.search(span.text)
    return match.group(0).lower() if match else ""


def _words(text: str) -> list[str]:
    """The words of ``text``, in lower case."""
    return [m.group(0).lower() for m in _WORD.finditer(text)]


def vague_qualities(a: Analysis) -> list[Span]:
    """Qualities that stand for a measure in a statement without a number.

    Parameters
    ----------
    a : Analysis
        The analysed statement.

    Returns
    -------
    list of Span
        The qualities after the first verb when that verb is a direction, a keep or vague verb
        or a making verb of the lexicon's ``quality_verbs`` ("Build a scalable inbound
        engine"); none with a number, without a verb ("Repeatable campaign reporting." names a
        deliverable) or after another task verb ("Hire a strong CFO").
    """
    if a.quantities or not a.qualities:
        return []
    verbs = sorted(a.outcome_verbs + a.keep_verbs + a.activity_verbs + a.vague_verbs,
                   key=lambda s: s.start)
    if not verbs:
        return []
    first = verbs[0]
    shaping = a.lexicon.structure.get("quality_verbs", frozenset())
    if first not in a.vague_verbs and _first_word(first) not in shaping:
        return []
    return [q for q in a.qualities if q.start >= first.end]


def qualified_goal(a: Analysis) -> list[Span]:
    """A quantity, then a link word, then a quality: a second goal without a number.

    Parameters
    ----------
    a : Analysis
        The analysed statement.

    Returns
    -------
    list of Span
        The last quantity and the quality ("$5M", "strong" of "Cross $5M ARR with strong unit
        economics"; "3 milioni", "sani" of "... a 3 milioni di euro con margini sani"), or
        an empty list.
    """
    if not a.quantities or not a.qualities:
        return []
    links = a.lexicon.structure.get("quality_links", frozenset())
    last = a.quantities[-1]
    for quality in a.qualities:
        if quality.start < last.end:
            continue
        between = _words(a.text[last.end:quality.start])
        linked = [i for i, word in enumerate(between) if word in links]
        if linked and len(between) - linked[-1] - 1 <= MAX_QUALITY_GAP and not any(
                last.end <= q.start < quality.start for q in a.qualities):
            return [last, quality]
    return []


def kept_alongside(a: Analysis) -> list[Span]:
    """A keep verb in its gerund form after a first goal: two goals in one statement.

    Parameters
    ----------
    a : Analysis
        The analysed statement.

    Returns
    -------
    list of Span
        The sentence's first word and the keep verb ("Move", "maintaining" of "Move upmarket
        while maintaining velocity"), or an empty list. In a language whose ``keep_links``
        list is not empty the verb must follow one of them ("while"); a keep verb opening
        the sentence keeps the one goal it states.
    """
    structure = a.lexicon.structure
    endings = tuple(structure.get("gerund_endings", ()))
    links = structure.get("keep_links", frozenset())
    if not endings:
        return []
    for verb in a.keep_verbs:
        if not _first_word(verb).endswith(endings):
            continue
        sentence = next((s for s in a.commitment if s.start <= verb.start < s.end), None)
        if sentence is None:
            continue
        before = list(_WORD.finditer(a.text, sentence.start, verb.start))
        if links:
            if not before or before[-1].group(0).lower() not in links:
                continue
            before = before[:-1]
        if before:
            lead = before[0]
            return [Span(lead.start(), lead.end(), lead.group(0)), verb]
    return []


def abstract_deliverable(a: Analysis) -> bool:
    """True for a task that opens the statement and works on one bare vague area, no article,
    no modifier, no metric, population or number ("Hire people", "Build brand").

    Parameters
    ----------
    a : Analysis
        The analysed statement.

    Returns
    -------
    bool
        Whether the only deliverable is one word of the lexicon's ``areas`` right after the
        task verb that opens its sentence; "Launch our new product" and "Redesign the
        onboarding process" name their deliverable and stay concrete.
    """
    if (a.quantities or len(a.deliverables) != 1 or not a.activity_verbs
            or any(a.metrics.values()) or any(a.populations.values())):
        return False
    verb = min(a.activity_verbs, key=lambda s: s.start)
    sentence = next((s for s in a.commitment if s.start <= verb.start < s.end), None)
    (deliverable,) = a.deliverables
    if sentence is None or a.text[sentence.start:verb.start].strip():
        return False
    if a.text[verb.end:deliverable.start].strip():
        return False
    return deliverable.text.lower() in a.lexicon.structure.get("areas", frozenset())


def gerund_object(a: Analysis) -> bool:
    """True when what a vague word works on is one gerund opening the sentence ("networking
    more often", "buying from us effortless" of "Make buying..."): an activity, not an object.

    Parameters
    ----------
    a : Analysis
        The analysed statement.

    Returns
    -------
    bool
        Whether :attr:`Analysis.vague_object` is a single word ending with one of the
        lexicon's ``gerund_endings`` (after plain qualifiers at most: "Continuous monitoring
        and optimisation"), or only plain qualifiers ("ottimizzazione costante"), in a
        statement with no task or direction verb.
    """
    phrase = a.vague_object
    endings = tuple(a.lexicon.structure.get("gerund_endings", ()))
    if phrase is None or not endings or a.activity_verbs or a.outcome_verbs:
        return False  # "Create DevOps messaging": a task names its deliverable
    plain = a.lexicon.structure.get("plain_qualifiers", frozenset())
    words = [w for w in _words(phrase.text) if w not in plain]  # "Continuous | monitoring"
    return len(words) <= 1 and all(w.endswith(endings) for w in words)


def counts_outcomes_vaguely(a: Analysis) -> bool:
    """True when a direction verb counts deals or orders with a vague word instead of a number
    ("Close some deals", "Chiudere qualche contratto"): partial, like a named metric with a
    vague verb, not a wish about customers.

    Parameters
    ----------
    a : Analysis
        The analysed statement.

    Returns
    -------
    bool
        Whether a vague word stands between the first outcome verb and the count, no quantity
        is given, and every word of the generic count families is one of the lexicon's
        ``counted_outcomes``.
    """
    if a.quantities or not a.vague_verbs or not a.outcome_verbs:
        return False
    outcomes = a.lexicon.structure.get("counted_outcomes", frozenset())
    generic = [s for name in GENERIC_FAMILIES for s in a.metrics.get(name, [])]
    if not generic or any(s.text.lower() not in outcomes for s in generic):
        return False
    # the verb, then the vague amount, then the count: "Close | some | deals"; not a vague word
    # on the verb ("Get better at closing deals")
    verb = min(a.outcome_verbs, key=lambda s: s.start)
    count = min(generic, key=lambda s: s.start)
    return any(verb.end <= v.start and v.end <= count.start for v in a.vague_verbs) and not any(
        v.end <= o.start < count.start for v in a.vague_verbs for o in a.outcome_verbs)
