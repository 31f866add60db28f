-- The current claim a review names (used by `claimhouse review claim|link`): its stable key
-- and the fields a correction may replace, as the `claims` view shows them now.
select
    c.claim_id,
    c.uri,
    c.quote,
    k.review_key,
    c.value,
    c.unit,
    c.subject,
    c.period_start,
    c.period_end
from claims as c
inner join review_keys as k using (claim_id)
where c.claim_id = $claim_id
