-- Conflicting claims side by side, newest first (used by `claimhouse conflicts`).
-- $scope: 'all'; 'last-run' (found by the most recent completed run, `last_run`); or 'since'
-- (found at or after the timestamp $since).
with

found as (
    select * from conflicts
    where case $scope
        when 'all' then true
        when 'last-run' then run_id in (select run_id from last_run)
        else created_at >= cast($since as timestamptz)
    end
),

final as (
    select
        created_at,
        quote_a,
        value_a,
        unit_a,
        title_a,
        quote_b,
        value_b,
        unit_b,
        title_b,
        reason,
        severity
    from found
)

select * from final
order by created_at desc, severity desc
limit $limit
