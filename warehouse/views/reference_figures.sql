-- reference_figures: published statistics loaded with `claimhouse reference load FILE`.
--
-- reference_id      stable id (hash of source file, subject, place, period and value)
-- source_file       the file it was loaded from
-- measure           what kind of figure (crossings, residents, ...)
-- subject           what it counts or measures, as published
-- place             where, as published
-- period            when, as published ("2023", "FY2023 (2022-10/2023-09)", "as of 2024-06-30")
-- value             the figure
-- unit              its unit (canonical names, as for claims)
-- qualifier         exact | approximate | lower_bound | upper_bound | range
-- publisher         who published it
-- source_url        where it was found
-- reported_as       how the source states it
-- note              what it does and does not measure
-- place_key         the place as claims name it (ISO code or canonical name)
-- period_start      the period as dates
-- period_end
-- as_of             true for a stock figure on one date
-- period_partial    true when the period is part of a longer one (less than a year)
-- loaded_at         when it was loaded

create or replace view reference_figures as

with

loaded as (
    select * from reference_rows
),

final as (
    select
        reference_id, source_file, measure, subject, place, period, value, unit, qualifier,
        publisher, source_url, reported_as, note, place_key, period_start, period_end, as_of,
        period_partial, loaded_at
    from loaded
)

select * from final
