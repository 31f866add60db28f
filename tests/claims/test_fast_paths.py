"""The extractor's shortcuts stay exact: each cheap test that lets a costly regex be skipped is a
necessary condition of that regex, and each faster way of finding matches finds the same matches.
Checked over the snapshot texts plus texts built to hit the edges (the letters that defeat a
lower-cased test, words glued to digits, names at every offset)."""
from __future__ import annotations

import bisect
import json
import random
import re
from pathlib import Path

import pytest

from claimhouse.flows.claims import attribution, cues, neighbours, not_claims, numbers, periods, subjects, text_words
from claimhouse.flows.claims.lexicon import odd_case
from claimhouse.flows.claims.places import _gazetteer, _nationalities

pytestmark = pytest.mark.slow  # thousands of texts through the slow regexes the shortcuts avoid

TEXTS = Path(__file__).parent / "snapshot" / "texts.jsonl"
_EDGES = ["İ", "ı", "ſ", "K", "é", "²", "٣", "–", "’", ":", "=", "(", ")", "-", ".", " ", "\n", "_", "am", "PM",
          "Jan", "FY", "Q3", "h1", "year", "YEARS", "the ", "said", "by", "from", "shows", "according to", "MPH",
          "inches", "per", "EPS", "barrel", "junction", "goal", "call", "ago", "same", "equal", "number", "read",
          "rated", "text", "No.", "estimate"]


