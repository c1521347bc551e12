"""html_to_text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stream.text import html as html_mod
from stream.text.html import html_to_text

# A page written for this test: chrome (nav, cookie banner, aside, footer,
# script/style) around a four-paragraph story.
PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour bridge reopens after storm repairs | The Coastal Ledger</title>
  <meta property="og:title" content="Harbour bridge reopens after storm repairs">
  <script>var tracker = "do not extract me";</script>
  <style>.x { color: red }</style>
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/local">Local</a> | <a href="/sport">Sport</a></nav>
  <div class="cookie-banner">We use cookies to improve your experience. Accept all</div>
  <article>
    <h1>Harbour bridge reopens after storm repairs</h1>
    <p class="byline">By Mira Castell</p>
    <p>The old harbour bridge reopened to traffic on Tuesday morning, six weeks after a winter storm tore away part of its eastern railing and flooded the approach road.</p>
    <p>Engineers from the regional transport office said the repaired deck had passed its load tests on Monday night, and that the speed limit would stay at thirty kilometres an hour until the new lighting is finished.</p>
    <p>"We are relieved to have our morning route back," said a fisherman who had been taking a forty-minute detour through the industrial estate since January.</p>
    <p>The council expects the remaining work on the footpath to be completed before the summer festival, according to a statement published on its website.</p>
  </article>
  <aside><h3>Most read</h3><ul><li>Lottery winner found</li><li>School closes early</li></ul></aside>
  <footer>Copyright 2024 The Coastal Ledger. All rights reserved.</footer>
</body>
</html>
"""

STORY_STARTS = (
    "The old harbour bridge reopened to traffic on Tuesday morning",
    "Engineers from the regional transport office said",
    '"We are relieved to have our morning route back,"',
    "The council expects the remaining work on the footpath",
)


def test_extracts_title_and_story_paragraphs() -> None:
    title, text = html_to_text(PAGE)
    assert title == "Harbour bridge reopens after storm repairs"
    pars = text.split("\n\n")
    for start in STORY_STARTS:
        assert sum(p.startswith(start) for p in pars) == 1
    for chrome in ("do not extract me", "color: red", "We use cookies", "Most read", "Lottery", "All rights reserved"):
        assert chrome not in text
    assert "\n\n\n" not in text and text == text.strip()


def test_deterministic() -> None:
    assert html_to_text(PAGE) == html_to_text(PAGE)


def test_fallback_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_mod, "_trafilatura", lambda html: (None, ""))
    title, text = html_to_text(PAGE)
    assert title == "Harbour bridge reopens after storm repairs | The Coastal Ledger"
    pars = text.split("\n\n")
    assert any(p.startswith(STORY_STARTS[0]) for p in pars)
    assert "do not extract me" not in text and "color: red" not in text and "Home" not in text


def test_fallback_when_trafilatura_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(html: str) -> tuple[str | None, str]:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(html_mod, "_trafilatura", boom)
    _, text = html_to_text("<html><body><p>Short note one.</p><p>Short note two.</p></body></html>")
    assert text == "Short note one.\n\nShort note two."


@pytest.mark.parametrize("garbage", ["", "   ", "plain words, no markup", "\x00\x01\x02", "<<<>>>", None, b"<p>bytes</p>"])
def test_garbage_gives_empty_result(garbage: object) -> None:
    assert html_to_text(garbage) == (None, "")  # type: ignore[arg-type]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<script>", "</html>", "<!--", "-->", "&amp;", "text ", "<br/>", "\x00", "<"]) | st.text(max_size=20), max_size=40).map("".join))
def test_never_raises(s: str) -> None:
    title, text = html_to_text(s)
    assert title is None or isinstance(title, str)
    assert isinstance(text, str)
