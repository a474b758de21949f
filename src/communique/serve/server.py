"""Run the app with uvicorn: the one function `communique serve` and `communique demo` call."""

from __future__ import annotations

from collections.abc import Callable

from .settings import Settings

LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def run(db_url: str | None = None, host: str = "127.0.0.1", port: int = 8000,
        token: str | None = None, echo: Callable[[str], None] = print) -> None:
    """Serve the ledger at `db_url` until interrupted; prints the URL and whether writes are on."""
    import uvicorn

    from .app import create_app

    settings = Settings.from_env(db_url, token)
    if host in LOOPBACK:
        settings.allowed_hosts = list(LOOPBACK)
    app = create_app(settings=settings)
    shown = f"[{host}]" if ":" in host else host
    echo(f"communique: serving {app.state.ledger.url} at http://{shown}:{port}/ "
         f"(API docs at /docs)")
    echo("communique: read-only (set COMMUNIQUE_TOKEN to allow review and uploads)"
         if settings.read_only else "communique: writes need the COMMUNIQUE_TOKEN bearer token")
    if host not in LOOPBACK:
        echo(f"communique: warning: listening on {host}, reachable from other machines")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
