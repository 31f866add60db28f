-- The audit trail, newest first (used by `claimhouse review log`).
select reviewed_at, reviewer, target, decision, field, previous, corrected, quote_a, quote_b, fact_id, note, in_force
from reviews
order by reviewed_at desc, review_id desc
limit $limit
