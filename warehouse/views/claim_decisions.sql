-- claim_decisions: the decisions in force on stored claims (`reviews` with target = claim), each
-- matched to every stored claim with its review key, so a decision made on one version of a
-- document holds for a later version that restates the claim. `claim_reviews` (corrections),
-- `claim_verdicts` (verdicts on one claim), `dismissed_links` (wrong extractions) and
-- `review_queue` (what is reviewed) read it.
--
-- claim_id     the stored claim the decision applies to
-- review_id, reviewed_at, reviewer, decision, field, corrected, note, evidence_url, source
--              as in `reviews`

create or replace view claim_decisions as

with

in_force as (
    select * from reviews
    where in_force and target = 'claim'
),

keys as (
    select claim_id, review_key from review_keys
),

final as (
    select
        keys.claim_id, in_force.review_id, in_force.reviewed_at, in_force.reviewer, in_force.decision,
        in_force.field, in_force.corrected, in_force.note, in_force.evidence_url, in_force.source
    from in_force
    inner join keys on keys.review_key = in_force.review_key_a
)

select * from final
