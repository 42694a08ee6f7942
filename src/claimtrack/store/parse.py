"""Fast, safe parsing of one YAML file into plain data, or a problem that says what is wrong.

The C loader does the work. Hostile input is refused before or while parsing: no tags, no
anchors or aliases (so no alias bombs or merge loops), no duplicate keys, one document, UTF-8,
a size cap. Timestamps are not resolved: dates stay strings and the models parse them, so the
data is plain JSON types and can be cached. Positions are computed only for files that have
problems (see `locate`).
"""

from __future__ import annotations

import re
import sys
from typing import Any

import yaml

from ..problems import Problem

MAX_FILE_BYTES = 1024 * 1024
_BOM = b"\xef\xbb\xbf"
# Bytes that may start a tag, an anchor or an alias; only files holding one get the slow scan.
_SUSPECT = (b"!", b"&", b"*")
_HIDDEN_BREAKS = {
    "\u0085": "U+0085 (next line)",
    "\u2028": "U+2028 (line separator)",
    "\u2029": "U+2029 (paragraph separator)",
}


# YAML 1.2 core schema for plain scalars: 'no' and 'on' stay text, dates stay text.
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_NUMERIC_START = frozenset("-+0123456789.")
# First characters of plain keys that may not be text (numbers, true, null, ~, the empty key).
_KEY_SPECIAL = _NUMERIC_START | frozenset("tTfFnN~") | {""}
_MAX_DEPTH = 4000
_PLAIN = "plain"  # the tag our resolver gives plain scalars; quoted ones are always text


class DuplicateKey(yaml.MarkedYAMLError):
    pass


class SafeLoader(yaml.CSafeLoader):
    """libyaml composes the nodes; resolution is left to `_build`, which is faster than PyYAML's
    constructor and knows only plain data. Tags, anchors and aliases never reach it: `parse`
    refuses them first."""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """No path resolvers here: skip PyYAML's bookkeeping for them."""

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else "tag:yaml.org,2002:str"
        if kind is yaml.MappingNode:
            return "tag:yaml.org,2002:map"
        return "tag:yaml.org,2002:seq"


def _plain(node: yaml.ScalarNode) -> Any:
    value: str = node.value
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if value[0] not in _NUMERIC_START:
        return value
    if _INT.fullmatch(value):
        try:
            if value.startswith(("0o", "0x")):
                return int(value[2:], 8 if value[1] == "o" else 16)
            return int(value, 10)  # '012' is twelve, as YAML 1.2 says
        except ValueError:  # more digits than Python converts
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"this number has {len(value):,} digits, too many to read; if it is text, put it "
                "in quotes",
                node.start_mark,
            ) from None
    if _FLOAT.fullmatch(value):
        low = value.lower()
        return float(low.replace(".", "") if low.endswith((".inf", ".nan")) else value)
    return value


def _build(node: yaml.Node) -> Any:
    # Scalars are handled inline: most nodes are scalars, and a call each costs time here.
    kind = type(node)
    if kind is yaml.ScalarNode:
        return _plain(node) if node.tag is _PLAIN else node.value
    if kind is yaml.SequenceNode:
        return [
            (_plain(item) if item.tag is _PLAIN else item.value)
            if type(item) is yaml.ScalarNode
            else _build(item)
            for item in node.value
        ]
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = key_node.value if type(key_node) is yaml.ScalarNode else _build(key_node)
        if key_node.tag is _PLAIN and type(key) is str and key[:1] in _KEY_SPECIAL:
            key = _plain(key_node)
        if type(value_node) is yaml.ScalarNode:
            value = _plain(value_node) if value_node.tag is _PLAIN else value_node.value
        else:
            value = _build(value_node)
        try:
            mapping[key] = value
        except TypeError:  # a list or mapping used as a key
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be plain text, not a list or mapping", key_node.start_mark
            ) from None
    if len(mapping) != len(node.value):
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = _build(key_node)
            if key in seen:
                raise DuplicateKey(
                    problem=f"the key '{key}' appears twice in this mapping",
                    problem_mark=key_node.start_mark,
                )
            seen.add(key)
    return mapping


def load_plain(raw: bytes) -> Any:
    """The plain data of one YAML document (None when it holds no node)."""
    loader = SafeLoader(raw)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if node is None:
        return None
    # libyaml stops at 1,000 levels; leave the builder room for that many, whoever calls us.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _MAX_DEPTH))
    try:
        return _build(node)
    finally:
        sys.setrecursionlimit(limit)


def too_large(size: int, path: str) -> Problem:
    """The problem for a file over the size cap (callers that know the size need not read it)."""
    return Problem(
        "file-too-large",
        f"this file has {size:,} bytes, over the {MAX_FILE_BYTES:,} allowed; a record "
        "is a few kilobytes: move long documents to a stored copy and cite it by sha256",
        path,
    )


