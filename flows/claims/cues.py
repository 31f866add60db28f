"""Context around a number: qualifier cues, units and currencies, change direction,
modality and attribution. Each function looks at a window of the text and returns
what it found with the offsets it covers; none of them raises."""
from __future__ import annotations

import re

from claimhouse.flows.claims.lexicon import LEXICON, odd_case, phrase_alternation

# ---- qualifier cues ---------------------------------------------------------------
_CUE_CLASS = {}
for _cls, _phrases in LEXICON.qualifier_before.items():
    for _p in _phrases:
        _CUE_CLASS[" ".join(_p.lower().split())] = _cls
_CUE_AFTER_CLASS = {}
for _cls, _phrases in LEXICON.qualifier_after.items():
    for _p in _phrases:
        _CUE_AFTER_CLASS[" ".join(_p.lower().split())] = _cls

CUE_WORDS = frozenset(w for p in list(_CUE_CLASS) + list(_CUE_AFTER_CLASS) for w in p.split())
QUALIFIER_BEFORE_RE = re.compile(
    r"(?:(?<![\w])(?P<art>an?|the)\s+)?(?<![\w])(?P<cue>" + phrase_alternation(_CUE_CLASS) + r")\s*$",
    re.IGNORECASE,
)
QUALIFIER_AFTER_RE = re.compile(
    r"\s*(?P<cue>" + phrase_alternation(_CUE_AFTER_CLASS) + r")(?![\w])", re.IGNORECASE
)


_CUE_MAX_WORDS = max(len(c.split()) for c in _CUE_CLASS)
_CUE_LAST_WORDS = frozenset(c.split(" ")[-1] for c in _CUE_CLASS)  # a cue before a number ends in one of these
_TAIL_WORDS_RE = re.compile(r"[^\s]+")
_ARTICLES = ("a", "an")
# verbs that make "up to" a rise: "edged up to 4.6%", "ticked up to 3.1%" (not "goes up to": a scale's or a price
# list's top, "the speedometer goes up to 200mph", "goes up to $1599 for the top variant", NEWS_DEV conv. 35)
_UP_TO_VERBS = frozenset({"edged", "edges", "edging", "ticked", "ticks", "crept", "creeps", "moved", "moves", "went",
                          "shot", "shoots", "revised", "revises", "ramped", "ramps", "stepped", "steps", "picked", "picks",
                          "rounded", "pushed", "pushes", "jumped", "climbed", "rose", "rises", "risen", "inched", "inches",
                          "drifted", "rallied", "bumped", "scaled", "marked", "notched"})


_GLUED_CUE_RE = re.compile(r"(?<![\w.])(?:sub-|c\.|ca\.)$", re.IGNORECASE)


def qualifier_before(text: str, qstart: int, floor: int) -> tuple[int, str, str] | None:
    """(new start, qualifier, cue) for a cue ending right before `qstart` ("more than",
    "as many as", "an estimated"); an article before the cue joins the quote."""
    window = text[max(floor, qstart - 48):qstart]
    last = window[-1:]
    # (a glued cue ends the window, or comes right before a final newline: not after another space)
    glued = None if last.isspace() and last != "\n" else _GLUED_CUE_RE.search(window)
    if window and not last.isspace() and last not in "~<>≤≥" and not glued:
        return None  # the cue must end where the number starts (after a space or a symbol; "sub-15K", "c.2.5%")
    if glued:
        cue = glued.group(0).lower().rstrip(".")
        cue = cue if cue in _CUE_CLASS else cue + "."
        if cue in _CUE_CLASS:
            return qstart - len(window) + glued.start(), _CUE_CLASS[cue], cue
    tail = window.rsplit(None, 1)[-1:]  # the last of the window's words (_TAIL_WORDS_RE: runs of non-space)
    if not tail or tail[0].lower() not in _CUE_LAST_WORDS:
        return None  # no cue phrase ends with the word before the number
    words = [(m.group(0), m.start()) for m in _TAIL_WORDS_RE.finditer(window)][-(_CUE_MAX_WORDS + 1):]
    base = qstart - len(window)
    for n in range(min(_CUE_MAX_WORDS, len(words)), 0, -1):
        phrase = " ".join(w for w, _ in words[-n:]).lower()
        cls = _CUE_CLASS.get(phrase)
        if cls is None and phrase[-1:] in "~<>≤≥" and len(phrase) > 1:
            continue
        if cls is None:
            continue
        if phrase == "up to" and len(words) > n and words[-n - 1][0].lower() in _UP_TO_VERBS:
            return None  # "edged up to 4.6%": a rise to a level, not an upper bound
        if phrase == "past" and len(words) > n and words[-n - 1][0].lower() == "the":
            return None  # "spent the past three years": a time, not a bound passed
        start = words[-n][1]
        if len(words) > n and words[-n - 1][0].lower() in _ARTICLES:
            start = words[-n - 1][1]
        return base + start, cls, phrase
    return None


_ADDED_AFTER_PLUS_RE = re.compile(r"\s+(?:an?\s+|the\s+)?(?:vat|tax|taxes|gst|fees?|costs?|on-roads?|on\s+roads?|"
                                  r"expenses|interest|shipping|postage|delivery|charges|extras|bonus(?:es)?|inflation)\b",
                                  re.IGNORECASE)


