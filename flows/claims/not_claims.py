"""Numbers that are not claims: dates, times, ordinals, identifiers, phone numbers,
list numbering, scores, versions, addresses, and the text of ads and page furniture.

`blocked_spans(text)` returns sorted (start, end) spans; a number inside one is not a
claim. `is_furniture(paragraph)` says whether a paragraph is an ad or page furniture.
Each pattern is a named module-level constant so a test can point at it."""
from __future__ import annotations

import bisect
import re

from claimhouse.flows.claims.lexicon import LEXICON, odd_case
from claimhouse.flows.claims.text_words import lower_words_of

# (no leading \b: a gate that opens with its letters is scanned for quickly, and a wider gate changes nothing)
_MONTH_GATE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_MONTH_DIGIT_GATE = _MONTH_GATE + r"[a-z]*\.?\s+\d"  # "Sept. 3", "July 2024": a month then a number
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

DATE_DMY = rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b"
DATE_MDY = (rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:\s*(?:[-–]|to|and|through)\s*\d{{1,2}}(?:st|nd|rd|th)?\b)?"
            rf"(?:,?\s+\d{{4}}\b)?(?![,.]?\d)")  # "Sept. 3", "Oct. 16-21", "July 25 to 26, 2024"
# "sept. 30", "oct. 13": a month abbreviated in lower case (as some outlets and feeds write it) still makes a date
_MONTH_LOWER_ABBREV = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\."
DATE_MDY_LOWER = (rf"\b{_MONTH_LOWER_ABBREV}\s*\d{{1,2}}(?:st|nd|rd|th)?\b(?:\s*(?:[-–]|to|and|through)\s*\d{{1,2}}\b)?"
                  rf"(?:,?\s+\d{{4}}\b)?(?![,.]?\d)")
DATE_MY = rf"\b{_MONTH}\s+\d{{4}}\b"
DATE_NUMERIC = r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b"
DATE_ISO_MONTH = r"\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])\b"
YEAR_SPAN = r"\b(?:1[89]|20|21)\d\d\s*[-–/]\s*(?:(?:1[89]|20|21)\d\d|\d\d)\b(?!\s*(?:%|percent|per\s+cent))"
YEAR_ABBREV = r"(?<!\w)['’]\d\d\b(?!\s*(?:%|percent))"
DECADE = r"(?:\b(?:early|mid|late)[- ])?(?:\b\d{2,4}|['’]\d\d)s\b"
TIME_OF_DAY = r"\b\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?\s?m\b\.?)?|\b\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\b\.?|\b\d{1,2}\s*o['’]clock\b|\b24/7\b|\b9/11\b"
_SPAN_NUMBER = (r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                r"forty|fifty|hundred)")
_SPAN_UNIT = r"(?:days|weeks|months|quarters|years|decades|centuries)"
PERIOD_PHRASE = (
    # "the first nine months", "the past 12 months", "the 12 months to March": a period, not a claim
    rf"\b(?:the\s+)?(?:first|past|last|next|previous|final|coming|following|latest|preceding)\s+"
    rf"{_SPAN_NUMBER}\s+{_SPAN_UNIT}\b|\bthe\s+{_SPAN_NUMBER}\s+{_SPAN_UNIT}\s+(?:to|through|ending|ended|until)\b"
    # ("the lowest in nine years", "the first time in 10 years" are claims: the duration of a record, NEWS_DEV conv. 10)
)
PHONE = (
    r"\b1-8\d\d-\d{3}-\d{4}\b|"
    r"(?:\+\d{1,3}[\s.-]?)?\(\d{2,4}\)[\s.-]?\d{3}[\s.-]?\d{3,4}\b|"
    r"(?:\+\d{1,3}[\s.-]?)?\b\d{3}[\s.-]\d{3}[\s.-]\d{4}\b|"
    r"\+\d{1,3}(?:[\s.-]?\d{2,4}){2,5}\b"
)
LIST_NUMBER = r"(?m:^)[ \t]*(?:[-*•·][ \t]*)?\(?\d{1,3}[.)](?=[ \t]+\S)"
INLINE_LIST_NUMBER = r"[:;]\s*\(?\d{1,2}[.)](?=\s+[A-Z])"  # "Key points: 1. Inflation is falling; 2. Wages ..."
GROUP_OF = r"\bGroup\s+of\s+(?:\d{1,2}|Two|Three|Five|Seven|Eight|Ten|Twenty)\b"  # "Group of 20", "Group of Seven"
# "Scotland 0 Portugal 0", "Kansas City 25 Philadelphia 22": a results line; "7-6(3)": a tie-break
RESULT_LINE = (r"\b(?:[A-Z][\w.'’-]*\s+){1,3}\d{1,3}\s+(?:[A-Z][\w.'’-]*\s+){1,3}\d{1,3}\b(?![.,]?\d|\s*%)|"
               r"\b\d{1,2}[-–]\d{1,2}\s*\(\d{1,2}\)")
