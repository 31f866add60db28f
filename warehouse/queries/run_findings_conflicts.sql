-- Conflicts a run found (flows/artifacts.py: the run's Prefect artifact and webhook), worst first.
select quote_a, title_a, uri_a, quote_b, title_b, uri_b, reason, severity
from conflicts
where run_id = $run_id
order by severity desc, claim_id_a, claim_id_b
limit $limit