# legal and regulatory ceilings bound the figure told of them: "The maximum sentence for fraud is a 10 year custodial
# sentence", "increasing the maximum term of imprisonment ... to 51 weeks", "the maximum permissible limit of 6%"
CEILING_NOUNS = ("sentence", "sentences", "term", "penalty", "penalties", "fine", "fines", "limit", "punishment", "tariff")
_CEILING_BEFORE_RE = re.compile(r"\bmaximum\s+(?:[a-z-]+\s+)?(?:" + "|".join(CEILING_NOUNS) + r")\b[^.;:,\d]{0,70}$",
                                re.IGNORECASE)


def ceiling_before(text: str, qstart: int, floor: int) -> bool:
    """True when the figure at `qstart` is told of a maximum sentence, term, penalty or limit."""
    return bool(_CEILING_BEFORE_RE.search(text, max(floor, qstart - 90), qstart))


def qualifier_after(text: str, qend: int, ceiling: int) -> tuple[int, str, str] | None:
    m = QUALIFIER_AFTER_RE.match(text, qend, ceiling)
    if not m:
        return None
    cue = " ".join(m.group("cue").lower().split())
    if cue == "+" and qend < len(text) and qend > 0 and not (text[qend - 1].isdigit() or text[qend - 1] == "%"):
        return None  # "35+ hours", "3%+"
    if cue == "plus" and _ADDED_AFTER_PLUS_RE.match(text, m.end()):
        return None  # "$84,315 plus on-roads", "£300 plus VAT": an amount added, not a bound
    return m.end(), _CUE_AFTER_CLASS[cue], cue


# ---- currencies ---------------------------------------------------------------------
_PREFIX_RE = re.compile(
    r"(?:(?<![\w$])(?P<code>" + phrase_alternation(LEXICON.currency_prefix) + r"))\s?-?$"
)
_SUFFIX_RE = re.compile(
    r"\s*(?P<code>" + phrase_alternation(LEXICON.currency_suffix) + r")(?![\w])", re.IGNORECASE
)


_GLUED_AMOUNT_RE = re.compile(r"[1-9][\d,. ]*(?![\w/-])")
_NAIRA_AMOUNT_RE = re.compile(r"[\d,.]+\s*(?:trillion|billion|million|bn|tn|trn|mn|mln|m)\b|[\d,.]+\s+(?:per|a|to\s+the)\s+dollar\b",
                              re.IGNORECASE)


def currency_before(text: str, qstart: int, floor: int) -> tuple[int, str] | None:
    window = text[max(floor, qstart - 6):qstart]
    m = _PREFIX_RE.search(window)
    if not m:
        return None
    code = m.group("code")
    if code == "R" and not (window.endswith("R") and _GLUED_AMOUNT_RE.match(text, qstart)):
        return None  # a bare "R" only counts attached: "R500"; "R01-AG057420", "R21/Matrix-M" are names
    if code == "N" and not (window.endswith("N") and _NAIRA_AMOUNT_RE.match(text, qstart)):
        return None  # "N417.74 billion", "N305 per dollar" are naira; "N95 masks" is a name
    if code.isalpha() and code.isupper() and len(code) == 3 and window.endswith(code):
        pass  # "USD5"
    return qstart - len(window) + m.start("code"), LEXICON.currency_prefix[code]


# an ISO 4217 code after the number, in capitals ("500 SEK", "2 million PLN"; "try" or "nok" in lower case are words)
_ISO_CODES = sorted(c for c in LEXICON.currency_prefix if re.fullmatch(r"[A-Z]{3}", c))
_CODE_AFTER_RE = re.compile(r"\s*(?P<code>" + "|".join(_ISO_CODES) + r")(?![\w])")
# a scale told with the code: glued before it ("120 MEUR", "450 kEUR", "80 TEUR"), or as a word after it ("75 USD million")
_CODE_SCALE_PREFIX = {"k": 1e3, "K": 1e3, "T": 1e3, "M": 1e6, "Mio ": 1e6, "Mrd ": 1e9}
_SCALED_CODE_RE = re.compile(r"\s*(?:(?P<pre>Mio |Mrd |[kKTM])(?P<pcode>" + "|".join(_ISO_CODES) + r")|"
                             r"(?P<code>" + "|".join(_ISO_CODES) + r"|(?i:" + phrase_alternation(LEXICON.currency_suffix) +
                             r"))\s+(?P<word>(?i:thousand|million|billion|trillion|mn|mln|bn|tn)))(?![\w])")


def currency_after(text: str, qend: int, ceiling: int) -> tuple[int, str] | None:
    m = _SUFFIX_RE.match(text, qend, ceiling)
    if m:
        return m.end(), LEXICON.currency_suffix[m.group("code").lower()]
    m = _CODE_AFTER_RE.match(text, qend, ceiling)
    return (m.end(), m.group("code")) if m else None


