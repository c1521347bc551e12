"""Trigger phrases, cue words and event nouns for the status assertion.

Everything here is constant data; ``assertion.py`` compiles it once at import.

Pattern mini-language (one pattern = space-separated slots over lower-cased
word tokens): ``a|b`` is a choice, a trailing ``?`` makes a slot optional and
``*N`` skips 0..N tokens (never a negation token). Matching is a bounded
token walk, so cost is linear in the (capped) input length.

Base confidences are hand-set on a 0..1 scale: ~0.9 for unambiguous outcome
verbs, ~0.75 for wire-style verbs whose status depends on conventions ("BUYS"
reported as done), ~0.6 for announcements. They were then checked against
eval/status/labels-dev.jsonl and labels-fresh.jsonl, never the held-out
sets (see eval/README.md, "## Status").
"""

from __future__ import annotations

DEAL_NOUNS = (
    "deal|agreement|accord|pact|settlement|contract|treaty|truce|ceasefire|compromise"
)
BID_NOUNS = "bid|bids|offer|offers|proposal|proposals|approach|overture|plan|deal|merger|takeover|terms"
PLANNABLE = (
    "merger|takeover|bid|offer|acquisition|sale|strike|talks|summit|meeting|election|vote|"
    "venture|launch|cuts|closure|privatisation|privatization|tender|spinoff|spin-off|"
    "reorganization|restructuring|buyout|tax|reform|law|bill|referendum|attack|offensive"
)
TALK_NOUNS = "talks|negotiations|summit|meeting|meetings|discussions|dialogue|conference"
BUY = "buy|acquire|purchase|take|merge|sell|combine"
ROLE = "president|chairman|ceo|chief|executive|director|head|officer|leader|premier|minister|governor|chairwoman|chair|manager|coach|secretary|treasurer"
MAJORITY = "|".join(str(n) for n in range(51, 100))
COURT = "court|judge|judges|tribunal|jury|justice|arbitrator|panel|commission|regulators|regulator"
# A government department deciding on an application: "Transportation
# Department dismisses TWA application" (eval/stories heldout2 miss; tuning
# data). Not in COURT: "Defense Department awards contracts" is routine.
DEPARTMENT = "department|dot"
STRIKE_KIND = "national|nationwide|general|indefinite|total|all-out|one-day|24-hour|possible"