_NOT_A_MEASURE = (
    r"(?!\d|[.,]\d|\s*(?:%|percent|per\s+cent|percentage|million|billion|thousand|years?|months?|weeks?|days?"
    r"|hours?|people|kg|km|miles?|metres?|meters?)\b|\s*%)"
)
SCORE = (
    r"(?:\b(?:won|win|wins|beat|beats|beaten|defeated|lost|lose|loses|drew|draw|drawn|victory|defeat|score|"
    r"scored|scoreline|lead|led|leads|trailed|trail|edged|thrashed|routed|tied|ended|finished|"
    r"hammered|crushed|downed|stunned|rallied|going|went|record\s+of|make\s+it|made\s+it|making\s+it|ousted|"
    r"knocked\s+out|overcame|overturned|beating|defeating|thrashing|trouncing|hammering|edging|clinched|against)\b(?:\s+[\w'’-]+){0,5}?\s+)"
    r"\d{1,3}\s*[-–]\s*\d{1,3}\b(?:,\s*\d{1,3}\s*[-–]\s*\d{1,3}\b)*" + _NOT_A_MEASURE + r"|\b\d{1,3}\s*[-–]\s*\d{1,3}\s+(?:win|victory|defeat|loss|draw|lead|"
    r"home win|away win|triumph|thrashing|scoreline|deficit|up|down|advantage|aggregate)\b"
)
# "6-7(7), 6-4, 7-6(4), 5-7, 6-4", "7-5 6-4 6-2": two or more set scores in a row (games of a set are 0-7)
SET_SCORES = (r"(?<![\d.,])[0-7]\s?[-–]\s?[0-7](?:\s*\(\d{1,2}\))?(?:(?:\s*,\s*|\s+)[0-7]\s?[-–]\s?[0-7]"
              r"(?:\s*\(\d{1,2}\))?)+(?![\d.,]\d|\s*(?:%|per\s*cent|years?|months?|weeks?|days?)\b)")
# "0-60mph", "0 to 100 km/h", "zip to 100km/h in just 4.8 seconds": the name of a sprint benchmark
SPRINT_BENCHMARK = (r"\b0\s*(?:-|–|to)\s*\d{2,3}\s*(?:mph|km/h|kph|kmph|kmh)\b|"
                    r"\b(?<=to\s)\d{2,3}\s*(?:mph|km/h|kph|kmph|kmh)(?=\s+in\s+(?:[a-z]+\s+){0,4}?\d)")
_ANY_COUNT = r"(?:[\d.,]+|[A-Za-z]+(?:-[a-z]+)?)(?:\s+and\s+a\s+half)?"
# "Four years ago", "Nearly eighteen years later", "less than 10 minutes later": a time told from another time
RELATIVE_TIME = (rf"\b{_ANY_COUNT}\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\s+"
                 r"(?:ago|later|earlier)\b(?!\s+(?:than|from|to)\b)")
# "junctions 14 and 13", "from junction 33 to 34", "lanes 1 and 2", "paragraphs 5.9 to 5.11": every number
# of a list after a naming noun names something
_LIST_NOUNS = (r"junctions?|lanes?|paragraphs?|sections?|subsections?|clauses?|articles?|chapters?|platforms?|"
               r"gates?|exits?|routes?|counts?|stages?|levels?|tiers?|zones?|bays?|terminals?|services|buses|lines")
NAMED_LIST = (rf"\b(?:{_LIST_NOUNS})\s+"
              r"\(?\d+[A-Z]?(?:\.\d+)?\)?(?:(?:\s*(?:-|–|to|and|&|or)|,)\s+\(?\d+[A-Z]?(?:\.\d+)?\)?|\s*[-–]\s*\d+)+"
              r"(?![\d,]|\s*(?:%|per\s*cent|percent|years?|months?|weeks?|days?|hours?|minutes?)\b|\s*%)|"
              r"\b(?:sub)?sections?\s+\(\d{1,3}\)|(?<=[\w)])\(\d{1,3}\)")  # "subsection (1)", "21(2)", "(c)(1)"
# "the top 12 films", "nine U.K. top 40 singles", "her fifth top 10", "a top-five finish": the name of a ranking band
# ("the top 1% of earners" is a share, "could top 100,000" a verb)
TOP_RANKING = (r"(?:\b(?:the|a|an|their|his|her|its|into|in|fifth|first|second|third|fourth|sixth|seventh|eighth|ninth|"
               r"tenth|Billboard|Hot|UK|US|chart's)|U\.K\.|U\.S\.)\s+top[- ]\d{1,3}s?\b(?!\s*(?:%|per\s*cent|percent|pc)\b|\s*%)")
# "the first-ever 3nm fabrication process", "a 5 nm node", "its 7nm chips": a chip process's name, not a length
CHIP_NODE = (r"\b\d{1,2}(?:\.\d)?\s?nm\b(?=[\s-]+(?:[a-z-]+\s+){0,2}(?:process(?:es)?|nodes?|chips?|chipsets?|"
             r"technology|fabrication|manufacturing|class|lithography|generation|wafers?|processors?|SoCs?)\b)")
# "Scotland (6) 11", "Tries: Graham (57); Penalties: Russell (10, 20)": a results line with scoring minutes
RUGBY_RESULT = (r"\b[A-Z][\w.'’-]*\s+\(\d{1,2}\)\s+\d{1,3}\b|"
                r"\b(?:Tries|Try|Penalties|Pens|Conversions|Cons|Drop\s+goals?|Goals|Scorers?)\s*:[^.–—]*")
