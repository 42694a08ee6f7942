"""Editing a record in place: ruamel round-trip, so comments, key order and quoting survive.

Only the file being edited pays for the round-trip loader. A save writes atomically, never over
a file that changed on disk since it was opened, and not at all when nothing changed.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import LiteralScalarString

from ..problems import ClaimtrackError, Problem
from .atomic import write_atomic
from .emit import emit
from .parse import MAX_FILE_BYTES, parse, too_large
from .records import Kind, validate

_BOM = b"\xef\xbb\xbf"
# Fields written even at their default value, because a reader of the file wants to see them.
ALWAYS_WRITTEN = {"status", "verdict", "public_figure"}
_SKIPPED_TAGS = {
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:merge",
    "tag:yaml.org,2002:value",
    "tag:yaml.org,2002:yaml",
}


class CoreResolver(VersionedResolver):
    """YAML 1.2 without timestamps or merge keys, as the fast loader reads it."""

    @property
    def versioned_resolver(self) -> Any:
        table = super().versioned_resolver
        return {
            first: [(tag, rx) for tag, rx in pairs if str(tag) not in _SKIPPED_TAGS]
            for first, pairs in table.items()
        }


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = CoreResolver
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold long statements: one line each keeps diffs small
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


@dataclass
class Document:
    """A record opened for editing, with the bytes it was read from."""

    path: Path
    kind: Kind
    record: Any
    tree: CommentedMap
    original: bytes


def open_document(path: Path, kind: Kind, display: str | None = None) -> Document:
    """Open one record for editing. Raises ClaimtrackError when the file is not a valid record."""
    display = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ClaimtrackError(too_large(size, display))
        raw = path.read_bytes()
    except OSError as exc:
        raise ClaimtrackError(
            Problem("unreadable-file", f"cannot read this file: {exc.strerror}", display)
        ) from exc
    data, problem = parse(raw, display)
    if problem:
        raise ClaimtrackError(problem)
    record, problems = validate(kind, data, display, lambda: raw)
    if problems:
        raise ClaimtrackError(problems[0])
    tree = _yaml().load(raw.replace(b"\r\n", b"\n"))  # saves put the '\r\n' back
    return Document(path, kind, record, tree, raw)


def render(record: BaseModel, tree: CommentedMap | None = None) -> bytes:
    """The YAML text of `record`, written over `tree` (keeping its comments) or anew."""
    data = plain(record)
    tree = tree if tree is not None else CommentedMap()
    _merge_mapping(tree, data)
    out = io.BytesIO()
    _yaml().dump(tree, out)
    return out.getvalue()


def plain(record: BaseModel) -> dict[str, Any]:
    """The record as it is written: JSON types, field order, empty optional fields left out."""
    data = record.model_dump(mode="json", by_alias=True)
    return _prune(data)


def _prune(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {
            k: _prune(v, k)
            for k, v in value.items()
            if k in ALWAYS_WRITTEN or v not in (None, [], {}, False)
        }
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def save_document(document: Document, record: BaseModel) -> Document:
    """Write `record` over the document's file; returns the document as now on disk.

    Refuses (ClaimtrackError 'stale-file') when the file changed on disk since it was opened.
    """
    if record == document.record:
        return document
    content = _in_the_style_of(document.original, render(record, document.tree))
    if content == document.original:
        return Document(document.path, document.kind, record, document.tree, content)
    _refuse_if_invalid(document.path, document.kind, content)
    _refuse_if_changed(document.path, document.original)
    write_atomic(document.path, content)
    return Document(document.path, document.kind, record, document.tree, content)


def create_document(path: Path, kind: Kind, record: BaseModel) -> Document:
    """Write a new record file; refuses to replace a file that exists."""
    if path.exists():
        raise ClaimtrackError(
            Problem(
                "file-exists",
                f"{path} already exists; choose another id, or edit that record instead",
                str(path),
            )
        )
    content = render(record)
    _refuse_if_invalid(path, kind, content)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, content)
    return Document(path, kind, record, _yaml().load(content), content)


def create_documents(items: Iterable[tuple[Path, Kind, BaseModel]]) -> int:
    """Write many new record files (an import): each refused if it exists or would not load
    back, each appearing whole (written aside, then renamed), and all made durable by one
    sync at the end rather than one per file. New records need no comment-keeping writer, so
    they are written by `emit`, in the same style as `render`. Returns the number written."""
    written = 0
    try:
        for path, kind, record in items:
            if path.exists():
                raise ClaimtrackError(
                    Problem("file-exists", f"{path} already exists; nothing replaced", str(path))
                )
            # The record is a validated model, and `emit` writes only what reads back as the
            # same data (a property test holds it to that); what it is unsure of, ruamel
            # writes, with the full check.
            content = emit(plain(record))
            if content is None:
                content = render(record)
                _refuse_if_invalid(path, kind, content)
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.new")
            temporary.write_bytes(content)
            os.replace(temporary, path)
            written += 1
    finally:
        if written:
            os.sync()
    return written


def remove_document(document: Document) -> None:
    """Delete a record's file, as when two claims are merged; refuses ('stale-file') when the
    file changed on disk since it was opened."""
    _refuse_if_changed(document.path, document.original)
    document.path.unlink()


def _in_the_style_of(original: bytes, content: bytes) -> bytes:
    """Keep the file's Windows line endings and byte order mark, so an edit changes only the
    lines it touches."""
    if b"\r\n" in original:
        content = content.replace(b"\n", b"\r\n")
    if original.startswith(_BOM):
        content = _BOM + content
    return content


def _refuse_if_invalid(path: Path, kind: Kind, content: bytes) -> None:
    """Never write a file the store would refuse to load: model_copy(update=...) does not
    validate, so a bad value would otherwise reach the disk."""
    data, problem = parse(content, str(path))
    if problem is None:
        _, problems = validate(kind, data, str(path), lambda: content)
        problem = problems[0] if problems else None
    if problem is not None:
        # No line or column: they would point into text that was never written.
        message = f"not saved: {problem.message}"
        raise ClaimtrackError(Problem(problem.code, message, str(path), field=problem.field))


def _refuse_if_changed(path: Path, original: bytes) -> None:
    try:
        current = path.read_bytes()
    except FileNotFoundError:
        current = b""
    if hashlib.sha256(current).digest() != hashlib.sha256(original).digest():
        raise ClaimtrackError(
            Problem(
                "stale-file",
                "this file changed on disk after it was opened (someone else saved it, or git "
                "changed it); reload it, apply your change again, then save",
                str(path),
            )
        )


def _merge_mapping(tree: CommentedMap, data: dict[str, Any]) -> None:
    order = list(data)
    for key in [k for k in tree if k not in data]:
        if tree[key] not in (None, [], {}, False):  # keep explicit empties the user wrote
            del tree[key]
    for index, key in enumerate(order):
        value = data[key]
        if key in tree:
            tree[key] = _merge(tree[key], value)
            continue
        # Insert after the nearest key that comes before it in the model's order.
        position = 0
        for earlier in reversed(order[:index]):
            if earlier in tree:
                position = list(tree).index(earlier) + 1
                break
        tree.insert(position, key, _new(value))


def _merge(old: Any, new: Any) -> Any:
    if isinstance(new, dict) and isinstance(old, CommentedMap):
        _merge_mapping(old, new)
        return old
    if isinstance(new, list) and isinstance(old, CommentedSeq):
        for i, item in enumerate(new):
            if i < len(old):
                old[i] = _merge(old[i], item)
            else:
                old.append(_new(item))
        del old[len(new) :]
        return old
    if old == new and isinstance(old, bool) == isinstance(new, bool):
        return old  # same value (1 == True does not count): keep its quoting and style
    if isinstance(new, str) and isinstance(old, LiteralScalarString) and _fits_a_block(new):
        return LiteralScalarString(new)
    return _new(new)


def _new(value: Any) -> Any:
    if isinstance(value, dict):
        tree = CommentedMap()
        _merge_mapping(tree, value)
        return tree
    if isinstance(value, list):
        return CommentedSeq(_new(v) for v in value)
    if isinstance(value, str) and _fits_a_block(value):
        return LiteralScalarString(value)
    return value


def _fits_a_block(text: str) -> bool:
    """Multi-line text reads best as a literal block (|), which keeps it exactly only when no
    line starts or ends with white space; other texts are left to the emitter, which quotes."""
    return "\n" in text and all(line == line.strip(" \t") for line in text.split("\n"))
