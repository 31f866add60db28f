"""Fetching a source without Prefect (flows/steps.py): tags, fetch records; and what the
fetch-source task retries."""
from datetime import datetime, timezone

import duckdb
import pytest

from claimhouse.flows.claims.model import Document
from claimhouse.flows.ingest.sources import SourceSpec
from claimhouse.flows.steps import TransientFetchError, fetch_one_source, with_tags


def test_source_tags_come_after_the_documents_own():
    doc = Document(uri="https://x.org/a", text="x", fetched_at=datetime.now(timezone.utc), tags=("weather", "lake"))
    assert with_tags(doc, ("lake", "ledger")).tags == ("weather", "lake", "ledger")


@pytest.mark.parametrize(("error", "retried"), [
    (TransientFetchError("HTTP 503 for https://x.org (will retry)"), True),
    (RuntimeError("a bug"), False),
])
@pytest.mark.slow
def test_only_transient_failures_are_retried(error, retried):
    from prefect.states import Failed

    from claimhouse.flows.tasks import _is_transient

    assert _is_transient(None, None, Failed(data=error)) is retried


@pytest.fixture
def warehouse(tmp_path, migrated_file):
    return migrated_file(tmp_path / "w.duckdb")


@pytest.mark.slow
def test_a_fetched_source_tags_its_documents_and_logs_every_fetch(planted, warehouse):
    spec = SourceSpec(name="planted", kind="folder", location=str(planted), tags=("planted",))
    fetched = fetch_one_source(spec, {}, warehouse, "run-1")
    con = duckdb.connect(str(warehouse), read_only=True)
    logged = con.execute("select run_id, source, ok from fetch_log").fetchall()
    con.close()
    assert {doc.tags[-1] for doc in fetched.documents} == {"planted"}
    assert logged == [("run-1", "planted", True)] * 4
