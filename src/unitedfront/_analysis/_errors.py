"""The exceptions the analysis functions and the plots raise (defined in ``unitedfront.errors``)."""

from __future__ import annotations

from unitedfront.errors import AnalysisError, MissingFontError

__all__ = ["AnalysisError", "MissingFontError"]
