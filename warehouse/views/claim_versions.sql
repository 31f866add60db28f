-- claim_versions: every stored claim with its document version: the one list of a stored
-- claim's columns. `claims_history` shows it without the sketch and when_loose, `current_claims`
-- the claims of current versions without the version's uri and status.
--
-- claim_id, document_id, version, uri, quote, span_start, span_end, sentence, value, low, high,
-- unit, qualifier, direction, kind, subject, place, period_start, period_end, period_partial,
-- modality, attribution, checkworthiness, interval_low, interval_high, unit_family,
-- subject_key, fact_key, measure, scope, when_start, when_end, when_loose, evolving, update_cue,
-- block_key, claim_key, copy_key, doc_sketch, evidence
--                as in `claims` and `current_claims` (offsets index that version's text)
-- is_current     true when the claim belongs to the document's current version
-- superseded_at  when its document version was replaced (null while current)

create or replace view claim_versions as

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
        coalesce(stored_claims.when_loose, false) as when_loose,
        stored_claims.evolving,
        stored_claims.update_cue,
        stored_claims.block_key,
        stored_claims.claim_key,
        stored_claims.copy_key,
        stored_claims.doc_sketch,
        stored_claims.evidence,
        versions.is_current,
        versions.superseded_at
    from stored_claims
    inner join versions
        on versions.document_id = stored_claims.document_id
        and versions.version = stored_claims.version
)

select * from final
