-- link_candidates: pairs of current claims (`current_claims`, as grouped by the link step) from different
-- documents that state the same fact, and how the values they assert compare: every pair of claims of two value groups the
-- pair rule relates (`group_candidates`), computed when read.
--
-- claim_id_a   the pair's lower claim_id
-- claim_id_b   the pair's higher claim_id
-- link_id      md5 (low 64 bits) of the two claims' claim_keys in order: stable across runs and across new
--              versions of a document that restate the claim
-- relation     agrees | conflicts | updates (of the two claims' groups, `group_candidates`)
-- severity     relative gap between the two intervals (0 when they agree)
-- copy         the two claims are the same sentence in both documents, or the two documents share at
--              least 8 of their 16 sketch positions (facts.NEAR_COPY: near-same text, a repost lightly
--              edited): not a second source
-- A pair a person said states the same fact (`decided_links`) is a candidate too when the rule does
-- not relate its groups: one more row, its relation judged from the two intervals.

create or replace view link_candidates as

with

related as (
    select * from group_candidates
),

-- each pair of groups in both orders, so a pair's lower claim can come from either group and
-- claim_id_a is a column of `a` (a filter on it reaches the claims' scan)
either_order as (
    select group_id_a, group_id_b, relation, severity from related
    union all
    select group_id_b, group_id_a, relation, severity from related
    where group_id_a <> group_id_b
),

members as (
    select claim_id, document_id, group_id, claim_key, copy_key, sketch from grouped_claims
),

pairs as (
    select
        a.claim_id as claim_id_a,
        b.claim_id as claim_id_b,
        case when a.claim_key < b.claim_key then a.claim_key || b.claim_key
             else b.claim_key || a.claim_key end as key_pair,
        r.relation,
        r.severity,
        a.copy_key = b.copy_key
            or len(list_intersect(a.sketch, b.sketch)) >= 8 and a.sketch <> [''] as copy
    from members as a
    inner join either_order as r on r.group_id_a = a.group_id
    inner join members as b on b.group_id = r.group_id_b
    where a.claim_id < b.claim_id
        and a.document_id <> b.document_id
),

final as (
    select
        claim_id_a,
        claim_id_b,
        md5_number_lower(key_pair) as link_id,
        relation,
        severity,
        copy
    from pairs
    union all
    select claim_id_a, claim_id_b, link_id, relation, severity, copy
    from decided_links as d
    anti join related as r
        on r.group_id_a = least(d.group_id_a, d.group_id_b) and r.group_id_b = greatest(d.group_id_a, d.group_id_b)
)

select * from final
