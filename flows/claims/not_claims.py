"""Numbers that are not claims: dates, times, ordinals, identifiers, phone numbers,
list numbering, scores, versions, addresses, and the text of ads and page furniture.

`blocked_spans(text)` returns sorted (start, end) spans; a number inside one is not a
claim. `is_furniture(paragraph)` says whether a paragraph is an ad or page furniture.
Each pattern is a named module-level constant so a test can point at it."""
from __future__ import annotations

import bisect
import re

from flows.claims.lexicon import LEXICON, phrase_alternation

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ORD_WORDS = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_TENS_WORDS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"

DATE_DMY = rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b"
DATE_MDY = rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?(?![,.]?\d)"
DATE_MY = rf"\b{_MONTH}\s+\d{{4}}\b"
DATE_NUMERIC = r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b"
DATE_ISO_MONTH = r"\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])\b"
YEAR_SPAN = r"\b(?:1[89]|20|21)\d\d\s*[-–/]\s*(?:(?:1[89]|20|21)\d\d|\d\d)\b(?!\s*(?:%|percent|per\s+cent))"
YEAR_ABBREV = r"(?<!\w)['’]\d\d\b(?!\s*(?:%|percent))"
DECADE = r"(?:\b(?:early|mid|late)[- ])?(?:\b\d{2,4}|['’]\d\d)s\b"
TIME_OF_DAY = r"\b\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?\s?m\b\.?)?|\b\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\b\.?|\b\d{1,2}\s*o['’]clock\b|\b24/7\b|\b9/11\b"
ORDINAL = rf"\b\d+(?:st|nd|rd|th)\b|\b{_TENS_WORDS}[- ]{_ORD_WORDS}\b|\b\w+(?:st|nd|rd|th)[- ]century\b"
IDENTIFIER = (
    r"\b[A-Za-z][A-Za-z]*-\d[\w./-]*|\b[A-Z]{1,4}\d+[A-Za-z\d.]*\b|#\d+\b|\b[A-Z]{1,4}\.\d+\b|"
    r"\b[A-Za-z]+/\d[\d.]*\b|\b\d+(?:\.\d+)?/\d{3,}\b|\b\d{3,}/\d+\b|\b\d+\.\d+/\d+\b|\b\d+\(\w\)"
)
LOWERCASE_NAMED_NUMBER = (
    r"\b(?:junction|page|pages|exit|gate|platform|chapter|section|article|clause|paragraph|footnote|"
    r"slide|question|figure|fig\.|table|appendix|photo|image|room|floor|row|seat|episode|season|flight|"
    r"route|dial|call|ring|text\s+\w+\s+to|extension|ext\.|line|number|no\.|item|grade|level|stage|"
    r"round|phase|version|release|model|channel|terminal|track|lane|pier|ward|district|precinct|zone|lot|"
    r"box|apartment|apt\.|suite|unit|recommendation|point|step|part|annex|rule|question|hole|lap|day|"
    r"week|game|match|verse|psalm|act|scene|pillar|tier|category|class|stage|division|league|"
    r"number\s*:|hotline|helpline|code|postcode|zip|pin|id)\s*[:#]?\s*\d[\d.:/-]*\b(?!,\d|\s*(?:%|percent|per\s+cent|"
    r"million|billion|thousand|people|of\s+the))"
)
PERIOD_PHRASE = (
    r"\b(?:the\s+)?(?:first|past|last|next|previous|final|coming|following|latest|preceding)\s+"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|"
    r"hundred)\s+)(?:days|weeks|months|quarters|years|decades|centuries)\b"
)
NAMED_NUMBER = (
    r"\b(?:No|Nos|Number|Section|Sec|Article|Art|Chapter|Resolution|Rule|Clause|Paragraph|Para|"
    r"Title|Amendment|Bill|Room|Flight|Route|Highway|Interstate|Exit|Gate|Platform|Page|Pages|Vol|"
    r"Volume|Issue|Episode|Season|Part|Phase|Level|Grade|Class|Category|Brief|Case|Docket|Item|"
    r"Figure|Fig|Table|Annex|Appendix|Model|Version|Ver|Proposition|Prop|Lot|Unit|Apt|Suite|Box|"
    r"Block|Ward|District|Precinct|Squadron|Battalion|Regiment|Division|Brigade|Pier|Terminal|Track|"
    r"Line|Bus|Act|Order|Directive|Regulation|Protocol|Step|Stage|Round|Week|Day|Game|Match|Lane|"
    r"Decree|Law|Code|Form|Schedule|Tier|Zone|Area|Sector|Ext|Extension|Vision|Agenda|Group|Vatican)"
    r"\.?\s*(?:No\.?\s*)?#?\d[\d.:/-]*\b|\b(?:no|nos|p|pp|para|art|sec|ch|vol)\.\s*\d[\d.-]*\b"
)
PHONE = (
    r"\b1-8\d\d-\d{3}-\d{4}\b|"
    r"(?:\+\d{1,3}[\s.-]?)?\(\d{2,4}\)[\s.-]?\d{3}[\s.-]?\d{3,4}\b|"
    r"(?:\+\d{1,3}[\s.-]?)?\b\d{3}[\s.-]\d{3}[\s.-]\d{4}\b|"
    r"\+\d{1,3}(?:[\s.-]?\d{2,4}){2,5}\b"
)
LIST_NUMBER = r"(?m:^)[ \t]*(?:[-*•·][ \t]*)?\(?\d{1,3}[.)](?=[ \t]+\S)"
_NOT_A_MEASURE = (
    r"(?!\d|[.,]\d|\s*(?:%|percent|per\s+cent|percentage|million|billion|thousand|years?|months?|weeks?|days?"
    r"|hours?|people|kg|km|miles?|metres?|meters?)\b|\s*%)"
)
SCORE = (
    r"(?:\b(?:won|win|wins|beat|beats|beaten|defeated|lost|lose|loses|drew|draw|drawn|victory|defeat|score|"
    r"scored|scoreline|lead|led|leads|trailed|trail|edged|thrashed|routed|tied|ended|finished|"
    r"hammered|crushed|downed|stunned|rallied)\b(?:\s+[\w'’-]+){0,4}?\s+)"
    r"\d{1,3}\s*[-–]\s*\d{1,3}\b(?:,\s*\d{1,3}\s*[-–]\s*\d{1,3}\b)*" + _NOT_A_MEASURE + r"|\b\d{1,3}\s*[-–]\s*\d{1,3}\s+(?:win|victory|defeat|loss|draw|lead|"
    r"home win|away win|triumph|thrashing|scoreline)\b"
)
VERSION = (
    r"\b[vV]\d+(?:\.\d+)+\b|\bversion\s+\d+(?:\.\d+)*\b|\b\d+\.\d+\.\d+(?:\.\d+)*\b|"
    r"\b(?:Python|iOS|iPadOS|macOS|Android|Windows|Linux|Ubuntu|Debian|Java|Chrome|Firefox|GPT|"
    r"Bluetooth|Wi-Fi|USB|HTML|HTTP|Office|Excel|Web|PlayStation|Xbox|iPhone|Galaxy|Pixel|Claude|"
    r"Gemini|Llama|Kotlin|Swift|Rust|Node|React|Angular|Django|Rails|PHP|Perl|Ruby)\s*-?\d+(?:\.\d+)*\b"
)
ADDRESS = (
    r"\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|"
    r"Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Square|Sq|Terrace|Parkway|Pkwy|Highway|Hwy|Row|Close|"
    r"Crescent|Gardens|Strasse|Straße)\b\.?|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|"
    r"\b(?:P\.?O\.?\s+)?Box\s+\d+\b"
)
URL_OR_EMAIL = r"\bhttps?://\S+|\bwww\.\S+|\S+@\S+\.\w+"
MONEY_CODE_LOOKALIKE = r"\b(?:COVID|Covid|covid|SARS|MERS|H\dN\d)\b-?\d*"

