"""The claim editor: every field a checker edits, checked as they type, saved safely.

`open(claim_id)` reads the claim's file through the store (`open_document`) and keeps that
document: a save is refused when the file changed on disk since, and the editor then offers to
reload it, never overwriting silently. On every change the editor builds the claim the fields
describe and runs `check_draft` (the model's rules and the dataset's rules for one claim); each
problem is shown under the group of fields its pointer names (`/evidence/0/source` under the
evidence), and Save stays disabled while there is an error.

Status and verdict are shown, not edited: they change only through the workflow panel. Notes
are append-only: the existing ones are read-only, a new one is added on save. Actors are picked
and shown by their public label, never by a private name. The claims most similar to the one
opened are computed once on open (`claimtrack.matching.similar`), not per keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from pydantic import ValidationError

from ..authoring import now
from ..checks.draft import check_draft
from ..models import Category, Claim, ReplyChannel, ReplyOutcome, Role
from ..problems import ClaimtrackError, Problem, Severity
from ..store import Document, Loaded, open_document, plain, save_document
from ..verdicts import label_text
from ..workflow import edit
from ..workflow.gate import scale_of
from ..workflow.operations import EDITABLE
from .display import excerpt, problem_html, problems_html, table_html, text
from .session import Desk, labelled

# The groups of fields, in the order shown (the fields an edit may change); each has a place
# for its problems.
GROUPS = EDITABLE
WIDE = widgets.Layout(width="95%")
NONE = "(none)"


def _typed(new: str, old: Any) -> str:
    """A text as typed: the stored one when unchanged (block scalars keep their newline),
    else without surrounding spaces."""
    return old if isinstance(old, str) and new == old else new.strip()


def _choose(dropdown: widgets.Dropdown, options: list[tuple[str, Any]], value: Any) -> None:
    """Set a picker's options and value; a value it does not offer (an unknown id written in
    the file) is kept as an extra option, so the problem it causes can be shown and fixed."""
    options = [(o, o) if isinstance(o, str) else o for o in options]
    if value is not None and value not in {v for _, v in options}:
        options = [*options, (f"⚠ unknown: {value}", value)]
    if list(dropdown.options) != options:
        dropdown.options = options
    dropdown.value = value


class RowList(widgets.VBox):
    """Rows of fields with add and remove buttons (appearances, evidence, replies).

    `rows` holds one dict per row, field name -> widget; `values()` their values. Rows removed
    are kept and reused, so opening claim after claim does not rebuild pickers of thousands of
    sources."""

    def __init__(
        self,
        make: Callable[[], dict[str, widgets.Widget]],
        changed: Callable[[], None],
        what: str,
    ):
        self.make = make
        self.changed = changed
        self.rows: list[dict[str, widgets.Widget]] = []
        self._spare: list[dict[str, widgets.Widget]] = []
        self._boxes: dict[int, tuple[widgets.VBox, widgets.HTML]] = {}
        self._defaults: dict[str, Any] = {}
        self._quiet = False
        self.add_button = widgets.Button(description=f"Add {what}", icon="plus")
        self.add_button.add_class(f"ct-add-{what.replace(' ', '-')}")
        self.add_button.on_click(lambda _: self.add())
        self.box = widgets.VBox()
        super().__init__([self.box, self.add_button])

    def add(self, **values: Any) -> dict[str, widgets.Widget]:
        """A new row, its fields set from `values` (field name -> value), others empty."""
        if self._spare:
            row = self._spare.pop()
        else:
            row = self.make()
            self._defaults = self._defaults or {n: w.value for n, w in row.items()}
            for widget in row.values():
                widget.observe(self._row_changed, names="value")
        self._quiet = True
        try:
            for name, widget in row.items():
                value = values.get(name, self._defaults.get(name))
                if isinstance(widget, widgets.Dropdown):
                    _choose(widget, list(widget.options), value)
                else:
                    widget.value = value
        finally:
            self._quiet = False
        self.rows.append(row)
        self._redraw()
        self.changed()
        return row

    def remove(self, index: int) -> None:
        self._spare.append(self.rows.pop(index))
        self._redraw()
        self.changed()

    def clear(self) -> None:
        self._spare += reversed(self.rows)
        self.rows = []
        self._redraw()

    def _row_changed(self, _change: object) -> None:
        if not self._quiet:
            self.changed()

    def values(self) -> list[dict[str, Any]]:
        return [{name: w.value for name, w in row.items()} for row in self.rows]

    def place(self, index: int) -> widgets.HTML:
        """Where the problems of row `index` are shown, under the row."""
        return self._box(self.rows[index])[1]

    def _box(self, row: dict[str, widgets.Widget]) -> tuple[widgets.VBox, widgets.HTML]:
        """The row's box, made once per row and kept while the row is reused."""
        if id(row) not in self._boxes:
            remove = widgets.Button(icon="trash", tooltip="remove", layout={"width": "3em"})
            remove.on_click(lambda _: self.remove(self.rows.index(row)))
            place = widgets.HTML()
            fields = widgets.HBox([*row.values(), remove], layout={"flex_flow": "wrap"})
            box = widgets.VBox([fields, place], layout={"border_bottom": "1px solid #eee"})
            self._boxes[id(row)] = (box, place)
        return self._boxes[id(row)]

    def _redraw(self) -> None:
        self.box.children = [self._box(row)[0] for row in self.rows]


