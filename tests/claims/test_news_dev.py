"""../shared/devset/news_dev.jsonl (591 real news sentences, 1,083 labelled quantities) scored
against floors on the fields the values work owns: value, value + qualifier + direction, unit
and kind. A dev set: the floors are what the extractor reaches on it, rounded down a little,
and are raised as it improves (never lowered quietly). The issue's targets (issue 13) are noted
beside each floor; held-out real text is measured elsewhere."""
from pathlib import Path

import pytest

from claimhouse.flows.claims.scoring import load_cases, score_cases

NEWS_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "devset" / "news_dev.jsonl"

# metric: (floor reached on the dev set, issue 13 target)
FLOORS = {  # 2026-12-04: 0.970 / 0.981, v+q+d 0.924 / 0.934, unit 0.961, kind 0.979
    "value_precision": (0.965, 0.95),
    "value_recall": (0.975, 0.95),
    "full_precision": (0.92, 0.90),  # value + qualifier + direction
    "full_recall": (0.93, 0.90),
    "unit": (0.955, 0.95),
    "kind": (0.975, None),
}


@pytest.fixture(scope="module")
def score():
    if not NEWS_DEV.exists():
        pytest.skip(f"{NEWS_DEV} is absent (the shared dev sets sit beside the checkout, as in CI)")
    return score_cases(load_cases(NEWS_DEV))


def test_the_dev_set_is_the_one_described():
    if not NEWS_DEV.exists():
        pytest.skip(f"{NEWS_DEV} is absent")
    cases = load_cases(NEWS_DEV)
    assert len(cases) >= 590 and sum(len(c.get("quantities", [])) for c in cases) >= 1080


@pytest.mark.parametrize("metric", [m for m in FLOORS if m.endswith(("precision", "recall"))])
@pytest.mark.slow
def test_values_meet_their_floor(score, metric):
    full = metric.startswith("full")
    got = score.precision(full) if metric.endswith("precision") else score.recall(full)
    floor, target = FLOORS[metric]
    assert got >= floor, f"news_dev {metric} {got:.3f} < floor {floor} (issue 13 target {target})"


@pytest.mark.parametrize("field", ["unit", "kind"])
def test_fields_meet_their_floor(score, field):
    got = score.field_accuracy()[field]
    floor, target = FLOORS[field]
    assert got >= floor, f"news_dev {field} accuracy {got:.3f} < floor {floor} (issue 13 target {target})"
