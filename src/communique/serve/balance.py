"""Connections spread evenly over the server's worker processes.

uvicorn's workers share one listening socket, and each accepts every connection pending when it
wakes: 50 browsers connecting at once land 34 on one worker and 16 on the other. A keep-alive
connection stays with its worker, so the busier one serves twice the requests on one core while
the other idles, and its queue sets the latency (bench/web.py measured a p99 of 500-800 ms back
to back with the cores half used).

Here each worker counts its open connections in a small table shared through a file (one slot
per worker: pid, connections) and accepts itself (instead of uvicorn's `loop.create_server` on the
shared socket) only while no live worker has fewer connections — so connections alternate.
A worker with more waits; if the others leave a connection pending for `GRACE` seconds (a worker
stuck), it takes it anyway, so no connection is left waiting long; a worker that died counts for
nothing at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import mmap
import os
import select
import socket
import struct
import time
from pathlib import Path

from uvicorn import Server
from uvicorn.supervisors.multiprocess import Multiprocess, Process

#: Environment variable naming the shared table's file (set by `serve` for its workers).
TABLE_ENV = "COMMUNIQUE_CONN_TABLE"
#: Seconds a worker with more connections leaves a pending one to the less loaded workers: a
#: healthy worker accepts within milliseconds; on a machine loaded ten times over its cores one
#: may not run for tens of them (20 ms let 15 of 20 connections to one worker then).
GRACE = 0.25
_SLOT = struct.Struct("=ii")  # pid, open connections


class ConnectionTable:
    """Per-worker open connections, in a file every worker maps (`slots` slots of pid, count).

    Only a slot's owner writes its count; others read it (an aligned 4-byte store, never torn).
    Claiming a slot is done under an exclusive `flock`; a slot whose pid is gone is free again."""

    def __init__(self, path: str | Path, slots: int | None = None):
        self.path = Path(path)
        if slots is not None:  # the parent: a fresh, zeroed table
            self.path.write_bytes(b"\0" * (_SLOT.size * slots))
        self._file = open(self.path, "r+b")  # noqa: SIM115 - mapped for the process's life
        self._map = mmap.mmap(self._file.fileno(), 0)
        self.slots = len(self._map) // _SLOT.size
        self.mine: int | None = None

    @classmethod
    def create(cls, slots: int) -> ConnectionTable:
        import tempfile

        base = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
        fd, path = tempfile.mkstemp(prefix="communique-conns-", dir=base)
        os.close(fd)
        return cls(path, slots)

    def claim(self) -> int:
        """Take a free slot for this process (free: never used, or its process is gone)."""
        pid = os.getpid()
        fcntl.flock(self._file, fcntl.LOCK_EX)
        try:
            for i in range(self.slots):
                owner, _ = _SLOT.unpack_from(self._map, i * _SLOT.size)
                if owner in (0, pid) or not _alive(owner):
                    _SLOT.pack_into(self._map, i * _SLOT.size, pid, 0)
                    self.mine = i
                    return i
        finally:
            fcntl.flock(self._file, fcntl.LOCK_UN)
        raise RuntimeError(f"no free slot in {self.path} ({self.slots} slots)")

    def set(self, count: int) -> None:
        if self.mine is not None:
            struct.pack_into("=i", self._map, self.mine * _SLOT.size + 4, count)

    def release(self) -> None:
        if self.mine is not None:
            _SLOT.pack_into(self._map, self.mine * _SLOT.size, 0, 0)
            self.mine = None

    def counts(self) -> dict[int, int]:
        """pid → open connections of every live worker (this one included)."""
        out = {}
        for i in range(self.slots):
            pid, n = _SLOT.unpack_from(self._map, i * _SLOT.size)
            if pid and (i == self.mine or _alive(pid)):
                out[pid] = n
        return out

    def my_turn(self) -> bool:
        """True when no other live worker has fewer open connections than this one."""
        if self.mine is None:
            return True
        mine = _SLOT.unpack_from(self._map, self.mine * _SLOT.size)[1]
        return all(n >= mine for n in self.counts().values())

    def close(self) -> None:
        self.release()
        self._map.close()
        self._file.close()

    def unlink(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class _CountingSet(set):
    """uvicorn's set of open connections (each protocol adds itself when made, discards itself
    when lost), mirrored into this worker's slot."""

    def __init__(self, table: ConnectionTable):
        super().__init__()
        self.table = table

    def add(self, item) -> None:
        super().add(item)
        self.table.set(len(self))

    def discard(self, item) -> None:
        super().discard(item)
        self.table.set(len(self))

    def remove(self, item) -> None:
        super().remove(item)
        self.table.set(len(self))


