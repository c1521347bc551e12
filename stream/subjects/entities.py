"""Named entities (people, organisations, places) by rules, precision first.

Capitalised word sequences are read from the raw text and kept only when they
are in the gazetteer (:mod:`stream.subjects.gazetteer`), carry an organisation
suffix ("... Bank", "... Corp"), follow a title cue ("President", "Mr",
"leader"), or look like a personal name that the article also refers to by
one part alone ("Michael Cohen" ... "Cohen"). Single-word mentions then
resolve to the full name seen in the same article ("Trump" -> "Donald
Trump"). Publisher tags are merged by case-insensitive name. Names set in
capitals (wire headlines, datelines) are looked up too.

Cost: the run pattern's scan and a little dictionary work per capitalised
run; title cues are read from the text only for the few words whose fate
depends on them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from stream.subjects.gazetteer import DEMONYMS, ENTITIES, ORG_SUFFIXES, STOPWORDS, TITLES, lookup

# Bound on work for hostile input; articles are far shorter.
MAX_CHARS = 30_000
MAX_NAME_WORDS = 4
# Longest run read as one ("New York Attorney General Eliot Sandberg"); longer
# ones are cut, the cut word standing in as the next run's preceding word.
MAX_RUN_WORDS = 8
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


# First words (lookup keys) of multi-word gazetteer names: a capitalised run
# is searched for a longest match only where one can start, which spares
# up to MAX_NAME_WORDS - 1 failed lookups per word of an upper-case headline.
_MULTI_FIRST = frozenset(key.split(" ", 1)[0] for key in ENTITIES if " " in key)
# Stopwords that begin gazetteer names ("New" of "New Zealand"): kept in a
# run when such a name follows, instead of splitting it.
_NAME_STOPS = frozenset(w for w in STOPWORDS if w in _MULTI_FIRST or w.lower() in _MULTI_FIRST)
_NAME_STOP_PAIRS = frozenset(
    (first.lower(), second.lower())
    for first, second, *_ in (key.split(" ") for key in ENTITIES if " " in key)
    if first in _NAME_STOPS or first.capitalize() in _NAME_STOPS)
# Lower-cased words that may start or be a gazetteer name, or are titles;
# upper-case keys (acronyms) match exactly. A run with none of them holds no
# name but itself.
_SPECIAL = frozenset({k.split(" ", 1)[0].lower() for k in ENTITIES} | TITLES)
_EXACT_KEYS = frozenset(k.split(" ", 1)[0] for k in ENTITIES if k.split(" ", 1)[0].isupper())


class Entity(NamedTuple):
    """One entity; a named tuple, as a frozen dataclass cost ~1 us per instance."""

    name: str
    kind: str  # "person" | "organisation" | "place"
    count: int


def _word_before(text: str, pos: int) -> str | None:
    """The lower-cased word just before ``pos`` (spaces between), if any."""
    if pos > 1 and text[pos - 1] == " " and not text[pos - 2].isalpha():
        return None  # a sentence start: the usual case, decided without a loop
    j = pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or not text[j - 1].isalpha():
        return None  # punctuation or a line break between: no title cue
    word = text[max(0, j - 24):j].rsplit(None, 1)[-1].lstrip(_QUOTES).lower()
    if word.endswith(_POSSESSIVE):  # rare: one C call decides for the common word
        for suf in _POSSESSIVE:
            if word.endswith(suf) and len(word) > len(suf):
                return word[: -len(suf)]
    return word


def _cued(text: str, prevs: list[str | int | bool | None]) -> bool:
    """Whether any occurrence follows a title ("president", "mr").

    An occurrence is known cued (True), has the lower-case word before it
    (str), or only its text position (int), read here, lazily: most names
    are settled without it (a gazetteer hit, or a surname of a full name).
    """
    for prev in prevs:
        if prev.__class__ is int:
            if prev > 1 and text[prev - 1] == " " and not text[prev - 2].isalpha():
                continue  # a sentence start (see _word_before), without the call
            prev = _word_before(text, prev)
        elif prev is True:
            return True
        if prev in TITLES:
            return True
    return False


def _starts_name(words: list[str], k: int) -> bool:
    """Whether a gazetteer name of several words starts at ``words[k]``."""
    if k + 1 >= len(words):
        return False
    nxt = words[k + 1].removesuffix("'s").removesuffix("\u2019s").rstrip(".").lower()
    return (words[k].lower(), nxt) in _NAME_STOP_PAIRS


def _split(words: list[str], pos: int) -> list[tuple[list[str], str | int | None]]:
    """One regex match's capitalised runs as (words, preceding lower-case word).

    Stopwords ("The", "Mr") split runs and become the preceding word of
    what follows; a possessive or a sentence-ending period closes a run.
    The first run gets the match's text position instead, for
    :func:`_word_before` to read only if the run turns out to need it (most
    runs are gazetteer names and never do).
    """
    runs: list[tuple[list[str], str | int | None]] = []
    prev: str | int | None = pos
    cur: list[str] = []
    cur_prev = prev
    for k, base in enumerate(words):
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
        if base and len(cur) < MAX_RUN_WORDS and (
                base not in STOPWORDS or (base in _NAME_STOPS and _starts_name(words, k))):
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



Prevs = list[str | int | bool | None]


def extract_entities(title: str, text: str, publisher_tags: Sequence[str] = ()) -> list[Entity]:
    """Entities mentioned in ``title`` and ``text``, sorted by count desc then name."""
    body = (title + "\n" + text)[:MAX_CHARS]
    counts: dict[str, int] = {}
    kinds: dict[str, str] = {}
    # Unresolved one-word mentions and possible personal names (2-3 words),
    # each with the cue of every occurrence, judged lazily (see _cued).
    singles: dict[str, Prevs] = {}
    candidates: dict[tuple[str, ...], Prevs] = {}
    entities_get = ENTITIES.get

    for m in _RUN_RE.finditer(body):
        g, pos = m.group(), m.start()
        if pos and body[pos - 1] != " " and (body[pos - 1].isalnum() or body[pos - 1] in _GLUE):
            words = g.split()
            del words[0]  # "Phone" of "iPhone"
            if not words:
                continue
            pos = g.index(words[0]) + pos
            if len(words) > 1 or not words[0].isalnum():
                _run(words, pos, counts, kinds, singles, candidates)
                continue
            g = words[0]
        if g.isalnum():
            # One plain word, the common case: a stopword opening a sentence,
            # a gazetteer name, or a word that may prove part of a name.
            if g in STOPWORDS:
                continue
            hit = lookup(g) if g.isupper() else entities_get(g.lower())
            if hit:
                counts[hit[0]] = counts.get(hit[0], 0) + 1
                kinds[hit[0]] = hit[1]
            elif g not in DEMONYMS and g.isalpha():
                # Sentence-initial words count too: they only matter if they
                # resolve to a person named in full elsewhere.
                singles.setdefault(g, []).append(pos)
            continue
        _run(g.split(), pos, counts, kinds, singles, candidates)

    # Personal names: a multi-word candidate is kept when title-cued or when
    # one of its words also stands alone in the article.
    for words, prevs in candidates.items():
        name = " ".join(words)
        if name in kinds:
            continue
        if words[-1] in singles or words[0] in singles or _cued(body, prevs):
            kinds[name] = "person"
            counts[name] = counts.get(name, 0) + len(prevs)
    people: dict[str, str] = {}
    for name, kind in kinds.items():
        if kind == "person" and " " in name:
            parts = name.split()
            people.setdefault(parts[0], name)
            people.setdefault(parts[-1], name)
    for word, prevs in singles.items():
        full = people.get(word)
        if full and full != word:
            counts[full] = counts.get(full, 0) + len(prevs)
        elif _cued(body, prevs):
            counts[word] = counts.get(word, 0) + len(prevs)
            kinds.setdefault(word, "person")

    for tag in publisher_tags:
        _merge_tag(tag, counts, kinds)
    return sorted((Entity(n, kinds[n], c) for n, c in counts.items() if c > 0 and n in kinds),
                  key=_ORDER)


def _order(e: Entity) -> tuple[int, str]:
    return -e.count, e.name


_ORDER = _order


def _run(words: list[str], pos: int, counts: dict[str, int], kinds: dict[str, str],
         singles: dict[str, Prevs], candidates: dict[tuple[str, ...], Prevs]) -> None:
    """A regex match of several words (or one with punctuation)."""
    if len(words) <= MAX_RUN_WORDS and "".join(words).isalnum() and STOPWORDS.isdisjoint(words):
        _take(words, pos, counts, kinds, singles, candidates)  # plain words: one run
        return
    for run, prev in _split(words, pos):
        _take(run, prev, counts, kinds, singles, candidates)


def _take(words: list[str], prev: str | int | None, counts: dict[str, int],
          kinds: dict[str, str], singles: dict[str, Prevs],
          candidates: dict[tuple[str, ...], Prevs]) -> None:
    """Gazetteer names, organisations and name candidates of one run."""
    entities_get = ENTITIES.get
    n = len(words)
    if n > 1:
        # Two shortcuts decide most runs with a few C-level set operations:
        # the whole run is a gazetteer name ("Hong Kong"), or none of its
        # words can start a name, be one, or be a title ("Ada Okafor"),
        # so the run is one chunk as it stands.
        joined = " ".join(words)
        if n <= MAX_NAME_WORDS:
            hit = lookup(joined)
            if hit:
                counts[hit[0]] = counts.get(hit[0], 0) + 1
                kinds[hit[0]] = hit[1]
                return
        if _SPECIAL.isdisjoint(joined.lower().split(" ")) and _EXACT_KEYS.isdisjoint(words):
            _chunk(words, prev, counts, kinds, singles, candidates)
            return
    if n == 1:
        w = words[0]
        hit = lookup(w) if w.isupper() else entities_get(w.lower())
        if hit:
            counts[hit[0]] = counts.get(hit[0], 0) + 1
            kinds[hit[0]] = hit[1]
        elif w not in DEMONYMS and (w.isalpha() or w.replace("-", "").replace("'", "").isalpha()):
            singles.setdefault(w, []).append(prev)
        return
    i = 0
    while i < n:
        w = words[i]
        hit = None
        if w in _MULTI_FIRST or w.lower() in _MULTI_FIRST:
            # Longest gazetteer match starting at i.
            for j in range(min(n, i + MAX_NAME_WORDS), i + 1, -1):
                hit = lookup(" ".join(words[i:j]))
                if hit:
                    break
        if hit is None:
            hit = lookup(w) if w.isupper() else entities_get(w.lower())
            j = i + 1
        if hit:
            name, kind = hit
            counts[name] = counts.get(name, 0) + 1
            kinds[name] = kind
            i = j
            continue
        j = i + 1
        while j < n and lookup(words[j]) is None:
            j += 1
        chunk = words[i:j]
        cue: str | int | bool | None = prev if i == 0 else words[i - 1].lower()
        # "Health Minister Ada Okafor": the name follows the last title word.
        for k in range(len(chunk) - 2, -1, -1):
            if chunk[k].lower() in TITLES:
                # "Federal Reserve Bank Chairman Ada Okafor": an organisation
                # may stand before the titles.
                org = chunk[:k]
                while org and org[-1].lower() in TITLES:
                    del org[-1]
                if len(org) > 1 and org[-1] in ORG_SUFFIXES:
                    _chunk(org, cue, counts, kinds, singles, candidates)
                chunk, cue = chunk[k + 1:], True
                break
        _chunk(chunk, cue, counts, kinds, singles, candidates)
        i = j


def _chunk(chunk: list[str], cue: str | int | bool | None, counts: dict[str, int],
           kinds: dict[str, str], singles: dict[str, Prevs],
           candidates: dict[tuple[str, ...], Prevs]) -> None:
    if not chunk or all(w.lower() in TITLES for w in chunk):
        return  # "... Attorney General": titles with no name after them
    if chunk[-1] in ORG_SUFFIXES and 1 < len(chunk) <= MAX_NAME_WORDS + 1:
        name = " ".join(chunk)
        counts[name] = counts.get(name, 0) + 1
        kinds[name] = "organisation"
        return
    # Every word holds a letter (the run pattern starts it with one), so the
    # joined test is the per-word one.
    if not DEMONYMS.isdisjoint(chunk) or not "".join(chunk).replace("-", "").replace("'", "").isalpha():
        return
    if len(chunk) == 1:
        singles.setdefault(chunk[0], []).append(cue)
    elif len(chunk) <= 3:
        candidates.setdefault(tuple(chunk), []).append(cue)


def _merge_tag(tag: str, counts: dict[str, int], kinds: dict[str, str]) -> None:
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
    counts[name] = max(counts.get(name, 0), 1)
