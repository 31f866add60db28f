import math
import re
import shutil

import pytest

from claimhouse.flows.linking import link_claims
from claimhouse.schemas.claims import ClaimsModel
from claimhouse.schemas.quarantine import split_valid
from claimhouse.warehouse import store
from claimhouse.warehouse.db import VIEWS, connect, load_sql

DOCUMENTED = {
    "documents": (
        "document_id", "version", "uri", "title", "published_at", "fetched_at", "content_sha256",
        "content_type", "source", "tags", "text_length", "n_claims",
    ),
    "document_texts": ("document_id", "version", "text"),
    "claims": (
        "claim_id", "document_id", "version", "uri", "quote", "span_start", "span_end", "sentence",
        "value", "low", "high", "unit", "qualifier", "direction", "kind", "subject", "place",
        "period_start", "period_end", "period_partial", "modality", "attribution",
        "checkworthiness",
        "interval_low", "interval_high", "unit_family", "subject_key", "fact_key", "measure", "scope",
        "when_start", "when_end", "evolving", "update_cue", "block_key", "claim_key", "copy_key", "evidence",
        "review", "extracted_value", "extracted_unit", "extracted_subject", "extracted_period_start",
        "extracted_period_end",
    ),
    "claim_links": (
        "link_id", "claim_id_a", "claim_id_b", "relation", "reason", "severity", "copy", "created_at", "run_id",
    ),
    "conflicts": (
        "claim_id_a", "claim_id_b", "quote_a", "quote_b", "value_a", "value_b",
        "low_a", "high_a", "low_b", "high_b", "unit_a", "unit_b", "qualifier_a", "qualifier_b",
        "uri_a", "uri_b", "title_a", "title_b", "document_id_a", "document_id_b",
        "subject_a", "subject_b", "reason", "severity", "n_claims_a", "n_claims_b", "created_at", "run_id",
    ),
    "claim_signatures": (
        "claim_id", "document_id", "claim_key", "copy_key", "sketch", "published_at", "block_key", "scope",
        "when_start", "when_end", "when_loose", "interval_low", "interval_high", "qualifier", "evolving", "update_cue",
        "order_at", "group_id",
    ),
    "grouped_claims": (
        "claim_id", "document_id", "claim_key", "copy_key", "sketch", "published_at", "block_key", "scope",
        "when_start", "when_end", "when_loose", "interval_low", "interval_high", "qualifier", "evolving", "update_cue",
        "order_at", "group_id", "run_id", "created_at",
    ),
    "group_candidates": ("group_id_a", "group_id_b", "relation", "severity"),
    "group_links": (
        "group_id_a", "group_id_b", "relation", "severity", "claim_id_a", "claim_id_b", "link_id", "copy",
        "n_claims_a", "n_claims_b", "created_at", "run_id",
    ),
    "worded_links": (
        "shown_by", "group_id_a", "group_id_b", "n_claims_a", "n_claims_b", "link_id", "claim_id_a", "claim_id_b",
        "relation", "reason", "severity", "copy", "created_at", "run_id",
    ),
    "rejected_rows": (
        "run_id", "rejected_at", "table_name", "schema", "check_name", "column_name",
        "failure_case", "row_json", "document_id", "claim_id",
    ),
    "runs": (
        "run_id", "flow_run_id", "started_at", "ended_at", "status", "error", "sources_tried", "docs_new",
        "docs_changed", "docs_unchanged", "docs_failed", "claims_added", "claims_removed",
        "rows_rejected", "links_found", "conflicts_new",
    ),
    "fetch_log": (
        "run_id", "source", "uri", "fetched_at", "ok", "http_status", "bytes", "duration_s",
        "not_modified", "etag", "last_modified", "error",
    ),
    "link_candidates": ("claim_id_a", "claim_id_b", "link_id", "relation", "severity", "copy"),
    "facts": (
        "fact_id", "fact_key", "subject", "unit", "place", "period_start", "period_end", "n_claims",
        "n_documents", "n_independent", "claim_ids", "value_min", "value_max", "values_supported", "n_conflicts",
    ),
    "reference_checks": (
        "claim_id", "document_id", "quote", "value", "low", "high", "unit", "verdict", "match",
        "reference_id", "reference_value", "reference_unit", "reference_period", "publisher", "source_url",
        "reason",
    ),
    "reference_figures": (
        "reference_id", "source_file", "measure", "subject", "place", "period", "value", "unit", "qualifier",
        "publisher", "source_url", "reported_as", "note", "place_key", "period_start", "period_end", "as_of",
        "period_partial", "loaded_at",
    ),
}
# the columns of `claims` before the review columns
CLAIMS_STORED = DOCUMENTED["claims"].index("review")
DOCUMENTED |= {
    "review_keys": ("claim_id", "document_id", "version", "uri", "review_key"),
    "reviews": (
        "review_id", "reviewed_at", "reviewer", "target", "decision", "claim_id_a", "claim_id_b", "fact_id",
        "quote_a", "quote_b", "uri_a", "uri_b", "field", "previous", "corrected", "note", "evidence_url", "source",
        "review_key_a", "review_key_b", "fact_key", "in_force",
    ),
    "last_run": ("run_id", "started_at", "ended_at", "status"),
    "claim_decisions": (
        "claim_id", "review_id", "reviewed_at", "reviewer", "decision", "field", "corrected", "note", "evidence_url",
        "source",
    ),
    "link_decisions": ("claim_id_a", "claim_id_b", "decision", "same_fact", "reviewer", "reviewed_at", "note"),
    "decided_links": (
        "claim_id_a", "claim_id_b", "link_id", "relation", "severity", "copy", "group_id_a", "group_id_b",
        "decision", "reviewer", "reviewed_at", "note", "created_at", "run_id",
    ),
    "dismissed_links": ("claim_id_a", "claim_id_b", "decision"),
    "claim_reviews": ("claim_id", "review", "value", "unit", "subject", "period_start", "period_end", "reviewed_at"),
    "fact_reviews": ("fact_key", "fact_id", "rating", "note", "evidence_url", "reviewer", "reviewed_at", "source"),
    "claim_verdicts": (
        "claim_id", "rating", "via", "reviewer", "reviewed_at", "source", "note", "evidence_url", "review_id",
    ),
    "review_queue": (
        "priority", "item", "claim_id_a", "claim_id_b", "fact_id", "quote_a", "quote_b", "uri_a", "uri_b", "reason",
        "repeated", "checkworthiness", "is_new", "found_at",
    ),
}
DOCUMENTED["claims_history"] = (*DOCUMENTED["claims"][:CLAIMS_STORED], "is_current", "superseded_at")
DOCUMENTED["current_claims"] = tuple(  # and each claim's document sketch (link_candidates' near-copies) and reporting-window flag
    x for c in DOCUMENTED["claims"][:CLAIMS_STORED] if c != "uri"
    for x in ((c, "doc_sketch") if c == "copy_key" else (c, "when_loose") if c == "when_end" else (c,)))

