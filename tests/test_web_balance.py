"""serve/balance.py: the workers' shared table of open connections, and a server accepting in turn
(and still accepting when the worker whose turn it is never does)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time

import pytest

from communique.serve.balance import GRACE, GRACE_ENV, TABLE_ENV, BalancedServer, ConnectionTable


@pytest.fixture
def sleeper():
    """A live process other than this one, to own a slot as another worker would."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc.pid
    proc.kill()
    proc.wait()


def _put(table: ConnectionTable, slot: int, pid: int, count: int) -> None:
    import struct

    struct.pack_into("=ii", table._map, slot * 8, pid, count)


def test_table_counts_turns_and_frees_the_slots_of_dead_workers(tmp_path, sleeper):
    table = ConnectionTable(tmp_path / "t", slots=3)
    assert table.claim() == 0 and table.counts() == {os.getpid(): 0}
    assert table.may_accept(1)  # alone
    _put(table, 1, sleeper, 2)
    table.set(2)
    assert table.may_accept(1)  # a tie: each may take the next
    table.set(3)
    assert not table.may_accept(1) and table.counts() == {os.getpid(): 3, sleeper: 2}
    # a burst: each takes its share of what is open and waiting, at once
    _put(table, 1, sleeper, 0)
    table.set(0)
    assert table.may_accept(50)
    table.set(25)
    assert not table.may_accept(25)  # its 25 taken: the other 25 are the other worker's
    _put(table, 1, sleeper, 25)
    table.set(24)
    assert table.may_accept(1)
    table.set(3)
    _put(table, 1, sleeper, 2)
    # a second handle on the file (another worker) sees the same numbers
    other = ConnectionTable(tmp_path / "t")
    assert other.counts() == {os.getpid(): 3, sleeper: 2}
    other.close()
    # a slot whose process is gone counts for nothing and is handed out again
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    _put(table, 2, int(dead), 0)
    assert table.may_accept(1) is False and int(dead) not in table.counts()
    table.release()
    assert table.counts() == {sleeper: 2}
    assert table.claim() == 0  # its own freed slot comes first
    table.close()


def test_a_connection_taken_between_the_two_reads_is_not_counted_twice(tmp_path, sleeper, monkeypatch):
    """The other worker accepts one of the two waiting connections just after this worker's first
    read (of the counts or of the queue, whichever comes first): this worker, holding its 10 of
    the 20, must not take the last one (read queue-first, it saw 8 + 10 + 2 = 21 and took an 11th)."""
    import asyncio

    from communique.serve import balance

    table = ConnectionTable(tmp_path / "t", slots=2)
    table.claim()
    table.set(10)
    _put(table, 1, sleeper, 8)
    queue = [2]

    def other_accepts_once() -> None:
        if queue[0] == 2:
            queue[0] = 1
            _put(table, 1, sleeper, 9)

    real_counts = table.counts

    def counts() -> dict[int, int]:
        out = real_counts()
        other_accepts_once()
        return out

    def pending(sock) -> int:
        out = queue[0]
        other_accepts_once()
        return out

    monkeypatch.setattr(table, "counts", counts)
    monkeypatch.setattr(balance, "pending", pending)

    async def look() -> tuple[int | None, bool]:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            sock.listen(4)
            acceptor = balance._Acceptor(sock, None, table, balance._CountingSet(table))
            try:
                return acceptor._may_take()
            finally:
                acceptor.close()

    assert asyncio.run(look()) == (1, False)
    table.close()


def _serve(table_path: str, port: int):
    import uvicorn

    async def app(scope, receive, send):
        if scope["type"] != "http":
            return
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
        await send({"type": "http.response.body", "body": b"ok"})

    os.environ[TABLE_ENV] = table_path
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    sock = config.bind_socket()
    server = BalancedServer(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.01)
    return server, thread, sock


def _get(port: int) -> tuple[socket.socket, float]:
    t0 = time.perf_counter()
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert s.recv(1024).startswith(b"HTTP/1.1 200")
    return s, time.perf_counter() - t0


