"""The workflow as data: which moves exist, who may take them, and what each one needs.

new -> triaged -> researching -> in-review -> published
new, triaged -> rejected (not check-worthy, with a reason)
in-review -> researching (review sends back, with a note)
rejected -> triaged (reconsidered)
published -> researching only through a correction (claimtrack correct)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Role, Status

S = Status


@dataclass(frozen=True, slots=True)
class Transition:
    source: Status
    target: Status
    action: str  # recorded in the history
    role: Role  # the least role allowed: an editor may do what a checker may
    needs_note: bool = False
    needs_assignee: bool = False
    needs_verdict: bool = False
    runs_gate: bool = False
    only_by_correction: bool = False
    help: str = ""


TRANSITIONS: tuple[Transition, ...] = (
    Transition(S.NEW, S.TRIAGED, "triage", Role.CHECKER, help="worth checking"),
    Transition(S.NEW, S.REJECTED, "reject", Role.CHECKER, needs_note=True,
               help="not check-worthy; say why in --note"),
    Transition(S.TRIAGED, S.RESEARCHING, "start-research", Role.CHECKER, needs_assignee=True,
               help="research starts; the claim needs an assignee"),
    Transition(S.TRIAGED, S.REJECTED, "reject", Role.CHECKER, needs_note=True,
               help="not check-worthy; say why in --note"),
    Transition(S.RESEARCHING, S.IN_REVIEW, "submit", Role.CHECKER, needs_verdict=True,
               help="ask an editor to review the verdict"),
    Transition(S.IN_REVIEW, S.RESEARCHING, "send-back", Role.EDITOR, needs_note=True,
               help="review sends it back; say what is missing in --note"),
    Transition(S.IN_REVIEW, S.PUBLISHED, "publish", Role.EDITOR, runs_gate=True,
               help="publish; every rule of the publication gate must pass"),
    Transition(S.REJECTED, S.TRIAGED, "reconsider", Role.EDITOR, needs_note=True,
               help="reconsidered; say why in --note"),
    Transition(S.PUBLISHED, S.RESEARCHING, "correct", Role.EDITOR, needs_note=True,
               only_by_correction=True, help="reopen with a correction (claimtrack correct)"),
)  # fmt: skip


def find(source: Status, target: Status) -> Transition | None:
    return next((t for t in TRANSITIONS if t.source == source and t.target == target), None)


def allowed_from(source: Status) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == source]


def may(role: Role, needed: Role) -> bool:
    return role == Role.EDITOR or needed == Role.CHECKER


def describe_moves(source: Status) -> str:
    moves = allowed_from(source)
    if not moves:
        return f"no move is possible from '{source}'"
    return "; ".join(
        f"{t.target} ({t.help}, by a {t.role} or above)"
        if t.role == Role.CHECKER
        else f"{t.target} ({t.help}, by an editor)"
        for t in moves
    )