def _texts() -> list[str]:
    texts = [json.loads(line)["text"] for line in TEXTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    rnd = random.Random(20261201)
    short = [t for t in texts if len(t) < 300]
    for _ in range(1500):
        t = list(rnd.choice(short))
        for _ in range(rnd.randint(1, 6)):
            k = rnd.randrange(len(t) + 1)
            t[k:k] = list(rnd.choice(_EDGES))
        texts.append("".join(t))
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_gate_prechecks_are_necessary(texts):
    """Whenever a blocked-span gate matches, its precheck (words, substrings, leading pattern) passes."""
    checked = 0
    for name, _rx, gate, _needs, gate_words, gate_low, gate_pre in not_claims._COMPILED:
        if gate is None or (gate_words is None and gate_low is None):
            continue
        for t in texts:
            if gate.search(t) is None:
                continue
            low = t.lower()
            words = set(not_claims._WORD_SPLIT_RE.findall(low))
            assert (odd_case(t) or (gate_words is not None and not words.isdisjoint(gate_words))
                    or (gate_low is not None and any(sub in low for sub in gate_low))
                    or (gate_pre is not None and gate_pre.search(t))), (name, t)
            checked += 1
    assert checked > 100  # the gates did match, so the property was put to the test


def test_digit_led_prechecks_are_necessary(texts):
    """Whenever one of the seldom-matching gates matches, its digit-led pattern or one of its substrings is found."""
    checked = 0
    for name, _rx, gate, *_ in not_claims._COMPILED:
        if name not in not_claims._DIGIT_LED_NEEDS:
            continue
        rx, subs = not_claims._DIGIT_LED_NEEDS[name]
        for t in texts + ["Scotland 0 Portugal 0", "7-6(3)", "1-800-555-0199", "(020) 7946 0958", "+44 20", "2. Listen",
                          "(2) International", "1. Inflation", "the 1990s", "3nm process", "12/03/2024"]:
            if gate.search(t):
                assert re.search(rx, t) and not_claims._DIGIT_LED_RE.search(t) or any(s in t for s in subs), (name, t)
                checked += 1
    assert checked > 20


def test_letters_then_digit_precheck_is_necessary(texts):
    for t in texts + ["GPT4", "v2", "Web3 a", "é2", "ſ3"]:
        if not_claims._LETTERS_THEN_DIGIT_RE.search(t):
            assert not_claims._LETTER_THEN_DIGIT_RE.search(t), t


def test_modality_phrase_words_are_necessary(texts):
    """Whenever a several-word modality cue is in a text, one of the words told for its kind is."""
    phrases = [p for ps in cues.LEXICON.modality.values() for p in ps if " " in p]
    checked = 0
    for t in texts + [f"x {p} y" for p in phrases] + [f"{p.upper()}\n" for p in phrases]:
        low = t.lower()
        normal = " ".join(low.split())
        for _words, multi, needed in cues._MODALITY_CUES.values():
            if multi is not None and multi.search(normal):
                assert any(w in low for w in needed), (needed, t)
                checked += 1
    assert checked > 100


def test_neighbour_needs_told_by_substrings(texts):
    """neighbours._may_match says what one search of its substrings' alternation (and its pattern) says."""
    nb = neighbours
    cases = ((nb._PER_SHARE_NEEDS, None), (nb._IMPERIAL_NEEDS, nb._IMPERIAL_NEEDS_RE), (nb._VENUES_NEEDS, None),
             (nb._PRICED_NEEDS, None))
    for t in texts + ["80F", "°F", "EPS", "theaters", "Tonnes"]:
        for subs, rx in cases:
            alternation = "|".join([re.escape(x) for x in subs] + ([rx.pattern] if rx else []))
            assert nb._may_match(subs, t, rx) == (re.search(alternation, t.lower()) is not None or odd_case(t)), (subs, t)


def test_clause_split_verb_letters_are_the_verbs_first_letters():
    """The letter test before the reporting verbs of subjects._CLAUSE_SPLIT_RE names the first letter of each."""
    pattern = subjects._CLAUSE_SPLIT_RE.pattern
    letters = _clause_split_letters()[4:-2]
    verbs = pattern[pattern.index("(?:said|") + 3:pattern.index(")\\b(?:\\s+(?:on\\s+)?")]
    firsts = {alt[0] for alt in re.sub(r"\(\?=.*?\)\)", "", verbs).split("|")}
    assert firsts and firsts <= set(letters), (firsts, letters)


def _clause_split_letters() -> str:
    return re.search(r"\\b(\(\?=\[[a-z]+\]\))", subjects._CLAUSE_SPLIT_RE.pattern).group(1)


@pytest.mark.parametrize("name", ["said_by", "clause_speaker", "clause_split"])
def test_shortcut_assertions_only_skip_work(texts, name):
    """Each look-around put in a pattern to fail early is implied by what follows it: the pattern without
    it finds the same matches with the same groups."""
    rx, shortcut = {"said_by": (attribution._SAID_BY_RE, attribution._CAPITAL_AHEAD),
                    "clause_speaker": (attribution._CLAUSE_SPEAKER_RE, attribution._SPACE_BEFORE),
                    "clause_split": (subjects._CLAUSE_SPLIT_RE, _clause_split_letters())}[name]
    assert rx.pattern.count(shortcut) == 1
    plain = re.compile(rx.pattern.replace(shortcut, ""), rx.flags)
    found = 0
    for t in texts + ["forecaster Simon Partridge said", "finance minister Uhuru Kenyatta said", "iPhone maker Apple said",
                      "prices rose, officials said", "while unions said", "ſaid", "the agency is said"]:
        got = [(m.span(), m.groupdict()) for m in rx.finditer(t)]
        assert got == [(m.span(), m.groupdict()) for m in plain.finditer(t)], t
        found += len(got)
    assert found > 20


def test_words_told_from_word_spans_are_the_words(texts):
    """words_of / lower_words_of give the same sets whether or not the text's word spans were told first."""
    for t in texts + ["İstanbul 5", "ΟΔΟΣ 3", "Straße 4", "K 9", "x_y 2", "A’s 3"]:
        for first in (False, True):
            text_words.word_spans_of("")  # (forget the memos of t)
            text_words.words_of("")
            text_words.lower_words_of("")
            if first:
                text_words.word_spans_of(t)
            assert text_words.words_of(t) == frozenset(re.findall(r"\w+", t)), t
            assert text_words.lower_words_of(t) == frozenset(re.findall(r"\w+", t.lower())), t


def test_one_word_modality_cues_are_seen_by_their_substrings(texts):
    """Whenever a text's words hold a one-word modality cue or a modal verb, one of _ONE_WORD_CUES_IN is in it."""
    cue_words = set(cues._MODAL_WORDS).union(*(words for words, _, _ in cues._MODALITY_CUES.values()))
    checked = 0
    for t in texts + [f"It {w} rise" for w in sorted(cue_words)] + ["He'll 5", "MAY 2024", "Could 3"]:
        low = t.lower()
        if not cue_words.isdisjoint(re.findall(r"[\w'’]+", low)) or not cue_words.isdisjoint(re.findall(r"[\w'’]+", t)):
            assert any(w in low for w in cues._ONE_WORD_CUES_IN), t
            checked += 1
    assert checked > 100


def test_month_gates_are_necessary(texts):
    """Whenever a date pattern finds a span, its month gate matches the text (a gate only skips work)."""
    checked = set()
    for name, rx, gate, *_ in not_claims._COMPILED:
        if not name.startswith("date_") or gate is None:
            continue
        for t in texts:
            if any(m.end() > m.start() for m in rx.finditer(t)):
                assert gate.search(t), (name, t)
                checked.add(name)
    assert {"date_dmy", "date_mdy", "date_my"} <= checked


def test_digit_groups_precheck_is_necessary(texts):
    for t in texts:
        if not_claims.DIGIT_GROUPS_RE.search(t):
            assert not_claims._DIGIT_GROUPS_PRE_RE.search(t), t


def test_attribution_rule_words_are_necessary(texts):
    checked = 0
    for rx, needed in attribution._RULE_WORDS.items():
        if needed is None:
            continue
        for t in texts:
            if rx.search(t):
                assert not needed.isdisjoint(attribution._WORD_RE.findall(t)), (rx.pattern[:40], t)
                checked += 1
    assert checked > 50


def test_period_hints_told_from_words_match_the_hint_regex(texts):
    """_has_hint / _hint_near say what the list of _HINT_RE matches said: any at all, and one within
    _HINT_SPAN characters after a word."""
    assert periods._HINTS_FROM_WORDS  # the hint words are plain words, so the fast path is the one in use
    for t in texts[:3000]:
        hints = [m.start() for m in periods._HINT_RE.finditer(t)]
        words = [(w.start(), w.end(), w.group()) for w in periods._WORD_RE.finditer(t)]
        assert periods._has_hint(t, words) == bool(hints), t
        for i, (_, end, _) in enumerate(words):
            k = bisect.bisect_right(hints, end)
            assert periods._hint_near(t, words, i) == (k < len(hints) and hints[k] <= end + periods._HINT_SPAN), (t, i)


@pytest.mark.parametrize("index", [_gazetteer()[0], _nationalities()[0]], ids=["places", "nationalities"])
def test_name_index_finds_what_the_alternation_finds(texts, index):
    rnd = random.Random(7)
    names = list(_gazetteer()[1]) + list(_nationalities()[1])
    made = ["".join(rnd.choice(names) if rnd.random() < 0.5 else rnd.choice(["the ", "$", "-", "-A", ".x", " ", "\n", "s"])
                    for _ in range(rnd.randint(1, 8))) for _ in range(1000)]
    found = 0
    for t in texts[:3000] + made:
        for a, b in ((0, len(t)), (len(t) // 3, len(t))):
            want = [(m.start(), m.end()) for m in index.rx.finditer(t, a, b)]
            assert [(m.start(), m.end()) for m in index.finditer(t, a, b)] == want, (t, a, b)
            found += len(want)
    assert found > 100


_PERIOD_SENTENCES = [
    "Sales rose in Q3 2021 and H1 FY22, in FY2022-23 and in the current fiscal year.",
    "In the 12 months to March 2024, the six months ended 30 June, the year to October and the previous three months.",
    "Between January and March 2023, between 2019 and 2021, in 2020-21, in 2018 and 2019, since mid-2015.",
    "In the first half of the 2022-23 fiscal year, the second quarter of 2021, the first nine months of the year.",
    "So far this year, year-to-date, in early June 2021, on 3 May 2022, in September, April's rate, in the month.",
    "On Monday, last Friday, a year earlier, the same period last year, last month, now, at present, during the pandemic.",
    "Over the past 12 months, in the last two weeks, yesterday, this week and last week.",
    "In late 2019, the financial crisis, the prior fiscal year, starting in 2010, from early 2008, fiscal 2021.",
]


def test_period_forms_by_start_word_find_what_period_re_finds(texts):
    """At every word, the forms its start word can open find the match the whole PERIOD_RE finds there."""
    by_start = periods._PERIOD_RE_BY_START
    forms_hit = set()
    for t in texts[:3000] + _PERIOD_SENTENCES:
        for w in periods._WORD_RE.finditer(t):
            key = periods._start_key(w.group(), w.group().lower())
            if key is None or key not in by_start:
                continue  # no period starts there, or all of PERIOD_RE is tried
            want, got = periods.PERIOD_RE.match(t, w.start()), by_start[key].match(t, w.start())
            assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), (t, w.start())
            if want:
                forms_hit.update(n for n in periods._FORM_STARTS if want.group(n))
    assert forms_hit == set(periods._FORM_STARTS)  # every form was put to the test


def _windows(texts, width):
    """The window of `width` characters before each space, digit and symbol of the texts (where a number may start)."""
    for t in texts:
        for k in range(1, len(t) + 1):
            if k == len(t) or not t[k].isalpha():
                yield t[max(0, k - width):k]


def test_cue_window_shortcuts_agree_with_their_regexes(texts):
    """qualifier_before's last word and glued-cue skip, direction_before's carried-to precheck: each says what the
    regex it stands for says (or lets the regex decide)."""
    carried = glued = 0
    made = ["taking its PPI bill past ", "bringing the 2013 total to ", "TAKING ITS SUBSCRIBER BASE TO A RECORD OF ",
            "pushed their debt to a new high of\n", "took the tally beyond  ", "brings its total over\u00a0", "taking its toll paſt "]
    for w in _windows(texts[:1500] + [t + " to " for t in texts[:300]] + made + ["c.", "ca.\n", "sub- ", "ſ to "], 120):
        if cues._CARRIED_TO_RE.search(w):
            assert cues._may_carry_to(w), w
            carried += 1
        q = w[-48:]
        runs = cues._TAIL_WORDS_RE.findall(q)
        assert q.rsplit(None, 1)[-1:] == runs[-1:], q
        if cues._GLUED_CUE_RE.search(q):
            assert not (q[-1:].isspace() and q[-1:] != "\n"), q
            glued += 1
    assert carried >= len(made) and glued > 0


def test_said_by_words_taken_whole_match_as_before(texts):
    """_SAID_BY_RE takes its title, common-noun and name words whole (possessive); with letters given back
    (the greedy pattern it was) it finds the same sources at the same places."""
    fast = attribution._SAID_BY_RE
    slow = re.compile(fast.pattern.replace("++", "+").replace("*+", "*"))
    assert slow.pattern != fast.pattern
    found = 0
    for t in texts:
        want = [(m.span(), m.groupdict()) for m in slow.finditer(t)]
        assert [(m.span(), m.groupdict()) for m in fast.finditer(t)] == want, t
        found += len(want)
    assert found > 100


def test_digit_forms_find_what_number_re_finds(texts):
    """At every digit, point and fraction sign, NUMBER_RE's digit-led forms find the match the whole NUMBER_RE finds there."""
    forms_hit = set()
    for t in texts + ["one in 10", "3 1/2 cups", "a 1/4 share", ".5 of it", "2 and a half million", "5bn", "10 out of 12",
                      "1½ cups", "¾ of voters"]:
        for k, ch in enumerate(t):
            if not (ch.isdigit() or ch == "." or ch in numbers.VULGAR_FRACTIONS):
                continue
            want, got = numbers.NUMBER_RE.match(t, k), numbers.DIGIT_NUMBER_RE.match(t, k)
            assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), (t, k)
            if want:
                forms_hit.update(n for n in numbers.DIGIT_FORMS if want.group(n))
    assert forms_hit == set(numbers.DIGIT_FORMS)


def test_unit_forms_cut_by_leading_characters_match_as_the_whole_unit_regex(texts):
    """_match_unit asks only the unit forms that can start at the characters after a number; at every place a
    unit is looked for (after each digit, and anywhere under a ceiling), it finds what the whole _UNIT_RE finds."""
    found = 0
    made = ["5 -fold", "3- fold", "4 -\tkg", "7\u00a0km", "12 K", "8 ſ", "9 İn", "6 -", "2 ", "1-", "10 kW·h", "3 °C", "4 µg"]
    for t in texts[:3000] + made:
        for k in range(1, len(t) + 1):
            if not t[k - 1].isdigit():
                continue
            for ceiling in (len(t), min(len(t), k + 3)):
                want = cues._UNIT_RE.match(t, k, ceiling)
                got = cues._match_unit(t, k, ceiling)
                assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), (t, k, ceiling)
                found += want is not None
    assert found > 1000
