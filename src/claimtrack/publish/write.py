"""Publish: render the site, check it for private names, then write only what changed.

The output folder holds a manifest (`.claimtrack-publish.json`) of the files publish wrote,
each with its SHA-256, and a fingerprint per claim of everything its pages are made from.
A new run:

- refuses a folder that is not empty and has no manifest (it would mix with other files), and
  a page that would replace a file it did not write;
- renders the shared pages, and the pages of each claim whose fingerprint changed (or whose
  files are missing); the others are the same bytes as before;
- searches every rendered file for every private name, and on a hit writes nothing;
- writes new and changed files (each through a temporary file and a rename), removes the
  files it wrote before that are no longer produced (a claim reopened for a correction), and
  writes the manifest last. Files it did not write are never touched.

A fingerprint is a SHA-256 over the claim's whole record (internal notes and history
included), the sources and actors it cites, the site's settings, the code and templates of
publish, and the private names: a change to any of them renders the claim's pages again, so
they are searched with the current names.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..models import Claim
from ..problems import Problem, Severity
from ..store import Dataset, Loaded
from ..store.atomic import write_atomic
from .context import Context, prepare
from .privacy import PRIVATE_NAME, PrivateName, Scanner, problems_for
from .site import claim_pages, shared_pages

MANIFEST = ".claimtrack-publish.json"
FORMAT = 1
_SAFE_PATH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$")
# Problems that mean the command was used wrongly (exit 2) rather than problems in the data.
USAGE = frozenset(
    {"no-base-url", "bad-base-url", "not-a-site", "bad-manifest", "not-ours", "cannot-write"}
)


@dataclass
class Outcome:
    """What a run did (or would have done): files by relative path, and the problems."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    claims: int = 0
    problems: list[Problem] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not any(p.severity == Severity.ERROR for p in self.problems)

    @property
    def usage_error(self) -> bool:
        return any(p.code in USAGE for p in self.problems)


