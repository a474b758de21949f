"""communique.data: every shipped YAML file loads, and libyaml's C loader reads it as PyYAML's own
safe loader does (the loader uses the C one, when present, for start-up speed)."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from communique import data


@pytest.mark.parametrize("name", data.names())
def test_every_data_file_loads_the_same_with_either_loader(name):
    text = resources.files(data.__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    plain = yaml.load(text, Loader=yaml.SafeLoader)
    got = data.load(name)
    assert got == plain and repr(got) == repr(plain)  # repr: same types and key order too


def test_missing_data_file_is_a_clear_error():
    with pytest.raises(data.DataError, match="no data file"):
        data.load("no-such-file")
