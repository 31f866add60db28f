-- store_groups: the staged claims (new_groups.sql) with their current group; the rows of their
-- old group are deleted first (drop_regrouped.sql).
insert into claim_groups by name
select claim_id, claim_key, group_id, coalesce(prior_run_id, $run_id) as run_id,
       coalesce(prior_created_at, now()) as created_at
from pending_groups
