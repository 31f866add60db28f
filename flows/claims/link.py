"""Subject keys, and the old exact-equality fact key, of a claim.

Pure functions. Cross-referencing no longer pairs claims on `fact_keys(...).fact_key`: fact
matching with evidence lives in `flows/claims/facts.py`, and `claim_rows.fact_key` is written from
it (flows/frames.py). What stays here: the subject key and unit family that reference checks
compare (`warehouse/views/reference_checks.sql`, flows/ingest/reference.py), unit scales, and
`intervals_meet` / `gap` (defined in intervals.py), the interval test for one pair that the benchmark's
Python baseline imports from here.

A subject key is head noun class | nationality words | other modifiers | event verb; reference
figures get the same keys from their subject, place and period strings (`reference_keys`), so a
claim and a published statistic meet on the same columns."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from claimhouse.flows.claims.intervals import gap, intervals_meet  # noqa: F401 (the benchmark baseline's import)
from claimhouse.flows.claims.lexicon import LEXICON
from claimhouse.flows.claims.model import Claim
from claimhouse.flows.claims.subjects import STOP, VERBISH

# Head nouns that name the same kind of thing; the first word of each group is its key.
HEAD_GROUPS = (
    ("person", "people", "persons", "individuals", "citizens", "nationals", "residents", "inhabitants",
     "population", "descent", "men", "women", *sorted(w.lower() for w in LEXICON.demonyms)),
    ("migrant", "migrants", "immigrants", "emigrants", "crossers", "crossings", "entries", "arrivals",
     "encounters", "apprehensions"),
    ("refugee", "refugees", "asylum-seekers", "seekers"),
    ("death", "deaths", "dead", "fatalities", "killed", "died", "victims"),
    ("worker", "workers", "employees", "staff", "jobs"),
    ("student", "students", "pupils"),
    ("rate", "rate", "ratio", "share", "proportion", "percentage"),
    ("budget", "budget", "spending", "funding", "expenditure", "cost", "costs"),
)
_HEAD_KEY = {w: g[0] for g in HEAD_GROUPS for w in g[1:]}
_PEOPLE_HEADS = frozenset({"person", "migrant", "refugee", "death", "worker", "student"})
# Verbs (and their nouns) that say what happened to what is counted.
VERB_GROUPS = (
    ("enter", "entered", "enter", "enters", "entering", "crossed", "cross", "crosses", "crossing", "arrived",
     "arrive", "arrives", "arriving", "apprehended", "apprehension", "apprehensions", "encountered",
     "encounters", "entries", "entry", "crossings", "arrivals"),
    ("die", "died", "die", "dies", "killed", "perished", "deaths", "death"),
    ("live", "living", "live", "lives", "lived", "resident", "registered", "reside", "resides", "home"),
    ("deport", "deported", "deportation", "removed", "removal", "listed", "expelled", "deportations"),
    ("reject", "rejected", "rejection", "refused", "refusal", "denied", "denial", "refusals", "rejections"),
)
_VERB_KEY = {w: g[0] for g in VERB_GROUPS for w in g[1:]}
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
# Words that say which group of people is counted: nationality words (data/nationalities.json)
# and a few words for legal status.
_STATUS_WORDS = ("foreign", "illegal", "irregular", "undocumented", "unaccompanied")
_GROUP_WORDS = frozenset(w.lower() for w in LEXICON.demonyms) | frozenset(
    d.lower()[:-1] for d in LEXICON.demonyms if d.endswith("s")) | frozenset(
    w.lower() for w in LEXICON.nationality_adjectives) | frozenset(_STATUS_WORDS)
_PERSON_NOUNS = frozenset(LEXICON.person_nouns)


def _stem(w: str) -> str:
    w = w.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def subject_key_of(subject: str | None, event_verb: str = "") -> str | None:
    """head class | nationality words | other modifiers | event verb, for a subject phrase.

    The head is the first word that names people or a known measure ("Chinese nationals
    apprehended by ..." -> person), else the last word before an of/from/in phrase."""
    if not subject:
        return None
    words = _WORD_RE.findall(subject)
    if not words:
        return None
    main = re.split(r"\s+(?:of|from|in|on|by|with|for|between|during|after)\s+", subject, maxsplit=1)[0]
    main_words = _WORD_RE.findall(main) or words
    head = next((w.lower() for w in main_words if w.lower() in _HEAD_KEY and w.lower() not in _GROUP_WORDS), None)
    if head is None:
        head = next((w.lower() for w in main_words if w.lower() in _PERSON_NOUNS), None)
    if head is None:
        plain = [w for w in main_words if not (w.lower().endswith(("ing", "ed")) and len(w) > 4)] or main_words
        head = plain[-1].lower()
    head_key = _HEAD_KEY.get(head, _stem(head))  # "Chinese" as a head means people: key "person"
    groups = sorted({_stem(w) for w in words if w.lower() in _GROUP_WORDS})
    content = sorted({_stem(w) for w in main_words
                      if w.lower() != head and w.lower() not in STOP and w.lower() not in VERBISH
                      and w.lower() not in _GROUP_WORDS and w.lower() not in _VERB_KEY})
    if head_key in _PEOPLE_HEADS or head in _PERSON_NOUNS:
        content = []  # modifiers of people counts other than nationality are too free-worded
    verb = event_verb or next((_VERB_KEY[w.lower()] for w in words if w.lower() in _VERB_KEY), "")
    return "|".join([head_key, "+".join(groups), "+".join(content), verb])


def _event_verb(claim: Claim) -> str:
    """The verb that says what happened to the counted thing ("entered", "died")."""
    rel_end = claim.span_end - claim.sentence_start
    for w in _WORD_RE.findall(claim.sentence[rel_end:rel_end + 80])[:6]:
        if w.lower() in _VERB_KEY:
            return _VERB_KEY[w.lower()]
    rel_start = claim.span_start - claim.sentence_start
    for w in reversed(_WORD_RE.findall(claim.sentence[max(0, rel_start - 60):rel_start])[-4:]):
        if w.lower() in _VERB_KEY:
            return _VERB_KEY[w.lower()]
    return ""


def subject_key(claim: Claim) -> str | None:
    return subject_key_of(claim.subject, _event_verb(claim))


def _month(d: date | None) -> str:
    return "" if d is None else f"{d.year:04d}-{d.month:02d}"


@dataclass(frozen=True, slots=True)
class FactKeys:
    unit_family: str | None
    subject_key: str | None
    scale: float  # multiply values by this to reach the family's base unit
    fact_key: str | None  # None: the claim is not compared (no subject, hypothetical, ...)


def unit_scale(unit: str | None) -> float:
    base = (unit or "").split("/")[0]
    return float(LEXICON.units[base]["factor"]) if base in LEXICON.units else 1.0


def fact_keys(claim: Claim) -> FactKeys:
    fam = LEXICON.unit_family(claim.unit)
    skey = subject_key(claim)
    fact = None
    if fam is not None and skey is not None and claim.modality != "hypothetical" and (
            claim.interval_low is not None or claim.interval_high is not None):
        fact = "|".join([fam, skey, claim.place or "", claim.kind, claim.direction or "",
                         "forecast" if claim.modality == "forecast" else "",
                         "partial" if claim.period_partial else "",
                         _month(claim.period_start), _month(claim.period_end)])
    return FactKeys(fam, skey, unit_scale(claim.unit), fact)