DOCUMENTED["claim_versions"] = (  # every stored claim: current_claims' columns with the version's uri and status
    *DOCUMENTED["current_claims"][:3], "uri", *DOCUMENTED["current_claims"][3:], "is_current", "superseded_at")

OTHER = "Turnout was 52 percent, officials said."


def columns(con, view):
    found = con.execute(
        "select column_name from information_schema.columns "
        "where table_name = ? order by ordinal_position",
        [view],
    )
    return tuple(row[0] for row in found.fetchall())


def header(view):
    """The comment lines of the view's .sql file."""
    return "\n".join(line for line in load_sql("views", view).splitlines() if line.startswith("--"))


def test_every_view_is_listed_here():
    assert set(DOCUMENTED) == set(VIEWS)


@pytest.fixture(scope="module")
def schema(tmp_path_factory, _migrated_template):
    """A read-only connection to a copy of the migrated warehouse, shared by the tests that only
    read its columns."""
    path = shutil.copyfile(_migrated_template, tmp_path_factory.mktemp("schema") / "schema.duckdb")
    con = connect(path, read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("view", VIEWS)
def test_view_has_its_documented_columns(schema, view):
    assert columns(schema, view) == DOCUMENTED[view]


@pytest.mark.parametrize("view", VIEWS)
def test_header_comment_documents_every_column(schema, view):
    undocumented = [c for c in columns(schema, view) if not re.search(rf"\b{c}\b", header(view))]
    assert undocumented == []


@pytest.mark.parametrize("view", VIEWS)
def test_view_follows_the_final_cte_rhythm(view):
    assert load_sql("views", view).rstrip().endswith("select * from final")


# The pair-rule columns of one fact (turnout, in percent), as fact matching would set them.
SAME_FACT = {"block_key": "percent|turnout", "scope": "US"}


def _store_sources(con, make, *sides: tuple[str, dict]) -> list[tuple]:
    """One document per side, one claim each, all about the same fact; then the link step.
    Returns (claim_id, quote, title, uri) per side, lower claim_id first."""
    docs = (make.document(), make.document(OTHER, "https://example.org/other", title="Officials"))
    stored = []
    for doc, (quote, changes) in zip(docs, sides, strict=True):
        claims = make.claims(doc, quote, **SAME_FACT, claim_key=f"{doc.uri[0]}|{quote}", **changes)
        store.store_batch(con, doc, claims, make.no_rejects(), "r1")
        stored.append((claims.claim_id[0], quote, doc.title[0], doc.uri[0]))
    link_claims(con, "r1")
    return sorted(stored)


@pytest.fixture
def two_sources(con, make):
    """Two documents, one claim each, and a conflict between them.

    Returns (claim_id, quote, title, uri) of side a, then side b.
    """
    return _store_sources(con, make, ("61 percent", {}), ("52 percent", {}))


@pytest.mark.slow
def test_conflicts_join_both_sides(con, two_sources):
    (_, quote_a, title_a, uri_a), (_, quote_b, title_b, uri_b) = two_sources
    row = con.execute("select quote_a, quote_b, title_a, title_b, uri_a, uri_b from conflicts")
    row = row.fetchall()
    assert row == [(quote_a, quote_b, title_a, title_b, uri_a, uri_b)]


@pytest.mark.slow
def test_agreements_are_not_conflicts(con, make):
    _store_sources(con, make, ("61 percent", {}), ("52 percent", {"interval_low": 50.0, "interval_high": 62.0}))
    assert con.execute("select count(*), (select count(*) from conflicts) from claim_links").fetchone() == (1, 0)


def test_links_to_superseded_claims_are_hidden(con, make, two_sources):
    changed = make.document("About 40 percent of voters stayed home. Turnout fell to 59 percent.")
    claims = make.claims(changed, "59 percent", version=2)
    store.store_batch(con, changed, claims, make.no_rejects(), "r2")
    assert con.execute("select count(*) from claim_links").fetchone() == (0,)


def test_documents_count_claims_and_characters(con, make, two_sources):
    rows = con.execute("select uri, text_length, n_claims from documents order by uri").fetchall()
    assert rows == [
        ("https://example.org/other", len(OTHER), 1),
        ("https://example.org/turnout", 67, 1),
    ]


def test_claim_offsets_index_document_texts(con, two_sources):
    mismatches = con.execute(
        "select count(*) from claims join document_texts using (document_id, version) "
        "where substr(text, span_start + 1, span_end - span_start) <> quote"
    ).fetchone()
    assert mismatches == (0,)


def test_rejected_rows_show_what_failed(con, make):
    claims = make.claims(make.document(), "40 percent", value=math.inf)
    _, rejected = split_valid(claims, ClaimsModel, "claims")
    store.write_rejected(con, rejected, "r1")
    stored = con.execute("select table_name, check_name, column_name, run_id from rejected_rows")
    assert stored.fetchall() == [("claims", "finite", "value", "r1")]
