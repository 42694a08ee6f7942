"""JSON Schema of each record kind, generated from the models, for editors and for CI."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .models import Actor, Claim, DatasetSettings, Source

SCHEMAS: dict[str, type[BaseModel]] = {
    "claim": Claim,
    "source": Source,
    "actor": Actor,
    "dataset": DatasetSettings,
}


def schema_text(name: str) -> str:
    model = SCHEMAS[name]
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://claimtrack.example/schemas/{name}.schema.json",
        **schema,
    }
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder`; returns the files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name in SCHEMAS:
        path = folder / f"{name}.schema.json"
        text = schema_text(name)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale_schemas(folder: Path) -> list[Path]:
    """Files in `folder` that differ from what the models generate (or are missing)."""
    stale = []
    for name in SCHEMAS:
        path = folder / f"{name}.schema.json"
        if not path.exists() or path.read_text(encoding="utf-8") != schema_text(name):
            stale.append(path)
    return stale
