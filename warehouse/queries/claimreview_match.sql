-- Current claims a published ClaimReview may be about: those of the documents at its
-- appearance URLs (flows/claimreview.py: import matches the reviewed words against them).
select c.claim_id, c.uri, c.quote, c.sentence
from claims as c
where c.uri in (select unnest($uris::text[]))
order by c.uri, c.span_start
