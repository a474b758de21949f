"""Documentation cannot fall behind the code: every command is in the README and in docs/cli.md."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _reference_module():
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_cli_reference_is_up_to_date():
    ref = _reference_module()
    assert ref.OUT.read_text() == ref.render(), "run: python3 scripts/cli_reference.py"


def test_every_command_and_option_is_in_the_reference():
    ref = _reference_module()
    text = ref.OUT.read_text()
    import typer.main

    from communique.cli import app

    for path, cmd in ref.commands(typer.main.get_command(app)):
        assert f"## communique {' '.join(path)}" in text
        for param in cmd.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert opt in text, f"{' '.join(path)} {opt}"


def test_readme_names_every_top_level_command():
    ref = _reference_module()
    readme = (ROOT / "README.md").read_text()
    import typer.main

    from communique.cli import app

    top = {path[0] for path, _ in ref.commands(typer.main.get_command(app))}
    missing = sorted(c for c in top if not re.search(rf"communique {re.escape(c)}\b", readme))
    assert not missing, f"README does not mention: {missing}"
    assert "docs/cli.md" in readme
