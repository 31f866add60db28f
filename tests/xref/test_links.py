"""Every expected link of the multi-document fixtures (cases.json), and every pair that
must not be linked."""
import pytest

from tests.xref.conftest import CASES, documents, load


def _links(con):
    return {
        frozenset((qa, qb)): relation
        for qa, qb, relation in con.execute("""
            select a.quote, b.quote, l.relation from claim_links l
            join claims a on a.claim_id = l.claim_id_a join claims b on b.claim_id = l.claim_id_b""").fetchall()
    }


@pytest.mark.parametrize("case", [c for c in CASES if c.get("links")], ids=lambda c: c["rule"])
@pytest.mark.slow
def test_expected_links_are_found(warehouse, case):
    load(warehouse, documents(case))
    expected = {frozenset((a, b)): rel for a, b, rel in case["links"]}
    assert _links(warehouse) == expected


@pytest.mark.parametrize("case", [c for c in CASES if c.get("not_linked")], ids=lambda c: c["rule"])
@pytest.mark.slow
def test_pairs_that_must_not_be_linked_are_not(warehouse, case):
    load(warehouse, documents(case))
    quotes = {q for pair in case["not_linked"] for q in pair}
    stored = {q for (q,) in warehouse.execute("select quote from claims").fetchall()}
    assert quotes <= stored, f"the fixture's quotes were not all extracted: {quotes - stored}"
    assert _links(warehouse) == {}


def test_conflict_reason_names_both_quotes_documents_the_evidence_and_the_intervals(warehouse):
    case = next(c for c in CASES if c["rule"].startswith("bounds"))
    load(warehouse, documents(case))
    (reason,) = warehouse.execute("select reason from conflicts").fetchone()
    assert reason == (
        '"As many as 400,000 migrants" (A) is below "More than 520,000 migrants" (B) for arrivals in '
        "Darien Gap (PA-CO) for 2023-01-01..2023-12-31. Same fact: a: arrivals ('migrants', sentence); "
        "Darien Gap (PA-CO) ('Darién Gap', sentence); 2023-01-01..2023-12-31 ('2023', sentence); b: arrivals ('migrants', "
        "sentence); Darien Gap (PA-CO) ('Darién Gap', sentence); 2023-01-01..2023-12-31 ('2023', sentence). "
        "Values: [-inf, 400000.0] and [520000.0, inf] do not overlap")


def test_relinking_adds_nothing(warehouse):
    case = next(c for c in CASES if c["rule"].startswith("subjects"))
    first = load(warehouse, documents(case))
    from claimhouse.flows.linking import link_claims
    assert (first["links_found"], link_claims(warehouse, "again")["links_found"]) == (3, 0)


@pytest.mark.slow
def test_each_unordered_pair_is_linked_once_and_each_claim_stored_once_across_runs(warehouse):
    for case in CASES:
        load(warehouse, documents(case), run_id=case["rule"][:20])
    from claimhouse.flows.linking import link_claims
    link_claims(warehouse, "once more")
    assert warehouse.execute("""
        select
            (select count(*) - count(distinct (least(claim_id_a, claim_id_b), greatest(claim_id_a, claim_id_b)))
             from claim_links),
            (select count(*) - count(distinct claim_id) from claim_groups),
            (select count(*) > 0 from claim_links)""").fetchone() == (0, 0, True)


def _one_fact_stated_by(n: int) -> list:
    """n documents stating one fact: half say 520,000, half 400,000 (two figures, one conflict)."""
    import datetime as dt

    from claimhouse.flows.claims.model import Document
    now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    figure = ("More than 520,000 migrants", "As many as 400,000 migrants")
    return [Document(uri=f"https://example.org/popular/{i}", fetched_at=now, title=f"Report {i}",
                     text=f"{figure[i % 2]} crossed the Darién Gap in 2023, officials said.",
                     published_at=dt.date(2024, 1, 15)) for i in range(n)]


@pytest.mark.slow
def test_stored_rows_grow_with_the_claims_and_pairs_are_derived(tmp_path, migrated_warehouse):
    found = []
    for n in (4, 12):
        con = migrated_warehouse(tmp_path / f"popular-{n}.duckdb")
        linked = load(con, _one_fact_stated_by(n))
        found.append(con.execute("""
            select (select count(*) from claim_groups), (select count(*) from claim_links),
                   (select count(*) from conflicts), (select sum(n_claims_a * n_claims_b) from conflicts)
            """).fetchone() + (linked["links_found"],))
        con.close()
    # stored: one row per claim; claim_links: every pair, n(n-1)/2 (counted alike by the link step);
    # conflicts: one row for the two figures, standing for (n/2)^2 pairs
    assert found == [(4, 6, 1, 4, 6), (12, 66, 1, 36, 66)]


@pytest.mark.slow
def test_a_new_document_adds_only_its_own_links_and_no_known_conflict(warehouse):
    first, more = _one_fact_stated_by(5)[:4], _one_fact_stated_by(5)[4:]
    load(warehouse, first, run_id="run-1")
    linked = load(warehouse, more, run_id="run-2")
    runs = warehouse.execute("select run_id, count(*) from claim_links group by run_id order by run_id").fetchall()
    assert (linked["links_found"], linked["conflicts_new"], runs) == (4, 0, [("run-1", 6), ("run-2", 4)])
