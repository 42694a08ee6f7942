"""Verdicts: the scale a dataset uses, and the mapping of outside fact-checkers' ratings onto it."""

from .mapping import map_label
from .scale import (
    UNVERIFIED,
    default_scale,
    effective_scale,
    find,
    label_text,
    scale_problems,
)

__all__ = [
    "UNVERIFIED",
    "default_scale",
    "effective_scale",
    "find",
    "label_text",
    "map_label",
    "scale_problems",
]
