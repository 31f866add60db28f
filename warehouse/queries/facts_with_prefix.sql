-- The facts whose id starts with a prefix (used by `claimhouse fact PREFIX` to insist on one fact).
select fact_id, subject, unit, place, n_claims
from facts
where starts_with(fact_id, $prefix)
order by fact_id
limit $limit
