"""Compact gazetteer for :mod:`stream.subjects.entities`, written by hand.

Countries, capitals and major news cities, major organisations, and the cue
word lists (titles, capitalised function words, demonyms, organisation
suffixes). Names are public facts; the selection is ours.
"""

from __future__ import annotations

_COUNTRIES = (
    "Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|"
    "Bahrain|Bangladesh|Belarus|Belgium|Bolivia|Bosnia|Brazil|Bulgaria|Cambodia|Cameroon|"
    "Canada|Chad|Chile|China|Colombia|Congo|Croatia|Cuba|Cyprus|Czech Republic|Denmark|"
    "Ecuador|Egypt|Eritrea|Estonia|Ethiopia|Finland|France|Georgia|Germany|Ghana|Greece|"
    "Guatemala|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|"
    "Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|"
    "Lebanon|Libya|Lithuania|Luxembourg|Malaysia|Mali|Malta|Mexico|Moldova|Mongolia|"
    "Morocco|Mozambique|Myanmar|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|"
    "North Korea|Norway|Oman|Pakistan|Palestine|Panama|Paraguay|Peru|Philippines|Poland|"
    "Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Scotland|Senegal|Serbia|Singapore|"
    "Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|"
    "Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Tibet|Tunisia|Turkey|"
    "Turkmenistan|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|"
    "Uruguay|Uzbekistan|Venezuela|Vietnam|Wales|Yemen|Zambia|Zimbabwe|England|"
    "Northern Ireland|Gaza|West Bank|Crimea|Hong Kong|Europe|Africa|Asia|Latin America|"
    "Middle East|Korean Peninsula"
)
_CITIES = (
    "Abu Dhabi|Abuja|Accra|Addis Ababa|Amman|Amsterdam|Ankara|Athens|Baghdad|Bangkok|"
    "Barcelona|Beijing|Beirut|Belfast|Belgrade|Berlin|Birmingham|Bogota|Boston|Brasilia|"
    "Brussels|Bucharest|Budapest|Buenos Aires|Cairo|Cape Town|Caracas|Chicago|Copenhagen|"
    "Damascus|Delhi|Dhaka|Doha|Dubai|Dublin|Edinburgh|Frankfurt|Geneva|Glasgow|Hanoi|"
    "Havana|Helsinki|Ho Chi Minh City|Houston|Islamabad|Istanbul|Jakarta|Jerusalem|"
    "Johannesburg|Kabul|Karachi|Kathmandu|Khartoum|Kiev|Kyiv|Kinshasa|Lagos|Lahore|Lima|"
    "Lisbon|London|Los Angeles|Madrid|Manchester|Manila|Melbourne|Mexico City|Miami|Milan|"
    "Minsk|Moscow|Mumbai|Munich|Nairobi|New Delhi|New York|Oslo|Ottawa|Paris|Prague|"
    "Pyongyang|Rangoon|Riyadh|Rio de Janeiro|Rome|San Francisco|Santiago|Sao Paulo|Seoul|"
    "Shanghai|Singapore|Stockholm|Sydney|Taipei|Tehran|Tel Aviv|Tokyo|Toronto|Tripoli|"
    "Tunis|Vienna|Warsaw|Washington|Wellington|Yangon|Zurich|Hiroshima|Camp David"
)
_ORGS = (
    "United Nations|Security Council|European Union|European Commission|European Parliament|"
    "Nato|NATO|World Bank|International Monetary Fund|IMF|World Trade Organization|WTO|"
    "World Health Organization|WHO|Opec|OPEC|Federal Reserve|Bank of England|"
    "European Central Bank|Bank of Japan|Congress|Senate|House of Representatives|"
    "House of Commons|House of Lords|Parliament|White House|Pentagon|Kremlin|"
    "Downing Street|State Department|Justice Department|Supreme Court|FBI|CIA|NSA|"
    "Home Office|Foreign Office|Treasury|Labour|Conservative Party|Conservatives|Tories|"
    "Liberal Democrats|Democratic Party|Republican Party|Democrats|Republicans|"
    "African Union|Arab League|Asean|ASEAN|Red Cross|Amnesty International|"
    "Human Rights Watch|Greenpeace|Unicef|UNICEF|Hamas|Hezbollah|Taliban|al-Qaeda|"
    "Islamic State|Associated Press|AP|Reuters|AFP|BBC|CNN|Fox News|New York Times|"
    "Washington Post|Google|Apple|Microsoft|Amazon|Facebook|Meta|Twitter|IBM|Intel|"
    "Samsung|Sony|Nokia|Toyota|General Motors|Ford|Volkswagen|Boeing|Airbus|Exxon|"
    "ExxonMobil|Shell|BP|Gazprom|Goldman Sachs|JP Morgan|Morgan Stanley|Citigroup|HSBC|"
    "Barclays|Deutsche Bank|Walmart|Tesco|Fifa|FIFA|Uefa|UEFA|IOC|NBA|NFL|Huawei|Tesla|"
    "Interpol|Europol|Vatican|SEC|Nasdaq|Wall Street"
)
_ALIASES = {
    "US": "United States", "U.S.": "United States", "U.S": "United States",
    "USA": "United States", "U.S.A.": "United States", "United States of America":
    "United States", "America": "United States", "UK": "United Kingdom",
    "U.K.": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "DPRK": "North Korea", "Viet Nam": "Vietnam", "Burma": "Myanmar", "Holland": "Netherlands",
    "UN": "United Nations", "U.N.": "United Nations", "EU": "European Union",
    "Nato": "NATO", "Opec": "OPEC", "Asean": "ASEAN", "Unicef": "UNICEF", "Fifa": "FIFA",
    "Uefa": "UEFA", "ExxonMobil": "Exxon", "Fed": "Federal Reserve", "Kyiv": "Kyiv",
    "Kiev": "Kyiv", "Tories": "Conservative Party", "Conservatives": "Conservative Party",
    "Labour Party": "Labour", "al-Qaeda": "al-Qaeda", "Al Qaeda": "al-Qaeda",
}


