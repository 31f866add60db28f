-- documents: the current version of each document, one row per document.
--
-- document_id     first 16 hex digits of sha256(uri); stable across versions
-- version         1 for the first fetch, +1 each time the text changed
-- uri             where the document was fetched from
-- title           title found by the fetcher, if any
-- published_at    publication date found by the fetcher, if any
-- fetched_at      when this version was fetched (UTC)
-- content_sha256  sha256 of text; an unchanged hash means an unchanged document
-- content_type    media type reported by the source, if any
-- source          the source (feed, folder, site) the document came from
-- tags            labels given by the source
-- text_length     length of text in characters (claim offsets index it)
-- n_claims        number of claims stored for this version

create or replace view documents as

with

versions as (
    select * from document_versions
),

stored_claims as (
    select * from claim_rows
),

current_versions as (
    select * from versions
    where is_current
),

claim_counts as (
    select
        document_id,
        version,
        count(*) as n_claims
    from stored_claims
    group by document_id, version
),

final as (
    select
        current_versions.document_id,
        current_versions.version,
        current_versions.uri,
        current_versions.title,
        current_versions.published_at,
        current_versions.fetched_at,
        current_versions.content_sha256,
        current_versions.content_type,
        current_versions.source,
        current_versions.tags,
        length(current_versions.text) as text_length,
        coalesce(claim_counts.n_claims, 0) as n_claims
    from current_versions
    left join claim_counts
        on claim_counts.document_id = current_versions.document_id
        and claim_counts.version = current_versions.version
)

select * from final
