from __future__ import annotations

import json
from pathlib import Path

import pytest

from stream.subjects.taxonomy import TOP_LEVEL, TOPICS, ancestors, top_level

IPTC = Path(__file__).resolve().parents[4] / "shared" / "data" / "iptc-mediatopics-en-US.json"


def _qcode(ref: str) -> str:
    return "medtop:" + ref.rsplit("/", 1)[1] if ref.startswith("http") else ref


def test_seventeen_top_levels_in_code_order() -> None:
    assert TOP_LEVEL == tuple(f"medtop:{i:02d}000000" for i in range(1, 18))


def test_every_parent_is_in_the_module() -> None:
    for topic in TOPICS.values():
        assert topic.parent is None or topic.parent in TOPICS, topic


def test_ancestors_nearest_first() -> None:
    assert ancestors("medtop:20000640") == ("medtop:20000639", "medtop:20000638", "medtop:11000000")
    assert ancestors("medtop:11000000") == ()
    assert top_level("medtop:20000204") == "medtop:04000000"
    assert top_level("medtop:15000000") == "medtop:15000000"


def test_unknown_code_raises() -> None:
    with pytest.raises(KeyError):
        ancestors("medtop:99999999")


def test_codes_labels_parents_match_iptc() -> None:
    if not IPTC.exists():
        pytest.skip(f"IPTC Media Topics file not found at {IPTC} (../shared absent)")
    concepts = {c["qcode"]: c for c in json.loads(IPTC.read_text(encoding="utf-8"))["conceptSet"]}
    for code, topic in TOPICS.items():
        assert code in concepts, code
        c = concepts[code]
        assert not c.get("retired"), f"{code} is retired"
        assert c["prefLabel"]["en-US"] == topic.label, code
        broader = [_qcode(b) for b in c.get("broader", [])]
        assert (broader[0] if broader else None) == topic.parent, code
