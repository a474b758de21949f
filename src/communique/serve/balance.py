"""Connections spread evenly over the server's worker processes.

uvicorn's workers share one listening socket, and each accepts every connection pending when it
wakes: 50 browsers connecting at once land 34 on one worker and 16 on the other. A keep-alive
connection stays with its worker, so the busier one serves twice the requests on one core while
the other idles, and its queue sets the latency (bench/web.py measured a p99 of 500-800 ms back
to back with the cores half used).

Here each worker counts its open connections in a small table shared through a file (one slot
per worker: pid, connections) and accepts itself (instead of uvicorn's `loop.create_server` on the
shared socket) only up to its share of the connections open and waiting (`_Acceptor`). A worker
at its share waits; if the others leave a connection pending for `GRACE` seconds (a worker
stuck), it takes it anyway, so no connection is left waiting long; a worker that died counts for
nothing at once.

One SO_REUSEPORT socket per worker would be simpler (the kernel spreads the connections), but it
spreads them by a hash of their addresses, so 50 connections split 29/21 or worse about one time
in three; and with requests served one at a time per worker in arrival order, the busier worker's
queue is the p99.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import mmap
import os
import socket
import struct
import time
from pathlib import Path

from uvicorn import Server
from uvicorn.supervisors.multiprocess import Multiprocess, Process

from communique.errors import CommuniqueError

#: Environment variable naming the shared table's file (set by `serve` for its workers).
TABLE_ENV = "COMMUNIQUE_CONN_TABLE"
#: Environment variable overriding `GRACE` (seconds) in the workers.
GRACE_ENV = "COMMUNIQUE_ACCEPT_GRACE"
#: Seconds a worker with more connections leaves a pending one to the less loaded workers: a
#: healthy worker accepts within milliseconds; on a machine loaded ten times over its cores one
#: may not run for tens of them (20 ms let 15 of 20 connections to one worker then). Longer
#: evens the split on an overloaded machine, shorter serves sooner past a stuck worker.
GRACE = 0.25


def accept_grace() -> float:
    """`GRACE`, or the seconds `COMMUNIQUE_ACCEPT_GRACE` sets (an error naming it when it is no
    number of seconds)."""
    raw = os.environ.get(GRACE_ENV, "").strip()
    if not raw:
        return GRACE
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value < 3600:  # (NaN fails too)
        raise CommuniqueError(f"{GRACE_ENV}={raw!r}: expected seconds, a number from 0 to 3600")
    return value


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

    def may_accept(self, waiting: int, counts: dict[int, int] | None = None) -> bool:
        """True while this worker holds fewer than its share of the connections open on every live
        worker plus the `waiting` ones: their number over the workers, rounded up.

        `counts`, when given, must have been read before `waiting` (see `_Acceptor._may_take`)."""
        if self.mine is None:
            return True
        if counts is None:
            counts = self.counts()
        mine = _SLOT.unpack_from(self._map, self.mine * _SLOT.size)[1]
        return mine < -(-(sum(counts.values()) + waiting) // max(len(counts), 1))

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
    when lost), mirrored into this worker's slot with the connections accepted but not yet made
    (`starting`): a worker accepting a burst counts each connection the moment it takes it.

    A connection made leaves `starting` as it joins the set (`add`), not when its hand-over task
    resumes: a burst's protocols are all made before any of those tasks runs on, and counted in
    both meanwhile, a worker holding 8 published 16 and the other took 12 of 20."""

    def __init__(self, table: ConnectionTable):
        super().__init__()
        self.table = table
        self.starting = 0

    def publish(self) -> None:
        self.table.set(len(self) + self.starting)

    def add(self, item) -> None:
        super().add(item)
        if self.starting:  # every connection here was accepted by this worker: one less starting
            self.starting -= 1
        self.publish()

    def discard(self, item) -> None:
        super().discard(item)
        self.publish()

    def remove(self, item) -> None:
        super().remove(item)
        self.publish()


def pending(sock: socket.socket) -> int | None:
    """Connections waiting in the listening socket's accept queue, None where the system does not
    say. Linux answers in TCP_INFO: for a listening socket `tcpi_unacked` is the accept queue's
    length (`struct tcp_info`: eight bytes of flags, then the u32s rto, ato, snd_mss, rcv_mss,
    unacked)."""
    opt = getattr(socket, "TCP_INFO", None)
    if opt is None or sock.family not in (socket.AF_INET, socket.AF_INET6):
        return None
    try:
        info = sock.getsockopt(socket.IPPROTO_TCP, opt, 32)
    except OSError:
        return None
    return struct.unpack_from("=I", info, 24)[0] if len(info) >= 28 else None