_NUM_WORD = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty)"
# "the three-day weekend", "the studio's 4-day estimate", "12-month inflation rate", "the same two months",
# "the first two sets", "the next three games": the frame a figure is told in (NEWS_DEV conv. 11)
FRAMING = (rf"\b{_NUM_WORD}[- ](?:day|week|month|year)\s+(?:weekend|rate|inflation|estimate|average|moving\s+average|"
           rf"rolling|period\s+(?:from|to|ending|ended))\b|\bsame\s+{_NUM_WORD}\s+(?:days|weeks|months|quarters|years)\b|"
           rf"\b(?:first|last|next|final|opening|previous|remaining)\s+{_NUM_WORD}\s+(?:sets|games|matches|rounds|races|"
           rf"legs|innings|holes|laps|tests|Tests|fixtures|episodes)\b|\b(?:the\s+)?(?:next|other|last|first)\s+two\b(?!\s+\w+s\b)")
# "one acre equals 0.40 hectare", "a quintal equals 100 kg" (conv. 37), "2005=100" (an index base, conv. 41)
UNIT_DEFINITION = (r"\b(?:one|a|an|1)\s+[a-z]+\s+(?:equals|equal\s+to|is\s+equal\s+to|=)\s+[\d.,]+\s*[a-z]+|"
                   r"\b(?:19|20)\d\d\s*=\s*100\b")
# "10-man Newcastle": a team with a player sent off, no quantity
TEAM_DESCRIPTOR = r"\b\d{1,2}-man\b"
# "love-15, 15-30": tennis game scores; "The number to call is 101"
GAME_SCORE = r"\blove-(?:15|30|40)(?:,\s*(?:15|30|40|love)-(?:15|30|40|love))*"
NUMBER_TO_CALL = r"\bnumber\s+to\s+(?:call|ring|dial|text)\b(?:\s+[\w'’]+){0,3}?\s+is\s+\d{3,}\b"
# "2. Listen to their answers." after a sentence, "(2) International growth": numbered points in running text
SENTENCE_LIST_NUMBER = r"(?<=[.!?]\s)\d{1,2}\.(?=\s+[A-Z])|(?:^|(?<=[.!?:;]\s))\(\d{1,2}\)(?=\s+[A-Z])"
# "after 38 minutes", "inside the first 12 seconds" in a match report: the minute of a goal, not a duration
_FOOTBALL_WORDS = ("goal", "goals", "header", "penalty", "scored", "scoring", "equaliser", "equalizer", "kick-off",
                   "striker", "midfielder", "winger", "net", "scoresheet", "opener", "lead", "red card", "game", "match",
                   "sent off", "draw", "struck", "cross", "post", "front", "half", "time", "win")
# (also "came on 31 minutes", "struck four minutes from time", "with only six minutes left to play")
MATCH_MINUTE = (r"\b(?:after|inside|within)\s+(?:only\s+|just\s+|the\s+first\s+)?\d{1,2}\s+(?:minutes|seconds)\b(?!\s+(?:of|later))|"
                r"\bon\s+\d{1,2}\s+minutes\b(?!\s+(?:of|later))|"
                rf"\b(?:\d{{1,2}}|{_ANY_COUNT})\s+minutes?\s+(?:from\s+(?:time|the\s+end|full[- ]time)|(?:left|remaining)"
                r"(?:\s+to\s+play)?|to\s+go)\b")
VERSION_NAMES = ("Python", "iOS", "iPadOS", "macOS", "Android", "Windows", "Linux", "Ubuntu", "Debian", "Java",
                 "Chrome", "Firefox", "GPT", "Bluetooth", "Wi-Fi", "USB", "HTML", "HTTP", "Office", "Excel", "Web",
                 "PlayStation", "Xbox", "iPhone", "Galaxy", "Pixel", "Claude", "Gemini", "Llama", "Kotlin", "Swift",
                 "Rust", "Node", "React", "Angular", "Django", "Rails", "PHP", "Perl", "Ruby")
VERSION = (
    r"\b[vV]\d+(?:\.\d+)+\b|\bversion\s+\d+(?:\.\d+)*\b|\b\d+\.\d+\.\d+(?:\.\d+)*\b|"
    rf"\b(?:{'|'.join(VERSION_NAMES)})\s*-?\d+(?:\.\d+)*\b"
)
STREET_WORDS = ("Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Lane", "Ln", "Drive", "Dr", "Way",
                "Place", "Pl", "Court", "Ct", "Square", "Sq", "Terrace", "Parkway", "Pkwy", "Highway", "Hwy", "Row",
                "Close", "Crescent", "Gardens", "Strasse", "Straße")
