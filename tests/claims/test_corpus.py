"""The hand-written corpus (cases/quantities.jsonl) scored against its floors, and each
clear not-a-claim sentence checked on its own so a failure names the sentence."""
import json
from pathlib import Path

import pytest

from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.scoring import load_cases, score_cases

CASES = Path(__file__).parent / "cases"
FLOORS = json.loads((CASES / "floors.json").read_text())["quantities.jsonl"]
CORPUS = load_cases(CASES / "quantities.jsonl")
SCORE = score_cases(CORPUS)


@pytest.mark.parametrize("metric", ["value_precision", "value_recall", "full_precision", "full_recall"])
def test_precision_and_recall_meet_their_floor(metric):
    full = metric.startswith("full")
    got = SCORE.precision(full) if metric.endswith("precision") else SCORE.recall(full)
    assert got >= FLOORS[metric], f"{metric} {got:.3f} < floor {FLOORS[metric]}"


@pytest.mark.parametrize("field", ["unit", "kind", "place", "period", "modality", "attribution", "subject"])
def test_context_field_accuracy_meets_its_floor(field):
    got = SCORE.field_accuracy()[field]
    assert got >= FLOORS[field], f"{field} accuracy {got:.3f} < floor {FLOORS[field]}"


NO_CLAIMS = [c for c in CORPUS if not c["quantities"]]


@pytest.mark.parametrize("case", NO_CLAIMS, ids=lambda c: c["text"][:50])
def test_sentence_without_claims_yields_none(case):
    assert [c.quote for c in extract_claims(case["text"])] == []


def test_corpus_is_large_and_covers_not_claims():
    assert len(CORPUS) >= 200 and len(NO_CLAIMS) >= 80
