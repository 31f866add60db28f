import pandas as pd
import pytest

from claimhouse.schemas.links import ClaimLinksModel
from claimhouse.schemas.quarantine import SchemaFreezeError, split_valid


def test_good_frame_passes_whole(links):
    valid, rejected = split_valid(links, ClaimLinksModel, "links")
    assert (len(valid), len(rejected)) == (2, 0)


@pytest.mark.parametrize(
    ("changes", "check"),
    [
        ({"claim_id_a": "c3"}, "claim_ids_ordered"),
        ({"claim_id_b": "a1"}, "claim_ids_ordered"),
        ({"relation": "maybe"}, "isin"),
        ({"severity": -0.5}, "greater_than_or_equal_to"),
    ],
    ids=["a after b", "a equals b", "relation", "negative severity"],
)
def test_bad_row_is_quarantined_naming_its_check(links, link_row, checks_of, changes, check):
    frame = pd.concat([links, pd.DataFrame([link_row(**changes)])], ignore_index=True)
    _, rejected = split_valid(frame, ClaimLinksModel, "links")
    assert checks_of(rejected) == [check]


def test_missing_column_freezes_the_batch(links):
    with pytest.raises(SchemaFreezeError, match="relation"):
        split_valid(links.drop(columns="relation"), ClaimLinksModel, "links")
