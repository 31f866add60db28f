-- 0006_reviews: a person's decisions on links, claims and facts (`claimhouse review`).
-- One row per decision, never updated or deleted: the audit trail. The latest decision on a
-- target is the one in force (views/reviews.sql). Targets are keyed by what survives a
-- re-run and a new version of a document whose claim is unchanged: a claim's review_key is
-- md5(uri, sentence, quote, which occurrence of the quote in that sentence) (views/claim_keys.sql),
-- a link is its two claims' keys in order, a fact its fact_key. Ids of the moment are kept
-- beside them (claim_id_a, claim_id_b, fact_id) for reading, not for matching.
-- Verdicts loaded from another organisation's ClaimReview (`claimhouse import claimreview`)
-- are rows too, with reviewer = the publishing organisation and source = 'claimreview'.
create table review_rows (
    review_id text primary key,
    reviewed_at timestamptz not null,
    reviewer text not null,
    target text not null
        check (target in ('link', 'claim', 'fact')),
    decision text not null
        check (decision in ('confirm', 'reject', 'same-fact', 'different-fact', 'wrong-extraction', 'correct',
                            'true', 'false', 'misleading', 'unproven')),
    review_key_a text,
    review_key_b text,
    fact_key text,
    claim_id_a text,
    claim_id_b text,
    fact_id text,
    quote_a text,
    quote_b text,
    uri_a text,
    uri_b text,
    field text
        check (field in ('value', 'unit', 'period', 'subject')),
    previous text,
    corrected text,
    note text,
    evidence_url text,
    source text not null default 'desk',
    check ((target = 'link') = (review_key_b is not null)),
    check ((decision = 'correct') = (field is not null))
);
