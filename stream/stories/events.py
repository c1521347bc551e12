"""Event kinds, so that stories are event-aware: pure functions over constants.

The status assertion names what a change is about (its ``event`` phrase:
"summit", "takeover bid", "strike", "leadership"). Stories keep the kind of
the first event they carried; an article whose event is of an incompatible
kind starts its own story even when its names and words overlap ("Tessaly
names new foreign minister after Lisbon talks" shares the place and the
country with the Lisbon summit, but an appointment is not a summit outcome).

Kinds are coarse on purpose. Generic outcome nouns ("deal", "agreement",
"contract", "plan") end every kind of story and so have no kind: they join
anything the signature allows.
"""

from __future__ import annotations

TALKS, TAKEOVER, LABOUR, LEGAL, CONFLICT, LEADERSHIP = (
    "talks", "takeover", "labour", "legal", "conflict", "leadership",
)

_KIND_OF_EVENT: dict[str, str] = {
    **dict.fromkeys(
        "summit talks negotiations meeting meetings conference dialogue discussions visit".split(), TALKS),
    **dict.fromkeys(("peace talks", "trade talks", "debt talks"), TALKS),
    **dict.fromkeys(
        "merger acquisition takeover buyout bid offer sale purchase tender spinoff privatisation "
        "privatization stake".split(), TAKEOVER),
    **dict.fromkeys(("takeover bid", "tender offer", "buyout offer", "merger talks", "merger agreement",
                     "stake purchase", "letter of intent"), TAKEOVER),
    **dict.fromkeys("strike walkout lockout".split(), LABOUR),
    "pay talks": LABOUR,
    **dict.fromkeys(
        "lawsuit suit appeal case trial hearing ruling injunction verdict charges bankruptcy "
        "probe inquiry investigation".split(), LEGAL),
    **dict.fromkeys(("chapter 11", "class action"), LEGAL),
    **dict.fromkeys(
        "ceasefire truce war offensive attack sanctions tariffs embargo blockade fighting conflict "
        "clashes violence".split(), CONFLICT),
    **dict.fromkeys(("trade war", "cease fire", "price war"), CONFLICT),
    **dict.fromkeys("leadership election elections".split(), LEADERSHIP),
}
# Statuses whose kind does not depend on the event phrase: an appointment is
# a leadership event even when the nearest noun is "talks".
_KIND_OF_STATUS: dict[str, str] = {"leadership": LEADERSHIP}

# Pairs of kinds that one developing story may carry. Everything a story can
# lead to through talks, courts or regulators is compatible; what is left out
# are different events that happen to share names: an appointment and a
# summit, a strike and a takeover bid for the struck company, a war and a bid.
_COMPATIBLE: frozenset[frozenset[str]] = frozenset(
    frozenset(p) for p in (
        (TALKS, TAKEOVER), (TALKS, LABOUR), (TALKS, CONFLICT), (TALKS, LEGAL),
        (TAKEOVER, LEGAL), (LABOUR, LEGAL), (CONFLICT, LEGAL),
    )
)


def event_kind(status: str | None, event: str | None) -> str | None:
    """The coarse kind of an asserted change, or None when it has none."""
    if status is None:
        return None
    kind = _KIND_OF_STATUS.get(status)
    if kind is not None or not event:
        return kind
    event = event.lower()
    kind = _KIND_OF_EVENT.get(event)
    if kind is None and " " in event:
        kind = _KIND_OF_EVENT.get(event.rsplit(" ", 1)[-1])
    return kind


# Headline/lede words that place an article without a (specific) status
# event: "UAW wants to revive AMC talks" is labour news, "AMC studying
# Chrysler proposal ... merger" is takeover news. An article with cues of
# more than one kind gets none (it may belong to either story).
_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    (TAKEOVER, frozenset("acquire acquires acquired acquisition buyout merger merge merges takeover "
                         "tender bid bids stake".split())),
    (LABOUR, frozenset("strike strikes striking walkout walkouts lockout uaw dockworkers stoppage "
                       "picket pickets labor".split())),
    (CONFLICT, frozenset("attack attacks war troops missile missiles offensive shelling".split())),
)
# A story opened by talks becomes the talks of its more specific kind:
# merger talks are takeover news, pay talks labour news.
_REFINES = frozenset({TALKS})


def article_kind(status: str | None, event: str | None, keywords: frozenset[str]) -> str | None:
    """The kind of the change an article asserts, else the kind its words cue."""
    kind = event_kind(status, event)
    if kind is not None and kind not in _REFINES:
        return kind
    cued = [k for k, cues in _CUES if not cues.isdisjoint(keywords)]
    if len(cued) == 1:
        return cued[0]
    return kind


def refine(story_kind: str | None, kind: str | None) -> str | None:
    """The story's kind after a compatible article of ``kind`` joined it."""
    if story_kind is None or (story_kind in _REFINES and kind is not None):
        return kind
    return story_kind


def compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or frozenset((a, b)) in _COMPATIBLE
