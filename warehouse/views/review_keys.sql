-- review_keys: the stable key a review decision is recorded against, for every stored claim.
-- A re-run, or a new version of the document in which the claim's sentence is unchanged,
-- gives the claim the same review_key (claim ids change with the version; this does not).
--
-- claim_id     the claim (see `claims_history`)
-- document_id  its document
-- version      its document version
-- uri          the document's uri
-- review_key   md5 of uri, sentence, quote and which occurrence of the quote in that sentence it is

create or replace view review_keys as

with

history as (
    select claim_id, document_id, version, uri, sentence, quote, span_start
    from claims_history
),

numbered as (
    select
        *,
        row_number() over (
            partition by document_id, version, sentence, quote
            order by span_start
        ) as occurrence
    from history
),

final as (
    select
        claim_id,
        document_id,
        version,
        uri,
        md5(concat_ws(chr(31), uri, coalesce(sentence, ''), quote, occurrence::text)) as review_key
    from numbered
)

select * from final
