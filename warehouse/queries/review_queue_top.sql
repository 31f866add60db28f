-- The top of the review queue (used by `claimhouse review queue`).
select priority, item, claim_id_a, claim_id_b, fact_id, quote_a, quote_b, reason, repeated, is_new
from review_queue
order by priority
limit $limit
