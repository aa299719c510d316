"""Every user-facing sentence of the kit, per language, and how numbers are written."""

from __future__ import annotations

from okrsim.i18n.sentences import Sentences

__all__ = ["Sentences"]