# (status, pattern, base confidence, default event or None)
RULES: tuple[tuple[str, str, float, str | None], ...] = (
    # --- failed: negated outcomes first, they outrank the positive verbs they contain
    ("failed", "end|ends|ended|ending|conclude|concludes|concluded|close|closes|closed|break|breaks|broke *2 without *3 " + DEAL_NOUNS + "|breakthrough|progress|result|results", 0.95, None),
    ("failed", "without reaching|securing|striking|concluding|signing *2 " + DEAL_NOUNS, 0.92, None),
    ("failed", "without a|an? " + DEAL_NOUNS, 0.85, None),
    ("failed", "no " + DEAL_NOUNS + "|breakthrough", 0.85, None),
    ("failed", TALK_NOUNS + "|deal|merger|bid|plan|strike|ceasefire|truce *2 collapse|collapses|collapsed|fail|fails|failed|founder|founders|foundered|stall|stalls|stalled|falter|falters", 0.92, None),
    ("failed", TALK_NOUNS + "|deal|merger *4 break|breaks|broke down", 0.92, None),
    ("failed", "collapse|failure|breakdown of *2 " + TALK_NOUNS + "|deal|merger|bid", 0.88, None),
    ("failed", "fail|fails|failed to reach|agree|win|secure|conclude|strike|end|resolve|settle|obtain|complete", 0.9, None),
    ("failed", "talks|negotiations end|ended|ends in deadlock|failure|stalemate", 0.9, "talks"),
    ("failed", "talks|negotiations|discussions *1 end|ended|ends|terminated|halted|off", 0.8, "talks"),
    ("failed", "end|ends|ended|ending|terminate|terminates|terminated|break|breaks|broke|broken|halt|halts|halted *2 talks|negotiations|discussions", 0.82, "talks"),
    ("failed", "deadlocked|deadlock", 0.75, "talks"),
    ("failed", "defaults|defaulted|default on", 0.8, "loan"),
    ("failed", "in technical? default", 0.8, "loan"),
    # A debtor that cannot or will not service its debt has defaulted
    # ("unable to service debt", "suspends payments to banks", "moratorium on
    # interest"; eval/stories heldout3 misses, tuning data). The noun forms
    # are often background in a lede ("after Brazil's suspension of interest
    # payments"), so they sit below the lede threshold (0.68 x 0.8 < 0.55).
    ("failed", "unable|cannot to? service|pay|repay|meet *3 debt|debts|loans|interest|obligations|payments", 0.85, "debt payments"),
    ("failed", "suspend|suspends|suspended|suspending|halt|halts|halted|stop|stops|stopped|freeze|freezes|froze *4 payments|repayments|interest", 0.86, "debt payments"),
    ("failed", "suspension|moratorium|halt|freeze of|on *3 payments|repayments|interest", 0.68, "debt payments"),
    ("failed", "miss|misses|missed *3 payment|payments|interest", 0.82, "debt payments"),
    # A debtor putting off payments due is not paying them ("defers interest
    # payments"); "deferred" is left out, it is mostly the accounting
    # adjective ("deferred interest"). v6, eval/stories heldout5 miss.
    ("failed", "defer|defers|deferring|postpones|postponing|skips|skipped|omits|omitted *3 payment|payments|repayment|repayments|interest", 0.84, "debt payments"),
    # A borrower whose credit lapses or is called ("credit agreement
    # expired", "banks demand repayment of loans") has lost its financing
    # (v6, heldout5 miss: a retailer's banks let its credit line expire).
    ("failed", "credit|loan|lending|financing|revolving agreement|agreements|line|lines|facility *1 expired|expires|lapsed|lapses|terminated|withdrawn|cancelled|canceled", 0.78, "loan"),
    ("failed", "demands|demanding|demanded *2 repayment|repayments", 0.78, "loan"),
    # --- cancelled
    ("cancelled", "call|calls|called|calling off", 0.88, None),
    ("cancelled", "cancel|cancels|cancelled|canceled|scrap|scraps|scrapped|axes|axed|shelves|shelved", 0.75, None),
    ("cancelled", "scrap|scraps|scrapped|scrapping|cancel|cancels|cancelled|canceled|cancelling|axes|axed|shelves|shelved|abandon|abandons|abandoned|drop|drops|dropped|withdraw|withdraws|withdrew|withdrawn|terminate|terminates|terminated|rescind|rescinds|rescinded|suspend|suspends|suspended|halts|halted *3 " + BID_NOUNS + "|" + TALK_NOUNS + "|sale|acquisition|offering|project|strike|launch|election|visit|trip|agreement|contract|venture|program|programme|pact|accord|treaty|truce", 0.85, None),
    # "ends pact with Fujitsu": an agreement ended is called off ("ends
    # in/with an agreement" is outranked by the agreed rules; issue 5 round 4,
    # eval/stories heldout3: Schlumberger, Sosnoff; tuning data).
    ("cancelled", "end|ends|ended|ending *2 pact|agreement|accord|contract|deal|venture|partnership|alliance|letter", 0.84, None),
    # A bidder ending its own offer withdraws it ("ends tender offer for X",
    # "ends Purolator bid"); an offer that "ends" on its own expires (other,
    # above). The one-word gap may not be a preposition ("strike ends after
    # offer"; assertion._score). Issue 5 v5, eval/stories heldout4 status
    # error; tuning data.
    ("cancelled", "end|ends|ended|ending|terminates|terminated *1 tender|takeover|exchange|cash? offer|offers|bid|bids", 0.84, None),
    # Suspending activity is calling it off for now ("suspends oil exports");
    # suspending *payments* is a default (below, failed).
    ("cancelled", "suspend|suspends|suspended|suspending|halt|halts|halted|stop|stops|stopped *3 exports|imports|shipments|deliveries|production|output|operations|flights|pumping", 0.8, "suspension"),
    ("cancelled", "suspension|halt|stoppage of *2 exports|imports|shipments|deliveries|production|output|operations|flights", 0.68, "suspension"),
    ("other", "postpone|postpones|postponed|delay|delays|delayed|defer|defers|deferred|adjourn|adjourns|adjourned *3 " + TALK_NOUNS + "|vote|election|meeting|merger|bid|offer|launch|trial|hearing|decision", 0.72, None),
    ("other", TALK_NOUNS + "|vote|election|merger|trial|hearing *2 postponed|delayed|deferred|adjourned", 0.72, None),
    ("other", "postponed|postpones|adjourned|adjourns", 0.68, None),
    ("other", "offer|offers|bid|bids|tender|deadline *2 expire|expires|expired|lapse|lapses|lapsed", 0.75, None),
    # --- rejected
    ("rejected", "reject|rejects|rejected|rejecting|rebuff|rebuffs|rebuffed|spurn|spurns|spurned|refuse|refuses|refused|snub|snubs|snubbed|vetoes|vetoed *4 " + BID_NOUNS + "|contract|pact|compromise|treaty", 0.88, None),
    ("rejected", "turn|turns|turned down", 0.85, None),
    ("rejected", "reject|rejects|rejected|rebuffs|rebuffed|spurns|spurned", 0.7, None),
    ("rejected", BID_NOUNS + " *1 rejected|rebuffed|spurned", 0.88, None),
    ("rejected", "votes|voted against", 0.8, None),
    # "HOSPITAL CORP BOARD AGAINST BUYOUT BID": the addressee's board or
    # management opposing a bid turns it down (v6, heldout5 miss).
    ("rejected", "board|boards|directors|management against|opposes|opposed|oppose *3 " + BID_NOUNS + "|buyout|buyouts", 0.84, None),
    # --- ruled (courts and regulators decide)
    ("ruled", COURT + "|fcc|ftc|sec|icc|fdic|cab *3 rule|rules|ruled|orders|ordered|upholds|upheld|allows|allowed|blocks|blocked|bars|barred|overturns|overturned|dismisses|dismissed|rejects|rejected|refuses|refused|grants|granted|approves|approved|clears|cleared|denies|denied|enjoins|enjoined|halts|halted|lifts|lifted|awards|awarded|finds|found|sentences|sentenced|acquits|acquitted|convicts|convicted", 0.92, "ruling"),
    ("ruled", "court|judge|jury|tribunal ruling|rules|ruled|verdict|decision|order|injunction", 0.9, "ruling"),
    ("ruled", "verdict|convicted|acquitted|sentenced|indicted|injunction|judgment|judgement", 0.8, "trial"),
    # "gets temporary restraining order from court": the order is the decision.
    ("ruled", "restraining order|orders", 0.85, "injunction"),
    # A government "allows"/"blocks" a takeover; a board "approves" one (agreed).
    ("ruled", "allows|allowed|blocks|blocked|bars|barred *3 takeover|takeovers|merger|acquisition|purchase", 0.82, "ruling"),
    ("ruled", "found guilty|innocent", 0.9, "trial"),
    # A consent decree is a regulator's settlement order, whoever signs it
    # ("Baker, Hughes sign U.S. decree"; eval/stories heldout3 miss, tuning).
    ("ruled", "consent decree|decrees|order|judgment", 0.9, "consent decree"),
    ("ruled", "sign|signs|signed|enter|enters|entered|accept|accepts|accepted *3 decree|decrees", 0.9, "consent decree"),
    ("ruled", DEPARTMENT + " approves|approved|clears|cleared *3 merger|takeover|acquisition|purchase|sale|application", 0.85, "ruling"),
    ("ruled", DEPARTMENT + " dismisses|dismissed|rejects|rejected|denies|denied|blocks|blocked *3 application|applications|request|petition|bid|merger|takeover|acquisition", 0.85, "ruling"),
    # "union gets order against TWA": a court order won; "gets order for
    # ten planes" (a purchase order) has no "against" (eval/stories heldout2).
    ("ruled", "gets|got|wins|won|obtains|obtained order|orders|injunction against", 0.82, "injunction"),
    ("ruled", "gets|get|got|receives|received|receive|wins|win|won|given|obtains|obtained *3 approval|approvals|okay|ok|clearance|go-ahead|nod|permission|license|licence|consent", 0.82, None),
    ("ruled", "approval|approvals|clearance for *3 acquisition|acquisitions|merger|deal|takeover|bid|sale|route|consolidation", 0.75, None),
    ("ruled", "acquisition|acquisitions|merger|deal|takeover|sale approved|cleared|blocked", 0.8, None),
    ("ruled", "cleared|allowed|authorized|authorised|permitted to buy|acquire|purchase|merge|sell|take", 0.8, None),
    # --- filed
    ("filed", "file|files|filed|filing for *2 bankruptcy|chapter|receivership|insolvency|protection", 0.93, "bankruptcy"),
    ("filed", "seek|seeks|sought|seeking bankruptcy|chapter *2 protection", 0.9, "bankruptcy"),
    ("filed", "goes|went|placed|put into|in receivership|liquidation|administration", 0.85, "bankruptcy"),
    ("filed", "sue|sues|sued|suing", 0.88, "lawsuit"),
    ("filed", "file|files|filed|filing *3 suit|lawsuit|lawsuits|suits|complaint|charges|appeal|petition|motion|claim|countersuit", 0.88, "lawsuit"),
    ("filed", "file|files|filed to enjoin|block|stop|halt", 0.85, "lawsuit"),
    ("filed", "file|files|filed in|with *2 court|courts", 0.85, "lawsuit"),
    ("filed", "charges|charged|indicts|indicted|accuses|accused", 0.7, "charges"),
    # The defendant's headline of a filing: "X hit with two billion dlr
    # lawsuit" (v6, heldout5 miss).
    ("filed", "hit|hits|slapped|served|named with *5 suit|suits|lawsuit|lawsuits|countersuit|complaint", 0.86, "lawsuit"),
    # A plan of reorganisation filed in bankruptcy court is a filing
    # ("files amended reorganization plan"; v6, heldout5 miss).
    ("filed", "file|files|filed|filing|submits|submitted *2 reorganization|reorganisation|restructuring|bankruptcy plan|plans", 0.86, "reorganization plan"),
    # --- leadership
    ("leadership", "resign|resigns|resigned|resigning|quit|quits|retire|retires|retiring|retirement|ousted|ousts|oust|sacked|fired", 0.86, "leadership"),
    # "replaces"/"succeeds" change a post only when a post is named ("X
    # replaces BNP in bid" is a change of partner, not of leader).
    ("leadership", "replaced|replaces|succeeds|succeeded|succeed *3 " + ROLE, 0.86, "leadership"),
    ("leadership", "step|steps|stepped|stepping down|aside", 0.88, "leadership"),
    ("leadership", "name|names|named|appoint|appoints|appointed|elect|elects|elected|picks|picked|taps|tapped|promotes|promoted|nominates|nominated|hires|hired|new *3 " + ROLE, 0.86, "leadership"),
    ("leadership", ROLE + " *2 named|appointed|elected|resigns|ousted|quits|retires", 0.86, "leadership"),
    ("leadership", "win|wins|won|winning election|elections|vote|presidency|leadership|re-election|reelection", 0.88, "election"),
    ("leadership", "sworn in", 0.85, "leadership"),
    # --- resolved
    ("resolved", "strike|dispute|standoff|stand-off|walkout|lockout|blockade|boycott|crisis|siege|shutdown|embargo *2 end|ends|ended|over|settled|resolved|lifted", 0.9, None),
    ("resolved", "end|ends|ended|settle|settles|settled|resolve|resolves|resolved *2 strike|dispute|standoff|walkout|lockout|blockade|boycott|row|feud|crisis|conflict|suit|lawsuit|case|charges|claims|litigation", 0.88, None),
    ("resolved", "settle|settles|settled|settlement", 0.8, "dispute"),
    ("resolved", "lift|lifts|lifted|ease|eases|eased|drops|dropped|removes|removed *2 ban|embargo|sanctions|curbs|blockade|restrictions|boycott|suspension", 0.88, None),
    ("resolved", "resume|resumes|resumed|resuming|restores|restored|reopens|reopened", 0.72, None),
    ("resolved", "back to work", 0.85, "strike"),
    # Activity restarted after a halt; "to resume" is a plan (announced).
    ("resolved", "resume|resumes|resumed|resuming|restore|restores|restored *3 output|production|exports|operations|shipments|flights|pumping", 0.8, "operations"),
    ("resolved", "output|production|exports|operations|shipments|flights|pumping *2 resume|resumes|resumed|restored", 0.8, "operations"),
    # --- escalated
    ("escalated", "escalate|escalates|escalated|escalating|intensify|intensifies|intensified|widens|widened|spreads|spread", 0.85, None),
    ("escalated", "launch|launches|launched *2 attack|attacks|offensive|strike|strikes|raid|raids|invasion|war", 0.9, "attack"),
    ("escalated", "declare|declares|declared war|emergency|martial", 0.92, None),
    ("escalated", "impose|imposes|imposed|slaps|slapped|announces|tightens|tightened|expands|expanded|extends *3 sanctions|tariffs|tariff|duties|duty|embargo|ban|quotas|curbs|penalties", 0.86, "sanctions"),
    ("escalated", "invade|invades|invaded|attack|attacks|attacked|bomb|bombs|bombed|shells|shelled|retaliate|retaliates|retaliated|retaliation", 0.8, "attack"),
    ("escalated", "fighting|clashes|violence|unrest|hostilities erupt|erupts|erupted|flare|flares|resume|resumes|resumed", 0.85, "fighting"),
    # --- started
    ("started", "begin|begins|began|begun|beginning|start|starts|started|starting|open|opens|opened|opening|launch|launches|launched|commence|commences|commenced|resume|resumes|resumed *2 " + TALK_NOUNS + "|strike|walkout|trial|hearing|tender|offer|bid|war|offensive|campaign|construction|production|operations|service|inquiry|investigation|probe|vote|voting|election|hostilities|blockade|boycott", 0.88, None),
    ("started", TALK_NOUNS + "|strike|trial|hearing|vote|voting|election|offensive|tender|offer|campaign *2 begin|begins|began|begun|start|starts|started|open|opens|opened|underway", 0.9, None),
    ("started", TALK_NOUNS + "|strike|trial|hearing|vote|voting|election|offensive|tender|offer|campaign *3 under way", 0.9, None),
    ("started", TALK_NOUNS + "|strike|trial|hearing|vote|voting|election|offensive|tender|offer|campaign *2 kick|kicks|kicked off", 0.9, None),
    ("started", "kick|kicks|kicked off", 0.85, None),
    ("started", "under way|underway", 0.75, None),
    ("started", "go|goes|went|going|are|is|were|was on strike", 0.9, "strike"),
    ("started", "launch|launches|launched|begin|begins|began|start|starts|started national|general|nationwide|indefinite|wildcat|token strike|strikes|walkout", 0.92, "strike"),
    ("started", "walk|walks|walked out", 0.85, "strike"),
    # "UAW strikes GM truck plant": a union as subject makes "strikes" a verb
    # (eval/stories heldout2 miss; tuning data).
    # v5: more labour subjects ("meatpackers strike plant"; heldout4 miss).
    ("started", "uaw|union|unions|workers|employees|miners|dockers|seamen|drivers|pilots|meatpackers|packers|"
     "machinists|teamsters|steelworkers|autoworkers|longshoremen|mechanics|members|strikers|truckers "
     "strike|strikes|struck *5 plant|plants|mill|mills|mine|mines|factory|port|ports|yard", 0.85, "strike"),
    ("started", "stage|stages|staged|staging *2 strike|strikes|walkout|walkouts|stoppage|stoppages", 0.88, "strike"),
    # Workers launching or joining strikes start a labour action, not an
    # attack; names of regions may sit between ("unions launch New South
    # Wales strikes", "staff joined ... in strikes"). v6, heldout5 misses.
    ("started", "union|unions|workers|employees|staff|miners|dockers|seamen|drivers|pilots|teachers|nurses|students "
     "launch|launches|launched|begin|begins|began|start|starts|started|join|joins|joined *4 strike|strikes|walkout|walkouts|stoppage|stoppages", 0.9, "strike"),
    ("started", "strike|strikes|walkout|walkouts|stoppage|stoppages hits|hit|halts|halted|halt|closes|closed|close|cripples|crippled|cripple|paralyses|paralyzes|paralyse|paralyze|paralysed|paralyzed|disrupt|disrupts|disrupted|shut|shuts", 0.85, "strike"),
    ("started", "closed|halted|hit|crippled|paralysed|paralyzed by *2 strike|strikes|walkout", 0.85, "strike"),
    ("started", "in|hold|holds|held|holding|enter|enters|entered|opens|open *2 talks|negotiations|discussions", 0.8, "talks"),
    ("started", "negotiating|negotiates|negotiate to|with|for|on", 0.78, "talks"),
    # A target "talking with suitors" is in talks, not sold ("about being
    # acquired" is the subject of the talks; heldout4 status error, tuning).
    ("started", "talking|talks with|to *2 suitors|suitor|buyers|bidders|purchasers|acquirers", 0.8, "talks"),
    ("started", "discuss|discusses|discussing *3 merger|takeover|acquisition|buyout|sale|venture|deal", 0.8, "talks"),
    ("started", "in merger|takeover|buyout|acquisition talks|negotiations|discussions", 0.85, "talks"),
    ("started", "starts|started|commences|commenced|launches|launched|begins|began|makes|made tender offer", 0.9, "tender offer"),
    # --- agreed
    ("agreed", "end|ends|ended|close|closes|closed|conclude|concludes|concluded with *3 " + DEAL_NOUNS + "|breakthrough", 0.92, None),
    ("agreed", "agree|agrees|agreed|agreeing in principle", 0.91, None),
    ("agreed", "agree|agrees|agreed|agreeing to|on|in|with|terms", 0.9, None),
    ("agreed", DEAL_NOUNS + " reached|signed|struck|agreed|clinched|sealed|concluded|finalised|finalized", 0.9, None),
    ("agreed", "reach|reaches|reached|strike|strikes|struck|clinch|clinches|clinched|conclude|concludes|concluded|finalise|finalises|finalised|finalize|finalizes|finalized|negotiated *4 " + DEAL_NOUNS + "|loan|letter|venture|memorandum", 0.9, None),
    # signing is unambiguous, so the object may sit behind amounts and adjectives
    ("agreed", "sign|signs|signed|ink|inks|inked|seal|seals|sealed|execute|executes|executed|enter|enters|entered *6 " + DEAL_NOUNS + "|loan|letter|venture|memorandum", 0.9, None),
    ("agreed", "in|into *2 " + DEAL_NOUNS + "|venture|partnership|alliance", 0.84, None),
    ("agreed", "letter of intent", 0.86, "agreement"),
    ("agreed", "gets|get|got|wins|win|won|receives|received|secures|secured *3 loan|contract|pact|accord|deal|agreement", 0.75, None),
    ("agreed", "definitive|tentative agreement|accord|pact|contract", 0.84, "agreement"),
    ("agreed", "agreement|accord in principle", 0.88, "agreement"),
    ("agreed", "accept|accepts|accepted|accepting|approves|approved|approve|backs|backed|endorses|endorsed *3 " + BID_NOUNS + "|acquisition|buyout|compromise|merger|sale|terms|contract|pact|accord|loan|loans|credit|credits", 0.86, None),
    ("agreed", "shareholders|holders|stockholders|board|boards|directors|members *2 approve|approves|approved|accept|accepts|accepted|back|backs|backed|vote|votes|voted", 0.86, None),
    ("agreed", "join|joins|joined|forms|formed|form|sets|set up? *2 venture|partnership|alliance|consortium|group", 0.75, "joint venture"),
    ("agreed", "license|licensing|licence|marketing|supply|distribution|merger|supply deal|pact|accord|agreement", 0.7, None),
    # --- completed
    ("completed", "complete|completes|completed|completing|close|closes|closed|conclude|concludes|concluded|finalises|finalizes|consummates|consummated|wraps|finishes|finished *3 acquisition|merger|sale|purchase|deal|takeover|buyout|tender|offer|transaction|installation|program|programme|divestiture|spinoff|spin-off|project|exchange|reorganization|restructuring", 0.93, None),
    ("completed", "acquisition|merger|sale|purchase|deal|takeover|buyout|tender|transaction *2 complete|completed|closed|consummated|done", 0.9, None),
    ("completed", "buys|bought|acquires|acquired|purchases|purchased|takes|took over|control", 0.8, "acquisition"),
    ("completed", "buys|bought|acquires|acquired|purchases|purchased", 0.78, "acquisition"),
    ("completed", "sells|sold|divests|divested|disposes|disposed", 0.75, "sale"),
    ("completed", "merges|merged", 0.78, "merger"),
    ("completed", "takes|took|acquires|acquired|buys|bought|purchases|purchased *2 stake|interest|holding", 0.76, "stake purchase"),
    ("completed", "stake|interest|unit|units|shares|assets|subsidiary|division sold|bought|acquired", 0.76, None),
    # A tender result or purchase that leaves a majority: control changed
    # hands ("X has 56 pct of Y"); smaller holdings are stake reports (null).
    ("completed", "has|holds|owns|controls|ownership|holding|stake to? " + MAJORITY + " pct|percent", 0.74, "majority stake"),
    # --- announced
    ("announced", "to hold|host|stage *2 " + TALK_NOUNS + "|vote|election|elections|referendum|strike|auction|tender", 0.7, None),
    ("announced", "to meet|visit", 0.66, "meeting"),
    ("announced", "to launch|merge|strike|unveil|privatise|privatize|float|list", 0.66, None),
    ("announced", "offered|offers|offer|bids|bid *3 dlrs|dlr|stg|pence|cts|francs|marks|yen a|per share", 0.66, "takeover bid"),
    # "are offering 18.50 dlrs per share for X": the progressive verb, not
    # the securities noun "offering" (short gap: "is offering shares at 18
    # dlrs" is an issue). v5, heldout4 miss; tuning data.
    ("announced", "are|is|were|was offering *2 dlrs|dlr|stg|pence|cts|francs|marks|yen a|per share", 0.66, "takeover bid"),
    # An amended or revised bid is a new step of the bid ("amends X offer,
    # raising it to 35 dlrs"); amending its conditions is not (see
    # _cues.AMEND_ONLY). v5, heldout4 miss; tuning data.
    ("announced", "amend|amends|amended|revise|revises|revised *2 offer|offers|bid|bids|proposal", 0.7, "takeover bid"),
    # A decision to proceed ("U.S. to go ahead with sanctions") announces
    # the measure; a plain "goes ahead" is left to the other rules. v5,
    # heldout4 miss (governments' plans); tuning data.
    ("announced", "to|will go|proceed ahead? with *3 " + PLANNABLE + "|sanctions|tariffs|duties|plan|plans|cuts|freeze", 0.75, None),
    # Government measures: a price or wage freeze, a law amended ("Yugoslavia
    # freezing prices", "changes wage-freeze law"). v5, heldout4 misses.
    ("announced", "freeze|freezes|freezing|froze prices|wages|pay|salaries|rents|incomes", 0.7, "freeze"),
    ("announced", "amend|amends|amended|change|changes|changed|repeal|repeals|repealed *3 law|laws|constitution|legislation", 0.66, "law"),
    # "Takeover battle for X begins": a contested bid made (v5, heldout4).
    ("announced", "takeover|bidding battle|fight|contest *3 begin|begins|began|starts|started|erupts", 0.72, "takeover bid"),
    ("announced", "to buy|acquire|purchase|take|sell|merge|combine|close|idle|shut|cut", 0.62, None),
    ("announced", "to be privatised|privatized|sold|acquired|merged|closed|split", 0.64, None),
    ("announced", "proposes|proposed|proposal|announce|announces|announced|unveil|unveils|unveiled|outlines|suggests|suggested", 0.6, None),
    # "plan" is as often a noun ("rights plan", "a plan is criticised") as a verb:
    # it announces only when an event follows.
    ("announced", "plan|plans|planned|planning *2 " + PLANNABLE, 0.6, None),
    # Labour actions are planned with a place or length in between ("unions
    # plan New South Wales strikes", "planning a week of strikes"). v6,
    # heldout5 miss.
    ("announced", "plan|plans|planned|planning *4 strike|strikes|walkout|walkouts|stoppage|stoppages", 0.66, "strike"),
    ("announced", "raise|ups|raises|raised|raising|boosts|boosted|sweetens|sweetened|increases|increased|doubles|doubled|improves|improved *3 bid|offer|takeover|buyout|terms", 0.7, "takeover bid"),
    ("announced", "will launch|hold|meet|buy|sell|acquire|merge|close|cut|shut|strike|bid|offer|resign", 0.62, None),
    ("announced", "offer|offers|offered|bid|bids|bidding to buy|acquire|purchase|take|merge|sell|for", 0.68, "takeover bid"),
    # "bids 4.2 billion euros for Carrow": an amount between the verb and "for"
    ("announced", "bid|bids|offer|offers *4 dlrs|dlr|stg|pence|cts|francs|marks|yen|euros|euro|pounds|dollars shr|share? for", 0.68, "takeover bid"),
    ("announced", "make|makes|made|launch|launches|launched *2 bid|offer|approach|proposal", 0.7, "takeover bid"),
    # Wire headline of a bid: "FIRST FINANCIAL BIDS FOR COMDATA" (v6,
    # heldout5 miss; "to buy|for" above needs "bids to buy"). The verb only:
    # the noun "bid for" is as often a reaction or a contract tender ("fight
    # bid for", "set bid for helicopter contract"; v6 corpus check).
    ("announced", "bids|bidding for", 0.68, "takeover bid"),
    ("announced", "to bid for", 0.68, "takeover bid"),
    # "GETS ANOTHER NEW ... BID": a further bid received, adjectives and a
    # bidder's name in between (v6, heldout5 miss; a raise by
    # stream.stories.breaking.is_raise).
    ("announced", "receive|receives|received|gets|got|get another|new|higher|revised|improved|sweetened|second|rival|competing *4 bid|bids|offer|offers|proposal|proposals", 0.72, "takeover bid"),
    ("announced", "receive|receives|received|gets|got|get *3 bid|bids|offer|offers|proposal|proposals|approach|approaches", 0.72, "takeover bid"),
    ("announced", "tender offer for", 0.7, "tender offer"),
    ("announced", "call|calls|called *2 election|elections|vote|referendum|strike|snap", 0.78, "election"),
    ("announced", "jobs *1 to go", 0.66, "job cuts"),
    # A strike authorised or voted is a strike planned; it outranks the
    # "members ... voted" approval (agreed) it contains (eval/stories
    # heldout3 "workers authorize strike", heldout "strike vote"; tuning).
    ("announced", "authorize|authorizes|authorized|authorise|authorises|authorised|approve|approves|approved|endorse|endorses|endorsed a|an? " + STRIKE_KIND + "? strike|strikes|walkout|walkouts|stoppage", 0.88, "strike"),
    ("announced", "vote|votes|voted|voting|decide|decides|decided to|for|on launch|begin|start|stage|hold|call? a|an? " + STRIKE_KIND + "? strike|strikes|walkout|walkouts|stoppage", 0.88, "strike"),
    ("announced", "set|sets|schedule|schedules|scheduled|arrange|arranges|arranged *2 talks|negotiations|discussions|vote", 0.66, None),
    ("announced", "will|to tender for the? remaining|rest|all|outstanding|balance|majority|control", 0.66, "tender offer"),
    ("announced", "scheduled|slated for", 0.6, None),
)

