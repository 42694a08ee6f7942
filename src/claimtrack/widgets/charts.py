"""Matplotlib figures for the widgets, made without pyplot (no global state, no figure left
open in a long-running kernel) and handed over as PNG bytes for `widgets.Image`."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def new_figure(width: float = 5, height: float = 3) -> tuple[Figure, Axes]:
    """A new figure and its axes; works under any backend, Agg included."""
    from matplotlib.figure import Figure

    made = Figure(figsize=(width, height))
    return made, made.subplots()


def png(made: Figure) -> bytes:
    """A figure as PNG bytes."""
    out = io.BytesIO()
    made.savefig(out, format="png", dpi=96, bbox_inches="tight")
    return out.getvalue()
