"""The editorial workflow: transitions as data, the operations that move a claim, and the
publication gate."""

from .gate import GateResult, evaluate, passes
from .operations import (
    add_evidence,
    add_note,
    allowed_targets,
    apply,
    assign,
    change_status,
    correct,
    edit,
    member,
    record_reply,
    review,
    set_verdict,
)
from .transitions import TRANSITIONS, Transition

__all__ = [
    "TRANSITIONS",
    "GateResult",
    "Transition",
    "add_evidence",
    "add_note",
    "allowed_targets",
    "apply",
    "assign",
    "change_status",
    "correct",
    "edit",
    "evaluate",
    "member",
    "passes",
    "record_reply",
    "review",
    "set_verdict",
]
