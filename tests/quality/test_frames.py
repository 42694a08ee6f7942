"""Frames: documented columns, explicit dtypes, derived values, and no private names."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import pytest

from claimtrack import frames
from claimtrack.store import load
from tests.quality.helpers import claim_yaml

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def test_every_frame_has_id_and_path_and_explicit_dtypes(make_dataset) -> None:
    built = frames.build(load(make_dataset()), NOW)
    for name in frames.Frames.names():
        frame = built.get(name)
        assert list(frame.columns[:1]) == ["id"]
        assert "path" in frame.columns
        assert "object" not in {str(t) for t in frame.dtypes}, name
    claims = built.claims
    assert isinstance(claims["status"].dtype, pd.CategoricalDtype)
    assert list(claims["status"].cat.categories[:2]) == ["new", "triaged"]
    assert str(claims["created"].dtype) == "datetime64[ns, UTC]"
    assert claims["four_eyes"].dtype == bool
    assert claims.loc[0, "created"] == pd.Timestamp("2025-04-10T08:00:00Z")
    assert claims.loc[0, "appeared"] == pd.Timestamp("2025-04-09T00:00:00Z")
    assert claims.loc[0, "path"].endswith("case-one/claim-one.yaml")
    assert claims.loc[0, "n_sources"] == 1
    assert claims.loc[0, "reply_state"] == "none"
    assert built.sources.loc[0, "n_claims"] == 1
    assert built.languages == ["ar", "fr", "en"]


def test_days_in_status_count_from_the_event_that_set_the_status(make_dataset) -> None:
    text = claim_yaml(
        status="researching",
        assignee="Salma",
        history=[
            {"time": "2025-04-10T09:00:00+01:00", "actor": "Salma", "action": "created",
             "to": "new"},
            {"time": "2025-05-02T00:00:00+00:00", "actor": "Salma", "action": "start-research",
             "from": "triaged", "to": "researching"},
        ],
    )  # fmt: skip
    built = frames.build(load(make_dataset({"case-one/claim-one.yaml": text})), NOW)
    row = built.claims.iloc[0]
    assert row["days_in_status"] == pytest.approx(30.0)
    assert row["days_in_work"] == pytest.approx(30.0)
    assert row["status_since"] == pd.Timestamp("2025-05-02T00:00:00Z")


def test_evidence_history_actors_links(make_dataset) -> None:
    text = claim_yaml(evidence=[{"source": "article-one", "shows": "it reports the network"}])
    root = make_dataset(
        {
            "case-one/claim-one.yaml": text,
            "actors/network-leader.yaml": "id: network-leader\nkind: person\n"
            "label: the leader of the network\nname: Secret Person\nhandle: secret_handle\n"
            "links:\n  - kind: operates\n    to: network-leader\n",
        }
    )
    built = frames.build(load(root), NOW)
    assert built.evidence[["id", "source", "source_preserved"]].values.tolist() == [
        ["claim-one", "article-one", False]
    ]
    assert built.history["action"].tolist() == ["created"]
    assert built.links[["id", "kind", "to"]].values.tolist() == [
        ["network-leader", "operates", "network-leader"]
    ]
    assert built.actors.loc[0, "label"] == "the leader of the network"
    assert built.actors.loc[0, "private"]


def test_private_names_never_reach_a_frame(make_dataset) -> None:
    root = make_dataset(
        {
            "actors/network-leader.yaml": "id: network-leader\nkind: person\n"
            "label: the leader of the network\nname: Secret Person\nhandle: secret_handle\n"
        }
    )
    built = frames.build(load(root), NOW)
    for name in frames.Frames.names():
        frame = built.get(name)
        assert "name" not in frame.columns and "handle" not in frame.columns
        text = frame.astype(str).to_csv()
        assert "Secret Person" not in text and "secret_handle" not in text


def test_empty_dataset_gives_empty_frames_with_their_columns(make_dataset) -> None:
    root = make_dataset({"case-one/claim-one.yaml": None, "sources/article-one.yaml": None})
    built = frames.build(load(root), NOW)
    assert len(built.claims) == 0
    assert "normalised" in built.claims.columns
    assert isinstance(built.claims["status"].dtype, pd.CategoricalDtype)
