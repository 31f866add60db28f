-- claims_without_document: incoming claims whose document version is not stored (a few, to name them).
select distinct i.document_id, i.version from incoming_claims i
where not exists (select 1 from document_versions d
                  where d.document_id = i.document_id and d.version = i.version)
order by 1, 2 limit 5
