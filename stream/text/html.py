"""Main-text extraction from an HTML page (trafilatura, with a fallback).

trafilatura runs offline here (it is handed a string, never a URL, so it
fetches nothing) and is deterministic for a given input. When it finds no
main text, a simple tag stripper keeps block structure as paragraphs.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from stream.text.normalize import normalize_text

__all__ = ["html_to_text"]

# trafilatura logs every unparseable page at WARNING/ERROR; garbage input is
# an expected case here, reported through the return value instead.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

#: Pages larger than this are cut before parsing (lxml memory/time bound).
MAX_HTML_CHARS = 5_000_000
#: trafilatura's cost grows faster than linearly with the number of small
#: blocks: 16 KiB of tiny <p> elements took ~450 ms of CPU, 2 MiB ~30 s
#: (tests/unit/pipeline/test_hostile.py), long enough to stall a worker's
#: event loop past its session timeout. Real article pages have tens of
#: paragraphs and a few thousand elements; past these bounds the linear tag
#: stripper takes over.
MAX_TRAFILATURA_BLOCKS = 400
MAX_TRAFILATURA_CHARS = 1_000_000

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg iframe head nav footer form button select".split())
_TAG_HINT_RE = re.compile(r"<[A-Za-z!/]")


class _Stripper(HTMLParser):
    """Tag stripper: text outside script/style/nav chrome, blocks as paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.h1: list[str] = []
        self._skip = 0
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag == "h1":
            self._in_h1 = True
        if tag in _SKIP_TAGS and tag not in ("head",):
            self._skip += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "h1":
            self._in_h1 = False
        if tag in _SKIP_TAGS and tag != "head" and self._skip:
            self._skip -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
            return
        if self._in_h1:
            self.h1.append(data)
        if not self._skip:
            self.parts.append(data)


def _paragraphs(text: str) -> str:
    """One paragraph per line of extractor output, separated by a blank line."""
    return normalize_text(text.replace("\n", "\n\n"))


def _fallback(html: str) -> tuple[str | None, str]:
    parser = _Stripper()
    parser.feed(html)
    parser.close()
    title = normalize_text(" ".join(parser.title or parser.h1)).replace("\n", " ") or None
    # Inside a block, source line breaks are only layout.
    body = "".join(p if p == "\n\n" else p.replace("\n", " ") for p in parser.parts)
    return title, normalize_text(body)


def _trafilatura(html: str) -> tuple[str | None, str]:
    # Imported lazily: heavy, and only this stage needs them.
    import trafilatura
    from trafilatura.metadata import extract_title
    from trafilatura.utils import load_html

    # One parse; the title only, not trafilatura's whole metadata pass (its
    # date and author searches were ~60% of a page's cost and nothing here
    # uses them), and ``fast`` (no readability/jusText fallback: those ran
    # on most pages and cost ~10x the main extraction). Side by side on the
    # 266 HTML pages of eval/dedup's unseen2 set: 22.7 ms -> 0.73 ms of CPU
    # per page; 265 texts and all 266 titles identical, the other text
    # gained its headline line. Pages this leaves empty go to the tag
    # stripper below, as before.
    tree = load_html(html)
    if tree is None:
        return None, ""
    title = extract_title(tree)
    doc = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        with_metadata=False,
        deduplicate=False,
        fast=True,
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    return (normalize_text(title).replace("\n", " ") or None) if title else None, _paragraphs(text)


def html_to_text(html: str) -> tuple[str | None, str]:
    """Return ``(title or None, main text)`` with paragraphs separated by
    ``"\\n\\n"``. Never raises: input that is not a string or not HTML at all
    yields ``(None, "")``; pages trafilatura cannot handle go through a
    plain tag stripper."""
    if not isinstance(html, str) or not _TAG_HINT_RE.search(html, 0, 100_000):
        return None, ""
    html = html[:MAX_HTML_CHARS]
    title, text = None, ""
    if len(html) <= MAX_TRAFILATURA_CHARS and html.count("<p") + html.count("<div") <= MAX_TRAFILATURA_BLOCKS:
        try:
            title, text = _trafilatura(html)
        except Exception:  # noqa: BLE001 - third-party parser on hostile input
            title, text = None, ""
    if text:
        return title, text
    try:
        fb_title, fb_text = _fallback(html)
    except Exception:  # noqa: BLE001 - html.parser on hostile input
        return title, ""
    return title or fb_title, fb_text
