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
from typing import NamedTuple

from stream.subjects.gazetteer import DEMONYMS, ENTITIES, ORG_SUFFIXES, STOPWORDS, TITLES, lookup

# Bound on work for hostile input; articles are far shorter.
MAX_CHARS = 30_000
MAX_NAME_WORDS = 4
# A run of capitalised words separated by spaces or tabs; words are letters,
# digits and inner apostrophes/periods/hyphens/ampersands ("O'Neill", "U.S.",
# "Jong-un", "AT&T"). The classes on either side of a separator are disjoint
# and the quantifiers possessive, so matching is linear. Only capitalised
# text is visited, which is what makes this stage cheap: a per-word Python
# loop over the whole article cost ~4x more, and lookbehinds or the
# ``regex`` module's Unicode classes made the scan itself 3-4x slower.
# Upper case is Latin only (ASCII and Latin-1): English-language news.
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_RUN_RE = re.compile(rf"[{_UPPER}][\w'\u2019.&-]*+(?:[ \t]++[{_UPPER}][\w'\u2019.&-]*+)*+")
# A run starting right after one of these began inside a word ("iPhone").
_GLUE = frozenset("'\u2019.&-_")
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
_QUOTES = "\"'(\u201c\u2018["


class Entity(NamedTuple):
    """One entity; a named tuple, as a frozen dataclass cost ~1 us per instance."""

    name: str
    kind: str  # "person" | "organisation" | "place"
    count: int


def _word_before(text: str, pos: int) -> str | None:
    """The lower-cased word just before ``pos`` (spaces between), if any."""
    j = pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or not text[j - 1].isalpha():
        return None  # punctuation or a line break between: no title cue
    word = text[max(0, j - 24):j].rsplit(None, 1)[-1].lstrip(_QUOTES).lower()
    for suf in _POSSESSIVE:
        if word.endswith(suf) and len(word) > len(suf):
            return word[: -len(suf)]
    return word


def _cued(text: str, prev: str | int | None) -> bool:
    """Whether the word before a run is a title ("president", "mr")."""
    if isinstance(prev, int):
        prev = _word_before(text, prev)
    return prev in TITLES


def _runs(text: str) -> list[tuple[list[str], str | int | None]]:
    """Capitalised runs as (words, preceding lower-case word).

    Stopwords ("The", "Mr") split runs and become the preceding word of
    what follows; a possessive or a sentence-ending period closes a run.
    A run at the start of a regex match gets the text position instead, for
    :func:`_word_before` to read only if the run turns out to need it (most
    runs are gazetteer names and never do).
    """
    runs: list[tuple[list[str], str | int | None]] = []
    for m in _RUN_RE.finditer(text):
        pos = m.start()
        words = m.group().split()
        if pos and (text[pos - 1].isalnum() or text[pos - 1] in _GLUE):
            del words[0]  # "Phone" of "iPhone"
            if not words:
                continue
            pos = m.group().index(words[0]) + pos
        prev: str | int | None = pos
        cur: list[str] = []
        cur_prev = prev
        for base in words:
            closes = False
            if not base.isalnum():  # the common plain word skips all of this
                if base[-1] in "&-":
                    base = base.rstrip("'\u2019&-")
                if "'" in base or "\u2019" in base:
                    for suf in _POSSESSIVE:
                        if base.endswith(suf) and len(base) > len(suf):
                            base, closes = base[: -len(suf)], True
                            break
                if base[-1:] == "." and base.count(".") == 1:
                    base = base[:-1]
                    # "Mr." and "Dr." end abbreviations, not sentences ("U.S." keeps its dots).
                    closes = closes or base.lower() not in TITLES
            if base and base not in STOPWORDS and len(cur) < MAX_NAME_WORDS:
                if not cur:
                    cur_prev = prev
                cur.append(base)
                if closes:
                    runs.append((cur, cur_prev))
                    cur = []
            else:
                if cur:
                    runs.append((cur, cur_prev))
                    cur = []
                prev = base.lower()
        if cur:
            runs.append((cur, cur_prev))
    return runs


def _lookup(words: list[str]) -> tuple[str, str] | None:
    return lookup(" ".join(words))


def extract_entities(title: str, text: str, publisher_tags: Sequence[str] = ()) -> list[Entity]:
    """Entities mentioned in ``title`` and ``text``, sorted by count desc then name."""
    body = (title + "\n" + text)[:MAX_CHARS]
    counts: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    singles: Counter[str] = Counter()  # unresolved one-word mentions
    candidates: Counter[tuple[str, ...]] = Counter()  # possible personal names (2-3 words)
    titled: set[str] = set()

    for words, prev in _runs(body):
        if len(words) == 1:  # the common case, without the slicing below
            w = words[0]
            hit = ENTITIES.get(w) if w.isupper() else ENTITIES.get(w.lower())
            if hit:
                counts[hit[0]] += 1
                kinds[hit[0]] = hit[1]
            elif w not in DEMONYMS and (w.isalpha() or w.replace("-", "").replace("'", "").isalpha()):
                # Sentence-initial words count too: they only matter if they
                # resolve to a person named in full elsewhere.
                singles[w] += 1
                if _cued(body, prev):
                    titled.add(w)
            continue
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
                cued = _cued(body, prev) if i == 0 else (words[i - 1].lower() in TITLES)
                # "Health Minister Ada Okafor": the name follows the last title word.
                for k in range(len(chunk) - 2, -1, -1):
                    if chunk[k].lower() in TITLES:
                        chunk, cued = chunk[k + 1:], True
                        break
                _chunk(chunk, cued, counts, kinds, singles, candidates, titled)
                i = j

    # Personal names: a multi-word candidate is kept when title-cued or when
    # one of its words also stands alone in the article.
    people: dict[str, str] = {}
    for words, n in candidates.items():
        name = " ".join(words)
        if name in kinds:
            continue
        if name in titled or words[-1] in singles or words[0] in singles:
            kinds[name] = "person"
            counts[name] += n
    for name, kind in kinds.items():
        if kind == "person":
            parts = name.split()
            for part in (parts[0], parts[-1]) if len(parts) > 1 else ():
                people.setdefault(part, name)
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


def _chunk(chunk: list[str], cued: bool, counts: Counter[str], kinds: dict[str, str],
           singles: Counter[str], candidates: Counter[tuple[str, ...]], titled: set[str]) -> None:
    if not chunk:
        return
    if chunk[-1] in ORG_SUFFIXES and len(chunk) > 1:
        name = " ".join(chunk)
        counts[name] += 1
        kinds[name] = "organisation"
        return
    if any(w in DEMONYMS or not w.replace("-", "").replace("'", "").isalpha() for w in chunk):
        return
    if len(chunk) == 1:
        singles[chunk[0]] += 1
        if cued:
            titled.add(chunk[0])
    elif len(chunk) <= 3:
        candidates[tuple(chunk)] += 1
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
