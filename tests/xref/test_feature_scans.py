"""The quick readers inside facts.document_features give what the plain ones give: the word
index finds what its regex finds in every window, the numpy MinHash is the formula's sketch,
and a document's features do not depend on what was read before it (the per-text memos)."""
import dataclasses
import datetime as dt
import hashlib
import random

import numpy as np
import pytest

from claimhouse.flows.claims import facts
from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.model import Document
from tests.xref.conftest import CASES, documents

TEXTS = [d["text"] for case in CASES for d in case["docs"]] + [d["title"] for case in CASES for d in case["docs"]]
# words cut by a window's end ('death' in 'deaths'), after a hyphen, and letters that fold to ASCII ones
EDGES = ["deaths tolls", "year-on-year inflation", "anti-Turkey", "the ſtaff and KILLED people", "İnflation rose",
         "Syria's north-west", "Turkey-Syria", "Kenya, Chile and Peru", "jobs-cuts", "S yria", "Syriac", "é staff"]


def _windows(text: str, rng: random.Random, n: int) -> list[tuple[int, int]]:
    out = [(0, len(text)), (-3, len(text) + 3)]
    for _ in range(n):
        lo = rng.randrange(len(text) + 1)
        out.append((lo, rng.randrange(lo, min(len(text), lo + 240) + 1)))
    return out


def _plain_sketch(text: str) -> str:
    words = facts.normalised_words(text).split()
    if len(words) < facts.SHINGLE_WORDS:
        return ""
    shingles = {int.from_bytes(hashlib.md5(" ".join(words[i:i + facts.SHINGLE_WORDS]).encode()).digest()[:8], "big")
                for i in range(len(words) - facts.SHINGLE_WORDS + 1)}
    return " ".join(f"{i}:{min((a * h + b) % facts._PRIME for h in shingles):x}" for i, (a, b) in enumerate(facts._SEEDS))


@pytest.mark.parametrize("name", ["_MEASURE_RE", "_SCOPE_RE", "_COMBINED_RE", "_FORECAST_RE"])
def test_the_word_index_finds_what_its_regex_finds_in_every_window(name):
    index = getattr(facts, name)
    rng = random.Random(0)
    vocab = sorted(facts.MEASURE_OF) + sorted(facts.SCOPE_OF) + list(facts.COMBINED_WORDS) + list(facts.FORECAST_WORDS) + EDGES
    made = [" ".join(rng.choice(vocab) + rng.choice(["", "s", "-", ",", "."]) for _ in range(rng.randrange(1, 9)))
            for _ in range(300)]
    differ = [(text[max(lo, 0):hi], lo, hi) for text in TEXTS + EDGES + made for lo, hi in _windows(text, rng, 12)
              if [(m.start(), m.group(0)) for m in index.find(text, lo, hi)]
              != [(m.start(), m.group(0)) for m in index.rx.finditer(text, lo, hi)]]
    assert differ == []


def test_the_sketch_is_the_minhash_formula():
    rng = random.Random(1)
    made = [" ".join(rng.choice(["a", "b", "cc", "d1", "toll"]) for _ in range(rng.randrange(0, 40))) for _ in range(200)]
    assert [facts.document_sketch(t) for t in TEXTS + made] == [_plain_sketch(t) for t in TEXTS + made]


def test_the_minimum_hash_is_exact_at_the_ends_of_64_bits():
    values = [0, 1, facts._PRIME - 1, facts._PRIME, facts._PRIME + 1, 2**61, 2**63, 2**64 - 1, 2**64 - facts._PRIME]
    got = [[int(v) for v in facts._min_hashes(np.array([h], dtype=np.uint64))] for h in values]
    assert got == [[(a * h + b) % facts._PRIME for a, b in facts._SEEDS] for h in values]


def test_a_documents_features_do_not_depend_on_what_was_read_before():
    docs = [d for case in CASES for d in documents(case)]
    claims = [extract_claims(d.text, d.published_at) for d in docs]
    forward = [facts.document_features(d, c) for d, c in zip(docs, claims, strict=True)]
    backward = [facts.document_features(d, c) for d, c in reversed(list(zip(docs, claims, strict=True)))][::-1]
    # the same text in new string objects: nothing remembered of the first reading is found again
    fresh = [facts.document_features(dataclasses.replace(d, text="".join(list(d.text)), title="".join(list(d.title or ""))), c)
             for d, c in zip(docs, claims, strict=True)]
    assert sum(map(len, forward)) > 20 and forward == backward == fresh


def test_two_documents_with_one_text_keep_their_own_claim_keys():
    text = "The death toll in Turkey stood at 8,754 on Wednesday, officials said."
    now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    a, b = (Document(uri=u, text=text, fetched_at=now, published_at=dt.date(2023, 2, 9))
            for u in ("https://a.example/toll", "https://b.example/toll"))
    claims = extract_claims(text, a.published_at)
    fa, fb = facts.document_features(a, claims)[0], facts.document_features(b, claims)[0]
    assert (fa.claim_key != fb.claim_key, fa.copy_key == fb.copy_key) == (True, True)


@pytest.mark.parametrize(("pattern", "words"), [
    (facts._TWO_COUNTRIES_RE, ("countries",)), (facts._ORIGINS_RE, ("of origin",)),
    (facts._SAME_PERIOD_RE, facts._SAME_PERIOD_WORDS)])
def test_a_window_told_it_cannot_hold_a_pattern_holds_none(pattern, words):
    rng = random.Random(2)
    made = ["In the Same period", "İn the same period", "compared With", "both COUNTRIES", "countrİes of orİgin",
            "Up from 2022", "the two countries", "places of origin", "in the corresponding period"] + TEXTS
    missed = [text[lo:hi] for text in made for lo, hi in _windows(text, rng, 12)
              if not facts._may_hold(words, text, lo, hi) and pattern.search(text, lo, hi)]
    assert missed == []
