"""Pandera refusals end to end: claims that break the claims schema, produced by the extractor
the extract task uses, land in `rejected_rows` with the check they failed; the rest are stored,
and stored + refused = extracted. (tests/schemas/ covers the models themselves.)"""
from __future__ import annotations

import dataclasses
import math

import pytest

from claimhouse.flows import steps
from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.pipeline_flow import run_pipeline

pytestmark = pytest.mark.flow

POISONED = "520,000"  # the document whose extraction gets two bad claims


def _with_bad_claims(text, published=None, source=None):
    """The real claims, plus, in one document, a claim with an infinite value and one whose span
    runs past the end of the text."""
    claims = extract_claims(text, published, source)
    if POISONED not in text:
        return claims
    first = claims[0]
    infinite = dataclasses.replace(first, value=math.inf, span_end=first.span_end - 1, quote=first.quote[:-1])
    beyond = dataclasses.replace(first, span_start=len(text) + 5, span_end=len(text) + 10, quote="ghost")
    return [*claims, infinite, beyond]


def test_claims_a_schema_refuses_are_quarantined_and_the_rest_stored(planted, db_path, rows, monkeypatch):
    clean = run_pipeline(sources=[str(planted)], db_path=db_path.with_name("clean.duckdb"))
    monkeypatch.setattr(steps, "extract_claims", _with_bad_claims)
    summary = run_pipeline(sources=[str(planted)], db_path=db_path)
    refused = rows(db_path, "select r.table_name, r.check_name, r.column_name, r.claim_id is not null "
                            "from rejected_rows r order by r.check_name")
    stored_ids = rows(db_path, "select count(*) from claims c join rejected_rows r using (claim_id)")
    assert refused == [("claims", "finite", "value", True), ("claims", "span_within_text", None, True)]
    assert (stored_ids, summary["claims_added"], summary["rows_rejected"]) == ([(0,)], clean["claims_added"], 2)
    assert summary["claims_added"] + len(refused) == summary["claims_extracted"] == clean["claims_extracted"] + 2
