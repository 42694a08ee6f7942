"""The network view: the actors and links of a case drawn with networkx and matplotlib, nodes
coloured by actor kind and links by confidence, and the evidence of a selected actor's links.

The graph comes from `claimtrack.network.graph.build`, the same as `claimtrack network show`:
actors appear by their public label, and a private person's name is replaced by their label in
every text of a link. Source titles shown beside the evidence get the same replacement.
"""

from __future__ import annotations

import textwrap
from typing import Any

import ipywidgets as widgets
import networkx as nx

from ..network.graph import Network, build
from ..problems import Problem
from .charts import new_figure, png
from .display import table_html, text
from .session import Desk

KIND_COLOURS = {
    "person": "#4c72b0",
    "public-official": "#8172b3",
    "organisation": "#55a868",
    "company": "#937860",
    "social-account": "#dd8452",
    "messaging-group": "#da8bc3",
    "network": "#c44e52",
}
CONFIDENCE_STYLES = {  # colour, line style
    "confirmed": ("#1b5e20", "solid"),
    "likely": ("#e69f00", "dashed"),
    "suspected": ("#9e9e9e", "dotted"),
}
ALL_CASES = "(all cases)"
MAX_DRAWN = 40  # actors: a larger network is drawn around one actor, its closest neighbours


