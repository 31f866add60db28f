-- worded_links: links with their reason in words, for the two ways links are read: every pair
-- (shown_by = 'pair', as `claim_links` words them) and one pair per pair of value groups
-- (shown_by = 'group', from `group_links`, as `conflicts` words them). One wording for both
-- (warehouse/macros/reasons.sql); a reader filters on shown_by, and the other branch is never
-- computed. `claim_links` and `conflicts` do not read this view, so that reading one never plans
-- the other's links.
--
-- shown_by                 pair | group
-- group_id_a, group_id_b   the two value groups (shown_by = 'group'; null for 'pair')
-- n_claims_a, n_claims_b   claims in the group of claim_id_a, of claim_id_b (shown_by = 'group')
-- link_id, claim_id_a, claim_id_b, relation, reason, severity, copy, created_at, run_id
--                          as in `claim_links`; the reason of a pair a person said is the same fact
--                          (`link_decisions`: same-fact or confirm) ends with who decided, when and why

create or replace view worded_links as

with

-- the pairs come worded from `claim_links`; the pairs of value groups (`group_links`) are worded
-- here, as `conflicts` words its own, with the one wording of warehouse/macros/reasons.sql
pair_links as (
    select
        'pair' as shown_by,
        null::ubigint as group_id_a,
        null::ubigint as group_id_b,
        null::bigint as n_claims_a,
        null::bigint as n_claims_b,
        link_id,
        claim_id_a,
        claim_id_b,
        relation,
        reason,
        severity,
        copy,
        created_at,
        run_id
    from claim_links
),

decisions as (
    select claim_id_a, claim_id_b, decision, reviewer, reviewed_at, note from link_decisions
    where same_fact
),

titled_claims as (
    select c.claim_id, c.quote, c.measure, c.scope, c.when_start, c.when_end, c.evolving, c.interval_low,
           c.interval_high, c.evidence, coalesce(d.title, d.uri) as title
    from claims as c
    inner join documents as d using (document_id, version)
),

shown_links as (
    select
        'group' as shown_by,
        links.group_id_a,
        links.group_id_b,
        links.n_claims_a,
        links.n_claims_b,
        links.link_id,
        links.claim_id_a,
        links.claim_id_b,
        links.relation,
        link_reason(links.relation, a.quote, a.title, b.quote, b.title,
                    link_fact(a.measure, a.scope, a.when_start, a.when_end, a.evolving),
                    a.evidence, b.evidence, a.interval_low, a.interval_high, b.interval_low, b.interval_high,
                    links.copy, decisions.decision, decisions.reviewer, decisions.reviewed_at, decisions.note)
            as reason,
        links.severity,
        links.copy,
        links.created_at,
        links.run_id
    from group_links as links
    left join decisions using (claim_id_a, claim_id_b)
    inner join titled_claims as a on a.claim_id = links.claim_id_a
    inner join titled_claims as b on b.claim_id = links.claim_id_b
),

final as (
    select * from pair_links
    union all
    select * from shown_links
)

select * from final