ADDRESS = (
    rf"\b\d{{1,5}}[A-Za-z]?\s+(?:[A-Z][\w'’.-]*\s+){{1,3}}(?:{'|'.join(STREET_WORDS)})\b\.?|\b[A-Z]{{2}}\s+\d{{5}}(?:-\d{{4}})?\b|"
    r"\b(?:P\.?O\.?\s+)?Box\s+\d+\b"
)
# "window.pwned = 1", "max_retries = 10", "x = 5;", "arr[3]": a number inside code quoted in the text (an
# assignment to a dotted or snake_case name, a statement closed by ";", an index glued to a name) states nothing;
# a plain "n = 84 739" (a sample size) is no code and stays a claim
_CODE_NAME = r"[A-Za-z_$][\w$]*"
_CODE_VALUE = r"-?\d[\d.]*"
CODE = (rf"(?<![\w.$]){_CODE_NAME}(?:\.{_CODE_NAME})+(?:\[[^\]\n]{{0,20}}\])?\s*(?:[-+*/%|&^]?=|===?|!==?)\s*{_CODE_VALUE}|"
        rf"(?<![\w.$])[A-Za-z$]*_[\w$]*(?:\[[^\]\n]{{0,20}}\])?\s*(?:[-+*/%|&^]?=|===?|!==?)\s*{_CODE_VALUE}|"
        rf"(?<![\w.$]){_CODE_NAME}(?:\[[^\]\n]{{0,20}}\])?\s*(?:[-+*/%|&^]?=|===?|!==?)\s*{_CODE_VALUE}\s*;|"
        r"(?<=[A-Za-z_\])])\[\d+\]")
URL_OR_EMAIL = r"\bhttps?://\S+|\bwww\.\S+|\S+@\S+\.\w+"
# "call the Samaritans on 116 123", "freephone 116123", "ring 0300 123 3393": a number to call
CALL_NUMBER = (r"\b(?:call|calls|ring|dial|phone|freephone|contacted|helpline|hotline)\b\s+(?:[\w'’.-]+\s+){0,4}?(?:on|at)?\s*"
               r"\d{3,5}[ -]?\d{3,4}(?:[ -]?\d{3,4})?\b")

# (name, pattern, gate): a pattern is only searched when its cheap gate matches the text
# (a gate of None: told from the text's words by _word_gate).
# Names and identifiers led by a word ("Section 427", "COVID-19", "Boeing 737", "19th")
# are told per number in extract.py, which is cheaper than a keyword alternation here.
PATTERNS: tuple[tuple[str, str, str | None], ...] = (
    ("date_dmy", DATE_DMY, _MONTH_GATE),
    ("date_mdy", DATE_MDY, _MONTH_DIGIT_GATE),
    ("date_my", DATE_MY, _MONTH_DIGIT_GATE),
    ("date_mdy_lower", DATE_MDY_LOWER, _MONTH_LOWER_ABBREV + r"\s*\d"),
    ("date_numeric", DATE_NUMERIC, r"\d[/.-]\d{1,2}[/.-]\d"),
    ("date_iso_month", DATE_ISO_MONTH, r"\d\d\d\d-\d\d"),
    ("year_span", YEAR_SPAN, r"\d\d\d\d\s*[-–/]"),
    ("year_abbrev", YEAR_ABBREV, r"['’]\d\d"),
    ("decade", DECADE, r"\ds\b"),
    ("period_phrase", PERIOD_PHRASE, None),  # gated by the words of the text: _word_gate
    ("time_of_day", TIME_OF_DAY, r"(?i)\d:\d|\d\s*[ap]\.?\s?m\b|o['’]clock|24/7|9/11"),
    ("phone", PHONE, r"1-8\d\d|\(\d|\d[\s.-]\d\d\d[\s.-]\d\d\d|\+\d"),
    ("list_number", LIST_NUMBER, r"(?m)^[ \t]*(?:[-*•·][ \t]*)?\(?\d{1,3}[.)][ \t]"),
    ("inline_list_number", INLINE_LIST_NUMBER, r"[:;]\s*\(?\d{1,2}[.)]\s"),
    ("group_of", GROUP_OF, r"Group\s+of"),
    ("top_ranking", TOP_RANKING, r"(?i)top[- ]\d"),
    ("chip_node", CHIP_NODE, r"\d\s?nm\b"),
    ("result_line", RESULT_LINE, r"[A-Z][\w.'’-]*\s+\d{1,3}\s+[A-Z]|\d\s*\(\d"),
    ("score", SCORE, r"\d\s*[-–]\s*\d"),
    ("version", VERSION, None),
    ("address", ADDRESS, None),
    ("url_or_email", URL_OR_EMAIL, r"@|https?://|www\."),
    ("code", CODE, r"=|[\w\]]\["),
    ("set_scores", SET_SCORES, r"[0-7]\s?[-–]\s?[0-7]"),
    ("sprint_benchmark", SPRINT_BENCHMARK, r"(?i)\d\s*(?:mph|km/h|kph|kmph|kmh)"),
    ("relative_time", RELATIVE_TIME, r"(?i)\b(?:ago|later|earlier)\b"),
    ("named_list", NAMED_LIST, r"\("),
    ("named_list_words", NAMED_LIST, rf"(?i)\b(?:{_LIST_NOUNS})\s+\(?\d"),
    ("rugby_result", RUGBY_RESULT, r"\(\d{1,2}\)\s+\d|(?:Tries|Try|Penalties|Pens|Conversions|Cons|Goals|Scorers?)\s*:"),
    ("sentence_list_number", SENTENCE_LIST_NUMBER, r"\d\.\s+[A-Z]|\(\d{1,2}\)\s+[A-Z]"),
    ("match_minute", MATCH_MINUTE, r"(?i)\b(?:" + "|".join(_FOOTBALL_WORDS) + r")\b"),
    ("framing", FRAMING, r"(?i)[- ](?:day|week|month|year)\s|\bsame\s|\b(?:first|last|next|final|opening|previous|remaining|other)\s"),
    ("unit_definition", UNIT_DEFINITION, r"(?i)\bequal|=\s*100\b|\s=\s"),
    ("team_descriptor", TEAM_DESCRIPTOR, r"\d-man\b"),
    ("game_score", GAME_SCORE, r"love-"),
    ("number_to_call", NUMBER_TO_CALL, r"(?i)number\s+to\s+(?:call|ring|dial|text)"),
    ("call_number", CALL_NUMBER, r"(?i)\b(?:call|calls|ring|dial|phone|freephone|contacted|helpline|hotline)\b"),
)
# Characters a pattern cannot match without: a substring test skips its gate regex.
_NEEDS: dict[str, tuple[str, ...]] = {
    "date_numeric": ("/", ".", "-"), "date_iso_month": ("-",), "year_span": ("-", "–", "/"),
    "year_abbrev": ("'", "’"), "time_of_day": (":", "m", "M", "/", "clock"), "phone": ("-", "(", "+", ".", " "),
    "score": ("-", "–"), "url_or_email": ("@", "http", "www."), "code": ("=", "["),
    # what each of these gates needs (their gates are asked of nearly every text, these characters are rarer)
    "inline_list_number": (":", ";"), "group_of": ("Group",), "set_scores": ("-", "–"), "named_list": ("(",),
    "rugby_result": ("(", ":"), "team_descriptor": ("-man",), "game_score": ("love-",),
}

