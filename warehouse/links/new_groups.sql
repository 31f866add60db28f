-- new_groups: stage the current claims not grouped yet, or whose value group changed (a claim
-- the rule now reads differently), in a temporary table. A claim whose claim_key was grouped
-- before in the same group (the same claim, restated by a new version of its document) keeps
-- the run and time it was first grouped: prior_run_id, prior_created_at. So its links keep
-- their age, and `claimhouse conflicts --since last-run` shows only what is really new.
-- Linear in the claims: one row per claim, whatever the size of its fact.
-- `fresh` is materialized first and `known` reads only the groups of its claim_keys: a re-run's few
-- changed claims do not aggregate the whole of claim_groups (at 100,000 documents that aggregate
-- failed a 1 %-changed re-run under the default 512MB: an allocation DuckDB does not spill).
create or replace temp table pending_groups as
with

fresh as materialized (
    select s.claim_id, s.claim_key, s.group_id
    from claim_signatures as s
    anti join claim_groups as g on g.claim_id = s.claim_id and g.group_id = s.group_id
),

known as (
    select g.claim_key, g.group_id, arg_min(g.run_id, g.created_at) as prior_run_id, min(g.created_at) as prior_created_at
    from claim_groups as g
    semi join fresh as f on f.claim_key = g.claim_key and f.group_id = g.group_id
    group by g.claim_key, g.group_id
)

select fresh.*, known.prior_run_id, known.prior_created_at
from fresh
left join known using (claim_key, group_id)