PATTERNS: tuple[tuple[str, str], ...] = (
    ("date_dmy", DATE_DMY),
    ("date_mdy", DATE_MDY),
    ("date_my", DATE_MY),
    ("date_numeric", DATE_NUMERIC),
    ("date_iso_month", DATE_ISO_MONTH),
    ("year_span", YEAR_SPAN),
    ("year_abbrev", YEAR_ABBREV),
    ("decade", DECADE),
    ("lowercase_named_number", LOWERCASE_NAMED_NUMBER),
    ("period_phrase", PERIOD_PHRASE),
    ("time_of_day", TIME_OF_DAY),
    ("ordinal", ORDINAL),
    ("identifier", IDENTIFIER),
    ("named_number", NAMED_NUMBER),
    ("phone", PHONE),
    ("list_number", LIST_NUMBER),
    ("score", SCORE),
    ("version", VERSION),
    ("address", ADDRESS),
    ("url_or_email", URL_OR_EMAIL),
    ("disease_name", MONEY_CODE_LOOKALIKE),
)

_CASE_SENSITIVE = {"date_dmy", "date_mdy", "date_my", "identifier", "named_number", "version", "address", "disease_name"}


def _compile(name: str, pattern: str) -> re.Pattern:
    flags = 0 if name in _CASE_SENSITIVE else re.IGNORECASE
    return re.compile(pattern, flags)


