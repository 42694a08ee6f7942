"""The notebooks: committed without outputs, and each runs top to bottom on a copy of the
shipped dataset, as a fact-checker would run it in JupyterLab."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
EXPECTED = [
    "01-capture.ipynb",
    "02-research.ipynb",
    "03-review-and-publish.ipynb",
    "04-desk-dashboard.ipynb",
    "05-network.ipynb",
]


def test_every_notebook_of_the_issue_is_shipped() -> None:
    assert [n.name for n in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(notebook: Path) -> None:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code, "a notebook without code cells builds no widgets"
    for i, cell in enumerate(code):
        assert cell.get("outputs") == [], f"{notebook.name}: cell {i} has outputs; clear them"
        assert cell.get("execution_count") is None, f"{notebook.name}: cell {i} was executed"


@pytest.mark.slow
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom_on_a_copy_of_the_shipped_case(
    notebook: Path, shipped_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    before = {p: p.read_bytes() for p in shipped_copy.rglob("*.yaml")}
    # The notebook opens the dataset its DATA variable names; here, the temporary copy.
    monkeypatch.setenv("CLAIMTRACK_DATA", str(shipped_copy))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    work = tmp_path / "notebooks"
    work.mkdir()
    node = nbformat.read(notebook, as_version=4)
    client = nbclient.NotebookClient(
        node, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(work)}}
    )
    client.execute()
    errors = [
        output
        for cell in node.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert errors == []
    displayed = [
        output
        for cell in node.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "display_data"
    ]
    assert displayed, f"{notebook.name} displays no widget"
    # Opening a notebook changes no claim file.
    assert {p: p.read_bytes() for p in shipped_copy.rglob("*.yaml")} == before
