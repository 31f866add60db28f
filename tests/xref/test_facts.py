"""The facts view: claims grouped into facts, with the values claimed and how many
independent documents support each."""

import pytest

from tests.xref.conftest import CASES, documents, load


@pytest.mark.slow
def test_a_fact_counts_its_documents_and_the_support_for_each_value(warehouse):
    case = next(c for c in CASES if c["rule"].startswith("subjects"))
    load(warehouse, documents(case))
    rows = warehouse.execute("""
        select n_claims, n_documents, value_min, value_max, values_supported, n_conflicts
        from facts where n_claims > 1""").fetchall()
    assert len(rows) == 1
    n_claims, n_docs, lo, hi, support, n_conflicts = rows[0]
    assert (n_claims, n_docs, lo, hi, n_conflicts) == (3, 3, 2000.0, 24125.0, 2)
    assert sorted((s["value"], s["documents"]) for s in support) == [(2000.0, 1), (20000.0, 1), (24125.0, 1)]


@pytest.mark.slow
def test_claims_of_different_facts_are_different_facts(warehouse):
    case = next(c for c in CASES if c["rule"].startswith("different places"))
    load(warehouse, documents(case))
    assert warehouse.execute("select count(*), max(n_claims) from facts").fetchone() == (2, 1)