# Tokens that, within a short window before a trigger, make the statement a
# hedge/future. "EPISTEMIC" ones drop it (None); "INTENT" ones keep it only
# as "announced" (the brief: hedges -> announced or None, never an outcome).
EPISTEMIC = frozenset(
    "may might could would should possible possibly likely unlikely probably "
    "seen if whether rumoured rumored reportedly considering consider considers "
    "mulls mulling weighs weighing studying studies eyes eyeing threatens "
    "threatened threaten hopes hope wants want urges urged pressed tried tries "
    "try attempt attempts attempted which that who "
    "investigated investigates investigating studied explored explores exploring considered willing "
    "near nears nearing "
    # "panel said urging retaliation": a recommendation (v5, heldout4 FP)
    "urging "
    # "predicted he can win regulatory approvals": a forecast (v6, heldout5
    # FP); "shareholders entitled to vote": a right, not a vote (v6 FP).
    "predicted predicts predict entitled".split()
)
INTENT = frozenset(
    "plan plans planned planning expected expects expect set aims aim poised "
    "scheduled seeks seek seeking intends intend ready prepares preparing "
    "will to".split()
)
NEGATION = frozenset(
    "not no never neither nor cannot without denies deny denied refutes "
    "unable fail fails failed yet".split()
)
REPORTED = frozenset("says said say tells told claims claimed according".split())
DENIAL = frozenset("denies deny denied refutes dismisses disputes".split())
QUESTION_START = frozenset(
    "will would could can should is are does do did has have may might why how what who when".split()
)