class NetworkView(widgets.VBox):
    """The network of a case (or of the whole dataset); `select(actor_id)` shows its links."""

    def __init__(self, desk: Desk, case: str | None = None) -> None:
        self.desk = desk
        self.network: Network | None = None
        self.selected: str | None = None
        self.evidence_shown: list[dict[str, str]] = []
        self.texts: list[str] = []  # every text drawn in the figure
        self.drawn: list[str] = []  # the ids of the actors drawn
        self._filling = False
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="900px"))
        self.case_picker = widgets.Dropdown(
            options=[(ALL_CASES, None), *((c, c) for c in desk.dataset.cases)],
            value=case if case in desk.dataset.cases else None,
            description="Case",
        )
        self.case_picker.observe(lambda _: self.refresh(), names="value")
        self.actor_picker = widgets.Dropdown(
            options=[], description="Actor", layout=widgets.Layout(width="60%")
        )
        self.actor_picker.add_class("ct-actor-picker")
        self.actor_picker.observe(self._picked, names="value")
        self.summary = widgets.HTML()
        self.drawing_note = widgets.HTML()
        self.evidence_html = widgets.HTML()
        super().__init__(
            [
                widgets.HBox([self.case_picker, self.actor_picker]),
                self.summary,
                self.image,
                self.drawing_note,
                self.evidence_html,
            ]
        )
        self.add_class("ct-network")
        if case is not None and case not in desk.dataset.cases:
            desk.show_error(
                Problem(
                    "unknown-case",
                    f"no case is called '{case}'; cases: {', '.join(desk.dataset.cases) or 'none'}",
                    str(desk.root),
                )
            )
        desk.on_reload(self.refresh)
        self.refresh()

    @property
    def case(self) -> str | None:
        value: str | None = self.case_picker.value
        return value

    @property
    def actors(self) -> list[tuple[str, str]]:
        """(label, id) of every actor drawn, by label."""
        if self.network is None:
            return []
        graph = self.network.graph
        return sorted(((graph.nodes[n]["label"], n) for n in graph.nodes), key=lambda a: a[0])

    @property
    def figure(self) -> bytes:
        """The drawing, as PNG bytes."""
        return bytes(self.image.value)

    def refresh(self) -> None:
        self.network = build(self.desk.dataset, case=self.case)
        graph = self.network.graph
        keep = self.selected if self.selected in graph else None
        self._filling = True
        try:
            self.actor_picker.options = [("(pick an actor)", None), *self.actors]
            self.actor_picker.index = 0  # shows the placeholder (a value of None shows nothing)
            self.actor_picker.value = keep
        finally:
            self._filling = False
        components = self.network.components
        self.summary.value = (
            f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} links, "
            f"{len(components)} connected groups. Private persons are shown by their label only."
        )
        self.select(keep)

    def _picked(self, change: dict[str, Any]) -> None:
        if not self._filling and change["new"] != self.selected:
            self.select(change["new"])

    def select(self, actor_id: str | None) -> list[dict[str, str]]:
        """Show the links of an actor with their confidence and evidence (None: no actor)."""
        graph = self.network.graph if self.network else None
        if actor_id is not None and (graph is None or actor_id not in graph):
            self.desk.show_error(
                Problem("unknown-actor", f"no actor '{actor_id}' in this network", "")
            )
            actor_id = None
        self.selected = actor_id
        if self.actor_picker.value != actor_id:
            self._filling = True
            try:
                self.actor_picker.value = actor_id
            finally:
                self._filling = False
        self.evidence_shown = self._evidence(actor_id) if actor_id else []
        self.evidence_html.value = self._evidence_html(actor_id)
        self.image.value = self._draw()
        return self.evidence_shown

    # Evidence --------------------------------------------------------------------------

    def _evidence(self, actor_id: str) -> list[dict[str, str]]:
        assert self.network is not None
        graph = self.network.graph
        rows = []
        edges = [(a, b, d, "to") for a, b, d in graph.out_edges(actor_id, data=True)]
        edges += [(a, b, d, "from") for a, b, d in graph.in_edges(actor_id, data=True)]
        for a, b, data, direction in edges:
            other = b if direction == "to" else a
            link = (
                f"{data['kind']} → {graph.nodes[other]['label']}"
                if direction == "to"
                else f"{graph.nodes[other]['label']} → {data['kind']}"
            )
            for item in data["evidence"] or [{"source": "", "shows": "no evidence recorded"}]:
                rows.append(
                    {
                        "link": link,
                        "kind": data["kind"],
                        "other": graph.nodes[other]["label"],
                        "confidence": data["confidence"],
                        "source": item["source"],
                        "source_title": self._source_title(item["source"]),
                        "shows": item["shows"] or "",
                        "note": data.get("note") or "",
                    }
                )
        return rows

    def _evidence_html(self, actor_id: str | None) -> str:
        if actor_id is None or self.network is None:
            return "<i>Pick an actor to see the evidence for each of its links.</i>"
        node = self.network.graph.nodes[actor_id]
        head = f"<b>{text(node['label'])}</b> ({text(node['kind'])})"
        if not self.evidence_shown:
            return head + ": no links recorded."
        return head + table_html(
            ["link", "confidence", "source", "what it shows", "note"],
            [
                [r["link"], r["confidence"], r["source_title"], r["shows"], r["note"]]
                for r in self.evidence_shown
            ],
        )

    def _source_title(self, source_id: str) -> str:
        loaded = self.desk.dataset.source(source_id) if source_id else None
        if loaded is None:
            return source_id
        title = loaded.record.title
        for actor in self.desk.dataset.actors:
            record = actor.record
            if record.name and record.is_private:
                title = title.replace(record.name, f"[{record.label}]")
        return title

    # Drawing ---------------------------------------------------------------------------

    def _drawable(self) -> nx.MultiDiGraph:
        """The part of the network drawn: all of it, or the MAX_DRAWN actors closest to the
        selected actor (else to the most linked one) when it is larger."""
        assert self.network is not None
        graph = self.network.graph
        self.drawing_note.value = ""
        if graph.number_of_nodes() <= MAX_DRAWN:
            self.drawn = sorted(graph.nodes)
            return graph
        simple = nx.Graph(graph)
        centre = self.selected or max(simple.degree, key=lambda d: (d[1], d[0]))[0]
        self.drawn = [centre, *(b for _, b in nx.bfs_edges(simple, centre))][:MAX_DRAWN]
        self.drawing_note.value = (
            f"<i>{graph.number_of_nodes()} actors are too many to draw at once: the drawing "
            f"shows the {len(self.drawn)} closest to {text(graph.nodes[centre]['label'])}. "
            "Pick an actor (or a case) to draw another part.</i>"
        )
        return graph.subgraph(self.drawn)

    def _draw(self) -> bytes:
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        assert self.network is not None
        graph = self._drawable()
        figure, axes = new_figure(10, 7.5)
        axes.set_axis_off()
        self.texts = []
        if graph.number_of_nodes() == 0:
            axes.text(0.5, 0.5, "no actors in this network", ha="center", va="center")
            self.texts = ["no actors in this network"]
            return png(figure)
        layout = _layout(nx.Graph(graph))
        for a, b, data in graph.edges(data=True):
            colour, style = CONFIDENCE_STYLES.get(data["confidence"], ("#000000", "solid"))
            selected = self.selected in (a, b)
            axes.annotate(
                "",
                xy=layout[b],
                xytext=layout[a],
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": colour,
                    "linestyle": style,
                    "linewidth": 2.6 if selected else 1.4,
                    "shrinkA": 12,
                    "shrinkB": 12,
                },
            )
            middle = (layout[a] + layout[b]) / 2
            axes.text(*middle, data["kind"], fontsize=6, color="#555555", ha="center")
            self.texts.append(data["kind"])
        for node, data in graph.nodes(data=True):
            x, y = layout[node]
            axes.scatter(
                [x],
                [y],
                s=420 if node == self.selected else 240,
                color=KIND_COLOURS.get(data["kind"], "#999999"),
                edgecolors="black" if node == self.selected else "white",
                linewidths=2.5 if node == self.selected else 1,
                zorder=3,
            )
            label = _short(data["label"])
            axes.text(x, y - 0.07, label, fontsize=7, ha="center", va="top", zorder=4)
            self.texts.append(label)
        kinds = sorted({data["kind"] for _, data in graph.nodes(data=True)})
        confidences = [
            c
            for c in CONFIDENCE_STYLES
            if any(d["confidence"] == c for *_, d in graph.edges(data=True))
        ]
        handles: list[Any] = [Patch(color=KIND_COLOURS.get(k, "#999999"), label=k) for k in kinds]
        handles += [
            Line2D(
                [], [], color=CONFIDENCE_STYLES[c][0], linestyle=CONFIDENCE_STYLES[c][1], label=c
            )
            for c in confidences
        ]
        axes.legend(handles=handles, loc="upper left", fontsize=7, frameon=False)
        self.texts += kinds + confidences
        xs = [p[0] for p in layout.values()]
        ys = [p[1] for p in layout.values()]
        axes.set_xlim(min(xs) - 0.3, max(xs) + 0.3)
        axes.set_ylim(min(ys) - 0.25, max(ys) + 0.1)
        return png(figure)


def _short(label: str, width: int = 26, lines: int = 2) -> str:
    """A label wrapped on a few lines, cut with an ellipsis (the table shows it whole)."""
    wrapped = textwrap.wrap(label, width)
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], textwrap.shorten(" ".join(wrapped[lines - 1 :]), width)]
    return "\n".join(wrapped)


def _layout(simple: nx.Graph) -> dict[str, Any]:
    """Connected actors by a spring layout over most of the drawing; actors without any link
    in a row below it, so that they do not squeeze the network."""
    import numpy as np

    alone = sorted(n for n in simple if simple.degree(n) == 0)
    linked = simple.subgraph([n for n in simple if simple.degree(n) > 0])
    layout: dict[str, Any] = {}
    if len(linked):
        k = 2.2 / max(1, len(linked)) ** 0.5
        layout = nx.spring_layout(linked, seed=7, k=k, iterations=300)
    top = min((p[1] for p in layout.values()), default=0.0) - 0.45
    for i, node in enumerate(alone):
        x = -1 + 2 * (i + 0.5) / len(alone) if len(alone) > 1 else 0.0
        layout[node] = np.array([x, top])
    return layout
