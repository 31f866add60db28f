"""Scale paths of a run: extraction on worker processes, staged batches, re-runs that leave
unchanged files unread."""
import os

import pytest

from benchmarks.bench_pipeline import write_corpus
from claimhouse.flows import tasks
from claimhouse.flows.ingest import local
from claimhouse.flows.pipeline_flow import run_pipeline
from claimhouse.flows.staging import staging_root

pytestmark = pytest.mark.flow

TABLES = ("document_versions", "claim_rows", "claim_groups", "rejected")
CLAIMS = "select claim_id, document_id, version, quote, value, unit, subject, place from claim_rows order by claim_id"
LINKS = "select claim_id_a, claim_id_b, relation from claim_links order by all"
COUNTS = {"docs_new", "docs_changed", "docs_unchanged", "claims_added", "links_found", "conflicts_new"}
OLD = 1_600_000_000  # a modification time long past (2020), in seconds


def counts(rows, db):
    return {t: rows(db, f"select count(*) from {t}")[0][0] for t in TABLES}


@pytest.fixture
def reads(monkeypatch):
    """The paths read_file opened, in order."""
    opened = []
    real = local.read_file

    def counting(path, settings):
        opened.append(path.name)
        return real(path, settings)

    monkeypatch.setattr(local, "read_file", counting)
    return opened


@pytest.mark.slow
def test_two_worker_processes_store_what_one_process_stores(tmp_path, rows):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 400, seed=3, n_facts=10, popular_share=0.2)  # 8 batches: 4 per worker
    one = run_pipeline(sources=[str(corpus)], db_path=tmp_path / "one.duckdb", workers=1)
    two = run_pipeline(sources=[str(corpus)], db_path=tmp_path / "two.duckdb", workers=2)
    assert {k: two[k] for k in COUNTS} == {k: one[k] for k in COUNTS}
    assert one["claims_added"] > 0 and one["links_found"] > 0
    assert rows(tmp_path / "two.duckdb", CLAIMS) == rows(tmp_path / "one.duckdb", CLAIMS)
    assert rows(tmp_path / "two.duckdb", LINKS) == rows(tmp_path / "one.duckdb", LINKS)


def test_a_rerun_over_unchanged_files_opens_none_of_them(planted, db_path, rows, reads):
    run_pipeline(sources=[str(planted)], db_path=db_path)
    first = len(reads)
    summary = run_pipeline(sources=[str(planted)], db_path=db_path)
    logged = rows(db_path, "select count(*), count(*) filter (where not_modified) from fetch_log "
                           "where run_id = ?", [summary["run_id"]])
    assert (first, len(reads), summary["docs_unchanged"], logged) == (4, 4, 4, [(4, 4)])


def test_a_file_with_a_new_mtime_is_read_again_and_counts_as_unchanged(planted, db_path, reads):
    run_pipeline(sources=[str(planted)], db_path=db_path)
    os.utime(planted / "b-darien-wire.md", (OLD, OLD))
    reads.clear()
    summary = run_pipeline(sources=[str(planted)], db_path=db_path)
    assert (reads, summary["docs_unchanged"], summary["claims_added"]) == (["b-darien-wire.md"], 4, 0)


def test_while_a_batch_is_extracted_the_run_holds_no_other_batchs_documents(tmp_path, monkeypatch):
    import gc

    from claimhouse.flows import steps
    from claimhouse.flows.claims.model import Document

    corpus = tmp_path / "corpus"
    write_corpus(corpus, 150, seed=5, n_facts=5, popular_share=0.2)  # 3 batches of 50
    alive = []
    real = steps.extract_batch

    def ours(o) -> bool:  # this run's documents: an earlier test in the same worker may leave its own
        return isinstance(o, Document) and o.source == str(corpus)

    def extract_batch(docs, versions, limits):
        mine = {id(d) for d in docs}
        assert len(docs) == 50 and all(ours(d) for d in docs)  # what is counted below is recognised
        gc.collect()  # garbage not collected yet is not held
        alive.append(sum(1 for o in gc.get_objects() if ours(o) and id(o) not in mine))
        return real(docs, versions, limits)

    monkeypatch.setattr(steps, "extract_batch", extract_batch)
    summary = run_pipeline(sources=[str(corpus)], db_path=tmp_path / "w.duckdb", workers=1)
    assert summary["docs_new"] == 150 and len(alive) == 3
    assert alive == [0, 0, 0]  # the fetched documents were spooled and let go


