"""The fast writer for bulk creation writes what ruamel's `render` writes, and reads back."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.interop import read_inputs
from claimtrack.interop.importer import plan
from claimtrack.problems import ClaimtrackError
from claimtrack.store import create_documents, load, plain, render
from claimtrack.store.emit import emit, scalar
from claimtrack.store.parse import parse

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "claimreview"
SHIPPED = Path(__file__).resolve().parents[2] / "claims"


def test_same_text_as_render_for_imported_and_shipped_records(make_dataset) -> None:
    files = sorted(p for p in FIXTURES.iterdir() if p.name != "SOURCE.txt")
    checks, _ = read_inputs(files, "claimreview")
    planned = plan(load(make_dataset()), checks, "Salma").created
    records = [r for p in planned for r in (p.claim, p.source)]
    records += [loaded.record for loaded in load(SHIPPED).records()]
    for record in records:
        assert emit(plain(record)) == render(record), record.id


@pytest.mark.parametrize(
    "text",
    ["it's", 'a\\b "q"', "yes", "No", "1.5", "0x1F", "- x", "a: b", "x #y", "#x", "", " x", "~"],
)
def test_texts_read_back_as_written(text: str) -> None:
    data, problem = parse(f"k: {scalar(text)}\n".encode(), "x.yaml")
    assert problem is None and data == {"k": text}


def test_multi_line_texts_are_left_to_ruamel() -> None:
    assert emit({"notes": "two\nlines"}) is None


def test_create_documents_refuses_an_existing_file(make_dataset) -> None:
    root = make_dataset()
    source = load(root).source("article-one")
    with pytest.raises(ClaimtrackError) as refused:
        create_documents([(source.path, "source", source.record)])
    assert refused.value.problem.code == "file-exists"


KEYS = st.sampled_from(["id", "statement", "url", "translations", "a b", "yes"])
LEAVES = st.one_of(st.text(max_size=40), st.integers(), st.booleans(), st.none())
VALUES = st.recursive(
    LEAVES,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(KEYS, inner, max_size=3)),
    max_leaves=8,
)


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.dictionaries(KEYS, VALUES, min_size=1, max_size=4))
def test_what_emit_writes_reads_back_as_the_same_data(data: dict) -> None:
    # Bulk creation writes emit's text without reading it back: this is what makes that safe.
    content = emit(data)
    if content is not None:
        assert parse(content, "x.yaml") == (data, None)