def test_a_worker_with_more_connections_still_accepts_what_the_others_leave(tmp_path, sleeper, monkeypatch):
    """The other slot's process (fewer connections, its turn) never accepts: after GRACE the busier
    worker takes the connection anyway, and its slot counts its open connections."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    path = str(tmp_path / "table")
    table = ConnectionTable(path, slots=2)
    _put(table, 1, sleeper, 0)
    monkeypatch.setenv(TABLE_ENV, path)
    server, thread, sock = _serve(path, port)
    try:
        first, _ = _get(port)  # a tie (0 and 0): its turn
        assert table.counts()[os.getpid()] == 1
        second, waited = _get(port)  # 1 against 0: it waits for the other, then takes it
        assert waited >= GRACE * 0.9
        assert table.counts()[os.getpid()] == 2
        first.close()
        second.close()
        for _ in range(100):
            if table.counts()[os.getpid()] == 0:
                break
            time.sleep(0.01)
        assert table.counts()[os.getpid()] == 0
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
    assert os.getpid() not in table.counts()  # shutdown frees the slot
    table.close()


_WORKER = """
import os, socket, sys
import uvicorn
from communique.serve.balance import BalancedServer

async def app(scope, receive, send):
    if scope["type"] == "http":
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
        await send({"type": "http.response.body", "body": b"ok"})

config = uvicorn.Config(app, log_level="warning", lifespan="off")
BalancedServer(config).run(sockets=[socket.socket(fileno=int(sys.argv[1]))])
"""


def test_two_workers_take_a_burst_of_connections_half_each(tmp_path):
    """20 connections arriving at once: each of two workers accepts its 10 (no worker waits for
    the other to take one before it takes the next)."""
    path = str(tmp_path / "table")
    table = ConnectionTable(path, slots=4)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)  # connections wait in its queue until the workers accept
    port = sock.getsockname()[1]
    env = {**os.environ, TABLE_ENV: path, GRACE_ENV: "3"}  # the split, not a worker descheduled past GRACE
    workers = [subprocess.Popen([sys.executable, "-c", _WORKER, str(sock.fileno())], env=env,
                                pass_fds=[sock.fileno()]) for _ in range(2)]
    conns: list[socket.socket] = []
    try:
        for _ in range(300):  # both workers up (each claimed its slot)
            if len(table.counts()) == 2:
                break
            time.sleep(0.02)
        assert len(table.counts()) == 2
        conns = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(20)]
        for _ in range(300):
            if sum(table.counts().values()) == 20:
                break
            time.sleep(0.01)
        assert sorted(table.counts().values()) == [10, 10]
        for c in conns:  # and each connection is served
            c.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            assert c.recv(1024).startswith(b"HTTP/1.1 200")
    finally:
        for c in conns:
            c.close()
        for w in workers:
            w.terminate()
            w.wait(timeout=10)
        sock.close()
        table.close()


def test_the_grace_comes_from_the_environment_or_a_clear_error(monkeypatch):
    from communique.errors import CommuniqueError
    from communique.serve.balance import accept_grace

    monkeypatch.delenv(GRACE_ENV, raising=False)
    assert accept_grace() == GRACE
    monkeypatch.setenv(GRACE_ENV, " 1.5 ")
    assert accept_grace() == 1.5
    for bad in ("soon", "-1", "nan", "1e9"):
        monkeypatch.setenv(GRACE_ENV, bad)
        with pytest.raises(CommuniqueError, match=GRACE_ENV):
            accept_grace()


def test_serve_names_a_bad_grace_and_starts_nothing(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from communique.cli import app

    monkeypatch.setenv(GRACE_ENV, "soon")
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "l.db"), "--workers", "2",
                                      "--port", "0"])
    assert result.exit_code == 2
    assert "COMMUNIQUE_ACCEPT_GRACE='soon'" in result.output


def test_a_connection_made_is_counted_once(tmp_path):
    """Accepted connections count from the accept; made (joined uvicorn's set) they move from
    `starting` to the set, so the slot never counts one twice — a burst of made protocols whose
    hand-over tasks had not yet resumed published up to twice the worker's connections."""
    from communique.serve.balance import _CountingSet

    table = ConnectionTable(tmp_path / "t", slots=2)
    table.claim()
    conns = _CountingSet(table)
    conns.starting = 3  # three accepted in one turn of the loop
    conns.publish()
    assert table.counts()[os.getpid()] == 3
    for proto in ("a", "b", "c"):  # their protocols made, before any hand-over task resumes
        conns.add(proto)
        assert table.counts()[os.getpid()] == 3
    conns.discard("a")  # one lost
    assert table.counts()[os.getpid()] == 2 and conns.starting == 0
    table.close()
