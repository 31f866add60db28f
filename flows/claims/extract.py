"""extract_claims(text) -> list[Claim]: the one public entry of the extractor.

The text is scanned once for number expressions (numbers.py) and once for spans that
are not claims (not_claims.py). Only sentences holding a candidate number are looked
at further: claim_builder.py turns each candidate into a claim in named steps (it grows
left over its qualifier cue and currency, right over its scale, unit, counted noun and
rate, and gets its direction, subject, place, period, modality and attribution from the
sentence around it); this module finds the candidates and knows the sentence."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date
from urllib.parse import urlsplit

from claimhouse.flows.claims import cues
from claimhouse.flows.claims.attribution import choose_attribution, find_attributions
from claimhouse.flows.claims.claim_builder import CONTEXT_CHARS, multiplier_claim, number_claim
from claimhouse.flows.claims.lexicon import LEXICON
from claimhouse.flows.claims.model import Claim
from claimhouse.flows.claims.neighbours import lend_from_neighbours
from claimhouse.flows.claims.not_claims import Spans, blocked_spans, furniture_flags, names_or_orders
from claimhouse.flows.claims.number_runs import drop_number_runs
from claimhouse.flows.claims.numbers import NumberAtom, scan_numbers
from claimhouse.flows.claims.periods import find_periods
from claimhouse.flows.claims.places import find_places, place_names
from claimhouse.flows.claims.segment import paragraphs, sentences
from claimhouse.flows.claims.subjects import CHANGE_NOUNS, STOP, THE_BEFORE_RE, opening_subject, share_subjects

_MULTIPLIER_VERB_RE = re.compile(r"\b(?P<w>doubled|doubling|tripled|trebled|tripling|quadrupled|halved|halving|"
                                 r"double|triple|quadruple|twice)\b", re.IGNORECASE)
_MULTIPLIER_STEMS = ("doubl", "tripl", "trebl", "quadrupl", "halv", "twice")
_RANGE_JOIN_RE = re.compile(r"\s*(?P<j>-|–|—|to|and|or)\s*", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"\b(?:between|from)\s*$", re.IGNORECASE)
_YEARISH_AFTER_RE = re.compile(r"\s*(?:[,;:.)?!\"”]|$|and\b|to\b|or\b|-|–|[A-Z]|(?:[a-z]+\s+){0,2}(?:crisis|election|census|"
                               r"survey|report|olympics|games|cup|war|law|act|budget|plan|deal|agreement|strategy|"
                               r"policy|season|edition|levels?)\b)")
_CLAUSE_END_RE = re.compile(r"[,;:–—()]|\band\b|\bbut\b|\bwhile\b|\bwhereas\b|\bafter\b|\bbecause\b")
_UNSEEN = object()
_PROPER_BEFORE_RE = re.compile(r"(?<![\w.])([A-Z][\w.&'’+-]*[\w+]|[A-Z]|[a-z]+[A-Z][\w]*)\s+$")
_PROPER_AFTER_RE = re.compile(r"\s+([A-Z][a-z][\w'’-]*)\b")
_MONTHS = frozenset(LEXICON.months)
_TOKEN_BEFORE_RE = re.compile(r"(?<![\w.,])[A-Za-z]*\d+$")
_YEAR_BEFORE_RE = re.compile(r"\b(?:in|since|during|until|through|half\s+of|quarter\s+of)\s+$", re.IGNORECASE)


_WORD_AFTER_RE = re.compile(r"\s+(?:of\s+)?([a-z][\w-]*)")
_DIMENSION_WORDS = frozenset({"high", "long", "wide", "deep", "tall", "away", "thick", "across", "below", "above",
                              "hurdles", "metres", "meters", "yards", "heights", "lengths"})
_AGE_CUE_BEFORE_RE = re.compile(r"(?:\b(?:aged|age\s+of|ages\s+of|turns|turned|turning)\s+(?:(?:over|under|between|about|around|"
                                r"at\s+least|nearly|almost|just|only)\s+)?"
                                # "its median age has risen from 34 to 41", "the average age fell to 52"
                                r"|\bage\s+(?:has\s+|had\s+|have\s+)?(?:[a-z]+\s+)?(?:from|to|at)\s+(?:\d{1,2}\s+to\s+)?"
                                # "people over 80", "adults under 25": a group bounded by age
                                r"|\b(?:people|adults|those|men|women|patients|residents|drivers|voters|workers)\s+"
                                r"(?:over|under|above|below)\s+(?:the\s+age\s+of\s+)?)$", re.IGNORECASE)
_NAME_COMMA_RE = re.compile(r"(?<![.,;:])\b([A-Z][a-z][\w'’-]*),\s$")  # "Roger Federer, 33, took ..."
_NAME_BRACKET_RE = re.compile(r"\b([A-Z][a-z][\w'’-]*)\s\($")  # "Lisa Burrows (41)"
_AND_A_HALF_RE = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
_AND_RE = re.compile(r",?\s+and\s+")
_GROUP_WORD_END_RE = re.compile(r"(?:an|ese|ish|i|ch|ic)$")
_FOUR_DIGITS_RE = re.compile(r"\d{4}")
_COUNT_NOUN_RE = re.compile(r"\s+([a-z][\w-]*)")
_LEADING_ZERO_RE = re.compile(r"0\d+")
_BASE_RE = re.compile(r"\s*([\d,]*\.?\d+)")
_LEAD_DURATION_RE = re.compile(r"\b(?:an?|one)\s+(year|month|week|day|hour|minute)\s+and\s+$", re.IGNORECASE)


# measures told in two units, as durations are ("6 feet 2 inches" -> 74 inches, "8 pounds 6 ounces" -> 134 ounces):
# the pairs and how many of the smaller unit one of the bigger holds
_COMPOUND_MEASURES = {("foot", "inch"): 12.0, ("pound_mass", "ounce"): 16.0, ("stone", "pound_mass"): 14.0,
                      ("m", "cm"): 100.0}
_SPACE_RE = re.compile(r"\s+")
_INCH_ABBREV_RE = re.compile(r"\s*in\b")


def _duration_ratio(big: str | None, small: str | None) -> float | None:
    """How many `small` units one `big` unit holds, when both are durations and big > small."""
    if not big or not small or big == small:
        return None
    units = LEXICON.units
    if big not in units or small not in units or units[big]["family"] != "duration" or units[small]["family"] != "duration":
        return None
    ratio = units[big]["factor"] / units[small]["factor"]
    return round(ratio, 6) if ratio > 1 else None


_PLACE_NAMES = place_names()


def _is_function_word(word: str) -> bool:
    w = word.lower()
    return w in STOP or w in _MONTHS or w in cues.CUE_WORDS or w in LEXICON.place_aliases or word in _PLACE_NAMES


def _is_group_word(word: str) -> bool:
    """Capitalised words that can follow a count: demonyms, nationality adjectives, plurals."""
    if word in LEXICON.demonyms or word.endswith("s"):
        return True
    return bool(_GROUP_WORD_END_RE.search(word))


def extract_claims(text: str, published: date | None = None, source: str | None = None) -> list[Claim]:
    """Every numeric claim in `text`, in order, with non-overlapping spans. `published` dates relative
    periods; `source` (the document's URL) tells the publisher's country, whose dollar a bare `$` is
    (`$84,216` on a `.com.au` page: AUD)."""
    if not text:
        return []
    atoms = drop_number_runs(text, scan_numbers(text))
    low = text.lower()
    verbs = list(_MULTIPLIER_VERB_RE.finditer(text)) if any(v in low for v in _MULTIPLIER_STEMS) else []
    if not atoms and not verbs:
        return []
    blocked = blocked_spans(text)
    starts = [a.start for a in atoms]
    verb_starts = [m.start() for m in verbs]
    claims: list[Claim] = []
    local_dollar = _local_dollar(text, source) if "$" in text or "cent" in low or "¢" in text else None
    publisher = publisher_country(source)
    paras = paragraphs(text)
    furniture = furniture_flags([text[a:b] for a, b in paras])
    for (p_start, p_end), is_furniture in zip(paras, furniture, strict=True):
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
        prev_span: tuple[int, int] | None = None  # the sentence before, in this paragraph
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
                ctx.local_dollar = local_dollar
                ctx.prev_span = prev_span
                ctx.publisher = publisher
                claims.extend(ctx.claims(atoms[lo:hi], verbs[vlo:vhi]))
            prev_span = (s_start, s_end)
            named = [m for m in sent_places if not m.nationality]
            if named:
                prev_places = named
    return _non_overlapping(claims)


# countries whose own press writes their currency `$`, and its code (NEWS_DEV conv. 31); Hong Kong and
# Singapore are left out: reports on their firms quote US dollars as `$` as often as not
# a sentence that opens with a pronoun for its subject and then its verb: "It reached 5.2%", "They fell 3%"
_PRONOUN_OPENING_RE = re.compile(r"\s*[\"“]?(?:It|They|This|These)\s+(?:(?:has|have|had|is|was|were|are|also|now|then|since|"
                                 r"later|still)\s+)*[a-z]{3,}")
_ZERO_COUNT_RE = re.compile(r"\s+(?:new\s+|reported\s+|confirmed\s+)?(?:[a-z]{3,}s|people|children|men|women)\b(?!-)")
_NET_BEFORE_RE = re.compile(r"\bnet\s+$", re.IGNORECASE)
_TLD_COUNTRIES = {"UK": "GB"}  # the one country domain that is not its ISO 3166 code
_DOLLAR_COUNTRIES = {"AU": "AUD", "NZ": "NZD", "CA": "CAD"}
_LOCAL_MENTIONS = 2  # one passing mention ("Exports to Australia") does not make a text local among other places
# "$US100", "$US6.5 billion": a writer who marks US dollars so writes a bare "$" for the local dollar, the
# Australian press's style (the New Zealand and Canadian press write "US$")
_MARKED_US_DOLLAR_RE = re.compile(r"\$\s?US(?![A-Za-z])")
_MARKED_US_LOCAL = "AUD"
# "Exports to Australia", "flights from Sydney": a place the text trades or travels with, not where it is written
_PARTNER_BEFORE_RE = re.compile(r"\b(?:to|from|into|with|against|via)\s+(?:the\s+)?$", re.IGNORECASE)


def publisher_country(source: str | None) -> str | None:
    """The country of a web page's publisher by its host's country-code domain (`thewest.com.au`: AU,
    `www.nzherald.co.nz`: NZ); None for a file, a generic domain (`.com`, `.org`) or no source."""
    if not source or "://" not in source:
        return None
    try:
        host = urlsplit(source).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    tld = host.rsplit(".", 1)[1].upper()
    return _TLD_COUNTRIES.get(tld, tld) if len(tld) == 2 and tld.isalpha() else None


def _local_dollar(text: str, source: str | None = None) -> str | None:
    """The code a bare `$` stands for in this text: the local dollar when the text names places of a
    dollar country other than the US twice, or once with no other country named (and not only as a
    partner: "Exports to Australia"), and the US never;
    the dollar of the publisher's country first, when it is a dollar country (NEWS_DEV conv. 31: the unit
    follows the publisher); else AUD when the text marks its US dollars `$US`; else None (`$` stays USD)."""
    counts: dict[str, int] = {}
    partner_only: dict[str, bool] = {}
    for m in find_places(text, 0, len(text)):
        counts[m.place] = counts.get(m.place, 0) + 1
        partner = bool(_PARTNER_BEFORE_RE.search(text, max(0, m.start - 8), m.start))
        partner_only[m.place] = partner_only.get(m.place, True) and partner
    if counts.get("US"):
        return None
    if (own := _DOLLAR_COUNTRIES.get(publisher_country(source) or "")) is not None:
        return own  # a New Zealand page on a joint venture in Australia still writes NZ dollars
    local = [(n, c) for c, n in counts.items() if c in _DOLLAR_COUNTRIES and (
        n >= _LOCAL_MENTIONS or (len(counts) == 1 and not partner_only[c]))]
    if local:
        return _DOLLAR_COUNTRIES[max(local)[1]]
    return _MARKED_US_LOCAL if _MARKED_US_DOLLAR_RE.search(text) else None


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
        self._attributions: list | None = None
        self._units: dict = {}
        self._qualifiers: dict = {}
        self._strong_subjects: set[int] = set()  # claims whose subject is their own (see subjects.choose_subject)
        self.local_dollar: str | None = None  # what a bare "$" stands for in this text
        self.prev_span: tuple[int, int] | None = None  # the sentence before it in its paragraph
        self.publisher: str | None = None  # the country of the page's publisher (publisher_country)

    # -- lazily computed sentence facts ---------------------------------------------
    @property
    def periods(self):
        if self._periods is None:
            country = next((m.place for m in self.places if not m.nationality), None) or (
                self.prev_places[0].place if self.prev_places else None)
            self._periods = find_periods(self.text[self.start:self.end], self.published, country, self.publisher)
        return self._periods

    def attribution_at(self, pos: int) -> str | None:
        """The source of the figure at text offset `pos` (attribution.py)."""
        if self._attributions is None:
            self._attributions = find_attributions(self.text[self.start:self.end])
        return choose_attribution(self._attributions, pos - self.start)

    # -- building claims ---------------------------------------------------------------
    def claims(self, atoms: list[NumberAtom], verbs: list[re.Match]) -> list[Claim]:
        out = []
        consumed_until = -1
        for k, atom in enumerate(atoms):
            if atom.start < consumed_until:
                continue
            nxt = atoms[k + 1] if k + 1 < len(atoms) else None
            built = number_claim(self, atom, nxt)
            if built is not None:
                claim, consumed = built
                consumed_until = max(consumed_until, consumed)
                if (claim.subject is None or claim.subject.lower() in CHANGE_NOUNS) and claim.kind != "level" and \
                        out and out[-1].subject:
                    # "20,000 Chinese citizens entered ... - a tenfold increase": the change
                    # is about the quantity just named
                    claim = replace(claim, subject=out[-1].subject)
                out.append(claim)
        out = lend_from_neighbours(out, self.text)
        out = share_subjects(out, self.text, self._strong_subjects)
        if self.prev_span and any(c.subject is None for c in out) and _PRONOUN_OPENING_RE.match(self.text, self.start):
            told = opening_subject(self.text[self.prev_span[0]:self.prev_span[1]])
            if told:
                # "The Dixie Fire is the largest in the state. It has burned 500,000 acres.": the fire's
                out = [replace(c, subject=told) if c.subject is None else c for c in out]
        for m in verbs:
            if not self.blocked.overlaps(m.start(), m.end()):
                claim = multiplier_claim(self, m)
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
        if atom.form != "digits" or atom.scaled or not _FOUR_DIGITS_RE.fullmatch(atom.raw):
            return False
        if not 1000 <= atom.value <= 2199:
            return False
        if cues.currency_before(self.text, atom.start, self.start):
            return False  # "$1199", "Rs 2000": money, never a year
        u = self._unit_after(atom.end)
        if u is not None and LEXICON.unit_family(u[1]) != "duration":
            return False  # "1500MW", "2440kg" are measures, not years
        return (bool(_YEARISH_AFTER_RE.match(self.text, atom.end, self.end)) or not self._count_noun_follows(atom.end)
                or _YEAR_BEFORE_RE.search(self.text, max(self.start, atom.start - 20), atom.start) is not None)

    def _counted_after_m(self, pos: int) -> bool:
        """"2.7m sales", "35m devices", "1.2m tons", "2m people": the British `m` is a million
        when a counted noun or a unit follows it; "a 100m sprint", "20m high" are metres."""
        if cues.currency_after(self.text, pos, self.end):
            return True  # "1.2m EUR", "5m dollars"
        m = _WORD_AFTER_RE.match(self.text, pos, self.end)
        if not m:
            return False
        w = m.group(1)
        if w.lower() in _DIMENSION_WORDS:
            return False
        return (w in LEXICON.person_nouns or (w.endswith("s") and not w.endswith("ss") and len(w) > 3)
                or self._unit_after(pos) is not None)

    def _is_age(self, atom: NumberAtom, value) -> bool:
        """An age told without `years`: after `aged`, `the age of`, `turns`, or a bare one- or
        two-digit number in brackets or between commas right after a name."""
        if value is None or not 0 < value < 120:
            return False
        text = self.text
        before = text[max(self.start, atom.start - 40):atom.start]
        if _AGE_CUE_BEFORE_RE.search(before):
            return True
        if atom.form != "digits" or not atom.raw.isdigit() or len(atom.raw) > 2:
            return False
        after = text[atom.end:min(self.end, atom.end + 2)]
        name = (_NAME_COMMA_RE.search(before) if after[:1] == "," else
                _NAME_BRACKET_RE.search(before) if after[:1] == ")" else None)
        return name is not None and not _is_function_word(name.group(1))  # not "Germany, 45,"

    def _is_plain_word(self, word: str) -> bool:
        """A function word, month, cue or place name (no noun a number could be an ordinal of)."""
        return _is_function_word(word)

    def _compound_measure(self, qs: int, qe: int, value: float, unit: str, nxt: NumberAtom | None):
        """(start, end, value, unit) of a duration told in two units, in the smaller one:
        "three years and eight months" -> 44 months, "an hour and 25 minutes" -> 85 minutes,
        "3 hrs 20 mins" -> 200 minutes, "an hour and a half" -> 1.5 hours; likewise a length or a weight
        ("6 feet 2 inches" -> 74 inches, "5 ft 10 in", "8 pounds 6 ounces", "1 m 80 cm")."""
        text = self.text
        half = _AND_A_HALF_RE.match(text, qe, self.end)
        if half:
            return qs, half.end(), value + 0.5, unit
        lead = _LEAD_DURATION_RE.search(text, max(self.start, qs - 20), qs)
        if lead:
            big = LEXICON.unit_forms_ci.get(lead.group(1).lower())
            ratio = _duration_ratio(big, unit)
            if ratio:
                return lead.start(), qe, ratio + value, unit
        if nxt is None:
            return None
        m = _AND_RE.match(text, qe, self.end) or _SPACE_RE.match(text, qe, self.end)
        if not m or m.end() != nxt.start or nxt.form not in ("digits", "words"):
            return None
        u = cues.unit_after(text, nxt.end, self.end)
        if u is None and unit == "foot" and (inch := _INCH_ABBREV_RE.match(text, nxt.end, self.end)):
            u = inch.end(), "inch"  # "5 ft 10 in"
        if u is None:
            return None
        ratio = _duration_ratio(unit, u[1]) or _COMPOUND_MEASURES.get((unit, u[1]))
        if not ratio:
            return None
        return qs, u[0], value * ratio + nxt.value, u[1]

    def _count_noun_follows(self, pos: int) -> bool:
        m = _COUNT_NOUN_RE.match(self.text, pos, self.end)
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
            # "zero-day", "zero tolerance", "net zero emissions": names; "zero deaths", "Zero people died": a count
            return atom.value == 0 and not atom.scaled and not (
                _ZERO_COUNT_RE.match(text, atom.end, self.end) and not _NET_BEFORE_RE.search(text, max(0, atom.start - 5), atom.start))
        if atom.form == "digits" and not currency and atom.start > self.start and text[atom.start - 1].isalpha():
            return True  # letters glued to the number that are no currency: "N95", "US10"
        if atom.form != "digits" or currency or atom.scaled:
            return False
        if _LEADING_ZERO_RE.fullmatch(atom.raw):
            return True  # leading zero: a code or a phone number
        if text[atom.end:atom.end + 2][:1] == "/" and text[atom.end + 1:atom.end + 2].isdigit():
            return True
        if atom.start > 0 and text[atom.start - 1] == "/" and atom.start > 1 and text[atom.start - 2].isalnum():
            return True
        if atom.start > 1 and text[atom.start - 1] == "-" and text[atom.start - 2].isalnum() and self._names_before_dash(atom.start - 1):
            return True  # "ISO 3888-2", "Boeing 747-400", "A320-200": the part number of a name
        if self._unit_after(atom.end) or self._qualifier_before(atom.start):
            return False
        before = _PROPER_BEFORE_RE.search(text, max(self.start, atom.start - 40), atom.start)
        if before and not _is_function_word(before.group(1)) and not before.group(1).endswith(("'s", "’s")):
            return True  # "Boeing 737", but not "NATO's 32 members"
        if "," not in atom.raw and len(atom.raw) <= 5:
            after = _PROPER_AFTER_RE.match(text, atom.end, self.end)
            if after and not _is_group_word(after.group(1)) and after.group(1).lower() not in STOP:
                return True
        if _FOUR_DIGITS_RE.fullmatch(atom.raw) and 1000 <= atom.value <= 2199 and THE_BEFORE_RE.search(text[max(self.start, atom.start - 5):atom.start]):
            return True  # "the 2020 closures": a year used as a name
        return False

    def _names_before_dash(self, dash: int) -> bool:
        """True when the token before `dash` is a name with a number ("A320", "ISO 3888", "Boeing 747")."""
        text = self.text
        m = _TOKEN_BEFORE_RE.search(text, max(self.start, dash - 24), dash)
        if m is None or not any(ch.isdigit() for ch in m.group(0)):
            return False
        if not m.group(0).isdigit():
            return m.group(0)[0].isalpha()  # "A320-200", "F-16" is told by letters glued to it
        before = _PROPER_BEFORE_RE.search(text, max(self.start, m.start() - 40), m.start())
        return before is not None and not _is_function_word(before.group(1)) and not before.group(1).endswith(("'s", "’s"))

    def _range(self, atom: NumberAtom, nxt: NumberAtom | None, qs: int, currency, dash_only: bool = False):
        """(second atom, its value, first value, end, unit) if `atom` opens a range; only a dashed
        pair when `dash_only` (after "rose to": "dropped to 17-18 quintal")."""
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
        if dash_only and (j not in ("-", "–") or m.group(0) != j):
            return None
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


def _base(atom: NumberAtom) -> float:
    """The number as written before its scale word: "4 million" -> 4."""
    m = _BASE_RE.match(atom.raw)
    if m:
        try:
            v = float(m.group(1).replace(",", ""))
            return v if v else 1.0
        except ValueError:
            return 1.0
    return 1.0
