-- first_claims_of_new_version: documents whose current version (2 or later) gets its first claims from this
-- batch: their previous version's claims leave `claims`.
select distinct i.document_id from incoming_claims i
join document_versions d on d.document_id = i.document_id and d.version = i.version and d.is_current
where i.version > 1
  and not exists (select 1 from claim_rows c
                  where c.document_id = i.document_id and c.version = i.version)
