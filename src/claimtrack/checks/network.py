"""Rules about links between actors: the kind of link fits the kinds of actor at both ends,
no actor links to itself, and every link cites its evidence.

Which kinds of actor a link may join is data (LINK_ENDS), documented in the README under
"Account networks". That both ends exist and that the evidence resolves is checked by
references_resolve, not here.

A link without evidence is an error when it is 'confirmed' or 'likely' (a claim of strength
needs its source), and a warning when it is 'suspected': a lead recorded for someone to research,
which still cannot be published as anything but a suspicion.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from ..models.actor import ActorKind, Confidence, LinkKind
from ..problems import Problem, Severity
from ..store import Dataset
from .base import problem

K = ActorKind
ANY = frozenset(K)
PEOPLE = frozenset({K.PERSON, K.PUBLIC_OFFICIAL})
BODIES = frozenset({K.ORGANISATION, K.COMPANY})
ONLINE = frozenset({K.SOCIAL_ACCOUNT, K.MESSAGING_GROUP})

# For each kind of link: the kinds of actor it may start from, and the kinds it may point to.
LINK_ENDS: dict[LinkKind, tuple[frozenset[ActorKind], frozenset[ActorKind]]] = {
    # Someone or something runs an account, a group, a network or a company.
    LinkKind.OPERATES: (PEOPLE | BODIES | {K.NETWORK}, ONLINE | {K.NETWORK} | BODIES),
    LinkKind.ADMIN_OF: (PEOPLE | BODIES | ONLINE | {K.NETWORK}, ONLINE | {K.NETWORK} | BODIES),
    # Anyone or any account belongs to a network, a group or an organisation.
    LinkKind.MEMBER_OF: (ANY, frozenset({K.NETWORK, K.MESSAGING_GROUP, K.ORGANISATION})),
    LinkKind.PROMOTES: (ANY, ANY),
    LinkKind.ATTACKS: (ANY, ANY),
    # People work for companies and organisations.
    LinkKind.EMPLOYED_BY: (PEOPLE, BODIES),
    # The same human behind two records: persons, officials and their accounts.
    LinkKind.SAME_PERSON_AS: (
        PEOPLE | {K.SOCIAL_ACCOUNT},
        PEOPLE | {K.SOCIAL_ACCOUNT},
    ),
    LinkKind.TIED_TO: (ANY, ANY),
}

NEEDS_EVIDENCE = {Confidence.CONFIRMED, Confidence.LIKELY}


def _names(kinds: frozenset[ActorKind]) -> str:
    return ", ".join(sorted(k.value for k in kinds))


def links_are_sound(dataset: Dataset, now: datetime) -> Iterator[Problem]:
    for loaded in dataset.actors:
        actor = loaded.record
        seen: set[tuple[str, str]] = set()
        for i, link in enumerate(actor.links):
            if link.to == actor.id:
                yield problem(
                    loaded,
                    ("links", i, "to"),
                    "link-to-self",
                    f"'{actor.id}' links to itself; point the link at another actor or remove it",
                )
                continue
            if (link.kind, link.to) in seen:
                yield problem(
                    loaded,
                    ("links", i),
                    "duplicate-link",
                    f"'{actor.id}' already has a {link.kind} link to '{link.to}'; merge the "
                    "evidence into the first one and remove this one",
                    severity=Severity.WARNING,
                )
            seen.add((link.kind, link.to))
            starts, ends = LINK_ENDS[link.kind]
            if actor.kind not in starts:
                yield problem(
                    loaded,
                    ("links", i, "kind"),
                    "link-kind-mismatch",
                    f"a {actor.kind} cannot have a '{link.kind}' link; it starts from: "
                    f"{_names(starts)}. Use another kind of link (tied-to fits any two actors)",
                )
            target = dataset.actor(link.to)
            if target is not None and target.record.kind not in ends:
                yield problem(
                    loaded,
                    ("links", i, "kind"),
                    "link-kind-mismatch",
                    f"'{link.kind}' cannot point to '{link.to}', a {target.record.kind}; it "
                    f"points to: {_names(ends)}. Use another kind of link (tied-to fits any "
                    "two actors) or fix the target",
                )
            if not link.evidence:
                strong = link.confidence in NEEDS_EVIDENCE
                yield problem(
                    loaded,
                    ("links", i),
                    "link-without-evidence",
                    f"the {link.kind} link to '{link.to}' cites no evidence; add "
                    "evidence: [{source: <source id>, shows: <what it shows>}]"
                    + ("" if strong else " (a suspected link without evidence is a lead only)"),
                    severity=Severity.ERROR if strong else Severity.WARNING,
                )
