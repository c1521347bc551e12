"""Subject tagging: IPTC Media Topics codes with scores, from a weighted lexicon.

The lexicon (``lexicon.json`` via :mod:`stream.subjects.lexicon`, plus
operator rules) is compiled once per :class:`SubjectTagger` into one
Aho-Corasick automaton over the shared tokenisation, keyed on ``" term "`` so
every match sits on word boundaries. A matched term counts
``weight * (HEADLINE_BOOST if in the headline + sqrt(body count))`` for its
code and every ancestor, so a top-level topic's evidence is that of its whole
subtree; a term listed under several codes of one subtree counts once for
their common ancestors. Three context rules shape the top-level ranking:
frame topics (crime and law, labour, human interest, society) count at
``FRAME_WEIGHT``, the overlap of politics with a policy domain counts
``POLICY_GAIN`` more for politics (crime and law's overlap at
``CRIME_POLICY_SHARE`` of that), and video-game evidence discounts the
sport, arts and conflict words that describe a game (``GAME_CONTENT``).
The twelve top-level topics other than the five news desks then need a
margin to lead (``DESK_PRIOR``). Scores are relative to the best top-level
topic, scaled by a confidence that saturates with its evidence.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import chain as _chain
from operator import itemgetter
from typing import NamedTuple

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
# Crime and law, labour, human interest and society usually frame a story
# whose desk is another topic: a fraud trial at a telecoms firm is business
# news, a strike over pensions is politics, a celebrity's court case is
# entertainment. Their evidence is scaled by this factor, so they lead only
# when no domain topic comes close. Hand-set, then checked on the tuning half
# of BBC News (even ids; see eval/README.md) among 0.5/0.6/0.7/1.0.
FRAME_WEIGHT = 0.5
FRAMES = frozenset(taxonomy.PREFIX + c for c in ("02000000", "08000000", "09000000", "14000000"))
# Policy context (see ``tag``): the share of the politics/policy-domain
# overlap that counts once more for politics. Hand-set to a half, then
# checked on the BBC tuning half among 0/0.5/1.
POLICY_GAIN = 0.5
_POLITICS = taxonomy.PREFIX + "11000000"
# Top-level topics that have a "... policy" child under politics in IPTC
# (education, environmental, healthcare, labour, social, law and order,
# gaming/lottery regulation via regulation of industry), each with the share
# of its overlap that counts (times POLICY_GAIN).
# Crime and law counts at CRIME_POLICY_SHARE: legal words (court, case,
# prosecutors, fraud, fined) go with every actor, and next to "government",
# "officials" or a regulator they mostly describe the state as a party to a
# case (a company fined for bribery, a state suing tobacco firms) rather than
# law-and-order policy, whose own words (home secretary, police reform,
# anti-terror laws) count for politics directly. Hand-set to a half, then
# checked on the BBC tuning half (even ids) among 0/0.25/0.5/0.75/1: top-1
# 0.951/0.951/0.952/0.952/0.950 (held-out half, scored as a whole only:
# 0.935/0.935/0.935/0.933/0.933; Reuters 0.972 throughout).
CRIME_POLICY_SHARE = 0.5
_POLICY_DOMAINS = tuple((taxonomy.PREFIX + c, CRIME_POLICY_SHARE if c == "02000000" else 1.0)
                        for c in ("02000000", "05000000", "06000000", "07000000", "09000000",
                                  "10000000", "14000000"))
_SECOND = itemgetter(1)
# Builds a Subject without NamedTuple's Python-level __new__.
_new_tuple = tuple.__new__
_flatten = _chain.from_iterable
# Game context (see ``tag``): how many times the video-game evidence is taken
# off sport, arts and entertainment, and conflict. Hand-set, then checked on
# the BBC tuning half among 0/1/2/3.
GAME_CONTENT = 2.0
_VIDEO_GAME = taxonomy.PREFIX + "20000548"
_GAME_CONTENT_TOPICS = tuple(taxonomy.PREFIX + c for c in ("15000000", "01000000", "16000000"))
# Desk prior (see ``tag``): when the top-level topics are ranked, the
# evidence of the twelve topics other than the five standing news desks (arts
# and entertainment, economy, politics, science and technology, sport) counts
# at DESK_PRIOR, so such a topic leads only with a clear margin over the best
# desk: health beats a business story that mentions a disease only with
# 1/DESK_PRIOR = 1.33 times the business evidence. Confidence still comes from
# the evidence as found. Calibrated on the BBC tuning half (even ids) among
# 1/0.9/0.85/0.8/0.75/0.7/0.6: top-1 0.953/0.954/0.955/0.956/0.958/0.958/0.960
# (held-out half, scored as a whole: 0.935/0.942/0.942/0.942/0.943/0.945/
# 0.945). BBC's five classes are exactly the desks, so a lower prior can only
# look better on BBC (and on Reuters, all economy); its cost falls on stories
# whose topic is one of the twelve. The counter-check in eval/subjects.py
# tags each IPTC concept's own label and definition: of the twelve's 129
# concepts 110 come back under their top-level at 1, 109 at 0.9-0.75, 107 at
# 0.7, 103 at 0.6. 0.75 is the lowest prior that costs one concept there
# (0.7 gains nothing on the tuning half).
DESK_PRIOR = 0.75
_DESKS = frozenset(taxonomy.PREFIX + c for c in ("01000000", "04000000", "11000000", "13000000",
                                                   "15000000"))
_NON_DESKS = frozenset(taxonomy.TOP_LEVEL) - _DESKS
# Economic policy, taxation and the government budget sit under politics in
# IPTC but are equally economy news: their terms count for economy's
# top-level topic too (not for its subtopics).
_ECONOMY = taxonomy.PREFIX + "04000000"
_ECON_POLICY = frozenset(taxonomy.PREFIX + c for c in ("20000345", "20000620", "20000607"))
_TOP_SET = frozenset(taxonomy.TOP_LEVEL)
# Insertion order of the automaton's keys, hence the order of every trie
# node's children, which pyahocorasick searches linearly for each character
# of the text: space (a word's end) first, then letters by their frequency in
# English text (general letter statistics, not fitted to any corpus), then
# digits, then the rest by code point. Only the speed of the scan depends on
# it (~8% on wire copy), never which terms match or in what order.
_SCAN_ORDER = {ch: n for n, ch in enumerate(" etaoinsrhldcumfpgwybvkxjqz0123456789")}


class Subject(NamedTuple):
    """One tag; a named tuple, as a frozen dataclass cost ~1 us per instance."""

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
    """The lexicon resolved for scoring. Codes that can gather evidence are
    numbered (top-level topics first) so an article's evidence is one list
    indexed by code number; per-term data holds shared small ints and shared
    floats, which keeps the few objects an article touches hot in cache."""

    automaton: ahocorasick.Automaton  # keys are " term " over the shared tokenisation
    closure: tuple[tuple[tuple[int, float], ...], ...]  # term -> (code number, weight)
    named: tuple[tuple[int, ...], ...]  # term -> the subtopics it names itself
    codes: tuple[str, ...]  # code number -> code
    tops: tuple[int, ...]  # the top-level topics' numbers
    non_desks: frozenset[int]
    politics: int
    video_game: int | None  # None when no term names it (rules may remove them all)
    game_content: tuple[int, ...]
    policy_domains: tuple[tuple[int, float], ...]
    # subtopic number -> (desk prior or 1.0, its top-level topic's number, ancestors)
    scale: tuple[tuple[float, int, tuple[str, ...]] | None, ...]
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

    def tag(self, title: str, text: str, tokens: list[str] | None = None,
            n_head: int | None = None) -> list[Subject]:
        """Subjects best first.

        ``tokens``, if given, is ``tokenize(title + "\\n" + text)`` (or the
        title's tokens followed by the text's); ``n_head``, if given, is how
        many of them are the title's, which spares tokenising it again.
        """
        if tokens is None:
            head_tokens = tokenize(title) if title else []
            # Tokens average ~6 characters; 16 per token leaves ample margin.
            body_text = text[: 16 * self.options.max_tokens]
            tokens = head_tokens + tokenize(body_text) if body_text else head_tokens
            n_head = len(head_tokens)
        elif n_head is None:
            n_head = len(tokenize(title)) if title else 0
        limit = self.options.max_tokens
        n_head = min(n_head, len(tokens), limit)
        c = self._c

        # One scan of the automaton over headline and body: a double space
        # between them holds no key (keys are single-spaced), so no term
        # spans the two and each match is the headline's iff it ends before
        # ``split``. Matches come sorted by end position.
        head_text = " ".join(tokens[:n_head])
        split = len(head_text) + 2
        matches = list(c.automaton.iter(f" {head_text}  {' '.join(tokens[n_head:limit])} "))
        if not matches:
            return []
        cut = bisect_left(matches, (split,)) if n_head else 0
        # A term's factor: sqrt(body count), plus HEADLINE_BOOST if in the
        # headline.
        counts: dict[int, int] = {}
        seen = counts.get
        for _, idx in matches[cut:] if cut else matches:
            counts[idx] = seen(idx, 0) + 1
        factors = dict(zip(counts, map(math.sqrt, counts.values())))
        if cut:
            for idx in dict.fromkeys(map(_SECOND, matches[:cut])):
                factors[idx] = factors.get(idx, 0.0) + HEADLINE_BOOST
        # ``ev`` is a code's evidence including its descendants', by code
        # number; every weight is positive, so a code has evidence iff some
        # matched term counts for it.
        ev = [0.0] * len(c.codes)
        closure = c.closure
        for idx, factor in factors.items():
            if factor == 1.0:  # most terms: weight * 1.0 is weight, exactly
                for code, weight in closure[idx]:
                    ev[code] += weight
            else:
                for code, weight in closure[idx]:
                    ev[code] += weight * factor
        tops = [code for code in c.tops if ev[code] > 0.0]
        politics = ev[c.politics]
        if politics > 0.0:
            # Policy context: evidence that both government and a policy
            # domain account for ("ministers", "MPs" + "schools", "hospitals")
            # is the domain's policy, which IPTC files under politics
            # (education policy, healthcare policy, ... are politics >
            # government policy). The overlap, min(politics, domain), counts
            # once more for politics; a lone "government" in a health story
            # adds next to nothing.
            gain = sum([share * min(politics, ev[d]) for d, share in c.policy_domains])
            ev[c.politics] = politics + POLICY_GAIN * gain
        games = 0.0 if c.video_game is None else ev[c.video_game]
        if games > 0.0:
            # Game context: in a story about video games, sport, film, music
            # and war words describe the games' content ("a football
            # management game", "a wartime shooter"). Up to GAME_CONTENT
            # times the video-game evidence is taken off those topics.
            for topic in c.game_content:
                e = ev[topic]
                if e:
                    ev[topic] = e - min(e, GAME_CONTENT * games)
        best = max([ev[code] for code in tops], default=0.0)
        if best <= 0.0:
            return []
        # Confidence comes from the evidence as found; the desk prior only
        # changes the ranking, so a lone health story keeps its confidence.
        conf = 1.0 - math.exp(-best / CONFIDENCE_SCALE)
        non_desks = c.non_desks.intersection(tops)
        if non_desks:
            for topic in non_desks:
                ev[topic] *= DESK_PRIOR
            best = max([ev[code] for code in tops])
        # A code is kept when its score clears min_score. A top-level topic
        # scores conf * share; a subtopic conf * sqrt(share), because it
        # naturally holds a fraction of its top-level's evidence (one that
        # carries a quarter of the article's evidence scores 0.5 beside the
        # top-level topics). Turned into evidence floors, the test needs no
        # arithmetic per code.
        ratio = self.options.min_score / conf
        floor_top, floor_sub = best * ratio, best * ratio * ratio
        names = c.codes
        scores = {names[code]: conf * min(1.0, ev[code] / best) for code in tops
                  if ev[code] >= floor_top}
        # A subtopic of a non-desk topic carries its top-level's prior, and
        # never has more evidence than its top-level topic after the context
        # rules (the game context discounts "sport" but not "football").
        # Both only lower evidence, so the raw floor test comes first.
        # A reported subtopic implies its ancestors (they travel in
        # ``ancestors``), so a deep code is dropped when a descendant is shown.
        # A subtopic named by two matched terms is scored twice, alike.
        scale = c.scale
        implied: set[str] = set()
        for code in _flatten(map(c.named.__getitem__, factors)):
            e = ev[code]
            if e >= floor_sub:
                prior, top, ancestors = scale[code]
                e = min(e * prior, ev[top])
                if e >= floor_sub:
                    implied.update(ancestors)
                    scores[names[code]] = conf * math.sqrt(min(1.0, e / best))
        lineage = c.lineage
        scored = sorted([(-s, -len(lineage[code]), code, s) for code, s in scores.items()
                         if code not in implied or not lineage[code]])
        labels = c.labels
        return [_new_tuple(Subject, (code, labels[code], score, lineage[code]))
                for _, _, code, score in scored[: self.options.max_subjects]]


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
        for term in terms:
            put(term, code, weight, replace=False)
    for t in rules.topics:
        for term in t.terms:
            put(term, t.code, t.weight, replace=False)
    for o in rules.overrides:
        for term in o.terms:
            put(term, o.code, o.weight, replace=True)

    # Only codes that can be reported (some term names them, or top-level)
    # need evidence; intermediate ancestors no term names are skipped.
    wanted = _TOP_SET.union(*table.values())
    codes = (*taxonomy.TOP_LEVEL, *sorted(wanted - _TOP_SET))
    number = {code: n for n, code in enumerate(codes)}
    shared: dict[tuple[int, float], tuple[int, float]] = {}
    keys: list[str] = []
    closure: list[tuple[tuple[int, float], ...]] = []
    named: list[tuple[int, ...]] = []
    for key, named_codes in sorted(table.items()):
        if not named_codes:
            continue
        # A term's weight counts for its code and every ancestor (resolved
        # here once, not per article). A term listed under several codes of
        # one subtree ("chancellor": heads of government, government budget)
        # counts once for their common ancestors, at its largest weight:
        # otherwise listing a word twice would double its say in the topic.
        total: dict[str, float] = {}
        for code, weight in named_codes.items():
            chain = (code, *lineage[code])
            if chain[-1] in FRAMES:
                weight *= FRAME_WEIGHT
            for c in chain:
                total[c] = max(total.get(c, 0.0), weight)
            if _ECON_POLICY.intersection(chain):
                total[_ECONOMY] = max(total.get(_ECONOMY, 0.0), weight)
        keys.append(f" {key} ")
        closure.append(tuple(shared.setdefault(pair, pair) for pair in sorted(
            (number[code], weight) for code, weight in total.items() if code in wanted)))
        named.append(tuple(sorted(number[code] for code in named_codes if code not in _TOP_SET)))
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for idx in sorted(range(len(keys)), key=lambda i: [_SCAN_ORDER.get(ch, 64 + ord(ch)) for ch in keys[i]]):
        automaton.add_word(keys[idx], idx)
    automaton.make_automaton()
    scale = tuple(None if code in _TOP_SET else
                  (DESK_PRIOR if lineage[code][-1] in _NON_DESKS else 1.0, number[lineage[code][-1]],
                   lineage[code])
                  for code in codes)
    return _Compiled(
        automaton=automaton, closure=tuple(closure), named=tuple(named), codes=codes,
        tops=tuple(range(len(taxonomy.TOP_LEVEL))),
        non_desks=frozenset(number[code] for code in _NON_DESKS),
        politics=number[_POLITICS], video_game=number.get(_VIDEO_GAME),
        game_content=tuple(number[code] for code in _GAME_CONTENT_TOPICS),
        policy_domains=tuple((number[code], share) for code, share in _POLICY_DOMAINS),
        scale=scale, labels=labels, lineage=lineage)
