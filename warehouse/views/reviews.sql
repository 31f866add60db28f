-- reviews: every decision a person recorded (`claimhouse review ...`) or a ClaimReview
-- import loaded, oldest first: the audit trail. Nothing is overwritten; for each target the
-- latest decision is in force.
--
-- review_id     identifier of the decision
-- reviewed_at   when it was recorded (UTC)
-- reviewer      who recorded it ($USER or --by), or the organisation of an imported review
-- target        link | claim | fact
-- decision      link: confirm | reject | same-fact | different-fact;
--               claim: wrong-extraction | correct; fact: true | false | misleading | unproven
-- claim_id_a    the claim (or the link's first claim) when the decision was made
-- claim_id_b    the link's second claim
-- fact_id       the fact, for a verdict
-- quote_a       the claims' words and documents, as they were
-- quote_b
-- uri_a
-- uri_b
-- field         for a correction: value | unit | period | subject
-- previous      for a correction: what the field held before
-- corrected     for a correction: what it holds now (a period as start/end ISO dates)
-- note          why
-- evidence_url  where the evidence is
-- source        desk (a person here) or claimreview (imported)
-- review_key_a  stable keys the decision is matched by (see `review_keys`); a fact's fact_key
-- review_key_b
-- fact_key
-- in_force      true for the latest decision on its target (for corrections: on its field) from
--               its source: an imported review never overrides a desk decision

create or replace view reviews as

with

decisions as (
    select * from review_rows
),

ranked as (
    select
        *,
        row_number() over (
            partition by source, target, review_key_a, review_key_b, fact_key, field
            order by reviewed_at desc, review_id desc
        ) = 1 as in_force
    from decisions
),

final as (
    select
        review_id, reviewed_at, reviewer, target, decision, claim_id_a, claim_id_b, fact_id,
        quote_a, quote_b, uri_a, uri_b, field, previous, corrected, note, evidence_url, source,
        review_key_a, review_key_b, fact_key, in_force
    from ranked
)

select * from final
