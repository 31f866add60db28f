-- Every claim of the charted facts (`claimhouse report`): when it was published, what it says,
-- the reference figure it was checked against and the reviewed verdict on it.
select
    c.fact_key, c.claim_id, c.quote, c.value, c.low, c.high, c.qualifier, c.interval_low, c.interval_high,
    coalesce(d.published_at, cast(d.fetched_at as date)) as published_at, d.title, d.uri,
    x.verdict, x.reference_value, x.reference_unit, x.reference_period, x.publisher,
    v.rating
from claims as c
inner join documents as d on d.document_id = c.document_id and d.version = c.version
left join reference_checks as x on x.claim_id = c.claim_id
left join claim_verdicts as v on v.claim_id = c.claim_id and v.source = 'desk'
where c.fact_key in (select unnest($fact_keys::text[]))
order by c.fact_key, published_at, c.claim_id
