"""Run the app with uvicorn: the one function `communique serve` and `communique demo` call."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable

from .settings import Settings

LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
#: Seconds an idle keep-alive connection stays open. uvicorn's 5 s closes connections a busy
#: client is about to reuse (the request then fails with a reset); browsers keep theirs longer.
KEEP_ALIVE = 30


def default_workers() -> int:
    """One server process per CPU this process may run on, at most 4: one process runs Python on
    one core at a time (the GIL), so a second core serves only through a second process."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 4))


def run(db_url: str | None = None, host: str = "127.0.0.1", port: int = 8000,
        token: str | None = None, echo: Callable[[str], None] = print, workers: int | None = None) -> None:
    """Serve the ledger at `db_url` until interrupted; prints the URL and whether writes are on.

    With `workers` > 1 (default: `default_workers()`), uvicorn starts that many processes, each
    building the app from the environment (`app_from_env`); they share one session/CSRF key
    passed in COMMUNIQUE_SECRET. Each keeps its own response cache, exact to the ledger's
    generation, so a write through one is seen by the others at their next request."""
    import uvicorn

    from .app import create_app

    workers = workers or default_workers()
    if workers > 1:
        from .balance import accept_grace

        accept_grace()  # a bad COMMUNIQUE_ACCEPT_GRACE stops here, not in every worker
    settings = Settings.from_env(db_url, token)
    if host in LOOPBACK:
        settings.allowed_hosts = list(LOOPBACK)
    app = create_app(settings=settings)
    if workers > 1:
        os.environ.update({"COMMUNIQUE_DB": app.state.ledger.url,
                           "COMMUNIQUE_SECRET": settings.secret.hex(),
                           "COMMUNIQUE_ALLOWED_HOSTS": ",".join(settings.allowed_hosts or [])})
        if settings.token:
            os.environ["COMMUNIQUE_TOKEN"] = settings.token
    shown = f"[{host}]" if ":" in host else host
    echo(f"communique: serving {app.state.ledger.url} at http://{shown}:{port}/ "
         f"(API docs at /docs; {workers} worker process{'es' if workers > 1 else ''})")
    echo("communique: read-only (set COMMUNIQUE_TOKEN to allow review and uploads)"
         if settings.read_only else "communique: writes need the COMMUNIQUE_TOKEN bearer token")
    if host not in LOOPBACK:
        echo(f"communique: warning: listening on {host}, reachable from other machines")
    if workers > 1:
        app.state.ledger.close()
        _run_workers(host, port, workers)
    else:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False,
                    timeout_keep_alive=KEEP_ALIVE)


def _run_workers(host: str, port: int, workers: int) -> None:
    """uvicorn's multi-process mode, with TCP_NODELAY on the listening socket.

    uvicorn binds that socket itself with protocol 0, and asyncio only disables Nagle on sockets
    whose protocol is TCP: keep-alive responses then wait ~40 ms for the peer's delayed ACK. Linux
    copies TCP_NODELAY from a listening socket to the connections it accepts, so setting it there
    (as uvicorn.run would bind it) fixes every worker. The workers take turns accepting, so each
    holds an even share of the connections (serve/balance.py)."""
    import socket

    import uvicorn

    from .balance import BalancedMultiprocess

    config = uvicorn.Config("communique.serve.server:app_from_env", factory=True, host=host, port=port,
                            workers=workers, log_level="warning", access_log=False,
                            timeout_keep_alive=KEEP_ALIVE)
    sock = config.bind_socket()
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C in a terminal
        BalancedMultiprocess(config, sockets=[sock]).run()


def app_from_env():
    """The app of one worker process, configured by the environment `run` prepared."""
    from .app import create_app

    settings = Settings.from_env()
    secret = os.environ.get("COMMUNIQUE_SECRET")
    if secret:
        settings.secret = bytes.fromhex(secret)
    hosts = os.environ.get("COMMUNIQUE_ALLOWED_HOSTS")
    settings.allowed_hosts = hosts.split(",") if hosts else None
    return create_app(settings=settings)
