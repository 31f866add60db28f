"""Review decisions survive re-runs and new document versions, change what the views show,
and every decision stays in the audit trail, in order."""
import dataclasses

import pytest

from claimhouse.flows.review import ReviewError, review_claim, review_fact, review_link
from claimhouse.schemas.vocab import FACT_VERDICTS, LINK_DECISIONS
from tests.desk.conftest import store_documents

PREFACE = "Updated with the wire's figure. "


def conflicts(con):
    return con.execute("select quote_a, quote_b from conflicts").fetchall()


def new_version(doc):
    """The document with a sentence added before the claim: every claim id and offset changes."""
    return dataclasses.replace(doc, text=PREFACE + doc.text)


@pytest.mark.slow
def test_a_rejected_link_stays_rejected_across_a_rerun_and_a_new_version(desk, conflict, blog, wire):
    review_link(desk, *conflict, "reject", "ana", note="the blog counts a different route")
    assert conflicts(desk) == []
    assert store_documents(desk, [blog, wire], "run-2")["links_found"] == 0
    store_documents(desk, [new_version(blog), wire], "run-3")
    (ids,) = desk.execute("select list(claim_id order by claim_id) from claims where quote like '%400,000%'").fetchone()
    assert conflict[0] not in ids and conflict[1] not in ids  # the claim has a new id ...
    assert conflicts(desk) == []                             # ... and the decision still holds


@pytest.mark.slow
def test_without_a_decision_the_new_version_is_linked_again(desk, conflict, blog, wire):
    store_documents(desk, [new_version(blog), wire], "run-2")
    assert len(conflicts(desk)) == 1


@pytest.mark.slow
def test_claims_marked_different_facts_are_never_linked_again(desk, conflict, blog, wire):
    review_link(desk, *conflict, "different-fact", "ana")
    desk.execute("delete from claim_groups")  # as if linking started from scratch
    assert store_documents(desk, [new_version(blog), wire], "run-2")["links_found"] == 0
    assert desk.execute("select count(*) from claim_links").fetchone() == (0,)


def test_confirming_after_a_rejection_brings_the_link_back(desk, conflict):
    review_link(desk, *conflict, "reject", "ana")
    review_link(desk, *conflict, "confirm", "ben", note="same route after all")
    assert len(conflicts(desk)) == 1


def test_the_audit_trail_keeps_every_decision_in_order(desk, conflict):
    for decision, who in (("reject", "ana"), ("confirm", "ben"), ("same-fact", "ana")):
        review_link(desk, *conflict, decision, who)
    trail = desk.execute("select reviewer, decision, in_force from reviews order by reviewed_at").fetchall()
    assert trail == [("ana", "reject", False), ("ben", "confirm", False), ("ana", "same-fact", True)]


@pytest.mark.slow
def test_a_corrected_value_is_what_the_views_show_with_the_extracted_value_beside_it(desk, blog, wire):
    (claim_id,) = desk.execute("select claim_id from claims where quote like '%520,000%'").fetchone()
    review_claim(desk, claim_id, "ana", field="value", corrected="530,000", note="the service's table says 530,000")
    store_documents(desk, [blog, new_version(wire)], "run-2")
    row = desk.execute("select value, extracted_value, review from claims where quote like '%520,000%'").fetchone()
    assert row == (530000.0, 520000.0, "correct")
    assert 530000.0 in desk.execute("select value_a, value_b from conflicts").fetchone()


def test_a_corrected_period_and_subject(desk):
    (claim_id,) = desk.execute("select claim_id from claims where quote like '%400,000%'").fetchone()
    review_claim(desk, claim_id, "ana", field="period", corrected="2022")
    review_claim(desk, claim_id, "ana", field="subject", corrected="people")
    row = desk.execute("select period_start::text, period_end::text, subject, extracted_period_start::text "
                       "from claims where claim_id = ?", [claim_id]).fetchone()
    assert row == ("2022-01-01", "2022-12-31", "people", "2023-01-01")


@pytest.mark.slow
def test_a_wrong_extraction_takes_the_claim_out_of_its_links(desk, conflict, blog, wire):
    review_claim(desk, conflict[0], "ana", decision="wrong-extraction")
    store_documents(desk, [new_version(blog), new_version(wire)], "run-2")
    assert conflicts(desk) == []
    assert desk.execute("select count(*) from claims where review = 'wrong-extraction'").fetchone() == (1,)


def test_a_verdict_on_a_fact_is_kept_with_its_note_and_evidence(desk, conflict):
    (fact_id,) = desk.execute("select fact_id from facts where n_conflicts > 0").fetchone()
    review_fact(desk, fact_id[:6], "misleading", "ana", note="two routes mixed", evidence_url="https://example.org/ev")
    row = desk.execute("select fact_id, rating, note, evidence_url from fact_reviews").fetchone()
    assert row == (fact_id, "misleading", "two routes mixed", "https://example.org/ev")


@pytest.mark.slow
def test_the_queue_lists_the_open_conflict_first_and_drops_it_once_decided(desk, conflict):
    first = desk.execute("select item, claim_id_a, claim_id_b from review_queue order by priority limit 1").fetchone()
    assert first == ("conflict", *conflict)
    review_link(desk, *conflict, "confirm", "ana")
    items = [r[0] for r in desk.execute("select item from review_queue").fetchall()]
    assert "conflict" not in items


@pytest.mark.parametrize(("call", "message"), [
    (lambda con, a, b: review_link(con, a, b, "maybe", "ana"), "link decision"),
    (lambda con, a, b: review_link(con, a, a, "reject", "ana"), "two different claims"),
    (lambda con, a, b: review_link(con, a, "nope", "reject", "ana"), "no current claim"),
    (lambda con, a, b: review_claim(con, a, "ana", field="value", corrected="lots"), "not a number"),
    (lambda con, a, b: review_claim(con, a, "ana", field="period", corrected="last spring"), "not a period"),
    (lambda con, a, b: review_fact(con, "zzzz", "true", "ana"), "no fact"),
])
def test_bad_decisions_are_refused_with_what_to_give(desk, conflict, call, message):
    with pytest.raises(ReviewError, match=message):
        call(desk, *conflict)
    assert desk.execute("select count(*) from review_rows").fetchone() == (0,)


def test_vocabularies_are_distinct():
    assert not set(LINK_DECISIONS) & set(FACT_VERDICTS)
