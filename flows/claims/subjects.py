"""What a number counts or measures: the noun phrase after it ("400,000 migrants",
"80 percent rejection rate", "50 percent of asylum requests") or, failing that, the one
before its verb ("the unemployment rate rose to 5%"). No tagger: a word list of
function words and verb forms marks where a noun phrase ends."""
from __future__ import annotations

import bisect
import re
from itertools import islice

from claimhouse.flows.claims.lexicon import LEXICON

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
outside inside near beyond behind along amid amidst despite except including following throughout
worldwide nationwide abroad overseas annually daily weekly monthly yearly each ago earlier later today
yesterday tomorrow last next previous such other another same own several few respectively alone
combined together apiece instead else overnight high long wide deep tall old away thick across
tonight yesterday recently currently already
""".split())

VERBISH = frozenset("""
make makes made
produces produce produced manages manage managed earn earns weigh weighs carry carries employs
employ generates generate consumes consume takes lasted released seized burned burnt collected
issued valued won fetch fetched narrowed widened makes made has have had gets received receives
bought buy sold sell owes owe borrowed borrows lends lent invested invests invest shipped exported
imported handled handles processed stood ran hosted housed killed displaced displaces affected
affects entered died crossed fled arrived left live lived living work worked working stay stayed
remain remained remains became become becomes came come comes went go goes got get took take saw see
sees rose fell grew dropped increased decreased declined jumped surged climbed reached hit applied
lost gained earned paid cost costs spent spend raised cut owned own owns needed need needs voted
vote votes wounded injured arrested detained deported returned moved move moves joined join attended
attend registered listed counted recorded reported expected seeking seek seeks sought tried try
tries attempting attempt attempts face faces faced held include includes included involve involves
involved use uses used want wants wanted leave leaves leaving enter enters entering cross crosses
crossing flee flees fleeing dies die were
""".split())

ING_NOUNS = frozenset("""funding spending housing building buildings training smuggling trafficking lending
borrowing financing schooling shipping manufacturing mining clothing processing polling testing screening
staffing bombing bombings fighting shooting shootings killing killings warming rating ranking earnings
savings holdings meeting meetings offering offerings listing listings landing landings opening openings
crossing crossings sitting hearing hearings""".split())

_TOKEN_RE = re.compile(r"[^\W\d_][\w'’.-]*[\w]|[^\W\d_]|[^\w\s]|\d[\d,.]*")
_MAX_WORDS = 6
_WINDOW = 160  # characters looked at after a number for its noun phrase


_IRREGULAR_PLURALS = frozenset({"children", "people", "men", "women", "police", "staff", "personnel", "crew", "feet",
                                "teeth", "mice", "geese", "cattle", "livestock", "data"})


def _is_plural_head(tok: str) -> bool:
    t = tok.lower()
    if t in _IRREGULAR_PLURALS or (tok in LEXICON.demonyms and t.endswith("s")):
        return True  # "158 million Americans cast ballots": a plural demonym ends the phrase too
    return t.endswith("s") and not t.endswith(("ss", "us", "is")) and len(t) > 3 and tok[:1].islower()


def _is_word(tok: str) -> bool:
    return tok[:1].isalpha()


# "-ly" words that are adjectives: "1,500 likely voters", "300 elderly residents"
_LY_ADJECTIVES = frozenset({"likely", "unlikely", "elderly", "early", "deadly", "costly", "lonely", "friendly", "only"})


def _adjective_before_noun(tok: str, nxt: str) -> bool:
    """A participle or "-ly" adjective right before a plural noun: "1,009 registered voters",
    "1,500 likely voters"."""
    t = tok.lower()
    if t in STOP and t not in _LY_ADJECTIVES:
        return False
    return (t.endswith("ed") or t in _LY_ADJECTIVES) and _is_plural_head(nxt)


def _content(tok: str) -> bool:
    t = tok.lower()
    return _is_word(tok) and t not in STOP and t not in VERBISH and not t.endswith("ly")


def subject_after(text: str, pos: int, end: int, *, allow_of: bool = False,
                  through_prep: bool = False) -> tuple[str, str, int] | None:
    """(subject, head word, end offset) of the noun phrase starting at `pos`.

    allow_of: the phrase may start with "of" ("50 percent of asylum requests").
    through_prep: the phrase may start with "in"/"of" ("a 5% rise in prices").
    """
    toks = [(m.group(0), m.start(), m.end()) for m in islice(_TOKEN_RE.finditer(text, pos, min(end, pos + _WINDOW)), 16)]
    i = 0
    if toks and (allow_of or through_prep) and toks[0][0].lower() in (("of", "in", "for", "on") if through_prep else ("of",)):
        i = 1
        while i < len(toks) and toks[i][0].lower() in ("the", "all", "its", "their", "those", "these", "his", "her", "our"):
            i += 1
    words: list[tuple[str, int, int]] = []
    while i < len(toks) and len(words) < _MAX_WORDS:
        tok, s, e = toks[i]
        low = tok.lower()
        if not _content(tok) and not _adjective_before_noun(tok, toks[i + 1][0] if i + 1 < len(toks) else ""):
            break
        if (low.endswith("ed") or (low.endswith("ing") and low not in ING_NOUNS)) and len(low) > 4:
            nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
            if not _content(nxt) or nxt.lower().endswith(("ed", "ing")):
                break
        words.append((tok, s, e))
        i += 1
        if _is_plural_head(tok) and i < len(toks) and not _is_plural_head(toks[i][0]):
            break  # "children receive ...": a plural noun ends the phrase
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


def _verbish(tok: str) -> bool:
    t = tok.lower()
    return t in VERBISH or t in LEXICON.increase_verbs or t in LEXICON.decrease_verbs or (
        t.endswith("ed") and len(t) > 4 and t not in ING_NOUNS)


def _clause_subject(toks: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    """(start, end) of the first noun phrase of a clause, before its verb."""
    i = 0
    while i < len(toks) and not _content(toks[i][0]):
        if _verbish(toks[i][0]):
            return None
        i += 1
    words = []
    while i < len(toks) and len(words) < 4 and _content(toks[i][0]) and not (words and _verbish(toks[i][0])):
        words.append(toks[i])
        i += 1
    if not words or _verbish(words[0][0]):
        return None
    end = words[-1][2]
    if i + 1 < len(toks) and toks[i][0].lower() == "of" and _content(toks[i + 1][0]) and not _verbish(toks[i + 1][0]):
        j = i + 1
        more = []
        while j < len(toks) and len(more) < 3 and _content(toks[j][0]) and not _verbish(toks[j][0]):
            more.append(toks[j])
            j += 1
        end = more[-1][2]
    return words[0][1], end


_CLAUSE_SPLIT_RE = re.compile(r"[;:(\[–—]|,\s|\b(?:and|but|while|whereas|which|who|that)\b")


def subject_before(text: str, pos: int, start: int) -> str | None:
    """The subject of the clause the number at `pos` sits in ("Nurses in the region earn
    38,000 euros" -> "Nurses"), else the noun phrase right before the verb that leads to it."""
    window = text[max(start, pos - 200):pos]
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(window)]
    bounds = [0] + [m.end() for m in _CLAUSE_SPLIT_RE.finditer(window)]
    k = len(toks)
    for b in reversed(bounds):  # the clause pieces from the last one back
        first = bisect.bisect_left([t[1] for t in toks], b) if b else 0
        piece = toks[first:k]
        span = _clause_subject(piece)
        if span:
            return window[span[0]:span[1]]
        if any(_content(t[0]) for t in piece):
            break
        k = first
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