class _Acceptor:
    """What uvicorn's shutdown closes in place of an asyncio server: the accept loop's task."""

    def __init__(self, task: asyncio.Task, table: ConnectionTable):
        self.task, self.table = task, table

    def close(self) -> None:
        self.task.cancel()
        self.table.release()

    async def wait_closed(self) -> None:
        with contextlib.suppress(asyncio.CancelledError):
            await self.task


class BalancedServer(Server):
    """uvicorn's `Server`, accepting on the shared sockets in turn with the other workers."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        path = os.environ.get(TABLE_ENV)
        if not sockets or not path:
            await super().startup(sockets)
            return
        table = ConnectionTable(path)
        table.claim()
        self.server_state.connections = _CountingSet(table)
        await super().startup([])  # the app's lifespan, no listener of uvicorn's own
        if not self.started:
            table.release()
            return
        config, loop = self.config, asyncio.get_running_loop()

        def protocol() -> asyncio.Protocol:  # as uvicorn's own startup makes them
            return config.http_protocol_class(config=config, server_state=self.server_state,
                                              app_state=self.lifespan.state, _loop=loop)

        for sock in sockets:
            sock.listen(config.backlog)  # as loop.create_server would (bind_socket only binds)
        self.servers = [_Acceptor(loop.create_task(_accept_loop(sock, protocol, table)), table)
                        for sock in sockets]


async def _accept_loop(sock: socket.socket, protocol, table: ConnectionTable) -> None:
    loop = asyncio.get_running_loop()
    sock.setblocking(False)
    while True:
        await _wait_for_turn(sock, table)
        try:
            conn, _ = await loop.sock_accept(sock)
        except (BlockingIOError, InterruptedError, ConnectionAbortedError):
            continue
        except OSError:  # out of file descriptors and the like: uvicorn's server would log and go on
            await asyncio.sleep(0.1)
            continue
        with contextlib.suppress(OSError):
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            await loop.connect_accepted_socket(protocol, conn)
        except OSError:
            conn.close()


async def _wait_for_turn(sock: socket.socket, table: ConnectionTable) -> None:
    """Return when this worker should accept: it has no more connections than any other, or a
    connection has been pending for `GRACE` seconds without another worker taking it. Sleeps
    until a connection is pending (no polling while the listener is quiet)."""
    pending_since = None
    while not table.my_turn():
        if not select.select([sock], [], [], 0)[0]:
            pending_since = None
            await _readable(sock, timeout=1.0)  # the turn may change meanwhile: look again
            continue
        now = time.monotonic()
        if pending_since is None:
            pending_since = now
        elif now - pending_since >= GRACE:
            return
        await asyncio.sleep(0.01)  # has another worker taken it?


async def _readable(sock: socket.socket, timeout: float) -> None:
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    fd = sock.fileno()  # kept: uvicorn's shutdown closes the socket before this task is cancelled
    loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
    try:
        await asyncio.wait_for(ready, timeout)
    except TimeoutError:
        pass
    finally:
        with contextlib.suppress(OSError, ValueError):
            loop.remove_reader(fd)


class _BalancedProcess(Process):
    @property
    def server(self) -> Server:
        if self._server is None:
            self._server = BalancedServer(config=self.config)
        return self._server


class BalancedMultiprocess(Multiprocess):
    """uvicorn's supervisor, its workers running `BalancedServer` over one connection table."""

    def run(self) -> None:
        import uvicorn.supervisors.multiprocess as mp

        table = ConnectionTable.create(max(2 * self.processes_num, 4))  # room for restarted workers
        os.environ[TABLE_ENV] = str(table.path)  # spawned workers inherit it
        # Multiprocess makes (and remakes) its workers with the module's `Process`.
        original, mp.Process = mp.Process, _BalancedProcess
        try:
            super().run()
        finally:
            mp.Process = original
            os.environ.pop(TABLE_ENV, None)
            table.close()
            table.unlink()
