-- document_texts: the text of the current version of each document.
-- `claims.span_start` / `claims.span_end` index this text:
-- substr(text, span_start + 1, span_end - span_start) = quote.
--
-- document_id  first 16 hex digits of sha256(uri)
-- version      current version of the document
-- text         the extracted main text

create or replace view document_texts as

with

versions as (
    select * from document_versions
),

final as (
    select
        document_id,
        version,
        text
    from versions
    where is_current
)

select * from final
