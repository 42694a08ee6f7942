"""Capture: an article's text becomes a source, and its allegations become claims, one by one.

Paste the text (or load it from a file), fill in the article's metadata and create the source;
then pick a sentence of the text, adjust the statement, and add it as a claim in status 'new'
whose appearance quotes the sentence and cites the source. Records are created by
`claimtrack.authoring` (the same calls as `claimtrack new`), as the person working on the desk.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from pydantic import ValidationError

from ..authoring import add_record, new_claim_record
from ..authoring import now as current_time
from ..models import Category, Claim, Role, Source
from ..problems import ClaimtrackError, Problem
from ..store.records import validate
from .display import excerpt
from .session import Desk, labelled
from .sources import SourceForm

# A sentence ends at Latin or Arabic punctuation (. ! ? … ؟ ؛ and the Arabic full stop ۔)
# followed by a space, or at a line break.
SENTENCE_END = re.compile(r"(?<=[.!?…؟؛۔])\s+|\s*\n\s*")
MIN_SENTENCE = 3  # characters: shorter pieces (a stray dash, a number) are not offered
SOURCE_FIELDS = ("id", "kind", "title", "publisher", "url", "published", "accessed", "language")
CLAIM_FIELDS = ("id", "statement", "language", "category", "claimant", "subjects", "case")
STYLE = """<style>
.ct-capture select option, .ct-capture textarea, .ct-capture input { unicode-bidi: plaintext; }
</style>"""


def split_sentences(text: str) -> list[str]:
    """The sentences of an article, in order, each stripped; Arabic and Latin punctuation."""
    text = unicodedata.normalize("NFC", text)
    return [s.strip() for s in SENTENCE_END.split(text) if len(s.strip()) >= MIN_SENTENCE]


def slug(text: str, limit: int = 60) -> str:
    """A lowercase ASCII slug of the Latin letters and digits of `text` ('' when none)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = "-".join(words)[:limit].strip("-")
    return out if len(out) >= 2 else ""


