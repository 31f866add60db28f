-- current_claims: the claims of the current version of each document, as stored.
-- The one place that decides which stored claims are current: `claims` adds the document's
-- uri for readers; `facts`, `link_candidates` and `reference_checks` compare these.
--
-- claim_id, document_id, version, quote, span_start, span_end, sentence, value, low, high,
-- unit, qualifier, direction, kind, subject, place, period_start, period_end, period_partial,
-- modality, attribution, checkworthiness, interval_low, interval_high, unit_family,
-- subject_key, fact_key, measure, scope, when_start, when_end, when_loose, evolving, update_cue,
-- block_key, claim_key, copy_key, doc_sketch, evidence
--                as in `claims` (documented there)

create or replace view current_claims as

with

stored_claims as (
    select * from claim_rows
),

current_versions as (
    select document_id, version from document_versions
    where is_current
),

final as (
    select
        stored_claims.claim_id,
        stored_claims.document_id,
        stored_claims.version,
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
        stored_claims.evidence
    from stored_claims
    inner join current_versions
        on current_versions.document_id = stored_claims.document_id
        and current_versions.version = stored_claims.version
)

select * from final
