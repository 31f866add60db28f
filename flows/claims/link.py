"""Which claims are about the same fact, and whether their values agree.

Pure functions over `Claim`s. The warehouse links claims set-based in SQL on the keys
computed here (`fact_keys`): `same_fact` and `compare_values` state the same rules for
a pair, for tests and for explaining a link."""
from __future__ import annotations

import re
from dataclasses import dataclass

from flows.claims.lexicon import LEXICON
from flows.claims.model import Claim
from flows.claims.subjects import STOP, VERBISH

# Head nouns that name the same kind of thing; the first word of each group is its key.
HEAD_GROUPS = (
    ("person", "people", "persons", "individuals", "citizens", "nationals", "residents", "inhabitants",
     "population", "descent", "men", "women"),
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
_VERB_GROUPS = (
    ("enter", "entered", "enter", "enters", "entering", "crossed", "cross", "crosses", "crossing", "arrived",
     "arrive", "arrives", "reached"),
    ("die", "died", "die", "dies", "killed", "perished"),
    ("live", "living", "live", "lives", "lived", "resident", "registered", "reside", "resides", "home"),
    ("deport", "deported", "deportation", "removed", "removal", "listed", "expelled"),
    ("reject", "rejected", "rejection", "refused", "refusal", "denied", "denial"),
)
_VERB_KEY = {w: g[0] for g in _VERB_GROUPS for w in g[1:]}
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_GROUP_WORDS = frozenset(w.lower() for w in LEXICON.demonyms) | frozenset(
    d.lower()[:-1] for d in LEXICON.demonyms if d.endswith("s")) | frozenset(
    {"chinese", "japanese", "american", "mexican", "british", "french", "german", "spanish", "indian",
     "russian", "ukrainian", "syrian", "afghan", "venezuelan", "haitian", "cuban", "serbian", "african",
     "european", "asian", "foreign", "illegal", "irregular", "undocumented", "unaccompanied"})


def _stem(w: str) -> str:
    w = w.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


@dataclass(frozen=True, slots=True)
class FactKeys:
    unit_family: str | None
    subject_key: str | None  # head class | group modifiers | event verb
    scale: float  # multiply values by this to reach the family's base unit


def _event_verb(claim: Claim) -> str:
    """The verb that says what happened to the counted thing ("entered", "died")."""
    rel_end = claim.span_end - claim.sentence_start
    tail = claim.sentence[rel_end:rel_end + 80]
    for w in _WORD_RE.findall(tail)[:6]:
        lw = w.lower()
        if lw in _VERB_KEY:
            return _VERB_KEY[lw]
        if lw in (",", ";"):
            break
    rel_start = claim.span_start - claim.sentence_start
    for w in reversed(_WORD_RE.findall(claim.sentence[max(0, rel_start - 60):rel_start])[-4:]):
        if w.lower() in _VERB_KEY:
            return _VERB_KEY[w.lower()]
    for w in _WORD_RE.findall(claim.subject or ""):
        if w.lower() in _VERB_KEY:
            return _VERB_KEY[w.lower()]
    return ""


def subject_key(claim: Claim) -> str | None:
    if not claim.subject:
        return None
    words = [w for w in _WORD_RE.findall(claim.subject)]
    if not words:
        return None
    # the head is the last word before an of/from continuation
    main = re.split(r"\s+(?:of|from|in)\s+", claim.subject, maxsplit=1)[0]
    main_words = _WORD_RE.findall(main) or words
    head = main_words[-1].lower()
    if head == "people" and re.search(r"\bof\b", claim.subject):
        head = "people"
    head_key = _HEAD_KEY.get(head, _stem(head))
    groups = sorted({_stem(w) for w in words if w.lower() in _GROUP_WORDS and w.lower() != head})
    content = sorted({_stem(w) for w in main_words[:-1]
                      if w.lower() not in STOP and w.lower() not in VERBISH and w.lower() not in _GROUP_WORDS})
    if head_key in ("person", "migrant", "refugee", "death", "worker", "student"):
        content = []  # modifiers of people counts other than nationality are too free-worded
    return "|".join([head_key, "+".join(groups), "+".join(content), _event_verb(claim)])


def fact_keys(claim: Claim) -> FactKeys:
    fam = LEXICON.unit_family(claim.unit)
    base = (claim.unit or "").split("/")[0]
    factor = float(LEXICON.units[base]["factor"]) if base in LEXICON.units else 1.0
    return FactKeys(fam, subject_key(claim), factor)


# ---- the same rules for one pair (the SQL in warehouse/link/ applies them set-based) ----
PERIOD_SLACK_DAYS = 31


def _period_compatible(a: Claim, b: Claim) -> bool:
    if (a.period_start is None) != (b.period_start is None):
        return False
    if a.period_partial != b.period_partial:
        return False
    if a.period_start is None:
        return True
    if abs((a.period_start - b.period_start).days) > PERIOD_SLACK_DAYS:
        return False
    if (a.period_end is None) != (b.period_end is None):
        return False
    return a.period_end is None or abs((a.period_end - b.period_end).days) <= PERIOD_SLACK_DAYS


def same_fact(a: Claim, b: Claim) -> bool:
    ka, kb = fact_keys(a), fact_keys(b)
    return (
        ka.unit_family is not None and ka.unit_family == kb.unit_family
        and ka.subject_key is not None and ka.subject_key == kb.subject_key
        and a.place == b.place
        and a.kind == b.kind and a.direction == b.direction
        and (a.modality == "forecast") == (b.modality == "forecast")
        and a.modality != "hypothetical" and b.modality != "hypothetical"
        and _period_compatible(a, b)
    )


def scaled_interval(c: Claim) -> tuple[float | None, float | None]:
    f = fact_keys(c).scale
    lo = None if c.interval_low is None else c.interval_low * f
    hi = None if c.interval_high is None else c.interval_high * f
    return lo, hi


def intervals_meet(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    (alo, ahi), (blo, bhi) = a, b
    if ahi is not None and blo is not None and ahi < blo:
        return False
    if bhi is not None and alo is not None and bhi < alo:
        return False
    return True


def gap(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> float:
    """Relative gap between two disjoint intervals (0 when they meet)."""
    (alo, ahi), (blo, bhi) = a, b
    if ahi is not None and blo is not None and ahi < blo:
        return (blo - ahi) / max(abs(blo), abs(ahi), 1e-12)
    if bhi is not None and alo is not None and bhi < alo:
        return (alo - bhi) / max(abs(alo), abs(bhi), 1e-12)
    return 0.0


def compare_values(a: Claim, b: Claim) -> tuple[str, float] | None:
    """("agrees" | "conflicts", severity) for two claims about the same fact."""
    if not same_fact(a, b):
        return None
    ia, ib = scaled_interval(a), scaled_interval(b)
    if intervals_meet(ia, ib):
        return "agrees", 0.0
    return "conflicts", round(gap(ia, ib), 4)