def parse(raw: bytes, path: str) -> tuple[Any, Problem | None]:
    """Parse one file's bytes. Returns (data, None) or (None, the problem)."""
    if len(raw) > MAX_FILE_BYTES:
        return None, too_large(len(raw), path)
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _offset_position(raw, exc.start)
        return None, Problem(
            "not-utf8",
            f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8",
            path,
            line,
            column,
        )
    if not raw.strip():
        return None, _empty(path)
    for character, name in _HIDDEN_BREAKS.items():
        # YAML 1.1 reads these as line breaks where editors show none: text would change.
        at = raw.find(character.encode())
        if at >= 0:
            line, column = _offset_position(raw, at)
            return None, Problem(
                "control-character",
                f"the file contains the invisible character {name}, which YAML reads as a line "
                "break; remove it or use a plain line break",
                path,
                line,
                column,
            )
    if any(s in raw for s in _SUSPECT):
        problem = _scan_events(raw, path)
        if problem:
            return None, problem
    try:
        data = load_plain(raw)
    except RecursionError:
        return None, Problem(
            "too-deep", "values are nested too deeply; records are a few levels deep", path
        )
    except DuplicateKey as exc:
        return None, _marked(exc, "duplicate-key", path, "keep one of them")
    except yaml.MarkedYAMLError as exc:
        return None, _yaml_error(exc, path)
    except yaml.YAMLError as exc:  # reader errors carry a position but no mark
        return None, _reader_error(exc, raw, path)
    if data is None:  # only comments, or a bare 'null'
        return None, _empty(path)
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        return None, Problem(
            "not-a-mapping",
            f"the file holds {kind}; a record is a mapping of fields such as 'id: ...'",
            path,
            1,
            1,
        )
    return data, None


def _empty(path: str) -> Problem:
    return Problem(
        "empty-file",
        "this file holds no record (it is empty or only comments); write the record or delete it",
        path,
    )


def _scan_events(raw: bytes, path: str) -> Problem | None:
    """Refuse tags, anchors and aliases, reading events only (cheap, bounded memory)."""
    try:
        for event in yaml.parse(raw, Loader=yaml.CSafeLoader):
            mark = event.start_mark
            where = (mark.line + 1, mark.column + 1)
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return Problem(
                    "yaml-alias",
                    "YAML anchors and aliases (&name, *name) are not allowed in records; "
                    "write the value out in full",
                    path,
                    *where,
                )
            tag = getattr(event, "tag", None)
            if tag:  # any tag written in the file, the non-specific '!' included
                tag = tag.replace("tag:yaml.org,2002:", "!!")
                return Problem(
                    "yaml-tag",
                    f"YAML tags such as '{tag}' are not allowed in records; remove the tag and "
                    "write the plain value",
                    path,
                    *where,
                )
    except yaml.MarkedYAMLError as exc:
        return _yaml_error(exc, path)
    except yaml.YAMLError as exc:
        return _reader_error(exc, raw, path)
    return None


def _yaml_error(exc: yaml.MarkedYAMLError, path: str) -> Problem:
    text = f"{exc.context or ''} {exc.problem or ''}".strip()
    if "maximum nesting depth" in text:
        return _marked(exc, "too-deep", path, "records are at most a few levels deep")
    if "expected a single document" in text:
        mark = exc.problem_mark
        return Problem(
            "multiple-documents",
            "this file holds more than one YAML document; a file holds one record: split it "
            "into files or remove the second '---'",
            path,
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        )
    if "could not determine a constructor" in text:
        return _marked(exc, "yaml-tag", path, "remove the tag and write the plain value")
    return _marked(exc, "yaml-syntax", path, "fix the YAML syntax at this place")


def _marked(exc: yaml.MarkedYAMLError, code: str, path: str, fix: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return Problem(code, f"{problem}; {fix}", path, line, column)


def _reader_error(exc: yaml.YAMLError, raw: bytes, path: str) -> Problem:
    text = str(exc)
    position = getattr(exc, "position", None)
    line = column = None
    if isinstance(position, int) and 0 <= position <= len(raw):
        line, column = _offset_position(raw, position)
    character = getattr(exc, "character", None)
    if character is not None or "unacceptable character" in text or "special characters" in text:
        shown = f" {character!r}" if isinstance(character, str) else ""
        return Problem(
            "control-character",
            f"the file contains a control character{shown} (such as NUL); remove it",
            path,
            line,
            column,
        )
    return Problem(
        "yaml-syntax", f"{text.splitlines()[0]}; fix the YAML syntax", path, line, column
    )


def _offset_position(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, offset) + 1
    start = raw.rfind(b"\n", 0, offset) + 1
    return line, len(raw[start:offset].decode("utf-8", "replace")) + 1


def locate(raw: bytes, field: tuple[str | int, ...], on_key: bool = False) -> tuple[int, int]:
    """Line and column (1-based) of the value at `field`, or of its key, or of the nearest parent.

    Called only for files with problems, so the cost of composing nodes is paid rarely.
    """
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        node = yaml.compose(raw, Loader=SafeLoader)
    except yaml.YAMLError:
        return 1, 1
    if node is None:
        return 1, 1
    mark = node.start_mark
    for step in field:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == step:
                    mark = (
                        key_node.start_mark
                        if on_key and step == field[-1]
                        else value_node.start_mark
                    )
                    node = value_node
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if step >= len(node.value):
                break
            node = node.value[step]
            mark = node.start_mark
        else:
            break
    return mark.line + 1, mark.column + 1