# "pounds" is a weight, not sterling, when the figure is weighed ("weighed 8 pounds", "lost 20 pounds", "seized 50
# pounds of cocaine", "10 pounds heavier"); sterling elsewhere, and wherever "£" is written in the same sentence
_POUND_WORD_RE = re.compile(r"\s*pounds?\b", re.IGNORECASE)
_POUND_MASS_BEFORE_RE = re.compile(r"\b(?:weigh(?:s|ed|ing|t|ts)?|heav(?:y|ier|iest)|light(?:er|est)|los(?:e|es|t|ing)|"
                                   r"gain(?:s|ed|ing)?|shed(?:ding|s)?|put\s+on|seiz(?:e|ed|es|ing|ure\s+of)|caught|"
                                   r"catch(?:es|ing)?|lift(?:s|ed|ing)?|haul(?:s|ed|ing)?|harvest(?:s|ed|ing)?|"
                                   r"confiscat(?:e|ed|ing)|tipp(?:ed|ing)\s+the\s+scales\s+at)\b[^.;,\d£$€]{0,30}$",
                                   re.IGNORECASE)
_MONEY_NOUNS = (r"public|taxpayers?|tax|funding|funds|money|investment|revenue|profits?|sales|debts?|spending|cuts|"
                r"savings|value|damages?|contracts?|assets|losses|income|wages|aid|grants?|support|loans?|fines?")
_POUND_MASS_AFTER_RE = re.compile(r"\s+(?:heavier|lighter|overweight|underweight|of\s+(?!(?:the\s+|their\s+|its\s+)?"
                                  r"(?:" + _MONEY_NOUNS + r")\b)[a-z])", re.IGNORECASE)


def pounds_of_weight(text: str, qstart: int, qend: int, floor: int, ceiling: int) -> int | None:
    """The end of "pounds" after the number at `qstart`..`qend` when it is a weight (pound_mass), else None."""
    m = _POUND_WORD_RE.match(text, qend, ceiling)
    if m is None or "£" in text[floor:ceiling]:
        return None
    if _POUND_MASS_AFTER_RE.match(text, m.end(), ceiling) or _POUND_MASS_BEFORE_RE.search(text, max(floor, qstart - 50), qstart):
        return m.end()
    return None


_SUBUNIT_COMPOUND_RE = re.compile(r"\s+(?:and\s+)?(?P<n>\d{1,2})\s*(?:cents?|pence|p|¢)(?![\w])", re.IGNORECASE)


def subunit_compound_after(text: str, qend: int, ceiling: int) -> tuple[int, float] | None:
    """(end, fraction) for the cents or pence told after a whole amount: "3 dollars 50 cents" -> 0.5."""
    m = _SUBUNIT_COMPOUND_RE.match(text, qend, ceiling)
    return (m.end(), int(m.group("n")) / 100) if m else None


def scaled_currency_after(text: str, qend: int, ceiling: int) -> tuple[int, str, float] | None:
    """(end, currency, factor) for a currency told after the number with its scale: "120 MEUR" (x 1e6),
    "75 USD million", "3 dollars billion"; None when the scale is not there (`currency_after` reads the rest)."""
    m = _SCALED_CODE_RE.match(text, qend, ceiling)
    if not m:
        return None
    if m.group("pre"):
        return m.end(), m.group("pcode"), _CODE_SCALE_PREFIX[m.group("pre")]
    code = m.group("code")
    return m.end(), LEXICON.currency_prefix.get(code) or LEXICON.currency_suffix[code.lower()], \
        LEXICON.scales[m.group("word").lower()]


# hundredths of a currency: "46p", "2,475p", "10.4P/Share", "3.6 pence", "19.9 cents", "99¢"
_SUBUNIT_RE = re.compile(r"(?:(?P<p>[pP])|\s?(?P<word>" + phrase_alternation(
    k for k in LEXICON.currency_subunit if len(k) > 1) + r"))(?![\w])", re.IGNORECASE)


def subunit_after(text: str, qend: int, ceiling: int) -> tuple[int, str] | None:
    """(end, currency) for a number written in pence or cents; the caller divides by 100."""
    m = _SUBUNIT_RE.match(text, qend, ceiling)
    if not m:
        return None
    if m.group("p"):
        if qend == 0 or not text[qend - 1].isdigit():
            return None
        return m.end(), LEXICON.currency_subunit["p"]
    return m.end(), LEXICON.currency_subunit[m.group("word").lower()]


# ---- units --------------------------------------------------------------------------
_SHORT_ATTACHED_ONLY = frozenset(f for f in list(LEXICON.unit_forms_ci) + list(LEXICON.unit_forms_cs)
                                 if len(f) == 1 and f.isalpha())


def _unit_regex(ci_forms, cs_forms) -> re.Pattern:
    return re.compile(r"(?P<sp>\s*(?:-\s*)?)(?:(?i:(?P<ci>" + (phrase_alternation(ci_forms) or "(?!)") + r"))|(?P<cs>"
                      + (phrase_alternation(cs_forms) or "(?!)") + r"))(?![\w²³])")


_UNIT_RE = _unit_regex(LEXICON.unit_forms_ci, LEXICON.unit_forms_cs)
# _UNIT_RE's forms start after its leading space and dash, where the form's first character can only be
# the first character there that is no space (the dash of "-fold" or the letter after the space) or
# the one after the dash. _UNIT_RE cut to the forms that may start with one of those two characters
# finds the same match (the other forms cannot match at any of the places it tries); one per pair of
# characters, made when first needed.
_UNIT_LEAD_RE = re.compile(r"\s*(-\s*)?")
_UNIT_BY_LEAD: dict[tuple[str, str], re.Pattern | None] = {}
_UNIT_BY_LEAD_MAX = 512  # (real text asks for some 170 pairs; a cap keeps odd text from compiling more)


