-- One review decision (flows/review.py: record). Rows are only ever added.
insert into review_rows (
    review_id, reviewed_at, reviewer, target, decision, review_key_a, review_key_b, fact_key,
    claim_id_a, claim_id_b, fact_id, quote_a, quote_b, uri_a, uri_b, field, previous, corrected,
    note, evidence_url, source
) values (
    $review_id, $reviewed_at, $reviewer, $target, $decision, $review_key_a, $review_key_b, $fact_key,
    $claim_id_a, $claim_id_b, $fact_id, $quote_a, $quote_b, $uri_a, $uri_b, $field, $previous, $corrected,
    $note, $evidence_url, $source
)
