import datetime as dt
import math

import pandas as pd
import pytest

from claimhouse.schemas.claims import ClaimsModel
from claimhouse.schemas.quarantine import SchemaFreezeError, split_valid

NOT_A_SHARE = "voters who stayed home"

BAD_ROWS = [
    ({"value": math.inf, "subject": NOT_A_SHARE}, "finite"),
    ({"low": math.nan, "high": -math.inf, "qualifier": "upper_bound"}, "finite"),
    ({"text_length": 10}, "span_within_text"),
    ({"qualifier": "roughly"}, "isin"),
    ({"direction": "sideways"}, "isin"),
    ({"kind": "level-ish"}, "isin"),
    ({"modality": "rumoured"}, "isin"),
    ({"low": 50.0, "high": 30.0, "qualifier": "range"}, "low_le_high"),
    ({"interval_low": 50.0, "interval_high": 30.0}, "interval_low_le_high"),
    ({"value": 140.0}, "percent_share_at_most_100"),
    ({"value": None, "low": 90.0, "high": 120.0, "qualifier": "range", "subject": "proportion of adults"},
     "percent_share_at_most_100"),
    ({"span_end": 15}, "quote_matches_span"),
    ({"span_start": -1, "span_end": 9}, "greater_than_or_equal_to"),
    ({"checkworthiness": 1.5}, "less_than_or_equal_to"),
    ({"sentence": None}, "not_nullable"),
]


def test_good_frame_passes_whole(claims):
    valid, rejected = split_valid(claims, ClaimsModel, "claims")
    assert (len(valid), len(rejected)) == (2, 0)


@pytest.mark.parametrize(("changes", "check"), BAD_ROWS, ids=[check for _, check in BAD_ROWS])
def test_bad_row_is_quarantined_naming_its_check(claims, claim_row, checks_of, changes, check):
    frame = pd.concat([claims, pd.DataFrame([claim_row(**changes)])], ignore_index=True)
    _, rejected = split_valid(frame, ClaimsModel, "claims")
    assert checks_of(rejected) == [check]


def test_end_before_start_is_quarantined(claims, claim_row, checks_of):
    frame = pd.DataFrame([claim_row(span_start=16, span_end=6)])
    _, rejected = split_valid(frame, ClaimsModel, "claims")
    assert "span_end_after_start" in checks_of(rejected)


@pytest.mark.parametrize(
    "changes",
    [{"kind": "change"}, {"subject": NOT_A_SHARE}, {"unit": "percentage_point"}],
    ids=["a change", "not a share", "not percent"],
)
def test_percent_above_100_is_kept_when_not_a_share(claim_row, changes):
    frame = pd.DataFrame([claim_row(value=140.0, **changes)])
    valid, _ = split_valid(frame, ClaimsModel, "claims")
    assert len(valid) == 1


def test_open_interval_may_be_infinite(claim_row):
    frame = pd.DataFrame([claim_row(qualifier="lower_bound", low=40.0, interval_high=math.inf)])
    valid, _ = split_valid(frame, ClaimsModel, "claims")
    assert len(valid) == 1


def test_a_claim_without_any_number_is_refused(claim_row, checks_of):
    missing = dict.fromkeys(["value", "low", "high", "interval_low", "interval_high"])
    _, rejected = split_valid(pd.DataFrame([claim_row(**missing)]), ClaimsModel, "claims")
    assert checks_of(rejected) == ["value_present"]


def test_a_range_needs_no_value(claim_row):
    frame = pd.DataFrame([claim_row(value=None, low=5.0, high=10.0, qualifier="range")])
    valid, _ = split_valid(frame, ClaimsModel, "claims")
    assert len(valid) == 1


def test_missing_text_length_freezes_the_batch(claims):
    with pytest.raises(SchemaFreezeError, match="text_length"):
        split_valid(claims.drop(columns="text_length"), ClaimsModel, "claims")


def test_wrong_dtype_freezes_the_batch(claims):
    with pytest.raises(SchemaFreezeError, match="span_start"):
        split_valid(claims.astype({"span_start": str}), ClaimsModel, "claims")


def test_a_period_outside_the_nanosecond_range_is_dropped_and_the_claim_kept(claims, claim_row):
    far = {"period_start": dt.date(2263, 1, 1), "period_end": dt.date(2263, 12, 31)}
    frame = pd.concat([claims, pd.DataFrame([claim_row(**far)])], ignore_index=True)
    valid, rejected = split_valid(frame, ClaimsModel, "claims")
    assert valid[["period_start", "period_end"]].iloc[-1].isna().tolist() == [True, True]
    assert rejected[["check", "column"]].values.tolist() == [["date_in_range", "period_end"],
                                                              ["date_in_range", "period_start"]]
