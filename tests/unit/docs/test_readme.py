"""The README is the contract newcomers and operators read: keep it true."""

from __future__ import annotations

import dataclasses
import re

from stream.settings import ENV_PREFIX, Settings
from tests.support.shared import REPO

README = (REPO / "README.md").read_text()


def test_every_setting_is_documented() -> None:
    documented = set(re.findall(r"`(NEWSSTREAM_[A-Z_]+)`", README))
    fields = {ENV_PREFIX + f.name.upper() for f in dataclasses.fields(Settings)}
    assert fields - documented == set(), "settings missing from the README's configuration table"
    assert documented - fields == set(), "README documents settings that do not exist"


def test_two_commands_and_ci_agree() -> None:
    assert "make demo" in README and "make test" in README
    ci = (REPO / ".ci" / "run").read_text()
    assert "make test" in ci
    makefile = (REPO / "Makefile").read_text()
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def test_every_cli_command_is_documented() -> None:
    from stream.cli import _parser

    sub = next(a for a in _parser()._actions if a.dest == "command")
    for name in sub.choices:
        assert f"newsstream {name}" in README, name