def _may_start(form_char: str, c: str, ignore_case: bool) -> bool:
    if not ignore_case:
        return form_char == c
    return re.fullmatch(re.escape(form_char), c, re.IGNORECASE) is not None


def _unit_regex_for(c1: str, c2: str) -> re.Pattern | None:
    """_UNIT_RE cut to the forms that may start with c1 or c2 (None: no form can)."""
    key = (c1, c2)
    if key in _UNIT_BY_LEAD:
        return _UNIT_BY_LEAD[key]
    if len(_UNIT_BY_LEAD) >= _UNIT_BY_LEAD_MAX:
        return _UNIT_RE  # the whole regex, as good, for the pairs past the cap
    ci = [f for f in LEXICON.unit_forms_ci if _may_start(f[0], c1, True) or _may_start(f[0], c2, True)]
    cs = [f for f in LEXICON.unit_forms_cs if _may_start(f[0], c1, False) or _may_start(f[0], c2, False)]
    rx = _UNIT_BY_LEAD[key] = _unit_regex(ci, cs) if ci or cs else None
    return rx


def _match_unit(text: str, qend: int, ceiling: int) -> re.Match | None:
    """_UNIT_RE.match(text, qend, ceiling), asking only the forms that can start where it looks."""
    lead = _UNIT_LEAD_RE.match(text, qend, ceiling)
    if lead is None:  # qend past the ceiling
        return None
    p1 = lead.start(1) if lead.group(1) is not None else lead.end()
    p2 = lead.end()
    if p1 >= ceiling:
        return None
    rx = _UNIT_BY_LEAD.get((text[p1], text[p2] if p2 < ceiling else ""), _UNIT_RE)
    if rx is _UNIT_RE:
        rx = _unit_regex_for(text[p1], text[p2] if p2 < ceiling else "")
    return rx.match(text, qend, ceiling) if rx is not None else None


# what lets a one-letter unit stand apart from its number: a dimension word, a measured noun, or the end of the
# phrase ("80 m height", "heated for 2 h.", "a 5 t load" is not enough: "t" there may be a letter)
_DIMENSION_RE = re.compile(r"\s+(?:high|long|wide|deep|tall|away|thick|across|below|above|in\s+diameter|of|height|depth|"
                           r"length|width|diameter|altitude|elevation)\b|\s*(?:[,;:)]|\.(?!\d)|$)")
_PERCENT_POINTS_RE = re.compile(r"\s*(?:points?|pts?)\b", re.IGNORECASE)


def unit_after(text: str, qend: int, ceiling: int) -> tuple[int, str] | None:
    m = _match_unit(text, qend, ceiling)
    if not m:
        return None
    form = m.group("ci") or m.group("cs")
    if form in _SHORT_ATTACHED_ONLY and m.group("sp") and not _DIMENSION_RE.match(text, m.end(), ceiling):
        return None
    unit = LEXICON.unit_forms_cs.get(form) or LEXICON.unit_forms_ci.get(form.lower())
    if unit is None:
        return None
    if unit in ("celsius", "fahrenheit") and form.lower() in ("c", "f") and m.group("sp"):
        return None
    return m.end(), unit


def points_after(text: str, qend: int, ceiling: int) -> int | None:
    m = _PERCENT_POINTS_RE.match(text, qend, ceiling)
    return m.end() if m else None


# ---- rates --------------------------------------------------------------------------
_RATE_ADV_THEN = (r"(?:to|in|on|at|for|from|and|or|but|since|by|over|of|the|a|an|with|while|whilst|as|than|this|last|"
                  r"that|which|who|compared|between|until|through|during|after|before|so|is|was|were|are|according|"
                  r"respectively|now|each|every|year|month|week|day)\b")
_RATE_RE = re.compile(
    r"\s*(?:(?:a|an|per|each|every|for\s+every|for\s+each)\s+|/\s*)(?P<den>(?:day|week|month|year|hour|minute|second|millisecond|microsecond|nanosecond|annum|night|"
    r"(?<=/)(?:min|h|hr|s|sec|d|ms)(?![\w/])|"
    r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?![.,]?\d|[-–])|thousand|million)(?:\s+(?:people|residents|inhabitants|population|persons|"
    r"individuals|births|live\s+births|(?:U\.S\.\s+|US\s+)?residents))?)\b(?!\s+(?:earlier|ago|before|later|on\b(?!\s+average)))|"
    r"(?:capita|head|person|household|barrel|bbl|tonne|ton|game|match|location|theater|theatre|cinema|screen|"
    r"kg|kilogram|kilo|litre|liter|gallon|ounce|share|kilowatt-hour|kWh|megawatt[\s-]hour|MWh|mile|km|kilometre|"
    r"kilometer|square\s+metre|square\s+meter|pound|lb|unit|dose|vote|container|acre|hectare|mmbtu|therm|"
    r"square\s+(?:foot|feet)|sq\.?\s*ft|cubic\s+metre|cubic\s+meter|passenger|seat|ticket|visit|employee|student|"
    r"pupil|bottle|pint|pack|packet)\b)|"
    # "daily" before a noun is an adjective of it ("258,155 new daily symptomatic cases"), not the rate
    r"\s+(?P<adv>daily|weekly|monthly|annually|yearly|a\s+piece|apiece)\b(?!\s+(?!" + _RATE_ADV_THEN + r")[a-z]+\b)",
    re.IGNORECASE,
)
_RATE_ADV = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}


