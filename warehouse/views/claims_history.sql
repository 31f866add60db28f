-- claims_history: the claims of every stored version of every document.
--
-- claim_id, document_id, version, uri, quote, span_start, span_end, sentence,
-- value, low, high, unit, qualifier, direction, kind, subject, place,
-- period_start, period_end, period_partial, modality, attribution,
-- checkworthiness, interval_low, interval_high, unit_family, subject_key, fact_key,
-- measure, scope, when_start, when_end, evolving, update_cue, block_key, claim_key,
-- copy_key, evidence
--                as in `claims` (offsets index that version's text)
-- is_current     true when the claim belongs to the document's current version
-- superseded_at  when its document version was replaced (null while current)

create or replace view claims_history as

with

stored_claims as (
    select * from claim_rows
),

versions as (
    select * from document_versions
),

final as (
    select
        stored_claims.claim_id,
        stored_claims.document_id,
        stored_claims.version,
        versions.uri,
        stored_claims.quote,
        stored_claims.span_start,
        stored_claims.span_end,
        stored_claims.sentence,
        stored_claims.value,
        stored_claims.low,
        stored_claims.high,
        stored_claims.unit,
        stored_claims.qualifier,
        stored_claims.direction,
        stored_claims.kind,
        stored_claims.subject,
        stored_claims.place,
        stored_claims.period_start,
        stored_claims.period_end,
        stored_claims.period_partial,
        stored_claims.modality,
        stored_claims.attribution,
        stored_claims.checkworthiness,
        stored_claims.interval_low,
        stored_claims.interval_high,
        stored_claims.unit_family,
        stored_claims.subject_key,
        stored_claims.fact_key,
        stored_claims.measure,
        stored_claims.scope,
        stored_claims.when_start,
        stored_claims.when_end,
        stored_claims.evolving,
        stored_claims.update_cue,
        stored_claims.block_key,
        stored_claims.claim_key,
        stored_claims.copy_key,
        stored_claims.evidence,
        versions.is_current,
        versions.superseded_at
    from stored_claims
    inner join versions
        on versions.document_id = stored_claims.document_id
        and versions.version = stored_claims.version
)

select * from final
