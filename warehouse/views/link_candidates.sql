-- link_candidates: pairs of current claims (`current_claims`) from different documents that
-- state the same fact, and whether the values they assert agree.
--
-- claim_id_a   the pair's lower claim_id
-- claim_id_b   the pair's higher claim_id
-- relation     agrees | conflicts
-- severity     relative gap between the two intervals (0 when they agree)
--
-- Same fact = same fact_key (flows/claims/link.py: unit family, subject key, place, kind,
-- direction, forecast or not, partial period or not, period to the month). The join is an
-- equi-join on fact_key: DuckDB hashes each fact's claims instead of comparing all pairs.
-- interval_low / interval_high are the values each claim allows, in the unit family's
-- base unit (rounding, "about", "more than", "nearly" applied). Disjoint intervals conflict.
-- The reason in words is written by the `claim_links` view, not stored.

create or replace view link_candidates as

with

compared as (
    select claim_id, document_id, fact_key, interval_low, interval_high
    from current_claims
    where fact_key is not null
),

pairs as (
    select
        a.claim_id as claim_id_a,
        b.claim_id as claim_id_b,
        a.interval_low as lo_a,
        a.interval_high as hi_a,
        b.interval_low as lo_b,
        b.interval_high as hi_b
    from compared as a
    inner join compared as b
        on a.fact_key = b.fact_key
        and a.claim_id < b.claim_id
        and a.document_id <> b.document_id
),

final as (
    select
        claim_id_a,
        claim_id_b,
        case
            when (hi_a is not null and lo_b is not null and hi_a < lo_b)
                or (hi_b is not null and lo_a is not null and hi_b < lo_a) then 'conflicts'
            else 'agrees'
        end as relation,
        round(case
            when hi_a is not null and lo_b is not null and hi_a < lo_b
                then (lo_b - hi_a) / greatest(abs(lo_b), abs(hi_a), 1e-12)
            when hi_b is not null and lo_a is not null and hi_b < lo_a
                then (lo_a - hi_b) / greatest(abs(lo_a), abs(hi_b), 1e-12)
            else 0.0
        end, 4) as severity
    from pairs
)

select * from final
