"""Gazetteers, cue words and grammars as YAML, read once by one cached, validating loader."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["load", "DataError"]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(ValueError):
    """A data file is missing or malformed."""


@cache
def load(name: str) -> Any:
    """Load `data/<name>.yaml` from the package (cached: each file is parsed once per process)."""
    try:
        text = resources.files(__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"no data file {name}.yaml in communique/data") from None
    try:
        # libyaml's C loader when PyYAML has it: the same data (tests/test_data.py compares),
        # ~8x faster, and every worker process reads all the files at start
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise DataError(f"{name}.yaml: {exc}") from None


def names() -> list[str]:
    """Every data file's name (without .yaml), for the test that loads them all."""
    return sorted(p.name[:-5] for p in resources.files(__name__).iterdir() if p.name.endswith(".yaml"))
