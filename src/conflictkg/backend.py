"""The store behind the settings: the embedded Oxigraph folder, or a SPARQL 1.1 server.

The one place that tells them apart. Both answer the same narrow interface, so the
commands, the ingest and the server never ask which they have:

* reading: :func:`open_reader` gives (generation, store), where the store has
  ``query``, ``contains_named_graph``, ``quads_for_pattern`` and iteration over quads
  (an embedded snapshot, or a :class:`conflictkg.remote.RemoteStore`);
* writing: :func:`writing` gives a writer with whole-graph writes (``put_graph``,
  ``add_graphs``), ``remove_graph``, ``update``, ``query``, ``publish`` and the
  reference graphs' fingerprint (:class:`conflictkg.store.Writer` or
  :class:`conflictkg.remote.RemoteWriter`);
* the state the result cache is keyed by: :func:`watch` gives an object whose
  ``current()`` is the published generation (the embedded store's CURRENT file, or the
  generation triple the last publication wrote on the server).

A worker process gets :func:`location` (a path, or the server's endpoints), which
pickles, rather than the settings.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from conflictkg import remote, store
from conflictkg.config import Settings

Location = Path | remote.Endpoints


def location(settings: Settings) -> Location:
    """The folder of an embedded store, or the endpoints of a SPARQL server (ValueError
    when a ``sparql+`` store is not complete)."""
    if settings.remote:
        return remote.Endpoints.from_settings(settings)
    return Path(settings.store)


def index_folder(settings: Settings) -> Path:
    """Where the event list's index lives (:mod:`conflictkg.events_index`): the embedded
    store's folder, or a SPARQL server's local state folder."""
    where = location(settings)
    if isinstance(where, remote.Endpoints):
        return remote.local_state(settings, where)
    return where


def index_events(settings: Settings) -> None:
    """Have the event index built where it is missing or stale: an embedded store rebuilds
    it on opening for writing (unless a writer holds it and is doing that); a server's is
    read whole from the server."""
    where = location(settings)
    if isinstance(where, remote.Endpoints):
        with remote.writing(where, remote.local_state(settings, where), publish=False) as writer:
            writer.index_events()
        return
    with contextlib.suppress(store.StoreLockedError), store.writing(where, wait=0, publish=False):
        pass


def local(where: Location) -> bool:
    """The store is a folder on this machine (a query worker then needs no network)."""
    return not isinstance(where, remote.Endpoints)


def name(settings: Settings) -> str:
    """The store as messages name it."""
    return str(settings.store)


def require(settings: Settings) -> Location:
    """The store's location when there is a store there: StoreNotFoundError for a folder
    without one (nothing is created), RemoteError for a server that does not answer."""
    where = location(settings)
    if isinstance(where, remote.Endpoints):
        reader = remote.RemoteStore(where)
        try:
            reader.ping()
        finally:
            reader.client.close()
        return where
    return store.require_store(where)


def open_reader(where: Location, *, max_bytes: int | None = None) -> tuple[int, Any]:
    """(generation, a store to read): the newest snapshot, or the server."""
    if isinstance(where, remote.Endpoints):
        reader = remote.RemoteStore(where, max_bytes=max_bytes)
        return reader.generation(), reader
    return store.open_snapshot(where)


def watch(where: Location) -> Any:
    """What says the published generation (``current()``, ``forget()``)."""
    if isinstance(where, remote.Endpoints):
        return remote.RemoteWatch(where)
    from conflictkg.server.worker import GenerationWatch

    return GenerationWatch(where)


@contextlib.contextmanager
def writing(settings: Settings, **options: Any) -> Iterator[Any]:
    """The store opened for writing (an embedded one is created when there is none)."""
    where = location(settings)
    if isinstance(where, remote.Endpoints):
        with remote.writing(where, remote.local_state(settings, where), **options) as writer:
            yield writer
    else:
        with store.writing(where, **options) as writer:
            yield writer


def writing_at(where: Location, state: Path | None = None) -> Any:
    """:func:`writing` from a location (a worker process has no settings)."""
    if isinstance(where, remote.Endpoints):
        return remote.writing(where, state or Path("data/remote"))
    return store.writing(where)


USER_ERRORS = (store.StoreNotFoundError, store.StoreLockedError, store.StoreWriteError, remote.RemoteError)
