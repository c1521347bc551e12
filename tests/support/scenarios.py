"""The seed scenario of the acceptance test, built at run time from the shared scrape.

The seed text is read from ../shared at run time (never copied into the
repo); the syndicated copies are made from it the way other outlets change a
wire story; the earlier report and the malformed messages are our own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from tests.support.shared import SEED_SAMPLE, require

SEED_URL = "https://www.news24.com/news24/World/News/trump-kim-summit-ends-without-reaching-a-deal-20190228"


@dataclass(frozen=True)
class Scenario:
    messages: list[bytes]
    n_malformed: int
    seed_title: str


def _story_paragraphs(body: str) -> list[str]:
    """The AP story's own paragraphs: from the lede to the last story line."""
    paras = [p.strip() for p in body.split("\n\n") if p.strip()]
    start = next(i for i, p in enumerate(paras) if p.startswith("US President Donald Trump and"))
    end = next(i for i, p in enumerate(paras) if p.startswith("The facts did not then"))
    return paras[start : end + 1]


def seed_scenario() -> Scenario:
    raw = require(SEED_SAMPLE).read_text(encoding="utf-8")
    headline, body = raw.split("\n", 1)
    story = _story_paragraphs(body)

    def msg(**kw: object) -> bytes:
        return json.dumps(kw, ensure_ascii=False).encode("utf-8")

    earlier = msg(
        url="https://wire.example/asia/trump-kim-second-summit-begins-hanoi",
        title="Trump and Kim begin second summit in Hanoi",
        body=(
            "HANOI (Wire) - US President Donald Trump and North Korean leader Kim Jong Un began their "
            "second summit in Hanoi on Wednesday, shaking hands in front of a row of flags at the Metropole "
            "hotel before a private dinner.\n\nThe two leaders are expected to discuss steps toward North "
            "Korea's denuclearisation and a possible declaration ending the Korean War. Vietnam is hosting "
            "the talks, which continue on Thursday.\n\nTrump told reporters the first day had gone well, and "
            "Kim said he hoped for an outcome that everyone would welcome."
        ),
        source="Wire",
        published_at="2019-02-27T12:30:00Z",
    )
    seed = msg(url=SEED_URL, title=headline.strip(), body=body, source="News24",
               published_at="2019-02-28T10:17:00+02:00", scraped_at="2019-02-28T08:20:11Z")
    copy_wire = msg(
        url="https://apnews.example/article/north-korea-hanoi-summit-ends",
        title="UPDATE 1-Trump, Kim cut summit short without agreement",
        body="\n\n".join(["HANOI, Vietnam (AP) — " + story[0], *story[1:], "Associated Press writers in Hanoi contributed."]),
        source="AP",
        published_at="2019-02-28T08:05:00Z",
    )
    copy_teaser = msg(
        url="https://www.example-daily.com/world/asia/trump-kim-talks-collapse?utm_source=newsletter&fbclid=x1",
        title="WATCH: Trump-Kim talks collapse in Hanoi | Example Daily",
        body="\n\n".join(
            ["Photo: Donald Trump and Kim Jong Un in Hanoi (AP)", *story[:8],
             "Sign up for our daily newsletter.", "Share this article"]
        ),
        source="Example Daily",
        published_at="2019-02-28T08:40:00Z",
    )
    rescrape = msg(url=SEED_URL + "?utm_source=twitter&utm_medium=social#comments", title=headline.strip(),
                   body=body, source="News24", published_at="2019-02-28T10:17:00+02:00",
                   scraped_at="2019-02-28T09:55:42Z")
    malformed = [
        b'{"url": "https://broken.example/1", "title": "cut off',
        b'"just a string"',
        json.dumps({"url": "https://broken.example/3", "body": "no title"}).encode(),
        json.dumps({"url": "https://broken.example/4", "title": ["a", "list"], "body": "x"}).encode(),
        b'{"url": "https://broken.example/5", "title": "caf\xe9 au lait", "body": "latin-1"}',
    ]
    messages = [earlier, seed, malformed[0], copy_wire, malformed[1], copy_teaser, malformed[2], rescrape,
                malformed[3], malformed[4]]
    return Scenario(messages=messages, n_malformed=len(malformed), seed_title=headline.strip())
