-- 0004_link_rows_without_reason: link_rows loses `reason`. Nothing has written it since links
-- are staged from `link_candidates` (warehouse/links/pending_chunk.sql carries no reason) and
-- nothing reads it: the `claim_links` view words the reason from the two claims.
alter table link_rows drop column reason;
