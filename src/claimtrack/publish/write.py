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
included), the sources and actors it cites, the site's settings, the code of claimtrack and
the templates, and the private names: a change to any of them renders the claim's pages
again, so they are searched with the current names. A record counts by its file's size and
modification time as scanned before the dataset was loaded (as the store's cache keys it), or
by its whole content when that file was modified too recently for its time to be trusted, or
when publish is called without the scan (`FileKeys`).

What an unchanged fingerprint lets a run reuse, and why it is safe:

- the gate: the claim passed it in the run that wrote the manifest, from the same inputs
  (everything the gate reads: the claim, the sources and actors it cites or is about, the
  settings with the team and the scale, the private names), and the clock cannot undo that
  (see _Earlier);
- its pages and its ClaimReview objects (those checked against the manifest's hashes);
- its line in each language's lists, kept in the manifest (`lines`): those lines were
  searched for private names when they were made. The private names are part of every
  fingerprint, so when they change no fingerprint matches and every line is made and
  searched again; while they are the same, a line searched once holds none of them. New
  lines, and everything around the lines on the list pages, are searched on every run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..models import Claim
from ..problems import Problem, Severity
from ..store import Dataset, Inventory, Loaded, load, scan
from ..store.atomic import write_atomic
from .claimreview import feed_frame, review_json
from .context import Context, prepare
from .privacy import PRIVATE_NAME, PrivateName, Scanner, problems_for
from .site import claim_pages, shared_pages

MANIFEST = ".claimtrack-publish.json"
FORMAT = 2
# A file modified this recently (before the scan) could change again within the same time
# tick without its size or time changing: its content is fingerprinted instead (as the store's
# cache and git's index do).
RACY_SECONDS = 2.0
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
    """The code of claimtrack (the models, the store, the gate and publish) and the
    templates: a change to them renders every page again."""
    package = Path(__file__).resolve().parent.parent
    parts = []
    for entry in sorted(package.rglob("*.py")):
        parts.append(entry.relative_to(package).as_posix().encode())
        parts.append(entry.read_bytes())
    templates = files(__package__).joinpath("templates")
    for entry in sorted(templates.iterdir(), key=lambda e: e.name):
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


@dataclass(frozen=True)
class FileKeys:
    """Size and modification time of the dataset's files, by the path records show
    (Loaded.display), scanned before the dataset was loaded. Files modified less than
    RACY_SECONDS before the scan are left out (their records count by content)."""

    keys: dict[str, tuple[int, int]]

    @classmethod
    def of(cls, inventory: Inventory, scanned: float) -> FileKeys:
        limit = (scanned - RACY_SECONDS) * 1e9
        prefix = inventory.display("")  # display(rel) is this prefix and rel
        return cls(
            {prefix + e.rel: (e.size, e.mtime_ns) for e in inventory.files if e.mtime_ns <= limit}
        )


def load_for_publish(root: Path) -> tuple[Dataset, FileKeys]:
    """The dataset, and the keys of its files as they were before it was read: a file changed
    while it is loaded gets a new key, so the next run renders its claims again."""
    scanned = time.time()
    inventory = scan(root)
    keys = FileKeys.of(inventory, scanned)
    return load(root, inventory=inventory), keys


def _record_part(keys: FileKeys | None, loaded: Loaded[Any] | None) -> str:
    if loaded is None:
        return "null"
    if keys is not None:
        found = keys.keys.get(loaded.display)
        if found is not None:
            return f"f:{loaded.display}:{found[0]}:{found[1]}"
    return loaded.record.model_dump_json(by_alias=True)  # type: ignore[no-any-return]


def fingerprint(
    context: Context,
    loaded: Loaded[Claim],
    key: str,
    memo: dict[tuple[str, str], str],
    keys: FileKeys | None,
) -> str:
    """What a claim's pages, its lines and its gate are made from: the site's key, the whole
    claim, and the sources and actors it cites or is about (each once per run, in `memo`)."""
    claim = loaded.record
    dataset = context.dataset
    cited = {a.source for a in claim.appearances} | {e.source for e in claim.evidence}
    actors = {a.actor for a in claim.right_of_reply} | set(claim.subjects)
    if claim.claimant.actor:
        actors.add(claim.claimant.actor)
    parts = [key, _record_part(keys, loaded)]
    for kind, ids, lookup in (("s", cited, dataset.source), ("a", actors, dataset.actor)):
        for record_id in sorted(ids):
            part = memo.get((kind, record_id))
            if part is None:
                found = _record_part(keys, lookup(record_id))
                part = memo[(kind, record_id)] = f"{kind}:{record_id}:{found}"
            parts.append(part)
    return digest("\0".join(parts))


class _Earlier:
    """prepare's `passed_before`: each published claim's fingerprint, and whether the last
    run published it (so it passed the gate then) from the same fingerprint.

    The gate reads the clock in one place: a right-of-reply attempt left unanswered counts
    once its deadline has passed. A claim with every deadline passed now would pass at any
    time the last run had (an earlier time can only have met fewer rules; at a later one
    every deadline had passed as well); one with a deadline still to come goes through the
    gate again (the last run's clock may have been later than this one's)."""

    def __init__(self, previous: dict[str, Any] | None, keys: FileKeys | None, now: datetime):
        self.keys = keys
        self.now = now
        old = (previous or {}).get("claims", {})
        self.old: dict[str, str] = old if isinstance(old, dict) else {}
        self.prints: dict[str, str] = {}
        self.key: str | None = None
        self.memo: dict[tuple[str, str], str] = {}

    def __call__(self, context: Context, loaded: Loaded[Claim]) -> bool:
        if self.key is None:
            self.key = site_key(context, context.scanner)
        claim = loaded.record
        print_ = fingerprint(context, loaded, self.key, self.memo, self.keys)
        self.prints[claim.id] = print_
        return self.old.get(claim.id) == print_ and all(
            a.deadline is None or a.deadline <= self.now for a in claim.right_of_reply
        )


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
    hashes: dict[str, str] = field(default_factory=dict)  # pages hashed already
    # Unchanged claims' ClaimReview objects, as the last run's feed has them (UTF-8).
    reviews: dict[tuple[str, str], bytes] = field(default_factory=dict)
    hits: list[tuple[str, PrivateName]] = field(default_factory=list)


def render(
    context: Context,
    previous: dict[str, Any] | None,
    out: Path,
    progress: Callable[[int], None] | None = None,
    prints: dict[str, str] | None = None,
) -> Rendered:
    """Render the pages of the claims that changed and the shared pages; each page is
    searched for private names as soon as it is rendered, then kept as UTF-8 bytes.
    `prints`: the claims' fingerprints, if prepare computed them.

    Many claims are rendered by worker processes (one per CPU, forked, so they share the
    loaded dataset) while this one renders the shared pages."""
    scanner = context.scanner
    if prints is None:
        earlier = _Earlier(None, None, datetime.now(UTC))
        for loaded in context.claims:
            earlier(context, loaded)
        prints = earlier.prints
    old_files: dict[str, str] = (previous or {}).get("files", {})
    old_claims: dict[str, str] = (previous or {}).get("claims", {})
    old_lines: dict[str, Any] = (previous or {}).get("lines", {})
    if not isinstance(old_lines, dict):
        old_lines = {}
    result = Rendered()
    todo: list[int] = []
    present = _present(out, context.languages) if old_claims else set()
    reviews = _previous_reviews(out, old_files.get(FEED)) if old_claims else {}
    trusted_html: list[tuple[str, str]] = []
    languages = context.languages
    for index, loaded in enumerate(context.claims):
        claim = loaded.record
        result.prints[claim.id] = print_ = prints[claim.id]
        own = _claim_files(context, loaded)
        lines = _lines_of(old_lines.get(claim.id), len(languages))
        if (
            old_claims.get(claim.id) == print_
            and lines is not None
            and all(p in old_files and p in present for p in own)
        ):
            result.kept.update((p, old_files[p]) for p in own)
            for language, (head, tail) in zip(languages, lines, strict=True):
                context.lines[(claim.id, language)] = (head, tail)
                trusted_html.append((head, tail))
                line = reviews.get(context.claim_url(language, claim.id))
                if line is not None:
                    result.reviews[(claim.id, language)] = line
            if progress:
                progress(1)
        else:
            todo.append(index)
    scanner.trusted_lines(
        lambda: (
            line
            for head, tail in trusted_html
            for up in ("", "../")
            for line in (head + up + tail).split("\n")
        )
    )
    workers = _workers()
    if workers < 2 or len(todo) < PARALLEL_FROM:
        for index in todo:
            _add(result, scanner, claim_pages(context, context.claims[index]))
            if progress:
                progress(1)
        _add_shared(result, context, old_files)
        return result
    global _JOB
    _JOB = context
    chunks = [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            running = pool.imap_unordered(_render_chunk, chunks)
            _add_shared(result, context, old_files)
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


def _previous_reviews(out: Path, expected: str | None) -> dict[str, bytes]:
    """The ClaimReview objects of the feed the last run wrote, one per line, by url; nothing
    if the file is not exactly what that run wrote (its hash is in the manifest). An
    unchanged claim's objects are reused from it, as its pages are, rather than made again
    (as UTF-8: the feed is made and compared as bytes, see _feed)."""
    try:
        content = (out / FEED).read_bytes()
    except OSError:
        return {}
    if expected is None or digest(content) != expected:
        return {}
    found = {}
    start = _REVIEW_START.encode()
    skip = len(start)
    for line in content.split(b"\n"):
        if line.startswith(start):
            line = line.rstrip(b",")
            found[line[skip : line.find(b'"', skip)].decode("utf-8")] = line
    return found


def _feed(context: Context, known: dict[tuple[str, str], bytes]) -> bytes:
    """claimreview.json as site.feed_text makes it, in UTF-8, with the objects of unchanged
    claims as the last run wrote them."""
    start, end = feed_frame(context)
    parts = []
    for loaded in context.claims:
        claim = loaded.record
        for language in context.languages:
            line = known.get((claim.id, language))
            if line is None:
                line = review_json(context, claim, language).encode("utf-8")
            parts.append(line)
    return start.encode("utf-8") + b",\n".join(parts) + end.encode("utf-8")


def _lines_of(found: Any, languages: int) -> list[tuple[str, str]] | None:
    """A claim's list lines from the manifest (one pair of texts per language), or None."""
    if type(found) is not list or len(found) != languages:
        return None
    lines = []
    for pair in found:
        if type(pair) is not list or len(pair) != 2:
            return None
        head, tail = pair
        if type(head) is not str or type(tail) is not str:
            return None
        lines.append((head, tail))
    return lines


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


def _add_shared(result: Rendered, context: Context, old_files: dict[str, str]) -> None:
    """The shared pages, hashed; a page the same, byte for byte, as the last run wrote it is
    not searched again when the private names are the same as then: it was searched then.
    The names are the same when some claim's fingerprint is unchanged (every fingerprint
    holds them: see site_key); a page that differs is searched, but for the list lines and
    the ClaimReview objects of unchanged claims (see privacy.pieces)."""
    same_names = bool(result.kept)
    pages = ((p, t.encode("utf-8"), t) for p, t in shared_pages(context, feed=False))
    feed = _feed(context, result.reviews)
    for path, content, text in [*pages, (FEED, feed, None)]:
        hashed = result.hashes[path] = digest(content)
        if not (same_names and old_files.get(path) == hashed):
            if path == FEED:
                text = content.decode("utf-8")
                context.scanner.trusted = frozenset(
                    line.decode("utf-8") for line in result.reviews.values()
                )
            result.hits += context.scanner.scan([(path, text)])
        result.pages[path] = content


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
    """Replace a page: readers of the site see the old page or the new one. Not synced one by
    one (the manifest is, at the end)."""
    path.parent.mkdir(parents=True, exist_ok=True)  # its folder may have been removed by hand
    write_atomic(path, content, durable=False)


def publish(
    dataset: Dataset,
    out: Path,
    base_url: str | None = None,
    *,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
    dry_run: bool = False,
    keys: FileKeys | None = None,
) -> Outcome:
    """Publish the dataset's published claims into `out`. Nothing is written when a problem
    of the folder or a private name is found. `keys`: the dataset's files as scanned before
    it was loaded (load_for_publish), which make fingerprints cheaper."""
    outcome = Outcome()
    now = now or datetime.now(UTC)
    previous, problem = read_manifest(out)
    earlier = _Earlier(None if problem else previous, keys, now)
    context, problems = prepare(dataset, base_url, now=now, passed_before=earlier)
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
    if problem:
        outcome.problems.append(problem)
        return outcome
    rendered = render(context, previous, out, progress, earlier.prints)
    pages, kept, prints = rendered.pages, rendered.kept, rendered.prints
    if rendered.hits:
        outcome.problems += problems_for(context, rendered.hits)
        return outcome
    old_files: dict[str, str] = (previous or {}).get("files", {})
    hashes = {path: rendered.hashes.get(path) or digest(text) for path, text in pages.items()}
    for path, old in sorted({**kept, **hashes}.items()):
        if path not in old_files:
            outcome.added.append(path)
        elif path in kept:  # listed with this hash and found on disk (render's `present`)
            outcome.unchanged += 1
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
        lines = {
            loaded.record.id: [
                list(context.lines[(loaded.record.id, language)]) for language in context.languages
            ]
            for loaded in context.claims
        }
        _apply(out, outcome, pages, files, prints, lines, previous)
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
    lines: dict[str, list[list[str]]],
    previous: dict[str, Any] | None,
) -> None:
    """Write the new and changed files, remove the old ones, then the manifest (`files`:
    every file of the site with its hash; `claims`: the fingerprints of the claims published,
    which passed the gate; `lines`: their lines in the lists)."""
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
        "lines": dict(sorted(lines.items())),
    }
    if manifest != previous:  # one line: the C encoder (60,000 entries, every run)
        content = json.dumps(manifest, separators=(",", ":"), ensure_ascii=False) + "\n"
        write_atomic(out / MANIFEST, content.encode("utf-8"))


def _prune(out: Path, folder: Path) -> None:
    """Remove folders left empty by removed pages, up to the site's folder."""
    while folder != out and out in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