def _table() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    # Acronyms ("UN", "US", "AP") match in their exact case only, so that
    # "Un" in "Kim Jong Un" or the word "us" never become organisations.
    for names, kind in ((_ORGS, "organisation"), (_CITIES, "place"), (_COUNTRIES, "place")):
        for name in names.split("|"):
            canon = _ALIASES.get(name, name)
            out[_key(canon)] = (canon, kind)
    for alias, canon in _ALIASES.items():
        out[_key(alias)] = out[_key(canon)]
    return out


def _key(name: str) -> str:
    return name if name.isupper() else name.lower()


def lookup(name: str) -> tuple[str, str] | None:
    """(canonical name, kind) for a surface form, or None.

    Upper-case forms match acronyms exactly first; failing that, forms of
    four or more letters are read as ordinary names set in capitals (wire
    headlines and datelines: "JAPAN", "NEW YORK"). Shorter ones stay exact
    so that "IT" or "US" never become other names.
    """
    if name.isupper():
        hit = ENTITIES.get(name)
        if hit is None and len(name) >= 4:
            hit = ENTITIES.get(name.lower())
        return hit
    return ENTITIES.get(name.lower())


#: name or alias (lower-cased unless an acronym) -> (canonical name, kind)
ENTITIES: dict[str, tuple[str, str]] = _table()
#: exact-case aliases tried before the lower-cased table ("US" but not "us")
ALIASES: dict[str, str] = dict(_ALIASES)

#: lower-case title words that mark the next capitalised name as a person
TITLES = frozenset(
    "president|mr|mrs|ms|dr|sir|dame|lord|lady|senator|sen|rep|congressman|congresswoman|"
    "governor|gov|mayor|minister|premier|chancellor|secretary|leader|chairman|chairwoman|"
    "chair|king|queen|prince|princess|pope|general|gen|colonel|col|captain|judge|justice|"
    "ambassador|envoy|spokesman|spokeswoman|attorney|lawyer|prosecutor|professor|prof|"
    "coach|manager|striker|singer|actor|actress|director|author|chief|ceo|founder|"
    "rev|reverend|father|sister|brother|deputy|commissioner|official|officer|dictator|"
    "emperor|sheikh|ayatollah|cardinal|bishop|archbishop|detective|sergeant|inspector".split("|")
)

#: capitalised words that are not names (sentence openers, days, months, pronouns)
STOPWORDS = frozenset(
    "A|An|The|This|That|These|Those|It|Its|I|I'm|I've|I'll|We|You|He|She|They|His|Her|Their|"
    "Our|My|Your|In|On|At|Of|For|From|With|By|To|As|And|But|Or|Nor|So|Yet|If|When|While|"
    "After|Before|Since|Until|Although|Though|Because|Both|Such|There|Here|What|Which|Who|"
    "Why|How|Where|Not|No|Yes|Also|Even|Earlier|Later|Meanwhile|However|Furthering|"
    "Possible|Some|Many|Most|All|Each|Every|Other|Another|One|Two|Three|First|Second|"
    "Last|Next|New|Now|Then|Today|Tomorrow|Yesterday|Monday|Tuesday|Wednesday|Thursday|"
    "Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
    "October|November|December|Don't|Can't|Won't|Is|Are|Was|Were|Be|Been|Has|Have|Had|"
    "Do|Does|Did|Will|Would|Could|Should|Mr|Mrs|Ms|Dr|Read|More|Share|Comment|Sign|"
    "Subscribe|Follow|Click|Photo|Video|Watch|Listen|KEEP|UPDATED|FREE|Multimedia|News|"
    "Pictures|User|Galleries|Send|Up|Out|Over|Under|About|Into|Than|Just|Only|Very".split("|")
)

#: adjectives of nationality or region: never part of a name
DEMONYMS = frozenset(
    "American|British|Chinese|Japanese|Korean|North|South|Vietnamese|Russian|French|German|"
    "Italian|Spanish|Indian|Pakistani|Iranian|Iraqi|Israeli|Palestinian|Syrian|Turkish|"
    "Egyptian|Saudi|African|European|Asian|Western|Eastern|Malaysian|Mexican|Canadian|"
    "Australian|Brazilian|Ukrainian|Polish|Dutch|Irish|Scottish|Welsh|English|Arab|Muslim|"
    "Christian|Jewish|Catholic|Afghan|Cuban|Greek|Swiss|Swedish|Norwegian|Danish|Thai|"
    "Filipino|Indonesian|Nigerian|Kenyan|Taiwanese|Belgian|Austrian|Portuguese".split("|")
)

#: last words that make a capitalised run an organisation
ORG_SUFFIXES = frozenset(
    "Inc|Corp|Corporation|Ltd|Plc|PLC|LLC|Group|Holdings|Bank|Party|University|Council|"
    "Agency|Ministry|Commission|Association|Federation|Institute|Foundation|Airlines|"
    "Airways|Motors|Company|Co|Department|Committee|Authority|Organisation|Organization|"
    "Fund|Club|Society|Union|Court|Police|Army|Navy".split("|")
)
