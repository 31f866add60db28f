-- Facts charted by `claimhouse report`: the most disputed first, or the one asked for.
select fact_id, fact_key, subject, unit, place, period_start, period_end, n_claims, n_documents, n_conflicts
from facts
where ($fact_key is null and n_documents > 1) or fact_key = $fact_key
order by n_conflicts desc, n_documents desc, fact_id
limit $limit
