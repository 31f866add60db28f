-- count_new_conflicts: pairs of value groups that conflict (or update) first found by run $run_id:
-- the rows of `group_links` with relation <> 'agrees' and run_id = $run_id, counted without
-- building them. A pair of groups is found by its first candidate pair of claims (the first 3
-- claims of each group, from different documents, not taken apart), in the order
-- (later created_at, lower claim_id, higher claim_id), and belongs to the run of its later claim.
--
-- Two ways, so that a first run never aggregates its pairs of groups (they grow with the square
-- of a block's groups: 2.0 million conflicting pairs at 20,000 generated documents, whose first
-- pairs no longer fit the writer's 256MB at 50,000):
--   counted  a pair one of whose groups is *fresh* (every shown claim is this run's: its first
--            pair's later claim is one of them, since this run's rows are the latest; a clock set
--            back between runs would break this) and neither of which has a shown claim in a pair
--            a person took apart: it is this run's, and has a first pair unless every shown
--            claim of both groups is in one and the same document. Only counted, streamed.
--   found    every other pair touching the run's groups (a group restated or grown by this run,
--            a pair taken apart): its first pair found as a struct of numbers (the shown claims
--            numbered in claim_id order), few on a re-run, none on a first run.
-- Pairs only a person's decisions relate (`decided_links`) are counted as `group_links` shows them.
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

-- claims in a pair a person took apart
apart as (
    select claim_id_a as claim_id from dismissed_links
    where claim_id_b is not null
    union
    select claim_id_b from dismissed_links
    where claim_id_b is not null
),

-- each group, from its shown claims
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

-- the groups of the blocks with a fresh group (by a hash of block_key: a collision only adds groups):
-- a pair with a fresh group is in one of them. On a re-run they are few, so the pairs of the
-- warehouse are matched against a small table (a 1 %-changed re-run at 100,000 documents: 16.8 ->
-- 5.8 s); on a first run they are all the groups
fresh_blocks as materialized (
    select g.group_id, g.fresh, g.apart, g.one_document
    from shown_groups as g
    semi join (select block_hash from shown_groups where fresh) as f on f.block_hash = g.block_hash
),

counted as (
    select count(*) as n
    from group_candidates as r
    inner join fresh_blocks as a on a.group_id = r.group_id_a
    inner join fresh_blocks as b on b.group_id = r.group_id_b
    where r.relation <> 'agrees'
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
    where r.relation <> 'agrees'
        and (r.group_id_a in (select group_id from touched) or r.group_id_b in (select group_id from touched))
        and not ((a.fresh or b.fresh) and not a.apart and not b.apart)
),

first_found as (
    select
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
),

found as (
    select count(*) as n
    from first_found as f
    inner join shown as a on a.claim_no = f.link.a
    inner join shown as b on b.claim_no = f.link.b
    where case when a.created_at >= b.created_at then a.run_id else b.run_id end = $run_id
),

decided as (
    select arg_min(d.run_id, (d.created_at, d.claim_id_a, d.claim_id_b)) as run_id
    from decided_links as d
    anti join group_candidates as r
        on r.group_id_a = least(d.group_id_a, d.group_id_b) and r.group_id_b = greatest(d.group_id_a, d.group_id_b)
    where d.relation <> 'agrees'
    group by least(d.group_id_a, d.group_id_b), greatest(d.group_id_a, d.group_id_b), d.relation, d.severity
)

select (select n from counted) + (select n from found) + (select count(*) from decided where run_id = $run_id)
