from __future__ import annotations

from pathlib import Path

import pytest

from stream.errors import ConfigError
from stream.subjects.tagger import SubjectOptions, SubjectTagger

DESK = """
[[topic]]
code = "desk:korean-peninsula"
label = "Korean peninsula"
parent = "medtop:11000000"
terms = ["north korea", "pyongyang", "kim jong un", "korean peninsula"]
weight = 2.0

[[override]]
code = "medtop:20000640"
terms = ["summit"]
weight = 0
"""


def _tagger(tmp_path: Path, text: str) -> SubjectTagger:
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return SubjectTagger(SubjectOptions(rules_path=str(path)))


def test_desk_topic_and_override(tmp_path: Path) -> None:
    t = _tagger(tmp_path, DESK)
    subs = {s.code: s for s in t.tag("Pyongyang summit", "North Korea's Kim Jong Un came.")}
    desk = subs["desk:korean-peninsula"]
    assert desk.label == "Korean peninsula" and desk.ancestors == ("medtop:11000000",)
    assert "medtop:20000640" not in subs  # "summit" was switched off
    assert "medtop:20000640" in {s.code for s in SubjectTagger().tag("Pyongyang summit", "")}


def test_override_raises_weight(tmp_path: Path) -> None:
    t = _tagger(tmp_path, '[[override]]\ncode = "medtop:20000640"\nterms = ["get together"]\n'
                          'weight = 3.0\n')
    assert "medtop:20000640" in {s.code for s in t.tag("Leaders get together", "")}


def test_missing_file() -> None:
    with pytest.raises(ConfigError, match="file not found"):
        SubjectTagger(SubjectOptions(rules_path="/nonexistent/rules.toml"))


@pytest.mark.parametrize(("text", "message"), [
    ('[[topic]\ncode = "x:y"\n', "TOML syntax error.*line 1"),
    ('[[topic]]\ncode = "x:y"\nlabel = "Y"\nparent = "medtop:99999999"\nterms = ["y"]\n',
     "unknown parent code 'medtop:99999999'"),
    ('[[topic]]\ncode = "x:y"\nlabel = "Y"\nparent = "medtop:11000000"\nterms = []\n',
     "'terms' must be a non-empty list"),
    ('[[topic]]\ncode = "x:y"\nlabel = "Y"\nparent = "medtop:11000000"\nterms = ["a"]\n'
     'weight = -1\n', "'weight' -1 out of range"),
    ('[[topic]]\ncode = "x:y"\nlabel = "Y"\nparent = "medtop:11000000"\nterms = ["a"]\n'
     'weight = "heavy"\n', "'weight' must be a number"),
    ('[[topic]]\ncode = "medtop:11000000"\nlabel = "P"\nparent = "medtop:11000000"\n'
     'terms = ["a"]\n', "already exists; use \\[\\[override\\]\\]"),
    ('[[topic]]\ncode = "x:a"\nlabel = "A"\nparent = "x:b"\nterms = ["a"]\n'
     '[[topic]]\ncode = "x:b"\nlabel = "B"\nparent = "x:a"\nterms = ["b"]\n', "loops back"),
    ('[[override]]\ncode = "medtop:00000001"\nterms = ["a"]\nweight = 1\n', "unknown code"),
    ('[[override]]\ncode = "medtop:11000000"\nterms = ["a"]\n', "'weight' is required"),
    ('[[topic]]\ncode = "x:y"\nlabel = "Y"\nparent = "medtop:11000000"\nterms = ["a"]\n'
     'colour = "red"\n', "unknown key"),
    ('[rules]\n', "unknown section"),
])
def test_invalid_rules(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        _tagger(tmp_path, text)


def test_custom_parent_defined_later_in_file(tmp_path: Path) -> None:
    t = _tagger(tmp_path, '[[topic]]\ncode = "x:child"\nlabel = "C"\nparent = "x:parent"\n'
                          'terms = ["zorbling"]\n[[topic]]\ncode = "x:parent"\nlabel = "P"\n'
                          'parent = "medtop:15000000"\nterms = ["quux"]\n')
    subs = {s.code: s for s in t.tag("Zorbling news", "")}
    assert subs["x:child"].ancestors == ("x:parent", "medtop:15000000")
