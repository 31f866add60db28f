-- The current text of some documents (`claimhouse report` cuts each quote's paragraph from it).
select document_id, text
from document_texts
where document_id in (select unnest($ids::text[]))
