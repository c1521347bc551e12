"""Operator subject rules: a TOML file adding desk topics and re-weighting terms.

Format (path from ``NEWSSTREAM_SUBJECT_RULES``)::

    [[topic]]                      # a new code, rolled up under an existing one
    code = "desk:korean-peninsula"
    label = "Korean peninsula"
    parent = "medtop:11000000"     # a known code or a topic defined in this file
    terms = ["north korea", "pyongyang", "kim jong un", "korean peninsula"]
    weight = 2.0                   # optional, default 2.0; 0 < weight <= 10

    [[override]]                   # set the weight of terms for an existing code
    code = "medtop:20000640"
    terms = ["summit"]
    weight = 0                     # 0 removes the terms from that code

Everything is validated when the tagger is built; problems raise
:class:`stream.errors.ConfigError` naming the file and the entry.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stream.errors import ConfigError

DEFAULT_WEIGHT = 2.0
# Hand-set ceiling: the strongest built-in term weighs 3.0; a rule far above
# that would drown every other topic, which is never what a desk means.
MAX_WEIGHT = 10.0
_TOPIC_KEYS = frozenset({"code", "label", "parent", "terms", "weight"})
_OVERRIDE_KEYS = frozenset({"code", "terms", "weight"})


@dataclass(frozen=True)
class CustomTopic:
    code: str
    label: str
    parent: str
    terms: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class Override:
    code: str
    terms: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class Rules:
    topics: tuple[CustomTopic, ...] = ()
    overrides: tuple[Override, ...] = ()


def load_rules(path: str | Path, known_codes: Mapping[str, object]) -> Rules:
    """Read and validate the rules file at ``path`` against ``known_codes``."""
    p = Path(path)
    where = f"subject rules file {str(p)!r}"
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{where}: file not found (NEWSSTREAM_SUBJECT_RULES)") from None
    except OSError as exc:
        raise ConfigError(f"{where}: cannot read: {exc.strerror or exc}") from None
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{where}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message carries "(at line L, column C)".
        raise ConfigError(f"{where}: TOML syntax error: {exc}") from None
    return parse_rules(doc, known_codes, where)


def parse_rules(doc: Mapping[str, Any], known_codes: Mapping[str, object], where: str) -> Rules:
    extra = set(doc) - {"topic", "override"}
    if extra:
        raise ConfigError(f"{where}: unknown section(s) {sorted(extra)}; expected [[topic]] or [[override]]")
    topic_tables = _tables(doc, "topic", where)
    override_tables = _tables(doc, "override", where)

    topics: list[CustomTopic] = []
    seen: set[str] = set()
    for i, t in enumerate(topic_tables, 1):
        ctx = f"{where}: [[topic]] #{i}"
        _check_keys(t, _TOPIC_KEYS, ctx)
        code = _code(t, ctx)
        ctx = f"{ctx} (code {code!r})"
        if code in known_codes:
            raise ConfigError(f"{ctx}: code already exists; use [[override]] to re-weight its terms")
        if code in seen:
            raise ConfigError(f"{ctx}: code defined twice")
        seen.add(code)
        label = t.get("label")
        if not isinstance(label, str) or not label.strip():
            raise ConfigError(f"{ctx}: 'label' must be a non-empty string")
        parent = t.get("parent")
        if not isinstance(parent, str) or not parent.strip():
            raise ConfigError(f"{ctx}: 'parent' must be a code string, e.g. \"medtop:11000000\"")
        topics.append(CustomTopic(code, label.strip(), parent.strip(), _terms(t, ctx),
                                  _weight(t, ctx, allow_zero=False)))

    parents = {t.code: t.parent for t in topics}
    for t in topics:
        _check_parent_chain(t.code, parents, known_codes, f"{where}: [[topic]] {t.code!r}")

    overrides: list[Override] = []
    for i, t in enumerate(override_tables, 1):
        ctx = f"{where}: [[override]] #{i}"
        _check_keys(t, _OVERRIDE_KEYS, ctx)
        code = _code(t, ctx)
        ctx = f"{ctx} (code {code!r})"
        if code not in known_codes and code not in parents:
            raise ConfigError(f"{ctx}: unknown code")
        if "weight" not in t:
            raise ConfigError(f"{ctx}: 'weight' is required (0 removes the terms)")
        overrides.append(Override(code, _terms(t, ctx), _weight(t, ctx, allow_zero=True)))
    return Rules(tuple(topics), tuple(overrides))


def _tables(doc: Mapping[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = doc.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ConfigError(f"{where}: '{key}' must be an array of tables, written [[{key}]]")
    return value


def _check_keys(t: Mapping[str, Any], allowed: frozenset[str], ctx: str) -> None:
    extra = set(t) - allowed
    if extra:
        raise ConfigError(f"{ctx}: unknown key(s) {sorted(extra)}; allowed: {sorted(allowed)}")


def _code(t: Mapping[str, Any], ctx: str) -> str:
    code = t.get("code")
    if not isinstance(code, str) or not code.strip():
        raise ConfigError(f"{ctx}: 'code' must be a non-empty string")
    code = code.strip()
    if any(ch.isspace() for ch in code) or ":" not in code:
        raise ConfigError(f"{ctx}: code {code!r} must look like 'scheme:name' without spaces")
    return code


def _terms(t: Mapping[str, Any], ctx: str) -> tuple[str, ...]:
    terms = t.get("terms")
    if not isinstance(terms, list) or not terms:
        raise ConfigError(f"{ctx}: 'terms' must be a non-empty list of strings")
    out: list[str] = []
    for term in terms:
        if not isinstance(term, str) or not term.strip():
            raise ConfigError(f"{ctx}: every term must be a non-empty string, got {term!r}")
        out.append(term.strip())
    return tuple(out)


def _weight(t: Mapping[str, Any], ctx: str, *, allow_zero: bool) -> float:
    w = t.get("weight", DEFAULT_WEIGHT)
    if isinstance(w, bool) or not isinstance(w, (int, float)) or not math.isfinite(w):
        raise ConfigError(f"{ctx}: 'weight' must be a number, got {w!r}")
    low_ok = w >= 0 if allow_zero else w > 0
    if not low_ok or w > MAX_WEIGHT:
        bound = "0" if allow_zero else "greater than 0"
        raise ConfigError(f"{ctx}: 'weight' {w} out of range ({bound} .. {MAX_WEIGHT})")
    return float(w)


def _check_parent_chain(code: str, parents: Mapping[str, str], known: Mapping[str, object],
                        ctx: str) -> None:
    seen = {code}
    parent = parents[code]
    while parent not in known:
        if parent not in parents:
            raise ConfigError(f"{ctx}: unknown parent code {parent!r}")
        if parent in seen:
            raise ConfigError(f"{ctx}: parent chain loops back to {parent!r}")
        seen.add(parent)
        parent = parents[parent]
