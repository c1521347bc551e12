"""Line and paragraph classifiers used by :mod:`stream.text.clean`.

Every predicate takes already-normalised text (see ``normalize_text``) and
looks at a bounded prefix/suffix of it, so a single multi-megabyte line costs
no more than a short one. Patterns are anchored and use bounded quantifiers.

The phrase lists were curated from the chrome of common English-language news
sites and wire services (newsletter/follow/share widgets, comment policies,
profile/sign-in panels, photo credits, wire credit lines); they are
general rules, not rules for one site.
"""

from __future__ import annotations

import re

# Lines that are nothing but one of these (case-insensitive, trailing
# punctuation ignored) are site chrome wherever they appear.
CHROME_LINES: frozenset[str] = frozenset(
    {
        "advertisement", "advertising", "sponsored", "sponsored content", "ad",
        "share", "share this", "share this article", "share this story",
        "share on facebook", "share on twitter", "share via email", "tweet",
        "email", "print", "save", "copy link", "comments", "comment",
        "show comments", "view comments", "leave a comment", "post a comment",
        "related", "related articles", "related stories", "related content",
        "related news", "related links", "more on this story", "more stories",
        "top stories", "most read", "most popular", "most viewed", "trending",
        "trending now", "recommended", "recommended for you", "you may also like",
        "you might also like", "read more", "read next", "see also", "also read",
        "watch", "listen", "video", "photos", "gallery", "image", "close",
        "skip to content", "skip to main content", "menu", "home", "search",
        "sign in", "sign-in", "log in", "login", "log out", "register",
        "subscribe", "subscribe now", "sign up", "newsletter", "newsletters",
        "create profile", "edit profile", "my profile", "location settings",
        "settings", "facebook sign-in", "facebook sign in", "traffic alerts",
        "getty images", "afp", "ap", "reuters", "reuter", "epa", "ap photo",
        "image copyright", "image caption", "media caption", "loading",
        "loading...", "accept", "accept cookies", "accept all", "got it",
        "cookie settings", "cookie policy", "privacy policy", "terms of use",
        "terms and conditions", "all rights reserved", "back to top",
        "next article", "previous article", "follow us", "follow", "topics",
        "tags", "inside news",
    }
)

# Lines that start with one of these are chrome even when long (they are
# widgets whose text continues with an explanation, e.g. a newsletter pitch).
_CHROME_PREFIX_RE = re.compile(
    r"(?:keep updated\b|sign up (?:for|to)\b|subscribe (?:to|for|now)\b"
    r"|get (?:the|our) [\w ]{0,30}(?:newsletter|app|alerts)\b"
    r"|(?:- )?follow (?:us|@?[\w.&'-]{1,30}(?: [\w.&'-]{1,30}){0,3}) on (?:twitter|facebook|instagram|linkedin|x|telegram|whatsapp|youtube)\b"
    r"|click here\b|tap here\b|read more(?: on)?\s?:|related\s?:|also read\s?:|see also\s?:"
    r"|read next\s?:|watch\s?:\s|more\s?:\s|join the conversation\b|read our (?:comments?|community) (?:policy|guidelines)"
    r"|we reserve (?:editorial discretion|the right)\b|comments? (?:are|have been) (?:closed|disabled|moderated)"
    r"|(?:this|our) (?:site|website) uses cookies|we use cookies|by (?:using|continuing to use) (?:this|our) (?:site|website)"
    r"|share this (?:article|story)|image copyright\b|image caption\b|media caption\b|image source\b"
    r"|(?:photo|picture|image|video)\s?(?:credit)?\s?:|copyright ?(?:©|\(c\)|\d{4})|\(c\) ?\d{4}|©"
    r"|all rights reserved|this material may not be (?:published|broadcast)"
    r"|download (?:the|our) app|get (?:the|our) app|listen to (?:this|the) (?:article|story)"
    r"|advertisement ?[-:|]|story continues below|continue reading\b|scroll (?:down|to continue)"
    r"|(?:log|sign) in with\b|please (?:log|sign) in\b)",
    re.IGNORECASE,
)

