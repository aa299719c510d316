"""The facilitator's view of a workshop room: tables built from the journal's attempts.

Every function takes the DataFrame of :meth:`okrsim.workshop.journal.Journal.attempts` and
returns a new DataFrame; plotting lives in :mod:`okrsim.plots.room`. :func:`demo_room` fills a
journal with a seeded, realistic room (real answers from the bank, graded by the real checks) so
that the facilitator's notebook runs before any workshop has happened."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from okrsim.exercises import ExerciseBank, load_bank
from okrsim.exercises.checks import SMART_CRITERIA, SMART_LETTERS
from okrsim.exports import safe_frame_text
from okrsim.workshop.journal import Journal

REWRITE_KINDS = ("rewrite", "write_krs")
DEMO_NAMES = ("Giulia", "Marco", "Sofia", "Luca", "Chiara", "Matteo", "Aisha", "Tom", "Elena",
              "Davide", "Priya", "Francesca", "Omar", "Sara", "Ben", "Martina", "Yuki", "Paolo",
              "Nora", "Andrea", "Lena", "Kofi", "Irene", "Sam")


def with_exercises(attempts: pd.DataFrame, bank: ExerciseBank | None = None) -> pd.DataFrame:
    """Add each attempt's exercise ``title``, ``kind`` and ``level`` (empty when unknown)."""
    bank = bank if bank is not None else load_bank()
    info = pd.DataFrame([{"exercise": e.id, "title": e.title, "kind": e.kind, "level": e.level}
                         for e in bank], columns=["exercise", "title", "kind", "level"])
    return attempts.merge(info, on="exercise", how="left")


def in_room(attempts: pd.DataFrame, room: str | None) -> pd.DataFrame:
    """Only the attempts of one room; every attempt when ``room`` is ``None``.

    Parameters
    ----------
    attempts : pandas.DataFrame
        The journal's attempts.
    room : str or None
        The room's name (``""`` is the room of attempts recorded without one).
    """
    if room is None:
        return attempts
    return attempts[attempts["room"] == room.strip()].reset_index(drop=True)


def compare_rooms(attempts: pd.DataFrame) -> pd.DataFrame:
    """Per room: participants, attempts, mean best score, pass rate and the most missed letter.

    Returns
    -------
    pandas.DataFrame
        Indexed by room, in the order the rooms first appear in the journal; ``most_missed`` is
        the SMART letter missed most often (empty when none was missed).
    """
    columns = ["participants", "attempts", "mean_best_score", "pass_rate", "most_missed"]
    if attempts.empty:
        return pd.DataFrame(columns=columns).rename_axis("room")
    rows = {}
    for name in dict.fromkeys(attempts["room"]):
        one = attempts[attempts["room"] == name]
        best = _best_per_participant(one)
        missed = missed_criteria(one)
        top = missed.iloc[0]
        rows[name] = {
            "participants": int(one["participant"].nunique()),
            "attempts": len(one),
            "mean_best_score": round(float(best["score"].mean()), 1),
            "pass_rate": round(float(best["passed"].mean()), 3),
            "most_missed": top["letter"] if top["misses"] else "",
        }
    return pd.DataFrame.from_dict(rows, orient="index")[columns].rename_axis("room")


def participation(attempts: pd.DataFrame) -> pd.DataFrame:
    """Per participant: attempts, exercises tried, exercises passed, mean best score, last seen.

    Returns
    -------
    pandas.DataFrame
        Indexed by participant, most exercises passed first.
    """
    if attempts.empty:
        return pd.DataFrame(columns=["attempts", "exercises", "passed", "mean_best_score",
                                     "last_seen"]).rename_axis("participant")
    best = _best_per_participant(attempts)
    table = pd.DataFrame({
        "attempts": attempts.groupby("participant").size(),
        "exercises": attempts.groupby("participant")["exercise"].nunique(),
        "passed": best.groupby("participant")["passed"].sum().astype(int),
        "mean_best_score": best.groupby("participant")["score"].mean().round(1),
        "last_seen": attempts.groupby("participant")["recorded_at"].max(),
    })
    return table.sort_values(["passed", "mean_best_score"], ascending=False)


def _best_per_participant(attempts: pd.DataFrame) -> pd.DataFrame:
    """Each participant's best attempt per exercise (highest score, latest on ties)."""
    ordered = attempts.assign(passed=attempts["passed"].fillna(False).astype(bool))
    ordered = ordered.sort_values(["score", "recorded_at", "id"])
    return ordered.groupby(["participant", "exercise"], as_index=False).tail(1)


