-- intervals: how two asserted intervals compare, written once for the pair rule of value groups
-- (`group_candidates`) and for the pairs a person decided are the same fact (`decided_links`).
-- The Python mirror is flows/claims/intervals.py (intervals_meet, gap) with facts.relation.
-- Intervals are in the unit family's base unit; a bound may be null (open) or infinite.

-- interval_mid: the middle of an interval, the finite bound when only one is finite, else 0
create or replace macro interval_mid(lo, hi) as
    case
        when lo is not null and hi is not null and isfinite(lo) and isfinite(hi) then (lo + hi) / 2
        when lo is not null and isfinite(lo) then lo
        else coalesce(hi, 0.0)
    end;

-- interval_touches: an exact figure's rounding interval is open at its top, so it ends where the
-- other begins without meeting it (19.1% is [19.05, 19.15), which does not meet 19.2%)
create or replace macro interval_touches(qualifier_a, lo_a, hi_a, lo_b) as
    coalesce(qualifier_a = 'exact' and round(hi_a, 9) = round(lo_b, 9)
             and lo_b > coalesce(lo_a, '-inf'::double), false);

-- intervals_disjoint: the two intervals do not meet
create or replace macro intervals_disjoint(qualifier_a, lo_a, hi_a, qualifier_b, lo_b, hi_b) as
    (hi_a is not null and lo_b is not null and hi_a < lo_b)
    or (hi_b is not null and lo_a is not null and hi_b < lo_a)
    or interval_touches(qualifier_a, lo_a, hi_a, lo_b)
    or interval_touches(qualifier_b, lo_b, hi_b, lo_a);

-- interval_severity: the relative gap between two intervals (0 when they meet)
create or replace macro interval_severity(lo_a, hi_a, lo_b, hi_b) as
    round(case
        when hi_a is not null and lo_b is not null and hi_a < lo_b
            then (lo_b - hi_a) / greatest(abs(lo_b), abs(hi_a), 1e-12)
        when hi_b is not null and lo_a is not null and hi_b < lo_a
            then (lo_a - hi_b) / greatest(abs(lo_a), abs(hi_b), 1e-12)
        else 0.0
    end, 4);

-- later_is_higher: the later figure (published later, or said "rose to") is the higher one
create or replace macro later_is_higher(at_a, cue_a, mid_a, at_b, cue_b, mid_b) as
    coalesce(case
        when (at_a, cue_a) <= (at_b, cue_b) then (at_b > at_a or cue_b) and mid_b > mid_a
        else (at_a > at_b or cue_a) and mid_a > mid_b
    end, false);

-- pair_relation: agrees when the intervals meet; updates when they do not, both are evolving
-- counts and the later is higher; conflicts otherwise
create or replace macro pair_relation(disjoint, evolving, later_higher) as
    case
        when not disjoint then 'agrees'
        when evolving and later_higher then 'updates'
        else 'conflicts'
    end;