# Gates told from the words of the text (one split, then set lookups) where a regex gate
# would be a long alternation tried at every position. Each is true whenever the
# pattern can match (it may be true more often; the pattern decides).
_PERIOD_LEAD = frozenset("""first past last next previous final coming following latest preceding highest lowest
biggest largest smallest fastest slowest sharpest steepest strongest weakest best worst most least""".split())
_SPAN_WORDS = frozenset({"days", "weeks", "months", "quarters", "years"})
_SPAN_ENDS = frozenset({"to", "through", "ending", "ended", "until"})
_VERSION_WORDS = frozenset(n.split("-")[0].lower() for n in VERSION_NAMES) | {"version"}
_STREET_LOW = frozenset(w.lower() for w in STREET_WORDS) | {"box"}
_VERSION_DOTS_RE = re.compile(r"\d\.\d+\.\d")
_LETTERS_THEN_DIGIT_RE = re.compile(r"\b([A-Za-z]+)\d")  # "GPT4", "Web3", "v2"
# what every match of it holds: a digit right after a letter (a search led by the digit is quick; most texts have none)
_LETTER_THEN_DIGIT_RE = re.compile(r"\d(?<=[A-Za-z]\d)")
_STATE_ZIP_RE = re.compile(r"[A-Z]{2}\s+\d{5}")
_WORD_SPLIT_RE = re.compile(r"\w+")


def _word_gate(name: str, words: set[str], text: str) -> bool:
    """The gate of a pattern whose PATTERNS gate is None, told from the text's lower-cased words."""
    if name == "period_phrase":
        return not words.isdisjoint(_PERIOD_LEAD) or (
            "the" in words and not words.isdisjoint(_SPAN_WORDS) and not words.isdisjoint(_SPAN_ENDS))
    if name == "version":
        return (not words.isdisjoint(_VERSION_WORDS) or _VERSION_DOTS_RE.search(text) is not None
                or (_LETTER_THEN_DIGIT_RE.search(text) is not None and
                    any(w.lower() in _VERSION_WORDS or w in ("v", "V") for w in _LETTERS_THEN_DIGIT_RE.findall(text))))
    if name == "address":
        return not words.isdisjoint(_STREET_LOW) or _STATE_ZIP_RE.search(text) is not None
    raise ValueError(f"no word gate for {name}")


_CASE_SENSITIVE = {"date_dmy", "date_mdy", "date_my", "date_mdy_lower", "version", "address", "inline_list_number", "group_of", "result_line",
                   "sentence_list_number"}


def _compile(name: str, pattern: str) -> re.Pattern:
    flags = 0 if name in _CASE_SENSITIVE else re.IGNORECASE
    return re.compile(pattern, flags)


def _list_noun_forms(alternation: str) -> frozenset[str]:
    """The words of a plain alternation of nouns with optional plural `s` ("lanes?|buses")."""
    forms = set()
    for part in alternation.split("|"):
        base = part[:-2] if part.endswith("s?") else part
        forms.update((base, base + "s") if part.endswith("s?") else (base,))
    return frozenset(forms)


# Words a gate cannot match without (any case: a whole word of the lower-cased text), for gates that
# are an alternation of words tried at every position. A text holding none of them skips the gate,
# which changes nothing: each set is a necessary condition of its gate. (A text with one of the four
# letters that match an ASCII letter only under IGNORECASE, lexicon.odd_case, always asks the gate.)
_GATE_WORDS: dict[str, frozenset[str]] = {
    "named_list_words": _list_noun_forms(_LIST_NOUNS),
    "match_minute": frozenset(re.match(r"\w+", w).group(0) for w in _FOOTBALL_WORDS),
    "call_number": frozenset("call calls ring dial phone freephone contacted helpline hotline".split()),
    "relative_time": frozenset({"ago", "later", "earlier"}),
    "framing": frozenset("day week month year same first last next final opening previous remaining other".split()),
}
# Substrings of the lower-cased text a gate cannot match without (any one of them).
_GATE_LOW: dict[str, tuple[str, ...]] = {
    "date_mdy_lower": ("jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."),
    "top_ranking": ("top",),
    "unit_definition": ("equal", "="),
    "number_to_call": ("number",),
    "sprint_benchmark": ("mph", "km", "kph"),
    "time_of_day": (":", "clock", "24/7", "9/11"),
}
# ... or a cheap search (one leading character class, which the regex engine scans for quickly).
_GATE_PRE_RE: dict[str, re.Pattern] = {
    "time_of_day": re.compile(r"\d\s*[apAP]\.?\s?[mM]"),  # ("5 per cent", "3 people" have no "m" after the a/p)
}
assert all(re.fullmatch(r"[a-z]+", w) for ws in _GATE_WORDS.values() for w in ws)


