"""Run history in the warehouse: every run ends with the right status in `runs`, and
`claimhouse conflicts --since` finds what the last run (or a point in time) added."""
import json
import shutil
from datetime import datetime, timedelta, timezone

import duckdb
import pytest
from click.testing import CliRunner

from claimhouse.flows import steps
from claimhouse.flows.cli import main
from claimhouse.flows.ingest.sources import SourcesError
from claimhouse.flows.pipeline_flow import run_pipeline

pytestmark = pytest.mark.flow


def _crashing_link(con, run_id):
    raise RuntimeError("linker fell over")


def _failing_count(con, run_id):
    raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block")


def test_a_run_that_crashes_is_recorded_as_failed_and_stores_nothing_half(planted, db_path, rows, monkeypatch):
    monkeypatch.setattr(steps, "group_claims", _crashing_link)  # fails inside the run's one transaction
    with pytest.raises(RuntimeError, match="linker fell over"):
        run_pipeline(sources=[str(planted)], db_path=db_path)
    assert rows(db_path, "select status, ended_at is not null, docs_new from runs") == [("failed", True, 0)]
    assert rows(db_path, "select count(*) from document_versions") == [(0,)]


def test_the_counts_are_taken_after_the_commit_and_a_failed_count_keeps_the_stored_run(planted, db_path, rows,
                                                                                        monkeypatch):
    """The link step groups inside the run's one transaction and counts after it commits (what the
    transaction holds in memory grows with the run): when the count fails, the run's rows are
    stored and the failure is reported, not a rolled-back run."""
    committed = []

    def count_after_commit(con, run_id):
        other = con.cursor()  # a connection of its own: it sees only what is committed
        committed.append(other.execute("select count(*) from claim_groups where run_id = ?", [run_id]).fetchone()[0])
        other.close()
        return _failing_count(con, run_id)

    monkeypatch.setattr(steps, "count_found", count_after_commit)
    summary = run_pipeline(sources=[str(planted)], db_path=db_path)
    assert committed and committed[0] > 0
    assert summary["status"] == "completed_with_failures" and summary["docs_new"] == 4
    assert any("is stored, but its new links and conflicts could not be counted" in f and "Out of Memory" in f
               for f in summary["failures"]), summary["failures"]
    assert rows(db_path, "select count(*) > 0 from claim_groups") == [(True,)]
    assert rows(db_path, "select status from runs") == [("completed_with_failures",)]


def test_a_broken_sources_file_fails_the_run(tmp_path, db_path, rows):
    sources = tmp_path / "sources.toml"
    sources.write_text('[sources.a]\nkind = "website"\n')
    with pytest.raises(SourcesError, match="source 'a': kind must be one of"):
        run_pipeline(sources_file=sources, db_path=db_path)
    assert rows(db_path, "select status, sources_tried from runs") == [("failed", 0)]


def test_a_run_with_a_failed_source_is_completed_with_failures(planted, db_path, rows):
    run_pipeline(sources=[str(planted / "gone.md"), str(planted)], db_path=db_path)
    assert rows(db_path, "select status, docs_new, docs_failed from runs") == [("completed_with_failures", 4, 1)]


def _conflicts(db_path, *args):
    result = CliRunner().invoke(main, ["conflicts", "--db", str(db_path), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return [(row["quote_a"], row["quote_b"]) for row in json.loads(result.output)]


def test_conflicts_since_the_last_run_or_a_timestamp(planted, tmp_path, db_path):
    later = tmp_path / "later"
    later.mkdir()
    shutil.move(planted / "b-darien-wire.md", later / "b-darien-wire.md")
    run_pipeline(sources=[str(planted)], db_path=db_path)
    between = datetime.now(timezone.utc)
    shutil.move(later / "b-darien-wire.md", planted / "b-darien-wire.md")
    run_pipeline(sources=[str(planted)], db_path=db_path)  # finds the planted conflict
    found = _conflicts(db_path, "--since", "last-run")
    since_between = _conflicts(db_path, "--since", between.isoformat())
    run_pipeline(sources=[str(planted)], db_path=db_path)  # nothing new
    assert len(found) == 1 and since_between == found
    assert _conflicts(db_path, "--since", "last-run") == []
    assert _conflicts(db_path, "--since", (between + timedelta(days=1)).date().isoformat()) == []
