"""deploy/Dockerfile: pinned base, non-root, the worker's env, port, health check."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
DOCKERFILE = REPO / "deploy" / "Dockerfile"


def instructions(text: str) -> list[tuple[str, str]]:
    """``(INSTRUCTION, arguments)`` with continuation lines joined and comments dropped."""
    out: list[tuple[str, str]] = []
    pending = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if pending and stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        full = pending + stripped
        pending = ""
        keyword, _, args = full.partition(" ")
        out.append((keyword.upper(), args.strip()))
    assert not pending, "dangling line continuation"
    return out


def stages(text: str) -> list[list[tuple[str, str]]]:
    result: list[list[tuple[str, str]]] = []
    for keyword, args in instructions(text):
        if keyword == "FROM":
            result.append([])
        assert result, f"{keyword} before the first FROM"
        result[-1].append((keyword, args))
    return result


@pytest.fixture(scope="module")
def final_stage() -> list[tuple[str, str]]:
    return stages(DOCKERFILE.read_text(encoding="utf-8"))[-1]


def _args(stage: list[tuple[str, str]], keyword: str) -> list[str]:
    return [args for kw, args in stage if kw == keyword]


def test_parser_joins_continuations_and_skips_comments() -> None:
    text = "FROM a:1\n# c\nRUN one \\\n    two \\\n    # inner comment\n    three\nUSER x\n"
    assert instructions(text) == [("FROM", "a:1"), ("RUN", "one  two  three"), ("USER", "x")]


def test_every_base_image_is_python_311_slim_pinned_to_a_patch_release() -> None:
    froms = _args(instructions(DOCKERFILE.read_text(encoding="utf-8")), "FROM")
    assert froms
    for args in froms:
        image = args.split()[0]
        assert "$" not in image, "resolve the base image literally so it is visibly pinned"
        assert re.fullmatch(r"python:3\.11\.\d+-slim(-[a-z]+)?", image), image


def test_final_stage_runs_as_a_non_root_user(final_stage: list[tuple[str, str]]) -> None:
    users = _args(final_stage, "USER")
    assert users, "final stage must set USER"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0"}


def test_worker_environment(final_stage: list[tuple[str, str]]) -> None:
    env = " ".join(_args(final_stage, "ENV"))
    assert "NEWSSTREAM_WEB_HOST=0.0.0.0" in env
    assert "NEWSSTREAM_DATA_DIR=/var/lib/newsstream" in env


def test_state_volume_and_port(final_stage: list[tuple[str, str]]) -> None:
    volumes = [v for args in _args(final_stage, "VOLUME") for v in json.loads(args)]
    assert "/var/lib/newsstream" in volumes
    assert "6066" in " ".join(_args(final_stage, "EXPOSE")).split()


def test_healthcheck_hits_healthz_with_the_standard_library(final_stage: list[tuple[str, str]]) -> None:
    (check,) = _args(final_stage, "HEALTHCHECK")
    assert "/healthz" in check and "urllib.request" in check and "python" in check
    assert "/readyz" not in check, "readiness is 503 during rebalances; not a liveness signal"


def test_entrypoint_is_the_console_script_running_the_worker(final_stage: list[tuple[str, str]]) -> None:
    assert json.loads(_args(final_stage, "ENTRYPOINT")[-1]) == ["newsstream"]
    assert json.loads(_args(final_stage, "CMD")[-1]) == ["worker"]
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "newsstream" in pyproject["project"]["scripts"]


def test_project_is_pip_installed_and_build_tools_stay_in_the_build_stage() -> None:
    all_stages = stages(DOCKERFILE.read_text(encoding="utf-8"))
    runs = [" ".join(_args(stage, "RUN")) for stage in all_stages]
    assert any(re.search(r"pip install (--\S+ )*\.(\s|$)", run) for run in runs)
    final_run = runs[-1]
    for tool in ("build-essential", "gcc", "g++", "python3-dev"):
        assert tool not in final_run, f"{tool} installed in the runtime stage"
    if len(all_stages) > 1:
        copies = _args(all_stages[-1], "COPY")
        assert any(c.startswith("--from=") for c in copies), "runtime stage must copy the built venv"


def test_copied_sources_exist_in_the_build_context() -> None:
    # Build context = repository root (docker-compose.yml: context ".").
    for stage in stages(DOCKERFILE.read_text(encoding="utf-8")):
        for args in _args(stage, "COPY"):
            if args.startswith("--from="):
                continue
            *sources, _dest = args.split()
            matched = [p for src in sources for p in REPO.glob(src)]
            assert matched, f"COPY {args}: nothing in the build context matches"
            for src in sources:
                if not any(ch in src for ch in "*?["):
                    assert (REPO / src).exists(), src


def test_dockerignore_keeps_what_the_build_copies() -> None:
    lines = (REPO / "deploy" / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
    rules = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert rules[0] == "*"
    assert {"!pyproject.toml", "!stream/"} <= set(rules)
