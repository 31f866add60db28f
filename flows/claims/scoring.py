"""Score the extractor against a case file (tests/claims/cases/quantities.jsonl format).

A predicted claim matches a gold quantity when their spans overlap and their values
agree (value, or low and high for a range, within 1e-6 relative). Precision and recall
are reported for values alone and for value + qualifier + direction, and accuracy for
each context field the gold gives (unit, kind, subject, place, period, modality,
attribution) over the matched pairs."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable

from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.model import Claim


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    value_hits: int = 0
    full_hits: int = 0
    field_hits: dict = field(default_factory=dict)
    field_total: dict = field(default_factory=dict)
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)
    wrong: list = field(default_factory=list)

    def precision(self, full: bool = False) -> float:
        hits = self.full_hits if full else self.value_hits
        return hits / self.predicted if self.predicted else 1.0

    def recall(self, full: bool = False) -> float:
        hits = self.full_hits if full else self.value_hits
        return hits / self.gold if self.gold else 1.0

    def field_accuracy(self) -> dict[str, float]:
        return {k: self.field_hits.get(k, 0) / n for k, n in sorted(self.field_total.items()) if n}


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-3, abs_tol=1e-9)


def _values_match(c: Claim, g: dict) -> bool:
    if g["qualifier"] == "range" or g.get("value") is None:
        return _close(c.low, g.get("low")) and _close(c.high, g.get("high"))
    return _close(c.value, g["value"])


def _period_text(c: Claim) -> str | None:
    if c.period_start is None:
        return None
    # whole years print as years ("2023", "2019/2021"); any other span as months ("2024-01/2024-08")
    whole = (c.period_start.month, c.period_start.day) == (1, 1) and (
        c.period_end is None or (c.period_end.month, c.period_end.day) == (12, 31))

    def fmt(d: date | None) -> str:
        if d is None:
            return ""
        return str(d.year) if whole else f"{d.year}-{d.month:02d}"
    a, b = fmt(c.period_start), fmt(c.period_end)
    if c.period_end is None:
        return a + "/"
    return a if a == b else f"{a}/{b}"


def _field_ok(name: str, c: Claim, g: dict) -> bool:
    want = g[name]
    if name == "subject":
        return want.lower() in (c.subject or "").lower()
    if name == "attribution":
        return want.lower() in (c.attribution or "").lower()
    if name == "period":
        return _period_text(c) == want
    return getattr(c, name) == want


CONTEXT_FIELDS = ("unit", "low", "high", "kind", "subject", "place", "period", "modality", "attribution")


def score_cases(cases: Iterable[dict]) -> Score:
    s = Score()
    for case in cases:
        text = case["text"]
        published = date.fromisoformat(case["published"]) if case.get("published") else None
        claims = extract_claims(text, published, case.get("source") if isinstance(case.get("source"), str) else None)
        s.predicted += len(claims)
        gold = case.get("quantities", [])
        s.gold += len(gold)
        used: set[int] = set()
        for g in gold:
            gs = text.find(g["quote"])
            ge = gs + len(g["quote"])
            match = None
            for k, c in enumerate(claims):
                if k not in used and c.span_start < ge and gs < c.span_end and _values_match(c, g):
                    match = k
                    break
            if match is None:
                s.misses.append((case["id"], g["quote"], [(c.quote, c.value, c.low, c.high) for c in claims]))
                continue
            used.add(match)
            c = claims[match]
            s.value_hits += 1
            if c.qualifier == g["qualifier"] and c.direction == g.get("direction"):
                s.full_hits += 1
            else:
                s.wrong.append((case["id"], g["quote"], "qualifier/direction",
                                (c.qualifier, c.direction), (g["qualifier"], g.get("direction"))))
            for name in CONTEXT_FIELDS:
                if name in g and (name not in ("low", "high")):
                    s.field_total[name] = s.field_total.get(name, 0) + 1
                    if _field_ok(name, c, g):
                        s.field_hits[name] = s.field_hits.get(name, 0) + 1
                    else:
                        s.wrong.append((case["id"], g["quote"], name, _period_text(c) if name == "period" else getattr(c, name), g[name]))
        for k, c in enumerate(claims):
            if k not in used:
                s.false_alarms.append((case["id"], c.quote, c.value, c.unit))
    return s


def load_cases(path: str | Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def report(s: Score) -> str:
    lines = [
        f"gold quantities {s.gold}, predicted {s.predicted}",
        f"value:                     precision {s.precision():.3f}  recall {s.recall():.3f}",
        f"value+qualifier+direction: precision {s.precision(True):.3f}  recall {s.recall(True):.3f}",
    ]
    for k, v in s.field_accuracy().items():
        lines.append(f"  {k:<12} accuracy {v:.3f} ({s.field_hits.get(k, 0)}/{s.field_total[k]})")
    return "\n".join(lines)
