-- link_candidates: pairs of current claims from different documents that state the same
-- fact, and whether the values they assert agree.
--
-- Same fact (flows/claims/link.py states the same rules for one pair):
--   same unit family, same subject key (head noun class | group words | event verb),
--   same place, same kind (level / change / ratio) and direction, both or neither a
--   forecast, neither hypothetical, both or neither partial-period, and periods that
--   start and end within 31 days of each other (or both without a period).
-- Values: interval_low / interval_high are the values each claim allows, in the unit
-- family's base unit (rounding, "about", "more than", "nearly" already applied).
-- Disjoint intervals conflict; severity is the relative gap between them.
--
-- claim_id_a   the pair's lower claim_id
-- claim_id_b   the pair's higher claim_id
-- relation     agrees | conflicts
-- reason       the comparison in words, with both quotes, their documents, subject, place and period
-- severity     relative gap between the two intervals (0 when they agree)
--
-- Blocking: the join is an equi-join on (unit_family, subject_key, place, kind), so
-- DuckDB hashes blocks instead of comparing all pairs.

create or replace view link_candidates as

with

current_claims as (
    select
        c.claim_id,
        c.document_id,
        c.quote,
        c.subject,
        c.unit_family,
        c.subject_key,
        coalesce(c.place, '') as place_key,
        c.place,
        c.kind,
        coalesce(c.direction, '') as direction_key,
        c.modality = 'forecast' as is_forecast,
        c.period_partial,
        c.period_start,
        c.period_end,
        c.interval_low,
        c.interval_high,
        coalesce(d.title, d.uri) as title
    from claim_rows as c
    inner join document_versions as d
        on d.document_id = c.document_id and d.version = c.version
    where d.is_current
        and c.unit_family is not null
        and c.subject_key is not null
        and c.modality <> 'hypothetical'
        and (c.interval_low is not null or c.interval_high is not null)
),

pairs as (
    select
        a.claim_id as claim_id_a,
        b.claim_id as claim_id_b,
        a.quote as quote_a,
        b.quote as quote_b,
        a.title as title_a,
        b.title as title_b,
        a.interval_low as lo_a,
        a.interval_high as hi_a,
        b.interval_low as lo_b,
        b.interval_high as hi_b,
        coalesce(a.subject, b.subject) as subject,
        a.place,
        a.period_start,
        a.period_end
    from current_claims as a
    inner join current_claims as b
        on a.unit_family = b.unit_family
        and a.subject_key = b.subject_key
        and a.place_key = b.place_key
        and a.kind = b.kind
        and a.direction_key = b.direction_key
        and a.is_forecast = b.is_forecast
        and a.period_partial = b.period_partial
        and a.claim_id < b.claim_id
        and a.document_id <> b.document_id
    where
        (a.period_start is null and b.period_start is null)
        or (
            a.period_start is not null and b.period_start is not null
            and abs(date_diff('day', a.period_start, b.period_start)) <= 31
            and (
                (a.period_end is null and b.period_end is null)
                or abs(date_diff('day', a.period_end, b.period_end)) <= 31
            )
        )
),

judged as (
    select
        *,
        case
            when hi_a is not null and lo_b is not null and hi_a < lo_b then 'below'
            when hi_b is not null and lo_a is not null and hi_b < lo_a then 'above'
        end as side
    from pairs
),

worded as (
    select
        *,
        case
            when side is null then 'agrees'
            else 'conflicts'
        end as relation,
        case
            when side = 'below' then (lo_b - hi_a) / greatest(abs(lo_b), abs(hi_a), 1e-12)
            when side = 'above' then (lo_a - hi_b) / greatest(abs(lo_a), abs(hi_b), 1e-12)
            else 0.0
        end as severity,
        ' for ' || subject
        || case when place is null then '' else ' in ' || place end
        || case
            when period_start is null then ''
            when period_end is null then ' since ' || strftime(period_start, '%Y')
            when year(period_start) = year(period_end) then ' in ' || strftime(period_start, '%Y')
            else ' in ' || strftime(period_start, '%Y') || '–' || strftime(period_end, '%Y')
        end as about
    from judged
),

final as (
    select
        claim_id_a,
        claim_id_b,
        relation,
        case
            when relation = 'agrees'
                then format('"{}" ({}) agrees with "{}" ({}){}', quote_a, title_a, quote_b, title_b, about)
            else format('"{}" ({}) is {} "{}" ({}){}', quote_a, title_a, side, quote_b, title_b, about)
        end as reason,
        round(severity, 4) as severity
    from worded
)

select * from final
