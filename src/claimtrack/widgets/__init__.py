"""Widgets for JupyterLab: thin front ends over the same library calls as the command line.

Desk           the dataset and who is working on it (shared by every panel of a notebook)
ClaimBrowser   a filterable table of claims, with Arabic-aware search
ClaimEditor    every field a checker edits, with problems shown as they type; saves safely
SourcePanel    add a source, record its archive and the sha256 of a stored copy
WorkflowPanel  the allowed moves, the verdict and the publication gate as a checklist
Dashboard      the desk's counts, ageing and throughput as charts, and the quality results
Capture        an article's text to a source and its claims, one by one
NetworkView    the actors and links of a case as a drawing

Needs the 'lab' extra (ipywidgets, pandas, matplotlib).
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "Desk": "session",
    "ClaimBrowser": "browser",
    "ClaimEditor": "editor",
    "SourcePanel": "sources",
    "WorkflowPanel": "workflow",
    "Dashboard": "dashboard",
    "Capture": "capture",
    "NetworkView": "network",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = sorted(_LAZY)
