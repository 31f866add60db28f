-- pending_chunk: one chunk of the staged links, for validation and storing.
select link_id, claim_id_a, claim_id_b, relation, severity, copy, prior_run_id is not null as restated
from pending_links
where n > $lo and n <= $hi
