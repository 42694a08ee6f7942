"""The self-check: no private person's name in anything publish is about to write.

Every rendered file is searched for every private name (an actor that is not a public figure,
with a `name`), after the same folding as `claimtrack.text.normalise` (case, accents, Arabic
diacritics and letter variants, digits), with HTML entities and JSON escapes decoded first
and every character that is not a letter or a digit taken as a word boundary. A name is found
when its words appear in a row. A hit is attributed to the record and field it came from
(`workflow.gate.public_texts` for claims), and the message names the actor by id and label,
never by the name.

Speed: files are folded with one `str.translate` over a table filled once per character, and
the words of a file go into a set; only a file holding the first word of a name is searched
for the whole name.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..models import Actor, Claim
from ..problems import Problem
from ..store import Dataset, Loaded, position
from ..text import normalise
from ..workflow.gate import public_texts

if TYPE_CHECKING:
    from .context import Context

# A private name about to be published stops the whole run: nothing is written.
PRIVATE_NAME = "private-name-in-output"

_JSON_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|.)")
LD_OPEN = '<script type="application/ld+json">'


class _Fold(dict[int, str]):
    """str.translate table: each character to its normalise() form, separators to a space,
    marks and invisible format characters to nothing. Filled on first sight of a character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char.isascii():
            folded = char.lower() if char.isalnum() else " "
        else:
            key = normalise(char)
            if key:
                folded = "".join(c if c.isalnum() else " " for c in key)
            elif unicodedata.category(char)[0] == "M" or unicodedata.category(char) == "Cf":
                folded = ""
            else:
                folded = " "
        self[code] = folded
        return folded


_FOLD = _Fold()
_FOLD.update({code: _FOLD.__missing__(code) for code in range(128)})  # ASCII up front


def fold(text: str) -> str:
    """Words of `text` as matching keys, separated by single spaces."""
    return " ".join(text.translate(_FOLD).split())


def pieces(
    path: str,
    content: str,
    trusted: frozenset[str] = frozenset(),
    trusted_html: frozenset[str] = frozenset(),
) -> Iterable[str]:
    """The parts of a file that a text can lie in whole: for HTML a tag with its
    attributes, or the text between two tags (user text never holds a raw '<' or '>'), for
    Markdown a line (every text is written on one line), for JSON each string (our JSON
    escapes only separators: < > & and control characters).

    A page's JSON-LD block is left out here: it is, byte for byte, the page's object in
    claimreview.json, which every run renders and searches (but for `trusted` lines: the
    objects of unchanged claims, searched when they were written, see write.py).

    Lines of HTML in `trusted_html` (the list lines of unchanged claims, searched when they
    were made, see write.py) are left out too. Each begins with '<' and ends with '>', so its
    pieces are its own wherever it stands: written as '<>' instead, the pieces around it are
    cut where they were, and only its own are skipped."""
    if path.endswith(".json"):  # escapes (\\u003c, \\n, \\") are separators; strings apart
        if trusted:
            lines = content.split("\n")
            content = "\n".join(line for line in lines if line.rstrip(",") not in trusted)
        return _JSON_ESCAPE.sub(" ", content).split('"')
    if path.endswith(".html"):
        if trusted_html:
            lines = content.split("\n")
            content = "\n".join("<>" if line in trusted_html else line for line in lines)
        start = content.find(LD_OPEN)
        while start != -1:
            end = content.find("</script>", start)
            content = content[:start] + content[end:]
            start = content.find(LD_OPEN)
        return content.replace(">", "<").split("<")  # tags apart from the texts between them
    return content.split("\n")


@dataclass(frozen=True)
class PrivateName:
    actor: Actor
    display: str  # the actor's file
    words: tuple[str, ...]


