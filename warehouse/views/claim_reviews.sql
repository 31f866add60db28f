-- claim_reviews: what the decisions in force say about each stored claim: corrected fields
-- (the `claims` view shows them, the extracted values beside them) and its review status.
--
-- claim_id           the claim
-- review             wrong-extraction | correct, or null when no decision concerns the claim
-- value              the corrected value, unit, subject and period, null where not corrected
-- unit
-- subject
-- period_start
-- period_end
-- reviewed_at        when the latest of these decisions was made

create or replace view claim_reviews as

with

applied as (
    select * from claim_decisions
),

final as (
    select
        claim_id,
        case
            when bool_or(decision = 'wrong-extraction') then 'wrong-extraction'
            when bool_or(decision = 'correct') then 'correct'
        end as review,
        try_cast(max(corrected) filter (where field = 'value') as double) as value,
        max(corrected) filter (where field = 'unit') as unit,
        max(corrected) filter (where field = 'subject') as subject,
        try_cast(split_part(max(corrected) filter (where field = 'period'), '/', 1) as date) as period_start,
        try_cast(split_part(max(corrected) filter (where field = 'period'), '/', 2) as date) as period_end,
        max(reviewed_at) as reviewed_at
    from applied
    group by claim_id
)

select * from final
