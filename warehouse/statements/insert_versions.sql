-- insert_versions: a new current version of each incoming document that has none (new, or just
-- superseded), numbered after the latest stored.
insert into document_versions by name
select i.*, coalesce(v.latest, 0) + 1 as version,
       $run_id as run_id, true as is_current
from incoming_documents i
left join (select document_id, max(version) as latest, bool_or(is_current) as has_current
           from document_versions group by 1) v
    on v.document_id = i.document_id
where not coalesce(v.has_current, false)
