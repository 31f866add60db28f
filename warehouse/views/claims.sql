-- claims: the claims of the current version of each document (`current_claims`, with the
-- document's uri).
--
-- claim_id         identifier of the claim
-- document_id      document the claim was found in (see `documents`)
-- version          document version whose text the offsets index
-- uri              the document's uri
-- quote            the claim's words, = substr(text, span_start + 1, span_end - span_start)
-- span_start       offset of the quote's first character in `document_texts.text` (0-based)
-- span_end         offset just past the quote's last character
-- sentence         the sentence around the quote
-- value            the number, scale words applied ("1.5 million" -> 1500000); null for a range
-- low, high        bounds the text asserts (lower bound -> low, upper bound -> high, range -> both)
-- unit             canonical unit ("percent", "USD", "km", "person/day", ...), or null
-- qualifier        exact | approximate | lower_bound | upper_bound | range
-- direction        increase | decrease for a change, else null
-- kind             level | change | ratio
-- subject          what is counted or measured, as words from the sentence, or null
-- place            ISO 3166-1 alpha-2 code or canonical place name, or null
-- period_start     first day of the period the number covers
-- period_end       last day of that period
-- period_partial   true when the period is part of a longer one ("so far this year")
-- modality         asserted | estimate | forecast | hypothetical
-- attribution      who says so ("according to X", "X said"), or null
-- checkworthiness  0..1, how much the claim is worth checking
-- interval_low     lower end of the interval the claim allows (may be -inf)
-- interval_high    upper end of that interval (may be inf)
-- unit_family      units comparable after conversion share a family ("length", "duration", ...)
-- subject_key      normalised subject used to pair claims about the same fact
-- fact_key         the fact the claim states (see `facts`): block_key | scope | when_start | when_end;
--                  null when it is not compared
-- measure          what is counted, as a class of flows/claims/data/facts.json (deaths, injured, missing,
--                  rescued, job_cuts, staff, arrivals, structures, inflation, core_inflation, ...)
-- scope            where or whose, from the whole to the part ('TR', 'TR+SY' for a combined figure,
--                  'SY/opposition-held', 'US/HI/Maui/Lahaina', 'org:amazon/twitch')
-- when_start       the period the claim covers; for an evolving count the day it is "as of"
-- when_end
-- evolving         true for counts that grow while a story develops (tolls, injured, missing)
-- update_cue       the number follows "rose to", "revised", "climbed to", ...
-- block_key        the coarse key the linker blocks on: unit family | measure | kind | forecast |
--                  partial | country
-- claim_key        stable id of the claim across runs and versions (document, sentence, quote)
-- copy_key         the sentence's words: equal in two documents = a copied sentence
-- evidence         where measure, scope and period were read (the sentence, the sentence before,
--                  the headline, the lead, the publication date)
-- review           wrong-extraction | correct when a person reviewed the claim (see `reviews`), else null;
--                  a correction replaces value, unit, subject or period above
-- extracted_value  what the extractor read, kept beside a correction
-- extracted_unit
-- extracted_subject
-- extracted_period_start
-- extracted_period_end

create or replace view claims as

with

current_rows as (
    select * from current_claims
),

versions as (
    select document_id, version, uri from document_versions
),

reviewed as (
    select * from claim_reviews
),

final as (
    select
        current_rows.claim_id,
        current_rows.document_id,
        current_rows.version,
        versions.uri,
        current_rows.quote,
        current_rows.span_start,
        current_rows.span_end,
        current_rows.sentence,
        coalesce(reviewed.value, current_rows.value) as value,
        current_rows.low,
        current_rows.high,
        coalesce(reviewed.unit, current_rows.unit) as unit,
        current_rows.qualifier,
        current_rows.direction,
        current_rows.kind,
        coalesce(reviewed.subject, current_rows.subject) as subject,
        current_rows.place,
        coalesce(reviewed.period_start, current_rows.period_start) as period_start,
        coalesce(reviewed.period_end, current_rows.period_end) as period_end,
        current_rows.period_partial,
        current_rows.modality,
        current_rows.attribution,
        current_rows.checkworthiness,
        current_rows.interval_low,
        current_rows.interval_high,
        current_rows.unit_family,
        current_rows.subject_key,
        current_rows.fact_key,
        current_rows.measure,
        current_rows.scope,
        current_rows.when_start,
        current_rows.when_end,
        current_rows.evolving,
        current_rows.update_cue,
        current_rows.block_key,
        current_rows.claim_key,
        current_rows.copy_key,
        current_rows.evidence,
        reviewed.review,
        current_rows.value as extracted_value,
        current_rows.unit as extracted_unit,
        current_rows.subject as extracted_subject,
        current_rows.period_start as extracted_period_start,
        current_rows.period_end as extracted_period_end
    from current_rows
    inner join versions
        on versions.document_id = current_rows.document_id
        and versions.version = current_rows.version
    left join reviewed
        on reviewed.claim_id = current_rows.claim_id
)

select * from final
