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
