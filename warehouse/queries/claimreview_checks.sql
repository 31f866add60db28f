-- Reference checks with a verdict, with the claim and its document (flows/claimreview.py: export
-- of automated checks against a publisher's figure).
select
    x.claim_id,
    x.verdict,
    x.reference_value,
    x.reference_unit,
    x.reference_period,
    x.publisher,
    x.source_url,
    x.reason,
    c.quote,
    c.sentence,
    c.attribution,
    c.uri,
    d.title,
    d.published_at,
    d.source
from reference_checks as x
inner join claims as c using (claim_id)
inner join documents as d on d.document_id = c.document_id and d.version = c.version
where x.verdict in ('supported', 'contradicted')
order by x.claim_id
