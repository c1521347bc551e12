"""Subject tagging: IPTC Media Topics codes with scores, from a weighted lexicon.

The lexicon (:mod:`stream.subjects.lexicon`, plus operator rules) is compiled
once per :class:`SubjectTagger` into an Aho-Corasick automaton over the shared
tokenisation, keyed on ``" term "`` so every match sits on word boundaries.
Evidence for a code is the sum over its matched terms of
``weight * (HEADLINE_BOOST if in headline) + weight * sqrt(body count)``; a
child's evidence also counts for every ancestor, so a top-level topic's
evidence is that of its whole subtree. Scores are relative to the best
top-level topic, scaled by a confidence that saturates with its evidence.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import ahocorasick

from stream.subjects import taxonomy
from stream.subjects.lexicon import LEXICON
from stream.subjects.rules_file import Rules, load_rules
from stream.text.normalize import tokenize

# A headline term counts as this many body mentions: headlines state the topic,
# bodies wander. Hand-set (a headline is one line against ~25 body sentences).
HEADLINE_BOOST = 3.0
# Confidence = 1 - exp(-evidence / CONFIDENCE_SCALE). Hand-set so one strong
# (weight 3) headline term gives ~0.9 and a lone weak (weight 1) body mention
# ~0.2, i.e. below the default min_score.
CONFIDENCE_SCALE = 4.0


@dataclass(frozen=True)
class Subject:
    code: str
    label: str
    score: float
    ancestors: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"code": self.code, "label": self.label, "score": round(self.score, 3),
                "ancestors": list(self.ancestors)}


@dataclass(frozen=True)
class SubjectOptions:
    max_subjects: int = 6
    # Calibrated analytically, not fitted to the eval sets: with
    # CONFIDENCE_SCALE = 4 a topic needs at least 25% of the leading topic's
    # evidence and, when it leads, about 1.2 weight units (more than one weak
    # body mention) before it is reported.
    min_score: float = 0.25
    rules_path: str | None = None
    # Bound on work for hostile or huge input: only the first tokens are
    # read (a 500-word article is ~550 tokens; the topic is set early).
    max_tokens: int = 5000


@dataclass(frozen=True)
class _Compiled:
    automaton: ahocorasick.Automaton
    term_codes: tuple[tuple[tuple[str, float], ...], ...]
    labels: Mapping[str, str]
    lineage: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # code -> ancestors


class SubjectTagger:
    def __init__(self, options: SubjectOptions = SubjectOptions()) -> None:
        if options.max_subjects < 1 or not 0.0 <= options.min_score <= 1.0 or options.max_tokens < 1:
            from stream.errors import ConfigError
            raise ConfigError(f"invalid SubjectOptions: {options!r}")
        self.options = options
        rules = load_rules(options.rules_path, taxonomy.TOPICS) if options.rules_path else Rules()
        self._c = _compile(rules)

    def tag(self, title: str, text: str, tokens: list[str] | None = None) -> list[Subject]:
        """Subjects best first. ``tokens``, if given, is ``tokenize(title + "\\n" + text)``."""
        head_tokens = tokenize(title) if title else []
        if tokens is None:
            # Tokens average ~6 characters; 16 per token leaves ample margin.
            body_text = text[: 16 * self.options.max_tokens]
            tokens = head_tokens + tokenize(body_text) if body_text else head_tokens
        n_head = min(len(head_tokens), len(tokens))
        limit = self.options.max_tokens
        c = self._c

        direct: dict[str, float] = {}
        head = _counts(c.automaton, tokens[:min(n_head, limit)])
        body = _counts(c.automaton, tokens[n_head:limit]) if limit > n_head else {}
        for idx in head.keys() | body.keys():
            factor = (HEADLINE_BOOST if idx in head else 0.0) + math.sqrt(body.get(idx, 0))
            for code, weight in c.term_codes[idx]:
                direct[code] = direct.get(code, 0.0) + weight * factor
        if not direct:
            return []

        subtree: dict[str, float] = dict.fromkeys(direct, 0.0)
        for code, ev in direct.items():
            subtree[code] += ev
            for anc in c.lineage[code]:
                subtree[anc] = subtree.get(anc, 0.0) + ev
        best = max(subtree.get(t, 0.0) for t in taxonomy.TOP_LEVEL)
        if best <= 0.0:
            return []
        conf = 1.0 - math.exp(-best / CONFIDENCE_SCALE)

        scores: dict[str, float] = {}
        for code in set(direct) | {t for t in taxonomy.TOP_LEVEL if t in subtree}:
            share = min(1.0, subtree[code] / best)
            # A subtopic naturally holds a fraction of its top-level's evidence;
            # the square root lets one that carries a quarter of the article's
            # evidence score 0.5 beside the top-level topics.
            score = conf * (math.sqrt(share) if c.lineage[code] else share)
            if score >= self.options.min_score:
                scores[code] = score
        # A reported subtopic implies its ancestors (they travel in
        # ``ancestors``), so a deep code is dropped when a descendant is shown.
        implied = {a for code in scores for a in c.lineage[code]}
        scored = [(-s, -len(c.lineage[code]), code, s) for code, s in scores.items()
                  if code not in implied or not c.lineage[code]]
        scored.sort()
        return [Subject(code, c.labels[code], score, c.lineage[code])
                for _, _, code, score in scored[: self.options.max_subjects]]


def _counts(automaton: ahocorasick.Automaton, tokens: list[str]) -> dict[int, int]:
    out: dict[int, int] = {}
    if not tokens:
        return out
    for _, idx in automaton.iter(" " + " ".join(tokens) + " "):
        out[idx] = out.get(idx, 0) + 1
    return out


def _norm(term: str) -> str:
    return " ".join(tokenize(term))


def _compile(rules: Rules) -> _Compiled:
    labels = {code: t.label for code, t in taxonomy.TOPICS.items()}
    lineage = {code: taxonomy.ancestors(code) for code in taxonomy.TOPICS}
    pending = list(rules.topics)
    while pending:  # custom parents may be defined later in the file; chains were validated
        rest = []
        for t in pending:
            if t.parent in lineage:
                labels[t.code] = t.label
                lineage[t.code] = (t.parent, *lineage[t.parent])
            else:
                rest.append(t)
        pending = rest

    table: dict[str, dict[str, float]] = {}

    def put(term: str, code: str, weight: float, *, replace: bool) -> None:
        key = _norm(term)
        if not key:
            return
        variants = [key]
        last = key.rsplit(" ", 1)[-1]
        if len(last) >= 3 and last.isalpha() and not last.endswith("s"):
            variants.append(key + "s")  # plural of the last word
        for v in variants:
            codes = table.setdefault(v, {})
            if replace:
                if weight > 0:
                    codes[code] = weight
                else:
                    codes.pop(code, None)
            else:
                codes[code] = max(codes.get(code, 0.0), weight)

    for bare, weight, terms in LEXICON:
        code = bare if ":" in bare else taxonomy.PREFIX + bare
        for term in terms.split("|"):
            put(term, code, weight, replace=False)
    for t in rules.topics:
        for term in t.terms:
            put(term, t.code, t.weight, replace=False)
    for o in rules.overrides:
        for term in o.terms:
            put(term, o.code, o.weight, replace=True)

    automaton = ahocorasick.Automaton()
    term_codes: list[tuple[tuple[str, float], ...]] = []
    for key, codes in sorted(table.items()):
        if codes:
            automaton.add_word(f" {key} ", len(term_codes))
            term_codes.append(tuple(sorted(codes.items())))
    automaton.make_automaton()
    return _Compiled(automaton, tuple(term_codes), labels, lineage)
