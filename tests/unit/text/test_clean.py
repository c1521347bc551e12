"""clean_title and clean_article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stream.text.clean import DEFAULT_CLEAN_OPTIONS, CleanOptions, clean_article, clean_title
from tests.support.cpu import cpu_seconds

SAMPLE = Path(__file__).resolve().parents[3].parent / "shared" / "samples" / "news24-trump-kim-summit.txt"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("UPDATE 2-Ferry strike halts island traffic", "Ferry strike halts island traffic"),
        ("REFILE-UPDATE 1-Ferry strike halts island traffic", "Ferry strike halts island traffic"),
        ("WATCH: Ferry strike halts island traffic", "Ferry strike halts island traffic"),
        ("Live: Ferry strike halts island traffic", "Ferry strike halts island traffic"),
        ("BREAKING: Ferry strike halts island traffic", "Ferry strike halts island traffic"),
        ("Ferry strike halts island traffic | Harbour Times", "Ferry strike halts island traffic"),
        ("Ferry strike halts island traffic | World | Harbour Times", "Ferry strike halts island traffic"),
        ("Ferry strike halts island traffic \u2014 Harbour Times", "Ferry strike halts island traffic"),
        ("Ferry strike halts island traffic - harbourtimes.com", "Ferry strike halts island traffic"),
        ("\u201cWe will not sail\u201d", "We will not sail"),
        ("  Ferry strike halts island traffic  ", "Ferry strike halts island traffic"),
        # Not decorations: a hyphenated word, a lower-case tail, a date tail.
        ("Live-streaming of council meetings begins", "Live-streaming of council meetings begins"),
        ("Ferry strike halts island traffic - and the mail", "Ferry strike halts island traffic - and the mail"),
        ("PORT ANALYSTS MEETING - APRIL 7", "PORT ANALYSTS MEETING - APRIL 7"),
        ("Strike - Why?", "Strike - Why?"),
        ("'Not a bad idea' says minister", "'Not a bad idea' says minister"),
    ],
)
def test_clean_title(raw: str, expected: str) -> None:
    assert clean_title(raw) == expected


WIRE_BODY = """\
By Tomas Okafor

LISBON (Wire) \u2014 Dock workers at the country's largest container port walked out on Monday over a pay dispute, leaving dozens of ships waiting offshore and exporters scrambling for alternative routes.

Advertisement

The union said the stoppage would last at least three days unless the port authority reopened talks on its offer of a 2% rise, which members rejected last week.

Related: Port authority posts record cargo volumes

"We have waited long enough," said a crane operator outside the main gate. "Nobody here wants to strike, but the offer does not cover the cost of living."

Share this article

The port authority said in a statement it remained open to dialogue and had contingency plans for perishable goods.

(Reporting by Tomas Okafor; Editing by Lena Varga)

