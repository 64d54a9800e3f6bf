"""What a query worker may reach and use: no network, a share of the memory, a deep stack.

Oxigraph calls any SERVICE endpoint a query names and fetches any URL an update LOADs.
The server reads every request first and never hands Oxigraph one that would call out
(:mod:`conflictkg.server.federation`); the workers, which run Oxigraph for queries and
updates alike, are also kept from opening a network socket at all:

* a seccomp filter makes ``socket(2)`` fail (EPERM) for every address family but
  ``AF_UNIX``, and refuses ``io_uring_setup`` (io_uring can open sockets past the
  filter) and system calls of another ABI. It needs no privilege, only ``no_new_privs``,
  and Docker's default seccomp profile allows installing it: in the project's
  container, where ``unshare`` is refused, the workers still have no network. Linux on
  x86-64 and arm64; elsewhere only the check stands.
* where ``unshare(CLONE_NEWNET)`` is allowed, the process also moves into an empty
  network namespace of its own.

The memory the workers may use together is a setting (``query_memory_total_mb``, by
default half the machine's or the container's memory), shared equally among them as
each one's address-space limit. Oxigraph recurses over the query it parses, so jobs run
on a thread with a large stack (deep nesting is refused before that, by the reading).
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import socket
import struct
from pathlib import Path

from conflictkg.config import Settings

# seccomp(2) and BPF constants (linux/seccomp.h, linux/filter.h, linux/audit.h)
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_RET_ALLOW, _RET_ERRNO = 0x7FFF0000, 0x00050000
_LD_W_ABS, _JEQ_K, _JGE_K, _RET_K = 0x20, 0x15, 0x35, 0x06
_X32_SYSCALL_BIT = 0x40000000
# machine: (audit architecture, socket, io_uring_setup)
_SYSCALLS = {"x86_64": (0xC000003E, 41, 425), "aarch64": (0xC00000B7, 198, 425)}
_CLONE_NEWUSER, _CLONE_NEWNET = 0x10000000, 0x40000000
STACK_BYTES = 256 << 20
LEAST_WORKER_MB = 768  # a worker with less failed to open the sample store (512 did)


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _statement(code: int, k: int, jump_true: int = 0, jump_false: int = 0) -> bytes:
    return struct.pack("HBBI", code, jump_true, jump_false, k)


def _filter(machine: str) -> list[bytes]:
    """A BPF program: socket() for AF_UNIX only, no io_uring, no other ABI; all else allowed."""
    audit_arch, nr_socket, nr_io_uring = _SYSCALLS[machine]
    deny = _RET_ERRNO | errno.EPERM
    return [
        _statement(_LD_W_ABS, 4),                      # seccomp_data.arch
        _statement(_JEQ_K, audit_arch, 1, 0),
        _statement(_RET_K, deny),
        _statement(_LD_W_ABS, 0),                      # seccomp_data.nr
        _statement(_JGE_K, _X32_SYSCALL_BIT, 0, 1),
        _statement(_RET_K, deny),
        _statement(_JEQ_K, nr_io_uring, 0, 1),
        _statement(_RET_K, deny),
        _statement(_JEQ_K, nr_socket, 0, 3),
        _statement(_LD_W_ABS, 16),                     # seccomp_data.args[0]: the family
        _statement(_JEQ_K, socket.AF_UNIX, 1, 0),
        _statement(_RET_K, deny),
        _statement(_RET_K, _RET_ALLOW),
    ]


def _libc() -> ctypes.CDLL:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    return libc


def _install_filter() -> bool:
    machine = platform.machine()
    if platform.system() != "Linux" or machine not in _SYSCALLS:
        return False
    try:
        libc = _libc()
        code = b"".join(_filter(machine))
        buffer = ctypes.create_string_buffer(code, len(code))
        program = _Program(len(code) // 8, ctypes.addressof(buffer))
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            return False
        return libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(program), 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _own_network_namespace() -> bool:
    try:
        libc = _libc()
        return any(libc.unshare(flags) == 0 for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET))
    except (OSError, AttributeError):
        return False


def can_open_network_socket() -> bool:
    try:
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
        return True
    except OSError:
        return False


def isolate() -> str:
    """Keep this process (and the threads it starts after) off the network, as far as
    the system allows: "seccomp+netns", "seccomp", "netns", or "none"."""
    held = [name for name, done in (("seccomp", _install_filter()),
                                    ("netns", _own_network_namespace())) if done]
    if "seccomp" in held and can_open_network_socket():  # never expected: the filter did not hold
        held.remove("seccomp")
    return "+".join(held) or "none"


def machine_memory_mb() -> int:
    """This machine's memory, or the container's limit when that is lower (MiB)."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    for limit in (Path("/sys/fs/cgroup/memory.max"), Path("/sys/fs/cgroup/memory/memory.limit_in_bytes")):
        try:
            value = limit.read_text().strip()
        except OSError:
            continue
        if value.isdigit():
            total = min(total, int(value))
    return total >> 20


WORKER_BUDGET_MB = 1024  # the query memory a worker counted by default should have at least
WORKERS_PER_CORE = 3  # so that each lane has a worker of its own in each of two web processes


def default_query_workers(settings: Settings) -> int:
    """The query workers when the setting is 0: three per core, while the query memory gives
    each at least ``WORKER_BUDGET_MB``; at least two."""
    total = settings.query_memory_total_mb or machine_memory_mb() // 2
    by_memory = total // WORKER_BUDGET_MB - max(0, settings.reserved_workers)
    return max(2, min(WORKERS_PER_CORE * cores(), by_memory))


def web_processes(settings: Settings) -> int:
    """The web processes ``serve`` runs: the setting, or one per core when it is 0."""
    return settings.web_workers if settings.web_workers > 0 else cores()


def cores() -> int:
    """The cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def share_out(settings: Settings, processes: int = 1) -> Settings:
    """The settings of one of ``processes`` web processes: the query workers, the reserved
    ones and the query memory are the server's in all, shared out equally (each process
    keeps at least one query worker, and one reserved worker when there are any), so that
    more web processes never mean more memory for queries."""
    workers = settings.query_workers or default_query_workers(settings)
    total_mb = settings.query_memory_total_mb or machine_memory_mb() // 2
    reserved = settings.reserved_workers
    return settings.model_copy(update={
        "query_workers": max(1, workers // processes),
        "reserved_workers": max(1, reserved // processes) if reserved > 0 else 0,
        "query_memory_total_mb": max(1, total_mb // processes),
    })


def worker_memory_mb(settings: Settings) -> int:
    """Each worker's address-space limit: an equal share of ``query_memory_total_mb``
    (half the machine's memory when 0), at most ``query_memory_mb`` when that is set."""
    total = settings.query_memory_total_mb or machine_memory_mb() // 2
    share = total // max(1, settings.query_workers + settings.reserved_workers)
    return min(settings.query_memory_mb, share) if settings.query_memory_mb > 0 else share


def stack_bytes(memory_mb: int) -> int:
    """The job thread's stack: large, but a small part of the worker's memory."""
    return STACK_BYTES if memory_mb <= 0 else min(STACK_BYTES, (memory_mb << 20) // 8)
