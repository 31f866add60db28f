"""The pipeline end to end on planted documents, into a temporary DuckDB file."""
import duckdb
import pytest

from claimhouse.flows.pipeline_flow import run_pipeline

pytestmark = pytest.mark.flow

TABLES = ("document_versions", "claim_rows", "claim_groups", "rejected")


def _rows(db_path, sql):
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _counts(db_path):
    return {t: _rows(db_path, f"select count(*) from {t}")[0][0] for t in TABLES}


def test_planted_conflict_is_found_with_its_reason(planted, db_path):
    run_pipeline(sources=[str(planted)], db_path=db_path)
    rows = _rows(db_path, "select quote_a, quote_b, reason from conflicts")
    assert len(rows) == 1
    quotes = {rows[0][0], rows[0][1]}
    assert quotes == {"as many as 400,000 migrants", "More than 520,000 migrants"}
    assert "for arrivals in Darien Gap (PA-CO) for 2023-01-01..2023-12-31. Same fact: a: arrivals" in rows[0][2]


def test_planted_agreement_is_linked(planted, db_path):
    run_pipeline(sources=[str(planted)], db_path=db_path)
    rows = _rows(db_path, """
        select a.quote, b.quote from claim_links l
        join claims a on a.claim_id = l.claim_id_a join claims b on b.claim_id = l.claim_id_b
        where l.relation = 'agrees'""")
    assert [set(r) for r in rows] == [{"About 40,000 Chinese citizens", "Some 38,000 Chinese citizens"}]


def test_partial_period_figure_is_not_linked_to_the_full_year(planted, db_path):
    run_pipeline(sources=[str(planted)], db_path=db_path)
    rows = _rows(db_path, """
        select count(*) from claim_links l join claims c on c.claim_id in (l.claim_id_a, l.claim_id_b)
        where c.quote like '%15,567%' or c.quote like '%25,565%'""")
    assert rows == [(0,)]


def test_views_hold_documents_and_claims_with_exact_offsets(planted, db_path):
    summary = run_pipeline(sources=[str(planted)], db_path=db_path)
    bad = _rows(db_path, """
        select c.claim_id from claims c join document_texts t using (document_id, version)
        where substr(t.text, c.span_start + 1, c.span_end - c.span_start) <> c.quote""")
    docs = _rows(db_path, "select title from documents order by title")
    assert (summary["docs_new"], len(docs), bad) == (4, 4, [])


def test_rerun_on_the_same_sources_adds_no_rows(planted, db_path):
    run_pipeline(sources=[str(planted)], db_path=db_path)
    before = _counts(db_path)
    summary = run_pipeline(sources=[str(planted)], db_path=db_path)
    assert (_counts(db_path), summary["docs_unchanged"], summary["claims_added"]) == (before, 4, 0)


def test_changed_document_gets_a_new_version_and_its_claims_are_replaced(planted, db_path):
    run_pipeline(sources=[str(planted)], db_path=db_path)
    doc = planted / "d-full-year.md"
    doc.write_text(doc.read_text().replace("Some 25,565", "Some 25,600"))
    summary = run_pipeline(sources=[str(planted)], db_path=db_path)
    current = _rows(db_path, "select quote from claims where uri = 'https://example.org/news/full-year'")
    history = _rows(db_path, "select count(*) from claims_history where not is_current")
    assert (summary["docs_changed"], current, history) == (1, [("Some 25,600 Chinese migrants",)], [(1,)])


def test_a_missing_source_is_reported_and_the_rest_still_load(planted, db_path):
    summary = run_pipeline(sources=[str(planted / "nope.txt"), str(planted)], db_path=db_path)
    assert summary["docs_new"] == 4 and len(summary["failures"]) == 1 and "nope.txt" in summary["failures"][0]


def test_run_history_records_the_run(planted, db_path):
    summary = run_pipeline(sources=[str(planted)], db_path=db_path)
    rows = _rows(db_path, "select run_id, status, docs_new, claims_added, conflicts_new from runs")
    assert rows == [(summary["run_id"], "completed", 4, summary["claims_added"], 1)]


def test_sample_corpus_run_checks_claims_against_the_shipped_references(db_path):
    run_pipeline(db_path=db_path)
    verdicts = dict(_rows(db_path, "select quote, verdict from reference_checks where verdict <> 'no reference'"))
    assert verdicts == {
        "as many as 400,000 migrants": "contradicted",
        "over 20,000 Chinese citizens": "supported",
        "about 40,000 Chinese citizens": "supported",
        "over 200,000 Chinese residents": "supported",
    }
