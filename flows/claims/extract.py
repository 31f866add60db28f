"""extract_claims(text) -> list[Claim]: the one public entry of the extractor.

The text is scanned once for number expressions (numbers.py) and once for spans that
are not claims (not_claims.py). Only sentences holding a candidate number are looked
at further: each candidate grows left over its qualifier cue and currency, right over
its scale, unit, counted noun and rate, and gets its direction, subject, place, period,
modality and attribution from the sentence around it."""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import replace
from datetime import date

from claimhouse.flows.claims import cues, intervals
from claimhouse.flows.claims.lexicon import LEXICON
from claimhouse.flows.claims.model import Claim
from claimhouse.flows.claims.neighbours import lend_from_neighbours
from claimhouse.flows.claims.not_claims import Spans, blocked_spans, furniture_flags, names_or_orders
from claimhouse.flows.claims.numbers import NumberAtom, scan_numbers
from claimhouse.flows.claims.periods import choose_period, find_periods
from claimhouse.flows.claims.places import choose_nationality, choose_place, find_places
from claimhouse.flows.claims.segment import paragraphs, sentences
from claimhouse.flows.claims.subjects import STOP, subject_after, subject_before
from claimhouse.flows.claims.places import place_names

_MULTIPLIER_VERB_RE = re.compile(r"\b(?P<w>doubled|doubling|tripled|trebled|tripling|quadrupled|halved|halving|"
                                 r"double|triple|quadruple|twice)\b", re.IGNORECASE)
_MULTIPLIER_STEMS = ("doubl", "tripl", "trebl", "quadrupl", "halv", "twice")
_MULTIPLIER_VALUE = {"doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "trebled": 3.0, "tripling": 3.0,
                     "quadrupled": 4.0, "halved": 0.5, "halving": 0.5,
                     "double": 2.0, "triple": 3.0, "quadruple": 4.0, "twice": 2.0}
# "double", "triple", "twice" are a multiplier only when qualified ("more than double") or
# comparing ("twice the global average", "twice as many"); "a double room" is none
_BARE_MULTIPLIERS = frozenset({"double", "triple", "quadruple", "twice"})
_COMPARING_RE = re.compile(r"\s+(?:the|that|what|as|its|their|his|her)\b", re.IGNORECASE)
_RANGE_JOIN_RE = re.compile(r"\s*(?P<j>-|–|—|to|and|or)\s*", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"\b(?:between|from)\s*$", re.IGNORECASE)
_YEARISH_AFTER_RE = re.compile(r"\s*(?:[,;:.)?!\"”]|$|and\b|to\b|or\b|-|–|[A-Z]|(?:[a-z]+\s+){0,2}(?:crisis|election|census|"
                               r"survey|report|olympics|games|cup|war|law|act|budget|plan|deal|agreement|strategy|"
                               r"policy|season|edition|levels?)\b)")
_CLAUSE_END_RE = re.compile(r"[,;:–—()]|\band\b|\bbut\b|\bwhile\b|\bwhereas\b")
_TIMES_RATIO_RE = re.compile(r"\s*(?:as|more|higher|greater|larger|bigger|less|lower|smaller|the|over|faster|"
                             r"slower|than|that|what)\b", re.IGNORECASE)
_VALUE_CAP = 1e18
_UNSEEN = object()
CONTEXT_CHARS = 300  # how far around a number its cues are looked for: bounds the work per number
_PROPER_BEFORE_RE = re.compile(r"(?<![\w.])([A-Z][\w.&'’+-]*[\w+]|[A-Z]|[a-z]+[A-Z][\w]*)\s+$")
_PROPER_AFTER_RE = re.compile(r"\s+([A-Z][a-z][\w'’-]*)\b")
_MONTHS = frozenset(LEXICON.months)
_PARTITIVE_RE = re.compile(r"\s+of\s+(?:its|their|the|our|his|her|these|those|[A-Z][\w.&-]*['’]s)\s+(?:[a-z-]+\s+)?"
                           r"(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\b)",
                           re.IGNORECASE)
