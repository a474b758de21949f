"""Referenced events (placeholder while written)."""

from __future__ import annotations

from ..models import Event
from .context import Context


def find_events(ctx: Context) -> list[Event]:
    return []
