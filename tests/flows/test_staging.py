"""A batch is staged where it is extracted: the task writes its file and returns only a receipt,
which the run records without reading or writing the batch again. Before extraction the plan's
documents are spooled to input files, which a worker on the run's machine reads."""
from datetime import date, datetime, timezone

import pandas as pd

from claimhouse.flows.claims.model import Document
from claimhouse.flows.staging import SpooledBatch, StagedBatch, Staging, read_batches, read_spooled
from claimhouse.flows.steps import Plan
from claimhouse.flows.tasks import extract_claims_task


def documents():
    fetched = datetime(2024, 3, 1, tzinfo=timezone.utc)
    return [Document(uri=f"https://example.org/{i}", fetched_at=fetched, published_at=date(2024, 3, 1),
                     text=f"About {1000 + i:,} migrants crossed into Chile in 2023, officials said. "
                          f"Exports rose {2 + i} percent to 4.2 million tonnes in 2023.")
            for i in range(3)]


def test_a_batch_given_a_staging_file_is_written_there_and_comes_back_as_a_receipt(tmp_path):
    docs = documents()
    versions = {d.document_id: 1 for d in docs}
    returned = extract_claims_task.fn(docs, versions)
    staged = extract_claims_task.fn(docs, versions, stage_to=tmp_path / "batch-000000.pickle")
    assert isinstance(staged, StagedBatch) and staged.path == tmp_path / "batch-000000.pickle"
    assert (staged.rows, staged.claims_extracted) == (
        len(returned.documents) + len(returned.claims) + len(returned.rejected), returned.claims_extracted)
    assert returned.claims_extracted > 0
    [read] = read_batches([staged.path])
    pd.testing.assert_frame_equal(read.claims, returned.claims)
    pd.testing.assert_frame_equal(read.documents, returned.documents)


def test_the_run_records_a_staged_batch_and_writes_one_that_came_back_as_frames(tmp_path):
    staging = Staging.open(tmp_path / "w.duckdb", "run-1")
    docs = documents()
    versions = {d.document_id: 1 for d in docs}
    receipt = extract_claims_task.fn(docs, versions, stage_to=staging.path_for(0))
    written = receipt.path.stat().st_mtime_ns
    assert staging.add(receipt) == receipt and receipt.path.stat().st_mtime_ns == written
    frames = extract_claims_task.fn(docs, versions)
    second = staging.add(frames)
    assert (second.path, staging.files) == (staging.path_for(1), [staging.path_for(0), staging.path_for(1)])
    assert [b.claims_extracted for b in staging.batches()] == [frames.claims_extracted] * 2


def test_the_plans_documents_are_spooled_in_batches_and_a_task_given_a_spooled_file_extracts_them(tmp_path):
    staging = Staging.open(tmp_path / "w.duckdb", "run-1")
    docs = documents()
    versions = {d.document_id: 2 + i for i, d in enumerate(docs)}
    spooled = staging.spool(Plan(versions, docs), size=2)
    assert [s.documents for s in spooled] == [2, 1] and all(isinstance(s, SpooledBatch) for s in spooled)
    assert read_spooled(spooled[1].path) == ([docs[2]], {docs[2].document_id: 4})
    from_file = extract_claims_task.fn(spooled[0].path)
    given = extract_claims_task.fn(docs[:2], {d.document_id: versions[d.document_id] for d in docs[:2]})
    assert from_file.claims_extracted == given.claims_extracted > 0
    pd.testing.assert_frame_equal(from_file.claims, given.claims)
    pd.testing.assert_frame_equal(from_file.documents, given.documents)
