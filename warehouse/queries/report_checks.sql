-- Reference checks with a verdict for `claimhouse report`: contradicted first.
select
    x.claim_id, x.verdict, x.quote, x.reason, x.publisher, x.source_url, x.reference_period,
    c.uri, d.title
from reference_checks as x
inner join claims as c on c.claim_id = x.claim_id
inner join documents as d on d.document_id = c.document_id
where x.verdict <> 'no reference' and ($fact_key is null or c.fact_key = $fact_key)
order by case x.verdict when 'contradicted' then 0 else 1 end, x.claim_id
limit $limit
