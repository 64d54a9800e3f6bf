"""The kinds of actors and events: the notations of two SKOS schemes of the ontology.

``ontology/actor-kinds.ttl`` and ``ontology/event-types.ttl`` are their one source: the
gazetteers check an actor's kind against the first, the extraction format and the API
use both, and the graph types each event by the class its concept names
(``ckg:eventClass``). Linking reads which event types may tell of one happening
(``ckg:compatibleKind``, symmetric) and which end a fight for a place
(``ckg:endsFighting``). Order is the files' order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, parse

from conflictkg.reference.loading import BundleError

ACTOR_KINDS_FILE = "actor-kinds.ttl"
EVENT_TYPES_FILE = "event-types.ttl"
ONTOLOGY_FILE = "conflictkg.ttl"
_RDFS_SUBCLASS = NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
_CKG = "https://conflictkg.org/ontology#"
_EVENT_TYPE = "https://conflictkg.org/ontology/event-type/"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_IN_SCHEME = NamedNode(_SKOS + "inScheme")
_NOTATION = NamedNode(_SKOS + "notation")
_EVENT_CLASS = NamedNode(_CKG + "eventClass")
_COMPATIBLE = NamedNode(_CKG + "compatibleKind")
_ENDS_FIGHTING = NamedNode(_CKG + "endsFighting")


@dataclass(frozen=True)
class Kinds:
    actor: tuple[str, ...]
    event: tuple[str, ...]
    event_classes: dict[str, str]  # event kind -> local name of its ckg class
    compatible: dict[str, frozenset[str]]  # event kind -> the other kinds it may be reported as
    # ckg:Event and its superclasses (sem:Event, schema:Event...): every event is typed with
    # them all, so that a client asking for any of them finds it without inference
    event_types: tuple[str, ...] = ()
    ends_fighting: frozenset[str] = frozenset()  # the types that end a fight for a place

    def may_be_one(self, a: str, b: str) -> bool:
        """Whether events of kinds ``a`` and ``b`` may be one happening."""
        return a == b or b in self.compatible.get(a, frozenset())


def read_kinds(ontology: Path) -> Kinds:
    actor, _ = _scheme(ontology / ACTOR_KINDS_FILE, "ActorKindScheme")
    path = ontology / EVENT_TYPES_FILE
    event, classes = _scheme(path, "EventTypeScheme")
    missing = [k for k in event if k not in classes]
    if missing:
        raise BundleError(path, None, f"no ckg:eventClass for {missing}")
    return Kinds(actor, event, classes, _compatible(path, event),
                 _superclasses(ontology / ONTOLOGY_FILE, _CKG + "Event"), _ending(path, event))


def _ending(path: Path, kinds: tuple[str, ...]) -> frozenset[str]:
    """The types marked ``ckg:endsFighting true``."""
    found = set()
    for t in parse(path=path, format=RdfFormat.TURTLE):
        if t.predicate == _ENDS_FIGHTING and t.object.value == "true":
            kind = t.subject.value.removeprefix(_EVENT_TYPE)
            if kind not in kinds:
                raise BundleError(path, None, f"ckg:endsFighting on an unknown type {kind!r}")
            found.add(kind)
    return frozenset(found)


def _compatible(path: Path, kinds: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Each kind's compatible kinds, both ways of every ckg:compatibleKind statement."""
    pairs: dict[str, set[str]] = {k: set() for k in kinds}
    for t in parse(path=path, format=RdfFormat.TURTLE):
        if t.predicate != _COMPATIBLE:
            continue
        a, b = (node.value.removeprefix(_EVENT_TYPE) for node in (t.subject, t.object))
        if a not in pairs or b not in pairs:
            raise BundleError(path, None, f"ckg:compatibleKind between unknown types {a!r}, {b!r}")
        pairs[a].add(b)
        pairs[b].add(a)
    return {k: frozenset(v) for k, v in pairs.items()}


def _superclasses(path: Path, cls: str) -> tuple[str, ...]:
    """``cls`` and every class it is an rdfs:subClassOf, directly or not, in file order."""
    try:
        triples = list(parse(path=path, format=RdfFormat.TURTLE))
    except (OSError, SyntaxError) as exc:
        raise BundleError(path, None, f"cannot read: {exc}") from None
    found, todo = [cls], [cls]
    while todo:
        current = NamedNode(todo.pop())
        for t in triples:
            if t.subject == current and t.predicate == _RDFS_SUBCLASS and isinstance(t.object, NamedNode) \
                    and t.object.value not in found:
                found.append(t.object.value)
                todo.append(t.object.value)
    return tuple(found)


def _scheme(path: Path, scheme: str) -> tuple[tuple[str, ...], dict[str, str]]:
    """The notations of a scheme's concepts, and the ckg class each names."""
    try:
        triples = list(parse(path=path, format=RdfFormat.TURTLE))
    except (OSError, SyntaxError) as exc:
        raise BundleError(path, None, f"cannot read: {exc}") from None
    members = {t.subject for t in triples
               if t.predicate == _IN_SCHEME and t.object == NamedNode(_CKG + scheme)}
    notations: dict[str, str] = {}
    classes: dict[str, str] = {}
    for t in triples:
        if t.subject in members and t.predicate == _NOTATION:
            notations.setdefault(str(t.subject), t.object.value)
        elif t.predicate == _EVENT_CLASS and t.object.value.startswith(_CKG):
            classes[str(t.subject)] = t.object.value[len(_CKG):]
    if not notations:
        raise BundleError(path, None, f"no concept of ckg:{scheme}")
    return (tuple(notations.values()),
            {n: classes[s] for s, n in notations.items() if s in classes})