class ClaimEditor(widgets.VBox):
    """One claim's editable fields: `open(claim_id)`, edit, `save()`."""

    def __init__(self, desk: Desk):
        self.desk = desk
        self.document: Document | None = None
        self.loaded: Loaded[Claim] | None = None
        self.problems: list[Problem] = []
        self.similar: list[Any] = []  # claimtrack.matching.Match, best first
        self._base: dict[str, Any] = {}  # the claim as on disk, as written (plain)
        self._filling = False
        self._pending: str | None = None  # the claim asked for while changes were not saved

        self.title = widgets.HTML("<i>No claim open: pick one in the browser.</i>")
        self.fields: dict[str, Any] = {
            "statement": widgets.Textarea(layout=widgets.Layout(width="95%", height="5em")),
            "language": labelled("Language", widgets.Text(placeholder="ar, fr, en, ar-MA")),
            "category": labelled("Category", widgets.Dropdown(options=[c.value for c in Category])),
            "claimant": labelled(
                "Claimant", widgets.Text(placeholder="who asserts it, e.g. unnamed sources")
            ),
            "claimant_actor": labelled("Claimant actor", widgets.Dropdown(options=[(NONE, None)])),
            "subjects": labelled("About", widgets.SelectMultiple(options=[], rows=5, layout=WIDE)),
            "note": widgets.Textarea(
                placeholder="Add a research note (internal, never published; saved with the claim)",
                layout=widgets.Layout(width="95%", height="4em"),
            ),
        }
        self.fields["statement"].description = "Statement"
        self.translations: dict[str, widgets.Textarea] = {}
        self.translations_box = widgets.VBox()
        for name, widget in self.fields.items():
            widget.add_class(f"ct-field-{name.replace('_', '-')}")
            widget.observe(lambda _: self.check(), names="value")
        self.appearances = RowList(self._appearance_row, self.check, "appearance")
        self.evidence = RowList(self._evidence_row, self.check, "evidence")
        self.right_of_reply = RowList(self._reply_row, self.check, "reply attempt")
        self.notes_html = widgets.HTML()
        self.places = {group: widgets.HTML() for group in GROUPS}
        self.summary = widgets.HTML()
        self.summary.add_class("ct-editor-problems")
        self.similar_html = widgets.HTML()
        self.similar_html.add_class("ct-similar")

        self.save_button = widgets.Button(
            description="Save", button_style="primary", icon="save", disabled=True
        )
        self.save_button.add_class("ct-save")
        self.save_button.on_click(lambda _: self.save())
        self.status = widgets.HTML()  # the outcome of the last save, next to the button
        self.status.add_class("ct-save-status")
        self.reload_button = widgets.Button(
            description="Reload from disk", button_style="warning", icon="refresh"
        )
        self.reload_button.add_class("ct-reload")
        self.reload_button.on_click(lambda _: self.reload_from_disk())
        self.stale_html = widgets.HTML()
        self.stale_box = widgets.HBox(
            [self.stale_html, self.reload_button], layout=widgets.Layout(display="none")
        )
        self.stale_box.add_class("ct-stale")

        def group(title: str, *children: widgets.Widget, place: str) -> widgets.VBox:
            return widgets.VBox([widgets.HTML(f"<b>{title}</b>"), *children, self.places[place]])

        self.form = widgets.VBox(
            [
                group("Statement (verbatim)", self.fields["statement"], place="statement"),
                group("Language", self.fields["language"], place="language"),
                group("Translations", self.translations_box, place="translations"),
                group("Category", self.fields["category"], place="category"),
                group(
                    "Claimant",
                    self.fields["claimant"],
                    self.fields["claimant_actor"],
                    place="claimant",
                ),
                group("Subjects (actors it is about)", self.fields["subjects"], place="subjects"),
                group("Appearances", self.appearances, place="appearances"),
                group("Evidence", self.evidence, place="evidence"),
                group("Notes", self.notes_html, self.fields["note"], place="notes"),
                group("Right of reply", self.right_of_reply, place="right_of_reply"),
            ],
            layout=widgets.Layout(display="none"),
        )
        super().__init__(
            [
                self.title,
                self.form,
                self.summary,
                widgets.HBox([self.save_button, self.status]),
                self.stale_box,
                self.similar_html,
            ]
        )
        self.add_class("ct-editor")
        desk.on_reload(self._reloaded)
        self._refresh_pickers()

    # Public API -----------------------------------------------------------------------

    @property
    def claim_id(self) -> str | None:
        return self.document.record.id if self.document else None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == Severity.ERROR]

    def open(self, claim_id: str | None = None) -> bool:  # type: ignore[override]
        """Open a claim for editing. With changes not saved in the claim open, the first call
        refuses and says so; a second call for the same claim drops those changes.

        Without an id this is ipywidgets' own `Widget.open` (it opens the widget's comm)."""
        if claim_id is None:
            super().open()
            return True
        if claim_id != self.claim_id and self._pending != claim_id and self.dirty:
            self._pending = claim_id  # asked twice: what was typed is dropped
            self.desk.show(
                "error",
                f"{self.claim_id} has changes not saved: save them, or open {claim_id} again "
                "to drop them",
            )
            self.status.value = self.desk.messages.value
            return False
        self._pending = None
        loaded = self.desk.dataset.claim(claim_id)
        if loaded is None:
            self.desk.show_error(
                Problem("unknown-claim", f"no claim has the id '{claim_id}'", str(self.desk.root))
            )
            return False
        try:
            document = open_document(loaded.path, "claim", loaded.display)
        except ClaimtrackError as exc:
            self.desk.show_error(exc.problem)
            return False
        self.document, self.loaded = document, loaded
        self._base = plain(document.record)
        self._fill(document.record)
        self.stale_box.layout.display = "none"
        self.status.value = ""
        self.form.layout.display = None
        self.check()
        # Last: the form is filled and checked before the slowest part, on large datasets.
        self.similar = self._similar(document.record)
        self.similar_html.value = self._similar_html()
        return True

    def draft(self, by: str | None = None) -> dict[str, Any]:
        """The claim the fields describe, as plain data (what check_draft and save take)."""
        base = self._base
        f = self.fields
        data = dict(base)
        data["statement"] = _typed(f["statement"].value, base.get("statement"))
        data["language"] = f["language"].value.strip()
        old_translations = base.get("translations", {})
        translations = {
            tag: _typed(area.value, old_translations.get(tag))
            for tag, area in self.translations.items()
            if area.value.strip()
        }
        data["translations"] = {
            **{t: translations[t] for t in old_translations if t in translations},
            **{t: v for t, v in translations.items() if t not in old_translations},
        }
        data["category"] = f["category"].value
        claimant: dict[str, Any] = {
            "label": _typed(f["claimant"].value, base.get("claimant", {}).get("label"))
        }
        if f["claimant_actor"].value:
            claimant["actor"] = f["claimant_actor"].value
        data["claimant"] = claimant
        chosen = list(f["subjects"].value)
        before = [s for s in base.get("subjects", []) if s in chosen]
        data["subjects"] = before + [s for s in chosen if s not in before]
        data["appearances"] = [self._appearance(row) for row in self.appearances.values()]
        data["evidence"] = [self._evidence(row) for row in self.evidence.values()]
        data["right_of_reply"] = [self._reply(row) for row in self.right_of_reply.values()]
        note = f["note"].value.strip()
        if note:
            who = by or self.desk.user or "(nobody)"
            entry = {"time": now().isoformat(), "by": who, "text": note}
            data["notes"] = [*base.get("notes", []), entry]
        return {k: v for k, v in data.items() if v not in ([], {})}

    def check(self) -> list[Problem]:
        """Check the fields now; show each problem by its field; enable Save when none is an
        error. Returns the problems."""
        if self._filling or self.loaded is None:
            return self.problems
        loaded = self.loaded
        _, problems = check_draft(
            self.desk.dataset, self.draft(), loaded.path, loaded.display, loaded.case
        )
        self._show(problems)
        return problems

    @property
    def dirty(self) -> bool:
        """Whether the fields differ from the claim as opened."""
        if self.document is None:
            return False
        try:
            return bool(Claim.model_validate(self.draft()) != self.document.record)
        except ValidationError:
            return True

    def save(self) -> bool:
        """Write the claim as the fields describe it, as the person working; True if the file
        now holds it. The outcome is shown on the desk and next to the Save button."""
        saved = self._save()
        self.status.value = self.desk.messages.value
        return saved

    def _save(self) -> bool:
        if self.document is None or self.loaded is None:
            self.desk.show_error(Problem("no-claim", "open a claim first"))
            return False
        try:
            by = self.desk.whoami(Role.CHECKER)
        except ClaimtrackError as exc:
            self.desk.show_error(exc.problem)
            return False
        if self.check() and self.errors:
            count = len(self.errors)
            self.desk.show(
                "error", f"not saved: {count} problem{'s' * (count > 1)} to fix, shown by field"
            )
            return False
        if not self.dirty:
            self.desk.show("info", "nothing to save: no field changed")
            return True
        try:
            claim = edit(
                self.desk.dataset, self.document.record, Claim.model_validate(self.draft(by)), by
            )
            self.document = save_document(self.document, claim)
        except ClaimtrackError as exc:
            if exc.problem.code == "stale-file":
                self._stale(exc.problem)
            else:
                self._show([*self.problems, exc.problem])
                self.desk.show_error(exc.problem)
            return False
        self._base = plain(claim)
        self._filling = True
        self.fields["note"].value = ""
        self._filling = False
        self.notes_html.value = self._notes_html(claim)
        self.desk.reload()
        self.desk.show("ok", f"saved {self.loaded.display} as {by}")
        return True

    def reload_from_disk(self) -> bool:
        """Drop what was typed and open the claim as it is on disk now."""
        claim_id = self.claim_id
        if claim_id is None:
            return False
        self.desk.reload()
        if self.claim_id == claim_id and self.stale_box.layout.display == "none":
            opened = True  # the reload already reopened it (nothing was typed)
        else:
            opened = self.open(claim_id)
        if opened:
            self.desk.show("info", f"reloaded {claim_id} from disk; apply your change again")
            self.status.value = self.desk.messages.value
        return opened

    # Filling the fields ---------------------------------------------------------------

    def _fill(self, claim: Claim) -> None:
        self._filling = True
        try:
            self._refresh_pickers()
            f = self.fields
            f["statement"].value = claim.statement
            f["language"].value = claim.language
            f["category"].value = str(claim.category)
            f["claimant"].value = claim.claimant.label
            _choose(f["claimant_actor"], self._actor_options(), claim.claimant.actor)
            subjects = self._actor_options()[1:]
            known = {v for _, v in subjects}
            extra = [(f"⚠ unknown: {s}", s) for s in claim.subjects if s not in known]
            f["subjects"].options = subjects + extra
            f["subjects"].value = tuple(claim.subjects)
            f["note"].value = ""
            self._fill_translations(claim)
            self.appearances.clear()
            for a in self._base.get("appearances", []):
                self.appearances.add(
                    source=a["source"], quote=a.get("quote", ""), date=str(a.get("date", ""))
                )
            self.evidence.clear()
            for e in self._base.get("evidence", []):
                self.evidence.add(source=e["source"], shows=e["shows"])
            self.right_of_reply.clear()
            for r in self._base.get("right_of_reply", []):
                self.right_of_reply.add(
                    **{k: r.get(k) or "" for k in ("contacted", "by", "deadline", "summary")},
                    actor=r["actor"],
                    channel=r["channel"],
                    outcome=r.get("outcome", "pending"),
                )
            self.notes_html.value = self._notes_html(claim)
            self.title.value = self._title_html(claim)
        finally:
            self._filling = False

    def _fill_translations(self, claim: Claim) -> None:
        settings = self.desk.dataset.settings
        own = claim.language.split("-")[0].lower()
        tags = [t for t in (settings.languages if settings else []) if t != own]
        tags += [t for t in claim.translations if t not in tags]
        for tag in tags:
            if tag not in self.translations:
                area = widgets.Textarea(
                    description=tag, layout=widgets.Layout(width="95%", height="3.5em")
                )
                area.add_class(f"ct-field-translation-{tag}")
                area.observe(lambda _: self.check(), names="value")
                self.translations[tag] = area
        for tag, area in self.translations.items():
            area.value = claim.translations.get(tag, "")
        self.translations_box.children = [self.translations[t] for t in tags]

    def _refresh_pickers(self) -> None:
        """Pickers offer the dataset's sources, actors and team as loaded now."""
        actors = self._actor_options()
        field = self.fields["claimant_actor"]
        _choose(field, actors, field.value)
        for rows, name, options in (
            (self.appearances, "source", self._source_options()),
            (self.evidence, "source", self._source_options()),
            (self.right_of_reply, "actor", actors[1:]),
        ):
            for row in rows.rows:
                _choose(row[name], options, row[name].value)

    def _source_options(self) -> list[tuple[str, Any]]:
        def compute() -> list[tuple[str, Any]]:
            sources = sorted(
                (f"{excerpt(s.record.title, 50)} ({s.record.id})", s.record.id)
                for s in self.desk.dataset.sources
            )
            return [("(pick a source)", None), *sources]

        return list(self.desk.dataset.derived("editor:sources", compute))

    def _actor_options(self) -> list[tuple[str, Any]]:
        def compute() -> list[tuple[str, Any]]:
            actors = sorted((a.record.label, a.record.id) for a in self.desk.dataset.actors)
            return [(NONE, None), *actors]

        return list(self.desk.dataset.derived("editor:actors", compute))

    def _appearance_row(self) -> dict[str, widgets.Widget]:
        return {
            "source": widgets.Dropdown(options=self._source_options(), description="Source"),
            "quote": widgets.Textarea(placeholder="the passage, verbatim", layout=WIDE),
            "date": widgets.Text(placeholder="2025-04-09", description="Date"),
        }

    def _evidence_row(self) -> dict[str, widgets.Widget]:
        return {
            "source": widgets.Dropdown(options=self._source_options(), description="Source"),
            "shows": widgets.Textarea(placeholder="what this source shows", layout=WIDE),
        }

    def _reply_row(self) -> dict[str, widgets.Widget]:
        team = [name for name, _ in self.desk.team]
        return {
            "actor": widgets.Dropdown(options=self._actor_options()[1:], description="Actor"),
            "contacted": widgets.Text(placeholder="2025-04-12T10:00:00+01:00", description="When"),
            "channel": widgets.Dropdown(
                options=[c.value for c in ReplyChannel], description="Channel"
            ),
            "by": widgets.Combobox(options=team, placeholder="team member", description="By"),
            "outcome": widgets.Dropdown(
                options=[o.value for o in ReplyOutcome], description="Outcome"
            ),
            "deadline": widgets.Text(placeholder="(optional)", description="Deadline"),
            "summary": widgets.Textarea(placeholder="what they answered", layout=WIDE),
        }

    @staticmethod
    def _appearance(row: dict[str, Any]) -> dict[str, Any]:
        found = {"source": row["source"], "quote": row["quote"], "date": row["date"].strip()}
        return {k: v for k, v in found.items() if v}

    @staticmethod
    def _evidence(row: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in {"source": row["source"], "shows": row["shows"]}.items() if v}

    @staticmethod
    def _reply(row: dict[str, Any]) -> dict[str, Any]:
        return {k: v.strip() if isinstance(v, str) else v for k, v in row.items() if v}

    # Showing --------------------------------------------------------------------------

    def _show(self, problems: list[Problem]) -> None:
        self.problems = problems
        placed: dict[str, list[Problem]] = {group: [] for group in GROUPS}
        lists = {
            "appearances": self.appearances,
            "evidence": self.evidence,
            "right_of_reply": self.right_of_reply,
        }
        by_row: dict[tuple[str, int], list[Problem]] = {}
        others = []
        for problem in problems:
            steps = problem.field.strip("/").split("/")
            rows = lists.get(steps[0])
            index = int(steps[1]) if len(steps) > 1 and steps[1].isdigit() else -1
            if rows is not None and 0 <= index < len(rows.rows):  # next to its row
                by_row.setdefault((steps[0], index), []).append(problem)
                continue
            if steps[0] in placed:
                placed[steps[0]].append(problem)
            else:
                others.append(problem)
        for group, place in self.places.items():
            value = problems_html(placed[group])
            if place.value != value:
                place.value = value
        for group, rows in lists.items():
            for index in range(len(rows.rows)):
                value = problems_html(by_row.get((group, index), []))
                place = rows.place(index)
                if place.value != value:
                    place.value = value
        errors = len(self.errors)
        warnings = len(problems) - errors
        if not problems:
            head = '<div class="ct-ok" style="color:#1b5e20">✓ no problems: ready to save</div>'
        else:
            head = text(
                f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
                + (" (shown under each field)" if len(others) < len(problems) else ""),
                "div",
            )
        self.summary.value = head + problems_html(others)
        self.save_button.disabled = self.document is None or errors > 0

    def _stale(self, problem: Problem) -> None:
        self.stale_html.value = problem_html(problem)
        self.stale_box.layout.display = None
        self.desk.show_error(
            Problem(
                "stale-file",
                f"not saved: {problem.path} changed on disk since you opened it; nothing was "
                "overwritten. Reload it from disk, then apply your change again",
                problem.path,
            )
        )

    def _reloaded(self) -> None:
        """After any save on the desk: new pickers, and the claim again if it changed on disk
        and nothing was typed (else the stale message, when saving, offers the reload)."""
        self._refresh_pickers()
        if self.document is None or self.loaded is None:
            return
        try:
            current = self.document.path.read_bytes()
        except OSError:
            current = b""
        if current == self.document.original:
            return
        if self.dirty:
            self._stale(
                Problem(
                    "stale-file",
                    "this claim changed on disk while you were editing it",
                    self.loaded.display,
                )
            )
        elif self.desk.dataset.claim(self.document.record.id) is not None:
            self.open(self.document.record.id)

    def _title_html(self, claim: Claim) -> str:
        loaded = self.loaded
        verdict = label_text(scale_of(self.desk.dataset), claim.verdict, self.desk.language)
        facts = [
            ("status", str(claim.status)),
            ("verdict", verdict),
            ("assignee", claim.assignee or "—"),
            ("file", loaded.display if loaded else ""),
        ]
        return (
            f"<h4>{text(claim.id)}</h4><div>"
            + " · ".join(f"{name}: <b>{text(value)}</b>" for name, value in facts)
            + " <i>(status and verdict change in the workflow panel)</i></div>"
        )

    @staticmethod
    def _notes_html(claim: Claim) -> str:
        if not claim.notes:
            return "<i>No notes yet.</i>"
        return "".join(
            f'<div class="ct-note-entry">{text(n.time.isoformat(), "small")} '
            f"{text(n.by, 'b')}: {text(n.text)}</div>"
            for n in claim.notes
        )

    def _similar(self, claim: Claim) -> list[Any]:
        try:
            from ..matching import similar, texts_of
        except ImportError:  # pragma: no cover - rapidfuzz is in the 'lab' extra
            return []
        # Each claim's texts are normalised once per dataset load, not on every open.
        known: dict[int, tuple[Claim, Any]] = self.desk.dataset.derived("editor:texts", dict)

        def texts(other: Claim) -> Any:
            found = known.get(id(other))
            if found is None or found[0] is not other:
                found = known[id(other)] = (other, texts_of(other))
            return found[1]

        try:
            return similar(claim, (c.record for c in self.desk.dataset.claims), 5, texts)
        except ImportError:  # pragma: no cover - rapidfuzz is imported on first use
            return []

    def _similar_html(self) -> str:
        if not self.similar:
            return ""
        rows = []
        for match in self.similar:
            other = self.desk.dataset.claim(match.b)
            if other is None:
                continue
            rows.append(
                [
                    f"{match.score:.0f}",
                    match.b,
                    str(other.record.status),
                    excerpt(other.record.statement, 100),
                ]
            )
        return "<b>Most similar claims</b>" + table_html(
            ["score", "claim", "status", "statement"], rows
        )
