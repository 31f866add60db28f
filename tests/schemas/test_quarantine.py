import datetime as dt
import json
import math

import pandas as pd
import pytest

from claimhouse.schemas.claims import ClaimsModel
from claimhouse.schemas.documents import DocumentsModel
from claimhouse.schemas.quarantine import REJECTED_COLUMNS, SchemaFreezeError, row_json, split_valid


@pytest.fixture
def mixed(claims, claim_row) -> pd.DataFrame:
    """Two good rows, one failing one check, one failing three."""
    bad_once = claim_row(qualifier="roughly")
    bad_thrice = claim_row(value=math.inf, low=5.0, high=1.0, text_length=3)
    return pd.concat([claims, pd.DataFrame([bad_once, bad_thrice])], ignore_index=True)


def test_every_row_is_either_valid_or_rejected(mixed):
    valid, rejected = split_valid(mixed, ClaimsModel, "claims")
    assert len(valid) + rejected["row_json"].nunique() == len(mixed)


def test_row_failing_several_checks_is_rejected_once_per_check(mixed, checks_of):
    _, rejected = split_valid(mixed, ClaimsModel, "claims")
    assert checks_of(rejected) == [
        "isin",
        "finite",
        "low_le_high",
        "percent_share_at_most_100",
        "span_within_text",
    ]


def test_valid_rows_are_the_good_ones(mixed, claims):
    valid, _ = split_valid(mixed, ClaimsModel, "claims")
    assert valid["claim_id"].tolist() == claims["claim_id"].tolist()


def test_rejected_rows_have_the_table_columns(mixed):
    _, rejected = split_valid(mixed, ClaimsModel, "claims")
    assert tuple(rejected.columns) == REJECTED_COLUMNS


def test_rejected_row_names_table_schema_column_and_value(claim_row):
    frame = pd.DataFrame([claim_row(qualifier="roughly")])
    _, rejected = split_valid(frame, ClaimsModel, "claims")
    record = rejected.iloc[0]
    assert (record["table_name"], record["schema"], record["column"], record["failure_case"]) == (
        "claims",
        "ClaimsModel",
        "qualifier",
        "roughly",
    )


def test_frame_check_has_no_column_and_says_what_it_requires(claim_row):
    frame = pd.DataFrame([claim_row(low=5.0, high=1.0)])
    _, rejected = split_valid(frame, ClaimsModel, "claims")
    record = rejected.iloc[0]
    assert (record["column"], record["failure_case"]) == (None, "low must not exceed high")


def test_rejected_row_carries_its_ids(claim_row):
    row = claim_row(qualifier="roughly")
    _, rejected = split_valid(pd.DataFrame([row]), ClaimsModel, "claims")
    ids = rejected[["document_id", "claim_id"]].iloc[0].tolist()
    assert ids == [row["document_id"], row["claim_id"]]


def test_row_json_has_nulls_iso_dates_and_no_nan():
    row = pd.Series({"low": math.nan, "high": math.inf, "day": dt.date(2023, 1, 1), "tags": ("a",)})
    expected = {"low": None, "high": "inf", "day": "2023-01-01", "tags": ["a"]}
    assert json.loads(row_json(row)) == expected


def test_duplicate_index_still_splits_cleanly(claims, claim_row):
    frame = pd.concat([claims, pd.DataFrame([claim_row(qualifier="roughly")])])  # index 0, 1, 0
    valid, rejected = split_valid(frame, ClaimsModel, "claims")
    assert (len(valid), len(rejected)) == (2, 1)


def test_empty_frame_is_valid(claims):
    valid, rejected = split_valid(claims.iloc[0:0], ClaimsModel, "claims")
    assert (len(valid), len(rejected)) == (0, 0)


def test_empty_frame_without_dtypes_is_valid(claims):
    empty = pd.DataFrame(columns=claims.columns)  # every column object
    valid, _ = split_valid(empty, ClaimsModel, "claims")
    assert valid.empty


def test_empty_frame_missing_a_column_freezes(claims):
    with pytest.raises(SchemaFreezeError, match="quote"):
        split_valid(claims.iloc[0:0].drop(columns="quote"), ClaimsModel, "claims")


def test_batch_of_only_bad_rows_is_all_rejected(claim_row):
    frame = pd.DataFrame([claim_row(qualifier="roughly"), claim_row(kind="level-ish")])
    valid, rejected = split_valid(frame, ClaimsModel, "claims")
    assert (len(valid), len(rejected)) == (0, 2)


def test_freeze_error_names_table_and_problem(documents):
    expected = r"(?s)'documents' \(DocumentsModel\).*column 'uri' not in dataframe"
    with pytest.raises(SchemaFreezeError, match=expected):
        split_valid(documents.drop(columns="uri"), DocumentsModel, "documents")


def test_freeze_error_lists_its_problems(documents):
    with pytest.raises(SchemaFreezeError) as caught:
        split_valid(documents.drop(columns=["uri", "text"]), DocumentsModel, "documents")
    assert len(caught.value.problems) == 2
