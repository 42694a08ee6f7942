"""The network view: the shipped case's network with its evidence, and no private name in
anything the view shows, even when one was written into a link's evidence or a source title."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("ipywidgets")
pytest.importorskip("networkx")
pytest.importorskip("matplotlib")

from claimtrack.widgets import Desk, NetworkView

SECRET = "Rachid Bennani"
LEADER = f"""\
id: network-leader
kind: person
label: the leader of the network
name: {SECRET}
notes: {SECRET} was seen at every election.
links:
  - kind: operates
    to: page-one
    confidence: likely
    evidence:
      - source: article-one
        shows: The article says {SECRET} runs the page.
    note: Ask {SECRET}'s lawyer.
"""
PAGE = """\
id: page-one
kind: social-account
label: a Facebook page attacking opponents
platform: facebook
handle: page.one
"""
SOURCE = f"""\
id: article-one
kind: article
title: How {SECRET} built a network
publisher: A newspaper
"""


@pytest.fixture
def root(make_dataset) -> Path:
    return make_dataset(
        {
            "actors/network-leader.yaml": LEADER,
            "actors/page-one.yaml": PAGE,
            "sources/article-one.yaml": SOURCE,
        }
    )


def everything_shown(view: NetworkView) -> str:
    parts = [label for label, _ in view.actors]
    parts += [str(v) for row in view.evidence_shown for v in row.values()]
    parts += view.texts
    parts += [view.summary.value, view.evidence_html.value, view.desk.message]
    parts += [label for label, _ in view.actor_picker.options]
    return "\n".join(parts)


def test_a_private_name_is_never_shown(root: Path) -> None:
    view = NetworkView(Desk(root), case="case-one")
    assert ("the leader of the network", "network-leader") in view.actors
    for actor_id in ("network-leader", "page-one"):
        view.select(actor_id)
        assert view.evidence_shown
        assert SECRET not in everything_shown(view)
    assert view.figure.startswith(b"\x89PNG")


def test_selecting_an_actor_shows_each_links_evidence(root: Path) -> None:
    view = NetworkView(Desk(root))
    view.actor_picker.value = "network-leader"
    assert view.selected == "network-leader"
    [row] = view.evidence_shown
    assert row["kind"] == "operates"
    assert row["other"] == "a Facebook page attacking opponents"
    assert row["confidence"] == "likely"
    assert row["source"] == "article-one"
    assert row["source_title"] == "How [the leader of the network] built a network"
    assert row["shows"] == "The article says [the leader of the network] runs the page."
    assert "likely" in view.evidence_html.value
    # The other end sees the same link, from its side.
    [row] = view.select("page-one")
    assert row["other"] == "the leader of the network"
    # Colours have a legend: the kinds and the confidences drawn.
    assert {"person", "social-account", "likely"} <= set(view.texts)


def test_the_shipped_case_network_is_suspected_throughout(shipped_copy: Path) -> None:
    view = NetworkView(Desk(shipped_copy), case="fes-meknes-network")
    ids = {actor_id for _, actor_id in view.actors}
    assert {"network-leader", "digital-network", "mp-fes-meknes"} <= ids
    rows = view.select("digital-network")
    tie = next(r for r in rows if r["kind"] == "tied-to")
    assert tie["confidence"] == "suspected"
    assert tie["source"] == "al-assima-2025-04-09-network"
    assert {r["confidence"] for r in rows} == {"suspected"}


def test_an_unknown_case_or_actor_is_a_message(root: Path) -> None:
    desk = Desk(root)
    view = NetworkView(desk, case="no-such-case")
    assert "no case is called 'no-such-case'" in desk.message
    assert view.select("nobody") == []
    assert "no actor 'nobody'" in desk.message


def test_a_large_network_is_drawn_around_the_selected_actor(make_dataset) -> None:
    from claimtrack.widgets.network import MAX_DRAWN

    count = MAX_DRAWN + 10
    files: dict[str, str | None] = {}
    for i in range(count):
        link = (
            f"links:\n  - kind: promotes\n    to: page-{i + 1:03d}\n    confidence: suspected\n"
            if i + 1 < count
            else ""
        )
        files[f"actors/page-{i:03d}.yaml"] = (
            f"id: page-{i:03d}\nkind: social-account\nlabel: page number {i}\n{link}"
        )
    view = NetworkView(Desk(make_dataset(files)))
    assert len(view.actors) == count + 1  # and the fixture's leader, without links
    assert len(view.drawn) == MAX_DRAWN
    assert "too many to draw at once" in view.drawing_note.value
    view.select(f"page-{count - 1:03d}")
    assert len(view.drawn) == MAX_DRAWN
    assert view.drawn[0] == f"page-{count - 1:03d}"
    assert f"page-{count - 2:03d}" in view.drawn