_NUMERIC_DENOMINATOR_RE = re.compile(r"[\d,]+|thousand|million")


def rate_after(text: str, pos: int, ceiling: int) -> tuple[int, str] | None:
    m = _RATE_RE.match(text, pos, ceiling)
    if not m:
        return None
    if m.group("adv"):
        den = _RATE_ADV.get(m.group("adv").lower())
        return (m.end(), den) if den else None
    den = m.group("den").lower()
    num = _NUMERIC_DENOMINATOR_RE.match(den)
    if num:
        return m.end(), {"thousand": "1000", "million": "1000000"}.get(num.group(0), num.group(0).replace(",", ""))
    den = " ".join(den.split())
    den = {"annum": "year", "head": "capita", "person": "capita", "thousand": "1000", "million": "1000000",
           "ton": "tonne", "bbl": "barrel", "kilogram": "kg", "kilo": "kg", "liter": "litre", "kilowatt-hour": "kWh", "kwh": "kWh",
           "kilometre": "km", "kilometer": "km", "square metre": "m2", "square meter": "m2",
           "pound": "pound_mass", "lb": "pound_mass", "megawatt hour": "MWh", "megawatt-hour": "MWh",
           "mwh": "MWh", "match": "game", "theater": "location", "theatre": "location", "cinema": "location",
           "screen": "location", "min": "minute", "ms": "millisecond", "h": "hour", "hr": "hour", "s": "second", "sec": "second",
           "d": "day", "mmbtu": "MMBtu", "square foot": "ft2", "square feet": "ft2", "sq ft": "ft2",
           "sq. ft": "ft2", "sqft": "ft2", "cubic metre": "m3", "cubic meter": "m3"}.get(den, den)
    return m.end(), den


# ---- direction ----------------------------------------------------------------------
_INC_V, _DEC_V = LEXICON.increase_verbs, LEXICON.decrease_verbs
_INC_N, _DEC_N = LEXICON.increase_nouns, LEXICON.decrease_nouns
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*|[,;:()–—]")
_ADVERB_OK = frozenset({"record", "new", "fresh", "all-time", "pace", "rate", "annual", "annualised", "annualized", "yearly", "seasonally",
                        "adjusted", "sharply", "slightly", "steadily", "roughly", "nearly", "almost", "about", "some",
                        "around", "by", "another", "further", "respectively", "significantly", "dramatically",
                        "modestly", "marginally", "again", "more", "than", "over", "only", "just", "an", "a",
                        "estimated", "approximately", "the", "of", "at", "least", "most", "up", "to", "revised"})
_PARTICLE_VERBS = frozenset({"make", "makes", "made", "making", "set", "sets", "sign", "signs", "signed", "end",
                             "ends", "ended", "pick", "picks", "picked", "back", "step", "stepped", "take",
                             "takes", "took", "add", "adds", "sum", "sums", "line", "lined", "shut", "bring",
                             "brings", "brought", "top", "tops", "topped", "break", "broke", "broken", "turn",
                             "turned", "narrow", "narrowed", "wind", "wound", "slow", "slowed", "shot", "shoot",
                             "shoots", "shooting", "put", "puts", "putting", "pile", "piles", "piled", "piling",
                             "rack", "racks", "racked", "racking", "chalk", "chalks", "chalked",
                             "wrap", "wraps", "wrapped", "wrapping"})  # "wrapped up the tie with a 123 mph ace"  # "piled up 751": a tally
_UNIT_WORDS = frozenset({"points", "point", "percent", "percentage", "per", "cent", "pct", "basis"})
_COMPARATIVE_UP = frozenset({"more", "higher", "greater", "larger", "bigger", "faster", "longer", "stronger"})
_COMPARATIVE_DOWN = frozenset({"less", "lower", "fewer", "smaller", "slower", "shorter", "weaker", "cheaper"})
_COMPARATIVES = _COMPARATIVE_UP | _COMPARATIVE_DOWN
_NOT_CHANGE_BEFORE = frozenset({"storm", "tidal"})  # "a storm surge of 3 metres" is a height, not a rise
_NEXT_WORD_RE = re.compile(r" ([a-z]+)\b")
_MODIFIER_STOP = frozenset({"of", "in", "on", "at", "to", "for", "from", "by", "and", "or", "the", "a", "an", "than",
                            "as", "with", "per", "year", "years", "month", "months", "week", "weeks", "day", "days"})
_LEVEL_NOUNS = frozenset({"record", "peak", "high", "low", "level", "total", "average", "estimate", "figure", "tally",
                          "records", "peaks", "highs", "lows", "levels"})


def _direction_of(word: str) -> str | None:
    w = word.lower()
    if w in _PREP_REQUIRED:
        return "increase"
    if w in _INC_V:
        return "increase"
    if w in _DEC_V:
        return "decrease"
    return None


_PREP_REQUIRED = frozenset({"raised", "raise", "raises", "raising", "lifted", "lift", "lifts", "hiked", "hike",
                            "spread", "spreads", "spreading"})  # "the fire spread to 2,000 acres"
_TO_OR_BY_ONLY = frozenset({"recover", "recovers", "recovered", "recovering"})
_LINK_PREPS = {"to": "level", "at": "level", "from": "level", "than": "level", "with": "level", "on": "level",
               "versus": "level", "vs": "level", "by": "change", "of": "change"}
