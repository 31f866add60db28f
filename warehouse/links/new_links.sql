-- new_links: link candidates not stored yet (re-running a link step adds nothing).
select c.*
from link_candidates as c
anti join link_rows as l
    on l.claim_id_a = c.claim_id_a and l.claim_id_b = c.claim_id_b
order by c.claim_id_a, c.claim_id_b
