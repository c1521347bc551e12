"""Context cue words of the status assertion: which words around a trigger
make it background, a hedge, a routine object or a steady state.

Constant data only; ``assertion.py`` reads it as ``cx.NAME``. Each set
names the wire-copy class and the (tuning) evaluation set that showed it.
"""

from __future__ import annotations

from stream.status._matcher import BOUNDARY

NOUN_CUES = frozenset("end ends ended ending the a an their its his her of on after over".split())
# "continue strike after court decision": a trigger right after one of these
# is background to the headline's news, not the news (eval/stories heldout).
BACKGROUND = frozenset("after despite following amid".split())
# "Taft stock rises on proposal", "given deadline on buyout proposal": a
# noun trigger after "on" is the cause of the news, not the news
# (eval/stories heldout2 false positives; tuning data).
ON_NOUNS = frozenset("proposal proposals offer offers bid bids plan plans".split())
# "starts to crumble": an inchoative verb before another verb starts nothing.
INCHOATIVE = frozenset("start starts started begin begins began".split())
# "resume lay-off plans": resuming a threat is not a dispute resolved.
NOT_RESOLUTION = frozenset(
    "plan plans lay-off lay-offs layoff layoffs cuts strike strikes attacks attack fighting shelling "
    "bombing raids offensive".split())
RESUME = frozenset("resume resumes resumed resuming".split())
# An investor selling its stake or shares ("New World sells Taft stake",
# "Minstar sold all 10 mln of its Borg-Warner shares") files a 13D: a stake
# report, null by the labelling rules, unless control changes hands.
# (eval/stories heldout2 false positives; tuning data.)
SELL = frozenset("sell sells sold selling divests divested disposes disposed".split())
HOLDING = frozenset("stake stakes shares holding holdings".split())
CONTROL = frozenset("majority controlling control".split())
OBJECT_END = frozenset("to for at and after in".split()) | frozenset(BOUNDARY)
# "talks still stalled", "remain deadlocked": a state that did not change
# (issue 5 round 4, eval/stories heldout3 false positive; tuning data).
STILL = frozenset("still remain remains remained continue continues continued continuing persists".split())
# "terminates an agreement in principle": the agreement is the object undone.
UNDO = frozenset(
    "terminate terminates terminated terminating cancel cancels cancelled canceled scrap scraps scrapped "
    "rescind rescinds rescinded withdraw withdraws withdrew abandon abandons abandoned repudiates "
    "repudiated end ends ended ending".split())
# "banks agreed to extend a waiver": prolonging or amending an existing
# arrangement is routine financing, not a new agreement (heldout3 FP).
PROLONG = frozenset("extend extends extending renew renews waive waives amend amends modify".split())
# "New York money manager": a place, not a new manager.
NEW_PLACES = frozenset("york jersey zealand england hampshire mexico orleans delhi south".split())
# Bare verbs that end a "<noun> to <verb>" match: the "to" marks a future
# ("output to resume"), not a purpose ("files to enjoin").
BARE_VERBS = frozenset("begin start resume open end close restart".split())
DIVIDENDS = frozenset("dividend dividends preferred payout payouts".split())
# A bid "for X shares" is a takeover bid, not a share offering.
BID_OBJECTS = frozenset({"shares", "stock"})
# "X said it offers ...": the party speaks of its own act, as a wire headline
# of a company statement does; only a claim about others is discounted.
SELF = (["it"], ["they"])
# A trigger inside a condition ("prepared to raise its bid if X executes a
# merger agreement", "ready to buy if the ICC rejects") states what would
# happen, not what did; the conditional may sit well before the trigger in
# its clause (v5; eval/stories heldout4 repeat and false positive, tuning).
CONDITIONAL = frozenset("if unless provided providing".split())
CONDITION_REACH = 10
# "said that they have entered into an agreement": "that" after a verb of
# saying introduces the report, it does not make it a relative clause (v5;
# heldout4 status error: a "to merge" headline over that lede).
THAT = "that"
# "is being acquired", "about being acquired": pending, not done (v5).
PROGRESSIVE = frozenset({"being"})
# An approval or vote whose match ends on the verb ("board voted a
# two-for-one stock split payable ...") names its object further on than the
# 3-word routine look-ahead; it runs to this many words for them, up to the
# end of the object phrase (v5; heldout4 false positive, tuning data).
APPROVALS = frozenset("vote votes voted approve approves approved declare declares declared".split())
OBJECT_REACH = 6
# "amends offer conditions": the bid's fine print changed, not the bid (v5).
AMEND_ONLY = frozenset("conditions condition deadline expiration date financing".split())
# "strike ends after offer", "talks end with bid": a preposition between an
# ending verb and the bid makes the bid background, not the thing ended.
ENDING = frozenset("end ends ended ending terminates terminated".split())
BIDS = frozenset("offer offers bid bids".split())
LINKS = frozenset("after with in on over without before as by from".split())
AMENDS = frozenset("amend amends amended revise revises revised".split())
# "clinches debt deal", "to sign formal debt accord": "debt" modifying an
# agreement noun names what the pact is about, not a routine debt sale
# ("sells debt at 8 pct" stays routine). v6, eval/stories heldout5 misses.
DEBT_MODIFIERS = frozenset({"debt"})
DEAL_HEADS = frozenset("deal deals agreement agreements accord accords pact pacts settlement accord".split())
# "the court will hear its request today for a restraining order": an
# order asked for is a filing by the party, not a ruling (v6, eval/stories
# heldout5 status error). Looked for this many words before the order.
REQUEST = frozenset(
    "request requests requested requesting seek seeks seeking sought ask asks asked asking motion "
    "petition petitions application apply applies applied for".split())
REQUEST_REACH = 4
# "HUNT GROUP HAS COMDATA STAKE", "COUNTY INCREASES TESCO STAKE": a stake
# headline with no trigger and no intent is a 13D-type stake report, so its
# lede's "acquired" does not speak; "TECK TO INCREASE STAKE" (an agreement
# in the lede) and "SETS STAKE SALE" still let it (v6, heldout5 FP; corpus
# check).
STAKE_WORDS = frozenset({"stake", "stakes"})
STAKE_FORWARD = frozenset("to will plan plans planned set sets sale sales".split())
# "KLM SEEKS STAKE IN X" (talks in the lede) but not "HAS X STAKE, SEEKS
# INFLUENCE": a seeking verb counts only right before the stake. A target
# repurchasing a raider's stake ("greenmail") usually ends the raider's bid,
# which its lede reports (corpus check).
STAKE_SEEK = frozenset("seek seeks seeking repurchase repurchases repurchased".split())
# "PAKISTAN BIDS FOR IMPORT OF SUGAR", "BIDS FOR OWN SHARES": a tender for
# goods, a lease or a buyback, not a takeover bid (v6 corpus check).
TRADE_OBJECTS = frozenset(
    "import imports export exports tonnes tons shipment shipments cargo cargoes supply supplies tract tracts "
    "lease leases contract contracts own".split())
# "starts negotiations with the banks in New York tomorrow": a start or an
# end dated ahead in its own clause is scheduled, not done (v6, heldout5
# paging error). Only dates that cannot be past: weekday names can.
FUTURE_TIME = frozenset({"tomorrow", "tonight"})
FUTURE_AFTER = frozenset({"next"})
FUTURE_UNITS = frozenset("week month year weekend".split())
FUTURE_REACH = 10
SCHEDULABLE = frozenset({"started", "resolved"})
