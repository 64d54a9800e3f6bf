"""The kinds of actors and events: the notations of two SKOS schemes of the ontology.

``ontology/actor-kinds.ttl`` and ``ontology/event-types.ttl`` are their one source: the
gazetteers check an actor's kind against the first, the extraction format and the API
use both, and the graph types each event by the class its concept names
(``ckg:eventClass``). Order is the files' order.
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
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_IN_SCHEME = NamedNode(_SKOS + "inScheme")
_NOTATION = NamedNode(_SKOS + "notation")
_EVENT_CLASS = NamedNode(_CKG + "eventClass")


@dataclass(frozen=True)
class Kinds:
    actor: tuple[str, ...]
    event: tuple[str, ...]
    event_classes: dict[str, str]  # event kind -> local name of its ckg class
    # ckg:Event and its superclasses (sem:Event, schema:Event...): every event is typed with
    # them all, so that a client asking for any of them finds it without inference
    event_types: tuple[str, ...] = ()


def read_kinds(ontology: Path) -> Kinds:
    actor, _ = _scheme(ontology / ACTOR_KINDS_FILE, "ActorKindScheme")
    event, classes = _scheme(ontology / EVENT_TYPES_FILE, "EventTypeScheme")
    missing = [k for k in event if k not in classes]
    if missing:
        raise BundleError(ontology / EVENT_TYPES_FILE, None, f"no ckg:eventClass for {missing}")
    return Kinds(actor, event, classes, _superclasses(ontology / ONTOLOGY_FILE, _CKG + "Event"))


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
