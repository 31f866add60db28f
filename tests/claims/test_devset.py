"""The seeds dev set: every gold claim found with the right value, bounds, unit,
qualifier, direction, modality, subject, place and period; no must_not number taken."""
import json
import re
from pathlib import Path

import pytest

from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.ingest.front_matter import parse_front_matter

CASES = Path(__file__).parent / "cases" / "seeds_gold.jsonl"
CORPUS = Path(__file__).resolve().parents[2] / "flows" / "corpus"
GOLD = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]


SEED_FILES = {  # the gold names the seeds by their file in ../shared/seeds
    "000_517d4c603d0d8918.txt": "beyond-america-new-routes-of-chinese-migration.txt",
    "001_1a37ad5055010b49.txt": "chinese-migration-in-2026.txt",
    "002_8eff107c814ceb40.txt": "massive-return-migration-emerging-in-china.txt",
}


def _claims(doc):
    fm = parse_front_matter((CORPUS / SEED_FILES[doc]).read_text(encoding="utf-8"), doc)
    return fm.body, extract_claims(fm.body, fm.published)


_WORD = re.compile(r"[a-z][a-z-]+")
_STOP = {"the", "of", "by", "from", "in", "to", "and", "for", "during", "vs", "who"}


def _stem(w):
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _words(s):
    return {_stem(w) for w in _WORD.findall((s or "").lower())} - _STOP


def _found(row):
    body, claims = _claims(row["doc"])
    start = body.index(row["quote"])
    end = start + len(row["quote"])
    return [c for c in claims if c.span_start < end and start < c.span_end]


@pytest.mark.parametrize("row", [r for r in GOLD if r["kind"] == "claim"], ids=lambda r: r["quote"][:40])
def test_gold_claim_found_with_its_value_and_qualifier(row):
    hits = _found(row)
    assert len(hits) == 1, f"{len(hits)} claims overlap {row['quote']!r}"
    c = hits[0]
    assert (c.value, c.low, c.high) == (row["value"], row["low"], row["high"])
    assert (c.unit, c.qualifier, c.direction, c.modality) == (row["unit"], row["qualifier"], row["direction"], row["modality"])


@pytest.mark.parametrize("row", [r for r in GOLD if r["kind"] == "claim"], ids=lambda r: r["quote"][:40])
def test_gold_claim_context(row):
    c = _found(row)[0]
    # subject: the gold paraphrases ("migrants crossing the Darien jungle"); the extractor
    # takes words from the sentence, so at least one content word must be shared.
    assert _words(c.subject) & _words(row["subject"]), (c.subject, row["subject"])
    if row["place"] is not None:
        assert c.place == row["place"]
    if row["period"] is not None:
        first, _, last = row["period"].partition("/")
        assert c.period_start is not None and c.period_start.year == int(first)
        if last:
            assert c.period_end is not None and c.period_end.year == int(last)
        elif "/" in row["period"]:
            assert c.period_end is None  # "2021/": open-ended
        else:
            assert c.period_end is not None and c.period_end.year == int(first)


@pytest.mark.parametrize("row", [r for r in GOLD if r["kind"] == "must_not"], ids=lambda r: r["quote"])
def test_must_not_is_left_alone(row):
    body, claims = _claims(row["doc"])
    start = body.index(row["quote"])
    digits = [m.start() + start for m in re.finditer(r"\d", row["quote"])] or [start]
    assert not [c.quote for c in claims if any(c.span_start <= d < c.span_end for d in digits)]
