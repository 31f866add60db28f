"""What a number counts or measures: the noun phrase after it ("400,000 migrants",
"80 percent rejection rate", "50 percent of asylum requests") or, failing that, the one
before its verb ("the unemployment rate rose to 5%"). No tagger: a word list of
function words and verb forms marks where a noun phrase ends."""
from __future__ import annotations

import re

STOP = frozenset("""
a an the this that these those its their his her our my your some any each every all both either neither
no not nor only just even also still already now then there here very more most less least much many
in on at by for from to with into onto over under between among during since after before across through
per via as than about around against within without toward towards upon like of off out up down near
and or but while whereas if because so yet although though unless until till when where which who whom whose
what why how
is are was were be been being am has have had do does did will would can could may might must shall should
it they he she we i you them him us me one ones
said says say told according reported estimated according
""".split())

VERBISH = frozenset("""
entered died crossed fled arrived left live lived living work worked working stay stayed remain remained
remains became become becomes came come comes went go goes got get gets made make makes took take takes
saw see sees rose fell grew dropped increased decreased declined jumped surged climbed reached hit stood
applied received lost gained earned paid cost costs spent spend raised cut owned own owns needed need needs
voted vote votes killed wounded injured arrested detained deported returned moved move moves joined join
attended attend registered listed counted recorded reported expected seeking seek seeks sought tried try
tries attempting attempt attempts face faces faced hold holds held include includes included involve
involves involved use uses used want wants wanted leave leaves leaving enter enters entering cross crosses
crossing flee flees fleeing died dies die were
""".split())

ING_NOUNS = frozenset("""funding spending housing building buildings training smuggling trafficking lending
borrowing financing schooling shipping manufacturing mining clothing processing polling testing screening
staffing bombing bombings fighting shooting shootings killing killings warming rating ranking earnings
savings holdings meeting meetings offering offerings listing listings landing landings opening openings
crossing crossings sitting hearing hearings""".split())

_TOKEN_RE = re.compile(r"[^\W\d_][\w'’.-]*[\w]|[^\W\d_]|[^\w\s]|\d[\d,.]*")
_MAX_WORDS = 6


def _is_word(tok: str) -> bool:
    return tok[:1].isalpha()


def _content(tok: str) -> bool:
    t = tok.lower()
    return _is_word(tok) and t not in STOP and t not in VERBISH and not t.endswith("ly")


def subject_after(text: str, pos: int, end: int, *, allow_of: bool = False,
                  through_prep: bool = False) -> tuple[str, str, int] | None:
    """(subject, head word, end offset) of the noun phrase starting at `pos`.

    allow_of: the phrase may start with "of" ("50 percent of asylum requests").
    through_prep: the phrase may start with "in"/"of" ("a 5% rise in prices").
    """
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, pos, end)][:16]
    i = 0
    if toks and (allow_of or through_prep) and toks[0][0].lower() in (("of", "in", "for", "on") if through_prep else ("of",)):
        i = 1
        while i < len(toks) and toks[i][0].lower() in ("the", "all", "its", "their", "those", "these", "his", "her", "our"):
            i += 1
    words: list[tuple[str, int, int]] = []
    while i < len(toks) and len(words) < _MAX_WORDS:
        tok, s, e = toks[i]
        low = tok.lower()
        if not _content(tok):
            break
        if (low.endswith("ed") or (low.endswith("ing") and low not in ING_NOUNS)) and len(low) > 4:
            nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
            if not _content(nxt) or nxt.lower().endswith(("ed", "ing")):
                break
        words.append((tok, s, e))
        i += 1
    if not words:
        return None
    # one "of"/"from" continuation: "people of Chinese descent", "requests from Chinese citizens"
    if i < len(toks) and toks[i][0].lower() in ("of", "from") and len(words) < _MAX_WORDS:
        j = i + 1
        while j < len(toks) and toks[j][0].lower() in ("the", "all", "its", "their"):
            j += 1
        more = []
        while j < len(toks) and len(words) + len(more) < _MAX_WORDS + 2 and _content(toks[j][0]):
            t = toks[j][0].lower()
            if (t.endswith("ed") or (t.endswith("ing") and t not in ING_NOUNS)) and len(t) > 4:
                break
            more.append(toks[j])
            j += 1
        if more:
            head = words[-1][0]
            subject = text[words[0][1]:more[-1][2]]
            return subject, head, more[-1][2]
    head = words[-1][0]
    return text[words[0][1]:words[-1][2]], head, words[-1][2]


_LEFT_SKIP = frozenset("""to by at of from on for in was were is are be been being has have had stood reached hit
totalled totaled totals total numbered numbers number rose fell grew increased decreased declined dropped jumped
climbed surged soared slid plunged up down than as saw see sees hits reach reaches reaching stands stand
estimated put puts about around nearly almost some more over under at least roughly approximately
exceeded topped approached stood""".split())


def subject_before(text: str, pos: int, start: int) -> str | None:
    """The noun phrase before the verb that leads to the number at `pos`."""
    window = text[max(start, pos - 120):pos]
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(window)]
    i = len(toks) - 1
    skipped = 0
    while i >= 0 and (toks[i][0].lower() in _LEFT_SKIP or toks[i][0].lower().endswith("ly")) and skipped < 5:
        i -= 1
        skipped += 1
    words = []
    while i >= 0 and len(words) < 4 and _content(toks[i][0]):
        words.append(toks[i])
        i -= 1
    if not words:
        return None
    words.reverse()
    return window[words[0][1]:words[-1][2]]
