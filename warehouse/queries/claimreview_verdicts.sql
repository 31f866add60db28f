-- Verdicts given at this desk, with the claim and its document (flows/claimreview.py: export).
select
    v.claim_id,
    v.rating,
    v.via,
    v.reviewer,
    v.reviewed_at,
    v.note,
    v.evidence_url,
    c.quote,
    c.sentence,
    c.attribution,
    c.uri,
    d.title,
    d.published_at,
    d.source
from claim_verdicts as v
inner join claims as c using (claim_id)
inner join documents as d on d.document_id = c.document_id and d.version = c.version
where v.source = 'desk'
order by v.reviewed_at, v.claim_id
