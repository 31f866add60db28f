"""A batch's claims in one frame are the frames of its documents, one after the other."""
from pathlib import Path

import pandas as pd

from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.frames import claim_rows, claims_frame, rows_frame
from claimhouse.flows.ingest.local import load_file

PLANTED = Path(__file__).resolve().parents[1] / "resources" / "planted"


def test_one_frame_for_a_batch_equals_the_documents_frames_concatenated():
    docs = [load_file(p) for p in sorted(PLANTED.glob("*.md"))]
    found = [(d, extract_claims(d.text, d.published_at)) for d in docs]
    each = pd.concat([claims_frame(d, 2, claims) for d, claims in found], ignore_index=True)
    batch = rows_frame([row for d, claims in found for row in claim_rows(d, 2, claims)])
    assert len(batch) > len(docs)
    pd.testing.assert_frame_equal(batch, each)
