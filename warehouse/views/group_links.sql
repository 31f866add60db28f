-- group_links: pairs of value groups the pair rule relates (`group_candidates`), among the claims a
-- link step has grouped (`claim_groups`), each shown by one pair of its claims: one row however
-- many claims state each side, so counting and listing conflicts never spells out a big fact's
-- pairs (`claim_links` has every pair). A pair of groups is left out when none of its shown
-- candidates (the first 3 claims found of each group, from different documents) is a link:
-- a pair a person took apart (`dismissed_links`) is no evidence. A pair of groups the rule does
-- not relate but a person's same-fact decision on two of their claims does (`decided_links`) is
-- shown by its first decided pair, its n_claims counting the decided claims of each side.
--
-- group_id_a, group_id_b   the two groups (equal for a group's claims agreeing with each other)
-- relation                 agrees | conflicts | updates
-- severity                 relative gap between the two groups' intervals (0 when they agree)
-- claim_id_a, claim_id_b   the claims that show it: the first found pair (lower claim_id first)
-- link_id                  their link's id, as in `claim_links`
-- copy                     their link is a copy, as in `claim_links`
-- n_claims_a, n_claims_b   claims in the group of claim_id_a, and of claim_id_b
-- created_at, run_id       when, and by which run, the pair of groups was first found (the
--                          shown link's; a new group makes its pairs new)

create or replace view group_links as

with

-- each view this one reads, read once (DuckDB binds a view once per reference, a CTE once)
grouped as (
    select claim_id, document_id, group_id, run_id, created_at, claim_key, copy_key, sketch from grouped_claims
),

related as (
    select * from group_candidates
),

dismissed as (
    select * from dismissed_links
),

dismissed_claims as (
    select claim_id_a as claim_id from dismissed
    where claim_id_b is null
),

members as (
    select s.claim_id, s.document_id, s.group_id, s.run_id, s.created_at
    from grouped as s
    anti join dismissed_claims as x on x.claim_id = s.claim_id
),

ranked as (
    select
        *,
        count(*) over (partition by group_id) as n_claims,
        row_number() over (partition by group_id order by created_at, claim_id) as rank
    from members
),

shown as (
    select * from ranked
    where rank <= 3
),

candidates as (
    select
        r.group_id_a,
        r.group_id_b,
        r.relation,
        r.severity,
        {
            'claim_id_a': least(a.claim_id, b.claim_id),
            'claim_id_b': greatest(a.claim_id, b.claim_id),
            'n_claims_a': case when a.claim_id < b.claim_id then a.n_claims else b.n_claims end,
            'n_claims_b': case when a.claim_id < b.claim_id then b.n_claims else a.n_claims end,
            'created_at': greatest(a.created_at, b.created_at),
            'run_id': case when a.created_at >= b.created_at then a.run_id else b.run_id end
        } as link,
        (greatest(a.created_at, b.created_at), least(a.claim_id, b.claim_id), greatest(a.claim_id, b.claim_id))
            as found_order
    from related as r
    inner join shown as a on a.group_id = r.group_id_a
    inner join shown as b on b.group_id = r.group_id_b
    anti join dismissed as d
        on d.claim_id_a = least(a.claim_id, b.claim_id) and d.claim_id_b = greatest(a.claim_id, b.claim_id)
    where a.document_id <> b.document_id
        and (r.group_id_a < r.group_id_b or a.claim_id < b.claim_id)
),

first_found as (
    select group_id_a, group_id_b, relation, severity, arg_min(link, found_order) as link
    from candidates
    group by group_id_a, group_id_b, relation, severity
),

-- pairs of groups only a person's decisions relate, each shown by the first decided pair found; the
-- claims behind each side are those decided (the decision linked them, not their whole groups)
decided as (
    select
        least(d.group_id_a, d.group_id_b) as group_id_a,
        greatest(d.group_id_a, d.group_id_b) as group_id_b,
        d.relation,
        d.severity,
        arg_min({
            'claim_id_a': d.claim_id_a, 'claim_id_b': d.claim_id_b, 'link_id': d.link_id, 'copy': d.copy,
            'a_in_lower': d.group_id_a <= d.group_id_b, 'created_at': d.created_at, 'run_id': d.run_id
        }, (d.created_at, d.claim_id_a, d.claim_id_b)) as link,
        count(distinct case when d.group_id_a <= d.group_id_b then d.claim_id_a else d.claim_id_b end) as n_lower,
        count(distinct case when d.group_id_a <= d.group_id_b then d.claim_id_b else d.claim_id_a end) as n_higher
    from decided_links as d
    anti join related as r
        on r.group_id_a = least(d.group_id_a, d.group_id_b) and r.group_id_b = greatest(d.group_id_a, d.group_id_b)
    group by all
),

-- what is per pair of claims (link id, copy) only for the pair shown
keyed as (
    select claim_id, claim_key, copy_key, sketch from grouped
),

final as (
    select
        f.group_id_a,
        f.group_id_b,
        f.relation,
        f.severity,
        f.link.claim_id_a,
        f.link.claim_id_b,
        md5_number_lower(case when a.claim_key < b.claim_key then a.claim_key || b.claim_key
                              else b.claim_key || a.claim_key end) as link_id,
        a.copy_key = b.copy_key
            or len(list_intersect(a.sketch, b.sketch)) >= 8 and a.sketch <> [''] as copy,
        f.link.n_claims_a,
        f.link.n_claims_b,
        f.link.created_at,
        f.link.run_id
    from first_found as f
    inner join keyed as a on a.claim_id = f.link.claim_id_a
    inner join keyed as b on b.claim_id = f.link.claim_id_b
    union all
    select
        group_id_a, group_id_b, relation, severity, link.claim_id_a, link.claim_id_b, link.link_id, link.copy,
        case when link.a_in_lower then n_lower else n_higher end,
        case when link.a_in_lower then n_higher else n_lower end,
        link.created_at, link.run_id
    from decided
)

select * from final
