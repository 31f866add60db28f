-- link_decisions: the decision in force on each pair of stored claims a person reviewed
-- (`claimhouse review link A B ...`), matched to the claims by their review keys, so a decision
-- made on one version of a document holds for the claims of a later version that restate it.
-- `dismissed_links` takes the rejected and different-fact pairs apart; the pairs decided the same
-- fact are linked whatever the pair rule says (`claim_signatures` groups their claims, `decided_links`
-- judges them), and `worded_links` gives the person's decision in their reason.
--
-- claim_id_a   the pair's lower claim_id
-- claim_id_b   the pair's higher claim_id
-- decision     confirm | reject | same-fact | different-fact
-- same_fact    true for confirm and same-fact: a person said the two claims state the same fact
-- reviewer     who decided
-- reviewed_at  when
-- note         why

create or replace view link_decisions as

with

in_force as (
    select * from reviews
    where in_force and target = 'link'
),

keys as (
    select claim_id, review_key from review_keys
),

final as (
    select
        least(a.claim_id, b.claim_id) as claim_id_a,
        greatest(a.claim_id, b.claim_id) as claim_id_b,
        in_force.decision,
        in_force.decision in ('confirm', 'same-fact') as same_fact,
        in_force.reviewer,
        in_force.reviewed_at,
        in_force.note
    from in_force
    inner join keys as a on a.review_key = in_force.review_key_a
    inner join keys as b on b.review_key = in_force.review_key_b
)

select * from final
