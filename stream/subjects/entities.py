"""Named entities (people, organisations, places) by rules, precision first.

Capitalised word sequences are read from the raw text and kept only when they
are in the gazetteer (:mod:`stream.subjects.gazetteer`), carry an organisation
suffix ("... Bank", "... Corp"), follow a title cue ("President", "Mr",
"leader"), or look like a personal name that the article also refers to by
one part alone ("Michael Cohen" ... "Cohen"). Single-word mentions then
resolve to the full name seen in the same article ("Trump" -> "Donald
Trump"). Publisher tags are merged by case-insensitive name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from stream.subjects.gazetteer import DEMONYMS, ORG_SUFFIXES, STOPWORDS, TITLES, lookup

# Bound on work for hostile input; articles are far shorter.
MAX_CHARS = 60_000
MAX_NAME_WORDS = 4
# Words: letters with inner apostrophes/periods/hyphens/ampersands ("O'Neill",
# "U.S.", "Jong-un", "AT&T"). Each repetition consumes a separator plus a
# letter, so matching is linear. Anything else between words breaks a run.
_WORD_RE = re.compile(r"[^\W\d_](?:[\w]|['\u2019.&-](?=[^\W_]))*\.?|[^\w\s]|\n")
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str  # "person" | "organisation" | "place"
    count: int


def _runs(text: str) -> list[tuple[list[str], bool, str | None]]:
    """Capitalised runs as (words, at_sentence_start, preceding lowercase word)."""
    runs: list[tuple[list[str], bool, str | None]] = []
    cur: list[str] = []
    start = True
    cur_start = True
    prev_lower: str | None = None
    cur_prev: str | None = None
    for m in _WORD_RE.finditer(text):
        w = m.group()
        if w[0].isalpha():
            base, poss = w, False
            for suf in _POSSESSIVE:
                if base.endswith(suf) and len(base) > len(suf):
                    base, poss = base[: -len(suf)], True
                    break
            ends_sentence = False
            if base.endswith(".") and base.count(".") == 1:
                base = base[:-1]
                # "Mr." and "Dr." end abbreviations, not sentences ("U.S." keeps its dots).
                ends_sentence = base.lower() not in TITLES
            if base[0].isupper() and base not in STOPWORDS and len(cur) < MAX_NAME_WORDS:
                if not cur:
                    cur_start, cur_prev = start, prev_lower
                cur.append(base)
                if poss or ends_sentence:
                    runs.append((cur, cur_start, cur_prev))
                    cur = []
            else:
                if cur:
                    runs.append((cur, cur_start, cur_prev))
                    cur = []
                prev_lower = base.lower()
            start = ends_sentence
        else:
            if cur:
                runs.append((cur, cur_start, cur_prev))
                cur = []
            start = w in ".!?\n\"'\u201c\u201d:;(" or (start and w in "\"'\u201c(")
            prev_lower = None
    if cur:
        runs.append((cur, cur_start, cur_prev))
    return runs


def _lookup(words: list[str]) -> tuple[str, str] | None:
    return lookup(" ".join(words))


def extract_entities(title: str, text: str, publisher_tags: Sequence[str] = ()) -> list[Entity]:
    """Entities mentioned in ``title`` and ``text``, sorted by count desc then name."""
    body = (title + "\n" + text)[:MAX_CHARS]
    counts: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    singles: Counter[str] = Counter()  # unresolved one-word mentions
    candidates: list[list[str]] = []  # possible personal names (2-3 words)
    titled: set[str] = set()

    for words, at_start, prev in _runs(body):
        # Sentence-initial capitals may be ordinary words: drop a leading word
        # that is not itself a known name ("Both", "Earlier" are stopwords).
        i = 0
        while i < len(words):
            # Longest gazetteer match starting at i.
            for j in range(min(len(words), i + MAX_NAME_WORDS), i, -1):
                hit = _lookup(words[i:j])
                if hit:
                    name, kind = hit
                    counts[name] += 1
                    kinds[name] = kind
                    i = j
                    break
            else:
                j = i + 1
                while j < len(words) and _lookup(words[j:j + 1]) is None:
                    j += 1
                chunk = words[i:j]
                cued = (prev in TITLES) if i == 0 else (words[i - 1].lower() in TITLES)
                # "Health Minister Ada Okafor": the name follows the last title word.
                for k in range(len(chunk) - 2, -1, -1):
                    if chunk[k].lower() in TITLES:
                        chunk, cued = chunk[k + 1:], True
                        break
                _chunk(chunk, cued, at_start and i == 0, counts, kinds, singles, candidates, titled)
                i = j

    # Personal names: a multi-word candidate is kept when title-cued or when
    # one of its words also stands alone in the article.
    people: dict[str, str] = {}
    for words in candidates:
        name = " ".join(words)
        if name in kinds:
            continue
        if name in titled or words[-1] in singles or words[0] in singles:
            kinds[name] = "person"
    for name, kind in kinds.items():
        if kind == "person":
            parts = name.split()
            for part in (parts[0], parts[-1]) if len(parts) > 1 else ():
                people.setdefault(part, name)
    for name in [n for n in kinds if kinds[n] == "person"]:
        counts[name] += sum(1 for words in candidates if " ".join(words) == name)
    for word, n in singles.items():
        full = people.get(word)
        if full and full != word:
            counts[full] += n
        elif word in titled:
            counts[word] += n
            kinds.setdefault(word, "person")

    for tag in publisher_tags:
        _merge_tag(tag, counts, kinds)
    return sorted((Entity(n, kinds[n], c) for n, c in counts.items() if c > 0 and n in kinds),
                  key=lambda e: (-e.count, e.name))


def _chunk(chunk: list[str], cued: bool, at_start: bool, counts: Counter[str],
           kinds: dict[str, str], singles: Counter[str], candidates: list[list[str]],
           titled: set[str]) -> None:
    if not chunk:
        return
    if at_start and not cued and len(chunk) > 1 and chunk[0].lower() in STOPWORDS:
        chunk = chunk[1:]
    if chunk[-1] in ORG_SUFFIXES and len(chunk) > 1:
        name = " ".join(chunk)
        counts[name] += 1
        kinds[name] = "organisation"
        return
    if any(w in DEMONYMS or not w.replace("-", "").replace("'", "").isalpha() for w in chunk):
        return
    if len(chunk) == 1:
        # Sentence-initial words count too: they only matter if they resolve
        # to a person named in full elsewhere.
        singles[chunk[0]] += 1
        if cued:
            titled.add(chunk[0])
    elif len(chunk) <= 3:
        candidates.append(chunk)
        if cued:
            titled.add(" ".join(chunk))


def _merge_tag(tag: str, counts: Counter[str], kinds: dict[str, str]) -> None:
    clean = " ".join(tag.split()).strip()
    if not clean:
        return
    hit = lookup(clean) or lookup(clean.lower())
    if hit:
        name, kind = hit
    else:
        lowered = {n.lower(): n for n in kinds}
        if clean.lower() in lowered:
            name = lowered[clean.lower()]
            kind = kinds[name]
        else:
            words = clean.split()
            if not 2 <= len(words) <= 3 or not all(w.replace("-", "").isalpha() for w in words):
                return  # a bare keyword tag ("politics") is not an entity
            name, kind = " ".join(w[:1].upper() + w[1:] for w in words), "person"
    kinds.setdefault(name, kind)
    counts[name] = max(counts[name], 1)