class Scanner:
    """The private names of a dataset, ready to be searched for."""

    MEMO = 200_000  # pieces remembered (site chrome repeats on every page; a claim's texts
    # repeat in its three languages and two formats)

    def __init__(self, dataset: Dataset) -> None:
        self.names: list[PrivateName] = []
        for loaded in dataset.actors:
            actor = loaded.record
            if actor.name and actor.is_private and (words := tuple(fold(actor.name).split())):
                self.names.append(PrivateName(actor, loaded.display, words))
        self.by_first: dict[str, list[PrivateName]] = {}
        for name in self.names:
            self.by_first.setdefault(name.words[0], []).append(name)
        self._first = frozenset(self.by_first)
        self._memo: dict[str, tuple[PrivateName, ...]] = {}
        # Lines of the previous claimreview.json kept as they were (see write.py).
        self.trusted: frozenset[str] = frozenset()
        # Lines of the lists kept from the previous run (made on first need, see write.py);
        # each begins with '<' and ends with '>'.
        self._trusted_html: frozenset[str] | Callable[[], Iterable[str]] = frozenset()

    def trusted_lines(self, lines: Callable[[], Iterable[str]]) -> None:
        """The lines of HTML searched in an earlier run under the same names: `lines()` is
        called once, when a page is first searched."""
        self._trusted_html = lines

    @property
    def trusted_html(self) -> frozenset[str]:
        if callable(self._trusted_html):
            lines = self._trusted_html()
            self._trusted_html = frozenset(
                line for line in lines if line.startswith("<") and line.endswith(">")
            )
        return self._trusted_html

    def key(self) -> list[str]:
        """The folded names, sorted: part of what makes a page's output (see write.py)."""
        return sorted(" ".join(n.words) for n in self.names)

    def found(self, text: str) -> tuple[PrivateName, ...]:
        """The private names in one text (entities such as &#39; decoded first)."""
        if "&" in text:
            text = html.unescape(text)
        words = text.translate(_FOLD).split()
        if self._first.isdisjoint(words):
            return ()
        present = set(words)
        padded = f" {' '.join(words)} "
        return tuple(
            name
            for first in sorted(present & self._first)
            for name in self.by_first[first]
            if present.issuperset(name.words) and f" {' '.join(name.words)} " in padded
        )

    def in_claim(self, claim: Claim) -> list[tuple[str, PrivateName]]:
        """(field, name) for each private name in the texts of a claim that pages show."""
        return [(f, name) for f, text in public_texts(claim) for name in self.found(text)]

    def scan(self, pages: Iterable[tuple[str, str]]) -> list[tuple[str, PrivateName]]:
        """(file, name) for each private name found in the files."""
        if not self.names:
            return []
        memo = self._memo
        hits: list[tuple[str, PrivateName]] = []
        for path, content in pages:
            seen: set[str] = set()
            lines = self.trusted_html if _is_list(path) else frozenset()
            for piece in pieces(path, content, self.trusted, lines):
                found = memo.get(piece)
                if found is None:
                    if len(memo) > self.MEMO:
                        memo.clear()
                    found = memo[piece] = self.found(piece)
                for name in found:
                    if name.actor.id not in seen:
                        seen.add(name.actor.id)
                        hits.append((path, name))
        return hits


def _is_list(path: str) -> bool:
    """A page that lists claims: <lang>/index.html, <lang>/verdict/..., <lang>/category/..."""
    parts = path.split("/")
    return (len(parts) == 2 and parts[1] == "index.html") or (
        len(parts) == 3 and parts[1] in ("verdict", "category")
    )


def _claim_id(path: str) -> str | None:
    parts = path.split("/")
    if len(parts) == 3 and parts[1] == "claims":
        return parts[2].rsplit(".", 1)[0]
    return None


Place = tuple[str, Loaded[Any] | None, str, str]  # file, record, field, text


def _record_texts(context: Context, claim: Claim) -> Iterator[Place]:
    """(file, record, field, text) for every text a claim's pages show, where it is stored."""
    loaded = context.dataset.claim(claim.id)
    display = loaded.display if loaded else claim.id
    for field, text in public_texts(claim):
        yield display, loaded, field, text
    cited = [a.source for a in claim.appearances] + [e.source for e in claim.evidence]
    for source_id in sorted(set(cited)):
        source = context.dataset.source(source_id)
        if source is None:
            continue
        for field in ("title", "publisher", "url", "archive_url"):
            if value := getattr(source.record, field):
                yield source.display, source, f"/{field}", value
    actors = {a.actor for a in claim.right_of_reply} | {claim.claimant.actor or ""}
    for actor_id in sorted(actors - {""}):
        actor = context.dataset.actor(actor_id)
        if actor is not None:
            yield actor.display, actor, "/label", actor.record.label


def _settings_texts(context: Context) -> Iterator[Place]:
    settings = context.settings
    where = settings_path(context.dataset)
    for field in ("name", "url", "contact"):
        if value := getattr(settings, field):
            yield where, None, f"/{field}", value
    for part in ("methodology", "corrections_policy"):
        for language, text in getattr(settings, part).items():
            yield where, None, f"/{part}/{language}", text


def at_field(problem: Problem, loaded: Loaded[Any] | None) -> Problem:
    """The problem with the line and column of its field in the record's file."""
    if loaded is None or not problem.field:
        return problem
    parts = problem.field.strip("/").split("/")
    line, column = position(loaded, tuple(int(p) if p.isdigit() else p for p in parts))
    return problem.at(line, column)


def settings_path(dataset: Dataset) -> str:
    return dataset.settings_display or str(dataset.root / "dataset.yaml")


def problems_for(context: Context, hits: list[tuple[str, PrivateName]]) -> list[Problem]:
    """One problem per (record, field, private name) behind the hits, sorted."""
    found: dict[tuple[str, str, str], Problem] = {}
    for output, name in hits:
        claim_id = _claim_id(output)
        claims = [context.dataset.claim(claim_id)] if claim_id else list(context.claims)
        places = [t for c in claims if c is not None for t in _record_texts(context, c.record)]
        places += list(_settings_texts(context))
        needle = f" {' '.join(name.words)} "
        located = [
            (where, record, field)
            for where, record, field, text in places
            if needle in f" {fold(text)} "
        ]
        for where, record, field in located or [(output, None, "")]:
            key = (where, field, name.actor.id)
            found.setdefault(
                key,
                at_field(
                    Problem(
                        PRIVATE_NAME,
                        f"the name of '{name.actor.id}', a private person, would be published "
                        f"(in {output}); write the actor's label instead "
                        f"('{name.actor.label}'). Nothing was written",
                        where,
                        field=field,
                    ),
                    record,
                ),
            )
    return sorted(found.values(), key=lambda p: (p.path, p.field, p.message))
