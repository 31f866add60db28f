-- stale_claim_versions: incoming claims of $document_ids that carry another version than the current one.
select distinct i.document_id, i.version, d.version from incoming_claims i
join document_versions d on d.document_id = i.document_id and d.is_current
where i.version <> d.version and list_contains($document_ids, i.document_id)
order by 1 limit 5
