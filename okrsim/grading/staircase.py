"""The SMART staircase: the source article's onboarding goal, improved one letter at a time.

The steps (S, then +M, +A, +R, +T) are paraphrases of the article's example, kept in
``okrsim/data/smart_staircase.yaml`` so that the notebooks show and the tests check the same text.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from okrsim.errors import OkrsimError

LANGUAGES = ("en", "it")


@lru_cache(maxsize=1)
def _steps() -> dict[str, list[dict[str, str]]]:
    text = resources.files("okrsim").joinpath("data/smart_staircase.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def staircase(lang: str = "en") -> dict[str, str]:
    """Return the staircase's steps in order, as ``{"S": text, "M": text, ...}``.

    Parameters
    ----------
    lang : {"en", "it"}
        Language of the steps.

    Returns
    -------
    dict of str to str
        Step letter to the full statement at that step; each step adds one SMART letter.

    Examples
    --------
    >>> list(staircase("en"))
    ['S', 'M', 'A', 'R', 'T']
    """
    if lang not in LANGUAGES:
        raise OkrsimError(f"The staircase exists in {' and '.join(LANGUAGES)}; got {lang!r}.")
    return {step["step"]: " ".join(step["text"].split()) for step in _steps()[lang]}
