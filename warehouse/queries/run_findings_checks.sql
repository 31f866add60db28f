-- Claims stored by a run that a reference figure contradicts (flows/artifacts.py), by claim.
select x.quote, d.title, d.uri, x.publisher, x.reference_period, x.reason
from reference_checks as x
inner join claim_rows as c on c.claim_id = x.claim_id
inner join documents as d on d.document_id = x.document_id
where x.verdict = 'contradicted' and c.run_id = $run_id
order by x.claim_id
limit $limit