def _holds_any(low: str, subs: tuple[str, ...]) -> bool:
    """One of the substrings is in `low` (a few `in` tests are cheaper than one search of their alternation)."""
    for sub in subs:
        if sub in low:
            return True
    return False


_COMPILED = tuple((name, _compile(name, pattern), re.compile(gate) if gate else None, _NEEDS.get(name),
                   _GATE_WORDS.get(name), _GATE_LOW.get(name), _GATE_PRE_RE.get(name))
                  for name, pattern, gate in PATTERNS)


# Gates asked of nearly every text that seldom match, each with what a match of it holds: a pattern that
# opens with a digit, or one of a few substrings. The digit-led patterns are searched all at once (one search
# of their alternation, quick when every branch opens with a digit, matches wherever one of them does): a text
# where it finds nothing asks only the gates whose substrings it holds, where each would be a search of its own.
_DIGIT_LED_NEEDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "date_numeric": (r"\d[/.-]\d{1,2}[/.-]\d", ()),  # (the gate itself)
    "decade": (r"\ds\b", ()),
    "chip_node": (r"\d\s?nm\b", ()),
    "list_number": (r"\d[.)][ \t]", ()),
    "phone": (r"\d[\s.-]\d\d\d[\s.-]\d\d\d", ("1-8", "(", "+")),
    "result_line": (r"\d\s+[A-Z]", ("(",)),  # "Scotland 0 Portugal 0": "0 P"; "7-6(3)": "("
    "sentence_list_number": (r"\d\.\s+[A-Z]", ("(",)),
}
_DIGIT_LED_RE = re.compile("|".join(f"(?:{rx})" for rx, _ in _DIGIT_LED_NEEDS.values()))
_DIGIT_LED_SUBS = {name: subs for name, (_, subs) in _DIGIT_LED_NEEDS.items()}

# one search each (substring semantics, any case) instead of a Python loop over the cues
def _cue_re(phrases, prefix: str = "") -> re.Pattern:
    return re.compile(prefix + "(?:" + "|".join(re.escape(c.lower()) for c in sorted(phrases, key=len, reverse=True)) + ")")


_AD_CUES_RE = _cue_re(LEXICON.ad_cues)
# The cues are plain substrings of the lower-cased paragraph: `in` tests tell whether one is there,
# cheaper than the search, which is asked only then (for the leftmost cue it names).
_AD_CUES_LOW = tuple(c.lower() for c in LEXICON.ad_cues)
_NOTICES_LOW = tuple(c.lower() for c in LEXICON.furniture_notices)
# labels and navigation words are also words of reporting ("The study, sponsored by a charity,
# found ...", "earnings per share this year"): they mark furniture only where they open the paragraph
# (a label may also stand alone in brackets: "3 ways to cut your bill (sponsored)")
_PARAGRAPH_OPENING = r"^[\W_]{0,3}"
_LABEL_ALONE = r"(?=\s*(?:$|[:|–—(\[-]|(?:by|content|post|feature|links?|stories)\b))"  # not "Advertisement revenue"
_AD_LABELS_RE = re.compile(_cue_re(LEXICON.ad_labels, _PARAGRAPH_OPENING).pattern + _LABEL_ALONE + "|[(\\[]"
                           + _cue_re(LEXICON.ad_labels).pattern + "[)\\]]")
_FURNITURE_ANYWHERE_RE = _cue_re([c for c in LEXICON.furniture_cues if c.endswith(":")])  # "Tel:", "Email:"
_FURNITURE_OPENING_RE = _cue_re([c for c in LEXICON.furniture_cues if not c.endswith(":")], _PARAGRAPH_OPENING)
_FURNITURE_NOTICES_RE = _cue_re(LEXICON.furniture_notices)
# a paragraph that reports something is no notice, whatever words it holds
_REPORTING_RE = re.compile(r"\b(?:" + "|".join(sorted(LEXICON.attribution_verbs, key=len, reverse=True)) + r")\b")
# Page furniture that carries its own numbers: counters, pagers, reading times, ratings.
FURNITURE_PATTERNS = re.compile(
    r"^\s*(?:share|shares|comments?|likes?|views?|photo|image|picture|page|slide|video)s?\s*[:(]?\s*\d+\)?"
    r"(?:\s+of\s+\d+)?|\b\d+\s*(?:min|mins|minute|minutes)\s+read\b|\brated\s+\d(?:\.\d)?\s*(?:/|out\s+of)\s*\d\b|"
    r"^\s*(?-i:\d+\s+[A-Z][\w’']*(?:\s+[A-Z][\w’']*)*)\s*$",
    re.IGNORECASE,
)
FURNITURE_MAX_CHARS = 240
# "Save 20% off", "30% off all orders"; not "knock 0.8% off world output"
AD_DISCOUNT_RE = re.compile(r"\b(?:save|get|take|enjoy|extra|now|flat)\s+(?:up\s+to\s+)?\d+\s*%\s+off\b|\b\d+\s*%\s+off\s+"
                            r"(?:all|your|everything|orders?|sitewide|storewide|selected|today|now|when|first|any|the\s+first)\b|"
                            r"\d+\s*%\s+off\s*[!*]|^\s*\d+\s*%\s+off\b", re.IGNORECASE)


