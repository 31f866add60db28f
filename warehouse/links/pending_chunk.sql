-- pending_chunk: one chunk of the staged links, for validation and storing.
select claim_id_a, claim_id_b, relation, severity
from pending_links
where n > $lo and n <= $hi
