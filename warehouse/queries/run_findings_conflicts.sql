-- Conflicts a run found (flows/artifacts.py: the run's Prefect artifact and webhook), worst first:
-- the rows of `conflicts` with run_id = $run_id, in the order severity desc, claim_id_a, claim_id_b,
-- at most $limit of them (tests/flows/test_write_limits.py compares the two).
-- `conflicts` keeps the first found pair of claims of every pair of value groups before the run_id
-- filter and the limit; here, as in warehouse/links/count_new_conflicts.sql (which says why a pair
-- with a fresh group is the run's), the pairs with a fresh group are streamed and only those as
-- severe as the $limit-th worst of the run get their first pair found; the other pairs touching
-- the run's groups get it as a struct of numbers; and only the $limit rows shown are worded
-- (warehouse/macros/reasons.sql, as `conflicts` words them).
with

dismissed_claims as (
    select claim_id_a as claim_id from dismissed_links
    where claim_id_b is null
),

members as (
    select s.claim_id, s.document_id, s.group_id, hash(s.block_key) as block_hash, s.run_id, s.created_at
    from grouped_claims as s
    anti join dismissed_claims as x on x.claim_id = s.claim_id
),

ranked as (
    select *, row_number() over (partition by group_id order by created_at, claim_id) as rank
    from members
),

-- a pair of groups belongs to the run of its first pair's later claim, so to a run with a claim in
-- one of the two groups: only those pairs are formed (all of them on a first run, few on a re-run)
touched as (
    select distinct group_id from members
    where run_id = $run_id
),

shown as materialized (
    select *, row_number() over (order by claim_id) as claim_no
    from ranked
    where rank <= 3
),

-- pairs of groups only a person's decisions relate, shown by the first decided pair (`group_links`)
decided as (
    select
        d.severity,
        arg_min({'claim_id_a': d.claim_id_a, 'claim_id_b': d.claim_id_b, 'run_id': d.run_id},
                (d.created_at, d.claim_id_a, d.claim_id_b)) as link
    from decided_links as d
    anti join group_candidates as r
        on r.group_id_a = least(d.group_id_a, d.group_id_b) and r.group_id_b = greatest(d.group_id_a, d.group_id_b)
    where d.relation = 'conflicts'
    group by least(d.group_id_a, d.group_id_b), greatest(d.group_id_a, d.group_id_b), d.relation, d.severity
),

-- claims in a pair a person took apart
apart as (
    select claim_id_a as claim_id from dismissed_links
    where claim_id_b is not null
    union
    select claim_id_b from dismissed_links
    where claim_id_b is not null
),

-- each group, from its shown claims (as in count_new_conflicts.sql)
shown_groups as materialized (
    select
        group_id,
        any_value(block_hash) as block_hash,
        bool_and(coalesce(run_id = $run_id, false)) as fresh,
        case when min(document_id) = max(document_id) then min(document_id) end as one_document,
        bool_or(claim_id in (select claim_id from apart)) as apart
    from shown
    group by group_id
),

-- the groups of the blocks with a fresh group, as in count_new_conflicts.sql: a pair with a fresh
-- group is in one of them
fresh_blocks as materialized (
    select g.group_id, g.fresh, g.apart, g.one_document
    from shown_groups as g
    semi join (select block_hash from shown_groups where fresh) as f on f.block_hash = g.block_hash
),

-- conflicting pairs of groups, one of them fresh, neither taken apart, not in one same document:
-- the run's, found without their first pair
streamed as not materialized (
    select r.group_id_a, r.group_id_b, r.severity
    from group_candidates as r
    inner join fresh_blocks as a on a.group_id = r.group_id_a
    inner join fresh_blocks as b on b.group_id = r.group_id_b
    where r.relation = 'conflicts'
        and streamed_pair(a.fresh, b.fresh, a.apart, b.apart, a.one_document, b.one_document)
),

-- a pair of `rest` has a group taken apart, or a touched group that is not fresh (both are not
-- fresh): only the pairs of those groups are formed (none on a first run: its groups are all fresh)
driving as (
    select group_id from shown_groups
    where apart or not fresh and group_id in (select group_id from touched)
),

rest as materialized (
    select r.group_id_a, r.group_id_b, r.relation, r.severity
    from (
        select * from group_candidates semi join driving as k on k.group_id = group_id_a
        union
        select * from group_candidates semi join driving as k on k.group_id = group_id_b
    ) as r
    inner join shown_groups as a on a.group_id = r.group_id_a
    inner join shown_groups as b on b.group_id = r.group_id_b
    where r.relation = 'conflicts'
        and (r.group_id_a in (select group_id from touched) or r.group_id_b in (select group_id from touched))
        and not ((a.fresh or b.fresh) and not a.apart and not b.apart)
),

-- the pairs of `rest` that are the run's, and the decided ones, with their shown pair
rest_found as materialized (
    select f.severity, least(a.claim_id, b.claim_id) as claim_id_a, greatest(a.claim_id, b.claim_id) as claim_id_b
    from (
        select
            r.severity,
            min({'created_at': greatest(a.created_at, b.created_at), 'lo': least(a.claim_no, b.claim_no),
                 'hi': greatest(a.claim_no, b.claim_no), 'a': a.claim_no, 'b': b.claim_no}) as link
        from rest as r
        inner join shown as a on a.group_id = r.group_id_a
        inner join shown as b on b.group_id = r.group_id_b
        anti join dismissed_links as d
            on d.claim_id_a = least(a.claim_id, b.claim_id) and d.claim_id_b = greatest(a.claim_id, b.claim_id)
        where a.document_id <> b.document_id
            and (r.group_id_a < r.group_id_b or a.claim_id < b.claim_id)
        group by r.group_id_a, r.group_id_b, r.relation, r.severity
    ) as f
    inner join shown as a on a.claim_no = f.link.a
    inner join shown as b on b.claim_no = f.link.b
    where case when a.created_at >= b.created_at then a.run_id else b.run_id end = $run_id
),

-- the severity of the $limit-th worst conflict of the run: only pairs as severe get their first pair
cutoff as materialized (
    select min(severity) as severity from (
        select severity from (
            select severity from streamed
            union all
            select severity from rest_found
            union all
            select severity from decided
            where link.run_id = $run_id
        )
        order by severity desc
        limit $limit
    )
),

-- the streamed pairs as severe as the cutoff, kept apart from the joins below so that the cutoff is
-- applied before them (in one query DuckDB joined every streamed pair to its claims first), and
-- applied to the pairs of groups before they are joined to their groups' flags: filtering
-- `streamed` instead, DuckDB joined every pair to the flags and then the cutoff (a nested loop
-- over 32 million pairs at 100,000 documents: 49.6 s for the query, 36.6 s this way)
worst as materialized (
    select r.group_id_a, r.group_id_b, r.severity
    from (
        select group_id_a, group_id_b, severity from group_candidates
        where relation = 'conflicts' and severity >= (select severity from cutoff)
    ) as r
    inner join fresh_blocks as a on a.group_id = r.group_id_a
    inner join fresh_blocks as b on b.group_id = r.group_id_b
    where streamed_pair(a.fresh, b.fresh, a.apart, b.apart, a.one_document, b.one_document)
),

first_found as (
    select
        r.severity,
        min({'created_at': greatest(a.created_at, b.created_at), 'lo': least(a.claim_no, b.claim_no),
             'hi': greatest(a.claim_no, b.claim_no), 'a': a.claim_no, 'b': b.claim_no}) as link
    from worst as r
    inner join shown as a on a.group_id = r.group_id_a
    inner join shown as b on b.group_id = r.group_id_b
    where a.document_id <> b.document_id
    group by r.group_id_a, r.group_id_b, r.severity
),

found as (
    select
        least(a.claim_id, b.claim_id) as claim_id_a,
        greatest(a.claim_id, b.claim_id) as claim_id_b,
        f.severity
    from first_found as f
    inner join shown as a on a.claim_no = f.link.a
    inner join shown as b on b.claim_no = f.link.b
    union all
    select claim_id_a, claim_id_b, severity from rest_found
),

picked as (
    select * from (
        select claim_id_a, claim_id_b, severity from found
        union all
        select link.claim_id_a, link.claim_id_b, severity from decided
        where link.run_id = $run_id
    )
    order by severity desc, claim_id_a, claim_id_b
    limit $limit
),

decisions as (
    select claim_id_a, claim_id_b, decision, reviewer, reviewed_at, note from link_decisions
    where same_fact
),

keyed as (
    select claim_id, copy_key, sketch from grouped_claims
),

titled_claims as (
    select c.claim_id, c.document_id, c.uri, c.quote, c.measure, c.scope, c.when_start, c.when_end, c.evolving,
           c.interval_low, c.interval_high, c.evidence, coalesce(d.title, d.uri) as title, d.title as document_title
    from claims as c
    inner join documents as d using (document_id, version)
),

paired as (
    select
        p.claim_id_a,
        p.claim_id_b,
        p.severity,
        a.quote as quote_a,
        b.quote as quote_b,
        a.title as title_a,
        b.title as title_b,
        a.uri as uri_a,
        b.uri as uri_b,
        a.document_title as document_title_a,
        b.document_title as document_title_b,
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
        ka.copy_key = kb.copy_key or len(list_intersect(ka.sketch, kb.sketch)) >= 8 and ka.sketch <> [''] as copy,
        decisions.decision,
        decisions.reviewer,
        decisions.reviewed_at,
        decisions.note
    from picked as p
    left join decisions using (claim_id_a, claim_id_b)
    inner join titled_claims as a on a.claim_id = p.claim_id_a
    inner join titled_claims as b on b.claim_id = p.claim_id_b
    inner join keyed as ka on ka.claim_id = p.claim_id_a
    inner join keyed as kb on kb.claim_id = p.claim_id_b
)

select
    quote_a,
    document_title_a as title_a,
    uri_a,
    quote_b,
    document_title_b as title_b,
    uri_b,
    link_reason('conflicts', quote_a, title_a, quote_b, title_b, link_fact(measure, scope, when_start, when_end, evolving),
                evidence_a, evidence_b, lo_a, hi_a, lo_b, hi_b, copy, decision, reviewer, reviewed_at, note)
        as reason,
    severity
from paired
order by severity desc, claim_id_a, claim_id_b
