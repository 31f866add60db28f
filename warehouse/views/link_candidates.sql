-- link_candidates: pairs of current claims from different documents that state the same
-- fact, and whether the values they assert agree.
--
-- claim_id_a   the pair's lower claim_id
-- claim_id_b   the pair's higher claim_id
-- relation     agrees | conflicts
-- reason       the comparison in words, with both quotes, their documents, subject, place and period
-- severity     relative gap between the two intervals (0 when they agree)
--
-- Same fact = same fact_key (flows/claims/link.py: unit family, subject key, place, kind,
-- direction, forecast or not, partial period or not, period to the month). The join is an
-- equi-join on fact_key: DuckDB hashes each fact's claims instead of comparing all pairs.
-- interval_low / interval_high are the values each claim allows, in the unit family's
-- base unit (rounding, "about", "more than", "nearly" applied). Disjoint intervals conflict.

create or replace view link_candidates as

with

current_claims as (
    select
        c.claim_id,
        c.document_id,
        c.quote,
        c.subject,
        c.fact_key,
        c.place,
        c.period_start,
        c.period_end,
        c.interval_low,
        c.interval_high,
        coalesce(d.title, d.uri) as title
    from claim_rows as c
    inner join document_versions as d
        on d.document_id = c.document_id and d.version = c.version
    where d.is_current and c.fact_key is not null
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
        on a.fact_key = b.fact_key
        and a.claim_id < b.claim_id
        and a.document_id <> b.document_id
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
        case when side is null then 'agrees' else 'conflicts' end as relation,
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