_SAID_WOULD_RE = re.compile(r"\b(?:said|says|announced|pledged|promised|confirmed)\s+(?:that\s+)?(?:it|they|he|she|we|the\s+\w+)\s+"
                            r"would\b(?![^,.;]*\bif\b)", re.IGNORECASE)
_LOSS_OF_RE = re.compile(r"\bloss(?:es)?\s+of\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$", re.IGNORECASE)
_YEAR_BEFORE_RE = re.compile(r"\b(?:in|since|during|until|through|half\s+of|quarter\s+of)\s+$", re.IGNORECASE)
_ORDINAL_NOUN_RE = re.compile(r"\s+(?!of\b|points?\b|percentage\b)[a-z][\w-]*", re.IGNORECASE)
_THRESHOLD_CUES = frozenset({"below", "above", "under", "past", "beyond", "beneath", "topping", "topped", "surpassing",
                             "surpassed", "passed", "exceeding", "exceeded", "crossed the"})


_PLACE_NAMES = place_names()


def _is_function_word(word: str) -> bool:
    w = word.lower()
    return w in STOP or w in _MONTHS or w in cues.CUE_WORDS or w in LEXICON.place_aliases or word in _PLACE_NAMES


def _is_group_word(word: str) -> bool:
    """Capitalised words that can follow a count: demonyms, nationality adjectives, plurals."""
    if word in LEXICON.demonyms or word.endswith("s"):
        return True
    return bool(re.search(r"(?:an|ese|ish|i|ch|ic)$", word))


def extract_claims(text: str, published: date | None = None) -> list[Claim]:
    """Every numeric claim in `text`, in order, with non-overlapping spans."""
    if not text:
        return []
    atoms = scan_numbers(text)
    low = text.lower()
    verbs = list(_MULTIPLIER_VERB_RE.finditer(text)) if any(v in low for v in _MULTIPLIER_STEMS) else []
    if not atoms and not verbs:
        return []
    blocked = blocked_spans(text)
    starts = [a.start for a in atoms]
    verb_starts = [m.start() for m in verbs]
    claims: list[Claim] = []
    paras = paragraphs(text)
    furniture = furniture_flags([text[a:b] for a, b in paras])
    for (p_start, p_end), is_furniture in zip(paras, furniture):
        i = bisect.bisect_left(starts, p_start)
        j = bisect.bisect_left(verb_starts, p_start)
        has_atoms = i < len(atoms) and atoms[i].start < p_end
        has_verbs = j < len(verbs) and verbs[j].start() < p_end
        if not (has_atoms or has_verbs):
            continue
        if is_furniture:
            continue
        places = None
        prev_places: list = []
        for s_start, s_end in sentences(text, p_start, p_end):
            lo = bisect.bisect_left(starts, s_start)
            hi = bisect.bisect_left(starts, s_end)
            vlo = bisect.bisect_left(verb_starts, s_start)
            vhi = bisect.bisect_left(verb_starts, s_end)
            if places is None:
                places = find_places(text, p_start, p_end)
                place_starts = [m.start for m in places]
            sent_places = _within(places, place_starts, s_start, s_end)
            if lo < hi or vlo < vhi:
                ctx = _Sentence(text, s_start, s_end, published, blocked, sent_places, prev_places)
                claims.extend(ctx.claims(atoms[lo:hi], verbs[vlo:vhi]))
            named = [m for m in sent_places if not m.nationality]
            if named:
                prev_places = named
    return _non_overlapping(claims)


def _within(mentions: list, starts: list[int], start: int, end: int) -> list:
    """The mentions (sorted by start) that lie inside [start, end)."""
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return [m for m in mentions[lo:hi] if m.end <= end]


def _non_overlapping(claims: list[Claim]) -> list[Claim]:
    claims.sort(key=lambda c: (c.span_start, -(c.span_end - c.span_start)))
    out: list[Claim] = []
    for c in claims:
        if out and c.span_start < out[-1].span_end:
            continue
        out.append(c)
    return out


