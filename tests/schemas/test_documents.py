import datetime as dt

import pandas as pd
import pytest

from claimhouse.schemas.documents import DocumentsModel
from claimhouse.schemas.quarantine import SchemaFreezeError, split_valid


def test_good_frame_passes_whole(documents):
    valid, rejected = split_valid(documents, DocumentsModel, "documents")
    assert (len(valid), len(rejected)) == (2, 0)


@pytest.mark.parametrize(
    ("changes", "check"),
    [
        ({"document_id": "not-hex-at-all!!"}, "str_matches"),
        ({"content_sha256": "abc"}, "str_matches"),
        ({"version": 0}, "greater_than_or_equal_to"),
        ({"uri": ""}, "str_length"),
    ],
    ids=["document_id", "content_sha256", "version", "uri"],
)
def test_bad_row_is_quarantined_naming_its_check(
    documents, document_row, checks_of, changes, check
):
    frame = pd.concat([documents, pd.DataFrame([document_row(**changes)])], ignore_index=True)
    _, rejected = split_valid(frame, DocumentsModel, "documents")
    assert checks_of(rejected) == [check]


def test_optional_fields_may_be_missing(document_row):
    missing = dict.fromkeys(["title", "published_at", "content_type", "source"])
    frame = pd.DataFrame([document_row(**missing)])
    valid, _ = split_valid(frame, DocumentsModel, "documents")
    assert len(valid) == 1


def test_naive_fetched_at_is_read_as_utc(document_row):
    frame = pd.DataFrame([document_row(fetched_at=dt.datetime(2024, 5, 1, 12, 0))])
    valid, _ = split_valid(frame, DocumentsModel, "documents")
    assert valid["fetched_at"].iloc[0] == pd.Timestamp("2024-05-01T12:00:00Z")


def test_missing_column_freezes_the_batch(documents):
    with pytest.raises(SchemaFreezeError, match="content_sha256"):
        split_valid(documents.drop(columns="content_sha256"), DocumentsModel, "documents")


@pytest.mark.parametrize("published", [dt.date(2262, 4, 12), dt.date(1677, 9, 21), dt.date(1500, 1, 1), dt.date.min,
                                       dt.date.max], ids=str)
def test_a_date_outside_the_nanosecond_range_is_dropped_and_recorded(documents, document_row, published):
    frame = pd.concat([documents, pd.DataFrame([document_row(published_at=published)])], ignore_index=True)
    valid, rejected = split_valid(frame, DocumentsModel, "documents")
    assert valid["published_at"].isna().tolist() == [False, False, True]
    assert rejected[["check", "column", "failure_case"]].values.tolist() == [
        ["date_in_range", "published_at", f"{published.isoformat()} is outside 1677-09-22..2262-04-11: stored as null"]]


def test_the_last_dates_inside_the_nanosecond_range_are_kept(document_row):
    frame = pd.DataFrame([document_row(published_at=dt.date(2262, 4, 11)),
                          document_row(published_at=dt.date(1677, 9, 22), uri="https://example.org/b")])
    valid, rejected = split_valid(frame, DocumentsModel, "documents")
    assert (valid["published_at"].tolist(), len(rejected)) == ([dt.date(2262, 4, 11), dt.date(1677, 9, 22)], 0)