def scores_per_exercise(attempts: pd.DataFrame, bank: ExerciseBank | None = None) -> pd.DataFrame:
    """Per exercise: participants, attempts, mean first score, mean best score, pass rate.

    Returns
    -------
    pandas.DataFrame
        Indexed by exercise id, with ``title`` and ``kind`` from the bank; hardest first.
    """
    columns = ["title", "kind", "participants", "attempts", "mean_first_score",
               "mean_best_score", "pass_rate"]
    if attempts.empty:
        return pd.DataFrame(columns=columns).rename_axis("exercise")
    first = attempts.sort_values("id").groupby(["participant", "exercise"]).head(1)
    best = _best_per_participant(attempts)
    table = pd.DataFrame({
        "participants": best.groupby("exercise").size(),
        "attempts": attempts.groupby("exercise").size(),
        "mean_first_score": first.groupby("exercise")["score"].mean().round(1),
        "mean_best_score": best.groupby("exercise")["score"].mean().round(1),
        "pass_rate": best.groupby("exercise")["passed"].mean().round(3),
    })
    info = with_exercises(pd.DataFrame({"exercise": table.index}), bank).set_index("exercise")
    table = table.join(info[["title", "kind"]])
    return table[columns].sort_values("mean_best_score")


def missed_criteria(attempts: pd.DataFrame) -> pd.DataFrame:
    """How often the room's attempts missed each SMART criterion, most missed first.

    Returns
    -------
    pandas.DataFrame
        Columns ``criterion``, ``letter``, ``misses`` (attempts that missed it) and ``share``
        (misses over all attempts); one row per SMART criterion, even when never missed.
    """
    missed = attempts["missed"].fillna("") if "missed" in attempts else pd.Series(dtype=str)
    counts = {c: int(missed.str.split(",").apply(lambda items, c=c: c in items).sum())
              for c in SMART_CRITERIA} if len(missed) else dict.fromkeys(SMART_CRITERIA, 0)
    total = max(len(attempts), 1)
    table = pd.DataFrame({"criterion": list(counts), "letter": [SMART_LETTERS[c] for c in counts],
                          "misses": list(counts.values())})
    table["share"] = (table["misses"] / total).round(3)
    return table.sort_values(["misses", "criterion"], ascending=[False, True],
                             ignore_index=True)


def best_rewrites(attempts: pd.DataFrame, bank: ExerciseBank | None = None,
                  n: int = 5) -> pd.DataFrame:
    """The best rewrites to discuss: top-scoring distinct written answers.

    Returns
    -------
    pandas.DataFrame
        Columns ``participant``, ``exercise``, ``title``, ``text``, ``score``; at most ``n`` rows.
    """
    columns = ["participant", "exercise", "title", "text", "score"]
    if attempts.empty:
        return pd.DataFrame(columns=columns)
    written = with_exercises(_best_per_participant(attempts), bank)
    written = written[written["kind"].isin(REWRITE_KINDS)]
    written = written.sort_values(["score", "recorded_at"], ascending=[False, False])
    written = written.drop_duplicates("text")
    return written[columns].head(n).reset_index(drop=True)


def export_csv(attempts: pd.DataFrame, path: str | Path) -> Path:
    """Write the attempts to a CSV file (UTF-8, ISO timestamps) and return its path.

    Text cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, a tab) are
    written as text (:func:`okrsim.exports.safe_cell`); the journal keeps what was typed.
    """
    path = Path(path)
    safe_frame_text(attempts).to_csv(path, index=False, date_format="%Y-%m-%dT%H:%M:%S%z")
    return path


def demo_room(path: str | Path, seed: int = 0, participants: int = 18,
              bank: ExerciseBank | None = None, room: str = "") -> Journal:
    """Fill a new journal with a seeded demo room and return it.

    Each participant tries a random selection of exercises; a first attempt is often a typical
    wrong answer or the starter text, later attempts move towards the model answer. Every text
    is graded by the exercise's own checks, so the scores are real.

    Parameters
    ----------
    path : str or Path
        Where to create the journal (a temporary folder, not the repository), or a
        ``postgresql://`` URL.
    seed : int
        Seed of the random choices; the same seed gives the same room.
    participants : int
        Number of participants, 1 to 24.
    bank : ExerciseBank, optional
        The exercises to use; the default bank otherwise.
    room : str
        The room the attempts are recorded in.
    """
    if not 1 <= participants <= len(DEMO_NAMES):
        raise ValueError(f"participants is {participants}; give 1 to {len(DEMO_NAMES)}.")
    bank = bank if bank is not None else load_bank()
    rng = np.random.default_rng(seed)
    journal = Journal(path, room=room)
    graded: dict[tuple[str, str], object] = {}
    exercises = list(bank)
    for name in DEMO_NAMES[:participants]:
        skill = rng.uniform(0.3, 0.9)
        picks = rng.choice(len(exercises), size=min(len(exercises), int(rng.integers(5, 11))),
                           replace=False)
        for index in picks:
            exercise = exercises[int(index)]
            drafts = [*exercise.wrong_answers, exercise.starter]
            drafts = [d for d in drafts if d.strip()]
            tries = int(rng.integers(1, 4))
            for attempt in range(tries):
                good = rng.random() < skill * (attempt + 1) / tries
                text = exercise.model_answer if good or not drafts else \
                    drafts[int(rng.integers(len(drafts)))]
                key = (exercise.id, text)
                if key not in graded:
                    graded[key] = exercise.check(text)
                journal.record_result(name, text, graded[key])
                if good:
                    break
    return journal
