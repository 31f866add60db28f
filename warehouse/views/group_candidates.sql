-- group_candidates: pairs of value groups (`grouped_claims`: the groups a link step stored) that state the same fact, and how
-- the values they assert compare: the pair rule, decided once per pair of groups instead of once
-- per pair of claims. A group pairs with itself (its claims agree with each other).
--
-- group_id_a   the pair's lower group_id (equal to group_id_b for a group with itself)
-- group_id_b   the pair's higher group_id
-- relation     agrees | conflicts | updates
-- severity     relative gap between the two intervals (0 when they agree)
--
-- Blocking: an equi-join on block_key (unit family | measure | kind | forecast | partial |
-- country, flows/claims/facts.py), and for two exact periods on the period too, so DuckDB hashes
-- each block's period instead of comparing all pairs of a block.
-- Scoring, the pair rule of facts.same_fact: the same scope path (a part never meets its whole:
-- SY/opposition-held is not SY, org:amazon/twitch is not org:amazon), except that below country
-- level a place meets the places inside it (US/HI/Maui and US/HI/Maui/Lahaina; facts.scopes_meet;
-- a scope ending '/*' covers the whole and meets no part), and the same period or
-- as-of day (null meets null), or, when either claim's period is only a reporting window
-- (when_loose: job cuts, headcounts, damage reported 'on Monday' or undated; facts.periods_meet),
-- overlapping periods. Intervals are in the unit family's base unit; disjoint
-- intervals conflict (an exact figure's rounding interval is open at its top: 19.1% is
-- [19.05, 19.15), which does not meet 19.2%), or update when both are evolving counts and the later one (published
-- later, or said "rose to") is higher. facts.relation is the same rule in Python.
-- What is per claim, not per group (different documents, copies, link ids) is added by
-- `link_candidates` and `group_links`.

create or replace view group_candidates as

with

signatures as (
    select distinct
        group_id, block_key, scope, when_start, when_end, when_loose, interval_low, interval_high, qualifier,
        evolving, update_cue, order_at as published_at
    from grouped_claims
),

compared as (
    select
        *,
        contains(scope, '/') and not starts_with(scope, 'org:') and not starts_with(scope, 'tracker:')
            and not contains(scope, '+') and not ends_with(scope, '/*') as nested,
        interval_mid(interval_low, interval_high) as mid
    from signatures
),

-- the pair rule's candidates, in three joins that never meet: two groups with exact periods meet
-- only on the same period, so they are joined on it (a block holds every period of a measure and
-- place: joined on block_key alone, its pairs of years were formed and then dropped); a group whose
-- period is only a reporting window meets every group of its block whose period overlaps, so the
-- few loose groups are joined to their whole block, as the lower group of a pair and as the higher
exact_pairs as (
    select a.*, b.group_id as b_group_id, b.scope as b_scope, b.when_start as b_when_start,
        b.when_end as b_when_end, b.interval_low as b_interval_low, b.interval_high as b_interval_high,
        b.qualifier as b_qualifier, b.evolving as b_evolving, b.update_cue as b_update_cue,
        b.published_at as b_published_at, b.nested as b_nested, b.mid as b_mid
    from compared as a
    inner join compared as b
        on a.block_key = b.block_key
        and a.when_start is not distinct from b.when_start
        and a.when_end is not distinct from b.when_end
        and a.group_id <= b.group_id
    where not a.when_loose and not b.when_loose
),

loose_pairs as (
    select a.*, b.group_id as b_group_id, b.scope as b_scope, b.when_start as b_when_start,
        b.when_end as b_when_end, b.interval_low as b_interval_low, b.interval_high as b_interval_high,
        b.qualifier as b_qualifier, b.evolving as b_evolving, b.update_cue as b_update_cue,
        b.published_at as b_published_at, b.nested as b_nested, b.mid as b_mid
    from (select * from compared where when_loose) as a
    inner join compared as b
        on a.block_key = b.block_key
        and a.group_id <= b.group_id
    where a.when_start <= b.when_end and b.when_start <= a.when_end
    union all
    select a.*, b.group_id, b.scope, b.when_start, b.when_end, b.interval_low, b.interval_high,
        b.qualifier, b.evolving, b.update_cue, b.published_at, b.nested, b.mid
    from (select * from compared where not when_loose) as a
    inner join (select * from compared where when_loose) as b
        on a.block_key = b.block_key
        and a.group_id < b.group_id
    where a.when_start <= b.when_end and b.when_start <= a.when_end
),

pairs as (
    select
        group_id as group_id_a,
        b_group_id as group_id_b,
        interval_low as lo_a,
        interval_high as hi_a,
        b_interval_low as lo_b,
        b_interval_high as hi_b,
        intervals_disjoint(qualifier, interval_low, interval_high,
                           b_qualifier, b_interval_low, b_interval_high) as disjoint,
        evolving and b_evolving as evolving,
        later_is_higher(published_at, update_cue, mid, b_published_at, b_update_cue, b_mid) as later_higher
    from (select * from exact_pairs union all select * from loose_pairs)
    where scope is not distinct from b_scope
        or (nested and b_nested and (starts_with(scope, b_scope || '/') or starts_with(b_scope, scope || '/')))
),

final as (
    select
        group_id_a,
        group_id_b,
        pair_relation(disjoint, evolving, later_higher) as relation,
        interval_severity(lo_a, hi_a, lo_b, hi_b) as severity
    from pairs
)

select * from final