class _Sentence:
    """One sentence and what is known about it; builds the claims of its numbers."""

    def __init__(self, text: str, start: int, end: int, published: date | None, blocked: Spans,
                 places: list, prev_places: list):
        self.text, self.start, self.end = text, start, end
        self.published = published
        self.blocked = blocked
        self.places = places
        self.prev_places = prev_places
        self._periods = None
        self._attribution: str | None | bool = False
        self._units: dict = {}
        self._qualifiers: dict = {}

    # -- lazily computed sentence facts ---------------------------------------------
    @property
    def periods(self):
        if self._periods is None:
            self._periods = find_periods(self.text[self.start:self.end], self.published)
        return self._periods

    @property
    def attribution(self) -> str | None:
        if self._attribution is False:
            self._attribution = cues.attribution_of(self.text[self.start:self.end])
        return self._attribution  # type: ignore[return-value]

    # -- building claims ---------------------------------------------------------------
    def claims(self, atoms: list[NumberAtom], verbs: list[re.Match]) -> list[Claim]:
        out = []
        consumed_until = -1
        for k, atom in enumerate(atoms):
            if atom.start < consumed_until:
                continue
            nxt = atoms[k + 1] if k + 1 < len(atoms) else None
            built = self._claim_for(atom, nxt)
            if built is not None:
                claim, consumed = built
                consumed_until = max(consumed_until, consumed)
                if claim.subject is None and claim.kind != "level" and out and out[-1].subject:
                    # "20,000 Chinese citizens entered ... - a tenfold increase": the change
                    # is about the quantity just named
                    claim = replace(claim, subject=out[-1].subject)
                out.append(claim)
        out = lend_from_neighbours(out, self.text)
        for m in verbs:
            if not self.blocked.overlaps(m.start(), m.end()):
                claim = self._multiplier_claim(m)
                if claim is not None:
                    out.append(claim)
        return out

    # -- cue lookups asked more than once per number, remembered per position -------------
    def _unit_after(self, pos: int):
        got = self._units.get(pos, _UNSEEN)
        if got is _UNSEEN:
            got = self._units[pos] = cues.unit_after(self.text, pos, self.end)
        return got

    def _qualifier_before(self, pos: int):
        got = self._qualifiers.get(pos, _UNSEEN)
        if got is _UNSEEN:
            got = self._qualifiers[pos] = cues.qualifier_before(self.text, pos, self.start)
        return got

    def _is_year(self, atom: NumberAtom) -> bool:
        if atom.form != "digits" or atom.scaled or not re.fullmatch(r"\d{4}", atom.raw):
            return False
        if not 1000 <= atom.value <= 2199:
            return False
        return (bool(_YEARISH_AFTER_RE.match(self.text, atom.end, self.end)) or not self._count_noun_follows(atom.end)
                or _YEAR_BEFORE_RE.search(self.text, max(self.start, atom.start - 20), atom.start) is not None)

    def _count_noun_follows(self, pos: int) -> bool:
        m = re.match(r"\s+([a-z][\w-]*)", self.text[pos:self.end])
        if not m:
            return False
        w = m.group(1)
        return w in LEXICON.person_nouns or (w.endswith("s") and not w.endswith("ss") and len(w) > 3)

    def _is_identifier(self, atom: NumberAtom, currency) -> bool:
        """A number that names something: "Boeing 737 Max", "Apollo 11", "0800", "HTTP/2",
        "1 Infinite Loop", "zero-day"."""
        text = self.text
        if atom.form in ("digits", "words") and names_or_orders(text, atom.start, atom.end, self.start, atom.form == "words"):
            return True
        if atom.form == "words":
            return atom.value == 0 and not atom.scaled
        if atom.form != "digits" or currency or atom.scaled:
            return False
        if re.fullmatch(r"0\d+", atom.raw):
            return True  # leading zero: a code or a phone number
        if text[atom.end:atom.end + 2][:1] == "/" and text[atom.end + 1:atom.end + 2].isdigit():
            return True
        if atom.start > 0 and text[atom.start - 1] == "/" and atom.start > 1 and text[atom.start - 2].isalnum():
            return True
        if self._unit_after(atom.end) or self._qualifier_before(atom.start):
            return False
        before = _PROPER_BEFORE_RE.search(text, max(self.start, atom.start - 40), atom.start)
        if before and not _is_function_word(before.group(1)) and not before.group(1).endswith(("'s", "’s")):
            return True  # "Boeing 737", but not "NATO's 32 members"
        if "," not in atom.raw and len(atom.raw) <= 5:
            after = _PROPER_AFTER_RE.match(text, atom.end, self.end)
            if after and not _is_group_word(after.group(1)) and after.group(1).lower() not in STOP:
                return True
        if re.fullmatch(r"\d{4}", atom.raw) and 1000 <= atom.value <= 2199 and re.search(r"\bthe\s+$", text[max(self.start, atom.start - 5):atom.start], re.IGNORECASE):
            return True  # "the 2020 closures": a year used as a name
        return False

    def _claim_for(self, atom: NumberAtom, nxt: NumberAtom | None) -> tuple[Claim, int] | None:
        text = self.text
        if self.blocked.overlaps(atom.start, atom.end) or self._is_year(atom):
            return None
        currency = cues.currency_before(text, atom.start, self.start)
        if self._is_identifier(atom, currency):
            return None
        if atom.value != atom.value or abs(atom.value) > _VALUE_CAP:
            return None
        qs, qe = atom.start, atom.end
        value = atom.value
        unit: str | None = None
        kind = "level"
        direction = None
        if currency:
            qs, unit = currency
        if atom.suffix_scale in ("m",) and not currency:
            value, unit = atom.value / 1e6, "m"  # "a 100m sprint": metres, not millions
        if atom.form == "digits" and qs > self.start and text[qs - 1] in "-−" and (qs - 1 == self.start or not text[qs - 2].isalnum()):
            qs -= 1
            value = -value
        elif re.search(r"\bminus\s+$", text[max(self.start, qs - 8):qs], re.IGNORECASE):
            qs = qs - len(re.search(r"minus\s+$", text[max(self.start, qs - 8):qs], re.IGNORECASE).group(0))
            value = -value
        # attached letters that are no unit: "5G", "3D", "1990s"
        if qe < self.end and text[qe].isalpha() and atom.form == "digits":
            u = self._unit_after(qe)
            if u is None and not cues.currency_after(text, qe, self.end):
                return None
        low = high = None
        qualifier = "exact"
        cue = None
        precision = intervals.written_precision(atom.raw, value) if atom.form == "digits" else (
            0.5 * (abs(value) / float(re.sub(r"[^\d]", "", "1") or 1)) if atom.scaled and atom.form == "words" else 0.0)
        if atom.form == "words" and atom.scaled:
            precision = 0.5 * _leading_scale(value)
        # --- direction before (decides whether "from A to B" is a change or a range) ---
        dir_before = cues.direction_before(text, qs, self.start)
        dir_from = qs
        # --- range --------------------------------------------------------------
        consumed = qe
        rng = None if (dir_before and dir_before[1] != "change") else self._range(atom, nxt, qs, currency)
        if atom.form == "fold":
            unit, kind = "times", "ratio"
        if atom.form == "fraction" and atom.raw[:1].isalpha() and not atom.raw.lower().endswith(("half", "quarter")) \
                and _ORDINAL_NOUN_RE.match(text, atom.end, self.end):
            return None  # "a third month", "a second term": ordinals, not fractions
        if rng is not None:
            b_atom, b_value, a_value, qe, unit_r = rng
            low, high = sorted((a_value, b_value))
            value = None
            qualifier = "range"
            unit = unit_r or unit
            consumed = qe
            precision = intervals.written_precision(b_atom.raw, b_value) if b_atom.form == "digits" else 0.0
        else:
            u = self._unit_after(qe) if unit is None or unit == "m" and not atom.suffix_scale else None
            if u is not None:
                qe, unit = u
            elif unit is None:
                cur = cues.currency_after(text, qe, self.end)
                if cur:
                    qe, unit = cur
        if unit == "times" and atom.form != "fold":
            kind = "ratio" if _TIMES_RATIO_RE.match(text, qe, self.end) else "level"
        if unit is None and atom.form == "digits":
            pts = cues.points_after(text, qe, self.end)
            if pts and value is not None and abs(value) <= 100 and re.search(r"%|percent|per cent|\brate\b|\bshare\b|\bpoll", text[self.start:self.end], re.IGNORECASE):
                qe, unit = pts, "percentage_point"
        # --- qualifier ------------------------------------------------------------
        if qualifier != "range":
            qb = self._qualifier_before(qs)
            if qb and qb[2] == "over" and LEXICON.unit_family(unit) == "duration" and _over_means_during(text, qb[0], self.start):
                qb = None  # "held in seven phases over six weeks": over = during
            if qb:
                qs, qualifier, cue = qb
                if qualifier == "exact" and cue in ("just", "only", "all", "fully"):
                    qs = qs  # a cue that marks an exact figure; keep it in the quote
            qa = cues.qualifier_after(text, qe, self.end)
            if qa and (qualifier == "exact" or qb is None):
                qe, qualifier, cue = qa
        else:
            qb = self._qualifier_before(qs)
            if qb and qb[1] == "approximate":
                qs, cue = qb[0], qb[2]
        if atom.form == "vague":
            qualifier = "lower_bound"
        if qualifier == "lower_bound":
            low, high = value, None
        elif qualifier == "upper_bound":
            low, high = None, value
        # --- direction ------------------------------------------------------------
        if qs != dir_from:
            dir_before = cues.direction_before(text, qs, self.start) or dir_before
        if dir_before and (LEXICON.unit_family(unit) or "").startswith("currency:") and _LOSS_OF_RE.search(text, max(self.start, qs - 16), qs):
            dir_before = None  # "a first-half loss of 12.8 billion yuan": a loss is an amount, not a fall
        if dir_before:
            direction, kind2 = dir_before
            if kind != "ratio":
                kind = "level" if cue in _THRESHOLD_CUES else kind2  # "fell below 2%": a level crossed
        dir_after = cues.direction_after(text, qe, self.end)
        if dir_after and unit == "times" and cues.is_comparative(text[qe:dir_after[1]].split()[-1]):
            dir_after = None  # "three times faster": a comparison, not a change
        subj_from = qe
        if dir_after:
            direction = dir_after[0]
            if kind != "ratio":
                kind = "change"
            subj_from = dir_after[1]
        if atom.form == "fold" and direction is None:
            return None  # "are twofold": two parts, not a quantity
        # --- subject ----------------------------------------------------------------
        after_of = atom.form in ("vague", "fraction", "onein") or (unit is not None and unit != "person")
        subj = subject_after(text, subj_from, self.end, allow_of=after_of, through_prep=dir_after is not None)
        subject, head, np_end = subj if subj else (None, None, subj_from)
        if subject is None:
            subject = subject_before(text, qs, self.start)
        if atom.form in ("fraction", "onein"):
            pass  # "one in five adults" is a share: no unit
        elif unit is None and head is not None and _is_person(head, subject):
            unit = "person"
        elif unit is None and subj is None and subject and _is_population(subject) and atom.form != "words":
            unit = "person"  # "a population of 4.1 million"
        if (unit is None or unit == "person") and subj and not dir_after and np_end > qe:
            if np_end - qe < 60:
                qe = np_end  # the counted noun belongs to the quote: "400,000 migrants"
        if atom.form == "words" and not atom.scaled and (unit is None or unit == "person") and (
                head is None or not _plausible_count_noun(head)) and not (
                atom.value >= 2 and (_PARTITIVE_RE.match(text, atom.end, self.end) or cue in ("just", "only"))):
            return None  # "the two translate", "one is", "one of the": a pronoun, not a quantity
            # ("two of its nine policymakers", "up from just three" are counts)
        # --- rate -----------------------------------------------------------------
        r = cues.rate_after(text, qe, self.end)
        if r is None and subj and np_end > qe and np_end - qe < 60:
            r = cues.rate_after(text, np_end, self.end)  # "140 litres of water per day"
        if r is not None and unit not in ("km/h", "mph", "m/s") and not (
                unit is not None and LEXICON.unit_family(unit) == "duration" and r[1] in ("day", "week", "month", "year")):
            den = r[1]
            qe = r[0]
            if den.isdigit():
                unit = f"per_{den}" if unit in (None, "person") else f"{unit}/{den}"
            else:
                unit = f"{unit or 'per'}/{den}" if unit else f"per_{den}"
        # --- context ----------------------------------------------------------------
        place = choose_place(self.places, qs, qe, self.start, self.end)
        if place is None and self.prev_places:
            place = self.prev_places[0].place
        if place is None:
            place = choose_nationality(self.places, self.start, self.end)
        rel_qs, rel_qe = qs - self.start, qe - self.start
        period = choose_period(self.periods, rel_qs, rel_qe, self.text[self.start:self.end])
        clause_end = self._clause_end(qe)
        modality = cues.modality_of(text[max(self.start, qs - CONTEXT_CHARS):clause_end])
        if cue in ("an estimated", "estimated", "est.") and modality == "asserted":
            modality = "estimate"
        if period is not None and period.future_target and self.published and period.period_start and \
                period.period_start.year > self.published.year and modality != "hypothetical":
            modality = "forecast"  # "by 2030"; but "could reach $130 billion by 2030" stays hypothetical
        if modality == "hypothetical" and _SAID_WOULD_RE.search(text, max(self.start, qs - CONTEXT_CHARS), qs):
            modality = "forecast"  # "Apple said it would invest ...": an announced plan
        if modality == "asserted" and re.search(r"\b(?:is|are|was|were)\s+estimated\b|\bestimates?\s+(?:that|of|show)", text[self.start:clause_end], re.IGNORECASE):
            modality = "estimate"
        if qualifier == "exact" and modality in ("estimate", "forecast") and re.search(
                r"\bestimated\b", text[self.start:qs], re.IGNORECASE):
            qualifier = "approximate"
        ilo, ihi = intervals.asserted_interval(value, low, high, qualifier, precision, cue)
        claim = Claim(
            span_start=qs,
            span_end=qe,
            quote=text[qs:qe],
            sentence=text[self.start:self.end],
            value=_clean(value),
            low=_clean(low),
            high=_clean(high),
            unit=unit,
            qualifier=qualifier,
            direction=direction,
            kind=kind,
            subject=subject,
            place=place,
            period_start=period.period_start if period else None,
            period_end=period.period_end if period else None,
            period_partial=bool(period and period.partial),
            modality=modality,
            attribution=self.attribution,
            checkworthiness=checkworthiness(unit, subject, place, period is not None and period.period_start is not None,
                                            self.attribution, qualifier, direction, value, modality),
            interval_low=_clean(ilo),
            interval_high=_clean(ihi),
            sentence_start=self.start,
        )
        return claim, max(consumed, qe)

    def _range(self, atom: NumberAtom, nxt: NumberAtom | None, qs: int, currency):
        """(second atom, its value, first value, end, unit) if `atom` opens a range."""
        if nxt is None or atom.form not in ("digits", "words") or nxt.form not in ("digits", "words"):
            return None
        text = self.text
        pos = atom.end
        unit_a = cues.unit_after(text, pos, self.end)
        if unit_a:
            pos = unit_a[0]
        m = _RANGE_JOIN_RE.match(text, pos, self.end)
        if not m:
            return None
        j = m.group("j").lower()
        between = _BETWEEN_RE.search(text[max(self.start, qs - 12):qs])
        if j == "and" and not between:
            return None
        if j == "or" and atom.form != "words":
            return None
        b_start = m.end()
        cur_b = cues.currency_before(text, nxt.start, b_start) if nxt.start > b_start else None
        if nxt.start != b_start and not (cur_b and cur_b[0] == b_start):
            return None
        if unit_a and cur_b and unit_a[1] != cur_b[1]:
            return None  # "fell 3% to $1.2bn": a change and a level
        if j == "to" and (unit_a or nxt.value > 5 * atom.value) and cues.direction_before(text, qs, self.start):
            return None  # "gained 1.2% to 8,200 points", "dropping by 35,000 to 857,000"
        if self.blocked.overlaps(nxt.start, nxt.end) or self._is_year(nxt) or self._is_year(atom):
            return None
        if j in ("-", "–", "—") and (atom.form != "digits" or nxt.form != "digits"):
            return None
        a_value, b_value = atom.value, nxt.value
        if nxt.scaled and not atom.scaled and a_value * (nxt.value / _base(nxt)) <= b_value:
            a_value = a_value * (nxt.value / _base(nxt))
        end = nxt.end
        unit = unit_a[1] if unit_a else None
        ub = cues.unit_after(text, end, self.end)
        if ub:
            if unit is not None and ub[1] != unit:
                return None  # "0.4 percentage points to 4.3%": a change and a level, not a range
            end, unit = ub[0], ub[1]
        elif currency or cur_b:
            unit = (currency or cur_b)[1]
        else:
            cur = cues.currency_after(text, end, self.end)
            if cur:
                end, unit = cur
        if a_value > b_value and not (j in ("-", "–") and a_value > b_value):
            return None
        return nxt, b_value, a_value, end, unit

    def _clause_end(self, pos: int) -> int:
        limit = min(self.end, pos + CONTEXT_CHARS)
        m = _CLAUSE_END_RE.search(self.text, pos, limit)
        return m.start() if m else limit

    def _multiplier_claim(self, m: re.Match) -> Claim | None:
        w = m.group("w").lower()
        value = _MULTIPLIER_VALUE[w]
        direction = "decrease" if value < 1 else "increase"
        start, qualifier, low, high = m.start(), "exact", None, None
        qb = cues.qualifier_before(self.text, start, self.start)
        if w in _BARE_MULTIPLIERS:
            comparing = _COMPARING_RE.match(self.text, m.end(), self.end)
            if qb is None and not comparing:
                return None
            if comparing:
                direction = None  # "more than double the EU average": a comparison, not a change
        if qb and qb[1] in ("lower_bound", "upper_bound", "approximate"):
            start, qualifier = qb[0], qb[1]  # "more than doubled", "nearly tripled"
            low, high = (value, None) if qualifier == "lower_bound" else (None, value) if qualifier == "upper_bound" else (None, None)
        ilo, ihi = intervals.asserted_interval(value, low, high, qualifier, 0.0, qb[2] if qb else None)
        subject = subject_before(self.text, start, self.start)
        period = choose_period(self.periods, m.start() - self.start, m.end() - self.start)
        place = choose_place(self.places, m.start(), m.end(), self.start, self.end)
        modality = cues.modality_of(self.text[max(self.start, m.start() - CONTEXT_CHARS):self._clause_end(m.end())])
        claim = Claim(
            span_start=start, span_end=m.end(), quote=self.text[start:m.end()],
            sentence=self.text[self.start:self.end], value=value, low=low, high=high, unit="times",
            qualifier=qualifier, direction=direction, kind="ratio", subject=subject, place=place,
            period_start=period.period_start if period else None,
            period_end=period.period_end if period else None,
            period_partial=bool(period and period.partial),
            modality=modality,
            attribution=self.attribution, sentence_start=self.start,
            interval_low=ilo, interval_high=ihi,
            checkworthiness=checkworthiness("times", subject, place, period is not None, self.attribution, qualifier,
                                            direction, value, modality),
        )
        return claim


