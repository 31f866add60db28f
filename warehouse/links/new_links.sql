-- new_links: stage the link candidates not stored yet (re-running a link step adds nothing)
-- in a temporary table, numbered so they can be validated and stored a chunk at a time.
create or replace temp table pending_links as
select row_number() over () as n, c.*
from link_candidates as c
anti join link_rows as l
    on l.claim_id_a = c.claim_id_a and l.claim_id_b = c.claim_id_b