_REACH = 10  # words a preposition may reach back to find its change verb: "cut its key rate by"


# "taking its PPI bill past £20bn", "bringing the 2013 total to 20.5 million", "taking its subscriber base to around
# 52 million": a change told before carries a total to a new level
_CARRIED_TO_RE = re.compile(r"\b(?:taking|bringing|pushing|lifting|took|brought|pushed|takes|brings|pushes)\s+"
                            r"(?:the|its|their|his|her|our)\s+(?:[\w'’-]+\s+){0,4}?(?:to|past|above|beyond|over)\s+"
                            r"(?:an?\s+(?:new\s+)?(?:record|high|total)\s+(?:of\s+)?)?$", re.IGNORECASE)


# the last word of a window _CARRIED_TO_RE matches (it ends in one of them and a space)
_CARRIED_TO_LAST = frozenset({"to", "past", "above", "beyond", "over", "record", "high", "total", "of"})


def _may_carry_to(window: str) -> bool:
    """A necessary condition of _CARRIED_TO_RE.search(window): the window ends in a space after one of
    _CARRIED_TO_LAST (or holds a letter that defeats the lower-cased test)."""
    last = window.rsplit(None, 1)[-1:]
    return bool(last) and window[-1].isspace() and last[0].lower() in _CARRIED_TO_LAST or odd_case(window)


_RANK_NOUNS = frozenset({"place", "spot", "position", "rank"})
_RANK_ORDINALS = frozenset("""first second third fourth fifth sixth seventh eighth ninth tenth top last bottom""".split())


_FELL_SHORT_RE = re.compile(r"\b(?:fell|falls?|falling|fallen|came|comes?|coming)\s+(?:up\s+)?(?:well\s+|just\s+|slightly\s+)?"
                            r"short\s+of\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:[$€£¥]|US\$|Rs\.?\s?)?$", re.IGNORECASE)


_SHORT_AT_RE = re.compile(r"(?:just\s+|well\s+)?short\s+of\b", re.IGNORECASE)


# a verb of moving with no direction of its own, then "from" and the level moved from: "The rate went from 3% to
# 5%" (claim_builder gives the move the direction of the two levels' order, neighbours lends it to the second)
MOVED_FROM_RE = re.compile(r"\b(?:went|goes|go|going|gone|moved|moves|moving|changed|changes|changing|shifted|shifts|"
                           r"swung|swings|swinging|switched)\s+(?:\w+\s+){0,2}?from\s+(?:an?\s+|the\s+)?(?:\W)?$", re.IGNORECASE)


def direction_before(text: str, qstart: int, floor: int) -> tuple[str, str] | None:
    """(direction, kind) from the words before a quantity: "rose 2%" / "fell by 3" /
    "cut its key rate by a quarter point" / "an increase of 5%" -> change; "rose to 5%" /
    "down from 50" / "eased to 2.3% in October from 2.6%" -> level."""
    window = text[max(floor, qstart - 120):qstart]
    if _may_carry_to(window) and _CARRIED_TO_RE.search(window):
        return "increase", "level"
    if "short" in window and _FELL_SHORT_RE.search(window) or _SHORT_AT_RE.match(text, qstart) and \
            _FELL_SHORT_RE.search(window + "short of "):
        return None  # "revenue fell short of $5bn": below a mark, no fall
    words = _WORD_RE.findall(window)
    prep = None
    prep_k = -1
    for k in range(len(words) - 1, max(-1, len(words) - 1 - _REACH), -1):
        lw = words[k].lower()
        if lw in (";", ":", "(", ")"):
            return None
        if lw in (",", "–", "—"):
            if prep is None:
                return None
            continue  # "rose to 4.2% in July, up from 4.1%": the clause goes on after a comma
        if prep == "of" and prep_k - k <= 2 and (lw in _INC_N or lw in _DEC_N) and lw not in _COMPARATIVES:
            if k > 0 and words[k - 1].lower() in _NOT_CHANGE_BEFORE:
                return None  # "a storm surge of 3 metres"
            return ("increase" if lw in _INC_N else "decrease"), "change"  # "falls of 30%", "a sharp rise of"
        if prep == "of" and prep_k - k == 1 and lw in _LEVEL_NOUNS:
            prep = None  # "down from a record of 906,000", "fallen from a peak of 70%": look further back
            continue
        if prep == "than" and prep_k - k == 1 and lw in _COMPARATIVES:
            return None  # "more than 3 million": a bound, not a comparison with a change
        if prep == "to" and lw == "up" and k > 0 and words[k - 1].lower() in _UP_TO_VERBS:
            return "increase", "level"  # "edged up to 4.6%"
        if lw in ("cut", "off") and _is_cut_off_noun(words, k):
            return None  # "a cut off of 90 marks": the noun of a threshold, no change verb
        if lw in _RANK_NOUNS and k > 0 and words[k - 1].lower() in _RANK_ORDINALS:
            return None  # "fell to second place with $16,999": the rank fell, not the figure
        d = _direction_of(lw)
        if d and lw in _PREP_REQUIRED and prep not in ("to", "by", "from"):
            d = None  # "raised INR 1.2 billion": raising money is no change in a level
        if d and lw in _TO_OR_BY_ONLY and prep not in ("to", "by"):
            d = None  # "recovered to 74.3%" rises; "tries to recover from a tough 18-month period" does not
        if d:
            if lw in ("up", "down") and k > 0 and words[k - 1].lower() in _PARTICLE_VERBS:
                return None
            if lw == "up" and prep == "to":
                return None  # "up to 5%": the upper-bound cue
            if lw == "down" and prep == "to":
                return "decrease", "level"  # "profit was down to $58.7m", "coming down to 15.91%"
            if prep == "of":
                return None  # "rose ... of" is no change amount unless a change noun precedes "of"
            return d, ("change" if prep in (None, "by") else "level")
        if prep == "of" and lw in ("pace", "rate"):
            if k > 0 and words[k - 1].lower() in _INC_N and words[k - 1].lower() not in _COMPARATIVES:
                return "increase", "change"  # "a growth rate of 8.2 percent" (conv. 21)
            prep, prep_k = "by", k  # "grew at an annual pace of 5.6%": the amount of change
            continue
        if prep is None and lw in _LINK_PREPS:
            prep, prep_k = lw, k
            continue
        if prep is None and not (lw in _ADVERB_OK or lw in _UNIT_WORDS or lw.endswith("ly")):
            if k == len(words) - 1 and k > 0 and words[k - 1].lower() in ("a", "an") and words[k].islower():
                continue  # "added a tepid 12,000 jobs", "dropped by a steep 61,900": an adjective of the figure
            return None  # a word that is no preposition between the verb and the number
    return None


