-- The facts whose fact_id starts with $fact_id (used by `claimhouse review fact`).
select fact_id, fact_key, subject
from facts
where starts_with(fact_id, $fact_id)
order by fact_id
limit 21
