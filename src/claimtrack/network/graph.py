"""The actors and their links as a graph: components, degree and betweenness, the claims that
cite each component, and exports to JSON, GraphML and GEXF (Gephi opens both).

Private persons appear by their label only. The private `name` of an actor enters an export
only when the caller asks for it explicitly (include_private_names); otherwise every name of a
private actor is also replaced by its label in any free text that is exported (notes, what the
evidence shows), in case someone wrote it there.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from ..models import Actor
    from ..store import Dataset

FORMATS = ("json", "graphml", "gexf")


@dataclass
class Network:
    graph: nx.MultiDiGraph
    components: list[dict[str, Any]] = field(default_factory=list)


def build(
    dataset: Dataset, *, case: str | None = None, include_private_names: bool = False
) -> Network:
    """The graph of the dataset's actors (or, for a case, of the components its claims cite)."""
    actors = {loaded.record.id: loaded.record for loaded in dataset.actors}
    secrets = {} if include_private_names else _private_names(actors.values())
    graph = nx.MultiDiGraph()
    for actor in actors.values():
        graph.add_node(actor.id, **_node(actor, include_private_names, secrets))
    for actor in actors.values():
        for link in actor.links:
            if link.to not in actors or link.to == actor.id:
                continue  # reported by validate; a graph needs both ends
            graph.add_edge(
                actor.id,
                link.to,
                key=str(link.kind),
                kind=str(link.kind),
                confidence=str(link.confidence),
                evidence=[
                    {"source": e.source, "shows": _scrub(e.shows, secrets)} for e in link.evidence
                ],
                note=_scrub(link.note, secrets),
            )
    cited: dict[str, set[str]] = {}
    for loaded in dataset.claims:
        if case is not None and loaded.case != case:
            continue
        for subject in loaded.record.subjects:
            cited.setdefault(subject, set()).add(loaded.record.id)
    simple = nx.Graph(graph)  # components and betweenness ignore direction and repeated links
    betweenness = nx.betweenness_centrality(simple)
    components = []
    for members in sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(c))):
        claims = sorted({claim for actor_id in members for claim in cited.get(actor_id, ())})
        if case is not None and not claims:
            continue
        components.append({"actors": sorted(members), "claims": claims})
    if case is not None:
        keep = {actor_id for component in components for actor_id in component["actors"]}
        graph = graph.subgraph(keep).copy()
    for number, component in enumerate(components, 1):
        component["id"] = number
        for actor_id in component["actors"]:
            node = graph.nodes[actor_id]
            node["component"] = number
            node["degree"] = simple.degree(actor_id)
            node["betweenness"] = round(betweenness[actor_id], 6)
            node["claims"] = sorted(cited.get(actor_id, ()))
    return Network(graph, components)


def export(network: Network, fmt: str) -> str:
    """The network as text in `fmt`: json (nodes, links, components), graphml or gexf."""
    if fmt == "json":
        return json.dumps(to_dict(network), ensure_ascii=False, indent=2) + "\n"
    flat = _flat(network.graph)
    out = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat, out, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(flat, out, encoding="utf-8")
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return out.getvalue().decode("utf-8")


def to_dict(network: Network) -> dict[str, Any]:
    graph = network.graph
    return {
        "nodes": [{"id": n, **graph.nodes[n]} for n in sorted(graph.nodes)],
        "links": [
            {"from": a, "to": b, **data}
            for a, b, data in sorted(
                graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["kind"])
            )
        ],
        "components": network.components,
    }


def _node(actor: Actor, include_private_names: bool, secrets: dict[str, str]) -> dict[str, Any]:
    node: dict[str, Any] = {
        "kind": str(actor.kind),
        "label": actor.label,
        "public_figure": actor.public_figure,
        "private": actor.is_private,
    }
    if actor.name and (include_private_names or not actor.is_private):
        node["name"] = actor.name
    for key in ("platform", "handle", "url"):
        value = getattr(actor, key)
        if value:
            node[key] = value
    if actor.created:
        node["created"] = actor.created.isoformat()
    if actor.notes:
        node["notes"] = _scrub(actor.notes, secrets)
    return node


def _private_names(actors: Any) -> dict[str, str]:
    return {a.name: a.label for a in actors if a.name and a.is_private}


def _scrub(text: str | None, secrets: dict[str, str]) -> str | None:
    if text is None:
        return None
    for name, label in secrets.items():
        text = text.replace(name, f"[{label}]")
    return text


def _flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML and GEXF hold only scalars: lists become text, missing values are left out."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **_scalars(data))
    for a, b, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(a, b, key=key, **_scalars(data))
    return flat


def _scalars(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if value is None:
            continue
        if key == "evidence":
            value = "; ".join(f"{e['source']}: {e['shows']}" for e in value)
        elif isinstance(value, list):
            value = " ".join(str(v) for v in value)
        out[key] = value
    return out
