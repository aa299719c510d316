"""Rank correlation between sampled inputs, Iman–Conover style (as @RISK and Crystal Ball do).

The marginal samples are kept exactly; only their pairing across columns changes, so that their
rank correlation matches a target matrix.
"""

from __future__ import annotations

import numpy as np

from okrsim.sim.distributions import standard_normal_single


def _cholesky(matrix: np.ndarray) -> np.ndarray:
    """Cholesky factor, nudging a semi-definite matrix to definite when needed."""
    jitter = 0.0
    eye = np.eye(len(matrix))
    while True:
        try:
            return np.linalg.cholesky(matrix + jitter * eye)
        except np.linalg.LinAlgError:
            jitter = max(jitter * 10, 1e-10)
            matrix = matrix / (1 + jitter)
            if jitter > 1e-2:
                raise


def iman_conover(
    columns: np.ndarray, rank_correlation: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Reorder each column of ``columns`` so their rank correlation is close to the target.

    Parameters
    ----------
    columns : numpy.ndarray
        Independent samples, shape ``(n, k)``.
    rank_correlation : numpy.ndarray
        Target Spearman correlation, shape ``(k, k)``, symmetric positive semi-definite.
    rng : numpy.random.Generator
        Source of the normal scores.

    Returns
    -------
    numpy.ndarray
        Same shape and the same values per column, re-paired.
    """
    n, k = columns.shape
    if n < k + 2:
        return columns
    # Pearson correlation of normal scores that yields the wanted Spearman correlation.
    pearson = 2 * np.sin(np.pi * np.asarray(rank_correlation, dtype=float) / 6)
    # One row per input (contiguous sorts); only the scores' ranks matter, so single precision.
    scores = standard_normal_single((k, n), rng)
    own = np.corrcoef(scores)
    mix = _cholesky(pearson) @ np.linalg.inv(_cholesky(own))
    order = np.argsort(mix.astype(np.float32) @ scores, axis=1)
    # The value of rank r goes where the scores have rank r: scatter each sorted column along
    # the sorting permutation of its scores.
    paired = np.empty((k, n), dtype=columns.dtype)
    paired[np.arange(k)[:, None], order] = np.sort(columns.T, axis=1)
    return paired.T


def rank_correlation(x: np.ndarray, y: np.ndarray) -> float:
    """Spearman rank correlation of two samples (average ranks for ties); 0 when constant."""
    rx, ry = _average_ranks(x), _average_ranks(y)
    sx, sy = rx.std(), ry.std()
    if sx == 0 or sy == 0:
        return 0.0
    return float(((rx - rx.mean()) * (ry - ry.mean())).mean() / (sx * sy))


def _average_ranks(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="mergesort")
    sorted_x = x[order]
    # Average the ranks of ties: group equal runs.
    starts = np.r_[True, sorted_x[1:] != sorted_x[:-1]]
    group = np.cumsum(starts) - 1
    first = np.flatnonzero(starts)
    counts = np.diff(np.r_[first, len(x)])
    avg = first + (counts - 1) / 2
    ranks = np.empty(len(x))
    ranks[order] = avg[group]
    return ranks
