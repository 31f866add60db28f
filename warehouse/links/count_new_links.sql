-- count_new_links: links (pairs of `claim_links`) first found by run $run_id, counted from the
-- sizes of value groups instead of spelled out: for two related groups A and B, the pairs from
-- different documents are |A||B| minus the sum over documents of |A_d||B_d| (for a group with
-- itself, half of |A|^2 minus the sum of |A_d|^2); the new ones are those less the pairs of
-- claims grouped before this run, less the new pairs a person took apart (`dismissed_links`), plus
-- the new pairs only a person's same-fact decision links (`decided_links`, one pair each).
with

-- dismissed_links read once (DuckDB binds a view once per reference, a CTE once)
dismissed as (
    select * from dismissed_links
),

dismissed_claims as (
    select claim_id_a as claim_id from dismissed
    where claim_id_b is null
),

members as materialized (
    select s.claim_id, s.document_id, s.block_key, s.group_id, s.run_id = $run_id as is_new
    from grouped_claims as s
    anti join dismissed_claims as x on x.claim_id = s.claim_id
),

touched as (
    select distinct group_id from members
    where is_new
),

related as materialized (
    select group_id_a, group_id_b from group_candidates
    where group_id_a in (select group_id from touched) or group_id_b in (select group_id from touched)
),

sizes as (
    select group_id, count(*) as n, count(*) filter (where not is_new) as n_old
    from members
    group by group_id
),

per_document as (
    select group_id, document_id, block_key, count(*) as n, count(*) filter (where not is_new) as n_old
    from members
    group by group_id, document_id, block_key
),

same_document as (
    select a.group_id as group_id_a, b.group_id as group_id_b, sum(a.n * b.n) as n, sum(a.n_old * b.n_old) as n_old
    from per_document as a
    inner join per_document as b
        on b.document_id = a.document_id and b.block_key = a.block_key and a.group_id <= b.group_id
    semi join related as r on r.group_id_a = a.group_id and r.group_id_b = b.group_id
    group by a.group_id, b.group_id
),

counted as (
    select
        case when r.group_id_a = r.group_id_b
            then ((a.n * a.n - coalesce(d.n, 0)) - (a.n_old * a.n_old - coalesce(d.n_old, 0))) // 2
            else (a.n * b.n - coalesce(d.n, 0)) - (a.n_old * b.n_old - coalesce(d.n_old, 0))
        end as new_pairs
    from related as r
    inner join sizes as a on a.group_id = r.group_id_a
    inner join sizes as b on b.group_id = r.group_id_b
    left join same_document as d on d.group_id_a = r.group_id_a and d.group_id_b = r.group_id_b
),

taken_apart as (
    select count(*) as n
    from dismissed as x
    inner join members as a on a.claim_id = x.claim_id_a
    inner join members as b on b.claim_id = x.claim_id_b
    semi join related as r
        on r.group_id_a = least(a.group_id, b.group_id) and r.group_id_b = greatest(a.group_id, b.group_id)
    where (a.is_new or b.is_new) and a.document_id <> b.document_id
),

decided as (
    select count(*) as n
    from decided_links as d
    anti join related as r
        on r.group_id_a = least(d.group_id_a, d.group_id_b) and r.group_id_b = greatest(d.group_id_a, d.group_id_b)
    where d.run_id = $run_id
)

select coalesce((select sum(new_pairs) from counted), 0) - (select n from taken_apart) + (select n from decided)
