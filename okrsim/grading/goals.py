"""Find a second goal joined to the first in one statement, by the structure around a conjunction.

Pure functions over text, spans and a :class:`~okrsim.grading.lexicon.Lexicon`, used once by
:func:`okrsim.grading.analysis.analyse`. Two goals are joined when, before any clause naming the
means or the goal served ("through...", "so that...", "grazie a..."), a conjunction opens a
second verb ("Map the renewal process and automate the reminders", "Analizzare le trattative
perse e riscrivere il playbook") or a second object of the same verb whose measure differs
("Increase lead volume & conversion rate", "Aumentare la fedeltà e il coinvolgimento dei
rivenditori"). A second verb working on the same object ("create a survey and send it") is one
goal.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from okrsim.grading.lexicon import Lexicon
from okrsim.grading.spans import Span

#: A word or a single other character, for walking the text after a conjunction.
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\w.,%]*|\S", re.UNICODE)


def _tokens(text: str, start: int, end: int, count: int) -> list[re.Match[str]]:
    """The first ``count`` tokens between ``start`` and ``end``."""
    found = []
    for match in _TOKEN.finditer(text, start, end):
        found.append(match)
        if len(found) == count:
            break
    return found


def _after_aside(text: str, start: int, end: int, lexicon: Lexicon) -> int:
    """Where the words after a conjunction start, past an aside between commas ("and, if
    required, roll out") and adverbs ("and quickly identify")."""
    position = start
    rest = text[position:end]
    if rest.lstrip().startswith(","):
        comma = text.find(",", position + len(rest) - len(rest.lstrip()) + 1, end)
        position = comma + 1 if comma != -1 else position
    endings = tuple(lexicon.structure.get("adverb_endings", ()))
    while endings:
        word = _tokens(text, position, end, 1)
        if not word or not word[0].group(0).lower().endswith(endings):
            break
        position = word[0].end()
    return position


def _same_object(word: str, following: str | None, lexicon: Lexicon) -> bool:
    """True when the second verb works on the object of the first: a pronoun follows it ("send
    it") or is attached to it ("condividerla"), or stands before it ("ne condividerò")."""
    structure = lexicon.structure
    attached = structure.get("attached_pronouns", frozenset())
    lower = word.lower()
    return (lower in structure.get("pronouns_before", frozenset())
            or (following or "").lower() in structure.get("object_pronouns", frozenset())
            or any(lower.endswith("r" + p) for p in attached))


def second_verb(text: str, sentences: list[Span], verbs: list[Span], ends: list[Span],
                nouns: list[Span], lexicon: Lexicon) -> list[Span]:
    """The first verb and a second verb joined to it by a conjunction, or an empty list.

    Parameters
    ----------
    text : str
        The analysed text.
    sentences : list of Span
        The sentences of the commitment.
    verbs : list of Span
        Every verb the lexicon knows in the commitment (outcome, keep, task, vague).
    ends : list of Span
        Phrases that end the goal itself: the means and the goal served ("through", "so that").
    nouns : list of Span
        Metrics, populations and numbers: a word among them is not a second verb.
    lexicon : Lexicon
        The tables of the statement's language.

    Returns
    -------
    list of Span
        ``[first, second]``: the second is a verb the lexicon knows followed by its object, a
        word of the shape of a verb (``verb_shape``), or a word followed by a determiner
        (``task_openers``: "and rebuild the template").
    """
    structure, patterns = lexicon.structure, lexicon.patterns
    conjunctions = patterns["conjunctions"]
    stops = structure.get("stops", frozenset()) | structure.get("trailing", frozenset())
    for sentence in sentences:
        end = min((e.start for e in ends if sentence.start < e.start < sentence.end),
                  default=sentence.end)
        for joint in conjunctions.finditer(text, sentence.start, end):
            before = [v for v in verbs if sentence.start <= v.start and v.end <= joint.start()]
            first = min(before, key=lambda v: v.start) if before else None
            if first is None or not text[first.end:joint.start()].strip():
                continue  # "develop and release the program": two verbs, one object
            start = _after_aside(text, joint.end(), end, lexicon)
            words = _tokens(text, start, end, 2)
            if not words or not words[0].group(0)[0].isalpha():
                continue
            word, following = words[0], (words[1].group(0) if len(words) == 2 else None)
            span = Span(word.start(), word.end(), word.group(0))
            if _same_object(word.group(0), following, lexicon) or any(
                    span.overlaps(n) for n in nouns):
                continue
            known = any(v.start == span.start for v in verbs)
            takes_object = following is not None and following[0].isalnum() and (
                following.lower().strip("'’") not in stops
                and not conjunctions.fullmatch(following))
            if (known and takes_object) or _shaped_as_verb(word.group(0), following, lexicon):
                return [first, span]
    return []


def _shaped_as_verb(word: str, following: str | None, lexicon: Lexicon) -> bool:
    """True when a word no list knows reads as a verb: it is none of the lexicon's
    ``not_tasks`` and has the shape of a verb (``verb_shape``) or is followed by a determiner
    (``task_openers``: "rebuild the template", "set a baseline")."""
    structure = lexicon.structure
    if word.lower() in structure.get("not_tasks", frozenset()):
        return False
    shape = lexicon.patterns.get("verb_shape")
    if shape is not None and shape.fullmatch(word) is not None:
        return True
    return following is not None and following.lower().rstrip("'’") in {
        o.rstrip("'’") for o in structure.get("task_openers", frozenset())}


def second_object(text: str, first: Span | None, families_of: Callable[[Span], set[str]],
                  phrase_after: Callable[[Span], Span | None], who_only: Callable[[Span], bool],
                  lexicon: Lexicon) -> list[Span]:
    """The object of the verb and a second object joined to it, when they measure different
    things ("customer engagement & retention", "la fedeltà e il coinvolgimento").

    Parameters
    ----------
    text : str
        The analysed text.
    first : Span or None
        The object of the main verb (or of the vague verb), as found by structure.
    families_of : callable
        The metric families (generic counts left out) named inside a span.
    phrase_after : callable
        The noun phrase that follows a span, found as the verb's object is.
    who_only : callable
        True for a phrase that names a population and no metric ("mid-market accounts").
    lexicon : Lexicon
        The tables of the statement's language.

    Returns
    -------
    list of Span
        ``[first, second]``, or an empty list. In English a one-word first object before a
        longer second one shares its head ("renewal and expansion revenue"): one goal.
    """
    if first is None:
        return []
    joint = lexicon.patterns["conjunctions"].match(text, first.end + len(
        text[first.end:]) - len(text[first.end:].lstrip()))
    if joint is None:
        return []
    second = phrase_after(Span(joint.start(), joint.end(), joint.group(0)))
    if second is None or who_only(first) or who_only(second):
        return []
    head_last = "last" in lexicon.structure.get("head_position", ())
    if head_last and len(first.text.split()) == 1 and len(second.text.split()) > 1:
        return []
    mine, theirs = families_of(first), families_of(second)
    if not (mine | theirs) or mine == theirs:
        return []
    return [first, second]


#: Words at most between a target and the conjunction after it, and between the second metric
#: and its target ("MQLs up 20% | and SQLs up | 10%", "SQL a | 200").
_NEAR_WORDS = 3


#: A mark that ends the second metric's phrase ("testimonials (currently 5)": 5 is a baseline).
_PUNCTUATION = re.compile(r"[^\w\s'’]")


#: A word (letters only), counted between two pieces.
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _words_between(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def second_target(text: str, sentences: list[Span], ends: list[Span], quantities: list[Span],
                  metrics: list[Span], lexicon: Lexicon) -> list[Span]:
    """Two targets joined by a conjunction, each on its own metric ("MQLs up 20% and SQLs up
    10%", "MQL a 500 e SQL a 200"), or an empty list. A range ("between 10 and 12 deals") has
    no metric between its two numbers: one target.

    Parameters
    ----------
    text : str
        The analysed text.
    sentences : list of Span
        The sentences of the commitment.
    ends : list of Span
        Phrases that end the goal itself (the means, the goal served).
    quantities : list of Span
        The numbers that measure (dates, labels and versions left out).
    metrics : list of Span
        Every metric the lexicon names in the commitment.
    lexicon : Lexicon
        The tables of the statement's language.

    Returns
    -------
    list of Span
        ``[first target, second target]``.
    """
    for sentence in sentences:
        end = min((e.start for e in ends if sentence.start < e.start < sentence.end),
                  default=sentence.end)
        for joint in lexicon.patterns["conjunctions"].finditer(text, sentence.start, end):
            first = max((q for q in quantities
                         if sentence.start <= q.start and q.end <= joint.start()
                         and _words_between(text, q.end, joint.start()) <= _NEAR_WORDS),
                        key=lambda q: q.start, default=None)
            if first is None:
                continue
            metric = min((m for m in metrics if joint.end() <= m.start < end
                          and _words_between(text, joint.end(), m.start) <= 1),
                         key=lambda m: m.start, default=None)
            if metric is None or any(joint.end() <= q.start < metric.start for q in quantities):
                continue
            second = next((q for q in sorted(quantities, key=lambda q: q.start)
                           if metric.end <= q.start < end
                           and _words_between(text, metric.end, q.start) <= _NEAR_WORDS
                           and not _PUNCTUATION.search(text, metric.end, q.start)), None)
            if second is not None:
                return [first, second]
    return []


#: A mark that lists one result after another in one statement: a comma, a semicolon or a
#: plus between spaces ("30 paying customers, $8K MRR", "40 SQLs + 10 deals").
_LIST_MARK = re.compile(r",\s+|\s+\+\s+|;\s*")


def _list_pieces(text: str, sentences: list[Span], ends: list[Span]) -> list[tuple[Span, bool]]:
    """The pieces of the commitment between list marks outside parentheses, each with whether
    it continues the list of the piece before (a sentence ending in ";" continues it)."""
    pieces: list[tuple[Span, bool]] = []
    joined = False
    for sentence in sentences:
        end = min((e.start for e in ends if sentence.start < e.start < sentence.end),
                  default=sentence.end)
        start = sentence.start
        for mark in _LIST_MARK.finditer(text, sentence.start, end):
            if text.count("(", sentence.start, mark.start()) > text.count(
                    ")", sentence.start, mark.start()):
                continue  # "(80 inbound, 40 outbound)": a breakdown, not a second result
            pieces.append((Span(start, mark.start(), text[start:mark.start()]), joined))
            start, joined = mark.end(), True
        pieces.append((Span(start, end, text[start:end]), joined))
        joined = end == sentence.end and text[sentence.start:sentence.end].rstrip().endswith(";")
    return [(p, j) for p, j in pieces if p.text.strip()]


def _gerund(word: str, lexicon: Lexicon) -> bool:
    """True for a gerund, with a pronoun attached or not ("driving", "portandolo")."""
    structure = lexicon.structure
    endings = tuple(structure.get("gerund_endings", ()))
    return bool(endings) and (word.endswith(endings) or any(
        word.endswith(e + p) for e in endings for p in structure.get("attached_pronouns", ())))


def _opens_verb(words: list[re.Match[str]], verbs: list[Span], lexicon: Lexicon) -> bool:
    """True when the first of ``words`` is a verb followed by its object: one the lexicon
    knows, a word of the shape of a verb, or a word followed by a determiner ("set a
    baseline"); a gerund ("…, driving expansion") says how, not a second result."""
    word = words[0].group(0).lower()
    if len(words) < 2 or not word[0].isalpha() or _gerund(word, lexicon):
        return False
    if any(v.start == words[0].start() for v in verbs):
        return True
    return _shaped_as_verb(words[0].group(0), words[1].group(0), lexicon)


def _opens_result(piece: Span, text: str, quantities: list[Span], verbs: list[Span],
                  metrics: list[Span], lexicon: Lexicon) -> bool:
    """True when a listed piece opens a result of its own: a verb with an object ("set a
    baseline win rate"), a number, after an ordinal at most, that counts something of its
    own ("$8K MRR", "first two cohorts"; not "20 in EMEA", a breakdown), or a metric and then
    its number ("churn under 2%"). A piece opening with any other word ("from 8% today",
    "i.e. 500 customers") qualifies the result before it."""
    stops = lexicon.structure.get("stops", frozenset())
    words = _tokens(text, piece.start, piece.end, 4)
    if not words or words[0].group(0).lower() in stops:
        return False
    if _opens_verb(words, verbs, lexicon):
        return True
    at = 1 if words[0].group(0).lower() in lexicon.structure.get("list_ordinals", ()) else 0
    count = next((q for q in quantities if at < len(words) and q.start == words[at].start()),
                 None)
    if count is not None:
        after = _tokens(text, count.end, piece.end, 1)
        return not after or after[0].group(0).lower() not in stops
    return any(m.start == words[0].start() for m in metrics) and any(
        piece.start <= q.start < piece.end for q in quantities)


def listed_result(text: str, sentences: list[Span], ends: list[Span], quantities: list[Span],
                  verbs: list[Span], metrics: list[Span], deadlines: list[Span],
                  lexicon: Lexicon) -> list[Span]:
    """Two results listed one after the other by a comma, a semicolon or a plus ("30 paying
    customers, $8K MRR", "Close the first two deals, set a baseline win rate"), or an empty
    list. A list inside one metric ("deals in France, Spain and Italy"), a breakdown in
    parentheses and the means after the goal are one result.

    Parameters
    ----------
    text : str
        The analysed text.
    sentences : list of Span
        The sentences of the commitment.
    ends : list of Span
        Phrases that end the goal itself (the means, the goal served).
    quantities : list of Span
        The numbers that measure (dates, labels and versions left out).
    verbs : list of Span
        Every verb the lexicon knows in the commitment.
    metrics : list of Span
        Every metric the lexicon names in the commitment.
    deadlines : list of Span
        The calendar deadlines ("by June 5"): a deliverable with one is a result.
    lexicon : Lexicon
        The tables of the statement's language.

    Returns
    -------
    list of Span
        ``[first piece, second piece]``.
    """
    pieces = _list_pieces(text, sentences, ends)
    for (first, _), (second, joined) in zip(pieces, pieces[1:], strict=False):
        if not joined:
            continue
        holds = any(first.overlaps(s) for s in quantities + verbs + deadlines)
        if holds and _opens_result(second, text, quantities, verbs, metrics, lexicon):
            return [first, second]
    return []


#: A mark that lists a second object after the first: a comma or a semicolon.
_OBJECT_LIST = re.compile(r"\s*[,;]\s*")


def second_deliverable(text: str, first: Span | None, phrase_after: Callable[[Span], Span | None],
                       who_only: Callable[[Span], bool], opens_verb: Callable[[Span], bool],
                       head_of: Callable[[Span], str | None], lexicon: Lexicon,
                       counted: bool = False) -> list[Span]:
    """The object of a task (or the object a verbless statement names) and a second object
    joined or listed after it ("Build the partner portal | and | a co-marketing fund",
    "Preparare listino, contratto quadro e kit", "Report mensili e riunioni trimestrali"): two
    deliverables in one statement, each a goal of its own.

    Parameters
    ----------
    text : str
        The analysed text.
    first : Span or None
        The object, as found by structure (the noun phrase after the task verb).
    phrase_after : callable
        The noun phrase that follows a span, found as the verb's object is.
    who_only : callable
        True for a phrase that names a population and no metric: a list of people trained or
        hired together ("Train AEs and SDRs") is one goal.
    opens_verb : callable
        True when a phrase opens with a verb (a second verb is :func:`second_verb`'s to find).
    head_of : callable
        The head word of a phrase (``None`` when it has none).
    lexicon : Lexicon
        The tables of the statement's language.
    counted : bool
        Whether a count stands right before the first object: a second noun without its own
        article or number shares it ("Publish 12 case studies and testimonials").

    Returns
    -------
    list of Span
        ``[first, second]``, or an empty list. In English a one-word first object before a
        longer second one shares its head ("the pricing and packaging guide"): one object.
    """
    if first is None:
        return []
    rest = text[first.end:]
    gap = len(rest) - len(rest.lstrip())
    joint = lexicon.patterns["conjunctions"].match(text, first.end + gap) or _OBJECT_LIST.match(
        text, first.end)
    if joint is None or not joint.group(0).strip():
        return []
    second = phrase_after(Span(joint.start(), joint.end(), joint.group(0)))
    if second is None or opens_verb(second) or (who_only(first) and who_only(second)):
        return []
    structure = lexicon.structure
    articles = structure.get("articles", frozenset())
    openers = {o.rstrip("'’") for o in structure.get("task_openers", frozenset()) | articles}
    links = structure.get("trailing", frozenset()) - openers
    first_words = [w.lower() for w in _WORD.findall(first.text)]
    if first_words and first_words[0] in links:
        return []  # "Formazione su processo e workflow": a list inside one complement
    tokens = _tokens(text, second.start, second.end, 2)
    bare = next(iter(_WORD.findall(tokens[0].group(0).lower())), "") not in openers
    if bare and joint.group(0).strip() not in ",;" and (
            counted or any(w in links for w in first_words[1:])):
        return []  # "Guida a prezzi e pacchetti": the second noun joins the complement
    following = tokens[1].group(0) if len(tokens) == 2 else None
    if _same_object(tokens[0].group(0), following, lexicon) or _shaped_as_verb(
            tokens[0].group(0), following, lexicon):
        return []  # "e condividerla": a second verb on the same object
    words = [w for w in _WORD.findall(first.text)
             if w.lower() not in structure.get("trailing", frozenset()) | articles]
    head_last = "last" in lexicon.structure.get("head_position", ())
    if head_last and len(words) == 1 and len(second.text.split()) > 1:
        return []
    mine, theirs = head_of(first), head_of(second)
    if mine is None or theirs is None or mine == theirs:
        return []
    return [first, second]


def alternative_verbs(text: str, sentences: list[Span], verbs: list[Span],
                      lexicon: Lexicon) -> list[Span]:
    """Two verbs offered as alternatives ("Avviare o sospendere le promozioni", "Launch or
    retire campaigns"): a verb, one of the lexicon's ``disjunctions``, then a verb the lexicon
    knows or a word of the shape of a verb; two goals, unlike two verbs of one sequence joined
    by "and" ("Build and launch the portal").

    Parameters
    ----------
    text : str
        The analysed text.
    sentences : list of Span
        The sentences of the commitment.
    verbs : list of Span
        Every verb the lexicon knows in the commitment.
    lexicon : Lexicon
        The tables of the statement's language.

    Returns
    -------
    list of Span
        ``[first verb, second verb]``, or an empty list.
    """
    disjunctions = lexicon.structure.get("disjunctions", frozenset())
    if not disjunctions:
        return []
    for verb in verbs:
        sentence = next((s for s in sentences if s.start <= verb.start < s.end), None)
        if sentence is None:
            continue
        words = _tokens(text, verb.end, sentence.end, 3)
        if len(words) < 2 or words[0].group(0).lower() not in disjunctions:
            continue
        second, following = words[1], (words[2].group(0) if len(words) == 3 else None)
        span = Span(second.start(), second.end(), second.group(0))
        if any(v.start == span.start for v in verbs) or _shaped_as_verb(
                second.group(0), following, lexicon):
            return [verb, span]
    return []


def count_after_conjunction(text: str, sentences: list[Span], ends: list[Span],
                            quantities: list[Span], verbs: list[Span],
                            lexicon: Lexicon) -> list[Span]:
    """A goal stated without a number, then a conjunction and a count of something else
    ("Channel optimisation | and | 40+ active partners", "Ottimizzazione del canale e 40+
    integratori attivi"): a second result. A range ("between 10 and 12 deals") has a number
    before the conjunction, so it is one target.

    Parameters
    ----------
    text : str
        The analysed text.
    sentences : list of Span
        The sentences of the commitment.
    ends : list of Span
        Phrases that end the goal itself (the means, the goal served).
    quantities : list of Span
        The numbers that measure.
    verbs : list of Span
        Every verb and vague word the lexicon knows in the commitment: the first goal holds one.
    lexicon : Lexicon
        The tables of the statement's language.

    Returns
    -------
    list of Span
        ``[the words before the conjunction, the count]``, or an empty list.
    """
    stops = lexicon.structure.get("stops", frozenset())
    for sentence in sentences:
        end = min((e.start for e in ends if sentence.start < e.start < sentence.end),
                  default=sentence.end)
        for joint in lexicon.patterns["conjunctions"].finditer(text, sentence.start, end):
            if any(q.start < joint.start() for q in quantities) or not any(
                    sentence.start <= v.start and v.end <= joint.start() for v in verbs):
                continue
            count = next((q for q in quantities if q.start >= joint.end()
                          and not text[joint.end():q.start].strip()), None)
            if count is None:
                continue
            after = _tokens(text, count.end, end, 2)
            words = [w for w in after if w.group(0)[0].isalpha()]
            if words and words[0].group(0).lower() not in stops:
                first = Span(sentence.start, joint.start(), text[sentence.start:joint.start()])
                return [first, count]
    return []
