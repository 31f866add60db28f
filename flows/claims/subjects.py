"""What a number counts or measures: the noun phrase after it ("400,000 migrants",
"80 percent rejection rate", "50 percent of asylum requests") or, failing that, the one
before its verb ("the unemployment rate rose to 5%"). No tagger: a word list of
function words and verb forms marks where a noun phrase ends."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache
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
combined together apiece instead else overnight high long wide deep tall old away aside thick across
tonight yesterday recently currently already however meanwhile far thus ahead
above below relative well enough plus minus whilst whereas back strong worth year-on-year year-over-year month-on-month month-over-month week-on-week
quarter-on-quarter quarter-over-quarter
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
crossing flee flees fleeing dies die were stands stole began begun flew flown broke turns helped helps fined steal steals stolen oversees oversee oversaw
""".split())

ING_NOUNS = frozenset("""funding spending housing building buildings training smuggling trafficking lending
borrowing financing schooling shipping manufacturing mining clothing processing polling testing screening
staffing bombing bombings fighting shooting shootings killing killings warming rating ranking earnings
savings holdings meeting meetings offering offerings listing listings landing landings opening openings
crossing crossings sitting hearing hearings charging streaming gaming banking farming fishing marketing advertising
pricing parking heating cooling lighting seating catering policing sentencing gambling smoking drinking recycling
computing messaging printing""".split())

# "-ly" words of frequency that are adjectives inside a noun phrase ("new daily cases", "the weekly rate")
_FREQUENCY_ADJECTIVES = frozenset("daily weekly monthly yearly quarterly hourly nightly".split())
# words that a plural noun which is also a verb stands before ("attempts per game", "costs of"): not an object
_CONVERSION_OF_RE = re.compile(r"\.?\s*(?:\([^()]{1,24}\)|\))\s+(?=of\s)")
_COMPOUND_DASHES = ("-", "–")
# a word after which a verb-like plural is the verb ("2022 stands at"), not a noun ("50 votes to 38")
_VERB_LINKS = frozenset({"at"})
_DOTTED_RE = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_NOUN_END_WORDS = frozenset({"per", "of", "a", "an", ",", ".", ";", ":", ")"})

_TOKEN_RE = re.compile(r"[^\W\d_][\w'’.-]*[\w]|[^\W\d_]|[^\w\s]|\d[\d,.]*")
# The word tests below depend on the word alone and are asked of the same words again and again
# (each figure's window, each clause piece): remembered for the most recent words, a bounded cache.
_word_test = lru_cache(maxsize=8192)
_MAX_WORDS = 6
_WINDOW = 160  # characters looked at after a number for its noun phrase


_IRREGULAR_PLURALS = frozenset({"children", "people", "men", "women", "police", "staff", "personnel", "crew", "feet",
                                "teeth", "mice", "geese", "cattle", "livestock", "data"})


@_word_test
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


# nouns that end in "-ly" ("the family farm", "the supply chain", "a rally", "the assembly"): no adverbs
_LY_NOUNS = frozenset("family ally supply assembly rally monopoly anomaly tally reply fly belly jelly bully".split())


@_word_test
def _content(tok: str) -> bool:
    t = tok.lower()
    if len(tok) > 1 and tok.isupper() and tok.isalpha():
        return True  # an acronym: "US", "UK", "IT" are names, not the pronoun or the preposition
    return _is_word(tok) and t not in STOP and t not in VERBISH and (not t.endswith("ly") or t in _LY_NOUNS)


_OF_A_BEFORE_RE = re.compile(r"\b(?:of|half)\s+an?\s*$", re.IGNORECASE)
_SPAN_ON_SPAN_RE = re.compile(r"\s*(?P<u>year|quarter|month|week|day)[- ](?:on|over)[- ](?P=u)\b", re.IGNORECASE)


def subject_after(text: str, pos: int, end: int, *, allow_of: bool = False,
                  through_prep: bool = False) -> tuple[str, str, int] | None:
    """(subject, head word, end offset) of the noun phrase starting at `pos`.

    allow_of: the phrase may start with "of" ("50 percent of asylum requests").
    through_prep: the phrase may start with "in"/"of" ("a 5% rise in prices").
    """
    if _SPAN_ON_SPAN_RE.match(text, pos, end):
        return None  # "fell 2% year on year", "0.3% month on month": how the change is measured, not what is counted
    if allow_of and (conv := _CONVERSION_OF_RE.match(text, pos, end)):
        pos = conv.end()  # "645 lb-ft. (875Nm) of torque", "875Nm) of torque": a conversion shares its "of" noun
    toks = [(m.group(0), m.start(), m.end()) for m in islice(_TOKEN_RE.finditer(text, pos, min(end, pos + _WINDOW)), 16)]
    if len(toks) > 1 and toks[0][0] == "*" and toks[0][1] == pos:
        toks = toks[1:]  # "made 400* runs": a footnote's or a not-out's star between the figure and its noun
    if len(toks) > 1 and toks[0][0] in ("x", "×", "by") and toks[1][0][:1].isdigit():
        return None  # "12 x 8 x 4 inches", "10 by 12 feet": a side of a measure, not a count of "x"
    if toks and toks[0][0].lower() in ("point", "points") and _OF_A_BEFORE_RE.search(text, max(0, pos - 6), pos):
        return None  # "edged down a tenth of a point": the point is the figure's measure, not what it counts
    i = 0
    if toks and (allow_of or through_prep) and toks[0][0].lower() in (("of", "in", "for", "on") if through_prep else ("of",)):
        i = 1
        while i < len(toks) and toks[i][0].lower() in ("the", "all", "its", "their", "those", "these", "his", "her", "our"):
            i += 1
    if i == 0 and len(toks) > 2 and toks[0][0] in _COMPOUND_DASHES and pos and text[pos - 1].isdigit() and \
            not toks[1][0].lower().startswith("old") and toks[0][2] == toks[1][1] and \
            _is_word(toks[1][0]) and toks[1][2] < toks[2][1] and _content(toks[2][0]):
        i = 2  # "the 40-member house": a figure and its measure word modify the noun after ("four-paw" is a descriptor)
    compound = i == 2 and toks[0][0] in _COMPOUND_DASHES
    words: list[tuple[str, int, int]] = []
    while i < len(toks) and len(words) < _MAX_WORDS:
        tok, s, e = toks[i]
        low = tok.lower()
        nxt_tok = toks[i + 1][0] if i + 1 < len(toks) else ""
        after_det = not words and i > 0 and toks[i - 1][0].lower() in ("of", "the", "its", "their", "his", "her", "our")
        if not words and low in VERBISH and low not in STOP and _content(nxt_tok) and not _verbish(nxt_tok) and \
                not low.endswith("ed"):
            words.append((tok, s, e))  # "a 39.7 per cent vote share": a verb form used as a modifier
            i += 1
            continue
        if low in VERBISH and low not in STOP and low.endswith("s") and not low.endswith("ss") and (
                not nxt_tok or nxt_tok in (",", ".", ";", ":", ")") or (not words and nxt_tok.lower() in STOP and
                                                                        nxt_tok.lower() not in _VERB_LINKS) or
                (words and tok[:1].islower() and nxt_tok.lower() in _NOUN_END_WORDS)):
            # "of total votes", "of its costs", "26.0 field goal attempts per game": a plural noun that is also a verb
            words.append((tok, s, e))
            i += 1
            break
        if words and low in _FREQUENCY_ADJECTIVES and _content(nxt_tok) and not _verbish(nxt_tok):
            words.append((tok, s, e))  # "258,155 new daily symptomatic cases": a "-ly" adjective of frequency
            i += 1
            continue
        if not _content(tok) and not _adjective_before_noun(tok, nxt_tok) and not (
                after_det and low.endswith("ed") and low not in STOP and _content(nxt_tok)) and not (
                after_det and low in VERBISH and low not in STOP and not low.endswith("ed")):  # "33% of the vote"
            break  # "of the issued share capital": a participle after a determiner is an adjective
        if (low.endswith("ed") or (low.endswith("ing") and low not in ING_NOUNS)) and len(low) > 4:
            nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
            if not _content(nxt) or nxt.lower().endswith(("ed", "ing")):
                break
        words.append((tok, s, e))
        i += 1
        if nxt_tok == "." and i + 1 < len(toks) and toks[i][1] == e and _DOTTED_RE.fullmatch(tok) and \
                _content(toks[i + 1][0]) and toks[i + 1][0][:1].islower():
            words.append(toks[i])  # "98% of the U.S. wheat crop": a dotted acronym runs on
            i += 1
            continue
        if _is_plural_head(tok) and i < len(toks) and not _is_plural_head(toks[i][0]) and not (
                tok.endswith(("'s", "’s")) and _content(toks[i][0])):
            break  # "children receive ...": a plural noun ends the phrase ("the world's population" goes on)
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
    # the noun a compound modifies is not what the number counts: it stays out of the quote
    return text[words[0][1]:words[-1][2]], head, pos if compound else words[-1][2]


