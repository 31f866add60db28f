-- claims_history: the claims of every stored version of every document (`claim_versions`
-- without the document sketches and reporting-window flags).
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

stored as (
    select * from claim_versions
),

final as (
    select * exclude (doc_sketch, when_loose) from stored
)

select * from final
