-- claim_verdicts: the verdicts in force on current claims: a verdict on a fact holds for each
-- of its claims (via fact), a verdict on one claim for that claim (via claim: `claimhouse review
-- claim ID true|false|...`, or a ClaimReview loaded with `claimhouse import claimreview`).
-- A verdict on the claim itself replaces its fact's verdict from the same source: one row per
-- claim and source.
--
-- claim_id      the claim (see `claims`)
-- rating        true | false | misleading | unproven
-- via           fact | claim
-- reviewer      who gave it (a person, or the organisation that published the ClaimReview)
-- reviewed_at   when
-- source        desk | claimreview
-- note          why
-- evidence_url  the evidence (for an imported review: the review's own page)
-- review_id     the decision (see `reviews`)

create or replace view claim_verdicts as

with

in_force as (
    select * from reviews
    where in_force
),

current_claims as (
    select claim_id, fact_key from claims
),

of_facts as (
    select
        c.claim_id, r.decision as rating, 'fact' as via, r.reviewer, r.reviewed_at, r.source, r.note,
        r.evidence_url, r.review_id
    from in_force as r
    inner join current_claims as c on c.fact_key = r.fact_key
    where r.target = 'fact'
),

of_claims as (
    select
        r.claim_id, r.decision as rating, 'claim' as via, r.reviewer, r.reviewed_at, r.source, r.note,
        r.evidence_url, r.review_id
    from claim_decisions as r
    inner join current_claims as c on c.claim_id = r.claim_id
    where r.decision in ('true', 'false', 'misleading', 'unproven')
),

final as (
    select * from of_claims
    union all
    select * from of_facts
    where (claim_id, source) not in (select (claim_id, source) from of_claims)
)

select * from final