_LEFT_SKIP = frozenset("""to by at of from on for in was were is are be been being has have had stood reached hit
totalled totaled totals total numbered numbers number rose fell grew increased decreased declined dropped jumped
climbed surged soared slid plunged up down than as saw see sees hits reach reaches reaching stands stand
estimated put puts about around nearly almost some more over under at least roughly approximately
exceeded topped approached stood""".split())


def _past_form(t: str) -> bool:
    """"reached", "imposed": a verb form, not "speed", "need", "hundred"."""
    return t.endswith("ed") and len(t) > 4 and not t.endswith(("eed", "hundred")) and t not in ING_NOUNS and "-" not in t


@_word_test
def _verbish(tok: str) -> bool:
    t = tok.lower()
    return t in VERBISH or t in LEXICON.increase_verbs or t in LEXICON.decrease_verbs or _past_form(t)


# words that measure rather than name: never a subject on their own
NOT_SUBJECT_WORDS = frozenset("""per cent percent pct thousand million billion trillion bn mn tn lakh crore dozen
hundred point points""".split())


@_word_test
def _subject_word(tok: str) -> bool:
    return _content(tok) and tok.lower() not in NOT_SUBJECT_WORDS


@_word_test
def _participle(tok: str) -> bool:
    t = tok.lower()
    return t.endswith("ing") and len(t) > 4 and t not in ING_NOUNS


def _bare_participle(toks: list[tuple[str, int, int]], i: int) -> bool:
    """An "-ing" word that opens a clause with no subject ("reaching 7.7 per cent", "trading up
    2.3%"), not one before its noun ("Waiting times", "The streaming giant")."""
    if not _participle(toks[i][0]) or (i and toks[i - 1][0].lower() in _DETERMINERS):
        return False
    nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
    return not _subject_word(nxt) or _verbish(nxt)


# third-person verbs that are not nouns: after a name they end its phrase
_NAME_VERBS = frozenset("""reaches tops totals stands hits exceeds earns gets gives sees provides brings
delivers produces averages goes keeps allows requires includes contains covers holds outputs
starts costs weighs measures sells retails boasts packs offers features comes generates carries""".split())

# "earnings per share", "income per capita", "profit after tax": a phrase that stays in its noun phrase
_FIXED_TAILS = {("per", "share"), ("per", "capita"), ("per", "head"), ("per", "person"), ("after", "tax"),
                ("before", "tax"), ("after", "taxation"), ("before", "taxation")}


def _unit_after_number(toks: list[tuple[str, int, int]], i: int) -> bool:
    """A unit word right after a number ("The 2 GB + 16 GB variant", "the 5 kg bag"): part of a
    numeric modifier, not the noun the clause is about."""
    return i > 0 and toks[i - 1][0][:1].isdigit() and _is_unit_word(toks[i][0])


@_word_test
def _is_unit_word(tok: str) -> bool:
    return tok.lower() in LEXICON.unit_forms_ci or tok in LEXICON.unit_forms_cs


# past participles that are also adjectives before a noun: "paid jobs", "sold homes", "lost jobs"
_IRREGULAR_PARTICIPLES = frozenset("paid sold built held lost spent known grown made".split())
# past forms of common verbs that take no -ed ("The storm brought gusts of up to 90mph": a verb before its object)
_IRREGULAR_PASTS = frozenset("""brought took saw gave won hit set put bought sought caught taught thought told found left
sent kept met led began became came went drew drove ran wrote chose spoke broke threw struck stood swung""".split())


# function words that are adjectives after a determiner: "the previous record", "the former champion"
_ADJECTIVE_STOPS = frozenset("previous former last next same".split())


def _participle_adjective(toks: list[tuple[str, int, int]], i: int) -> bool:
    """A verb form that is an adjective: after a determiner and before its noun ("The expected revenue is"), or
    a participle opening its clause before a plural noun ("paid jobs are down")."""
    if i + 1 >= len(toks):
        return False
    nxt = toks[i + 1][0]
    if not _subject_word(nxt) or _verbish(nxt) or not nxt[:1].islower():
        return False
    t = toks[i][0].lower()
    if i and toks[i - 1][0].lower() in _DETERMINERS:
        return _past_form(t) or t in _IRREGULAR_PARTICIPLES or t in VERBISH and t.endswith("ed")
    return i == 0 and t in _IRREGULAR_PARTICIPLES and _is_plural_head(nxt)


# third-person verbs told with a preposition after them, and those prepositions
_PREP_VERBS = frozenset("""runs travels lasts sits ranks trades flows moves spans stretches lies operates works lives
flies sails orbits spins rotates""".split())
_VERB_PREPS = frozenset("at up to for around about above below under over between near in on from".split())
_SUBJECT_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you"})
_CHANGE_VERBS = LEXICON.increase_verbs | LEXICON.decrease_verbs
_MODEL_NUMBER_RE = re.compile(r"\d{1,4}[A-Za-z]{0,3}")
_YEAR_LIKE_RE = re.compile(r"(?:1[89]|20)\d\d")


def _model_number(toks: list[tuple[str, int, int]], i: int, before: str) -> bool:
    """A number inside a product's name: after a capitalised name word, before another one or the
    clause's verb ("iPhone 15 Pro Max", "GLA 45 AMG", "Windows 11 has"); never a year."""
    tok = toks[i][0]
    if not (_MODEL_NUMBER_RE.fullmatch(tok) and not _YEAR_LIKE_RE.fullmatch(tok)
            and any(ch.isupper() for ch in before) and before.isalnum()):
        return False
    if i + 1 == len(toks) or toks[i + 1][1] > toks[i][2] + 1:
        return False
    nxt = toks[i + 1][0]
    return (nxt[:1].isupper() and nxt.isalpha() and nxt.lower() not in _MONTHS) or _verbish(nxt)


