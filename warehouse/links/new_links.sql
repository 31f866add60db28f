-- new_links: stage the link candidates not stored yet (re-running a link step adds nothing)
-- in a temporary table, numbered so they can be validated and stored a chunk at a time.
-- A candidate whose link_id and relation are already stored (the same two claims, restated by
-- a new version of a document) keeps the run and time it was first found: prior_run_id,
-- prior_created_at. So `claimhouse conflicts --since last-run` shows only what is really new.
-- Pairs a person took apart (`dismissed_links`: rejected, different facts, a wrong
-- extraction) are never staged again.
create or replace temp table pending_links as
with

known as (
    select link_id, relation, arg_min(run_id, created_at) as prior_run_id, min(created_at) as prior_created_at
    from link_rows
    where link_id is not null
    group by link_id, relation
),

fresh as (
    select c.*
    from link_candidates as c
    anti join link_rows as l
        on l.claim_id_a = c.claim_id_a and l.claim_id_b = c.claim_id_b
    anti join dismissed_links as d
        on d.claim_id_a = c.claim_id_a and d.claim_id_b = c.claim_id_b
    where c.claim_id_a not in (select claim_id_a from dismissed_links where claim_id_b is null)
        and c.claim_id_b not in (select claim_id_a from dismissed_links where claim_id_b is null)
)

select row_number() over () as n, fresh.*, known.prior_run_id, known.prior_created_at
from fresh
left join known using (link_id, relation)