def is_comparative(word: str) -> bool:
    return word.lower() in _COMPARATIVE_UP or word.lower() in _COMPARATIVE_DOWN


_PASSIVE_UP = frozenset({"added", "created"})
_PASSIVE_CHANGE_RE = re.compile(r"\s+(?:were|was|have\s+been|has\s+been|had\s+been|will\s+be|would\s+be|are\s+being|"
                                r"were\s+being)\s+(added|created|cut|lost|shed|axed|slashed|eliminated)\b", re.IGNORECASE)


def passive_change_after(text: str, pos: int, ceiling: int) -> str | None:
    """"increase"/"decrease" when the counted noun ending at `pos` is said to be added or cut:
    "64,000 jobs were added", "1,200 posts will be cut"."""
    p = _PASSIVE_CHANGE_RE.match(text, pos, ceiling)
    if not p:
        return None
    return "increase" if p.group(1).lower() in _PASSIVE_UP else "decrease"


# "ended 33.95 points, or 0.46%, lower at 7,351.31", "will be 23.7 per cent down at $23.5 million": the change
# word told after the figure (and its apposition), then the level it left the thing at
_CHANGE_WORD_AFTER_RE = re.compile(r"(?:\s*,\s*or\s+[^,;()]{1,25},|\s*,)?\s+(lower|higher|down|up)\s+(?:at|to|on)\b",
                                   re.IGNORECASE)
# "50% more rain than average", "0.7pp faster than for the richest": a comparison of two things (conv. 20),
# unless the other side is an earlier time ("8% lower than the 2007 peak", "39% more than last year's")
_THAN_RE = re.compile(r"(?:\s+[^\W\d_]+){0,2}?\s+than\s+((?:\S+\s+){0,5}\S*)", re.IGNORECASE)
_EARLIER_RE = re.compile(r"\b(?:last|previous|prior|earlier|before|ago|same|peak|record|levels?|pre-\w+|yesterday|"
                         r"a\s+year|January|February|March|April|May|June|July|August|September|October|November|December)\b"
                         r"|\d{4}", re.IGNORECASE)


def compared_with_other(text: str, cue_end: int, ceiling: int) -> bool:
    """True when a comparative ending at `cue_end` compares with another thing at the same
    time, not with an earlier figure (conv. 20)."""
    m = _THAN_RE.match(text, cue_end, ceiling)
    return bool(m) and not _EARLIER_RE.search(m.group(1))


_WORD_AFTER_CHANGE_RE = re.compile(r"[\s-]*(?:(?:year|quarter|month|week|day)[- ]on[- ](?:year|quarter|month|week|day)\s+|"
                                   r"annual\s+|yearly\s+|overall\s+)?([^\W\d_]+)")


# "cut-off", "cut off" as a noun (a threshold, a deadline): "the 5.5-second cut-off", "a cut off of 90 marks"
_CUT_OFF_AFTER_RE = re.compile(r"[\s-]*off\b", re.IGNORECASE)
_NOUN_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "your", "new",
                               "same", "any", "no", "each"})


def _is_cut_off_noun(words: list[str], k: int) -> bool:
    """True when words[k] ("cut" or "off") belongs to the noun "cut off" after a determiner
    ("a cut off of 90 marks", "the cut off is 18"), not the verb ("power was cut off")."""
    lw = words[k].lower()
    if lw == "off" and k > 0 and words[k - 1].lower() == "cut":
        k -= 1
    elif lw != "cut" or k + 1 >= len(words) or words[k + 1].lower() != "off":
        return False
    return k > 0 and words[k - 1].lower() in _NOUN_DETERMINERS