class _Acceptor:
    """Accepts on one shared listening socket, this worker's share of what is waiting.

    A worker's share: the connections open on every live worker plus those waiting, divided by
    the workers, rounded up. When its reader fires it takes connections one after another,
    synchronously, until it holds its share or none is left — 50 browsers connecting at once are
    25 and 25 in one turn of each worker's loop. (Accepting in turn, one connection per round trip
    between the workers through their loops, took seconds when each turn of a loop runs a request,
    as it does with read routes run in place: serve/routing.py.) At its share, with connections
    still waiting, it stops listening and looks again every `_POLL` s; if one is still waiting
    after `GRACE` s (another worker stuck), it takes one anyway. Where the queue's length is not
    known, one waiting connection is assumed."""

    _POLL = 0.01

    def __init__(self, sock: socket.socket, protocol, table: ConnectionTable, conns: _CountingSet):
        self.sock, self.protocol, self.table, self.conns = sock, protocol, table, conns
        self.loop = asyncio.get_running_loop()
        self.fd = sock.fileno()  # kept: uvicorn's shutdown closes the socket before close() here
        self.waiting_since: float | None = None
        self.timer: asyncio.TimerHandle | None = None
        self.closed = False
        self.grace = accept_grace()
        self.tasks: set[asyncio.Task] = set()
        sock.setblocking(False)
        self.loop.add_reader(self.fd, self._ready)

    def _may_take(self) -> tuple[int | None, bool]:
        """The accept queue's length and whether this worker may take one of it now.

        The workers' counts are read before the queue. A connection another worker accepts
        between the two reads is then in neither (this worker under-counts by one, waits `_POLL`
        and looks again); read the other way round it was in both, the total one too high, and a
        worker at its share could take one more (a burst of 20 split 9/11 about one time in ten)."""
        counts = self.table.counts()
        waiting = pending(self.sock)
        if waiting == 0:
            return 0, False
        return waiting, self.table.may_accept(1 if waiting is None else waiting, counts)

    def _ready(self) -> None:
        while not self.closed:
            waiting, may = self._may_take()
            if waiting == 0:
                self.waiting_since = None
                return
            if not may:
                now = time.monotonic()
                if self.waiting_since is None:
                    self.waiting_since = now
                if now - self.waiting_since < self.grace:
                    self._pause()
                    return
            try:
                conn, _ = self.sock.accept()
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                self.waiting_since = None
                return  # another worker took it
            except OSError:  # out of file descriptors and the like: uvicorn's server would log and go on
                self._pause(0.1)
                return
            self.waiting_since = None
            self.conns.starting += 1
            self.conns.publish()
            task = self.loop.create_task(self._hand_over(conn))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    def _pause(self, delay: float | None = None) -> None:
        """Stop listening for `delay` s, then look again (the other workers take their share)."""
        with contextlib.suppress(OSError, ValueError):
            self.loop.remove_reader(self.fd)
        self.timer = self.loop.call_later(self._POLL if delay is None else delay, self._resume)

    def _resume(self) -> None:
        self.timer = None
        if not self.closed:
            self.loop.add_reader(self.fd, self._ready)

    async def _hand_over(self, conn: socket.socket) -> None:
        made = False
        try:
            with contextlib.suppress(OSError):
                conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            try:
                await self.loop.connect_accepted_socket(self.protocol, conn)
                made = True  # (its protocol joined the connections: no longer starting)
            except OSError:
                conn.close()
        finally:
            if not made and self.conns.starting:  # never made (or cancelled at shutdown)
                self.conns.starting -= 1
                self.conns.publish()

    def close(self) -> None:
        """What uvicorn's shutdown calls in place of closing an asyncio server."""
        self.closed = True
        if self.timer is not None:
            self.timer.cancel()
        with contextlib.suppress(OSError, ValueError):
            self.loop.remove_reader(self.fd)
        self.table.release()

    async def wait_closed(self) -> None:
        if self.tasks:
            await asyncio.gather(*self.tasks, return_exceptions=True)


class BalancedServer(Server):
    """uvicorn's `Server`, each worker accepting its share of the shared sockets' connections."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        path = os.environ.get(TABLE_ENV)
        if not sockets or not path:
            await super().startup(sockets)
            return
        table = ConnectionTable(path)
        table.claim()
        conns = self.server_state.connections = _CountingSet(table)
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
        self.servers = [_Acceptor(sock, protocol, table, conns) for sock in sockets]


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
