"""The network graph and its exports: analysis, case filter, and no private name in any export."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.network.graph import build, export
from claimtrack.store import load

NAME = "Hamid Benslimane"  # planted: a private person's name that must never be exported
LEADER = f"""\
id: network-leader
kind: person
label: the leader of the network
name: {NAME}
links:
  - kind: operates
    to: page-one
    evidence: [{{source: article-one, shows: 'a screenshot shows {NAME} as the admin'}}]
    note: {NAME} runs it, according to the source
"""
PAGE = """\
id: page-one
kind: social-account
label: a Facebook page
platform: Facebook
handle: page.one
url: https://facebook.example/page.one
links:
  - kind: member-of
    to: the-network
    evidence: [{source: article-one, shows: shares its posts}]
"""
NETWORK = "id: the-network\nkind: network\nlabel: a network\n"
LONER = "id: loner\nkind: company\nlabel: a company nobody links\n"


@pytest.fixture
def root(make_dataset):
    return make_dataset(
        {
            "actors/network-leader.yaml": LEADER,
            "actors/page-one.yaml": PAGE,
            "actors/the-network.yaml": NETWORK,
            "actors/loner.yaml": LONER,
        }
    )


def run(root, *args: str):
    return CliRunner().invoke(cli, ["--data", str(root), "network", "show", *args])


def test_components_degree_betweenness_and_claims(root) -> None:
    network = build(load(root, use_cache=False))
    assert network.components == [
        {"actors": ["network-leader", "page-one", "the-network"], "claims": ["claim-one"], "id": 1},
        {"actors": ["loner"], "claims": [], "id": 2},
    ]
    page = network.graph.nodes["page-one"]
    # The only path between the leader and the network passes through the page: 1 of the 3
    # pairs of other actors (betweenness is normalised over the whole graph).
    assert (page["degree"], page["betweenness"], page["component"]) == (2, 0.333333, 1)
    assert network.graph.nodes["network-leader"]["claims"] == ["claim-one"]


def test_a_case_keeps_the_components_its_claims_cite(root) -> None:
    network = build(load(root, use_cache=False), case="case-one")
    assert sorted(network.graph.nodes) == ["network-leader", "page-one", "the-network"]


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf"])
def test_no_private_name_in_any_export(root, fmt, tmp_path) -> None:
    result = run(root, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert NAME not in result.output
    assert "the leader of the network" in result.output
    out = tmp_path / f"network.{fmt}"
    assert run(root, "--format", fmt, "--out", str(out)).exit_code == 0
    assert NAME not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf"])
def test_private_names_only_when_asked_and_with_a_warning(root, fmt) -> None:
    result = CliRunner().invoke(
        cli, ["--data", str(root), "network", "show", "--format", fmt, "--include-private-names"]
    )
    assert result.exit_code == 0
    assert NAME in result.stdout
    assert "private names" in result.stderr


@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_read_back(root, tmp_path, fmt, reader) -> None:
    out = tmp_path / f"network.{fmt}"
    out.write_text(export(build(load(root, use_cache=False)), fmt), encoding="utf-8")
    graph = reader(out)
    assert graph.number_of_nodes() == 4
    assert graph.number_of_edges() == 2
    assert graph.nodes["page-one"]["handle"] == "page.one"


def test_json_export_of_the_shipped_case(shipped_copy) -> None:
    result = run(shipped_copy, "--case", "fes-meknes-network")
    data = json.loads(result.output)
    links = {(link["from"], link["kind"], link["to"]) for link in data["links"]}
    assert ("network-leader", "operates", "digital-network") in links
    assert ("digital-network", "tied-to", "mp-fes-meknes") in links
    assert {link["confidence"] for link in data["links"]} == {"suspected"}
    biggest = data["components"][0]
    assert "ties-to-mp" in biggest["claims"] and "digital-network" in biggest["actors"]


def test_an_unknown_case_is_a_usage_error(root) -> None:
    result = run(root, "--case", "nope")
    assert result.exit_code == 2
    assert "case-one" in result.output
