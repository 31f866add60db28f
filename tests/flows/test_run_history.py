"""Run history in the warehouse: every run ends with the right status in `runs`, and
`claimhouse conflicts --since` finds what the last run (or a point in time) added."""
import json
import shutil
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from claimhouse.flows import steps
from claimhouse.flows.cli import main
from claimhouse.flows.ingest.sources import SourcesError
from claimhouse.flows.pipeline_flow import run_pipeline

pytestmark = pytest.mark.flow


def _crashing_link(con, run_id):
    raise RuntimeError("linker fell over")


def test_a_run_that_crashes_is_recorded_as_failed_and_stores_nothing_half(planted, db_path, rows, monkeypatch):
    monkeypatch.setattr(steps, "link_claims", _crashing_link)  # fails inside the run's one transaction
    with pytest.raises(RuntimeError, match="linker fell over"):
        run_pipeline(sources=[str(planted)], db_path=db_path)
    assert rows(db_path, "select status, ended_at is not null, docs_new from runs") == [("failed", True, 0)]
    assert rows(db_path, "select count(*) from document_versions") == [(0,)]


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
