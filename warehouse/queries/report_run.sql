-- The latest run and the warehouse's size, for the report's summary.
select
    r.run_id, r.started_at, r.ended_at, r.status, r.sources_tried, r.docs_new, r.docs_changed,
    r.docs_unchanged, r.docs_failed, r.claims_added, r.links_found, r.conflicts_new,
    (select count(*) from documents) as documents,
    (select count(*) from claims) as claims,
    (select count(*) from conflicts) as conflicts,
    (select count(*) from review_rows) as decisions
from (select 1) as one
left join (select * from runs order by started_at desc limit 1) as r on true
