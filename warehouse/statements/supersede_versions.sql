-- supersede_versions: the current version of each incoming document whose text changed stops being
-- current.
update document_versions set is_current = false, superseded_at = now()
from incoming_documents i
where document_versions.document_id = i.document_id
  and document_versions.is_current
  and document_versions.content_sha256 <> i.content_sha256
