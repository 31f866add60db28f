-- decided_links: pairs of current claims a person said state the same fact (`link_decisions`:
-- same-fact or confirm in force), among the claims a link step has grouped, and how the values
-- they assert compare, judged from the two intervals as the pair rule judges a pair of value
-- groups (`group_candidates`). One row per decided pair: a decision links its two claims, never
-- their whole groups. `link_candidates` and `group_links` add the pairs the rule does not relate
-- (so `claim_links` and `conflicts` show them like any link); a claim marked a wrong extraction
-- is in none. `worded_links` ends a decided link's reason with who decided, when and why.
--
-- claim_id_a, claim_id_b   the pair (lower claim_id first)
-- link_id, copy            as in `link_candidates`
-- relation                 agrees | conflicts | updates, from the intervals
-- severity                 relative gap between the two intervals (0 when they agree)
-- group_id_a, group_id_b   the value groups of claim_id_a and of claim_id_b
-- decision                 confirm | same-fact
-- reviewer, reviewed_at, note   who decided, when, why
-- created_at, run_id       as for any link: when, and by which run, the later of the two claims was
--                          first grouped (kept when a new version restates a claim); the decision's
--                          own time is reviewed_at

create or replace view decided_links as

with

decided as (
    select claim_id_a, claim_id_b, decision, reviewer, reviewed_at, note
    from link_decisions
    where same_fact
),

decided_claims as (
    select * from grouped_claims
    where claim_id in (select claim_id_a from decided union all select claim_id_b from decided)
        and claim_id not in (select claim_id_a from dismissed_links where claim_id_b is null)
),

members as (
    select
        *,
        interval_mid(interval_low, interval_high) as mid
    from decided_claims
),

pairs as (
    select
        d.*,
        a.group_id as group_id_a,
        b.group_id as group_id_b,
        a.interval_low as lo_a,
        a.interval_high as hi_a,
        b.interval_low as lo_b,
        b.interval_high as hi_b,
        intervals_disjoint(a.qualifier, a.interval_low, a.interval_high,
                           b.qualifier, b.interval_low, b.interval_high) as disjoint,
        a.evolving and b.evolving as evolving,
        later_is_higher(a.order_at, a.update_cue, a.mid, b.order_at, b.update_cue, b.mid) as later_higher,
        case when a.claim_key < b.claim_key then a.claim_key || b.claim_key
             else b.claim_key || a.claim_key end as key_pair,
        a.copy_key = b.copy_key
            or len(list_intersect(a.sketch, b.sketch)) >= 8 and a.sketch <> [''] as copy,
        greatest(a.created_at, b.created_at) as created_at,
        case when a.created_at >= b.created_at then a.run_id else b.run_id end as run_id
    from decided as d
    inner join members as a on a.claim_id = d.claim_id_a
    inner join members as b on b.claim_id = d.claim_id_b
),

final as (
    select
        claim_id_a,
        claim_id_b,
        md5_number_lower(key_pair) as link_id,
        pair_relation(disjoint, evolving, later_higher) as relation,
        interval_severity(lo_a, hi_a, lo_b, hi_b) as severity,
        copy,
        group_id_a,
        group_id_b,
        decision,
        reviewer,
        reviewed_at,
        note,
        created_at,
        run_id
    from pairs
)

select * from final