def _base(atom: NumberAtom) -> float:
    """The number as written before its scale word: "4 million" -> 4."""
    m = re.match(r"\s*([\d,]*\.?\d+)", atom.raw)
    if m:
        try:
            v = float(m.group(1).replace(",", ""))
            return v if v else 1.0
        except ValueError:
            return 1.0
    return 1.0


def _leading_scale(value: float) -> float:
    v = abs(value)
    for s in (1e12, 1e9, 1e6, 1e3):
        if v >= s:
            return s
    return 1.0


_PERSON_SUFFIXES = ("makers", "workers", "holders", "goers", "seekers", "dwellers", "owners", "payers", "earners",
                    "takers", "masters", "keepers", "riders", "drivers", "buyers", "renters", "borrowers", "savers",
                    "viewers", "listeners", "subscribers", "officers", "members", "voters", "users", "citizens")


def _is_person(head: str, subject: str | None) -> bool:
    h = head.lower()
    if h in LEXICON.counted_events:
        return False
    if h in LEXICON.person_nouns or head in LEXICON.demonyms or h.endswith(_PERSON_SUFFIXES):
        return True  # "policymakers", "taxpayers", "sub-postmasters", "asylum-seekers"
    return bool(subject and re.match(r"(?i)people\b|persons\b|individuals\b", subject))


