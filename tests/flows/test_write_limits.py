"""The run's writer within a memory_limit (warehouse/limits.py WriteLimits): publish and link of a
generated corpus under a small limit store the same rows as under a large one."""
import pytest

from benchmarks.bench_pipeline import write_corpus
from claimhouse.flows.ingest.sources import adhoc_source
from claimhouse.flows.steps import (
    RunSummary,
    extract_batch,
    fetch_one_source,
    gather_fetched,
    in_batches,
    open_run,
    plan_versions,
    publish,
)
from claimhouse.warehouse.db import WarehouseError, connect, load_sql, temp_dir
from claimhouse.warehouse.limits import WriteLimits

pytestmark = pytest.mark.slow  # a generated corpus published and linked under several memory limits

RUN = "run-limits"
# 128MB is about the least a 300-document run's link step fits in (96MB fails); 10,000 documents
# need more than 128MB; 50,000 fit in the default 384MB, not in 256MB (README "Scale").
SMALL = WriteLimits(memory_limit="128MB", max_temp_directory_size="2GB")
LARGE = WriteLimits(memory_limit="8GB")
TABLES = {
    "document_versions": "select document_id, version, content_sha256, is_current from document_versions",
    "claim_rows": "select * exclude (run_id) from claim_rows",
    "claim_groups": "select claim_id, claim_key, group_id, run_id from claim_groups",
    "rejected": "select * exclude (run_id, rejected_at) from rejected",
    "conflicts": "select claim_id_a, claim_id_b, relation, severity, n_claims_a, n_claims_b from group_links",
}


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    """(folder, the extracted batches of a 300-document corpus with popular facts)."""
    folder = tmp_path_factory.mktemp("limits")
    corpus = folder / "corpus"
    write_corpus(corpus, 300, seed=5, n_facts=8, popular_share=0.3)
    template = folder / "template.duckdb"
    open_run(template, RUN, None)
    fetched = fetch_one_source(adhoc_source(str(corpus)), {}, template, RUN)
    summary = RunSummary(RUN)
    plan = plan_versions(template, gather_fetched([fetched], summary, template), summary)
    batches = [extract_batch(batch, plan.versions) for batch in in_batches(plan.todo, 60)]
    return template, batches


def published(tmp_path, staged, name, limits):
    template, batches = staged
    db = tmp_path / f"{name}.duckdb"
    db.write_bytes(template.read_bytes())
    result = publish(db, RUN, iter(batches), [], limits=limits)
    con = connect(db, read_only=True)
    try:
        rows = {t: sorted(con.execute(sql).fetchall(), key=repr) for t, sql in TABLES.items()}
    finally:
        con.close()
    return result["counts"], rows


def test_publish_and_link_under_a_small_memory_limit_store_the_same_rows(tmp_path, staged):
    small_counts, small = published(tmp_path, staged, "small", SMALL)
    large_counts, large = published(tmp_path, staged, "large", LARGE)
    assert small_counts == large_counts
    assert small_counts["claims_added"] > 1000 and small_counts["conflicts_new"] > 100
    assert {t: len(r) for t, r in small.items()} == {t: len(r) for t, r in large.items()}
    assert small == large


def test_a_writer_connection_gets_the_write_limits_and_a_temp_folder_beside_the_warehouse(tmp_path):
    db = tmp_path / "w.duckdb"
    con = connect(db, write_limits=SMALL)
    try:
        settings = dict(con.execute("select name, value from duckdb_settings() where name in "
                                    "('memory_limit', 'temp_directory', 'max_temp_directory_size')").fetchall())
    finally:
        con.close()
    assert settings == {"memory_limit": "122.0 MiB", "temp_directory": str(tmp_path / "w.duckdb.tmp"),
                        "max_temp_directory_size": "1.8 GiB"}
    assert temp_dir(db) == tmp_path / "w.duckdb.tmp"



def test_a_publish_that_does_not_fit_its_limit_fails_and_stores_nothing(tmp_path, staged):
    template, batches = staged
    db = tmp_path / "tiny.duckdb"
    db.write_bytes(template.read_bytes())
    with pytest.raises(WarehouseError, match="Out of Memory"):
        publish(db, RUN, iter(batches), [], limits=WriteLimits(memory_limit="16MB"))
    con = connect(db, read_only=True)
    try:
        stored = [con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES if t != "conflicts"]
    finally:
        con.close()
    assert stored == [0, 0, 0, 0]


