"""Claims explosion (issue 12): a list of bare numbers is no claim, a document brings at most so many
claims per sentence and in all, and links at most so many of one fact block; every cut is a
`rejected_rows` row naming its limit."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from claimhouse.flows.claim_limits import (
    PER_DOCUMENT_CHECK,
    PER_FACT_CHECK,
    PER_SENTENCE_CHECK,
    ClaimLimits,
    bound_links,
    cap_claims,
)
from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.model import Document
from claimhouse.flows.claims.number_runs import MIN_RUN
from claimhouse.flows.frames import claims_frame

REAL = " Officials said 40 boats sank in 2024."
LISTS = {
    # 400 KB of counting once gave 200,000 claims (76 s, 1.5 GB); 1 MB of percents 333,000
    "counting": " ".join(str(i) for i in range(1, 80_000))[:400_000],
    "percents": " ".join(f"{7 + i % 90}%" for i in range(100_000))[:300_000],
    "comma list": ", ".join(str(i * 3) for i in range(1, 20_000)),
    "flattened table": "\n".join(" | ".join(f"{r}.{c}" for c in range(8)) for r in range(2_000)),
    "a short run": " ".join(str(i) for i in range(MIN_RUN)) + ".",
}


def _doc(text: str, uri: str = "file:///tmp/limits.txt") -> Document:
    return Document(uri=uri, text=text, fetched_at=dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc))


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.slow
def test_a_run_of_bare_numbers_is_no_claim_and_the_claim_after_it_is_kept(name):
    text = LISTS[name] + ".\n\n" + REAL.strip()
    claims = extract_claims(text)
    assert [(c.quote, text[c.span_start:c.span_end]) for c in claims] == [("40 boats", "40 boats")]


def test_numbers_with_words_between_them_are_still_claims():
    assert [c.quote for c in extract_claims("Sales were 12, 15, 18 and 21 last year.")] == ["12", "15", "18", "21"]
    assert len(extract_claims(" ".join(f"{5 + i} boats and" for i in range(MIN_RUN * 2)) + " more.")) > MIN_RUN


def _sentence_of(n: int) -> str:
    """One sentence of n claims that are not a bare list: a noun after each number."""
    return "Inspectors counted " + ", ".join(f"{10 + i} boats" for i in range(n)) + " in the harbour."


def test_a_sentence_and_a_document_keep_their_first_claims_and_record_the_cut():
    text = " ".join(_sentence_of(30) for _ in range(4))
    claims = extract_claims(text)
    assert len(claims) == 120
    kept, cuts = cap_claims("d1", claims, ClaimLimits(per_sentence=20, per_document=50))
    assert len(kept) == 50 and kept == [c for i, c in enumerate(claims) if i % 30 < 20][:50]
    checks = [(c["check"], json.loads(c["row_json"])["claims_found"]) for c in cuts]
    assert checks == [(PER_SENTENCE_CHECK, 30)] * 4 + [(PER_DOCUMENT_CHECK, 80)]
    assert cuts[-1]["failure_case"] == ("the document has 80 claims, over max_claims_per_document=50: "
                                        "its first 50 kept, 30 not stored")
    assert cap_claims("d1", claims, ClaimLimits(per_sentence=30, per_document=120)) == (claims, [])


@pytest.mark.parametrize("bad", [0, -1, 1.5, True])
def test_a_limit_must_be_a_whole_number_above_zero(bad):
    with pytest.raises(ValueError, match="whole number of claims above 0"):
        ClaimLimits(per_sentence=bad)


def _one_fact(n: int, offset: int = 0) -> str:
    """n sentences that all state one fact (migrants into Kenya in 2023), with different figures."""
    return " ".join(f"About {1000 + offset + i:,} migrants crossed into Kenya in 2023, officials said."
                    for i in range(n))


def test_a_document_links_at_most_its_first_claims_of_one_fact_block():
    doc = _doc(_one_fact(300))
    frame = claims_frame(doc, 1, extract_claims(doc.text))
    assert len(frame) == 300 and frame["block_key"].nunique() == 1
    bounded, cuts = bound_links(frame, ClaimLimits(linked_per_fact=40))
    assert (bounded["block_key"].notna().sum(), len(bounded)) == (40, 300)
    assert bounded["block_key"].notna().tolist() == [True] * 40 + [False] * 260
    assert [(c["check"], c["document_id"]) for c in cuts] == [(PER_FACT_CHECK, doc.document_id)]
    assert "300 claims, over max_linked_claims_per_fact=40: its first 40 kept, 260 not linked" in cuts[0]["failure_case"]


# ---- through the flow ------------------------------------------------------------------------

@pytest.mark.flow
def test_a_run_stores_a_documents_first_claims_and_records_each_cut(planted, db_path, rows):
    from claimhouse.flows.pipeline_flow import run_pipeline

    (planted / "explosion.txt").write_text(" ".join(_sentence_of(30) for _ in range(10)) + LISTS["counting"])
    summary = run_pipeline(sources=[str(planted)], db_path=db_path, max_claims_per_sentence=20,
                           max_claims_per_document=150)
    uri = (planted / "explosion.txt").resolve().as_uri()
    stored = rows(db_path, "select count(*) from claims c join documents d using (document_id) where d.uri = ?", [uri])
    refused = rows(db_path, "select check_name, count(*) from rejected_rows where document_id = "
                            "(select document_id from documents where uri = ?) group by 1 order by 1", [uri])
    others = rows(db_path, "select count(*) from claims c join documents d using (document_id) where d.uri <> ?", [uri])
    assert summary["status"] == "completed"
    assert (stored, refused) == ([(150,)], [(PER_DOCUMENT_CHECK, 1), (PER_SENTENCE_CHECK, 10)])
    assert others[0][0] > 0 and summary["rows_rejected"] == 11


@pytest.mark.flow
def test_two_documents_of_one_fact_give_a_bounded_number_of_links(tmp_path, db_path, rows):
    """Issue 12: two files of 3,000 sentences about one fact gave 9 million links (3.6 GB) in one
    transaction. Here 600 each: 360,000 links unbounded, at most 50 x 50 with the default limit."""
    from claimhouse.flows.pipeline_flow import run_pipeline

    folder = tmp_path / "one-fact"
    folder.mkdir()
    (folder / "a.txt").write_text(_one_fact(600))
    (folder / "b.txt").write_text(_one_fact(600, offset=5_000))
    summary = run_pipeline(sources=[str(folder)], db_path=db_path)
    (links,) = rows(db_path, "select count(*) from claim_links")[0]
    (claims,) = rows(db_path, "select count(*) from claims")[0]
    cuts = rows(db_path, "select check_name, count(*) from rejected_rows group by 1")
    limit = ClaimLimits().linked_per_fact
    assert (summary["status"], claims, cuts) == ("completed", 1200, [(PER_FACT_CHECK, 2)])
    assert 0 < links <= limit * limit and summary["links_found"] == links