def digest(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


@cache
def _code_key() -> str:
    """The publish code and templates: a change to them renders every page again."""
    package = files(__package__)
    parts = []
    for entry in sorted(package.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".py"):
            parts.append(entry.read_bytes())
    for entry in sorted(package.joinpath("templates").iterdir(), key=lambda e: e.name):
        parts.append(entry.read_bytes())
    return digest(b"\0".join(parts))


def _dump(record: Any) -> Any:
    return record.model_dump(mode="json", by_alias=True) if record is not None else None


def site_key(context: Context, scanner: Scanner) -> str:
    data = {
        "format": FORMAT,
        "code": _code_key(),
        "base": context.base_url,
        "languages": context.languages,
        "settings": _dump(context.settings),
        "scale": _dump(context.scale),
        "private": scanner.key(),
    }
    return digest(json.dumps(data, sort_keys=True, ensure_ascii=False))


def fingerprint(context: Context, claim: Claim, key: str, memo: dict[str, str]) -> str:
    """What a claim's pages are made from: the site's key, the whole claim, and the sources
    and actors it cites (each serialised once per run, in `memo`)."""
    cited = {a.source for a in claim.appearances} | {e.source for e in claim.evidence}
    actors = {a.actor for a in claim.right_of_reply} | set(claim.subjects)
    if claim.claimant.actor:
        actors.add(claim.claimant.actor)
    parts = [key, claim.model_dump_json(by_alias=True)]
    for kind, ids, lookup in (("s", cited, context.source), ("a", actors, context.actor)):
        for record_id in sorted(ids):
            found = memo.get(f"{kind}:{record_id}")
            if found is None:
                record = lookup(record_id)
                found = record.model_dump_json(by_alias=True) if record else "null"
                memo[f"{kind}:{record_id}"] = found
            parts.append(found)
    return digest("\0".join(parts))


def read_manifest(out: Path) -> tuple[dict[str, Any] | None, Problem | None]:
    """The previous run's manifest; None for a new (missing or empty) folder. A folder with
    other files and no manifest is refused."""
    if out.exists() and not out.is_dir():
        return None, Problem("not-a-site", f"{out} is a file; give a folder for the site", str(out))
    path = out / MANIFEST
    if not path.exists():
        if out.exists() and any(out.iterdir()):
            return None, Problem(
                "not-a-site",
                f"{out} is not empty and was not written by claimtrack publish (it has no "
                f"{MANIFEST}); publish into an empty or new folder, so no file of yours is "
                "replaced or removed",
                str(out),
            )
        return None, None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        listed = manifest["files"]
        claims = manifest["claims"]
        if not isinstance(listed, dict) or not isinstance(claims, dict):
            raise TypeError
        if not all(isinstance(p, str) and _safe(p) for p in listed):
            raise ValueError
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None, Problem(
            "bad-manifest",
            f"{MANIFEST} in {out} cannot be read as publish's manifest; publish into a new "
            "folder (or remove the folder's contents yourself)",
            str(path),
        )
    return manifest, None


def _safe(rel: str) -> bool:
    return bool(_SAFE_PATH.match(rel)) and ".." not in rel.split("/") and rel != MANIFEST


@dataclass
class Rendered:
    pages: dict[str, bytes] = field(default_factory=dict)  # rendered this run, UTF-8
    kept: dict[str, str] = field(default_factory=dict)  # unchanged claims' files: their hashes
    prints: dict[str, str] = field(default_factory=dict)  # claim id: fingerprint
    hits: list[tuple[str, PrivateName]] = field(default_factory=list)


def render(
    context: Context,
    previous: dict[str, Any] | None,
    out: Path,
    progress: Callable[[int], None] | None = None,
) -> Rendered:
    """Render the pages of the claims that changed and the shared pages; each page is
    searched for private names as soon as it is rendered, then kept as UTF-8 bytes.

    Many claims are rendered by worker processes (one per CPU, forked, so they share the
    loaded dataset) while this one renders the shared pages."""
    scanner = context.scanner
    key = site_key(context, scanner)
    old_files: dict[str, str] = (previous or {}).get("files", {})
    old_claims: dict[str, str] = (previous or {}).get("claims", {})
    result = Rendered()
    memo: dict[str, str] = {}
    todo: list[int] = []
    present = _present(out, context.languages) if old_claims else set()
    reviews = _previous_reviews(out, old_files.get(FEED)) if old_claims else {}
    trusted = []
    for index, loaded in enumerate(context.claims):
        claim = loaded.record
        result.prints[claim.id] = print_ = fingerprint(context, claim, key, memo)
        own = _claim_files(context, loaded)
        if old_claims.get(claim.id) == print_ and all(p in old_files and p in present for p in own):
            result.kept.update((p, old_files[p]) for p in own)
            for language in context.languages:
                line = reviews.get(context.claim_url(language, claim.id))
                if line is not None:
                    context.reviews[(claim.id, language)] = line
                    trusted.append(line)
            if progress:
                progress(1)
        else:
            todo.append(index)
    scanner.trusted = frozenset(trusted)
    workers = _workers()
    if workers < 2 or len(todo) < PARALLEL_FROM:
        for index in todo:
            _add(result, scanner, claim_pages(context, context.claims[index]))
            if progress:
                progress(1)
        _add(result, scanner, shared_pages(context))
        return result
    global _JOB
    _JOB = context
    chunks = [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            running = pool.imap_unordered(_render_chunk, chunks)
            _add(result, scanner, shared_pages(context))
            for count, pages, hits in running:
                result.pages.update(pages)
                result.hits += hits
                if progress:
                    progress(count)
    finally:
        _JOB = None
    return result


FEED = "claimreview.json"
_REVIEW_START = '{"@context":"https://schema.org","@type":"ClaimReview","url":"'


def _previous_reviews(out: Path, expected: str | None) -> dict[str, str]:
    """The ClaimReview objects of the feed the last run wrote, one per line, by url; nothing
    if the file is not exactly what that run wrote (its hash is in the manifest). An
    unchanged claim's objects are reused from it, as its pages are, rather than made again."""
    try:
        content = (out / FEED).read_bytes()
    except OSError:
        return {}
    if expected is None or digest(content) != expected:
        return {}
    found = {}
    for line in content.decode("utf-8").split("\n"):
        line = line.rstrip(",")
        if line.startswith(_REVIEW_START):
            url = line[len(_REVIEW_START) : line.find('"', len(_REVIEW_START))]
            found[url] = line
    return found


def _present(out: Path, languages: tuple[str, ...]) -> set[str]:
    """The claim pages on disk (one listing per language rather than a stat per page)."""
    found = set()
    for language in languages:
        folder = out / language / "claims"
        with contextlib.suppress(OSError):
            found.update(
                f"{language}/claims/{entry.name}" for entry in os.scandir(folder) if entry.is_file()
            )
    return found


PARALLEL_FROM = 400  # claims to render before worker processes pay for themselves
CHUNK = 100
_JOB: Context | None = None  # what forked workers render from


def _workers() -> int:
    wanted = os.environ.get("CLAIMTRACK_PUBLISH_WORKERS")
    if wanted and wanted.isdigit():
        return int(wanted)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _render_chunk(
    indices: list[int],
) -> tuple[int, list[tuple[str, bytes]], list[tuple[str, PrivateName]]]:
    context = _JOB
    assert context is not None
    result = Rendered()
    for index in indices:
        _add(result, context.scanner, claim_pages(context, context.claims[index]))
    return len(indices), list(result.pages.items()), result.hits


def _add(result: Rendered, scanner: Scanner, pages: Iterable[tuple[str, str]]) -> None:
    rendered = list(pages)
    result.hits += scanner.scan(rendered)
    result.pages.update((path, text.encode("utf-8")) for path, text in rendered)


def _claim_files(context: Context, loaded: Loaded[Claim]) -> list[str]:
    return [
        context.claim_path(language, loaded.record.id, ext)
        for language in context.languages
        for ext in ("html", "md")
    ]


def _create(path: Path, content: bytes) -> None:
    """A new page: created, never replacing a file (one that appeared since the check stops
    the run with FileExistsError rather than being overwritten)."""
    try:
        handle = open(path, "xb")  # noqa: SIM115
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "xb")  # noqa: SIM115
    with handle:
        handle.write(content)


def _write(path: Path, content: bytes) -> None:
    """A temporary file in the same folder, renamed over the target: readers of the site see
    the old page or the new one. Not synced one by one (the manifest is, at the end)."""
    tmp = path.with_name(f".{path.name}.publish-tmp")
    try:
        try:
            handle = open(tmp, "wb")  # noqa: SIM115
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(tmp, "wb")  # noqa: SIM115
        with handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def publish(
    dataset: Dataset,
    out: Path,
    base_url: str | None = None,
    *,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
    dry_run: bool = False,
) -> Outcome:
    """Publish the dataset's published claims into `out`. Nothing is written when a problem
    of the folder or a private name is found."""
    outcome = Outcome()
    context, problems = prepare(dataset, base_url, now=now)
    outcome.problems += problems
    if context is None or any(p.code == PRIVATE_NAME for p in problems):
        return outcome
    outcome.claims = len(context.claims)
    root = dataset.root.resolve()
    if out.resolve() == root or root in out.resolve().parents:
        outcome.problems.append(
            Problem(
                "not-a-site",
                f"{out} is inside the dataset {dataset.root}; publish the site somewhere else "
                "(its pages would be read as records)",
                str(out),
            )
        )
        return outcome
    previous, problem = read_manifest(out)
    if problem:
        outcome.problems.append(problem)
        return outcome
    rendered = render(context, previous, out, progress)
    pages, kept, prints = rendered.pages, rendered.kept, rendered.prints
    if rendered.hits:
        outcome.problems += problems_for(context, rendered.hits)
        return outcome
    old_files: dict[str, str] = (previous or {}).get("files", {})
    hashes = {path: digest(text) for path, text in pages.items()}
    for path, old in sorted({**kept, **hashes}.items()):
        if path not in old_files:
            outcome.added.append(path)
        elif old_files[path] != old or not (out / path).is_file():
            outcome.changed.append(path)
        else:
            outcome.unchanged += 1
    outcome.removed = sorted(set(old_files) - set(kept) - set(hashes))
    mine = set(old_files)
    clashes = [p for p in outcome.added if p not in mine and (out / p).exists()]
    if clashes:
        outcome.problems.append(
            Problem(
                "not-ours",
                f"{len(clashes)} page(s) would replace files publish did not write, such as "
                f"{clashes[0]}; move them away or publish into a new folder",
                str(out / clashes[0]),
            )
        )
        return outcome
    if dry_run:
        return outcome
    try:
        files = dict(sorted({**kept, **hashes}.items()))
        _apply(out, outcome, pages, files, prints, previous)
    except OSError as exc:
        where = exc.filename or out
        outcome.problems.append(
            Problem(
                "cannot-write",
                f"cannot write the site: {exc.strerror or exc} ({where}); the folder may be "
                "left half-updated: fix the cause and publish again",
                str(where),
            )
        )
        return outcome
    outcome.written = True
    return outcome


def _apply(
    out: Path,
    outcome: Outcome,
    pages: dict[str, bytes],
    files: dict[str, str],
    prints: dict[str, str],
    previous: dict[str, Any] | None,
) -> None:
    """Write the new and changed files, remove the old ones, then the manifest (`files`:
    every file of the site with its hash)."""
    out.mkdir(parents=True, exist_ok=True)
    for path in outcome.added:
        _create(out / path, pages[path])
    for path in outcome.changed:
        _write(out / path, pages[path])
    for path in outcome.removed:
        with contextlib.suppress(FileNotFoundError):
            (out / path).unlink()
        _prune(out, (out / path).parent)
    manifest = {
        "generator": "claimtrack publish",
        "format": FORMAT,
        "claims": dict(sorted(prints.items())),
        "files": files,
    }
    if manifest != previous:  # one line: the C encoder (60,000 entries, every run)
        content = json.dumps(manifest, separators=(",", ":")) + "\n"
        write_atomic(out / MANIFEST, content.encode("utf-8"))


def _prune(out: Path, folder: Path) -> None:
    """Remove folders left empty by removed pages, up to the site's folder."""
    while folder != out and out in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