class Spans:
    """Sorted, possibly overlapping spans with a fast 'does x fall inside one' test."""

    __slots__ = ("starts", "ends", "max_end")

    def __init__(self, spans: list[tuple[int, int]]):
        spans.sort()
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        running, self.max_end = -1, []
        for e in self.ends:
            running = max(running, e)
            self.max_end.append(running)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.max_end[i] > start


# Three or more groups of digits separated by spaces, dots or dashes, seven digits or more
# in all: a phone number ("0800 123 4567", "+33 1 23 45 67 89").
DIGIT_GROUPS_RE = re.compile(r"(?<![\w,.])(?:\+\d{1,3}[\s.-]?)?(?:\(?\d{1,5}\)?[ .-]){2,5}\d{2,5}(?!\w|[,.]\d)")
PHONE_MIN_DIGITS = 7
# what every match of DIGIT_GROUPS_RE holds (a digit, a separator, a digit), found by a quick scan
_DIGIT_GROUPS_PRE_RE = re.compile(r"\d\)?[ .-]\(?\d")
# "2 400 000", "R2 493 000": thousands grouped by spaces, no phone number (a phone's groups are not
# all of three digits after a first group with no leading zero)
SPACED_THOUSANDS_RE = re.compile(r"[1-9]\d{0,2}(?: \d{3})+")


# Terminal control sequences: ESC [ 31 m (CSI), ESC ] 0 ; title BEL (OSC), and the one-byte CSI.
# Their digits are parameters, not figures.
_CONTROL_SEQUENCE_RE = re.compile(r"(?:\x1b[\[\]]|\x9b)[0-9;:?]*")


_SPENT_BEFORE_RE = re.compile(r"\bspen(?:t|d|ds|ding)\s+(?:the\s+)?$", re.IGNORECASE)


def blocked_spans(text: str) -> Spans:
    """Spans of `text` whose numbers are not claims."""
    spans = []
    if "\x1b" in text or "\x9b" in text:
        spans.extend((m.start(), m.end()) for m in _CONTROL_SEQUENCE_RE.finditer(text))
    for m in (DIGIT_GROUPS_RE.finditer(text) if _DIGIT_GROUPS_PRE_RE.search(text) else ()):
        if sum(ch.isdigit() for ch in m.group(0)) >= PHONE_MIN_DIGITS and not SPACED_THOUSANDS_RE.fullmatch(m.group(0)):
            spans.append((m.start(), m.end()))
    gates: dict[str, bool] = {}
    low = text.lower()
    words = lower_words_of(text)
    odd = odd_case(text)
    digit_led = _DIGIT_LED_RE.search(text) is not None
    for name, rx, gate, needs, gate_words, gate_low, gate_pre in _COMPILED:
        if needs is not None:
            for sub in needs:  # (a few `in` tests are cheaper than one search of their alternation)
                if sub in text:
                    break
            else:
                continue
        if gate is None:
            fired = _word_gate(name, words, text)
        else:
            if (gate_words is not None or gate_low is not None) and not odd and not (
                    (gate_words is not None and not words.isdisjoint(gate_words))
                    or (gate_low is not None and _holds_any(low, gate_low))
                    or (gate_pre is not None and gate_pre.search(text))):
                continue  # the gate cannot match: no word, substring or leading pattern it needs
            if not digit_led and (subs := _DIGIT_LED_SUBS.get(name)) is not None and not _holds_any(text, subs):
                continue  # neither the digit-led pattern nor a substring a match of the gate holds
            fired = gates.get(gate.pattern)
            if fired is None:
                fired = gates[gate.pattern] = gate.search(text) is not None
        if fired:
            if name == "period_phrase":  # "spent the last 200 days in space": a time spent is a claim, not a period
                spans.extend((m.start(), m.end()) for m in rx.finditer(text) if m.end() > m.start() and
                             not _SPENT_BEFORE_RE.search(text, max(0, m.start() - 16), m.start()))
            else:
                spans.extend((m.start(), m.end()) for m in rx.finditer(text) if m.end() > m.start())
    return Spans(spans)


def furniture_flags(paras: list[str]) -> list[bool]:
    """is_furniture for each paragraph, plus paragraphs sandwiched between furniture
    (an ad block's product blurb carries no cue of its own)."""
    flags = [is_furniture(p) for p in paras]
    out = list(flags)
    for i, f in enumerate(flags):
        if f:
            continue
        before = any(flags[max(0, i - SANDWICH):i])
        after = any(flags[i + 1:i + 1 + SANDWICH])
        out[i] = before and after
    return out


SANDWICH = 3


