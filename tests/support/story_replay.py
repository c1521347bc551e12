"""Restart checks for the story book: a book rebuilt from its stories mapping
alone must decide exactly as the uninterrupted one."""

from __future__ import annotations

import copy
from collections.abc import Sequence

from stream.stories.book import StoryBook, StoryInput
from stream.stories.signature import StoryOptions


def assert_restarts_decide_alike(stream: Sequence[StoryInput], opts: StoryOptions, cuts: Sequence[int]) -> None:
    """Cut ``stream`` at each of ``cuts``, restart the book there from a deep
    copy of its stories (what deserialising the changelog gives: no shared
    objects), and check the redelivered article and every later outcome."""
    whole = StoryBook({}, opts)
    expected = [whole.add(x) for x in stream]
    assert len({o.story["id"] for o in expected}) > 20
    for cut in cuts:
        first = StoryBook({}, opts)
        got = [first.add(x) for x in stream[:cut]]
        second = StoryBook(copy.deepcopy(first.stories), opts)
        # a redelivered article after the restart is told the same, once
        assert second.add(stream[cut - 1]) == expected[cut - 1]
        got += [second.add(x) for x in stream[cut:]]
        assert got == expected
