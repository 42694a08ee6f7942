"""The claim browser: a filterable, paged table of claims, newest change first.

Filters (status, category, case, verdict, assignee, language) are dropdowns built from the
dataset; the search box matches the statement, its translations, the id and the claimant's
public label through `claimtrack.text.normalise`, so Arabic text is found with or without
diacritics, tatweel and the alef, ya and ta marbuta variants. Each claim's searchable text is
normalised once per dataset load, so a filter change only scans prepared strings.

The table is a fixed pool of row widgets (a button with the claim id and an HTML cell),
refilled in place on every change: no widget is created per filter change. Actors are shown
by their public label, never by a private name.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import ipywidgets as widgets

from ..models import Claim
from ..problems import Problem
from ..store import Dataset
from ..text import normalise
from ..verdicts import label_text
from ..workflow.gate import scale_of
from .display import excerpt, text
from .session import Desk

FILTERS = ("status", "category", "case", "verdict", "assignee", "language")
ANY = "any"
STYLE = """<style>
.ct-browser-row { align-items: center; border-bottom: 1px solid #eee; }
.ct-browser-row .ct-row-open { width: 16em; text-align: start; overflow: hidden; }
.ct-cells { display: flex; gap: 0.6em; align-items: baseline; }
.ct-cells > span { flex: none; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ct-cells .ct-c-status { width: 7em; } .ct-cells .ct-c-verdict { width: 9em; }
.ct-cells .ct-c-category { width: 10em; } .ct-cells .ct-c-assignee { width: 6em; }
.ct-cells .ct-c-statement { flex: 1 1 auto; white-space: normal; }
</style>"""


@dataclass(frozen=True, slots=True)
class Entry:
    """One claim as the browser filters and shows it."""

    id: str
    values: dict[str, str]  # filter name -> value ('' when the claim has none)
    haystack: str  # normalised statement, translations, id and claimant label
    verdict: str  # the verdict's label in the desk's language
    statement: str

    def cells(self) -> str:
        """The HTML of its row (built only for the rows drawn)."""
        return (
            '<div class="ct-cells">'
            + _cell(self.values["status"], "status")
            + _cell(self.verdict, "verdict")
            + _cell(self.values["category"], "category")
            + _cell(self.values["assignee"] or "—", "assignee")
            + _cell(excerpt(self.statement, 140), "statement")
            + "</div>"
        )


def _cell(value: str, kind: str) -> str:
    return text(value).replace("<span ", f'<span class="ct-c-{kind}" ', 1)


def _changed(claim: Claim) -> float:
    moment: datetime = claim.updated or claim.created
    return moment.timestamp()


def index(dataset: Dataset, language: str, known: dict[str, str] | None = None) -> list[Entry]:
    """Every claim of `dataset`, newest change first, prepared for filtering. `known` maps
    texts already normalised to their key (a reload after a save normalises only what
    changed); it is updated in place to hold this dataset's texts only."""
    before = known.copy() if known is not None else {}
    if known is not None:
        known.clear()
    scale = scale_of(dataset)
    verdict_labels: dict[str, str] = {}
    ordered = sorted(dataset.claims, key=lambda c: (-_changed(c.record), c.record.id))
    entries = []
    for loaded in ordered:
        claim = loaded.record
        verdict = str(claim.verdict)
        if verdict not in verdict_labels:
            verdict_labels[verdict] = label_text(scale, verdict, language)
        values = {
            "status": str(claim.status),
            "category": str(claim.category),
            "case": loaded.case or "",
            "verdict": verdict,
            "assignee": claim.assignee or "",
            "language": claim.language.split("-")[0].lower(),
        }
        searchable = [claim.statement, *claim.translations.values(), claim.id, claim.claimant.label]
        raw = "\n".join(searchable)
        haystack = before.get(raw)
        if haystack is None:
            haystack = normalise(raw)
        if known is not None:
            known[raw] = haystack
        entries.append(Entry(claim.id, values, haystack, verdict_labels[verdict], claim.statement))
    return entries


class ClaimBrowser(widgets.VBox):
    """A table of the desk's claims with filters and search; `on_select` hears row clicks."""

    def __init__(self, desk: Desk, page_size: int = 25):
        self.desk = desk
        self.page_size = page_size
        self.page = 0
        self.last_elapsed = 0.0  # seconds taken by the last filter-and-redraw
        self._entries: list[Entry] = []
        self._matching: list[Entry] = []
        self._normalised: dict[str, str] = {}  # text -> its matching key, for reloads
        self._selected: str | None = None
        self._callbacks: list[Callable[[str], None]] = []
        self._quiet = False  # set while the widget itself changes its filters' options

        self.search = widgets.Text(
            placeholder="Search statement, translations, id, claimant (any spelling)",
            continuous_update=True,
            layout=widgets.Layout(width="60%"),
        )
        self.search.add_class("ct-search")
        self.search.observe(self._filter_changed, names="value")
        self.filters: dict[str, widgets.Dropdown] = {}
        for name in FILTERS:
            dropdown = widgets.Dropdown(
                options=[(ANY, None)],
                value=None,
                description=name.capitalize(),
                style={"description_width": "initial"},
                layout=widgets.Layout(width="auto", min_width="12em"),
            )
            dropdown.add_class(f"ct-filter-{name}")
            dropdown.observe(self._filter_changed, names="value")
            self.filters[name] = dropdown

        self.count = widgets.HTML()
        self.count.add_class("ct-count")
        self.previous_button = widgets.Button(description="Previous", icon="arrow-left")
        self.next_button = widgets.Button(description="Next", icon="arrow-right")
        self.previous_button.add_class("ct-previous")
        self.next_button.add_class("ct-next")
        self.previous_button.on_click(lambda _: self.show_page(self.page - 1))
        self.next_button.on_click(lambda _: self.show_page(self.page + 1))

        self.row_buttons: list[widgets.Button] = []
        self.row_cells: list[widgets.HTML] = []
        self.rows: list[widgets.HBox] = []
        for position in range(page_size):
            button = widgets.Button(layout=widgets.Layout(width="16em"))
            button.add_class("ct-row-open")
            button.on_click(self._row_clicked(position))
            cells = widgets.HTML(layout=widgets.Layout(flex="1 1 auto"))
            row = widgets.HBox([button, cells], layout=widgets.Layout(display="none"))
            row.add_class("ct-browser-row")
            self.row_buttons.append(button)
            self.row_cells.append(cells)
            self.rows.append(row)

        header = widgets.HTML(
            STYLE + '<div class="ct-cells" style="font-weight:bold;padding-left:16.5em">'
            "<span class='ct-c-status'>status</span><span class='ct-c-verdict'>verdict</span>"
            "<span class='ct-c-category'>category</span>"
            "<span class='ct-c-assignee'>assignee</span>"
            "<span class='ct-c-statement'>statement</span></div>"
        )
        super().__init__(
            [
                self.search,
                widgets.HBox(list(self.filters.values()), layout=widgets.Layout(flex_flow="wrap")),
                header,
                *self.rows,
                widgets.HBox([self.previous_button, self.next_button, self.count]),
            ]
        )
        self.add_class("ct-browser")
        desk.on_reload(self.refresh)
        self.refresh()

    # Public API -----------------------------------------------------------------------

    @property
    def selected(self) -> str | None:
        """The id of the claim last selected."""
        return self._selected

    @property
    def matching_ids(self) -> list[str]:
        """Every claim that matches the filters and search, newest change first."""
        return [entry.id for entry in self._matching]

    @property
    def visible_ids(self) -> list[str]:
        """The claims on the page shown."""
        start = self.page * self.page_size
        return [entry.id for entry in self._matching[start : start + self.page_size]]

    def on_select(self, callback: Callable[[str], None]) -> None:
        """Call `callback(claim_id)` when a claim is selected."""
        self._callbacks.append(callback)

    def select(self, claim_id: str) -> bool:
        """Select a claim (as a click on its row does); False if no claim has that id."""
        if self.desk.dataset.claim(claim_id) is None:
            self.desk.show_error(
                Problem("unknown-claim", f"no claim has the id '{claim_id}'", str(self.desk.root))
            )
            return False
        self._selected = claim_id
        self._style_rows()
        for callback in list(self._callbacks):
            callback(claim_id)
        return True

    def refresh(self) -> None:
        """Prepare the dataset as loaded now, rebuild the filters' choices, and redraw."""
        self._entries = index(self.desk.dataset, self.desk.language, self._normalised)
        self._quiet = True
        try:
            for name, dropdown in self.filters.items():
                counts: dict[str, int] = {}
                for entry in self._entries:
                    value = entry.values[name]
                    if value:
                        counts[value] = counts.get(value, 0) + 1
                options = [(ANY, None), *[(f"{v} ({counts[v]})", v) for v in sorted(counts)]]
                keep = dropdown.value
                if list(dropdown.options) != options:
                    dropdown.options = options
                if keep in counts:
                    dropdown.value = keep
                else:
                    dropdown.index = 0  # 'any' shown (a value of None alone shows a blank)
        finally:
            self._quiet = False
        self.apply_filters(keep_page=True)

    def apply_filters(self, keep_page: bool = False) -> float:
        """Filter by the widgets' values and redraw the page; returns the seconds it took."""
        started = time.perf_counter()
        wanted = [(n, d.value) for n, d in self.filters.items() if d.value is not None]
        words = normalise(self.search.value).split()
        matching = self._entries
        if wanted:
            matching = [e for e in matching if all(e.values[n] == v for n, v in wanted)]
        for word in words:
            matching = [e for e in matching if word in e.haystack]
        self._matching = matching
        pages = self.pages
        self.page = min(self.page, pages - 1) if keep_page else 0
        self._draw()
        self.last_elapsed = time.perf_counter() - started
        return self.last_elapsed

    @property
    def pages(self) -> int:
        return max(1, -(-len(self._matching) // self.page_size))

    def show_page(self, page: int) -> None:
        """Show page `page` (0-based) of the matching claims."""
        self.page = max(0, min(page, self.pages - 1))
        self._draw()

    # Drawing --------------------------------------------------------------------------

    def _draw(self) -> None:
        start = self.page * self.page_size
        shown = self._matching[start : start + self.page_size]
        for position, row in enumerate(self.rows):
            button, cells = self.row_buttons[position], self.row_cells[position]
            if position < len(shown):
                entry = shown[position]
                if button.description != entry.id:
                    button.description = entry.id
                    button.tooltip = f"open {entry.id} in the editor"
                html = entry.cells()
                if cells.value != html:
                    cells.value = html
                if row.layout.display is not None:
                    row.layout.display = None
            elif row.layout.display != "none":
                row.layout.display = "none"
        self._style_rows()
        total, count = len(self._entries), len(self._matching)
        if count:
            where = f"{start + 1}–{start + len(shown)} of {count}"
            summary = f"{where} claims" if count == total else f"{where} matching ({total} claims)"
        else:
            summary = f"0 of {total} claims match"
        self.count.value = text(summary)
        self.previous_button.disabled = self.page == 0
        self.next_button.disabled = self.page >= self.pages - 1

    def _style_rows(self) -> None:
        for button in self.row_buttons:
            style = "info" if button.description == self._selected else ""
            if button.button_style != style:
                button.button_style = style

    # Handlers -------------------------------------------------------------------------

    def _filter_changed(self, change: dict[str, object]) -> None:
        if self._quiet:
            return
        owner = change.get("owner")
        if isinstance(owner, widgets.Dropdown) and owner.value is None and owner.index is None:
            self._quiet = True  # value None set from code: show 'any', not a blank
            try:
                owner.index = 0
            finally:
                self._quiet = False
        self.apply_filters()

    def _row_clicked(self, position: int) -> Callable[[widgets.Button], None]:
        def clicked(_button: widgets.Button) -> None:
            ids = self.visible_ids
            if position < len(ids):
                self.select(ids[position])

        return clicked
