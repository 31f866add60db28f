-- reference_checks: every current claim checked against the loaded reference figures.
--
-- claim_id          the claim (see `claims`)
-- document_id       its document
-- quote             its words
-- value             its value, low and high as in `claims`
-- low
-- high
-- unit              its unit
-- verdict           supported | contradicted | no reference
-- match             how the reference meets the claim: same period | part of the period | nearby date
-- reference_id      the reference figure used (see `reference_figures`), null for no reference
-- reference_value   its value and unit
-- reference_unit
-- reference_period  its period as published
-- publisher         who published it
-- source_url        where
-- reason            the verdict in words
--
-- A claim meets a reference when unit family, place and subject key agree (the event verb
-- may be missing on one side), the claim is a level that is neither a forecast nor a
-- hypothetical, and the periods meet:
--   same period       starts and ends within 31 days: the intervals decide (meet -> supported,
--                     disjoint -> contradicted);
--   part of the period  the reference covers part of the claim's period (92 days slack):
--                     it can only support a lower bound it already reaches;
--   nearby date       a stock figure "as of" a date within 18 months of the claim's period:
--                     it can support a claim whose interval it meets, never contradict one.
-- A claim with a contradicting same-period reference is contradicted; else one with a
-- supporting reference is supported; else it has no reference.

create or replace view reference_checks as

with

keyed_claims as (
    select
        c.*,
        split_part(c.subject_key, '|', 1) as head,
        split_part(c.subject_key, '|', 2) as groups,
        split_part(c.subject_key, '|', 3) as content,
        split_part(c.subject_key, '|', 4) as verb
    from current_claims as c
),

references_keyed as (
    select
        r.*,
        split_part(r.subject_key, '|', 1) as head,
        split_part(r.subject_key, '|', 2) as groups,
        split_part(r.subject_key, '|', 3) as content,
        split_part(r.subject_key, '|', 4) as verb
    from reference_rows as r
),

candidates as (
    select
        c.claim_id,
        r.reference_id,
        r.value as reference_value,
        r.unit as reference_unit,
        r.period as reference_period,
        r.publisher,
        r.source_url,
        c.qualifier,
        c.interval_low as c_lo,
        c.interval_high as c_hi,
        r.interval_low as r_lo,
        r.interval_high as r_hi,
        case
            when abs(date_diff('day', c.period_start, r.period_start)) <= 31
                and coalesce(abs(date_diff('day', c.period_end, r.period_end)) <= 31,
                             c.period_end is null and r.period_end is null)
                and c.period_partial = r.period_partial
                then 'same period'
            when not r.as_of and c.period_end is not null
                and r.period_start >= c.period_start - interval 92 day
                and r.period_end <= c.period_end + interval 92 day
                then 'part of the period'
            when r.as_of
                and r.period_start between c.period_start - interval 548 day
                    and coalesce(c.period_end, c.period_start) + interval 548 day
                then 'nearby date'
        end as match
    from keyed_claims as c
    inner join references_keyed as r
        on c.unit_family = r.unit_family
        and coalesce(c.place, '') = coalesce(r.place_key, '')
        and c.head = r.head
        and c.groups = r.groups
        and c.content = r.content
        and (c.verb = r.verb or c.verb = '' or r.verb = '')
    where c.kind = 'level'
        and c.modality not in ('forecast', 'hypothetical')
        and c.period_start is not null
),

matched as (
    select
        *,
        (c_hi is null or r_lo is null or c_hi >= r_lo) and (c_lo is null or r_hi is null or c_lo <= r_hi) as meet
    from candidates
    where match is not null
),

judged as (
    select
        *,
        case
            when match = 'same period' and not meet then 'contradicted'
            when match = 'same period' then 'supported'
            when match = 'part of the period' and qualifier = 'lower_bound' and r_lo >= c_lo then 'supported'
            when match = 'nearby date' and meet then 'supported'
        end as verdict
    from matched
),

best as (
    select
        *,
        row_number() over (
            partition by claim_id
            order by
                case verdict when 'contradicted' then 0 else 1 end,
                case match when 'same period' then 0 when 'part of the period' then 1 else 2 end,
                reference_id
        ) as rank
    from judged
    where verdict is not null
),

final as (
    select
        c.claim_id,
        c.document_id,
        c.quote,
        c.value,
        c.low,
        c.high,
        c.unit,
        coalesce(b.verdict, 'no reference') as verdict,
        b.match,
        b.reference_id,
        b.reference_value,
        b.reference_unit,
        b.reference_period,
        b.publisher,
        b.source_url,
        case
            when b.verdict is null then 'no reference figure for the same subject, place and period'
            when b.verdict = 'contradicted' then format(
                '"{}" contradicts {} {} ({}, {}): {}', c.quote, format('{:,}', b.reference_value), coalesce(b.reference_unit, ''),
                b.publisher, b.reference_period,
                case
                    when c.interval_high is not null and c.interval_high < b.r_lo
                        then 'the claim allows at most ' || format('{:,}', round(c.interval_high, 2))
                    else 'the claim allows at least ' || format('{:,}', round(c.interval_low, 2))
                end)
            else format(
                '"{}" is supported by {} {} ({}, {}){}', c.quote, format('{:,}', b.reference_value), coalesce(b.reference_unit, ''),
                b.publisher, b.reference_period,
                case b.match
                    when 'part of the period' then ': a count over part of the period already reaches the lower bound'
                    when 'nearby date' then ': a stock figure at a nearby date'
                    else ''
                end)
        end as reason
    from keyed_claims as c
    left join best as b
        on b.claim_id = c.claim_id and b.rank = 1
)

select * from final