def direction_after(text: str, qend: int, ceiling: int) -> tuple[str, int] | None:
    """("increase"|"decrease", end of the cue word) when the quantity is followed by a
    change noun or a comparative: "a 719 percent increase", "5% higher"."""
    c = _CHANGE_WORD_AFTER_RE.match(text, qend, ceiling)
    if c:
        return ("increase" if c.group(1).lower() in ("higher", "up") else "decrease"), c.end(1)
    m = _WORD_AFTER_CHANGE_RE.match(text[qend:ceiling])
    if not m:
        return None
    w = m.group(1).lower()
    end = qend + m.end()
    if w == "cut" and _CUT_OFF_AFTER_RE.match(text, end, ceiling):
        return None  # "the 5.5-second cut-off": a threshold named by the figure, no change
    if w in _INC_N or w in _COMPARATIVE_UP:
        return "increase", end
    if w in _DEC_N or w in _COMPARATIVE_DOWN:
        return "decrease", end
    if w in _MODIFIER_STOP or w in _NOT_CHANGE_BEFORE or not m.group(1).islower():
        return None
    m2 = _NEXT_WORD_RE.match(text, end, ceiling)  # "a 5.5% pay rise": one noun between
    if m2:
        w2 = m2.group(1).lower()
        if w2 in _INC_N and w2 not in _COMPARATIVES:
            return "increase", m2.end()
        if w2 in _DEC_N and w2 not in _COMPARATIVES and w2 not in ("loss", "losses") and not (
                w2 == "cut" and _CUT_OFF_AFTER_RE.match(text, m2.end(), ceiling)):
            return "decrease", m2.end()
    return None


# ---- modality -----------------------------------------------------------------------
def _split_cues(phrases) -> tuple[frozenset, re.Pattern | None, tuple[str, ...]]:
    """(the one-word cues, one search for "the text holds one of the several-word cues", the words
    that search cannot match without: one of each cue, any one of them is in the text it matches)."""
    words = frozenset(p for p in phrases if " " not in p)
    multi = tuple(p for p in phrases if " " in p)
    return words, re.compile("|".join(re.escape(p) for p in multi)) if multi else None, _needed_words(multi)


def _needed_words(phrases) -> tuple[str, ...]:
    """The longest word of each phrase (the last of the longest: "set" of "are set to", "end" of "by the end
    of"), dropping one that holds another kept (a phrase found in the whitespace-normalised text has each of
    its words, which hold no whitespace, in the text as written)."""
    longest = sorted({max(reversed(p.split()), key=len) for p in phrases}, key=len)
    kept: list[str] = []
    for w in longest:
        if not any(k in w for k in kept):
            kept.append(w)
    return tuple(kept)


_MODAL_WORDS = {"could", "might", "may", "would", "should", "will", "'ll"}
_MODALITY_CUES = {k: _split_cues(v) for k, v in LEXICON.modality.items()}
_MODALITY_ORDER = ("forecast", "hypothetical", "estimate")
_TOKEN_RE = re.compile(r"[\w'’]+")
# what a window whose words hold a one-word cue (or a modal verb) holds as a substring: one of these
_ONE_WORD_CUES_IN = _needed_words(list(_MODAL_WORDS) + [w for words, _, _ in _MODALITY_CUES.values() for w in words])


def _holds_any(low: str, subs: tuple[str, ...]) -> bool:
    for sub in subs:
        if sub in low:
            return True
    return False


def modality_of(window: str) -> str:
    """asserted / estimate / forecast / hypothetical from the cues in `window` (the
    sentence up to the end of the quantity's clause). Modal verbs count only in lower
    case ("May 2024" is a month)."""
    window_low = window.lower()
    # (no one-word cue in the text, none among its words: only the several-word cues are looked for)
    lowered = set(_TOKEN_RE.findall(window_low)) if _holds_any(window_low, _ONE_WORD_CUES_IN) else set()
    if not lowered.isdisjoint(_MODAL_WORDS):  # keep a modal verb only as written in lower case
        lowered = (lowered - _MODAL_WORDS) | (set(_TOKEN_RE.findall(window)) & _MODAL_WORDS)
    low = None
    for kind in _MODALITY_ORDER:
        words, multi, needed = _MODALITY_CUES[kind]
        if not lowered.isdisjoint(words):
            return kind
        if multi is not None and _holds_any(window_low, needed):
            low = low if low is not None else " ".join(window_low.split())
            if multi.search(low):
                return kind
    return "asserted"


# a target or goal named right after or before a figure is a forecast ("its 2% target", "the 18 week
# target", "a target of 93%", "the Bank of Canada's 2 percent goal")
TARGET_AFTER_RE = re.compile(r"\s*(?:[\w-]+\s+){0,2}(?:target|goal|objective)s?\b", re.IGNORECASE)
TARGET_BEFORE_RE = re.compile(r"\b(?:target|goal|objective)s?\s+(?:of\s+|at\s+|to\s+)?(?:\w+\s+)?$", re.IGNORECASE)
# where a figure's clause starts, for its modal cues: "Royal Mail said it would hand back £400m ...,
# and its share price climbed 5.6%": the second clause has no modal verb of its own
CLAUSE_START_RE = re.compile(r";|,\s+(?:and|but|while|whilst|whereas|which|who)\b|\b(?:while|whilst|whereas|but)\b")


def clause_start(text: str, pos: int, floor: int) -> int:
    """The start of the clause holding `pos`, no further back than `floor`."""
    start = floor
    for m in CLAUSE_START_RE.finditer(text, floor, pos):
        start = m.end()
    return start