# Literal starts (lower-cased) that every match of _CHROME_PREFIX_RE /
# _END_MARKER_RE begins with: an ASCII line starting with none of them
# cannot match, and one C-level startswith replaces a regex that tries each
# alternative in turn (~3x faster on the prose lines that reach it). Keep
# these in step with the patterns; tests/unit/text/test_boilerplate.py
# checks every pattern alternative against them.
_CHROME_STARTS: tuple[str, ...] = (
    "keep updated", "sign up ", "subscribe ", "get the ", "get our ", "- follow ", "follow ",
    "click here", "tap here", "read more", "related", "also read", "see also", "read next",
    "watch", "more", "join the conversation", "read our ", "we reserve ", "comment", "this ",
    "our ", "we use cookies", "by using ", "by continuing ", "share this ", "image", "media caption",
    "photo", "picture", "video", "copyright", "(c)", "all rights reserved", "download ",
    "listen to ", "advertisement", "story continues below", "continue reading", "scroll ",
    "log in with", "sign in with", "please ",
)
_END_STARTS: tuple[str, ...] = (
    "keep updated", "read more on", "tags", "topics", "filed under", "join the conversation",
    "comment", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "leave a ", "show comments",
    "view comments", "load comments",
)

# Wire credit lines: "Reporting by ...; Editing by ...", "(Writing by ...)".
_CREDIT_RE = re.compile(
    r"\(?(?i:(?:additional |further )?(?:reporting|writing|editing|compiled|compiling|"
    r"translated|translation)(?: and (?:editing|writing|reporting))? by) [A-Z]"
)

# Lines after these mark the end of the story (tags, newsletter, comments).
_END_MARKER_RE = re.compile(
    r"(?:keep updated\b|read more on\s?:|tags\s?:|topics\s?:|filed under\s?:"
    r"|join the conversation\b|comments?$|\d{1,6} comments?$|leave a (?:comment|reply)"
    r"|(?:show|view|load) comments|comment on this (?:story|article))",
    re.IGNORECASE,
)

# "Read more on: a | b | c", "Tags: a, b", "Topics: a; b".
_TAGS_RE = re.compile(
    r"(?:read more on|more on|tags|topics|related topics|filed under|keywords)\s?:\s?(.{1,1000})$",
    re.IGNORECASE,
)
_TAG_SPLIT_RE = re.compile(r"\s*[|,;·•]\s*")

# Photo caption credits at the end of a paragraph: "(Evan Vucci, AP)",
# "(AP Photo/Evan Vucci)", "(Getty Images)", "Photo: Jane Doe/Reuters".
_CAPTION_TAIL_RE = re.compile(
    r"(?:(?P<generic>\([A-Z][\w.'-]{0,25}(?: [A-Za-z][\w.'-]{0,25}){0,4},"
    r" ?[A-Z0-9][\w.&/-]{0,25}(?: [A-Za-z0-9][\w.&/-]{0,25}){0,3}\))"
    r"|\((?:AP|AFP|EPA|Reuters|Getty|Bloomberg|Xinhua|Yonhap|Kyodo|AAP|PA|dpa|Gallo|Shutterstock|Alamy)"
    r"(?: Images| Photo| via Getty Images| Wire)?(?:/[^()]{1,60})?\)"
    r"|(?:Photo|Picture|Image|Pic|Photograph|Credit)s? ?: ?[^.:!?]{1,80}\.?"
    r"|Getty Images\.?|/ ?(?:AFP|AP|Reuters|EPA|Getty Images))$"
)

# What the end of a paragraph _CAPTION_TAIL_RE can match ends with, or
# (for its "Photo: ..." credit) a word its window holds.
_CAPTION_ENDS = (")", "Getty Images", "Getty Images.", "\n", "AFP", "AP", "Reuters", "EPA")
_CAPTION_WORD_RE = re.compile(r"Photo|Pic|Image|Credit")

