"""The desk: which dataset the notebook works on, who is working, and the messages shown to
them. Every panel of a notebook shares one desk, so a change saved in one panel is seen by the
others (they subscribe with `on_reload`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import ipywidgets as widgets

from ..authoring import current_user
from ..models import Role
from ..problems import ClaimtrackError, Problem
from ..store import Dataset, load
from ..workflow import member
from .display import message_html, problem_html, problems_html

T = TypeVar("T")


def find_dataset(data: Path | str | None = None) -> Path:
    """The dataset to open: `data`, else CLAIMTRACK_DATA, else the nearest `claims/` folder
    with a dataset.yaml above the working directory (a notebook runs in notebooks/)."""
    if data:
        return Path(data).expanduser()
    if env := os.environ.get("CLAIMTRACK_DATA"):
        return Path(env).expanduser()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "claims" / "dataset.yaml").is_file():
            return folder / "claims"
    raise ClaimtrackError(
        Problem(
            "no-dataset",
            "no dataset found: set DATA in the notebook's first cell, or CLAIMTRACK_DATA",
            str(here),
        )
    )


class Desk:
    """One dataset and one person at work on it.

    `user_picker` asks once who is working (the dataset's team, defaulting to
    CLAIMTRACK_USER); `act` runs a library call as that person and shows its outcome."""

    def __init__(self, data: Path | str | None = None, user: str | None = None):
        self.root = find_dataset(data)
        self._dataset = load(self.root)
        self._listeners: list[Callable[[], None]] = []
        team = self.team
        default = current_user(user)
        self.user_picker = widgets.Dropdown(
            options=[(f"{name} ({role})", name) for name, role in team] or [("nobody", None)],
            value=default if default in {name for name, _ in team} else None,
            description="Working as",
            style={"description_width": "initial"},
        )
        self.messages = widgets.HTML()
        if default and self.user_picker.value is None:
            self.show_error(
                Problem(
                    "not-on-team",
                    f"'{default}' is not on the dataset's team; pick a name above",
                    str(self.root),
                )
            )

    @property
    def dataset(self) -> Dataset:
        return self._dataset

    @property
    def team(self) -> list[tuple[str, str]]:
        settings = self._dataset.settings
        return [(m.name, str(m.role)) for m in settings.team] if settings else []

    @property
    def user(self) -> str | None:
        value: str | None = self.user_picker.value
        return value

    @user.setter
    def user(self, name: str | None) -> None:
        self.user_picker.value = name

    @property
    def language(self) -> str:
        """The language labels are shown in: the dataset's first publication language that is
        English, else its first one (the notebooks' own text is in English)."""
        languages = self._dataset.settings.languages if self._dataset.settings else ["en"]
        return "en" if "en" in languages else languages[0]

    def whoami(self, needed: Role = Role.CHECKER) -> str:
        """The person working, checked against the team and the role an action needs."""
        if self.user is None:  # the picker's words, not the command line's (--by NAME)
            raise ClaimtrackError(
                Problem(
                    "no-user",
                    "nobody on the dataset's team is working: pick a name above ('Working as')",
                    str(self.root),
                )
            )
        return member(self._dataset, self.user, needed).name

    def reload(self) -> Dataset:
        """Read the dataset again (after a save) and tell every panel."""
        self._dataset = load(self.root)
        for listener in list(self._listeners):
            listener()
        return self._dataset

    def on_reload(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def act(self, action: Callable[[], T], done: str | Callable[[T], str]) -> T | None:
        """Run `action`; show `done` (or the problem it raised) and reload after a success."""
        try:
            result = action()
        except ClaimtrackError as exc:
            self.show_error(exc.problem)
            return None
        self.reload()
        self.show("ok", done(result) if callable(done) else done)
        return result

    def show(self, kind: str, message: str) -> None:
        self.messages.value = message_html(kind, message)

    def show_error(self, problem: Problem) -> None:
        self.messages.value = problem_html(problem)

    def show_by_field(self, places: dict[str, Any], problems: list[Problem]) -> None:
        """Each problem under its field (the first step of its pointer, a key of `places`), and
        on the desk the one problem, or those with no field, or how many fields need work."""
        for place in places.values():
            place.value = ""
        unplaced = []
        for problem in problems:
            name = problem.field.strip("/").split("/")[0]
            if name in places:
                places[name].value += problems_html([problem])
            else:
                unplaced.append(problem)
        if len(problems) == 1 or unplaced:
            self.show_error((unplaced or problems)[0])
        elif problems:
            self.show("error", f"{len(problems)} fields need attention (shown below each)")

    @property
    def message(self) -> str:
        """The last message as plain text, for tests and logs."""
        from html import unescape
        from re import sub

        return unescape(sub(r"<[^>]+>", "", self.messages.value)).strip()

    def header(self) -> widgets.Widget:
        return widgets.VBox([self.user_picker, self.messages])

    def _ipython_display_(self) -> None:  # pragma: no cover - notebook display only
        from IPython.display import display

        display(self.header())


def labelled(description: str, widget: Any) -> Any:
    widget.description = description
    widget.style = {"description_width": "8em"}
    return widget
