-- document_status: each incoming document (registered as incoming_documents): new, unchanged or
-- changed against its current version, and the latest version stored.
select i.document_id,
       case when c.document_id is null then 'new'
            when c.content_sha256 = i.content_sha256 then 'unchanged'
            else 'changed' end as status,
       coalesce(v.latest, 0) as latest
from incoming_documents i
left join document_versions c on c.document_id = i.document_id and c.is_current
left join (select document_id, max(version) as latest from document_versions group by 1) v
    on v.document_id = i.document_id