VIEW_FINDINGS = """select quote_a, title_a, uri_a, quote_b, title_b, uri_b, reason, severity from conflicts
                   where run_id = $run_id order by severity desc, claim_id_a, claim_id_b limit $limit"""
VIEW_NEW_CONFLICTS = "select count(*) from group_links where relation <> 'agrees' and run_id = $run_id"


def test_the_lean_link_count_and_run_findings_are_those_of_the_views(tmp_path, staged):
    """count_new_conflicts.sql and run_findings_conflicts.sql find each pair of groups' first pair
    of claims as numbers, not through `group_links` and `conflicts`: the same count and rows."""
    counts, _ = published(tmp_path, staged, "views", LARGE)
    con = connect(tmp_path / "views.duckdb", read_only=True)
    try:
        (from_view,) = con.execute(VIEW_NEW_CONFLICTS, {"run_id": RUN}).fetchone()
        found = {}
        for limit in (5, 100_000):
            params = {"run_id": RUN, "limit": limit}
            found[limit] = (con.execute(load_sql("queries", "run_findings_conflicts"), params).fetchall(),
                            con.execute(VIEW_FINDINGS, params).fetchall())
    finally:
        con.close()
    assert counts["conflicts_new"] == from_view > 100
    assert len(found[5][0]) == 5 and len(found[100_000][0]) > 100
    assert found[5][0] == found[5][1]
    assert found[100_000][0] == found[100_000][1]


def test_a_second_run_finds_only_its_own_conflicts_as_the_views_do(tmp_path, staged):
    """Half the batches published by one run, the rest by another: the lean count and findings of
    the second run (the pairs touching its groups only) are the views' rows for it."""
    template, batches = staged
    db = tmp_path / "two-runs.duckdb"
    db.write_bytes(template.read_bytes())
    publish(db, "run-first-half", iter(batches[:2]), [])
    counts = publish(db, RUN, iter(batches[2:]), [])["counts"]
    con = connect(db, read_only=True)
    try:
        (from_view,) = con.execute(VIEW_NEW_CONFLICTS, {"run_id": RUN}).fetchone()
        params = {"run_id": RUN, "limit": 100_000}
        lean = con.execute(load_sql("queries", "run_findings_conflicts"), params).fetchall()
        view = con.execute(VIEW_FINDINGS, params).fetchall()
        (first_half,) = con.execute(VIEW_NEW_CONFLICTS, {"run_id": "run-first-half"}).fetchone()
    finally:
        con.close()
    assert counts["conflicts_new"] == from_view > 0 and first_half > 0
    assert len(lean) > 0 and lean == view


def test_pairs_a_person_took_apart_are_counted_and_shown_as_the_views_do(tmp_path, staged):
    """Reviews move pairs off the streamed path (a group with a claim in a pair taken apart, or
    a claim marked as a wrong extraction): the lean count and findings still equal the views'."""
    from claimhouse.flows.review import review_claim, review_link

    template, batches = staged
    db = tmp_path / "reviewed.duckdb"
    db.write_bytes(template.read_bytes())
    publish(db, "run-first-half", iter(batches[:2]), [])
    publish(db, RUN, iter(batches[2:]), [])
    con = connect(db)
    try:
        worst = con.execute("select claim_id_a, claim_id_b from conflicts where run_id = $run_id "
                            "order by severity desc, claim_id_a, claim_id_b limit 6", {"run_id": RUN}).fetchall()
        for (a, b), decision in zip(worst[:4], ("reject", "different-fact", "reject", "confirm"), strict=True):
            review_link(con, a, b, decision, "tester")
        review_claim(con, worst[4][0], "tester", decision="wrong-extraction")
        (from_view,) = con.execute(VIEW_NEW_CONFLICTS, {"run_id": RUN}).fetchone()
        (lean_count,) = con.execute(load_sql("links", "count_new_conflicts"), {"run_id": RUN}).fetchone()
        params = {"run_id": RUN, "limit": 100_000}
        lean = con.execute(load_sql("queries", "run_findings_conflicts"), params).fetchall()
        view = con.execute(VIEW_FINDINGS, params).fetchall()
        (apart,) = con.execute("select count(*) from dismissed_links").fetchone()
    finally:
        con.close()
    assert apart == 4 and lean_count == from_view > 0
    assert len(lean) > 0 and lean == view
