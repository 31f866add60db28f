-- Facts stated by more than one document, most disputed first (used by `claimhouse facts`).
select fact_id, subject, unit, place, period_start, period_end, n_documents, n_conflicts, value_min, value_max
from facts
where n_documents > 1
order by n_conflicts desc, n_documents desc, fact_id
limit $limit
