"""Turn a scraped headline and body into a clean headline and story text.

The rules are deliberately conservative: dropping a real story paragraph
loses news, while a leftover line of chrome only adds noise. Lines are
dropped when they match curated chrome/credit/tag phrases
(:mod:`stream.text.boilerplate`); whole paragraphs are dropped when they are
photo captions, non-prose repeats, short Title-Case labels, or non-prose /
site-interface text after an end-of-article marker ("KEEP UPDATED",
"Read more on:", "Join the conversation", a comments header).

Work is linear in the input: every rule looks at bounded slices, input is
capped at ``max_input_chars``/``max_lines`` before cleaning and the text is
cut to ``max_chars`` after cleaning.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from stream.text import boilerplate as bp
from stream.text.normalize import normalize_text

__all__ = ["CleanOptions", "CleanedArticle", "DEFAULT_CLEAN_OPTIONS", "clean_article", "clean_title"]


@dataclass(frozen=True)
class CleanOptions:
    #: Cleaned text beyond this many characters is cut (at a word boundary,
    #: paragraphs kept whole where they fit). Far above any real article:
    #: the longest Reuters-21578/BBC bodies are under 30,000 characters.
    max_chars: int = 100_000
    #: Raw body characters beyond this are ignored before cleaning; bounds
    #: the cost of hostile input (2.5x ``max_chars`` leaves room for chrome;
    #: each 100,000 characters of a hostile body costs ~5 ms here).
    max_input_chars: int = 250_000
    #: Raw lines beyond this are ignored before cleaning, bounding per-line
    #: work (~8 us a line). Calibrated on the corpora: the longest body has
    #: 315 lines (Reuters-21578) / 148 (BBC), so 4,000 is a >10x margin.
    max_lines: int = 4_000
    #: Paragraphs shorter than this that read as a Title-Case label with no
    #: sentence punctuation ("Location Settings", "Inside News24") are
    #: dropped; crossheads with quotes/digits/lower-case phrasing stay.
    #: 40 = the longest such label seen in the sample chrome, with margin.
    min_paragraph_chars: int = 40
    lede_max_chars: int = 600
    #: A paragraph with at least this many words ending like a sentence (or
    #: containing a quote) is prose and is never dropped as a repeat, nor as
    #: a tail paragraph unless it contains site-interface vocabulary.
    prose_min_words: int = 8
    #: Non-blank lines at the top of the body checked for a repeated
    #: headline, timestamp or byline (until the first prose line).
    header_lines: int = 8
    #: A trailing " - X" / " | X" is a site name only if X is this short.
    site_suffix_max_words: int = 4
    site_suffix_max_chars: int = 40
    max_tags: int = 30


@dataclass(frozen=True)
class CleanedArticle:
    title: str
    text: str
    paragraphs: tuple[str, ...]
    lede: str
    dateline: str | None
    publisher_tags: tuple[str, ...]
    removed_lines: int


DEFAULT_CLEAN_OPTIONS = CleanOptions()

# Headline decorations. Upper-case forms ("UPDATE 2-", "REFILE-") may end
# in "-" or ":"; any-case forms need a colon so "Live-streaming ..." stays.
_DECOR = (
    r"UPDATE|UPDATED|CORRECTED|CORRECTION|REFILE|RPT|REPEAT|WRAPUP|EXCLUSIVE|ANALYSIS|FACTBOX"
    r"|INSIGHT|EXPLAINER|PREVIEW|BREAKING(?: NEWS)?|LIVE(?: UPDATES)?|WATCH|VIDEO|PHOTOS?"
    r"|OPINION|EDITORIAL|COLUMN|POLL|BRIEF|NEWSMAKER"
)
_TITLE_PREFIX_RE = re.compile(rf"(?:(?:{_DECOR})(?: \d{{1,2}})? ?[-:] ?|(?i:(?:{_DECOR})(?: \d{{1,2}})? ?: ?))")
# The first two characters (lower-cased) a decoration can start with:
# titles starting with two other ASCII characters skip the regex. Only
# ASCII, as the any-case branch lets sre's case folding match a few
# non-ASCII letters ("\u0131"/"\u0130" for "i").
_DECOR_HEADS = frozenset(w[:2].lower() for w in re.sub(r"\(.*?\)\??", "", _DECOR).split("|"))
_TITLE_TRAILER_RE = re.compile(r" ?[\[(](?i:video|photos?|watch|live|updated?|pictures)[\])]$")
# Site-name separators, searched from the right in _strip_site_suffix.
_DOMAIN_RE = re.compile(r"[\w-]{1,40}(?:\.[a-z]{2,12}){1,3}")
_QUOTE_PAIRS = {'"': '"', "'": "'"}

# "HANOI (Reuters) - ", "SEOUL, Feb 28 (AP) - ", "SAN FRANCISCO, Calif. - ".
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
_DATELINE_RE = re.compile(
    r"(?P<city>[A-Z][A-Z.'-]{2,25}(?: [A-Z][A-Z.'-]{0,25}){0,3})"
    r"(?:, [A-Z][a-z]{1,12}\.?(?: [A-Z][a-z]{1,12}\.?)?)?"
    rf"(?:,? {_MONTH} \d{{1,2}})?"
    r"(?: ?\([A-Za-z][\w .&/-]{0,30}\))?"
    r" ?- "
)
# An indented line starts a new paragraph (wire copy indents paragraphs
# instead of separating them with blank lines).
_INDENT_RE = re.compile(r"\n(?:\t| {3,})(?=\S)")
_SENTENCE_CUT_RE = re.compile(r"[.!?][\"')]? ")
_TERMINAL = (".", "!", "?", '"', "'", ":", ";", ")")
_TERMINAL_SET = frozenset(_TERMINAL)  # all single characters
_last = itemgetter(-1)


def _strip_site_suffix(t: str, options: CleanOptions) -> str:
    for _ in range(3):
        cut = max(t.rfind(" | "), t.rfind(" - "), t.rfind(" :: "), t.rfind(" // "))
        if cut <= 0:
            break
        head, tail = t[:cut], t[cut:].lstrip(" |-:/")
        words = tail.split()
        site_like = (
            0 < len(words) <= options.site_suffix_max_words
            and len(tail) <= options.site_suffix_max_chars
            and head.count(" ") >= 2
            and not tail.endswith(("?", "!", '"', "'"))
            and (all(w[0].isupper() or w[0].isdigit() for w in words) or _DOMAIN_RE.fullmatch(tail) is not None)
            and not bp.is_date_only(tail)
        )
        if not site_like:
            break
        t = head.rstrip()
    return t


def clean_title(title: str, options: CleanOptions = DEFAULT_CLEAN_OPTIONS) -> str:
    """Headline without wire/site decorations ("UPDATE 2-", "WATCH:",
    trailing "| Site" or " - Site Name"), surrounding quotes or whitespace;
    case is kept."""
    return _clean_title(normalize_text(title[:2000]), options)


def _clean_title(normalized: str, options: CleanOptions) -> str:
    t = normalized.replace("\n\n", " ").replace("\n", " ")
    for _ in range(4):
        head = t[:2]
        if head.isascii() and head.lower() not in _DECOR_HEADS:
            break
        m = _TITLE_PREFIX_RE.match(t)
        if m is None or m.end() == len(t):
            break
        t = t[m.end():]
    if t.endswith((")", "]")):  # the trailer pattern's last character
        t = _TITLE_TRAILER_RE.sub("", t)
    t = _strip_site_suffix(t, options)
    if len(t) >= 2 and t[0] in _QUOTE_PAIRS and t[-1] == _QUOTE_PAIRS[t[0]] and t.count(t[0]) == 2:
        t = t[1:-1]
    return t.strip()


def _strip_dateline(par: str) -> tuple[str, str | None]:
    if "- " not in par[:160]:  # every dateline ends in "- " inside the window
        return par, None
    m = _DATELINE_RE.match(par, 0, 160)
    if m is None or m.end() >= len(par):
        return par, None
    return par[m.end():], m.group("city").rstrip(".")


_DROP: tuple[bool, tuple[str, ...]] = (False, ())
_END: tuple[bool, tuple[str, ...]] = (True, ())


def _classify(line: str) -> tuple[bool, Sequence[str]] | None:
    """None to keep a line outside a sentence; else (ends the story, its
    publisher tags)."""
    if not bp.may_be_boilerplate(line):
        return None
    if ":" in line[:20] and (line_tags := bp.parse_tags(line)) is not None:
        return True, line_tags
    if bp.is_end_marker(line):
        return _END
    if bp.is_chrome_line(line) or bp.is_credit_line(line) or bp.is_nav_bar(line):
        return _DROP
    return None


def _caption_like(par: str, prose: bool) -> bool:
    # Captions/promos are phrases of several words; table rows carry digits.
    return not prose and par.count(" ") >= 4 and not any(c.isdigit() for c in par[:300])


def _cut_lede(par: str, limit: int) -> str:
    if len(par) <= limit:
        return par
    window = par[: limit + 1]
    ends = [m.end() for m in _SENTENCE_CUT_RE.finditer(window)]
    if ends and ends[-1] >= limit // 3:
        return window[: ends[-1]].rstrip()
    space = window.rfind(" ")
    return (window[:space] if space > 0 else par[:limit]).rstrip()


def _assemble(lines: list[str]) -> list[str]:
    """Join the kept lines of one block into paragraphs: hard-wrapped copy
    (lines of similar width) or a line without terminal punctuation followed
    by a lower-case/digit start is one paragraph; otherwise one per line."""
    if len(lines) == 1:
        return lines
    widths = list(map(len, lines[:-1]))
    lo, hi = min(widths), max(widths)
    # Wire copy wraps at 60-80 columns (Reuters-21578: 65-72).
    if lo >= 45 and hi <= 100 and hi - lo <= 30:
        return [" ".join(lines)]  # every line joins: one join, not N concatenations
    pars: list[str] = [lines[0]]
    prev = lines[0]
    for ln in lines[1:]:
        if not prev.endswith(_TERMINAL) or ln[:1].islower():
            prev = pars[-1] = prev + " " + ln
        else:
            pars.append(ln)
            prev = ln
    return pars


def _cap_text(pars: list[str], max_chars: int) -> list[str]:
    if sum(map(len, pars)) + 2 * len(pars) <= max_chars:  # fits (the usual case)
        return pars
    out: list[str] = []
    used = 0
    for par in pars:
        room = max_chars - used - (2 if out else 0)
        if room <= 0:
            break
        if len(par) > room:
            space = par.rfind(" ", 0, room + 1)
            par = par[: space if space > 0 else room].rstrip()
            if par:
                out.append(par)
            break
        out.append(par)
        used += len(par) + (2 if len(out) > 1 else 0)
    return out


def clean_article(title: str, body: str, options: CleanOptions = DEFAULT_CLEAN_OPTIONS) -> CleanedArticle:
    """Clean one scraped article; never raises on ``str`` input.

    See the module docstring for the rules and ``CleanedArticle`` fields:
    ``text`` is ``"\\n\\n".join(paragraphs)``; ``removed_lines`` counts lines
    and paragraphs dropped as boilerplate (blank lines not counted).
    """
    normalized = normalize_text(title[:2000])  # once for both uses
    clean = _clean_title(normalized, options)
    title_keys = {bp.norm_key(normalized.replace("\n", " ")), bp.norm_key(clean)} - {""}

    raw = body[: options.max_input_chars]
    if raw.count("\n") > options.max_lines:
        raw = "\n".join(raw.split("\n", options.max_lines)[: options.max_lines])
    if "\n\t" in raw or "\n   " in raw:
        raw = _INDENT_RE.sub("\n\n", raw)
    text = normalize_text(raw)

    removed = 0
    tags: list[str] = []
    tail = False
    in_body = False  # past the header zone (a line of prose length was kept)
    nonblank = 0
    # (paragraph, after_end_marker)
    candidates: list[tuple[str, bool]] = []
    header_lines, prose_min_words = options.header_lines, options.prose_min_words
    # This loop is the cleaner's hot spot: it runs once per raw line, so the
    # cheap tests come first and per-block facts are computed once.
    for block in text.split("\n\n") if text else ():
        kept: list[str] = []
        block_tail = tail
        lines = block.split("\n")
        prev = ""
        if not in_body and nonblank < header_lines:
            # The header zone: also drops repeated headlines, timestamps
            # and bylines, and tracks where the body starts.
            nxts = [*lines[1:], ""]
            for line, nxt in zip(lines, nxts):
                nonblank += 1
                # A line that starts lower-case, follows a wrapped line with
                # no closing punctuation, or runs on into a lower-case next
                # line is part of a sentence: never chrome, never a repeated
                # headline.
                if not (
                    line[:1].islower()
                    or (len(prev) >= 45 and not prev.endswith(_TERMINAL))
                    or (nxt[:1].islower() and not line.endswith(_TERMINAL))
                ):
                    if not in_body and nonblank <= header_lines and (
                        bp.norm_key(line) in title_keys or bp.is_timestamp(line) or bp.is_byline(line)
                    ):
                        removed += 1
                        prev = line
                        continue
                    if (kind := _classify(line)) is not None:
                        removed += 1
                        if kind[0]:
                            tail = True
                            tags.extend(kind[1])
                        prev = line
                        continue
                prev = line
                if not kept:
                    block_tail = tail
                kept.append(line)
                if not in_body and line.count(" ") + 1 >= prose_min_words:
                    in_body = True
        elif len(lines) > 1 and min(map(len, lines[:-1])) >= 45 and _TERMINAL_SET.isdisjoint(map(_last, lines[:-1])):
            # Past the header zone (it never reopens), a hard-wrapped block
            # whose lines all run on (70% of Reuters-21578 blocks): each line
            # after the first follows a long unpunctuated line, so only the
            # first can be dropped, and _assemble would join the rest into
            # one paragraph.
            nonblank += len(lines)
            first = lines[0]
            if first[:1].islower() or lines[1][:1].islower() or (kind := _classify(first)) is None:
                candidates.append((" ".join(lines), block_tail))
            else:
                removed += 1
                if kind[0]:
                    tail = block_tail = True
                    tags.extend(kind[1])
                candidates.append((" ".join(lines[1:]), block_tail))
            continue
        else:
            # Past the header zone: the same rules less the header ones.
            # ``tail`` only changes on a dropped line, so the block's flag
            # is fixed there instead of per kept line.
            nonblank += len(lines)
            nxts = [*lines[1:], ""]
            for line, nxt in zip(lines, nxts):
                if (
                    (len(prev) >= 45 and not prev.endswith(_TERMINAL))  # most wire lines stop here
                    or line[:1].islower()
                    or (nxt[:1].islower() and not line.endswith(_TERMINAL))
                    or (kind := _classify(line)) is None
                ):
                    kept.append(line)
                else:
                    removed += 1
                    if kind[0]:
                        tail = True
                        tags.extend(kind[1])
                        if not kept:
                            block_tail = True
                prev = line
        if kept:
            for par in _assemble(kept):
                candidates.append((par, block_tail))

    keys = [par.casefold() for par, _ in candidates]
    # Without repeated paragraphs the repeat rules cannot fire (most
    # articles): skip them and the prose test they need.
    repeats = len(set(keys)) != len(keys)
    counts = Counter(keys) if repeats else None
    emitted: set[str] = set()
    story_started = False
    pars: list[str] = []
    min_chars = options.min_paragraph_chars
    for (par, in_tail), key in zip(candidates, keys):
        if repeats:
            prose = bp.looks_like_prose(par, prose_min_words)
            drop = (
                key in emitted
                # A non-prose line repeated before the story starts is a photo
                # caption or promo; later, table labels legitimately repeat
                # ("Avg shrs" per period), so only their repeats go.
                or (counts[key] > 1 and not story_started and _caption_like(par, prose))  # type: ignore[index]
            )
            emitted.add(key)
        else:
            drop = False
        drop = (
            drop
            or bp.is_caption(par)
            or (in_tail and (not bp.looks_like_prose(par, prose_min_words) or bp.has_ui_words(par)))
            # Section labels before the story; in-body crossheads and table
            # labels ("Year", "Nine Mths") stay.
            or (
                (not pars or in_tail)
                and len(par) < min_chars
                and bp.looks_like_heading_chrome(par, min_chars)
            )
        )
        if drop:
            removed += 1
        else:
            pars.append(par)
            if repeats:
                story_started = story_started or prose

    dateline = None
    if pars:
        pars[0], dateline = _strip_dateline(pars[0])
    pars = _cap_text(pars, options.max_chars)
    lede_src = next((p for p in pars if bp.looks_like_prose(p, options.prose_min_words)), pars[0] if pars else "")
    unique_tags = tuple(dict.fromkeys(tags))[: options.max_tags]
    return CleanedArticle(
        title=clean,
        text="\n\n".join(pars),
        paragraphs=tuple(pars),
        lede=_cut_lede(lede_src, options.lede_max_chars),
        dateline=dateline,
        publisher_tags=unique_tags,
        removed_lines=removed,
    )
