"""Access to ../shared (read-only data beside the checkout), with clear skips."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NEWSSTREAM_SHARED_DIR", REPO.parent / "shared"))
SEED_SAMPLE = SHARED / "samples" / "news24-trump-kim-summit.txt"
BBC = SHARED / "data" / "bbc.jsonl"
REUTERS = SHARED / "data" / "reuters21578.jsonl"
IPTC = SHARED / "data" / "iptc-mediatopics-en-US.json"


def require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared test data sits beside the checkout on developer and CI machines")
    return path