class Capture(widgets.VBox):
    """From an article to a source and its claims."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.sentences: list[str] = []
        self.source_id: str | None = None  # the source that claims are added from
        self.created: list[str] = []  # ids of the claims added in this session
        self.problems: list[Problem] = []

        # 1. The article's text.
        self.text_area = widgets.Textarea(
            placeholder="Paste the article's text here",
            layout=widgets.Layout(width="100%", height="12em"),
        )
        self.text_area.add_class("ct-article-text")
        self.text_area.observe(lambda _: self._split(), names="value")
        self.path = widgets.Text(placeholder="or a path to a UTF-8 text file")
        self.load_button = widgets.Button(description="Load file", icon="folder-open")
        self.load_button.on_click(lambda _: self.load_file(self.path.value))

        # 2. The source.
        self.source_form = SourceForm(
            SOURCE_FIELDS,
            labels={"id": "Source id"},
            values={"accessed": date.today().isoformat(), "language": "ar"},
        )
        self.source_fields, self.source_problems = self.source_form.fields, self.source_form.places
        self.source_fields["publisher"].observe(lambda _: self._suggest_source_id(), "value")
        self.source_fields["published"].observe(lambda _: self._suggest_source_id(), "value")
        self.create_source_button = widgets.Button(
            description="Create source", button_style="primary", icon="plus"
        )
        self.create_source_button.add_class("ct-create-source")
        self.create_source_button.on_click(lambda _: self.create_source())

        # 3. The claims.
        self.source_picker = labelled("From source", widgets.Dropdown(options=[]))
        self.source_picker.observe(self._source_picked, names="value")
        self.sentence_list = widgets.Select(options=[], rows=8, layout=widgets.Layout(width="100%"))
        self.sentence_list.add_class("ct-sentences")
        self.sentence_list.observe(
            lambda change: self.pick(change["new"]) if change["new"] is not None else None,
            names="value",
        )
        self.claim_fields: dict[str, Any] = {
            "statement": widgets.Textarea(
                placeholder="The claim verbatim (pick a sentence above, then trim it)",
                layout=widgets.Layout(width="100%", height="5em"),
            ),
            "language": labelled("Language", widgets.Text(value="ar")),
            "category": labelled(
                "Category", widgets.Dropdown(options=[c.value for c in Category], value="other")
            ),
            "subjects": labelled(
                "About", widgets.SelectMultiple(options=[], rows=5, layout={"width": "90%"})
            ),
            "claimant": labelled(
                "Claimant", widgets.Text(placeholder="who makes the claim, e.g. unnamed sources")
            ),
            "case": labelled(
                "Case", widgets.Combobox(options=[], placeholder="case folder, e.g. fes-meknes")
            ),
            "id": labelled("Claim id", widgets.Text(placeholder="a slug, e.g. bad-cheques")),
        }
        self.claim_fields["category"].observe(lambda _: self._suggest_claim_id(), "value")
        self.claim_problems = {name: widgets.HTML() for name in CLAIM_FIELDS}
        self.add_claim_button = widgets.Button(
            description="Add claim", button_style="primary", icon="plus"
        )
        self.add_claim_button.add_class("ct-add-claim")
        self.add_claim_button.on_click(lambda _: self.add_claim())
        self._suggested_id = ""
        self._suggested_source_id = ""

        super().__init__(
            [
                widgets.HTML(STYLE + "<h4>1. The article</h4>"),
                self.text_area,
                widgets.HBox([self.path, self.load_button]),
                widgets.HTML("<h4>2. The source</h4>"),
                *self.source_form.rows(),
                self.create_source_button,
                widgets.HTML("<h4>3. Its claims, one by one</h4>"),
                self.source_picker,
                self.sentence_list,
                *[
                    widgets.VBox([self.claim_fields[n], self.claim_problems[n]])
                    for n in ("statement", *[n for n in CLAIM_FIELDS if n != "statement"])
                ],
                self.add_claim_button,
            ]
        )
        self.add_class("ct-capture")
        desk.on_reload(self.refresh)
        self.refresh()

    # The text ---------------------------------------------------------------------------

    def load_text(self, text: str) -> list[str]:
        """Use `text` as the article; returns its sentences."""
        self.text_area.value = text
        return self.sentences

    def load_file(self, path: str | Path) -> list[str]:
        try:
            text = Path(path).expanduser().read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
            self.desk.show_error(Problem("unreadable-file", f"cannot read it: {reason}", str(path)))
            return self.sentences
        return self.load_text(text)

    def _split(self) -> None:
        self.sentences = split_sentences(self.text_area.value)
        self.sentence_list.options = [
            (f"{i + 1}. {excerpt(s, 150)}", i) for i, s in enumerate(self.sentences)
        ]

    def pick(self, index: int) -> str:
        """Take sentence `index` as the statement (and the quote of its appearance)."""
        if not 0 <= index < len(self.sentences):
            self.desk.show_error(Problem("no-sentence", f"no sentence {index + 1} in the text"))
            return ""
        if self.sentence_list.value != index:
            self.sentence_list.value = index
        self.claim_fields["statement"].value = self.sentences[index]
        self._suggest_claim_id()
        return self.sentences[index]

    @property
    def quote(self) -> str | None:
        """The sentence picked, verbatim, for the appearance's quote."""
        index = self.sentence_list.value
        return self.sentences[index] if index is not None and index < len(self.sentences) else None

    # The source -------------------------------------------------------------------------

    def create_source(self, **values: str) -> Source | None:
        """Create the source from the fields (`values` fill fields first, by name)."""
        self.source_form.fill(values)
        source, self.problems = self.source_form.read(self.desk)
        if source is None:
            return None
        created = self._act(
            lambda: add_record(self.desk.dataset, source),
            lambda path: f"source created: sources/{path.name}",
            self.source_problems,
        )
        if created is None:
            return None
        self.source_id = source.id
        self.refresh()
        return source

    def _suggest_source_id(self) -> None:
        field = self.source_fields["id"]
        if field.value and field.value != self._suggested_source_id:
            return  # typed by the user
        publisher = slug(self.source_fields["publisher"].value, 40)
        day = self.source_fields["published"].value.strip()[:10]
        suggestion = "-".join(p for p in (publisher, day) if p)
        self._suggested_source_id = field.value = suggestion if len(suggestion) >= 2 else ""

    # The claims -------------------------------------------------------------------------

    def add_claim(self) -> Claim | None:
        """Create the claim from the fields: status new, its appearance quoting the sentence."""
        try:
            by = self.desk.whoami(Role.CHECKER)
        except ClaimtrackError as exc:
            self.desk.show_error(exc.problem)
            return None
        if not self.source_id:
            self.desk.show_error(Problem("no-source", "create or pick the source first"))
            return None
        source = self.desk.dataset.source(self.source_id)
        f = self.claim_fields
        appearance: dict[str, Any] = {"source": self.source_id}
        quote = self.quote
        if quote and quote.strip():
            appearance["quote"] = quote
        if source is not None and source.record.published is not None:
            appearance["date"] = source.record.published
        fields: dict[str, Any] = {
            "id": f["id"].value.strip(),
            "statement": f["statement"].value.strip(),
            "language": f["language"].value.strip(),
            "category": f["category"].value,
            "claimant": {"label": f["claimant"].value.strip()},
            "subjects": list(f["subjects"].value),
            "appearances": [{k: v for k, v in appearance.items() if v is not None}],
        }
        case = f["case"].value.strip() or None
        try:
            claim = new_claim_record(fields, by)
        except ValidationError:
            display = f"{case or '?'}/{fields['id'] or '?'}.yaml"
            _, problems = validate(
                "claim", {**fields, "created": current_time()}, display, lambda: b""
            )
            self._show(self.claim_problems, problems)
            return None
        if case is None:
            problem = Problem("no-case", "say which case folder the claim goes in", field="/case")
            self._show(self.claim_problems, [problem])
            return None
        self._show(self.claim_problems, [])
        created = self._act(
            lambda: add_record(self.desk.dataset, claim, case),
            lambda path: f"claim created: {case}/{path.name}, as {by}",
            self.claim_problems,
        )
        if created is None:
            return None
        self.created.append(claim.id)
        f["id"].value = ""
        self._suggested_id = ""
        return claim

    def _suggest_claim_id(self) -> None:
        field = self.claim_fields["id"]
        if field.value and field.value != self._suggested_id:
            return  # typed by the user
        base = self.claim_fields["category"].value
        taken = {loaded.record.id for loaded in self.desk.dataset.records()}
        suggestion, number = base, 2
        while suggestion in taken:
            suggestion, number = f"{base}-{number}", number + 1
        self._suggested_id = field.value = suggestion

    # Shared -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Update the pickers from the dataset (after every save on the desk)."""
        dataset = self.desk.dataset
        sources = [
            (f"{excerpt(s.record.title, 60)} ({s.record.id})", s.record.id) for s in dataset.sources
        ]
        keep = self.source_id
        self.source_picker.options = [("(create or pick a source)", None), *sources]
        if keep in {s.record.id for s in dataset.sources}:
            self.source_picker.value = keep
        else:
            self.source_picker.index = 0  # the placeholder (a value of None shows nothing)
        chosen = set(self.claim_fields["subjects"].value)
        actors = [(a.record.label, a.record.id) for a in dataset.actors]
        self.claim_fields["subjects"].options = sorted(actors)
        self.claim_fields["subjects"].value = tuple(i for _, i in actors if i in chosen)
        self.claim_fields["case"].options = list(dataset.cases)

    def _source_picked(self, change: dict[str, Any]) -> None:
        self.source_id = change["new"]
        loaded = self.desk.dataset.source(self.source_id) if self.source_id else None
        if loaded is None:
            return
        if loaded.record.language:
            self.claim_fields["language"].value = loaded.record.language
        if not self.claim_fields["claimant"].value and loaded.record.publisher:
            self.claim_fields["claimant"].value = loaded.record.publisher

    def _act(
        self, action: Callable[[], Path], done: Callable[[Path], str], places: dict[str, Any]
    ) -> Path | None:
        """Run a library call through the desk; a problem it raises also goes next to its field."""
        refused: list[Problem] = []

        def run() -> Path:
            try:
                return action()
            except ClaimtrackError as exc:
                refused.append(exc.problem)
                raise

        created = self.desk.act(run, done)
        if created is None:
            self._show(places, refused)
        return created

    def _show(self, places: dict[str, widgets.HTML], problems: list[Problem]) -> None:
        """Each problem next to its field (the first step of its pointer), others on the desk."""
        self.problems = problems
        self.desk.show_by_field(places, problems)