def test_a_run_that_fails_while_staging_leaves_the_warehouse_as_before(planted, db_path, rows, monkeypatch):
    run_pipeline(sources=[str(planted)], db_path=db_path)
    before = counts(rows, db_path)
    (planted / "e-new.md").write_text("---\ntitle: New\n---\nAbout 12,000 people crossed the Darien Gap in 2023.\n")

    def broken(batch, path):
        raise OSError("disk full (planted)")

    monkeypatch.setattr(tasks, "write_batch", broken)  # where the batch is extracted, it is staged
    with pytest.raises(OSError, match="planted"):
        run_pipeline(sources=[str(planted)], db_path=db_path)
    assert (counts(rows, db_path), staging_root(db_path).exists()) == (before, False)
    monkeypatch.undo()
    assert run_pipeline(sources=[str(planted)], db_path=db_path)["docs_new"] == 1


def test_a_killed_runs_staged_batches_are_removed_by_the_next_run(planted, db_path):
    left = staging_root(db_path) / "killed-run"
    left.mkdir(parents=True)
    (left / "batch-000000.pickle").write_bytes(b"left by a run killed while staging")
    summary = run_pipeline(sources=[str(planted)], db_path=db_path)
    assert (summary["docs_new"], staging_root(db_path).exists()) == (4, False)


STAGE_WAIT_S = 120.0


def harbour_reports(folder, numbers):
    """Short generated reports (three claims each), several batches of them."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in numbers:
        (folder / f"report-{i:04d}.md").write_text(
            f"---\ntitle: Harbour report {i}\nurl: https://example.org/harbour/{i}\n---\n"
            f"About {1000 + (i % 7) * 150:,} migrants crossed into Chile in 2023, officials said.\n"
            f"Cargo traffic rose {2 + i % 5} percent to 4.2 million tonnes in Chile in 2023.\n"
            f"Some {30 + i} boats were inspected in May 2024, and nearly {10 + i % 4} percent failed.\n")


def test_a_run_killed_while_staging_leaves_the_warehouse_as_before(tmp_path, rows, prefect_api):
    """SIGKILL a real `claimhouse run` as soon as its first batch is staged on disk: the data
    tables are as before the run, and the next run removes the staged folder and completes."""
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    folder, db = tmp_path / "reports", tmp_path / "warehouse.duckdb"
    harbour_reports(folder, range(40))
    run_pipeline(sources=[str(folder)], db_path=db)
    before = counts(rows, db)
    harbour_reports(folder, range(40, 240))  # 4 more batches of 50
    env = dict(os.environ, PREFECT_API_URL=prefect_api, PREFECT_SERVER_ANALYTICS_ENABLED="false")
    claimhouse = Path(sys.executable).with_name("claimhouse")
    proc = subprocess.Popen([str(claimhouse), "run", "--source", str(folder), "--db", str(db), "--workers", "1"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + STAGE_WAIT_S
    while not list(staging_root(db).glob("*/batch-*.pickle")) and proc.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    staged = list(staging_root(db).glob("*/batch-*.pickle"))
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(30) == -signal.SIGKILL and staged, "the run ended, or staged nothing, before the kill"
    assert counts(rows, db) == before
    summary = run_pipeline(sources=[str(folder)], db_path=db)
    assert (summary["status"], summary["docs_new"], staging_root(db).exists()) == ("completed", 200, False)


def test_the_writers_memory_limit_is_a_run_setting(planted, db_path, monkeypatch):
    """`memory_limit` reaches the run's publish; a size DuckDB cannot read is refused before any work."""
    from claimhouse.flows import steps

    seen = []
    real = steps.publish

    def publish(*args, **kwargs):
        seen.append(args[5].memory_limit if len(args) > 5 else kwargs["limits"].memory_limit)
        return real(*args, **kwargs)

    monkeypatch.setattr(steps, "publish", publish)
    assert run_pipeline(sources=[str(planted)], db_path=db_path, memory_limit="300MB")["docs_new"] == 4
    assert seen == ["300MB"]
    with pytest.raises(ValueError, match="'lots' is not a size"):
        run_pipeline(sources=[str(planted)], db_path=db_path, memory_limit="lots")
    assert seen == ["300MB"]