# Header-zone lines that are only a timestamp.
_DATE_WORDS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april "
    "june july august september october november december mon tue tues wed thu thur thurs "
    "fri sat sun monday tuesday wednesday thursday friday saturday sunday am pm a.m p.m "
    "gmt utc bst cet cest est edt pst pdt sast ist jst hkt aest z t h published updated "
    "last posted on at ago min mins minute minutes hour hours hr hrs day days week weeks "
    "st nd rd th of".split()
)
_DATE_TOKEN_RE = re.compile(r"[A-Za-z.]+|\d+")
_STAMP_RE = re.compile(r"\b(?:19|20)\d\d\b|\d:\d\d|\b(?:published|updated|posted|ago)\b", re.IGNORECASE)
_BYLINE_RE = re.compile(r"By [A-Z][\w.'-]{0,30},?(?: [A-Za-z][\w.'-]{0,30},?){0,10}$")

# End-of-article tails are kept only when they are prose free of
# site-interface vocabulary (so a story wrongly followed by a marker survives).
_UI_RE = re.compile(
    r"\b(?:profiles?|usernames?|passwords?|log ?in|sign ?(?:in|up)|subscrib\w*|newsletters?"
    r"|comments?|commentary|contributions?|personali[sz]e|settings|homepage|click|submit"
    r"|register|community|cookies?|privacy|notifications?|browser|url|e-?mail address"
    r"|editorial discretion|guidelines)\b"
    r"|^(?:join|follow|share|sign|log|click|tap|subscribe|download|please|hi|hello)\b",
    re.IGNORECASE,
)

# Navigation bars: three or more short items separated by bullets/pipes.
_NAV_SPLIT_RE = re.compile(r"\s[|»›]\s|[·•]")

_SENTENCE_END = (".", "!", "?", '."', ".'", '?"', '!"', "?'", "!'", '"', ".)")
_HEAD = 400  # characters inspected at the start of a line by prefix rules
_TAIL = 200  # characters inspected at the end of a line by suffix rules


def norm_key(line: str) -> str:
    """Comparison key: case-folded, without surrounding punctuation/space.
    Lines too long to be a headline or a chrome label get no key."""
    if len(line) > 2000:
        return ""
    return line.casefold().strip(" .:!?-|·•*>\"'")


def is_chrome_line(line: str) -> bool:
    if len(line) <= 40 and norm_key(line) in CHROME_LINES:
        return True
    head = line[:32]
    # Only for ASCII: re.IGNORECASE also folds a few non-ASCII letters
    # (Kelvin sign, long s, dotted/dotless i) onto ASCII ones.
    if head.isascii() and not head.lower().startswith(_CHROME_STARTS):
        return False
    return _CHROME_PREFIX_RE.match(line, 0, _HEAD) is not None


# Either list's starts, for one startswith call in may_be_boilerplate.
_ANY_STARTS = _CHROME_STARTS + _END_STARTS


def may_be_boilerplate(line: str) -> bool:
    """False when none of parse_tags, is_end_marker, is_chrome_line,
    is_credit_line and is_nav_bar can hold for ``line``: their cheapest
    necessary conditions, in one call (most story lines fail all of them;
    the cleaner runs this on ~2-4 lines per article)."""
    if len(line) <= 40 or ":" in line[:20] or " by " in line[:40]:
        return True
    head = line[:32]
    if not head.isascii() or head.lower().startswith(_ANY_STARTS):
        return True
    return len(line) <= 300 and not line.endswith(_SENTENCE_END) and (
        "|" in line or "\u00bb" in line or "\u203a" in line or "\u00b7" in line or "\u2022" in line
    )


def is_credit_line(line: str) -> bool:
    # A credit line is short-ish and starts with the credit phrase.
    return len(line) <= 400 and " by " in line[:40] and _CREDIT_RE.match(line) is not None


def is_end_marker(line: str) -> bool:
    if len(line) > 300:
        return False
    head = line[:32]
    if head.isascii() and not head.lower().startswith(_END_STARTS):
        return False
    return _END_MARKER_RE.match(line) is not None


