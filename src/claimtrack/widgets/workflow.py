"""The workflow panel: a claim's status and the moves allowed now, assignment, the verdict, the
editor's review, right of reply, corrections, and the publication gate as a checklist.

Every action is a call to `claimtrack.workflow` through `Desk.act`, as the person picked on the
desk, with the same role checks as the command line: the panel holds no rule of its own. It
shows only the moves the claim's status and the person's role allow; a move asked for anyway
(`move`) is refused by the library and the refusal is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

import ipywidgets as widgets
from pydantic import ValidationError

from ..models import Claim, ReplyAttempt, ReplyChannel, ReplyOutcome, Role, Status
from ..problems import ClaimtrackError, Problem
from ..verdicts import UNVERIFIED, label_text
from ..workflow import (
    GateResult,
    allowed_targets,
    apply,
    assign,
    change_status,
    correct,
    evaluate,
    record_reply,
    review,
    set_verdict,
)
from ..workflow.gate import scale_of
from ..workflow.transitions import find, may
from .display import excerpt, table_html, text
from .session import Desk, labelled

# The move in review that the review box offers as "Send back" (with the editor's note).
REVIEW_MOVE = (Status.IN_REVIEW, Status.RESEARCHING)
# A change of one claim, as it is on disk, by the person working.
Change = Callable[[Claim, str], Claim]
BUTTON_TEXT = {
    Status.TRIAGED: "Triage (worth checking)",
    Status.RESEARCHING: "Start research",
    Status.IN_REVIEW: "Submit for review",
    Status.PUBLISHED: "Publish",
    Status.REJECTED: "Reject (not check-worthy)",
}


# The order claims are offered in by the picker: what waits for a decision first.
PICK_ORDER = [
    Status.IN_REVIEW,
    Status.RESEARCHING,
    Status.TRIAGED,
    Status.NEW,
    Status.PUBLISHED,
    Status.REJECTED,
]


def choose(picker: widgets.Dropdown, options: list[tuple[str, str | None]]) -> None:
    """New options for a picker, keeping its value when still offered, else the first one."""
    keep = picker.value
    if list(picker.options) != options:
        picker.options = options
    values = [value for _, value in options]
    picker.value = keep if keep in values else (values[0] if values else None)


class WorkflowPanel(widgets.VBox):
    """The workflow of one claim: `show(claim_id)`, then the moves and edits it allows.

    With `picker=True` the panel starts with a list of the dataset's claims (in review first,
    then researching...) and shows the one picked."""

    def __init__(self, desk: Desk, claim_id: str | None = None, picker: bool = False) -> None:
        self.desk = desk
        self.claim_id: str | None = None
        self._shown: str | None = None  # the claim whose texts the boxes hold
        self._filling = False
        self.picker = picker
        self.claim_picker = widgets.Dropdown(
            options=[], description="Claim", layout=widgets.Layout(width="90%")
        )
        self.claim_picker.add_class("ct-claim-picker")
        self.claim_picker.layout.display = None if picker else "none"
        self._fill_picker()
        self.claim_picker.observe(self._picked, names="value")
        self.summary = widgets.HTML()
        self.moves = widgets.HBox()
        self.transition_buttons: dict[str, widgets.Button] = {}
        self.note = widgets.Textarea(
            placeholder="Note: why (needed to reject, send back or reconsider)",
            layout=widgets.Layout(width="100%", height="4em"),
        )
        self.note.add_class("ct-note")

        self.assignee = labelled("Assign to", widgets.Dropdown(options=self._team_options()))
        self.assign_button = widgets.Button(description="Assign", icon="user")
        self.assign_button.add_class("ct-assign")
        self.assign_button.on_click(lambda _: self.assign(self.assignee.value))

        self.verdict = labelled("Verdict", widgets.Dropdown(options=self._verdict_options()))
        self.rationale = widgets.Textarea(
            placeholder="Rationale: why this verdict, from the evidence (published)",
            layout=widgets.Layout(width="100%", height="6em"),
        )
        self.rationale.add_class("ct-rationale")
        self.verdict_button = widgets.Button(description="Set verdict", icon="gavel")
        self.verdict_button.add_class("ct-verdict")
        self.verdict_button.on_click(
            lambda _: self.set_verdict(self.verdict.value, self.rationale.value)
        )

        self.approve_button = widgets.Button(
            description="Approve", button_style="success", icon="check"
        )
        self.approve_button.add_class("ct-approve")
        self.approve_button.on_click(lambda _: self.approve())
        self.send_back_button = widgets.Button(
            description="Send back", button_style="warning", icon="undo"
        )
        self.send_back_button.add_class("ct-send-back")
        self.send_back_button.on_click(lambda _: self.send_back(self.note.value))
        self.review_box = widgets.VBox(
            [
                widgets.HTML("<b>Review (editors)</b>: approve, or send back with a note above"),
                widgets.HBox([self.approve_button, self.send_back_button]),
            ]
        )

        self.reply_actor = labelled("Contacted", widgets.Dropdown(options=[]))
        self.reply_channel = labelled(
            "Channel", widgets.Dropdown(options=[c.value for c in ReplyChannel])
        )
        self.reply_outcome = labelled(
            "Outcome", widgets.Dropdown(options=[o.value for o in ReplyOutcome])
        )
        self.reply_deadline = labelled(
            "Deadline", widgets.Text(placeholder="2025-04-20T18:00:00+01:00 (optional)")
        )
        self.reply_summary = labelled(
            "Answer", widgets.Text(placeholder="what they answered, for publication (no names)")
        )
        self.reply_button = widgets.Button(description="Record reply", icon="phone")
        self.reply_button.add_class("ct-reply")
        self.reply_button.on_click(
            lambda _: self.record_reply(
                self.reply_actor.value,
                self.reply_channel.value,
                self.reply_outcome.value,
                self.reply_deadline.value or None,
                self.reply_summary.value or None,
            )
        )
        self.reply_box = widgets.VBox(
            [
                widgets.HTML("<b>Right of reply</b>"),
                self.reply_actor,
                widgets.HBox([self.reply_channel, self.reply_outcome]),
                self.reply_deadline,
                self.reply_summary,
                self.reply_button,
            ]
        )

        self.correction_what = labelled("What changes", widgets.Text())
        self.correction_why = labelled("Why", widgets.Text())
        self.correct_button = widgets.Button(
            description="Reopen with a correction", button_style="danger", icon="pencil"
        )
        self.correct_button.add_class("ct-correct")
        self.correct_button.on_click(
            lambda _: self.correct(self.correction_what.value, self.correction_why.value)
        )
        self.correction_box = widgets.VBox(
            [
                widgets.HTML("<b>Correction</b> (public; the claim goes back to research)"),
                self.correction_what,
                self.correction_why,
                self.correct_button,
            ]
        )

        self.gate_html = widgets.HTML()
        self.gate: list[GateResult] = []
        self.research_box = widgets.VBox(
            [
                widgets.HBox([self.assignee, self.assign_button]),
                self.verdict,
                self.rationale,
                self.verdict_button,
            ]
        )
        super().__init__(
            [
                self.claim_picker,
                self.summary,
                self.moves,
                self.note,
                self.research_box,
                self.review_box,
                self.reply_box,
                self.correction_box,
                self.gate_html,
            ]
        )
        self.add_class("ct-workflow")
        desk.on_reload(self.refresh)
        desk.user_picker.observe(lambda _: self.refresh(), names="value")
        if claim_id is None and picker and self.claim_picker.options:
            claim_id = self.claim_picker.options[0][1]
        if claim_id:
            self.show(claim_id)
        else:
            self.refresh()

    # What the panel shows --------------------------------------------------------------

    @property
    def claim(self) -> Claim | None:
        loaded = self.desk.dataset.claim(self.claim_id) if self.claim_id else None
        return loaded.record if loaded else None

    @property
    def allowed(self) -> list[str]:
        """The target statuses of the move buttons shown now."""
        return list(self.transition_buttons)

    def show(self, claim_id: str | None) -> None:
        """Show the claim with this id (None shows nothing)."""
        self.claim_id = claim_id or None
        if claim_id and self.claim is None:
            self.desk.show_error(
                Problem("unknown-claim", f"no claim has the id '{claim_id}'", str(self.desk.root))
            )
            self.claim_id = None
        if self.claim_picker.value != self.claim_id and self.claim_id in self._picker_ids():
            self.claim_picker.value = self.claim_id
        self.refresh()

    def refresh(self) -> None:
        """Redraw from the dataset as loaded now (called after every reload of the desk)."""
        choose(self.assignee, self._team_options())
        choose(self.verdict, self._verdict_options())
        self._fill_picker()
        claim = self.claim
        if claim is None:
            self.summary.value = "<i>No claim selected.</i>"
            self._buttons(None, [])
            self.gate = []
            self.gate_html.value = ""
            for box in (self.research_box, self.review_box, self.reply_box, self.correction_box):
                box.layout.display = "none"
            return
        self.summary.value = self._summary_html(claim)
        self._buttons(Status(claim.status), self._moves_for(claim))
        status = Status(claim.status)
        self.research_box.layout.display = (
            None if status in (Status.TRIAGED, Status.RESEARCHING, Status.IN_REVIEW) else "none"
        )
        self.verdict_button.disabled = status not in (Status.RESEARCHING, Status.IN_REVIEW)
        if claim.assignee:
            self.assignee.value = claim.assignee
        if claim.id != self._shown:  # another claim: nothing typed for the last one stays
            self._shown = claim.id
            self.note.value = ""
            self.rationale.value = claim.rationale or ""
            self.correction_what.value = self.correction_why.value = ""
            self.reply_summary.value = self.reply_deadline.value = ""
        if claim.verdict != UNVERIFIED and claim.verdict in {v for _, v in self.verdict.options}:
            self.verdict.value = claim.verdict
        self.review_box.layout.display = None if status == Status.IN_REVIEW else "none"
        self.correction_box.layout.display = None if status == Status.PUBLISHED else "none"
        self.reply_box.layout.display = None if claim.subjects else "none"
        choose(self.reply_actor, [(self._actor_label(s), s) for s in claim.subjects])
        self.gate = evaluate(self.desk.dataset, claim)
        self.gate_html.value = self._gate_html(self.gate)

    def _moves_for(self, claim: Claim) -> list[Status]:
        """The moves the claim's status allows, kept to those the person's role allows."""
        role = self._role()
        moves = []
        for target in allowed_targets(claim):
            move = find(Status(claim.status), target)
            if move is None or (Status(claim.status), target) == REVIEW_MOVE:
                continue
            if role is None or may(role, move.role):
                moves.append(target)
        return moves

    def _buttons(self, source: Status | None, targets: list[Status]) -> None:
        self.transition_buttons = {}
        for target in targets:
            move = find(source, target) if source else None
            needs = " (needs a note)" if move and move.needs_note else ""
            button = widgets.Button(
                description=BUTTON_TEXT.get(target, f"Move to {target}"),
                button_style="danger" if target == Status.REJECTED else "primary",
                tooltip=f"{target}: {move.help if move else ''}{needs}",
                layout=widgets.Layout(width="auto"),
            )
            button.add_class(f"ct-move-{target}")
            button.on_click(lambda _, t=target: self.move(t))
            self.transition_buttons[str(target)] = button
        self.moves.children = list(self.transition_buttons.values())

    def _summary_html(self, claim: Claim) -> str:
        scale = scale_of(self.desk.dataset)
        verdict = label_text(scale, claim.verdict, self.desk.language)
        rows = [
            ["Status", str(claim.status)],
            ["Assignee", claim.assignee or "nobody yet"],
            ["Reviewer", claim.reviewer or "not reviewed"],
            ["Verdict", verdict],
        ]
        # A claim is never shown as a fact: the statement is what someone claims, quoted.
        quote = "border-left:3px solid #ccc;margin:4px 0;padding:2px 8px"
        statement = (
            f'<blockquote dir="auto" lang="{escape(claim.language)}" style="{quote}">'
            f"{escape(excerpt(claim.statement, 400))}</blockquote>"
        )
        language = self.desk.language
        translation = claim.translations.get(language) if language != claim.language else None
        if translation:
            statement += (
                f'<div style="color:#555">{language}: {text(excerpt(translation, 400))}</div>'
            )
        return (
            f"<div class='ct-claim-summary'><b>{text(claim.id)}</b>: "
            f"{text(claim.claimant.label)} claims{statement}</div>" + table_html(["", ""], rows)
        )

    def _gate_html(self, results: list[GateResult]) -> str:
        rows = [
            [
                "<span style='color:#1b5e20'>✓</span>"
                if r.met
                else "<span style='color:#b00020'>✗</span>",
                text(r.rule, "b"),
                text("met" if r.met else r.message),
            ]
            for r in results
        ]
        passed = sum(r.met for r in results)
        return (
            f"<div class='ct-gate'><b>Publication gate</b>: {passed} of {len(results)} rules met"
            + table_html(["", "rule", "what to do"], rows, raw=True)
            + "</div>"
        )

    # Actions ---------------------------------------------------------------------------

    def move(self, target: Status | str, note: str | None = None) -> Claim | None:
        """Move the claim to `target` with the note given (else the note box's text)."""
        claim = self.claim
        if claim is None:
            return self._nothing_selected()
        target = Status(target)
        note = note if note is not None else (self.note.value.strip() or None)
        move = find(Status(claim.status), target)
        role = move.role if move else Role.CHECKER
        done = self._act(
            lambda c, by: change_status(self.desk.dataset, c, target, by, note),
            role,
            f"{claim.id}: {claim.status} -> {target}",
        )
        if done is not None:
            self.note.value = ""
        return done

    def assign(self, name: str | None) -> Claim | None:
        claim = self.claim
        if claim is None:
            return self._nothing_selected()
        return self._act(
            lambda c, by: assign(self.desk.dataset, c, name or "", by),
            Role.CHECKER,
            f"{claim.id}: assigned to {name}",
        )

    def set_verdict(self, label_id: str | None, rationale: str) -> Claim | None:
        claim = self.claim
        if claim is None:
            return self._nothing_selected()
        if not label_id:
            self.desk.show_error(
                Problem("no-verdict", "pick a verdict from the scale", claim.id, field="/verdict")
            )
            return None
        return self._act(
            lambda c, by: set_verdict(self.desk.dataset, c, label_id or "", rationale, by),
            Role.CHECKER,
            f"{claim.id}: verdict {label_id}",
        )

    def approve(self, note: str | None = None) -> Claim | None:
        claim = self.claim
        if claim is None:
            return self._nothing_selected()
        note = note if note is not None else (self.note.value.strip() or None)
        return self._act(
            lambda c, by: review(self.desk.dataset, c, "approve", by, note),
            Role.EDITOR,
            f"{claim.id}: approved; it can be published once every rule of the gate is met",
        )

    def send_back(self, note: str | None = None) -> Claim | None:
        claim = self.claim
        if claim is None:
            return self._nothing_selected()
        note = note if note is not None else (self.note.value.strip() or None)
        done = self._act(
            lambda c, by: review(self.desk.dataset, c, "send-back", by, note),
            Role.EDITOR,
            f"{claim.id}: sent back to research",
        )
        if done is not None:
            self.note.value = ""
        return done

    def correct(self, what: str, why: str) -> Claim | None:
        claim = self.claim
        if claim is None:
            return self._nothing_selected()
        done = self._act(
            lambda c, by: correct(self.desk.dataset, c, by, what, why),
            Role.EDITOR,
            f"{claim.id}: reopened for a correction",
        )
        if done is not None:
            self.correction_what.value = self.correction_why.value = ""
        return done

    def record_reply(
        self,
        actor_id: str | None,
        channel: str,
        outcome: str,
        deadline: str | datetime | None = None,
        summary: str | None = None,
    ) -> Claim | None:
        """Record a right-of-reply attempt to a subject of the claim, contacted now."""
        claim = self.claim
        if claim is None:
            return self._nothing_selected()
        try:
            by = self.desk.whoami(Role.CHECKER)
        except ClaimtrackError as exc:
            self.desk.show_error(exc.problem)
            return None
        try:
            attempt = ReplyAttempt.model_validate(
                {
                    "actor": actor_id,
                    "contacted": datetime.now().astimezone().replace(microsecond=0),
                    "channel": channel,
                    "by": by,
                    "outcome": outcome,
                    "deadline": deadline or None,
                    "summary": summary or None,
                }
            )
        except ValidationError as exc:
            error = exc.errors(include_url=False)[0]
            where = "/".join(str(step) for step in error["loc"])
            self.desk.show_error(
                Problem("invalid-reply", error["msg"], claim.id, field=f"/right_of_reply/{where}")
            )
            return None
        return self._act(
            lambda c, who: record_reply(self.desk.dataset, c, attempt, who),
            Role.CHECKER,
            f"{claim.id}: right of reply to {self._actor_label(attempt.actor)} recorded "
            f"({attempt.outcome})",
        )

    # Helpers ---------------------------------------------------------------------------

    def _act(self, change: Change, role: Role, done: str) -> Claim | None:
        """Run `change(claim, by)` on the claim as it is on disk, as the person working (who
        must hold `role`), and save it."""
        claim_id = self.claim_id
        assert claim_id is not None
        dataset = self.desk.dataset

        def action() -> Claim:
            by = self.desk.whoami(role)
            return apply(dataset, claim_id, lambda c: change(c, by))

        return self.desk.act(action, done)

    def _nothing_selected(self) -> None:
        self.desk.show_error(Problem("no-claim", "pick a claim first", str(self.desk.root)))
        return None

    def _fill_picker(self) -> None:
        if not self.picker:  # a panel that follows another widget's choice lists nothing
            return
        rank = {str(status): place for place, status in enumerate(PICK_ORDER)}
        claims = sorted(
            (loaded.record for loaded in self.desk.dataset.claims),
            key=lambda c: (rank[str(c.status)], c.id),
        )
        options = [(f"{c.status} · {c.id}", c.id) for c in claims]
        if options != list(self.claim_picker.options):
            current = self.claim_id
            self._filling = True
            try:
                self.claim_picker.options = options
                self.claim_picker.value = current if current in {i for _, i in options} else None
            finally:
                self._filling = False

    def _picked(self, change: dict[str, object]) -> None:
        if not self._filling and change["new"] != self.claim_id:
            self.show(change["new"])  # type: ignore[arg-type]

    def _picker_ids(self) -> set[str]:
        return {claim_id for _, claim_id in self.claim_picker.options}

    def _role(self) -> Role | None:
        roles = dict(self.desk.team)
        role = roles.get(self.desk.user or "")
        return Role(role) if role else None

    def _team_options(self) -> list[tuple[str, str]]:
        return [(f"{name} ({role})", name) for name, role in self.desk.team]

    def _verdict_options(self) -> list[tuple[str, str | None]]:
        """The scale's labels in the desk's language, after an empty choice: no verdict is
        picked for the person."""
        scale = scale_of(self.desk.dataset)
        language = self.desk.language
        return [("(pick a verdict)", None)] + [
            (label_text(scale, label.id, language), label.id)
            for label in scale.labels
            if label.id != UNVERIFIED
        ]

    def _actor_label(self, actor_id: str) -> str:
        loaded = self.desk.dataset.actor(actor_id)
        return loaded.record.label if loaded else actor_id