def _is_population(subject: str) -> bool:
    words = subject.lower().split()
    return bool(words) and (words[-1] in LEXICON.population_nouns or " ".join(words[-2:]) in LEXICON.population_nouns)


_OVER_AS_BOUND_AFTER = frozenset({"for", "in", "of", "after", "by", "within", "took", "take", "takes", "taking", "lasted", "last",
                                  "lasts", "lasting", "wait", "waits", "waiting", "spent", "spend", "spends", "serve",
                                  "serves", "served", "serving", "aged", "is", "was", "are", "were", "been", "be", "and", "or",
                                  "than", "at", "to", "from", "since", "just", "well", "some", "about", "nearly"})
_WORD_BEFORE_RE = re.compile(r"([\w'’-]+)\W*$")


def _over_means_during(text: str, over_start: int, floor: int) -> bool:
    """"over" before a duration means "during" after a noun ("seven phases over six weeks",
    "11 hours over two days") and "more than" after a verb or preposition ("waited over 12 hours")."""
    m = _WORD_BEFORE_RE.search(text, max(floor, over_start - 30), over_start)
    if m is None:
        return False
    w = m.group(1).lower()
    return not (w in _OVER_AS_BOUND_AFTER or w.endswith("ed") or w[:1].isdigit())


def _plausible_count_noun(head: str) -> bool:
    h = head.lower()
    return h in LEXICON.person_nouns or head in LEXICON.demonyms or (h.endswith("s") and len(h) > 3)


def _clean(v: float | None) -> float | None:
    if v is None or not math.isfinite(v):
        return None
    return float(v)


def checkworthiness(unit, subject, place, has_period, attribution, qualifier, direction, value, modality) -> float:
    """0..1: how much a fact-checker would want to check a claim. Counts of people, money,
    shares and ratios with a subject, a place, a period and a source score highest."""
    score = 0.25
    fam = LEXICON.unit_family(unit) if unit else None
    if unit == "person" or (fam or "").startswith("currency") or unit in ("percent", "percentage_point", "times"):
        score += 0.2
    score += 0.1 * bool(subject) + 0.1 * bool(place) + 0.1 * bool(has_period) + 0.1 * bool(attribution)
    if qualifier != "exact":
        score += 0.05
    if direction:
        score += 0.05
    if fam == "duration" and (value or 0) < 10:
        score -= 0.2
    if value is not None and abs(value) >= 1000:
        score += 0.05
    if modality == "hypothetical":
        score -= 0.15
    return round(max(0.0, min(1.0, score)), 3)