def furniture_reason(paragraph: str) -> str | None:
    """Why a paragraph is an advertisement or page furniture ("ad: click here", "notice:
    cookies", ...), or None when it is text to read. Each reason is one rule of is_furniture."""
    low = paragraph.lower()
    # (a label opens the paragraph, where a match is tried, or stands in brackets, which need "(" or "[")
    m = (_AD_CUES_RE.search(low) if _holds_any(low, _AD_CUES_LOW) else None) or (
        _AD_LABELS_RE.search(low) if "(" in low or "[" in low else _AD_LABELS_RE.match(low))
    if m:
        return "ad: " + m.group(0).strip(" \t\n\"'“”-*•()[]")
    if "% off" in low and AD_DISCOUNT_RE.search(paragraph):
        return "ad: discount"
    if len(paragraph) > FURNITURE_MAX_CHARS:
        return None
    if paragraph.count("|") >= 2:
        return "furniture: pipes"  # "Share 214 | Comments 38", "60 Capsules | Vegan | Gluten free"
    # (every cue found anywhere ends in ":")
    m = (_FURNITURE_ANYWHERE_RE.search(low) if ":" in low else None) or _FURNITURE_OPENING_RE.match(low)
    if m:
        return "furniture: " + m.group(0).strip(" \t\n\"'“”-*•([")
    m = _FURNITURE_NOTICES_RE.search(low) if _holds_any(low, _NOTICES_LOW) else None
    if m and not _REPORTING_RE.search(low):
        return "notice: " + m.group(0)
    # its middle rules need "read" or "rated"; without them only the rules anchored at ^ can match, at 0
    m = FURNITURE_PATTERNS.search(paragraph) if ("read" in low or "rated" in low) else FURNITURE_PATTERNS.match(paragraph)
    if m:
        return "furniture: counter"
    return None


def is_furniture(paragraph: str) -> bool:
    """An advertisement or a piece of page furniture (contact lines, cookie notices)."""
    return furniture_reason(paragraph) is not None


# ---- numbers that name or order something, told per number ------------------------
# A number right after one of these words names something: "Section 427", "junction 10",
# "Brief No. 1360", "call 911", "Title 42".
NAMED_NOUNS = frozenset("""
no nos number section sec article art chapter ch resolution rule clause paragraph para title amendment bill
room flight route highway interstate exit gate platform page pages p pp vol volume issue episode season part
phase level grade class category brief case docket item figure fig table annex appendix model version ver
proposition prop lot unit apt apartment suite box block ward district precinct squadron battalion regiment
division brigade pier terminal track line bus act order directive regulation protocol step stage round week
day game match lane decree law code form schedule tier zone area sector ext extension vision agenda group
junction footnote slide question photo image picture floor row seat release channel recommendation point
timetable service reference ref grant seeded
annex hole lap verse psalm scene pillar league hotline helpline postcode zip pin id dial call ring
""".split())
_NAME_BEFORE_RE = re.compile(r"(?<![A-Za-z])([A-Za-z]+)\.?\s*(?:No\.?\s*)?[:#]?\s*$")
_NUMBER_SIGN_RE = re.compile(r"\b(?:No|NO|Nos)\.?\s*$")
_TEXT_TO_RE = re.compile(r"\btext\s+\w+\s+to\s+$", re.IGNORECASE)
_MEASURE_AFTER_RE = re.compile(r",\d|\s*(?:%|percent|per\s+cent|million|billion|thousand|people|of\s+the)", re.IGNORECASE)
_MEASURE_NOT_OF_RE = re.compile(r",\d|\s*(?:%|percent|per\s+cent|million|billion|thousand|people)", re.IGNORECASE)
_ORDINAL_SUFFIX_RE = re.compile(r"(?:st|nd|rd|th)\b")
_WORD_ORDINAL_RE = re.compile(r"[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", re.IGNORECASE)
_LETTER_HYPHEN_RE = re.compile(r"[A-Za-z]-$")
_PAREN_LETTER_RE = re.compile(r"\(\w\)")


def names_or_orders(text: str, start: int, end: int, floor: int, words: bool) -> bool:
    """The number at text[start:end] is an ordinal ("19th", "twenty-first") or part of a
    name ("COVID-19", "F-16", "#1", "401(k)", "Section 427", "call 911")."""
    if words:
        return _WORD_ORDINAL_RE.match(text, end) is not None
    if _ORDINAL_SUFFIX_RE.match(text, end):
        return True
    before = text[max(floor, start - 30):start]
    # (the substring tests before each search are what its match needs: "-", "N", "text" in any case)
    if before.endswith("#") or ("-" in before and _LETTER_HYPHEN_RE.search(before) and not before.lower().endswith("sub-")) \
            or _PAREN_LETTER_RE.match(text, end):
        return True
    if "N" in before and _NUMBER_SIGN_RE.search(before) and not _MEASURE_AFTER_RE.match(text, end):
        return True  # "regained No. 1", "at No.7"
    m = _NAME_BEFORE_RE.search(before)
    if m and m.group(1).lower() in NAMED_NOUNS and "," not in text[start:end] and not _MEASURE_NOT_OF_RE.match(text, end):
        return True  # ("junction 10 of the M25", "phase 2 of the plan": a name, then what it is part of)
    return "text" in before.lower() and _TEXT_TO_RE.search(before) is not None
