"""The research desk of 02-research.ipynb: who is working, the claim browser, and below it the
claim picked, in the editor, the workflow panel and the sources, as tabs."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from .browser import ClaimBrowser
from .editor import ClaimEditor
from .session import Desk
from .sources import SourcePanel
from .workflow import WorkflowPanel

TABS = ("Edit the claim", "Workflow", "Sources")


class Research(widgets.VBox):
    """The desk's header, the browser, and tabs for the claim selected in it."""

    def __init__(self, desk: Desk, page_size: int = 25):
        self.desk = desk
        self.browser = ClaimBrowser(desk, page_size=page_size)
        self.editor = ClaimEditor(desk)
        self.workflow = WorkflowPanel(desk)
        self.sources = SourcePanel(desk)
        self.tabs = widgets.Tab(children=[self.editor, self.workflow, self.sources])
        for position, title in enumerate(TABS):
            self.tabs.set_title(position, title)
        self.browser.on_select(self.show)
        super().__init__([desk.header(), self.browser, self.tabs])
        self.add_class("ct-research")

    def show(self, claim_id: str) -> None:
        """Open the claim in the editor and the workflow panel, and bring the editor forward."""
        if self.editor.open(claim_id):
            self.workflow.show(claim_id)
            self.tabs.selected_index = 0


def research(
    data: Path | str | None = None, user: str | None = None, page_size: int = 25
) -> Research:
    """The research widgets on a dataset (default: CLAIMTRACK_DATA, else the nearest claims/)."""
    return Research(Desk(data, user), page_size=page_size)
