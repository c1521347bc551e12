from __future__ import annotations

import orjson

from stream.pipeline.offline import Pipeline
from stream.pipeline.prepare import Meta

DAY = 86400.0


def msg(i: int, day: float) -> bytes:
    return orjson.dumps({
        "url": f"https://x.example/{i}",
        "title": f"Story number {i}",
        "body": f"Paragraph of story {i} with enough words to make shingles and a lede sentence for it {i}.",
        "published_at": int(day * DAY),
    })


def test_offline_state_stays_within_the_window() -> None:
    p = Pipeline()
    for i in range(30):
        p.run(msg(i, day=float(i)), Meta(arrival_time=i * DAY))
    # 30 days of one article a day, 7-day window, swept daily: about 8 left.
    assert len(p.url.state) <= 9
    assert len(p.content.state) <= 9
