-- claim_ids_elsewhere: incoming claim ids already stored for another document or version.
select i.claim_id, c.version, i.version from incoming_claims i
join claim_rows c on c.claim_id = i.claim_id
where c.document_id <> i.document_id or c.version <> i.version
order by 1 limit 5
