-- keep_first_found: a link just stored whose link_id and relation were stored before (the same
-- two claims restated by a new version of a document) keeps the run and time it was first found,
-- so `claimhouse conflicts --since last-run` does not announce it again.
update link_rows
set run_id = p.prior_run_id, created_at = p.prior_created_at
from (select * from pending_links where prior_run_id is not null) as p
where link_rows.run_id = $run_id
    and link_rows.claim_id_a = p.claim_id_a
    and link_rows.claim_id_b = p.claim_id_b
