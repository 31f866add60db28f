-- claims_of_previous_version: how many claims the version before the current one of $document_ids had.
select count(*) from claim_rows c
join document_versions d on d.document_id = c.document_id and d.version = c.version + 1
where d.is_current and list_contains($document_ids, c.document_id)
