-- What each document claims, in numbers.
select d.title, count(c.claim_id) as claims, count(distinct c.unit) as units
from documents d left join claims c using (document_id, version) group by d.title order by claims desc
