-- worded_links: links with their reason in words, for the two ways links are read: every pair
-- (shown_by = 'pair', read by `claim_links`) and one pair per pair of value groups
-- (shown_by = 'group', from `group_links`, read by `conflicts`). One wording for both; a reader
-- filters on shown_by, and the other branch is never computed.
--
-- shown_by                 pair | group
-- group_id_a, group_id_b   the two value groups (shown_by = 'group'; null for 'pair')
-- n_claims_a, n_claims_b   claims in the group of claim_id_a, of claim_id_b (shown_by = 'group')
-- link_id, claim_id_a, claim_id_b, relation, reason, severity, copy, created_at, run_id
--                          as in `claim_links`; the reason of a pair a person said is the same fact
--                          (`link_decisions`: same-fact or confirm) ends with who decided, when and why

create or replace view worded_links as

with

grouped as (
    select claim_id, run_id, created_at from claim_groups
),

pair_links as (
    select
        'pair' as shown_by,
        null::ubigint as group_id_a,
        null::ubigint as group_id_b,
        null::bigint as n_claims_a,
        null::bigint as n_claims_b,
        c.link_id,
        c.claim_id_a,
        c.claim_id_b,
        c.relation,
        c.severity,
        c.copy,
        case when a.created_at >= b.created_at then a.created_at else b.created_at end as created_at,
        case when a.created_at >= b.created_at then a.run_id else b.run_id end as run_id
    from link_candidates as c
    inner join grouped as a on a.claim_id = c.claim_id_a
    inner join grouped as b on b.claim_id = c.claim_id_b
    anti join dismissed_links as d on d.claim_id_a = c.claim_id_a and d.claim_id_b = c.claim_id_b
    where c.claim_id_a not in (select claim_id_a from dismissed_links where claim_id_b is null)
        and c.claim_id_b not in (select claim_id_a from dismissed_links where claim_id_b is null)
),

shown_links as (
    select
        'group' as shown_by,
        group_id_a,
        group_id_b,
        n_claims_a,
        n_claims_b,
        link_id,
        claim_id_a,
        claim_id_b,
        relation,
        severity,
        copy,
        created_at,
        run_id
    from group_links
),

links as (
    select * from pair_links
    union all
    select * from shown_links
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

paired as (
    select
        links.*,
        a.quote as quote_a,
        b.quote as quote_b,
        a.title as title_a,
        b.title as title_b,
        a.measure,
        a.scope,
        a.when_start,
        a.when_end,
        a.evolving,
        a.evidence as evidence_a,
        b.evidence as evidence_b,
        a.interval_low as lo_a,
        a.interval_high as hi_a,
        b.interval_low as lo_b,
        b.interval_high as hi_b,
        case
            when links.relation = 'agrees' then null
            when a.interval_high < b.interval_low then 'below'
            else 'above'
        end as side,
        decisions.decision,
        decisions.reviewer,
        decisions.reviewed_at,
        decisions.note
    from links
    left join decisions using (claim_id_a, claim_id_b)
    inner join titled_claims as a on a.claim_id = links.claim_id_a
    inner join titled_claims as b on b.claim_id = links.claim_id_b
),

worded as (
    select
        *,
        coalesce(measure, 'the same measure')
            || case when scope is null then '' else ' in ' || scope end
            || case
                when when_start is null then ''
                when evolving and when_start = when_end then ' as of ' || strftime(when_start, '%Y-%m-%d')
                when when_start = when_end then ' on ' || strftime(when_start, '%Y-%m-%d')
                else ' for ' || strftime(when_start, '%Y-%m-%d') || '..' || strftime(when_end, '%Y-%m-%d')
            end as fact,
        '[' || coalesce(cast(lo_a as varchar), '-inf') || ', ' || coalesce(cast(hi_a as varchar), 'inf') || ']' as interval_a,
        '[' || coalesce(cast(lo_b as varchar), '-inf') || ', ' || coalesce(cast(hi_b as varchar), 'inf') || ']' as interval_b
    from paired
),

final as (
    select
        shown_by,
        group_id_a,
        group_id_b,
        n_claims_a,
        n_claims_b,
        link_id,
        claim_id_a,
        claim_id_b,
        relation,
        case relation
            when 'agrees' then format('"{}" ({}) agrees with "{}" ({})', quote_a, title_a, quote_b, title_b)
            when 'updates' then format('"{}" ({}) and "{}" ({}): the later figure updates the earlier one',
                                       quote_a, title_a, quote_b, title_b)
            else format('"{}" ({}) is {} "{}" ({})', quote_a, title_a, coalesce(side, 'apart from'), quote_b, title_b)
        end
        || format(' for {}', fact)
        || format('. Same fact: a: {}; b: {}', coalesce(evidence_a, 'no evidence'), coalesce(evidence_b, 'no evidence'))
        || format('. Values: {} and {} {}', interval_a, interval_b,
                  case when relation = 'agrees' then 'overlap' else 'do not overlap' end)
        || case when copy then '; the same sentence in both documents, or near-same documents: a copy, not an independent source' else '' end
        || case when decision is null then ''
                else format('. A person decided they are the same fact: {} by {} on {}{}', decision, reviewer,
                            strftime(reviewed_at at time zone 'UTC', '%Y-%m-%d %H:%M UTC'), coalesce(' (' || note || ')', ''))
           end
            as reason,
        severity,
        copy,
        created_at,
        run_id
    from worded
)

select * from final
