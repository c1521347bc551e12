"""Shared fixtures for the deployment-file tests (no broker, no Docker needed)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[3]


def _load(name: str) -> ModuleType:
    # --import-mode=importlib puts nothing on sys.path: load the helper by path.
    path = Path(__file__).with_name(f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"newsstream_deploy_tests_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def dq() -> ModuleType:
    """tests/unit/deploy/dashboard_queries.py."""
    return _load("dashboard_queries")
