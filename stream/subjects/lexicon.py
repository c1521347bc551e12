"""Hand-built weighted news lexicon: terms and phrases -> IPTC Media Topics codes.

Written from general knowledge of news vocabulary, not learned from any corpus
(BBC and Reuters-21578 are research-only; they are used by ``eval/subjects.py``
to measure, never to fit). Codes are IPTC Media Topics (CC BY 4.0, IPTC); see
:mod:`stream.subjects.taxonomy`.

Each entry is ``(code, weight, "term|term|...")``; ``medtop:`` is implied for
bare 8-digit codes. Terms are normalised with the shared tokenizer at automaton
build time, and a plural ``-s`` variant of the last word is added there, so
singular forms suffice. A term may appear under several codes.

Weight scale (hand-set, not fitted): 3 = unambiguous for the topic ("takeover
bid", "penalty shoot-out"); 2 = typical and rarely misleading ("striker",
"inflation"); 1 = supporting but ambiguous ("market", "match"); 0.5 = weak hint.
Evidence for a child code also counts for all its ancestors, so a term is put
at the deepest code it really implies.
"""

from __future__ import annotations

LEXICON: tuple[tuple[str, float, str], ...] = (
    # --- 01 arts, culture, entertainment and media ---------------------------
    ("01000000", 1.0, "entertainment|showbiz|show business|celebrity news|pop culture"),
    ("20000002", 1.5, "box office|premiere|starring|starred|co star|blockbuster|hollywood|"
     "bollywood|red carpet|showbusiness|comedian|comedy|sitcom"),
    ("20000005", 2.0, "film|movie|cinema|film festival|oscar|academy award|bafta|golden globe|"
     "screenplay|screenwriter|film director|film maker|filmmaker|box office|"
     "sequel|actor|actress|best actor|best actress|best picture|"
     "best director|documentary film|animated film|cannes|sundance|"
     "berlin film festival"),
    ("20000018", 2.0, "music|album|single|singer|songwriter|band|rock band|pop star|rapper|"
     "hip hop|concert|tour dates|chart|top of the charts|number one single|"
     "grammy|brit award|mtv|record label|guitarist|drummer|lyrics|song|gig|"
     "orchestra|opera|symphony|musician|festival line up|glastonbury|"
     "eurovision"),
    ("20000029", 2.0, "theatre|theater|west end|broadway|stage play|playwright|musical|"
     "pantomime|stage production"),
    ("20000013", 2.0, "novel|novelist|author|book prize|booker prize|bestseller|bestselling|"
     "poet|poetry|literary|publisher|memoir"),
    ("20000031", 2.0, "painting|painter|sculpture|sculptor|art gallery|exhibition|artwork|"
     "turner prize|photography exhibition"),
    ("20000002", 2.0, "ballet|dancer|choreographer"),
    ("20000011", 2.0, "fashion|fashion week|catwalk|designer label|supermodel|couture"),
    ("20000051", 2.0, "tv series|television series|drama series|sitcom|soap opera|episode|"
     "reality show|reality tv|talent show"),
    ("20000002", 1.5, "arts festival|music festival|edinburgh festival"),
    ("20000043", 2.0, "museum|library|libraries|gallery"),
    ("20000038", 2.0, "heritage site|world heritage|monument|listed building"),
    ("20000045", 1.5, "media|broadcaster|broadcasting|press freedom"),
    ("20000045", 1.5, "journalist|journalism|newsroom|editor|reporter"),
    ("20000047", 2.0, "newspaper|tabloid|broadsheet"),
    ("20000050", 2.0, "radio|radio station|radio show|dj|radio 1|bbc radio"),
    ("20000051", 2.0, "television|tv|tv show|channel 4|itv|bbc one|bbc two|viewers|ratings|"
     "presenter|tv presenter|sky one|prime time"),
    ("20001182", 2.0, "social media|twitter|facebook|instagram|tiktok|youtube|tweeted|tweet|"
     "influencer"),
    ("20001319", 2.5, "disinformation|misinformation|fake news|conspiracy theory"),
    # --- 02 crime, law and justice ------------------------------------------
    ("02000000", 1.0, "crime|criminal|justice|unlawful|illegal"),
    ("20000082", 1.5, "gang|gunman|gunmen|suspect|victim|offender|offence|stabbing|assault|"
     "attacker|burglary|crime rate"),
    ("20000086", 3.0, "cyber crime|cybercrime|hacker|hacking|hacked|ransomware|phishing|"
     "data breach|identity theft|cyber attack|cyberattack|malware|spyware"),
    ("20000087", 2.0, "corporate crime|accounting scandal|price fixing|cartel"),
    ("20000087", 3.0, "insider trading|insider dealing"),
    ("20000093", 2.5, "corruption|corrupt|graft|embezzlement|embezzled|kickback|"
     "money laundering|laundering"),
    ("20000093", 3.0, "bribery|bribe|bribes|bribed"),
    ("20000096", 3.0, "drug trafficking|drug trafficker|drug cartel|drug lord|cocaine|heroin|"
     "narcotics|drug smuggling|drug dealer"),
    ("20000097", 2.5, "fraud|fraudulent|fraudster|scam|ponzi|swindle|forgery|counterfeit"),
    ("20000097", 3.0, "tax evasion|tax fraud|tax avoidance"),
    ("20000099", 3.0, "murder|murdered|homicide|manslaughter|killer|stabbed to death|"
     "shot dead|murder inquiry|serial killer"),
    ("20000100", 3.0, "kidnapping|kidnapped|kidnappers|abducted|abduction|hostage|ransom"),
    ("20000101", 2.5, "organised crime|organized crime|mafia|mob boss|crime syndicate"),
    ("20000103", 2.5, "terrorism|terrorist|terror suspect|anti terror|counter terrorism|"
     "al qaeda|islamic state|isis|jihadist|extremist|radicalisation|"
     "terror plot"),
    ("20000104", 2.5, "robbery|robbed|theft|stolen|thief|thieves|burglar|looting|shoplifting"),
    ("20001313", 2.5, "mass shooting|gunfire|opened fire|shooter"),
    ("20000082", 3.0, "people smuggling|human trafficking|people trafficking|smuggling gang"),
    ("20000106", 1.0, "judiciary|judicial|lawyer|attorney|barrister|solicitor|legal action"),
    ("20000107", 1.5, "court|courtroom|judge|jury|magistrate|tribunal|hearing|ruling|ruled|"
     "verdict|lawsuit|sued|sue|plaintiff|defendant|testimony|testified|"
     "testify|witness|high court|court of appeal|appeal court"),
    ("20000111", 2.5, "trial|retrial|stood trial|on trial|pleaded guilty|pleaded not guilty|"
     "found guilty|acquitted|acquittal|convicted|conviction|guilty|innocent|"
     "jurors"),
    ("20000111", 2.5, "sentenced|sentence|jailed|jail term|prison sentence|life sentence|"
     "years in prison|community service|suspended sentence"),
    ("20000137", 2.5, "prison|prisoner|jail|inmate|prison time|imprisoned|imprisonment|"
     "behind bars|custody"),
    ("20000111", 3.0, "death penalty|death sentence|execution|executed|death row|"
     "capital punishment"),
    ("20000114", 2.5, "litigation|class action|lawsuit|legal battle|damages|settlement|"
     "injunction|libel|defamation|copyright infringement"),
    ("20000107", 3.0, "supreme court|high court judge|constitutional court|law lords|law lord"),
    ("20000118", 2.5, "prosecutor|prosecutors|prosecution|prosecuted|charged with|indicted|"
     "indictment|crown prosecution service|attorney general|"
     "district attorney"),
    ("20000121", 1.0, "law|legislation|legal|statute|bill becomes law"),
    ("20000124", 2.0, "regulation|regulations|regulatory|regulator|watchdog"),
    ("20000123", 3.0, "antitrust|anti trust|competition commission|competition authority|"
     "monopoly|monopolies|competition watchdog|anti competitive|"
     "abuse of dominance"),
    ("20000126", 3.0, "extradition|extradited|extradite"),
    ("20000126", 3.0, "international criminal court|icc|international court of justice|"
     "war crimes tribunal|the hague"),
    ("20000130", 2.5, "arrest|arrested|detained|detention|held without charge"),
    ("20000131", 2.0, "investigation|investigators|inquiry|probe|criminal investigation|fbi|"
     "scotland yard|detective|detectives|forensic"),
    ("20000133", 2.5, "police|policeman|police officer|constable|sheriff|police chief|"
     "met police|metropolitan police|patrol|riot police"),
    # --- 03 disaster, accident and emergency incident -------------------------
    ("03000000", 1.0, "disaster|emergency|victims|death toll|casualties|survivors|rescue|"
     "rescuers|rescued|evacuated|evacuation"),
    ("20000139", 2.0, "accident|collision|collided|derailed|derailment"),
    ("20000143", 3.0, "plane crash|air crash|air disaster|airliner crashed|black box|"
     "helicopter crash|emergency landing"),
    ("20000143", 3.0, "shipwreck|capsized|ferry disaster|sank|sinking|ran aground"),
    ("20000143", 3.0, "train crash|rail crash|derailment|derailed"),
    ("20000143", 3.0, "car crash|road accident|traffic accident|pile up|hit and run|bus crash"),
    ("20000140", 2.5, "explosion|blast|exploded|gas leak"),
    ("20000150", 2.5, "blaze|firefighters|fire brigade|burned down|flames"),
    ("20000150", 3.0, "wildfire|bushfire|forest fire"),
    ("20000151", 2.0, "natural disaster|disaster relief|aftershock"),
    ("20000153", 3.0, "earthquake|quake|richter scale|seismic"),
    ("20000154", 3.0, "flood|flooding|floods|flooded|flash flood|monsoon"),
    ("20000151", 2.5, "drought|water shortage|crop failure"),
    ("20001280", 3.0, "hurricane|typhoon|cyclone|tropical storm"),
    ("20000151", 3.0, "volcano|volcanic|eruption|lava"),
    ("20000151", 3.0, "tsunami"),
    ("20000149", 3.0, "famine|starvation"),
    ("20000168", 2.0, "emergency services|emergency response|paramedics|ambulance|"
     "search and rescue|aid agencies|relief effort|relief operation"),
    # --- 04 economy, business and finance ------------------------------------
    ("04000000", 1.0, "economy|economic|business|company|companies|firm|industry|market|"
     "markets|investor|investors|sales|profit|profits|revenue|revenues|"
     "turnover|dlrs|shares|analyst|analysts|chief executive|ceo|customers|"
     "consumer|corp|inc|plc|ltd|co|financial|finance|fiscal|quarter|"
     "year on year|cts"),
    ("20000170", 1.0, "subsidiary|unit|division|group said|company said|corporate"),
    ("20000174", 3.0, "bankruptcy|bankrupt|chapter 11|insolvency|insolvent|administrators|"
     "receivership|liquidation|creditors"),
    ("20000396", 2.0, "stock|stocks|share price|shares rose|shares fell|stock market|"
     "stock exchange|nyse|nasdaq|ftse|dow jones|nikkei|dax|equities|"
     "shareholder|shareholders|stake|market value|market capitalisation|"
     "market capitalization|common stock|preferred stock|outstanding shares|"
     "securities"),
    ("20000187", 3.0, "flotation|initial public offering|ipo|stock market debut|go public"),
    ("20000177", 3.0, "dividend|dividends|qtly div|div|record date|stock split"),
    ("20000396", 3.0, "share buyback|buyback|share repurchase|repurchase"),
    ("20000189", 3.0, "job cuts|layoffs|laid off|redundancies|redundancy|cut jobs|axe jobs|"
     "shed jobs|job losses|workforce reduction"),
    ("20000190", 2.0, "chief executive|chairman|chief financial officer|managing director|"
     "boss|resigned as chief|stepped down|appointed|"
     "president and chief executive"),
    ("20000178", 3.0, "earnings|quarterly profit|annual profit|pre tax profit|pretax profit|"
     "net profit|net income|net loss|operating profit|profit warning|shr|"
     "revs|qtr|nine mths|six mths|year net|per share|earnings per share|"
     "profits fell|profits rose"),
    ("20000176", 3.0, "credit rating|downgrade|downgraded|upgraded|moody's|moody|"
     "standard and poor's|standard and poor|fitch|junk status"),
    ("20000204", 3.0, "merger|mergers|acquisition|acquisitions|acquire|acquired|acquires|"
     "takeover|takeover bid|buyout|tender offer|hostile bid|merge|merged|"
     "agreed to buy|stake in|acquiring|definitive agreement|letter of intent"),
    ("20001366", 3.0, "joint venture"),
    ("20001366", 3.0, "leveraged buyout|lbo|private equity"),
    ("20000199", 2.5, "shareholder meeting|annual meeting|proxy|activist investor|"
     "shareholders approved|shareholder vote"),
    ("20000192", 2.0, "new product"),
    ("20000206", 3.0, "patent|patents|copyright|trademark|intellectual property|piracy|"
     "file sharing|pirated"),
    ("20000192", 3.0, "product recall|recall|recalled"),
    ("20000210", 2.5, "agriculture|agricultural|farm|farmer|farmers|farming|crop|crops|"
     "harvest|grain|wheat|corn|maize|barley|rice|soybean|soybeans|soy|"
     "oilseed|cotton|sugar|cocoa|coffee|livestock|cattle|hog|pork|beef|dairy|"
     "usda|bushels|acreage|planting|fertiliser|fertilizer|sorghum|oats|"
     "rapeseed|palm oil|vegetable oil|soymeal|feed grain|cane|crop year"),
    ("20000763", 2.0, "technology|tech|computer|computing|internet|online|web|website|"
     "broadband|digital|it industry|e commerce|silicon valley|microsoft|"
     "google|apple|ibm|intel|yahoo|amazon|ebay|nokia|sony|samsung"),
    ("20000763", 2.5, "pc|pcs|laptop|desktop|hardware|processor|chip|chips|server|handset|"
     "smartphone|iphone|ipod|tablet|device|gadget|gadgets|console|"
     "playstation|xbox|nintendo"),
    ("20000225", 3.0, "semiconductor|semiconductors|microchip|chipmaker|memory chip"),
    ("20000763", 2.5, "software|operating system|windows|linux|open source|browser|firefox|"
     "internet explorer|app|apps|search engine|anti virus|spam|email|e mail|"
     "spyware|firewall"),
    ("20000233", 2.5, "telecom|telecoms|telecommunications|mobile operator|network operator|"
     "vodafone|bt|at&t|at t|verizon|landline|phone company|telecoms firm"),
    # Handsets and access are technology news first, telecoms business second.
    ("20000233", 1.0, "mobile phone|mobile phones|phone|phones|broadband|3g|voip|mobile"),
    ("20000763", 2.5, "mobile phone|mobile phones|phone|phones|broadband|3g|voip|mobile|"
     "handset|smartphone|camera phone|text message|text messages|sms"),
    ("20000763", 2.5, "wireless|wi fi|wifi|bluetooth|wimax"),
    ("20000235", 2.0, "construction|housebuilder|property|real estate|developer|"
     "building contract|infrastructure"),
    ("20001368", 2.5, "house prices|housing market|home sales|housing starts|homebuyers|"
     "home buyers|housing"),
    ("20000243", 1.5, "consumer goods|brand|brands|clothing|retail goods|toy|cosmetics"),
    ("20000256", 2.0, "energy|power station|power plant|fuel|energy company"),
    ("20000257", 3.0, "renewable energy|renewables|solar power|wind farm|wind power|"
     "solar panel|clean energy|biofuel|ethanol"),
    ("20000256", 3.0, "coal|coal mine|coal miners|colliery"),
    ("20000265", 3.0, "nuclear power|nuclear plant|nuclear reactor|nuclear power station|"
     "nuclear energy"),
    ("20001243", 3.0, "oil|crude|crude oil|oil price|oil prices|barrel|barrels|bpd|opec|"
     "petroleum|oil company|oil field|oilfield|refinery|refining|oil output|"
     "oil production|brent|west texas|wti|oil and gas|oil exports|"
     "posted price|oil minister|exxon|bp|chevron|texaco|mobil|saudi aramco"),
    ("20000263", 3.0, "natural gas|gas pipeline|lng|gas field|gas supplies|gazprom|cubic feet|"
     "gas prices"),
    ("20001243", 3.0, "gasoline|petrol|diesel|heating oil|fuel oil|unleaded"),
    ("20000294", 1.5, "manufacturing|manufacturer|factory|factories|plant|assembly line|"
     "engineering|production line"),
    ("20000295", 3.0, "aerospace|boeing|airbus|aircraft maker|jet engine|rolls royce|lockheed|"
     "aircraft"),
    ("20000296", 3.0, "carmaker|car maker|automaker|auto maker|car industry|car sales|vehicle|"
     "vehicles|cars|general motors|gm|ford|toyota|volkswagen|vw|honda|nissan|"
     "chrysler|fiat|renault|bmw|daimler|mercedes|peugeot|auto industry|"
     "auto sales|motor industry"),
    ("20000294", 2.5, "defence contractor|defense contractor|arms maker|arms deal|arms sales|"
     "weapons maker|bae systems"),
    ("20000316", 2.5, "mining|miner|mine|mines|copper|aluminium|aluminum|zinc|nickel|iron ore|"
     "steel|steelmaker|tin|lead|ore|smelter|metals|mineral"),
    ("20000316", 3.0, "gold|silver|platinum|diamonds|ounce|ounces|bullion|precious metal"),
    ("20000331", 2.0, "tourism|tourists|tourist|holidaymakers|hotel|hotels|resort|"
     "travel industry|travel agent|tour operator|package holiday"),
    ("20000338", 3.0, "airline|airlines|carrier|flights|airport|airports|passengers|"
     "british airways|easyjet|ryanair|lufthansa|air france|klm|aviation|"
     "fares"),
    ("20000337", 3.0, "rail|railway|railways|train operator|trains|railroad|rail network|"
     "network rail"),
    ("20000343", 3.0, "shipping|tanker|tankers|cargo|freight|dockers|shipowners|seamen"),
    ("20000260", 2.0, "utility|utilities|water company|energy supplier"),
    ("20000260", 2.5, "electricity|power grid|power cuts|blackout|kilowatt|megawatt|"
     "electric utility|power supplies"),
    ("20000252", 3.0, "retail|retailer|retailers|shop|shops|shopping|high street|store|stores|"
     "supermarket|supermarkets|tesco|sainsbury|asda|wal mart|walmart|"
     "marks and spencer|christmas trading|like for like|sales volumes|"
     "shoppers|department store"),
    ("20000252", 3.0, "online shopping|online retailer|e commerce|online sales|ebay|amazon"),
    ("20000223", 3.0, "pharmaceutical|pharmaceuticals|drugmaker|drug maker|drug company|"
     "pfizer|glaxosmithkline|merck|astrazeneca|novartis|drugs firm"),
    ("20000378", 1.5, "financial services|fund manager|asset manager|brokerage|broker"),
    ("20000274", 3.0, "bank|banks|banking|banker|bankers|lender|lenders|deposits|"
     "savings and loan|thrift|barclays|hsbc|citigroup|lloyds|jp morgan|"
     "goldman sachs|morgan stanley|merrill lynch|bank holding company|"
     "bancorp|bancshares|financial corp"),
    ("20000279", 3.0, "insurance|insurer|insurers|reinsurance|underwriter|premiums|"
     "lloyd's of london|aviva|allianz|policyholders"),
    ("20000344", 1.5, "economy|economic|economist|economists|economic policy"),
    ("20000344", 1.5, "macroeconomic|economic outlook|economic data|forecast growth"),
    ("20000347", 3.0, "bond|bonds|treasury bonds|gilts|yields|treasuries|debentures|notes due|"
     "coupon|maturity|eurobond"),
    ("20000348", 2.0, "budget|budgets|budget deficit|spending plans|pre budget"),
    ("20000350", 3.0, "central bank|federal reserve|bank of england|european central bank|ecb|"
     "bank of japan|bundesbank|monetary policy committee|reserve bank|"
     "rate setters|foreign exchange reserves"),
    ("20000351", 1.5, "consumer|consumers|consumer spending|spending|households"),
    ("20000351", 3.0, "consumer confidence|consumer sentiment"),
    ("20000354", 2.5, "debt|debts|borrowing|credit|loan|loans|creditors|lending|borrowers|"
     "default|debt crisis|rescheduling|paris club|debt relief"),
    ("20000391", 2.0, "currency|currencies|dollar|euro|sterling|pound|yen|franc|yuan|"
     "devaluation|revaluation|exchange rate|peg"),
    ("20001279", 3.0, "cryptocurrency|bitcoin|crypto|blockchain"),
    ("20000357", 3.0, "economic growth|growth rate|grew|growth forecast|expansion|"
     "economic expansion|slowdown"),
    ("20000358", 2.0, "economic indicator|indicators|index|data showed|figures showed|"
     "statistics office|seasonally adjusted|leading indicators"),
    ("20000359", 3.0, "gross domestic product|gdp|gross national product|gnp|economic output"),
    ("20000358", 3.0, "industrial production|industrial output|factory output|"
     "manufacturing output|capacity utilisation|capacity utilization"),
    ("20000365", 3.0, "unemployment rate|jobless rate|non farm payrolls|payrolls|"
     "employment figures|jobless claims|jobless total|unemployment figures"),
    ("20000373", 2.5, "exports|exporters|exported|export"),
    ("20000368", 3.0, "government debt|public debt|national debt|public borrowing|"
     "budget deficit|deficit"),
    ("20000373", 2.5, "imports|importers|imported|import"),
    ("20000370", 3.0, "inflation|consumer prices|consumer price index|cpi|retail price index|"
     "price index|cost of living|wholesale prices|producer prices|deflation"),
    ("20000371", 3.0, "interest rate|interest rates|rate cut|rate rise|rate hike|base rate|"
     "prime rate|discount rate|basis points|lending rate|fed funds|"
     "raised rates|cut rates|money market|repurchase agreements|repo|libor|"
     "borrowing costs"),
    ("20000372", 3.0, "imf|international monetary fund|world bank|wto|"
     "world trade organisation|world trade organization|oecd|g7|g8|g20|"
     "group of seven|group of five|gatt"),
    ("20000373", 2.5, "trade|international trade|trade deficit|trade surplus|exports|imports|"
     "trading partner|trading partners|protectionism|market access"),
    ("20000374", 3.0, "trade agreement|trade deal|free trade|trade pact|trade talks|"
     "uruguay round|doha round|nafta"),
    ("20000375", 3.0, "trade balance|trade deficit|trade surplus|current account|"
     "balance of payments|visible trade"),
    ("20000376", 3.0, "trade dispute|trade war|trade sanctions|retaliation|dumping|"
     "anti dumping|trade friction|section 301"),
    ("20000373", 2.5, "trade policy|trade bill|trade representative|yeutter|quotas|quota"),
    ("20000378", 2.0, "investment|investments|invest|invested|investing|fund|funds|"
     "venture capital|portfolio"),
    ("20000379", 3.0, "monetary policy|money supply|m1|m2|m3|liquidity|monetary|"
     "quantitative easing|tightening|easing|monetary growth"),
    ("20000354", 3.0, "mortgage|mortgages|home loans|mortgage lending|remortgage"),
    ("20000382", 2.0, "prices|price|price rise|price increase|price cut|cost"),
    ("20000383", 3.0, "recession|downturn|contraction|depression|slump"),
    ("20000384", 3.0, "tariff|tariffs|import duty|import duties|customs duties|levies|levy"),
    ("20000385", 2.0, "market|markets|trading|traders|dealers|futures|commodities|commodity|"
     "index fell|index rose|rallied"),
    ("20000386", 2.5, "commodity|commodities|futures|commodity exchange|spot price|cbt|"
     "chicago board of trade|lme|london metal exchange|comex|nymex|"
     "international coffee organization|ico|export quota|buffer stock|"
     "stockpile|stocks of"),
    ("20000386", 3.0, "oil market|oil futures|energy market|spot market|gas market"),
    ("20000388", 2.5, "metal|metals|copper|aluminium|aluminum|zinc|tin|nickel|lead|steel|gold|"
     "silver|platinum|iron"),
    ("20000389", 3.0, "soft commodities|sugar|cocoa|coffee|rubber|cotton|palm oil|tea"),
    ("20000347", 2.5, "debt market|bond market|credit market|debt issue"),
    ("20000391", 3.0, "foreign exchange|forex|currency markets|exchange rate|exchange rates|"
     "dollar|yen|sterling|franc|francs|lira|peseta|pound|intervened|"
     "louvre accord|plaza accord|currency stability|dealers said|"
     "currency dealers|stabilise the dollar|stabilize the dollar|"
     "pound sterling"),
    ("20000354", 2.5, "loan market|syndicated loan|credit facility|revolving credit|"
     "bridge loan|term loan"),
    # --- 05 education ----------------------------------------------------------
    ("05000000", 2.0, "education|educational|pupils|pupil|classroom|curriculum|ofsted|tuition|"
     "schooling|headteacher|head teacher"),
    ("20000400", 2.5, "school|schools|primary school|secondary school|high school|"
     "grammar school"),
    ("20000405", 2.5, "university|universities|college|colleges|campus|undergraduate|graduate|"
     "tuition fees|top up fees|academic"),
    ("20000400", 3.0, "exam|exams|examination|a levels|gcse|gcses|test scores|sats|"
     "league tables"),
    ("05000000", 2.5, "student|students|pupil|pupils"),
    ("05000000", 2.5, "teacher|teachers|lecturer|lecturers|teaching union"),
    # --- 06 environment --------------------------------------------------------
    ("06000000", 2.0, "environment|environmental|environmentalist|environmentalists|"
     "greenpeace|friends of the earth|wwf|green groups|ecology|ecological"),
    ("20000418", 3.0, "climate change|carbon emissions|greenhouse gas|greenhouse gases|kyoto|"
     "kyoto protocol|emissions|carbon dioxide|co2|net zero|carbon footprint|"
     "paris agreement"),
    ("20000418", 3.0, "global warming|rising temperatures|sea levels"),
    ("20000420", 2.5, "conservation|conservationists|national park|protected area|wildlife|"
     "habitat|recycling|energy efficiency"),
    ("20000424", 3.0, "pollution|polluted|pollutant|contamination|contaminated|toxic|"
     "oil spill|smog|emissions"),
    ("20000443", 3.0, "endangered species|extinction|extinct|poaching|poachers|"
     "critically endangered"),
    ("20000500", 1.5, "animal|animals|species|bird|birds|whale|whales|tiger|tigers|elephant|"
     "elephants|fox|foxes"),
    # --- 07 health ----------------------------------------------------------------
    ("07000000", 2.0, "health|healthcare|health care|medical|medicine|patient|patients|doctor|"
     "doctors|nhs|health service|gp|gps|world health organization|"
     "world health organisation|clinical|symptoms|diagnosis|diagnosed"),
    ("20000446", 2.0, "disease|diseases|illness|diabetes|asthma|alzheimer|dementia|syndrome"),
    ("20000447", 3.0, "cancer|tumour|tumor|leukaemia|leukemia|chemotherapy|breast cancer|"
     "lung cancer|cancer research"),
    ("20000448", 3.0, "infection|infections|infected|outbreak|bacteria|mrsa|superbug|flu|"
     "influenza|bird flu|sars|tuberculosis|malaria|measles|ebola|cholera|"
     "polio|covid|coronavirus"),
    ("20000448", 3.0, "epidemic|pandemic"),
    ("20000448", 3.0, "hiv|aids|hiv aids|antiretroviral"),
    ("20000446", 3.0, "heart disease|heart attack|cardiac|cardiovascular|heart failure"),
    ("20000458", 3.0, "mental health|depression|anxiety|mental illness|psychiatric|"
     "schizophrenia"),
    ("20000446", 3.0, "obesity|obese|overweight|junk food"),
    ("20000462", 2.5, "hospital|hospitals|a&e|intensive care|clinic"),
    ("20000464", 2.0, "treatment|surgery|surgeon|transplant|therapy"),
    ("20000477", 3.0, "vaccine|vaccines|vaccination|vaccinated|immunisation|immunization|mmr"),
    ("20000468", 2.5, "prescription|prescribed|medication|painkiller|painkillers|side effects|"
     "clinical trial|clinical trials|fda"),
    ("20000485", 2.0, "nurses|nurse|surgeons|medical profession|bma|gmc"),
    ("20001358", 2.5, "public health|smoking|smoking ban|smokers|binge drinking|alcohol|"
     "health warning|health officials"),
    ("20000479", 2.5, "health secretary|health minister|health policy|health reform|"
     "waiting lists|waiting times|health spending"),
    # --- 08 human interest -----------------------------------------------------
    ("20000498", 2.0, "nominated|nomination|nominations|shortlist|shortlisted|honoured|"
     "accolade"),
    ("20000505", 2.0, "celebrity|celebrities|famous|paparazzi"),
    ("20000506", 3.0, "royal|royals|royal family|prince|princess|monarch|monarchy|"
     "buckingham palace|duke|duchess|royal wedding"),
    ("20000501", 3.0, "wedding|married|marry|bride|groom"),
    ("20000501", 3.0, "funeral|memorial service|tributes|tribute|mourners|died aged|obituary|"
     "passed away"),
    ("08000000", 2.0, "anniversary|centenary|birthday"),
    # --- 09 labor -------------------------------------------------------------------
    ("09000000", 1.5, "labour market|labor market|workers|workforce|employees|employment|"
     "employers"),
    ("20000518", 3.0, "wages|wage|pay rise|pay deal|salary|salaries|minimum wage|pay freeze|"
     "bonuses"),
    ("20000530", 3.0, "industrial action|labour dispute|labor dispute|walkout|picket|"
     "pay dispute|work to rule"),
    ("20000530", 3.0, "strikers|went on strike|general strike"),
    ("20000524", 3.0, "collective agreement|collective bargaining|labour contract|"
     "labor contract|contract talks|wage agreement"),
    ("20000532", 3.0, "pension|pensions|pensioner|pensioners|retirement age|state pension|"
     "final salary|pension fund"),
    ("20000533", 3.0, "unemployment|unemployed|jobless|joblessness|out of work|dole"),
    ("20000536", 3.0, "unions|trade union|trade unions|tuc|union leader|teamsters|afl cio|"
     "labour union|labor union|union members|amicus|unison|gmb"),
    ("09000000", 3.0, "health and safety|workplace safety|working conditions"),
    # --- 10 lifestyle and leisure ----------------------------------------------------
    ("10000000", 1.5, "leisure|lifestyle|hobby|hobbies|fitness|gym|diet|recipes|food|"
     "restaurant|restaurants|chef|wine|beer|holiday|holidays|travel"),
    ("20000548", 2.0, "video game|video games|computer game|computer games|gaming|gamers|"
     "gamer|games console|games industry|game developer"),
    ("20000549", 3.0, "lottery|gambling|casino|casinos|betting|bookmaker|bookmakers|jackpot|"
     "online gambling|poker"),
    ("20000563", 2.0, "travel|traveller|travellers|holiday|vacation|destination|sightseeing|"
     "backpacker"),
    ("20000568", 2.5, "recipe|recipes|cooking|chef|chefs|cookery|baking|michelin"),
    ("20000568", 2.5, "wine|beer|whisky|brewery|spirits|vineyard"),
    ("20001339", 2.5, "exercise|fitness|workout|gym|jogging|yoga"),
    # --- 11 politics -------------------------------------------------------------------
    ("11000000", 1.5, "political|politics|politician|politicians|government|opposition|"
     "minister|ministers|policy|mp|mps|parliament|parliamentary|senate|"
     "senator|congress|congressional|lawmaker|lawmakers|legislator|"
     "legislators|cabinet|prime minister|president|white house|"
     "downing street|whitehall|party leader|labour|tory|tories|conservative|"
     "conservatives|liberal democrat|lib dem|lib dems|democrat|democrats|"
     "republican|republicans|westminster|home office|foreign office"),
    ("20000574", 2.5, "election|elections|electoral|polling|voters|vote|votes|voted|ballot|"
     "ballots|electorate|constituency|constituencies|landslide|opinion poll|"
     "turnout|re election|re elected|general election|candidate|candidates|"
     "manifesto|campaign trail|hustings"),
    ("20000579", 3.0, "general election|presidential election|parliamentary election|"
     "national election|election day|polling day|electoral college"),
    ("20000574", 3.0, "local elections|mayoral election|council elections|mayoral race"),
    ("20000580", 2.5, "election campaign|campaign trail|canvassing|campaign posters|"
     "spin doctor|campaign chief"),
    ("20000574", 2.5, "candidate|candidates|nominee|running mate|contender|frontrunner"),
    ("20000574", 3.0, "primaries|caucus|caucuses"),
    ("20000584", 3.0, "referendum|referendums|plebiscite"),
    ("20000574", 2.5, "voting|voter|postal vote|postal votes|polling station|polling stations"),
    ("20000592", 3.0, "human rights|amnesty international|human rights watch|rights groups|"
     "civil liberties|torture|abuses|dissidents|political prisoners"),
    ("20000587", 3.0, "civil rights|equal rights|discrimination|racial equality"),
    ("20000587", 3.0, "censorship|freedom of speech|free speech|censored|banned book"),
    ("20000587", 3.0, "press freedom|freedom of the press|journalists jailed"),
    ("20001300", 3.0, "privacy|data protection|surveillance|id cards|identity cards|"
     "personal data|civil liberties"),
    ("20000593", 1.0, "government|governments|ministry|ministries|administration|official|"
     "officials|state|cabinet|regime|authorities"),
    ("20000598", 2.0, "defence|defense|pentagon|defence secretary|defense secretary|"
     "ministry of defence|defence ministry|military|nato"),
    ("20000599", 2.5, "army|navy|air force|troops|soldiers|soldier|military|marines|"
     "armed forces|regiment|generals|commander|commanders"),
    ("20000602", 3.0, "missile|missiles|nuclear weapons|warheads|warhead|weapons|bomber|"
     "fighter jets|ballistic|icbm|chemical weapons|"
     "weapons of mass destruction|wmd"),
    ("20000598", 3.0, "national security|homeland security|security threat|anti terror laws|"
     "terror laws|control orders|house arrest|security services"),
    ("20000605", 3.0, "espionage|spy|spies|spying|intelligence|cia|mi5|mi6|kgb|"
     "intelligence agency|intelligence services"),
    ("20000593", 2.0, "executive order|administration|white house|cabinet|cabinet minister|"
     "downing street|presidency"),
    ("20000607", 2.5, "government budget|budget|spending review|public spending|chancellor|"
     "chancellor of the exchequer|treasury|budget deficit|fiscal policy|"
     "government spending|spending cuts"),
    ("20000610", 2.5, "head of state|president|presidents|presidential|vice president|king|"
     "queen|emperor"),
    ("20000611", 3.0, "impeachment|impeach|impeached"),
    ("20000612", 2.5, "local government|local council|council|councils|councillor|councillors|"
     "mayor|city council|council tax|local authority|local authorities"),
    ("20000593", 2.5, "minister|ministers|secretary of state|home secretary|foreign secretary|"
     "chancellor|foreign minister|finance minister|interior minister|"
     "defence minister|trade minister"),
    ("20000615", 2.5, "parliament|parliamentary|legislature|congress|congressional|lawmakers|"
     "legislators|mp|mps|senate|commons|lords|house of commons|"
     "house of lords|second reading|select committee"),
    ("20000615", 3.0, "house of commons|house of representatives|commons|lower house|"
     "congressman|congresswoman|backbench|backbenchers|backbencher"),
    ("20000615", 3.0, "house of lords|senate|senator|senators|upper house|peers"),
    ("20001173", 2.5, "regulator|regulators|watchdog|ofcom|ofwat|ofgem|fsa|"
     "financial services authority|sec|securities and exchange commission|"
     "ftc|federal trade commission|fcc|federal communications commission|"
     "european commission|competition commission"),
    ("20001261", 3.0, "prime minister|premier|chancellor|taoiseach|head of government"),
    ("20000593", 3.0, "public inquiry|commission of inquiry"),
    ("20000621", 1.5, "policy|policies|reform|reforms|government plans|proposals|white paper|"
     "green paper|legislation"),
    ("20000345", 2.0, "economic policy|privatisation|privatization|nationalisation|"
     "nationalization|state owned|stimulus|economic reform|economic reforms|"
     "deregulation|state aid|subsidies|subsidy"),
    ("20000620", 3.0, "tax|taxes|taxation|taxpayer|taxpayers|income tax|vat|tax cuts|tax cut|"
     "tax rise|tax rises|tax credit|tax credits|inland revenue|irs|"
     "corporation tax|stamp duty|inheritance tax|tax bill"),
    ("20000634", 3.0, "asylum|asylum seekers|immigration policy|immigration controls|"
     "border controls|visa|visas|work permits|deportation|deported|migrants|"
     "immigration"),
    ("20000635", 3.0, "nuclear|nuclear programme|nuclear program|nuclear weapons|"
     "denuclearisation|denuclearization|denuclearise|denuclearize|"
     "denuclearised|denuclearized|uranium|enrichment|uranium enrichment|"
     "plutonium|non proliferation|nuclear test|nuclear threat|iaea|atomic|"
     "nuclear deal|nuclear talks|nuclear arsenal|nuclear disarmament|"
     "yongbyon"),
    ("20000636", 2.0, "regulation of|deregulation|licensing|ofcom|industry regulation"),
    ("20001338", 3.0, "education secretary|education minister|education policy|school reforms|"
     "tuition fees|top up fees|school funding|education bill"),
    ("20000423", 3.0, "environmental policy|environment secretary|environment minister|"
     "emissions targets|carbon tax|green taxes|environmental regulations"),
    ("20000621", 2.5, "welfare reform|pension reform|benefits system|welfare state|"
     "social security"),
    ("20000639", 2.5, "diplomacy|diplomatic|diplomat|diplomats|embassy|embassies|ambassador|"
     "ambassadors|envoy|envoys|foreign minister|foreign secretary|"
     "secretary of state|bilateral|negotiators|liaison office|"
     "normalise relations|normalize relations|normalising relations|"
     "normalizing relations|relations between|state visit|foreign policy|"
     "consulate|rapprochement|state department|foreign office|united nations"),
    ("20000640", 3.0, "summit|summits|summit meeting|summit talks|summit site|leaders met|"
     "leaders meet|met with leader|g8 summit|g7 summit|g20 summit|eu summit|"
     "nato summit|apec|signing ceremony|joint statement|"
     "cut short their summit|second summit|first summit|face to face meeting"),
    ("20000641", 3.0, "treaty|treaties|accord|pact|ratify|ratified|ratification|signatories|"
     "constitution treaty|peace treaty"),
    ("20000642", 3.0, "sanctions|sanction|embargo|economic sanctions|sanctions relief|"
     "trade embargo|arms embargo|blacklist"),
    ("20000643", 3.0, "foreign aid|development aid|aid package|humanitarian aid|donors|"
     "donor countries|debt relief|aid money|overseas aid"),
    ("20000644", 2.5, "united nations|un|security council|general assembly|nato|"
     "european union|eu|african union|asean|commonwealth|arab league|"
     "un secretary general|eu commissioner|member states"),
    ("20000645", 3.0, "refugee|refugees|displaced|refugee camp|unhcr|asylum seekers"),
    ("20000638", 3.0, "border dispute|territorial dispute|disputed territory|disputed border"),
    ("20000647", 3.0, "political crisis|no confidence|vote of confidence|snap election|"
     "coalition collapse|caretaker government"),
    ("20000648", 3.0, "dissident|dissidents|opposition leader|protesters|crackdown|dissent|"
     "political prisoner"),
    ("20000651", 2.5, "labour party|conservative party|tory party|liberal democrats|lib dems|"
     "ukip|snp|plaid cymru|democratic party|republican party|"
     "party conference|party leader|party chairman|grassroots|activists|"
     "new labour|leadership contest|leadership election"),
    ("20000651", 2.5, "party leader|leadership challenge|leader of the opposition|"
     "deputy leader"),
    # --- 12 religion --------------------------------------------------------------------
    ("12000000", 2.0, "religion|religious|faith|church|churches|clergy|priest|priests|bishop|"
     "bishops|archbishop|cleric|clerics|worship|believers|god|prayer|prayers"),
    ("20000659", 2.5, "christian|christians|christianity|anglican|church of england|"
     "evangelical|protestant|bible"),
    ("20000659", 3.0, "catholic|catholics|catholic church|vatican|cardinal|cardinals"),
    ("20000704", 3.0, "pope|pontiff|papal|john paul|benedict|pope francis"),
    ("20000677", 2.5, "islam|islamic|muslim|muslims|mosque|mosques|imam|quran|koran|mecca|"
     "ramadan|sharia|hijab"),
    ("20000679", 2.5, "jewish|jews|judaism|synagogue|rabbi|antisemitism|anti semitism"),
    # --- 13 science and technology ---------------------------------------------------
    ("13000000", 1.5, "science|scientist|scientists|scientific|research|researchers|"
     "technology|technologies|tech|hi tech|high tech|innovation|experiment|"
     "laboratory|lab|study|engineers|innovative"),
    ("20000711", 3.0, "biotechnology|biotech|genetically modified|gm crops|stem cell|"
     "stem cells|cloning|cloned|gene therapy"),
    ("20000718", 3.0, "astronomy|astronomer|astronomers|telescope|galaxy|galaxies|planet|"
     "planets|asteroid|comet|black hole|solar system|mars|moon|saturn|titan|"
     "hubble|universe"),
    ("20000719", 2.5, "biology|biologist|evolution|dna|species|fossil|dinosaur|genome|gene|"
     "genes|genetic|cells|organism"),
    ("20000717", 3.0, "physics|physicist|particle|particles|quantum|atoms"),
    ("20000735", 2.5, "research|researchers|study|studies|published in|findings|university of|"
     "professor|scientists say|researchers found|nature journal|experiment|"
     "experiments|peer reviewed"),
    ("20000737", 3.0, "medical research|clinical research|researchers found|new treatment|"
     "the lancet|lancet|british medical journal|bmj|"
     "new england journal of medicine"),
    ("20000739", 3.0, "nasa|astronaut|astronauts|space station|spacecraft|space shuttle|"
     "rocket|orbit|satellite|satellites|esa|space agency|mars rover|lunar|"
     "huygens|cassini"),
    ("20000756", 2.0, "technology|engineering|robot|robots|robotics|invention|inventor|"
     "prototype|gadget|gadgets|device|devices|hi tech|high tech|"
     "high definition|digital|electronic|electronics"),
    ("20000763", 2.5, "computer|computers|computing|software|internet|web|online|website|"
     "websites|net users|broadband|digital|download|downloads|downloading|"
     "blog|blogs|blogger|bloggers|search engine|e mail|email|spam|virus|"
     "viruses|worm|hackers|pc|pcs|programmers|programming|wireless|"
     "mobile phone|mobile phones|handset|handsets|ipod|mp3|dvd|hd|"
     "high definition|console|consoles|gaming|gamers|web site|peer to peer|"
     "p2p|file sharing|microsoft|google|apple|ibm|intel|yahoo|linux|windows|"
     "firefox|browser|online games|virtual|digital music|technology firm|"
     "tech firm|chip|chips|processor|cyber"),
    ("20001298", 3.0, "artificial intelligence|machine learning|ai|neural network|chatbot|"
     "deep learning|algorithm|algorithms"),
    # --- 14 society -------------------------------------------------------------------------
    ("14000000", 1.5, "society|social|community|communities|civil society|families|charity|"
     "charities|volunteers"),
    ("20000771", 3.0, "immigration|immigrant|immigrants|migrant|migrants|migration"),
    ("20000771", 3.0, "illegal immigration|illegal immigrants|undocumented|people smugglers"),
    ("20000775", 3.0, "discrimination|discriminated|prejudice|equality|inequality"),
    ("20000775", 3.0, "racism|racist|racial|race relations|racially|hate crime"),
    ("20000780", 2.0, "divorce"),
    ("20000785", 3.0, "abortion|abortions|pro life|pro choice"),
    ("20000780", 2.5, "marriage|gay marriage|same sex marriage|civil partnership"),
    ("20000790", 2.0, "childhood|youngsters|child abuse|child poverty"),
    ("20000792", 3.0, "gay|lesbian|lgbt|lgbtq|homosexual|homosexuality|transgender"),
    ("20000799", 3.0, "homeless|homelessness|rough sleepers|rough sleeping"),
    ("20000801", 3.0, "poverty|low income|deprived|deprivation|child poverty|living standards"),
    ("20000802", 3.0, "addiction|addicted|addicts|drug addiction|alcoholism"),
    ("20001193", 3.0, "sexual harassment|sexual misconduct|sexual abuse|sexual assault|rape|"
     "raped|metoo|me too"),
    ("20000817", 2.5, "welfare|social services|social care|care homes|welfare state|"
     "child benefit"),
    ("20000818", 3.0, "charity|charities|charitable|donations|fundraising|fundraiser|"
     "red cross|oxfam|unicef"),
    # --- 15 sport ---------------------------------------------------------------------------
    ("15000000", 2.0, "sport|sports|sporting|athlete|athletes|coach|coached|team|teams|season|"
     "championship|championships|tournament|match|matches|game|games|player|"
     "players|win|won|victory|defeat|beat|draw|title|champion|champions|"
     "final|semi final|quarter final|fixture|fixtures|league|cup|olympic|"
     "olympics|world cup|squad|captain|injury|injured|fitness|scored|score|"
     "goal|goals|points|record|medal|medals|race|races|racing|seed|seeded|"
     "trophy|stadium|fans"),
    ("20000827", 3.0, "athletics|sprinter|sprint|100m|200m|400m|800m|1500m|5000m|10000m|"
     "marathon|hurdles|hurdler|high jump|long jump|triple jump|pole vault|"
     "shot put|javelin|discus|heptathlon|decathlon|world indoor|"
     "indoor championships|iaaf|uk athletics|cross country"),
    ("20000823", 3.0, "nfl|super bowl|quarterback|touchdown|american football"),
    ("20000849", 3.0, "baseball|mlb|major league baseball|world series|pitcher|home run|"
     "yankees|red sox"),
    ("20000851", 3.0, "basketball|nba|slam dunk|lakers"),
    ("20000856", 3.0, "boxing|boxer|heavyweight|knockout|world title fight|bout|wbc|wba|ibf"),
    ("20000888", 3.0, "cricket|cricketer|test match|test series|one day international|odi|"
     "twenty20|t20|wicket|wickets|batsman|batsmen|innings|ashes|run out|"
     "all rounder|spinner|test cricket|county cricket"),
    ("20000892", 3.0, "cycling|cyclist|cyclists|tour de france|peloton|giro|stage win"),
    ("20000940", 3.0, "golf|golfer|golfers|pga|us open golf|ryder cup|birdie|birdies|fairway|"
     "green jacket|european tour"),
    ("20000960", 3.0, "horse racing|racehorse|jockey|jockeys|grand national|cheltenham|"
     "gold cup|racecourse"),
    ("20000965", 3.0, "ice hockey|nhl|stanley cup|puck"),
    ("20001065", 3.0, "football|soccer|striker|midfielder|goalkeeper|premiership|"
     "premier league|fa cup|champions league|uefa|fifa|manchester united|"
     "man utd|goalless|equaliser|equalizer|hat trick|free kick|relegation|"
     "relegated|red card|yellow card|sent off|referee|world cup qualifier|"
     "la liga|serie a|bundesliga|scottish premier league|spl"),
    ("20001085", 3.0, "tennis|wimbledon|us open|french open|australian open|roland garros|atp|"
     "wta|davis cup|fed cup|tie break|tiebreak|break point|match point"),
    ("20001176", 3.0, "rugby|rugby union|rugby league|six nations|scrum|fly half|flanker|"
     "scrum half|lineout|line out|drop goal|all blacks|wallabies|springboks|"
     "twickenham|murrayfield|heineken cup|celtic league|wasps|"
     "leicester tigers|sale sharks"),
    ("20000991", 3.0, "formula one|formula 1|f1|grand prix|motor racing|nascar|pole position|"
     "rallying|indycar|le mans|pit lane|motogp"),
    ("20001071", 3.0, "swimming|swimmer|swimmers|freestyle|backstroke|breaststroke"),
    ("20001056", 3.0, "skiing|skier|slalom|ski jumping|biathlon"),
    ("20001063", 3.0, "snooker|world snooker|crucible"),
    ("20001104", 3.0, "doping|drug test|drugs test|failed drugs test|failed a drugs test|"
     "banned substance|performance enhancing|steroids|thg|wada|anti doping|"
     "missed drugs test|missed drugs tests|positive test|balco|epo|ukad|"
     "uk anti doping|iaaf ban|drugs ban|nandrolone|tetrahydrogestrinone"),
    ("20001103", 2.5, "misconduct charge|banned for|fa charge|appeal against ban"),
    ("20001177", 3.0, "olympics|olympic games|olympic|ioc|olympic champion|gold medal|"
     "silver medal|bronze medal|athens 2004|london 2012|olympic bid|"
     "paralympics|beijing 2008|winter olympics"),
    ("20001108", 2.0, "cup final|grand final"),
    ("20001148", 3.0, "contract extension|transfer fee|loan deal|free transfer|"
     "transfer window|bid for the striker"),
    ("20001323", 2.5, "coach|coaches|head coach|manager|boss|coaching"),
    ("20001303", 2.5, "medal|medals|trophy|gold medal|silver medal|bronze medal|podium|"
     "world record|personal best|season's best"),
    # --- 16 conflict, war and peace --------------------------------------------------------
    ("16000000", 2.0, "conflict|war|warfare|fighting|armed|militants|militant|insurgents|"
     "insurgency|rebels|rebel|military|troops|ceasefire|cease fire|"
     "hostilities|bombing|bombings|airstrike|airstrikes|air strike|"
     "air strikes|shelling|guerrilla|militia|militias|casualties|invasion|"
     "occupation"),
    ("20000053", 3.0, "terror attack|terrorist attack|suicide bomber|suicide bombing|"
     "suicide attack|car bomb|bomb attack|terrorist bombing|hijackers|9 11|"
     "september 11"),
    ("20000056", 2.5, "armed conflict|clashes|front line|frontline|insurgency|insurgents|"
     "shelling|artillery|airstrikes|fighters|ambush|gunfight|firefight|"
     "rocket attack|mortar"),
    ("20000062", 3.0, "war|wars|wartime|war in iraq|iraq war|korean war|world war|invasion|"
     "invaded|post war|technically at war|warring|war on terror"),
    ("20000062", 3.0, "civil war"),
    ("20000058", 3.0, "military intervention|coalition forces|multinational force|"
     "peacekeepers|peacekeeping|peacekeeping force|un troops|foreign troops|"
     "us troops|british troops"),
    ("20000056", 3.0, "occupation|occupied|occupying|occupied territories"),
    ("20000065", 2.5, "unrest|civil unrest"),
    ("20000066", 3.0, "protest|protests|protesters|protestors|demonstration|demonstrations|"
     "demonstrators|sit in"),
    ("20000065", 3.0, "riot|riots|rioting|rioters|tear gas|water cannon"),
    ("20000065", 3.0, "rebellion|uprising|insurrection|mutiny"),
    ("20000070", 3.0, "coup|coup d'etat|military coup|junta|overthrow|overthrown|putsch"),
    ("20000071", 3.0, "massacre|massacred|atrocities|atrocity|mass grave"),
    ("20000071", 3.0, "genocide|ethnic cleansing"),
    ("20000073", 3.0, "peace process|road map|reconciliation|truce|ceasefire|cease fire|"
     "armistice|peace declaration|end the war"),
    ("20000076", 3.0, "peace talks|peace negotiations|peace conference|six party talks|"
     "six nation talks|negotiated settlement"),
    ("20000073", 3.0, "peace plan|peace deal|peace agreement|peace accord|peace treaty|"
     "peace initiative"),
    ("20000078", 3.0, "disarmament|decommissioning|weapons inspectors|arms control|dismantle|"
     "dismantling|denuclearisation|denuclearization|arms reduction"),
    ("20000056", 3.0, "prisoners of war|prisoner of war|pow|pows|guantanamo|guantanamo bay|"
     "detainees|abu ghraib"),
    ("20001361", 3.0, "cyber warfare|cyberwarfare|state sponsored hackers|cyber war"),
    # --- 17 weather -----------------------------------------------------------------------------
    ("17000000", 2.0, "weather|met office|meteorologists|forecasters|temperatures|heatwave|"
     "heat wave|cold snap|rainfall|snowfall|snow|blizzard|gales|gale|fog|"
     "sunshine|showers|thunderstorms|wind chill"),
    ("20001128", 3.0, "weather forecast|forecasters predict|outlook for the weekend|"
     "national weather service|met office forecast"),
    ("20001131", 3.0, "weather warning|severe weather warning|flood warning|storm warning|"
     "amber warning|red warning|hurricane warning|weather alert"),
    # --- ambiguous words, kept at low weight ------------------------------------
    ("04000000", 0.5, "billion|million|bn|mln|pct|percent|per cent"),
    ("20000350", 1.0, "fed|reserves|rate setters"),
    ("20000391", 1.0, "intervened|intervene|g 7|g 5|deutschemark|marks"),
    ("20001176", 1.0, "tries|centre|wing|lions|conversion|penalty kick|grand slam"),
    ("20001085", 1.0, "set|sets|seed|seeded|grand slam"),
    ("20001065", 1.0, "manager|boss|corner|header|booked|keeper|defender|penalty|penalties|"
     "chelsea|arsenal|liverpool|everton|newcastle|tottenham|spurs|celtic|rangers|"
     "real madrid|barcelona|juventus|inter milan|bayern munich|ac milan|"
     "transfer window|play off|play offs|striker"),
    ("20001148", 1.0, "signed|signing|transfer"),
    ("20000991", 1.0, "ferrari|mclaren|rallying|world rally championship|race"),
    ("20000888", 1.0, "bowling|bowler|bowlers|batting|runs"),
    ("20001103", 1.0, "suspended|suspension|fined|ban|disciplinary"),
    ("20001108", 1.0, "final|finals"),
    ("20000498", 1.2, "award|awards|prize|prizes|winner|winners|ceremony"),
    ("20000002", 1.0, "star|stars|fans|award|awards|nominated|nomination|nominations"),
    ("20000505", 1.0, "star|stars"),
    ("20000506", 1.5, "king|queen"),
    ("09000000", 0.7, "jobs|job|staff|work"),
    ("20000518", 1.0, "benefits"),
    ("20000530", 2.0, "strike|strikes"),
    ("20000536", 1.0, "union"),
    ("20000651", 1.0, "party|parties"),
    ("20000651", 1.0, "leadership|succeed|successor"),
    ("20000574", 1.0, "seat|seats|majority|poll|polls"),
    ("20000580", 1.0, "campaign|campaigning|campaigner"),
    ("20000615", 1.0, "bill|bills|amendment|committee"),
    ("20000593", 1.0, "secretary"),
    ("20000593", 1.5, "inquiry"),
    ("20000636", 1.0, "ban|banned|licence|license"),
    ("20000639", 1.0, "talks|negotiations|meeting"),
    ("20000647", 1.5, "resignation|resign|resigned"),
    ("20000780", 0.7, "family|families|parents|parent|mother|father|daughter|son|grandchildren"),
    ("20000790", 0.7, "children|child|kids"),
    ("14000000", 0.5, "public|citizens|people"),
    ("16000000", 1.0, "attack|attacks|killed|wounded"),
    ("20000056", 1.0, "offensive|battle"),
    ("20000065", 1.5, "violence|violent"),
    ("20000073", 1.5, "peace"),
    ("17000000", 1.0, "storm|storms"),
    ("20000739", 1.0, "space|probe|shuttle|launch"),
    ("20000418", 1.0, "climate"),
    ("20000468", 1.0, "drug|drugs"),
    ("20000448", 2.0, "virus"),
    ("20000763", 1.0, "program|programs|application|update|bug|computer virus|anti virus"),
    ("20000150", 1.5, "fire"),
    ("20000139", 1.0, "crash|crashed|injured|killed"),
    ("20000174", 1.5, "administration"),
    ("20001313", 2.0, "shooting"),
    ("20000347", 1.0, "bond yield|yields"),
    ("20000347", 1.0, "notes"),
    ("20000178", 1.0, "results|loss|net|oper|first quarter|second quarter|third quarter|"
     "fourth quarter|half year|year earlier"),
    ("20000204", 1.0, "purchase|to buy|bid for|offer for|deal to buy|take over|"
     "agreement in principle|bid"),
    ("20001243", 1.0, "exploration|reserves|gulf|shell|offshore|drilling"),
    ("20000343", 1.0, "ship|ships|vessel|vessels|port|ports|container|dock|strait|canal|"
     "harbour|harbor|loading|grt|dwt|tonnage|maritime"),
    ("20000210", 1.0, "tonnes|tons"),
    ("20000187", 1.0, "listing|float"),
    ("20000192", 1.0, "launch|launched|unveiled|unveil|rollout"),
    ("20000385", 1.0, "exchange"),
    ("20000177", 1.0, "payout"),
)