def _clause_subject(toks: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    """(start, end) of the first noun phrase of a clause, before its verb."""
    i = 0
    adjective = False
    while i < len(toks) and not _subject_word(toks[i][0]):
        if toks[i][0].lower() in _SUBJECT_PRONOUNS and i + 1 < len(toks) and toks[i + 1][0][:1].islower():
            return None  # "It trades at 0.5 BTC", "it spins at 7,200 rpm": the word after the pronoun is its verb
        if _verbish(toks[i][0]):
            if _participle_adjective(toks, i):
                adjective = True  # "The expected revenue is", "paid jobs are down": a participle before its noun
                break
            return None
        i += 1
    j = i
    while j < len(toks) and (_unit_after_number(toks, j) or not _is_word(toks[j][0])):
        j += 1  # "The 2 GB + 16 GB variant": the noun after a numeric modifier
    if j > i and j < len(toks) and _subject_word(toks[j][0]) and not _verbish(toks[j][0]):
        i = j
    if i < len(toks) and _bare_participle(toks, i):
        return None  # "reaching 7.7 per cent", "burning over 288,000 acres": no subject of its own
    words = []
    after_possessive = False
    if adjective:
        words.append(toks[i])
        i += 1
    while i < len(toks) and len(words) < 6:
        tok = toks[i][0]
        if words and i + 1 < len(toks) and (tok.lower(), toks[i + 1][0].lower()) in _FIXED_TAILS:
            words.extend(toks[i:i + 2])
            i += 2
            continue
        if words and tok == "." and re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", words[-1][0]):
            words.append(toks[i])  # "U.S. crude oil inventories"
            i += 1
            continue
        if words and (tok in ("'", "’") and words[-1][0].lower().endswith("s") or tok == "&" and words[-1][0][:1].isupper()):
            words.append(toks[i])  # "Barclays' interim profits", "Legal & General's"
            after_possessive = tok != "&"
            i += 1
            continue
        if words and after_possessive and tok[:1].isdigit():
            while i < len(toks) and (toks[i][0][:1].isdigit() or toks[i][0] in _COMPOUND_DASHES or
                                     _is_unit_word(toks[i][0])):
                i += 1  # "The Bentayga's 6-litre W12 engine": a measure after a possessive modifies the noun
            continue
        if words and tok.lower() in _FREQUENCY_ADJECTIVES and i + 1 < len(toks) and _content(toks[i + 1][0]) and \
                not _verbish(toks[i + 1][0]) and not words[-1][0].lower().endswith(("est", "most")):
            # ("the lowest monthly total": a superlative's phrase stays weak)
            words.append(toks[i])  # "Argentina's monthly inflation", "Britain's weekly jobless claims"
            i += 1
            continue
        if words and _model_number(toks, i, words[-1][0]):
            words.append(toks[i])  # "The iPhone 15 Pro Max starts at", "the Mercedes-Benz GLA 45 AMG costs"
            i += 1
            continue
        if not _content(tok) and not (after_possessive and tok[:1].isalpha() and tok.lower() not in STOP
                                      and tok.lower() not in _CHANGE_VERBS):
            break  # ("Hobart's rose 7%": a change verb after a possessive is the verb, not the owned noun)
        if words and tok.lower() in _IRREGULAR_PASTS and not after_possessive and tok[:1].islower():
            break  # "The state lender set aside", "The storm brought gusts": a past verb ends the phrase
        if words and _verbish(tok) and not after_possessive and not (
                _past_form(tok.lower()) and tok.lower() not in VERBISH and i + 1 < len(toks) and
                toks[i + 1][0][:1].islower() and _subject_word(toks[i + 1][0]) and not _verbish(toks[i + 1][0])):
            break  # ("gross fixed capital formation fell": a participle before its noun is an adjective)
        if words and tok.lower() in _NAME_VERBS and (words[-1][0][:1].isupper() or (
                i + 1 == len(toks) or toks[i + 1][0][:1].isdigit() or toks[i + 1][0].lower() in _DETERMINERS)):
            break  # "The Dark Knight tops the list", "Kohli holds", "the engine outputs 608hp": a verb with its object
        if words and tok.lower() in _PREP_VERBS and (i + 1 == len(toks) or toks[i + 1][0].lower() in _VERB_PREPS):
            break  # "The probe travels at 17 km/s", "The battery lasts up to 22 hours": the verb and its preposition
        after_possessive = tok.endswith(("'s", "’s"))  # "Centrica's adjusted earnings": an adjective
        words.append(toks[i])
        i += 1
    while words and words[-1][0] in ("'", "’", "&"):
        words.pop()
    if len(words) == 1 and words[0][0].endswith(("'s", "’s")) and len(words[0][0]) > 3:
        words[0] = (words[0][0][:-2], words[0][1], words[0][2] - 2)  # "while Hobart's rose 7%": Hobart
    if words and _verbish(words[0][0]) and len(words) > 1 and words[0][0].lower().endswith("ed") and \
            words[0][0].lower() not in VERBISH and not _verbish(words[1][0]) and _is_plural_head(words[-1][0]):
        pass  # "detached median house prices fell": a participle before its noun is an adjective
    elif not words or (_verbish(words[0][0]) and not adjective):
        return None
    end = words[-1][2]
    if i + 1 < len(toks) and toks[i][0].lower() == "of" and _content(toks[i + 1][0]) and not _verbish(toks[i + 1][0]):
        j = i + 1
        more = []
        while j < len(toks) and len(more) < 4 and _content(toks[j][0]) and not _verbish(toks[j][0]):
            more.append(toks[j])
            j += 1
        end = more[-1][2]
    begin = words[0][1]
    w0 = next(n for n, t in enumerate(toks) if t[1] == begin)
    if w0 > 1 and toks[w0 - 1][0].lower() in _ADJECTIVE_STOPS and toks[w0 - 2][0].lower() in _DETERMINERS:
        w0 -= 1
        begin = toks[w0][1]  # "the previous record stood at": "previous" is the phrase's adjective
    if w0 and toks[w0 - 1][0] == "The" and words[0][0][:1].isupper() and (
            toks[w0 - 1][1] > 0 or all(w[0][:1].isupper() or w[0][:1].isdigit() for w in words if w[0][:1].isalnum())):
        begin = toks[w0 - 1][1]  # "while The Favourite expanded", "The Big Short fell 46%": a name's or title's "The"
    return begin, end


# words a clause subject is not made of alone: times ("the fourth quarter", "the past five decades", "Q1"),
# superlatives and ranks ("the highest since ...", "the latest figure"), a stray unit letter ("0-100km/h" -> "h")
_TIME_WORDS = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday week weeks month months year years quarter quarters half
decade decades day days period periods time times season q1 q2 q3 q4 h1 h2 fy first second third fourth past last
previous next this same two three four five six seven eight nine ten twelve fiscal financial calendar""".split())
_RANK_WORDS = frozenset("""highest lowest largest biggest smallest fastest slowest latest best worst strongest
weakest steepest sharpest rest most least""".split())


_PHRASE_WORD_RE = re.compile(r"[\w'’-]+")
_ARTICLE_END_RE = re.compile(r"\b(?:an?)\s+$", re.IGNORECASE)


@_word_test
def _weak_subject(phrase: str) -> bool:
    words = [w.lower().strip("'’") for w in _PHRASE_WORD_RE.findall(phrase)]
    if not words:
        return True
    if len(words) == 1 and (len(words[0]) == 1 or words[0] in LEXICON.unit_forms_ci or phrase in LEXICON.unit_forms_cs):
        return True
    return all(w in _TIME_WORDS or w in _RANK_WORDS or w.isdigit() for w in words)


_MONTHS = frozenset("january february march april may june july august september october november december".split())
_AND_BEFORE_RE = re.compile(r"(?:^|(?<=[\s(,;:]))(?:(\w+)\s+)?([^\W\d_][\w'’-]*)\s+and\s+$")


# "AVATAR: THE WAY OF WATER", "MEG 2: THE TRENCH": an upper-case title runs on over its colon
_CAPS_TITLE_BEFORE_RE = re.compile(r"(?:^|(?<=[\s(]))(?:[A-Z][A-Z'’&-]+\s+){0,3}[A-Z][A-Z'’&-]+(?:\s+\d+)?:\s+$")


def _title_start(window: str, begin: int) -> int:
    if not window[begin:begin + 2].isupper():
        return begin
    m = _CAPS_TITLE_BEFORE_RE.search(window, max(0, begin - 40), begin)
    return m.start() if m else begin


def _coordinated_start(window: str, begin: int) -> int:
    """Where a phrase at `begin` starts when one noun is joined to it by "and" at its clause's
    opening ("Clothing and footwear prices fell", "came from housing and household services")."""
    m = _AND_BEFORE_RE.search(window, max(0, begin - 40), begin)
    if m is None:
        return begin
    word, before = m.group(2), m.group(1)
    if not _subject_word(word) or _verbish(word) or _participle(word) or word.lower().endswith("ly") or \
            word.lower() in _MONTHS:
        return begin
    if before is not None and (before.lower() not in STOP | _DETERMINERS or before.lower() in ("a", "an", "per")):
        return begin  # "profits rose and", "$77 a barrel and": the word before "and" belongs elsewhere
    return m.start(2)


# clauses end at punctuation, conjunctions and reporting verbs ("Lloyds said pre-tax profits fell 7%":
# the figure is about what follows the verb); the word boundary, then the verbs' first letters, are asked
# before the look-behinds (the same conditions at one position, in a cheaper order: most positions are no
# word boundary, most words open with another letter; test_fast_paths keeps the letters in step)
_CLAUSE_SPLIT_RE = re.compile(r"[;:(\[–—]|,\s|\b(?:and|but|while|whereas|which|who|that)\b|"
                              r"\b(?=[abcefnprst])(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)"
                              r"(?:said|says|say|told|reported|reports|showed|shows|show|found|finds|noted|notes|"
                              r"expects?|expected|predicted|predicts|estimated|estimates|suggests?|suggested|confirmed|"
                              r"announced|revealed|reveals|believes?|believed|projects(?=\s+(?:that|the)\b))\b(?:\s+(?:on\s+)?(?:monday|tuesday|"
                              r"wednesday|thursday|friday|saturday|sunday|today|yesterday))?(?:\s+that)?", re.IGNORECASE)


# an aside between commas that opens with a preposition is no part of the clause around it
_ASIDE_RE = re.compile(r"(?<=,)\s+(?:with|including|excluding|despite|like|unlike)\s+[^,;:()]{1,80}?,(?=\s)",
                       re.IGNORECASE)


# a relative clause between commas that closes right before a verb: ", which excludes energy, food and tobacco, "
_RELATIVE_ASIDE_RE = re.compile(r",\s+(?:which|who)\s+[^;:()]{1,100}?,\s+$", re.IGNORECASE)


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


_NAME_BEFORE_RE = re.compile(r"(?:^|\s)[A-Z][\w'’-]*\s*$")
_NAME_AFTER_RE_ = re.compile(r"\s*[A-Z][\w'’-]*(?:,|\s+and\b|\s+(?:[a-z]|$))")


def _in_name_list(window: str, m: re.Match) -> bool:
    """A comma or "and" inside a list of names ("across Sydney, Melbourne, Brisbane, Adelaide and Perth
    remained"): no clause boundary."""
    if not window[m.end():m.end() + 2].lstrip()[:1].isupper() or m.group(0).strip().lower() not in (",", "and"):
        return False  # (the next word's capital is the cheap test: most boundaries fail it)
    return _NAME_BEFORE_RE.search(window, max(0, m.start() - 30), m.start()) is not None and \
        _NAME_AFTER_RE_.match(window, m.end()) is not None and _NAME_LIST_RE.search(window, max(0, m.start() - 80),
                                                                                   min(len(window), m.end() + 40))


_NAME_LIST_RE = re.compile(r"[A-Z][\w'’-]*,\s+[A-Z][\w'’-]*(?:,\s+[A-Z][\w'’-]*)*,?\s+and\s+[A-Z]")


def subject_before(text: str, pos: int, start: int) -> str | None:
    """The subject of the clause the number at `pos` sits in ("Nurses in the region earn
    38,000 euros" -> "Nurses"), else the noun phrase right before the verb that leads to it."""
    return _subject_before_window(text[max(start, pos - 200):pos])


_TIME_LEAD_RE = re.compile(r"(?:(?:first|second|third|fourth|final|last|past|previous|latest|same|whole)\s+)?"
                           r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
                           r"(?:quarter|half|decade|year|month|week|decades|years|months|weeks)\s+(?=[a-z])")
_TIME_PREP_BEFORE_RE = re.compile(r"\b(?:in|over|during|for|throughout)\s+(?:the\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=64)
def _subject_before_window(window: str) -> str | None:
    """subject_before of the 200 characters before the number: a pure function of them, asked
    again for the same figure by several rules of choose_subject (remembered for the last few
    windows only: the repeats come within one sentence)."""
    if ", " in window:
        window = _ASIDE_RE.sub(_blank, window)  # "the V8 engine, with a 4.4 litre displacement, makes 617 hp"
    toks = [(m[0], m.start(), m.end()) for m in _TOKEN_RE.finditer(window)]
    bounds = [0] + [m.end() for m in _CLAUSE_SPLIT_RE.finditer(window) if not _in_name_list(window, m)]
    k = len(toks)
    apposition = None
    weak = None
    starts = [t[1] for t in toks]
    for n, b in enumerate(reversed(bounds)):  # the clause pieces from the last one back
        first = bisect.bisect_left(starts, b) if b else 0
        piece = toks[first:k]
        if b and window[b - 1] == "(":
            close = next((n2 for n2, t in enumerate(piece) if t[0] == ")"), None)
            if close is not None and not (close == 1 and piece[0][0].isupper()):
                # "Oil and non-oil receipts (gross) stood at": the aside is no subject ("(CPIH) rose": a name is)
                piece = piece[close + 1:]
        span = _clause_subject(piece)
        if span and _weak_subject(window[span[0]:span[1]]):
            rest = [t for t in piece if t[1] >= span[1]]
            if len(rest) > 1 and rest[0][0].lower() == "of" and _YEAR_LIKE_RE.fullmatch(rest[1][0]):
                rest = rest[1:]  # "In the first half of 2024 the company earned"
            if rest and _YEAR_LIKE_RE.fullmatch(rest[0][0]):
                rest = rest[1:]  # "In March 2024 sales rose": the year is the time's
            later = _clause_subject(rest) if rest and (rest[0][0].lower() in _DETERMINERS or rest[0][0][:1].isupper()
                                                       or _subject_word(rest[0][0])) else None
            if later and not _weak_subject(window[later[0]:later[1]]):
                span = later  # "over the past five decades its median age has risen": the phrase after the time
        if span and _weak_subject(window[span[0]:span[1]]):
            weak = weak or span  # "In the fourth quarter, the company's net income stood at": a time or a superlative
            k = first  # is not what is measured; look at the clause before (and keep it only if none is found)
            continue
        if span:
            rest = [t for t in piece if t[1] >= span[1] and _content(t[0])]
            if not rest and n and piece and piece[0][0].lower() in ("the", "a", "an") and window[b - 2:b].strip() == ",":
                apposition = apposition or span  # "WTI, the US benchmark, rose": the name before it
                k = first
                continue
            begin = _title_start(window, _coordinated_start(window, span[0]))
            if (lead := _TIME_LEAD_RE.match(window, begin, span[1])) and lead.end() < span[1] and \
                    _TIME_PREP_BEFORE_RE.search(window, max(0, begin - 12), begin):
                begin = lead.end()  # "In the fourth quarter revenue rose": the time opens the clause, the noun is after it
            return window[begin:span[1]]
        if apposition:
            break
        if piece and b and window[b - 2:b] == ", " and _verbish(piece[0][0]) and \
                (rel := _RELATIVE_ASIDE_RE.search(window, 0, b)):
            np = _np_left(window, rel.start(), 0)
            if np:
                return np[0]  # "Core CPIH, which excludes energy, food, alcohol and tobacco, rose by 4.2%"
        content = [t for t in piece if _content(t[0])]
        if content and (_verbish(content[0][0]) or _bare_participle(piece, piece.index(content[0]))):
            # a clause with no subject of its own: "the fire, which scorched 58 square miles" is
            # about the noun before "which"; "..., burning 370,000 acres" about the clause before
            if b and window[:b].rstrip().lower().endswith(("which", "that", "who")):
                head_end = len(window[:b].rstrip()) - len(window[:b].rstrip().split()[-1])
                head_end = len(window[:head_end].rstrip(" ,"))
                np = _np_left(window, head_end, 0)
                if np:
                    return np[0]

            k = first
            continue
        if content:
            break
        k = first
    if apposition:
        return window[apposition[0]:apposition[1]]
    if weak:
        return window[weak[0]:weak[1]]
    i = len(toks) - 1
    skipped = 0
    while i >= 0 and (toks[i][0].lower() in _LEFT_SKIP or toks[i][0].lower().endswith("ly")) and skipped < 5:
        i -= 1
        skipped += 1
    words = []
    while i >= 0 and len(words) < 4 and _subject_word(toks[i][0]):
        words.append(toks[i])
        i -= 1
    if not words or (i >= 0 and toks[i][0].lower() in _SUBJECT_PRONOUNS and words[-1][0][:1].islower()):
        return None  # ("It trades at 0.5 BTC": the word after the pronoun is its verb)
    words.reverse()
    phrase = window[words[0][1]:words[-1][2]]
    return None if _weak_subject(phrase) else phrase


# ---- the noun a figure is "of", the object a change is "by", subjects shared along a sentence ----

# head nouns that only hold a figure: "a total of 14.2 million passengers" is about passengers
CONTAINER_NOUNS = frozenset("""total totals number numbers average sum figure figures amount amounts tally value level
levels record maximum minimum mark threshold barrier area region range series list estimate part rest majority
most some half proportion""".split())
# change nouns: "a rise of 0.3%" names the change, not what changed (a bare one is a change's subject only when
# no figure before it names what changed: extract.py)
CHANGE_NOUNS = LEXICON.increase_nouns | LEXICON.decrease_nouns | frozenset({"change", "changes", "swing", "fall",
                                                                               "rise", "gain", "loss", "margin"})
_OF_BEFORE_RE = re.compile(r"(?:\bof\s+(?:(?:about|around|nearly|almost|some|roughly|approximately|over|"
                           r"more\s+than|less\s+than|up\s+to|at\s+least|just|only|a|an|the|another)\s+)*)$", re.IGNORECASE)
_NP_TOKEN_RE = re.compile(r"[^\W\d_][\w'’&-]*[\w]|[^\W\d_]|[’']|&")
_NUM_COMPOUND_RE = re.compile(r"(?<![\w.,])\d[\d.,]*(?:[-–]\d[\d.,]*)?\s?(?:[A-Za-z]+/)?$")
_PER_BASES = frozenset({"capita", "head", "person", "acre", "hectare", "share"})
_DETERMINERS = frozenset("a an the its their his her our this that these those another".split())


def _np_left(text: str, end: int, start: int, max_words: int = 5) -> tuple[str, str] | None:
    """(noun phrase, head) ending at `end`: content words back to a determiner, a verb or
    punctuation; a possessive ("Barclays' interim", "Centrica's adjusted") stays inside."""
    window = text[max(start, end - 120):end]
    toks = list(_NP_TOKEN_RE.finditer(window))
    if not toks or toks[-1].end() != len(window.rstrip()):
        return None
    words: list[re.Match] = []
    i = len(toks) - 1
    while i >= 0 and len(words) < max_words:
        t = toks[i].group(0)
        low = t.lower()
        gap = window[toks[i].end():(words[0].start() if words else len(window))]
        if words and gap.strip() not in ("", "-"):
            break  # punctuation between words ends the phrase
        if t in ("'", "’", "&"):
            words.insert(0, toks[i])
            i -= 1
            continue
        if low == "per" and words and words[0].group(0).lower() in _PER_BASES:
            words.insert(0, toks[i])  # "a per capita income of": "per capita" modifies the noun
            i -= 1
            continue
        if low in STOP or low in _DETERMINERS or low in VERBISH or low in LEXICON.increase_verbs or low in LEXICON.decrease_verbs:
            break
        if not words and low in _PREP_VERBS:
            break  # "The battery lasts up to 22 hours": the verb before the figure, no noun
        if words and low.endswith("ly") and low not in _LY_ADJECTIVES:
            break
        if (_past_form(low) or low in _IRREGULAR_PASTS) and not (i and toks[i - 1].group(0).lower() in _DETERMINERS | STOP):
            break  # "The EU imposed provisional tariffs of": a verb; "its adjusted earnings of": an adjective
        words.insert(0, toks[i])
        i -= 1
    while words and words[0].group(0) in ("'", "’", "&"):
        words.pop(0)
    if not words:
        return None
    begin = words[0].start()
    glued = _NUM_COMPOUND_RE.search(window[max(0, begin - 24):begin])
    if glued and re.search(r"[-–/]", glued.group(0)):
        begin -= len(glued.group(0))  # "a 0-60mph time of", "the 0-100 km/h sprint": a name with digits
    phrase = window[begin:words[-1].end()]
    return phrase, words[-1].group(0)


def subject_of_before(text: str, qs: int, start: int) -> tuple[str, str] | None:
    """"earnings of 5.3 billion", "a top speed of 180mph", "unchanged at $3.55" -> no (a verb):
    the noun phrase a figure is "of" (or "at" after a noun). (phrase, head) or None."""
    if text.find("of ", max(start, qs - 60), qs) < 0:
        return None  # no "of" before the figure: a cheap test before the regex
    m = _OF_BEFORE_RE.search(text, max(start, qs - 60), qs)
    if m is None or m.start() == m.end():
        return None
    np = _np_left(text, m.start(), start)
    if np is None:
        return None
    phrase, head = np
    h = head.lower()
    if h in CHANGE_NOUNS or h.endswith("ly") or h in STOP or h in NOT_SUBJECT_WORDS:
        return None  # ("60 per cent of the $US10 billion profit": a measure word is not what the figure is of)
    return phrase, head


# a change or an extreme a figure is "of", where nothing names what changed: "a drop of just 22%", "by a margin
# of 81 points", "A high of 28.7°C", "the record high of 4.9 million", "a production cut of 500,000 barrels"
_EXTREME_OF_RE = re.compile(r"(?:^|(?<=[\s(]))((?:(?:record|all-time|previous|daily|overnight)\s+)?(?:high|low|peak))\s+$",
                            re.IGNORECASE)
_CHANGE_NP_RE = re.compile(r"[A-Za-z][\w-]*")
_CHANGE_DET_RE = re.compile(r"(?:^|[,;:(–—]|\bby)\s*(?:(?:a|an|the|its|their|another)\s+)?$", re.IGNORECASE)
_EXTREMES = frozenset("high highs low lows peak peaks".split())
_VERB_DET_BEFORE_RE = re.compile(r"\b(?:hit|hits|hitting|reach|reached|reaches|reaching|touch|touched|touching|"
                                 r"set|sets|setting|scale|scaled|record|recorded|recording|post|posted|mark|marked|"
                                 r"from|to|at)\s+(?:a|an|the|its|their|new)\s+(?:new\s+)?$", re.IGNORECASE)
_DET_BEFORE_RE = re.compile(r"\b(?:a|an|the|its|their|another)\s+$", re.IGNORECASE)


_CHANGE_OF_BEFORE_RE = re.compile(r"\b(?:" + "|".join(sorted(CHANGE_NOUNS, key=len, reverse=True)) + r")\s+of\s+"
                                  r"(?:(?:about|around|nearly|almost|some|roughly|over|more\s+than|less\s+than|"
                                  r"up\s+to|at\s+least|just|only)\s+)*$", re.IGNORECASE)
_IN_AFTER_RE = re.compile(r"\s+in\s", re.IGNORECASE)


_DET_MODIFIER_BEFORE_RE = re.compile(r"\b(?:the|a|an|its|their)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _verb_extreme(text: str, np_start: int, start: int) -> bool:
    """An extreme a verb has ("hitting a peak of", "hit an all-time high of") or one with no determiner ("down
    from highs of"), not one named as a figure ("the 2007 peak of $54,489", "the five-decade low of 4.9")."""
    lo = max(start, np_start - 40)
    return _VERB_DET_BEFORE_RE.search(text, lo, np_start) is not None or \
        _DET_MODIFIER_BEFORE_RE.search(text, lo, np_start) is None


_OUT_OF_TOTAL_RE = re.compile(r"\d[\d,.]*\s+([a-z][\w-]*)\s+out\s+of\s+(?:a\s+total\s+of\s+|the\s+)?$")


def change_noun_of(text: str, qs: int, start: int) -> str | None:
    """The change noun or extreme a figure is "of" when it is the subject: one with a modifier ("a production
    cut of", "a non-recurring gain of", "the record high of"), or a bare one that opens a phrase of its own
    (after a comma, "by" or the sentence start: "a drop of just 22%", "by a margin of", "A high of"); not one a
    verb has ("saw a decline of 17.5%", "hitting a peak of 11.1%": the clause's subject)."""
    if text.find("of ", max(start, qs - 60), qs) < 0:
        return None  # no "of" before the figure: a cheap test before the regex
    m = _OF_BEFORE_RE.search(text, max(start, qs - 60), qs)
    if m is None or m.start() == m.end():
        return None
    x = _EXTREME_OF_RE.search(text, max(start, m.start() - 30), m.start())
    if x:
        phrase, bare = x.group(1), " " not in x.group(1)
        np_start = x.start(1)
        if _VERB_DET_BEFORE_RE.search(text, max(start, np_start - 30), np_start):
            return None  # "Gold hit an all-time high of $2,450", "hitting a peak of 11.1%": the thing at its extreme
    else:
        lo = max(start, m.start() - 50)
        words = [w for w in _CHANGE_NP_RE.finditer(text, lo, m.start())]
        if not words or words[-1].end() != lo + len(text[lo:m.start()].rstrip()) or \
                words[-1].group(0).lower() not in CHANGE_NOUNS:
            return None
        k = len(words) - 1
        while k > 0 and len(words) - k < 3 and words[k - 1].end() + 1 == words[k].start() and \
                words[k - 1].group(0).lower() not in STOP and not _verbish(words[k - 1].group(0)):
            k -= 1  # "a production cut of", "a non-recurring gain of": its modifiers
        np_start = words[k].start()
        phrase, bare = text[np_start:words[-1].end()], k == len(words) - 1
    if not bare and _DET_BEFORE_RE.search(text, max(start, np_start - 12), np_start):
        return phrase
    if bare and _CHANGE_DET_RE.search(text, max(start, np_start - 16), np_start):
        return phrase
    return None


_OBJECT_BEFORE_RE = re.compile(r"\s+(?P<link>(?:up\s+|down\s+|back\s+)?(?:by|to|at)\s+|(?P<bare>up\s+|down\s+)?)(?:(?:about|around|nearly|almost|some|roughly|"
                               r"approximately|another|a\s+further|an\s+additional|just|only|below|under|over|"
                               r"more\s+than|less\s+than|as\s+(?:much|little|high|low)\s+as)\s+)*$", re.IGNORECASE)
_OBJECT_VERB_RE = re.compile(r"\b(?:cut|cuts|cutting|curb|curbs|curbing|curbed|reduce|reduces|reducing|reduced|lower|"
                             r"lowers|lowering|lowered|raise|raises|raising|raised|lift|lifts|lifting|lifted|boost|boosts|"
                             r"boosting|boosted|increase|increases|increasing|increased|trim|trims|trimming|trimmed|slash|"
                             r"slashes|slashing|slashed|push|pushes|pushing|pushed|pushed\s+up|drive|drove|driving|"
                             r"depress|depresses|depressing|depressed|expand|expands|expanding|expanded|extend|extended|"
                             r"hike|hikes|hiked|hiking|take|takes|taking|took|bring|brings|bringing|brought|shrink|"
                             r"shrank|grow|grew|growing|kept|keep|keeps|keeping|held|hold|holds|holding|left|leave|"
                             r"leaves|leaving|maintained|maintain|maintains|set|sets|fixed|pegged|capped|priced)\s+(?:(?:its|their|his|her|our|the|a|an|total|overall)\s+)?"
                             r"(?:(?:19|20)\d\d\s+)?$",  # ("kept its 2024 global growth forecast at 3.2%")
                             re.IGNORECASE)


# "on revenue up 7.9 per cent", "with sales down 3%": a preposition or a comma before a noun and its change
_NOMINAL_BEFORE_RE = re.compile(r"(?:\b(?:on|with|of|for|and|as)|[,;(])\s+(?:(?:the|its|their|a|an)\s+)?$", re.IGNORECASE)


def object_before(text: str, qs: int, start: int) -> str | None:
    """"cut output by 1 million barrels", "curb its production by around 228,000 bpd",
    "reduce expenses to below £13.6bn", "pushed rates up one per cent": what the verb changes."""
    m = _OBJECT_BEFORE_RE.search(text, max(start, qs - 60), qs)
    if m is None:
        return None
    np = _np_left(text, m.start(), start, max_words=4)
    if np is None:
        return None
    phrase, head = np
    if head.lower() in NOT_SUBJECT_WORDS or head.lower() in CHANGE_NOUNS or _weak_subject(phrase):
        return None
    before = text[max(start, m.start() - len(phrase) - 40):m.start() - len(phrase)]
    if not m.group("link") and (_past_form(head.lower()) or head.lower().endswith(("ly", "ised", "ized")) or
                                _ARTICLE_END_RE.search(before)):
        return None  # "shrank an annualised 2.1%": an adjective of the figure, no object
    if _OBJECT_VERB_RE.search(before):
        return phrase  # "cut output by 1m barrels", "lifted annual net profit 26.9 per cent", "pushed rates up 1%"
    if m.group("bare") and _NOMINAL_BEFORE_RE.search(before):
        return phrase  # "achieved on revenue up 7.9 per cent": a noun and its change, no verb
    return None


# a figure tied to the one before it tells the same thing: the level a change reached ("rose 27% to
# £988M"), its baseline ("down 68% from the Rs 32.92 crore", "up from 197,067"), a figure in brackets
# ("(H1 2016: £777m)", "(£4.1 billion)"), an apposition or a change told after a level
_SUBJECT_LINK_RE = re.compile(
    r"^\)?\s*(?:\(\s*(?:[^()]{0,20}:\s*)?|,?\s*(?:or|and|to|from|at)\s+(?:the\s+|a\s+|an\s+)?(?:restated\s+|revised\s+)?|"
    r",?\s*(?:(?:up|down|higher|lower|rising|falling)\s+)?(?:by\s+)?|"
    r"[^.;:()]{0,40}?\b(?:up|down|higher|lower|compared\s+(?:with|to)|against|versus|vs\.?|than|from|to)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:restated\s+|revised\s+|record\s+)?(?:of\s+)?|"
    # "a 37% increase on last week's 7,024", "up from the previous month's 4.1%": the same thing a time before
    r"[^.;:()]{0,40}?\b(?:on|from|over|than)\s+(?:last|the\s+previous|the\s+prior|the\s+same|a\s+year\s+earlier)?\s*"
    r"(?:week|month|year|quarter|day|period|season)['’]s\s+)\W{0,2}$",
    re.IGNORECASE)


# a capitalised word other than a month ("Brent", "WTI") or a clause word starts another subject
_NEW_CLAUSE_RE = re.compile(r"(?i:\b(?:while|whilst|whereas|but|and|which|who|that|said|says|as|with)\b)|"
                            r"\b(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
                            r"December|H[12]|Q[1-4])\b)[A-Z][A-Za-z]")
_PLAIN_LINK_RE = re.compile(r"^\s*(?:\(|,?\s*(?:or|and)\s+(?:the\s+|a\s+|an\s+)?\W{0,2}$)")


# a change told in apposition to the level before it: ", a 3.5% rise on", "last month, an 8% rise", "(+5.9%"
_APPOSED_CHANGE_RE = re.compile(r"^[^.;:()]{0,30}?(?:,\s*(?:a|an)\s+|\s\(\s*)$")


# two figures joined by "and" after two nouns joined by "and": one each, in order ("The average prime and maximum
# lending rates fell to 17.77 per cent and 30.95 per cent": the first is the prime rate's)
_FIGURE_PAIR_GAP_RE = re.compile(r"\s+and\s+$")
_PAIR_AND_BEFORE_RE = re.compile(r"\s+and\s+(?:[a-z]+\s+)?$")


def _first_of_pair(text: str, first, second) -> str | None:
    """The noun before "and <the pair's subject>" for the first of two figures that share that subject."""
    subject = second.subject
    if not subject or first.subject != subject or not _FIGURE_PAIR_GAP_RE.match(text, first.span_end, second.span_start):
        return None
    at = text.rfind(subject, max(0, first.span_start - 160), first.span_start)
    if at < 0:
        return None
    conj = _PAIR_AND_BEFORE_RE.search(text, max(0, at - 24), at)
    if conj is None:
        return None
    np = _np_left(text, conj.start(), max(0, conj.start() - 80))
    if np is None or _weak_subject(np[0]) or np[1].lower() in NOT_SUBJECT_WORDS:
        return None
    return np[0]


def opening_subject(sentence: str) -> str | None:
    """The subject a sentence opens with ("The Dixie Fire is the largest in the state": "Dixie Fire";
    "Britain's unemployment rate rose again in March": "Britain's unemployment rate"), None when it opens
    with a pronoun, a time or anything but a noun phrase before its verb."""
    head = sentence[:_OPENING_CHARS]
    cut = re.search(r"[,;:(]", head)
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(head, 0, cut.start() if cut else len(head))]
    if not toks or toks[0][0].lower() in _SUBJECT_PRONOUNS:
        return None
    span = _clause_subject(toks)
    if span is None:
        return None
    phrase = head[_title_start(head, span[0]):span[1]]
    return None if _weak_subject(phrase) else phrase


_OPENING_CHARS = 160


def share_subjects(claims: list, text: str, strong: set[int]) -> list:
    """Claims of one sentence in text order; a claim whose subject is weak (none, or only the
    clause's first noun phrase) takes the subject of the claim it is tied to just before it."""
    out = list(claims)
    for k in range(1, len(out)):
        prev, c = out[k - 1], out[k]
        if c.span_start in strong or not prev.subject or prev.subject.lower() in _AGED_GROUPS:
            continue  # ("lowest in those aged 0 to 4, at 155.4 per 100,000": an age's "those" is no one else's)
        between = text[prev.span_end:c.span_start]
        if c.kind == "change" and prev.kind == "level" and _APPOSED_CHANGE_RE.match(between) and \
                not _NEW_CLAUSE_RE.search(between):
            out[k] = replace(c, subject=prev.subject)  # "5.4 million passengers in October, a 3.5% rise on", "(+5.9%"
            continue
        if len(between) > 60 or not _SUBJECT_LINK_RE.match(between):
            continue
        # a change's own subject told after it does not start another clause ("a 9 per cent increase in underlying
        # EBITDA to $US25.4 billion")
        seen = between.replace(prev.subject, " ") if prev.kind == "change" else between
        if _NEW_CLAUSE_RE.search(seen) and not _PLAIN_LINK_RE.match(between):
            continue  # "..., while West Texas Intermediate was up 0.3 percent": another subject
        out[k] = replace(c, subject=prev.subject)
    for k in range(1, len(out)):
        c = out[k]
        if c.span_start in strong or c.unit not in (None, "person") or not THE_BEFORE_RE.search(
                text, max(0, c.span_start - 5), c.span_start):
            continue
        prev = next((p for p in reversed(out[:k]) if p.unit == c.unit and p.subject and p.span_start in strong), None)
        if prev is not None and c.span_start - prev.span_end < 120 and c.value is not None and prev.value is not None:
            # "won 240 of the 543 seats ..., well short of the 272 needed", "87 million outbound trips last year,
            # still well below the 155 million recorded in 2019": a bare "the N" is another count of the same thing
            out[k] = replace(c, subject=prev.subject)
    for k in range(1, len(out)):
        if (first := _first_of_pair(text, out[k - 1], out[k])) is not None:
            out[k - 1] = replace(out[k - 1], subject=first)  # "A and B were 5 and 6": 5 is A's
    return out


# a change noun "in" what changed, then the level it reached: "a fall in revenues from operations to $840.2m"
_CHANGE_IN_TO_RE = re.compile(r"\b(?:fall|rise|drop|increase|decrease|decline|jump|gain|surge|slump|dip|reduction|"
                              r"cut|climb|slide)s?\s+in\s+(?:the\s+|its\s+|their\s+)?(?P<np>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}?)"
                              r"(?:\s+(?:from|of|at|for)\s+[a-z][\w\s'’-]{0,30}?)?\s+to\s+"
                              r"(?:(?:about|around|nearly|almost|just|some)\s+)?$")
THE_BEFORE_RE = re.compile(r"\bthe\s+$", re.IGNORECASE)  # "the" right before a figure (extract, claim_builder)
_LEFT_WORD_RE = re.compile(r"\b([a-z][\w'’-]*[a-z])\s+$")
_NOT_LEFT_NOUNS = frozenset("""reaches reached tops topped totals totalled stands stood hits exceeds exceeded
costs pays earns makes takes gets gives sees holds wins loses needs offers provides brings delivers produces
averages goes keeps allows requires includes contains covers uses puts sets""".split())
_CUE_START_RE = re.compile(r"(?:around|about|above|below|over|under|up\s+to|as\s+(?:high|low|much|little|many)\s+as|"
                           r"near|nearly|almost|more\s+than|less\s+than|at\s+least|at\s+most|upwards\s+of|roughly)\b",
                           re.IGNORECASE)


def noun_right_before(text: str, qs: int, start: int) -> str | None:
    """"highs around 60", "waves up to 100-feet high", "temperatures above 30C", "a low around 0F":
    a lower-case plural noun (or a forecast's high/low) right before a figure that opens with a
    qualifier cue is what it measures."""
    if not _CUE_START_RE.match(text, qs):
        return None
    m = _LEFT_WORD_RE.search(text, max(start, qs - 40), qs)
    if m is None:
        return None
    w = m.group(1).lower()
    if not (_is_plural_head(w) or w in ("high", "low")):
        return None  # only a plural noun ("highs", "waves") or a forecast's "high"/"low": not "a further", "to hand"
    if (w in STOP or w in VERBISH or w in _LEFT_SKIP or w in _NOT_LEFT_NOUNS or w in NOT_SUBJECT_WORDS or _verbish(w)
            or _participle(w) or w.endswith("ly") or w in CHANGE_NOUNS or w in CONTAINER_NOUNS):
        return None
    if re.search(r"\b(?:which|that|who|it|they|he|she|we)\s+$", text[max(start, m.start(1) - 8):m.start(1)], re.IGNORECASE):
        return None  # "which assembles about 70%": a verb after a pronoun
    np = _np_left(text, m.end(1), start, max_words=3)
    return np[0] if np else None


# references a share is taken of, not what it measures: "29.6 per cent of GDP", "74.3% of pre-pandemic levels",
# "59% of the equivalent period in 2019", "65 percent of the 2019 figure"
BASELINE_HEADS = frozenset("gdp levels level period figure figures average norm capacity".split())
_OF_AFTER_RE = re.compile(r"\s+of\b", re.IGNORECASE)
_SHARE_OF_UNITS = (None, "percent")
_WORTH_BEFORE_RE = re.compile(r"\s+worth\s+(?:(?:an\s+estimated|about|around|some|up\s+to|more\s+than|nearly|almost|over|"
                              r"roughly|at\s+least)\s+)?$", re.IGNORECASE)
_AGED_GROUPS = frozenset({"those", "these", "all"})
_AGED_BEFORE_RE = re.compile(r"\b([A-Za-z][a-z]+)\s+aged\s+(?:(?:over|under|between|about|around|at\s+least|just)\s+)?$")
# heads that name a rate: the figure is the rate, not the counted noun after it
RATE_HEADS = frozenset("rate rates ratio ratios incidence".split())
# words that do not say what a rate is of: "a weekly rate of", "an annualised rate of" hold a figure like "a total of"
_GENERIC_RATE_WORDS = frozenset("weekly daily monthly yearly annual annualised annualized average overall current "
                                "steady record".split())
# "9.3 homicides per 100,000 residents", "1.5 homicides for every 100,000 people": a count per base
_PER_BASE_RE = re.compile(r"(?:\s+[a-z][\w-]*){1,3}?\s+(?:per|for\s+every)\s+(?:\d|one\b|a\s+|million\b|capita\b)",
                          re.IGNORECASE)

# a comparative or a gap right after a figure: "up to 50 percent lighter than steel", "0.7 points fewer votes than
# the BSP", "9 points ahead of the Greens" (NEWS_DEV conv. 20, 52)
# ("50% more rain than average" stays with its noun, measured against a baseline; "fewer votes than the BSP"
# compares two parties: the clause's subject)
_COMPARATIVE_AFTER_RE = re.compile(r"\s+(?!rather\b|other\b|over\b|under\b)(?:[a-z]{3,}er\s+than\b|ahead\s+of\b|behind\b|"
                                   r"(?:more|fewer|less)(?:\s+[a-z]+){1,2}\s+than\s+(?:the\s+)?[A-Z])")
# the owner right before a figure: "its southern rival's 0.8 per cent", "the group's 12%"
_POSSESSOR_BEFORE_RE = re.compile(r"(?<![\w'’])((?:(?!(?:its|their|his|her|our|the|an?)\s)[a-z][\w-]*\s+)?"
                                  r"[A-Za-z][\w-]*)['’]s\s+$")


def _comparative_after(text: str, qe: int, after: str) -> bool:
    """A comparative right after the figure or after its counted noun ("9 points ahead of")."""
    if _COMPARATIVE_AFTER_RE.match(text, qe, min(len(text), qe + 60)):
        return True
    if not text[qe:qe + len(after) + 1].lstrip().startswith(after):
        return False
    pos = text.index(after, qe) + len(after)
    return _COMPARATIVE_AFTER_RE.match(text, pos, min(len(text), pos + 60)) is not None


# a word a determiner and a figure modify that the noun-phrase reader stops at: "the 147 dollar high", "a 52-week
# low", or a noun made of a verb and its particle: "the 5.5-second cut-off", "a 46% drop-off"
_DET_FIGURE_HEADS = ("high", "low", "highs", "lows", "peak", "trough")
_PARTICLE_NOUN_ENDS = ("off", "out", "up", "down", "over")
_DET_FIGURE_HEAD_RE = re.compile(r"\s+(" + "|".join(_DET_FIGURE_HEADS) + r"|[a-z]+-(?:" + "|".join(_PARTICLE_NOUN_ENDS) +
                                 r"))(?![\w-])")
# a figure with an apposition of its own: "with 37.8C the highest temperature recorded"
_SUPERLATIVE_APPOSITION_RE = re.compile(r"\s+the\s+([a-z]+est\s+[a-z][\w-]*[a-z])\b")
_NOT_SUPERLATIVES = frozenset("interest west rest test forest harvest protest contest request guest chest quest "
                              "arrest honest modest earnest".split())
# a state a share of something is in: "only 21% contained", "40 per cent complete" (NEWS_DEV: the state is the subject)
_SHARE_STATES = ("contained", "complete", "completed", "vaccinated", "occupied", "finished")
_SHARE_STATE_RE = re.compile(r"\s+(" + "|".join(_SHARE_STATES) + r")\b(?!\s+(?:with|in|of)\b)")
# a forecast's "high 17F", "low 3C": the extreme right before a temperature, after a pause
_FORECAST_EXTREME_RE = re.compile(r"(?:^|[:;,.(]\s*)((?:[Hh]igh|[Ll]ow)s?)\s+$")
_TEMPERATURE_UNITS = ("celsius", "fahrenheit")
# a share of a figure's noun: "60 per cent of the $US10 billion profit", "90% of the 1,200 staff"
_SHARE_OF_FIGURE_RE = re.compile(r"\s+of\s+(?:the|its|their)\s+(?!(?:19|20)\d\d\s)(?:[A-Z]{0,3}[$€£¥₹]|[$€£¥₹][A-Z]{0,3})?\d[\d,.]*"
                                 r"(?:\s*(?:million|billion|trillion|bn|m|k)\b)?\s+(?=[a-z])")


def _figure_apposition(text: str, qs: int, start: int, unit: str | None, qe: int, end: int) -> str | None:
    """A subject told right around the figure that the noun-phrase reader does not see (see the regexes above)."""
    if _DET_BEFORE_RE.search(text, max(start, qs - 12), qs) and (m := _DET_FIGURE_HEAD_RE.match(text, qe, end)):
        return m.group(1)
    if (m := _SUPERLATIVE_APPOSITION_RE.match(text, qe, end)) and m.group(1).split()[0] not in _NOT_SUPERLATIVES:
        return m.group(1)
    if unit == "percent" and (m := _SHARE_STATE_RE.match(text, qe, end)):
        return m.group(1)
    if unit in _TEMPERATURE_UNITS and (m := _FORECAST_EXTREME_RE.search(text, max(start, qs - 12), qs)):
        return m.group(1)
    if unit == "percent" and (m := _SHARE_OF_FIGURE_RE.match(text, qe, end)):
        np = subject_after(text, m.end(), end)
        if np and np[1].lower() not in NOT_SUBJECT_WORDS and np[1].lower() not in BASELINE_HEADS:
            return np[0]
    return None


_AGE_RE = re.compile(r"-?years?-old\b", re.IGNORECASE)
_NAME_AFTER_RE = re.compile(r"(?:\s+[a-z]+){0,2}\s+((?:[A-Z][\w'’-]+)(?:\s+(?:de\s+|van\s+|von\s+)?[A-Z][\w'’-]+)*)")


def choose_subject(text: str, qs: int, start: int, after: str | None, head: str | None,
                   unit: str | None, qe: int | None = None, end: int | None = None) -> tuple[str | None, bool]:
    """(subject, whether it is the figure's own) for the figure whose quote starts at `qs`, given
    the noun phrase after it (`after`, with its `head`) and its unit. In order: the noun it is
    "of" ("a top speed of 180mph"; a counted noun after a count or a container noun wins: "a
    total of 14.2 million passengers"), the noun phrase after it, the object of the change verb
    before it ("cut output by 1m barrels a day"), else the first noun phrase of its clause."""
    age = _AGE_RE.search(text, qs, min(len(text), qe + 4)) if qe is not None else None
    if age:
        m = _NAME_AFTER_RE.match(text, age.end(), end if end is not None else len(text))
        if m:
            return m.group(1), True  # "20-year-old substitute Wright-Phillips": the person named
    if not after and qe is not None and end is not None and (told := _figure_apposition(text, qs, start, unit, qe, end)):
        return told, True
    # (this search and the possessor's are asked only where the word or the "'s" they need is)
    aged = _AGED_BEFORE_RE.search(text, max(start, qs - 40), qs) if text.find("aged", max(start, qs - 40), qs) >= 0 else None
    who = aged.group(1).lower() if aged else ""
    if aged and who not in VERBISH and (who not in STOP or who in _AGED_GROUPS) and not _past_form(who) and \
            not who.endswith("ly"):
        return aged.group(1), True  # "those aged 85 or over", "children aged 12 and under", "an offender aged 18"
    if not after and qe is not None and end is not None and text.find("of ", max(start, qs - 60), qs) >= 0 and \
            _IN_AFTER_RE.match(text, qe) and _CHANGE_OF_BEFORE_RE.search(text, max(start, qs - 60), qs):
        inside = subject_after(text, qe, end, through_prep=True)
        if inside and inside[1].lower() not in NOT_SUBJECT_WORDS and not any(
                w in _TIME_WORDS or w.split("-")[0] in _MONTHS for w in inside[0].lower().split()):
            return inside[0], True  # "a gain of 4.1% in passenger traffic", "a decline of over 7% in passenger traffic"
    worth = _WORTH_BEFORE_RE.search(text, max(start, qs - 40), qs) if not after else None
    if worth and (np := _np_left(text, worth.start(), start)):
        return np[0], True  # "1.2 tonnes of cocaine worth £100m", "a stake worth $5bn": what is worth it
    total = _OUT_OF_TOTAL_RE.search(text, max(start, qs - 60), qs) if not after else None
    if total and _is_plural_head(total.group(1)):
        return total.group(1), True  # "won 19 seats out of a total of 403": the seats counted before
    change = change_noun_of(text, qs, start)
    if change and not (after and head and head.lower() not in NOT_SUBJECT_WORDS):
        # "a production cut of", "a drop of just 22%", "by a margin of 81 points", "A high of 28.7°C"; a bare one is
        # weak: told after a figure (", an increase of 11% on"), it is about that figure's subject
        return change, " " in change or "-" in change
    of_np = subject_of_before(text, qs, start)
    if of_np and _weak_subject(of_np[0]):
        of_np = None  # "a restated net profit the previous year of $86.8m": the year is no subject
    elif of_np and of_np[1].lower() in _EXTREMES and _verb_extreme(text, text.rfind(of_np[0], start, qs), start):
        of_np = None  # "down from highs of around $130", "hitting a peak of 11.1%": the thing at its extreme
    elif of_np and after and _DET_BEFORE_RE.search(text, max(start, qs - 12), qs):
        of_np = None  # "the 17th consecutive breach of the 18 week target": the figure modifies the noun after it
    if of_np and of_np[1].lower() in RATE_HEADS and all(
            w.lower() in _GENERIC_RATE_WORDS for w in of_np[0].split()[:-1]):
        before = subject_before(text, text.rfind(of_np[0], start, qs), start)
        if before:
            return before, False  # "Case rates were highest ..., with a weekly rate of 583.2": a rate of nothing named
    if of_np and of_np[1].lower() in RATE_HEADS:
        return of_np[0], True  # "a homicide rate of 37.3 homicides for every 100,000 people": the rate
    if of_np and of_np[1].lower() not in CONTAINER_NOUNS and not (after and unit in (None, "person")):
        return of_np[0], True
    left = noun_right_before(text, qs, start)
    if left and not (after and unit in (None, "person")):
        return left, True
    obj = object_before(text, qs, start) if not after or unit not in (None, "person") else None
    if obj:
        return obj, True
    if after and ((unit or "").startswith("per_") or (qe is not None and _PER_BASE_RE.match(
            text, qe, min(len(text), qe + 60)))):
        before = subject_before(text, qs, start)
        if before and re.search(r"\brates?\b", before, re.IGNORECASE):
            return before, True  # "the homicide rate declined ... from 9.3 homicides per 100,000"
    if after and head and unit in _SHARE_OF_UNITS and head.lower() in BASELINE_HEADS and qe is not None and \
            _OF_AFTER_RE.match(text, qe):
        before = subject_before(text, qs, start)
        if before:
            return before, False  # "capital formation fell to 29.6 per cent of GDP": a ratio to a reference
    if after and qe is not None and _comparative_after(text, qe, after):
        return subject_before(text, qs, start), False  # "50 percent lighter than steel": the thing compared
    if after:
        return after, True
    owner = _POSSESSOR_BEFORE_RE.search(text, max(start, qs - 40), qs) if (
        text.find("'s", max(start, qs - 40), qs) >= 0 or text.find("’s", max(start, qs - 40), qs) >= 0) else None
    if owner and not _weak_subject(owner.group(1)) and not any(
            w.lower() in _TIME_WORDS or w.lower() in STOP for w in owner.group(1).split()):
        return owner.group(1), True  # "compared to its southern rival's 0.8 per cent" (not "last week's 7,024")
    if (moved := _CHANGE_IN_TO_RE.search(text, max(start, qs - 90), qs)) and \
            moved.group("np").split()[-1].lower() not in NOT_SUBJECT_WORDS | _TIME_WORDS:
        return moved.group("np"), True  # "reported a fall in revenues from operations to $840.2m": revenues
    return subject_before(text, qs, start), False