# One alternation for speed: each branch a named group so the caller can tell which fired.
BLOCKED_RE = re.compile("|".join(f"(?P<{n}>{p})" for n, p in PATTERNS if n not in _CASE_SENSITIVE), re.IGNORECASE)
BLOCKED_CS_RE = re.compile("|".join(f"(?P<{n}>{p})" for n, p in PATTERNS if n in _CASE_SENSITIVE))

_AD_RE = re.compile(r"(?:" + phrase_alternation(LEXICON.ad_cues) + r")", re.IGNORECASE)
_FURNITURE_RE = re.compile(r"(?:" + phrase_alternation(LEXICON.furniture_cues) + r")", re.IGNORECASE)
# Page furniture that carries its own numbers: counters, pagers, reading times, ratings.
FURNITURE_PATTERNS = re.compile(
    r"^\s*(?:share|shares|comments?|likes?|views?|photo|image|picture|page|slide|video)s?\s*[:(]?\s*\d+\)?"
    r"(?:\s+of\s+\d+)?|\b\d+\s*(?:min|mins|minute|minutes)\s+read\b|\brated\s+\d(?:\.\d)?\s*(?:/|out\s+of)\s*\d\b|"
    r"(?:[^|\n]*\|){2,}|^\s*\d+\s+[A-Z][\w’']*(?:\s+[A-Z][\w’']*)*\s*$",
    re.IGNORECASE,
)
FURNITURE_MAX_CHARS = 240


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


def blocked_spans(text: str) -> Spans:
    """Spans of `text` whose numbers are not claims."""
    spans = []
    for m in DIGIT_GROUPS_RE.finditer(text):
        if sum(ch.isdigit() for ch in m.group(0)) >= PHONE_MIN_DIGITS:
            spans.append((m.start(), m.end()))
    for rx in (BLOCKED_RE, BLOCKED_CS_RE):
        for m in rx.finditer(text):
            if m.end() > m.start():
                spans.append((m.start(), m.end()))
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


def is_furniture(paragraph: str) -> bool:
    """An advertisement or a piece of page furniture (contact lines, cookie notices)."""
    if _AD_RE.search(paragraph):
        return True
    if len(paragraph) > FURNITURE_MAX_CHARS:
        return False
    return _FURNITURE_RE.search(paragraph) is not None or FURNITURE_PATTERNS.search(paragraph) is not None