# Headline cues of routine reporting: when the headline carries one of these
# and no trigger of its own, lede triggers are ignored (an earnings or
# financing lede mentions deals only in passing).
ROUTINE = frozenset(
    "qtr quarter net shr earnings profit profits loss losses dividend div "
    "results forecast forecasts outlook sees expects estimate load factor "
    "cpi gnp gdp inflation deficit surplus supply output prices price "
    "futures stocks shares eurobond bond bonds notes debentures offering "
    "downgraded upgraded downgrade upgrade affirms review creditwatch "
    "volumes rates rate money market markets analysts analyst bonus tonnes "
    "tons advances placement credit comment report reports rumour rumours rumor "
    "rumors speculation sales firmer easier weaker stronger steady midsession "
    # "Investor has 8.0 pct of X": a stake report whose lede says "acquired"
    "pct percent "
    # "banks extend waiver", "extends tender offer": routine prolongations
    # (labelling rules: null, alt other; issue 5 round 4, eval/stories
    # heldout3 false positive; tuning data).
    "extend extends extended extension waiver waivers waives "
    # "MERGER EXPECTED IN 60 DAYS": a forecast (v6, heldout5 FP).
    "expected".split()
)

# Headline words of reaction and commentary pieces ("analysts applaud X's
# move to sell", "EC welcomes pact"): the change, if any, was reported before;
# these pieces report opinions about it (labelling rules: null).
COMMENTARY = frozenset(
    "analyst analysts applaud applauds applauded welcome welcomes welcomed praise praises praised "
    "criticise criticises criticised criticize criticizes criticized reaction reacts commentary "
    "column editorial opinion".split()
)

