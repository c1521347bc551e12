"""Hand-built weighted news lexicon: terms and phrases -> IPTC Media Topics codes.

The data lives in ``lexicon.json`` beside this module (package data). It was
written from general knowledge of news vocabulary, not learned from any
corpus: BBC News and Reuters-21578 are research-only and are used by
``eval/subjects.py`` to measure, never to fit. Codes are IPTC Media Topics
(CC BY 4.0, IPTC); see :mod:`stream.subjects.taxonomy`.

Each entry is ``[code, weight, [term, ...]]``; ``medtop:`` is implied for
bare 8-digit codes. Terms are normalised with the shared tokenizer when the
tagger builds its automaton, and a plural ``-s`` variant of the last word is
added there, so singular forms suffice. A term may appear under several codes.

Weight scale (hand-set, not fitted): 3 = unambiguous for the topic ("takeover
bid", "penalty shoot-out"); 2 = typical and rarely misleading ("striker",
"inflation"); 1 = supporting but ambiguous ("market", "match"); 0.5 = weak
hint. Evidence for a child code also counts for all its ancestors, so a term
is put at the deepest code it really implies.
"""

from __future__ import annotations

import json
from importlib import resources

from stream.errors import ConfigError


def _load() -> tuple[tuple[str, float, tuple[str, ...]], ...]:
    raw = resources.files("stream.subjects").joinpath("lexicon.json").read_text(encoding="utf-8")
    out = []
    for entry in json.loads(raw)["entries"]:
        code, weight, terms = entry
        if not isinstance(code, str) or not isinstance(weight, (int, float)) or not terms:
            raise ConfigError(f"malformed lexicon entry: {entry!r}")
        out.append((code, float(weight), tuple(terms)))
    return tuple(out)


#: (code, weight, terms); loaded once from the packaged JSON file
LEXICON: tuple[tuple[str, float, tuple[str, ...]], ...] = _load()
