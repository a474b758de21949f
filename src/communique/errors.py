"""The one error type communique raises for bad input, so callers catch exactly it."""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base of every error communique raises on purpose."""


class InputError(CommuniqueError):
    """An input could not be read: names the file (or stream) and the problem."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")