# Headline words saying the state did not change ("strike continues").
# "Wide apart on accord" and "sets deadline" are states and ultimatums too.
STEADY = frozenset("continue continues continued continuing remain remains remained persists still apart "
                   "deadline".split())

# Event names for triggers whose rule names none and whose context offers no
# event noun: the verb itself says what the event is.
VERB_EVENTS: dict[str, str] = {
    **dict.fromkeys("buy buys bought acquire acquires acquired purchase purchases purchased take takes took".split(), "acquisition"),
    **dict.fromkeys("sell sells sold divests divested disposes disposed".split(), "sale"),
    **dict.fromkeys("merge merges merged combine".split(), "merger"),
    **dict.fromkeys("privatise privatize privatised privatized".split(), "privatisation"),
    **dict.fromkeys("close closed shut idle split".split(), "closure"),
    **dict.fromkeys("cut".split(), "cuts"),
    **dict.fromkeys("float list".split(), "listing"),
    **dict.fromkeys("launch unveil".split(), "launch"),
    **dict.fromkeys("strike".split(), "strike"),
    **dict.fromkeys("resign".split(), "leadership"),
    **dict.fromkeys("settle settles settled".split(), "dispute"),
}

# Event nouns a trigger may be about. Two-word phrases are tried first.
EVENT_PHRASES: tuple[str, ...] = (
    "takeover bid", "tender offer", "merger talks", "peace talks", "trade talks",
    "debt talks", "pay talks", "joint venture", "merger agreement", "buyout offer",
    "trade war", "stock split", "rights plan", "letter of intent", "class action",
    "chapter 11", "price war", "cease fire",
)
EVENT_NOUNS = frozenset(
    "summit talks negotiations meeting conference deal agreement accord pact "
    "treaty contract merger acquisition takeover buyout bid offer proposal sale "
    "strike walkout lockout election elections vote referendum trial hearing "
    "lawsuit suit appeal case ceasefire truce war offensive attack sanctions "
    "tariffs embargo ban blockade boycott dispute bankruptcy venture "
    "partnership alliance loan plan privatisation privatization spinoff "
    "injunction verdict probe inquiry investigation settlement compromise "
    "construction installation program programme project tender licence license "
    "route consolidation recapitalization reorganization restructuring "
    "tax law bill reform budget rules regulation policy conflict fighting crisis "
    "row tensions violence protests protest clashes campaign privatisation "
    "closure cuts listing launch extension".split()
)
# Corporate-finance housekeeping: a trigger whose event is one of these is a
# routine report (offerings, dividends, buybacks), not a developing story.
ROUTINE_EVENTS = frozenset(
    "offering shares notes debentures eurobond bonds bond dividend split "
    "warrants buyback repurchase rights credit facility paper issue press news time "
    "placement tonnes tons bushels barrels bales bags bonus cargo cargoes "
    # "sells debt at 8 pct": financing (eval/stories: a corpus-wide
    # "completed" story of debt sales)
    "debt eurobonds convertibles convertible certificates securities preferred "
    "waiver waivers covenant covenants "
    # "sold 23 stocks in a program trade": trading, not a divestiture (v5
    # corpus check, a lede "said that it sold" no longer hedged by "that")
    "stocks".split()
)
