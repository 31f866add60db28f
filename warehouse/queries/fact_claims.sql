-- Every claim of one fact (used by `claimhouse fact ID`): its document, value and verdict.
with the_fact as (
    select fact_key from facts where starts_with(fact_id, $fact_id)
)
select
    c.claim_id,
    d.title,
    d.published_at,
    c.quote,
    c.value,
    c.low,
    c.high,
    c.unit,
    c.qualifier,
    r.verdict,
    c.uri
from claims as c
inner join the_fact using (fact_key)
inner join documents as d using (document_id, version)
left join reference_checks as r using (claim_id)
order by d.published_at desc nulls last, c.claim_id