\u00a9 2024 Example Wire Service. All rights reserved.
"""


def test_wire_copy_dateline_credits_and_chrome() -> None:
    art = clean_article("UPDATE 1-Dock workers strike at main port | Example Wire", WIRE_BODY)
    assert art.title == "Dock workers strike at main port"
    assert art.dateline == "LISBON"
    assert art.text.startswith("Dock workers at the country's largest container port walked out")
    assert art.lede == art.paragraphs[0]
    for chrome in ("By Tomas", "Advertisement", "Related:", "Share this", "Reporting by", "All rights reserved"):
        assert chrome not in art.text
    assert len(art.paragraphs) == 4
    assert art.paragraphs[-1].startswith("The port authority said")
    assert art.text == "\n\n".join(art.paragraphs)
    assert art.removed_lines == 6


@pytest.mark.parametrize(
    ("first", "city", "rest"),
    [
        ("SEOUL, Feb 28 (AP) - Officials met on Thursday to discuss the plan.", "SEOUL", "Officials met"),
        ("WASHINGTON \u2014 Officials met on Thursday to discuss the plan.", "WASHINGTON", "Officials met"),
        ("SAN FRANCISCO, Calif. (Wire) - Officials met on Thursday to discuss the plan.", "SAN FRANCISCO", "Officials met"),
        ("RIO DE JANEIRO, March 3 - Officials met on Thursday to discuss the plan.", "RIO DE JANEIRO", "Officials met"),
        ("US - China officials met on Thursday to discuss the plan.", None, "US - China"),
        ("Officials met on Thursday - in private - to discuss the plan.", None, "Officials met"),
    ],
)
def test_datelines(first: str, city: str | None, rest: str) -> None:
    art = clean_article("Officials meet", first + "\n\nA second paragraph follows here with more words.")
    assert art.dateline == city
    assert art.text.startswith(rest)


def test_hard_wrapped_wire_copy_is_reflowed_and_signature_dropped() -> None:
    body = (
        "The regional water board said on Friday that reservoir levels\n"
        "had fallen to their lowest point in a decade after the dry\n"
        "winter, and asked households to cut use by a fifth.\n"
        "    The board said it would review the request in June.\n"
        " Reuter\n"
    )
    art = clean_article("WATER BOARD URGES SAVINGS", body)
    assert art.paragraphs == (
        "The regional water board said on Friday that reservoir levels had fallen to their "
        "lowest point in a decade after the dry winter, and asked households to cut use by a fifth.",
        "The board said it would review the request in June.",
    )


def test_wrapped_line_equal_to_chrome_word_is_kept() -> None:
    body = (
        "Under the terms of the deal, every holder of the old stock will\n"
        "receive one new share for each existing\n"
        "share.\n"
    )
    assert clean_article("DEAL TERMS", body).text.endswith("for each existing share.")


def test_captions_repeats_and_tail_chrome() -> None:
    body = (
        "Ferry strike halts island traffic - Harbour Times\n\n2024-03-04 09:12\n"
        "Passengers wait at the quay as the ferry stays moored. (Ana Ribeiro, Wire)\n\n"
        "Passengers wait at the quay as the ferry stays moored. (Ana Ribeiro, Wire)\n\n"
        "News \u00b7 Sport \u00b7 Weather \u00b7 Send us your photos\n\n"
        "Ferry crews stopped work at dawn, stranding hundreds of islanders on the mainland side.\n\n"
        "Harbour officials said talks would resume on Wednesday.\n\n"
        "Harbour officials said talks would resume on Wednesday.\n\n"
        "Photo: The ferry terminal on Monday. Image: Harbour Times\n\n"
        "Sign up for our morning briefing newsletter.\n\n"
        "- Follow Harbour Times on Facebook\n\n"
        "Tags: ferries | Strikes, island life\n\n"
        "Join the conversation! Comments are moderated before they appear on the site.\n\n"
        "Create Profile\n\nCreating a profile lets you comment on every story on the site.\n\n"
        "Hi reader,\n\nLog in with Facebook to comment and personalise your news.\n"
    )
    art = clean_article("Ferry strike halts island traffic - Harbour Times", body)
    assert art.title == "Ferry strike halts island traffic"
    assert art.paragraphs == (
        "Ferry crews stopped work at dawn, stranding hundreds of islanders on the mainland side.",
        "Harbour officials said talks would resume on Wednesday.",
    )
    assert art.publisher_tags == ("ferries", "Strikes", "island life")
    assert art.lede == art.paragraphs[0]


def test_story_after_end_marker_is_not_lost() -> None:
    body = (
        "The museum reopened its east wing on Saturday after two years of repairs.\n\n"
        "Tags: museums, culture\n\n"
        "Curators said the restored ceiling paintings drew long queues on the first morning.\n"
    )
    art = clean_article("Museum reopens", body)
    assert len(art.paragraphs) == 2
    assert art.publisher_tags == ("museums", "culture")


def test_crossheads_and_table_rows_are_kept() -> None:
    body = (
        "Quarterly results beat forecasts, the company said on Tuesday in a filing.\n\n"
        "'Better than hoped'\n\nShr 12 cts vs 9 cts\n\nYear\n\nShr 40 cts vs 31 cts\n\n"
        "Avg shrs 4.1 mln vs 4.0 mln\n\nAvg shrs 4.1 mln vs 4.0 mln\n"
    )
    art = clean_article("RESULTS", body)
    assert art.paragraphs == (
        "Quarterly results beat forecasts, the company said on Tuesday in a filing.",
        "'Better than hoped'", "Shr 12 cts vs 9 cts", "Year", "Shr 40 cts vs 31 cts",
        "Avg shrs 4.1 mln vs 4.0 mln",
    )


def test_lede_is_cut_at_a_sentence_boundary() -> None:
    par = " ".join(f"Sentence number {i} reports one more fact about the harbour." for i in range(40))
    art = clean_article("Long", par, CleanOptions(lede_max_chars=200))
    assert len(art.lede) <= 200
    assert art.lede.endswith("harbour.")
    assert art.paragraphs[0] == par


def test_max_chars_cuts_after_cleaning() -> None:
    body = "\n\n".join(f"Paragraph {i} has a handful of words about the port strike." for i in range(100))
    art = clean_article("Cut", body, CleanOptions(max_chars=500))
    assert len(art.text) <= 500
    assert art.text == "\n\n".join(art.paragraphs)
    assert art.paragraphs[0].startswith("Paragraph 0 ")


def test_empty_input() -> None:
    art = clean_article("", "")
    assert (art.title, art.text, art.paragraphs, art.lede, art.dateline, art.publisher_tags) == ("", "", (), "", None, ())


@pytest.fixture(scope="module")
def sample() -> tuple[str, str]:
    if not SAMPLE.is_file():
        pytest.skip(f"shared sample not found at {SAMPLE} (only present beside the project checkout)")
    raw = SAMPLE.read_text(encoding="utf-8")
    return raw.split("\n", 1)[0], raw


@pytest.mark.parametrize("drop_headline_from_body", [False, True])
def test_news24_sample(sample: tuple[str, str], drop_headline_from_body: bool) -> None:
    headline, body = sample
    if drop_headline_from_body:
        body = body.split("\n", 1)[1]
    art = clean_article(headline, body)
    assert art.title == "Trump, Kim summit ends without reaching a deal"
    assert art.text.startswith("US President Donald Trump and North Korea's Kim Jong Un abruptly cut short")
    assert art.lede.startswith("US President Donald Trump and North Korea's Kim Jong Un abruptly")
    assert art.lede == art.paragraphs[0]
    assert art.paragraphs[-1].startswith("The facts did not then,")
    for chrome in ("KEEP UPDATED", "Create Profile", "Facebook", "Multimedia", "(Evan Vucci, AP)",
                   "2019-02-28", "comments policy", "username", "News addict", "Inside News24"):
        assert chrome not in art.text
    assert art.publisher_tags == ("donald trump", "kim jong un", "vietnam")
    assert art.dateline is None
    assert len(art.paragraphs) == 24


HOSTILE = {
    "a_2m": "a" * 2_000_000,
    "open_paren_space": "( " * 500_000,
    "newlines": "\n" * 1_000_000,
    "single_2mb_line": "word " * 400_000,
    "quotes_2m": "\u201c" * 2_000_000,
    "indented_table": "Shr 1 vs 2\n    " * 150_000,
    "many_short_lines": "a\n" * 1_000_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_cheap(name: str) -> None:
    body = HOSTILE[name]
    best = min(_timed(body) for _ in range(3))
    assert best < 0.05, f"{name}: {best * 1000:.1f} ms"


def _timed(body: str) -> float:
    elapsed = cpu_seconds(clean_article, "Hostile " + body[:5000], body)
    assert len(clean_article("Hostile " + body[:5000], body).text) <= DEFAULT_CLEAN_OPTIONS.max_chars
    return elapsed


_chromey = st.sampled_from(
    ["Advertisement", "Read more on: a | b", "KEEP UPDATED now", "(Jo Bloggs, AP)", "\n", "\n\n", " ",
     "HANOI (Reuters) - ", "\u201c", "Tags:", "Share", "said.", "The talks ended early.", "\t", "\u200b"]
)


@settings(max_examples=300, deadline=None)
@given(title=st.text(max_size=60), body=st.lists(st.one_of(st.text(max_size=30), _chromey), max_size=40).map("".join))
def test_clean_article_never_raises_and_is_consistent(title: str, body: str) -> None:
    art = clean_article(title, body)
    assert art.text == "\n\n".join(art.paragraphs)
    assert all(p and p == p.strip() and "\n\n" not in p for p in art.paragraphs)
    assert len(art.lede) <= DEFAULT_CLEAN_OPTIONS.lede_max_chars
    assert art.removed_lines >= 0
    assert "\n" not in art.title
