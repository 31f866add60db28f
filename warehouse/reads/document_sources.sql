-- document_sources: which source each stored document belongs to, so that a feed entry naming
-- another source's document (its guid is that document's URI) is refused, not applied.
select document_id, source
from document_versions
where is_current
