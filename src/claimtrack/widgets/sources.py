"""The source panel: add a cited document, and record where an existing one is archived and the
sha256 of a stored copy of it (a local file), as the publication gate asks.

Both go through the library (`authoring.add_record`, `authoring.preserve_source`) as the person
working on the desk; problems are shown under the field they concern.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..authoring import add_record, preserve_source
from ..models import Role, Source, SourceKind
from ..problems import ClaimtrackError, Problem
from ..store import plain
from ..store.records import validate
from .display import excerpt, table_html
from .session import Desk, labelled

FIELDS = (
    "id",
    "kind",
    "title",
    "url",
    "publisher",
    "language",
    "published",
    "accessed",
    "archive_url",
)
PRESERVE_FIELDS = ("source", "archive_url", "stored_copy")


# Each field of a new source: its label and the widget that edits it.
LABELS = {
    "id": "Id",
    "kind": "Kind",
    "title": "Title",
    "url": "URL",
    "publisher": "Publisher",
    "language": "Language",
    "published": "Published",
    "accessed": "Accessed",
    "archive_url": "Archive URL",
}
HINTS = {
    "id": "e.g. al-assima-2025-04-09",
    "url": "https://...",
    "language": "ar, fr, en",
    "published": "2025-04-09",
    "accessed": "2025-04-10",
    "archive_url": "https://web.archive.org/...",
}
WIDE_FIELDS = {"title", "url", "archive_url"}


class SourceForm:
    """The fields of a new source, a place under each for its problems, and the Source they
    describe (shared by the source panel and the capture widget)."""

    def __init__(
        self,
        names: tuple[str, ...],
        css: str = "",
        labels: dict[str, str] | None = None,
        values: dict[str, str] | None = None,
    ):
        self.names = names
        self.fields: dict[str, Any] = {}
        for name in names:
            label = (labels or {}).get(name, LABELS[name])
            if name == "kind":
                widget = widgets.Dropdown(options=[k.value for k in SourceKind], value="article")
            else:
                widget = widgets.Text(placeholder=HINTS.get(name, ""))
                if name in WIDE_FIELDS:
                    widget.layout.width = "90%"
            if css:
                widget.add_class(f"{css}-{name.replace('_', '-')}")
            self.fields[name] = labelled(label, widget)
        self.places = {name: widgets.HTML() for name in names}
        self.fill(values or {})

    def fill(self, values: dict[str, str]) -> None:
        for name, value in values.items():
            if name not in self.fields:
                raise TypeError(f"no source field '{name}'; fields: {', '.join(self.names)}")
            self.fields[name].value = value

    def rows(self) -> list[widgets.VBox]:
        return [widgets.VBox([self.fields[n], self.places[n]]) for n in self.names]

    def read(self, desk: Desk) -> tuple[Source | None, list[Problem]]:
        """The Source the typed values make, or None; its problems are shown by field."""
        data = {
            name: widget.value.strip()
            for name, widget in self.fields.items()
            if isinstance(widget.value, str) and widget.value.strip()
        }
        display = f"sources/{data.get('id', '?')}.yaml"
        source, problems = validate("source", data, display, lambda: b"")
        desk.show_by_field(self.places, problems)
        return source, problems

    def clear(self) -> None:
        for name in self.names:
            if name != "kind":
                self.fields[name].value = ""


class SourcePanel(widgets.VBox):
    """Add a source; archive an existing one."""

    def __init__(self, desk: Desk):
        self.desk = desk
        self.problems: list[Problem] = []
        self.last_sha256: str | None = None
        wide = widgets.Layout(width="90%")
        self.form = SourceForm(FIELDS, css="ct-source")
        self.fields, self.places = self.form.fields, self.form.places
        self.add_button = widgets.Button(description="Add source", button_style="primary")
        self.add_button.add_class("ct-add-source")
        self.add_button.on_click(lambda _: self.add_source())

        self.source_picker = labelled("Source", widgets.Dropdown(options=[], layout=wide))
        self.source_picker.add_class("ct-source-picker")
        self.source_picker.observe(lambda _: self._show_source(), names="value")
        self.source_details = widgets.HTML()
        self.archive_url = labelled(
            "Archive URL", widgets.Text(placeholder="https://web.archive.org/...", layout=wide)
        )
        self.stored_copy = labelled(
            "Stored copy", widgets.Text(placeholder="path of the saved file (PDF, HTML, video)")
        )
        self.archive_url.add_class("ct-preserve-archive-url")
        self.stored_copy.add_class("ct-preserve-stored-copy")
        self.preserve_places = {name: widgets.HTML() for name in PRESERVE_FIELDS}
        self.preserve_button = widgets.Button(description="Record", icon="archive")
        self.preserve_button.add_class("ct-preserve")
        self.preserve_button.on_click(lambda _: self.preserve())

        super().__init__(
            [
                widgets.HTML("<h4>Add a source</h4>"),
                *self.form.rows(),
                self.add_button,
                widgets.HTML("<h4>Archive a source: archive URL and sha256 of a stored copy</h4>"),
                widgets.VBox([self.source_picker, self.preserve_places["source"]]),
                self.source_details,
                widgets.VBox([self.archive_url, self.preserve_places["archive_url"]]),
                widgets.VBox([self.stored_copy, self.preserve_places["stored_copy"]]),
                self.preserve_button,
            ]
        )
        self.add_class("ct-sources")
        desk.on_reload(self.refresh)
        self.refresh()

    def add_source(self, **values: str) -> Source | None:
        """Create a source from the fields (`values` fill fields first, by name)."""
        self.form.fill(values)
        source, self.problems = self.form.read(self.desk)
        if source is None:
            return None
        display = f"sources/{source.id}.yaml"
        if self._run(lambda: add_record(self.desk.dataset, source), self.places) is None:
            return None
        self.desk.reload()
        self.desk.show("ok", f"source added: {display}")
        self.form.clear()
        self.source_picker.value = source.id
        return source

    def preserve(
        self,
        source_id: str | None = None,
        archive_url: str | None = None,
        stored_copy: str | Path | None = None,
    ) -> Source | None:
        """Record the archive URL and/or the sha256 of a stored copy of a source (arguments
        fill the fields first)."""
        if source_id is not None:
            self.source_picker.value = source_id
        if archive_url is not None:
            self.archive_url.value = archive_url
        if stored_copy is not None:
            self.stored_copy.value = str(stored_copy)
        chosen = self.source_picker.value
        url = self.archive_url.value.strip() or None
        path = self.stored_copy.value.strip()
        problems: list[Problem] = []
        loaded = self.desk.dataset.source(chosen) if chosen else None
        if loaded is None:
            problems.append(Problem("no-source", "pick a source first", field="/source"))
        elif not url and not path:
            problems.append(
                Problem(
                    "nothing-to-record",
                    "give an archive URL, or the path of a stored copy, or both",
                    field="/archive_url",
                )
            )
        elif url:
            data = {**plain(loaded.record), "archive_url": url}
            _, problems = validate("source", data, loaded.display, lambda: b"")
        copy = Path(path).expanduser() if path else None
        if not problems and copy is not None and not copy.is_file():
            problems.append(Problem("no-file", f"no file at '{path}'", path, field="/stored_copy"))
        self._show(self.preserve_places, problems)
        if problems or loaded is None:
            return None
        changed = self._run(
            lambda: preserve_source(self.desk.dataset, loaded.record.id, url, copy),
            self.preserve_places,
        )
        if changed is None:
            return None
        self.last_sha256 = changed.sha256 if copy is not None else None
        self.desk.reload()
        done = [f"archive {url}"] if url else []
        if copy is not None:
            done.append(f"sha256 {changed.sha256}")
        self.desk.show("ok", f"recorded for {loaded.record.id}: {'; '.join(done)}")
        self.archive_url.value = self.stored_copy.value = ""
        return changed

    def refresh(self) -> None:
        """The picker offers the dataset's sources as loaded now."""
        keep = self.source_picker.value
        options = [
            (f"{excerpt(s.record.title, 60)} ({s.record.id})", s.record.id)
            for s in sorted(self.desk.dataset.sources, key=lambda s: s.record.id)
        ]
        if list(self.source_picker.options) != options:
            self.source_picker.options = options
        ids = {value for _, value in options}
        self.source_picker.value = keep if keep in ids else (options[0][1] if options else None)
        self._show_source()

    def _show_source(self) -> None:
        chosen = self.source_picker.value
        loaded = self.desk.dataset.source(chosen) if chosen else None
        if loaded is None:
            self.source_details.value = ""
            return
        s = loaded.record
        rows = [
            [name, str(value)]
            for name, value in (
                ("kind", s.kind),
                ("url", s.url),
                ("publisher", s.publisher),
                ("archive", s.archive_url or "none yet"),
                ("sha256", s.sha256 or "none yet"),
            )
            if value
        ]
        self.source_details.value = table_html(["", ""], rows)

    def _run(self, action: Any, places: dict[str, widgets.HTML]) -> Any:
        """A library call as the person working; a problem goes by its field and on the desk."""
        try:
            self.desk.whoami(Role.CHECKER)
            return action()
        except ClaimtrackError as exc:
            self._show(places, [exc.problem])
            self.desk.show_error(exc.problem)
            return None

    def _show(self, places: dict[str, widgets.HTML], problems: list[Problem]) -> None:
        self.problems = problems
        self.desk.show_by_field(places, problems)