def parse_tags(line: str) -> list[str] | None:
    """Tags of a "Read more on: a | b" line, or None if it is not one."""
    if len(line) > 1000 or ":" not in line[:20] or looks_like_prose(line):
        return None
    m = _TAGS_RE.match(line)
    if m is None:
        return None
    tags = [t.strip(" .") for t in _TAG_SPLIT_RE.split(m.group(1))]
    tags = [t for t in tags if t and len(t) <= 80 and t.count(" ") < 8]
    return tags or None


def is_caption(par: str) -> bool:
    start = max(0, len(par) - _TAIL)
    # Every match of the pattern ends the paragraph (or comes before a final
    # "\n") with ")", "Getty Images(.)" or an agency after "/", or holds a
    # "Photo/Pic/Image/Credit" word and a ":" in the window; most prose
    # paragraphs have none, and a search tries the pattern at each of the
    # window's 200 positions (~15% of clean_article's time on Reuters-21578
    # before this test; a ":" or "/" alone, as in "10:30" or "dlrs/share",
    # no longer sends a paragraph to it). It runs before the word count,
    # which reads the whole paragraph.
    tail = par[start:]
    if not (tail.endswith(_CAPTION_ENDS) or (":" in tail and _CAPTION_WORD_RE.search(tail) is not None)):
        return False
    if par.count(" ") >= 80:
        return False
    m = _CAPTION_TAIL_RE.search(par, start)
    if m is None:
        return False
    if m.group("generic") is None:
        return True
    # "(Name, Agency)" also ends list items ("Doc Martin (Buffalo, ITV1)"):
    # a caption credit follows a described scene, a sentence or >= 8 words.
    head = par[: m.start()].rstrip()
    return head.endswith(".") or head.count(" ") >= 7


def is_date_only(line: str) -> bool:
    """Only date/time words and numbers ("APRIL 7", "Thursday 28 Feb")."""
    if len(line) > 80:
        return False
    tokens = _DATE_TOKEN_RE.findall(line)
    return bool(tokens) and all(t.isdigit() or t.lower().rstrip(".") in _DATE_WORDS for t in tokens)


def is_timestamp(line: str) -> bool:
    """A date-only line that carries a year, a clock time or a
    published/updated/ago word; "May 6765" or "Sept 30" table rows do not."""
    if not is_date_only(line):
        return False
    return _STAMP_RE.search(line) is not None


def is_byline(line: str) -> bool:
    return len(line) <= 120 and _BYLINE_RE.match(line) is not None


def has_ui_words(par: str) -> bool:
    return _UI_RE.search(par[:2000]) is not None


def is_nav_bar(line: str) -> bool:
    if len(line) > 300 or line.endswith(_SENTENCE_END):
        return False
    # A nav bar holds one of _NAV_SPLIT_RE's characters: C-level scans
    # instead of a regex search over the line.
    if not ("|" in line or "\u00bb" in line or "\u203a" in line or "\u00b7" in line or "\u2022" in line):
        return False
    items = [i for i in _NAV_SPLIT_RE.split(line) if i.strip()]
    return len(items) >= 3 and all(i.strip().count(" ") <= 7 for i in items)


def looks_like_prose(par: str, min_words: int = 8) -> bool:
    """>= ``min_words`` words and ends like a sentence or contains a quote."""
    if par.count(" ") + 1 < min_words:
        return False
    return par.endswith(_SENTENCE_END) or '"' in par[:_HEAD] or '"' in par[-_TAIL:]


def looks_like_heading_chrome(par: str, max_chars: int) -> bool:
    """Short Title-Case/upper-case label with no sentence punctuation:
    "Inside News24", "Location Settings". Crossheads written as phrases
    ("'Not a bad idea'") or containing digits are kept."""
    if len(par) > max_chars or any(c in par for c in "\"'0123456789.!?"):
        return False
    if any(c in par for c in ",()<>&"):
        return False
    words = par.split()
    return 0 < len(words) <= 3 and all(w[0].isupper() or not w[0].isalpha() for w in words)
