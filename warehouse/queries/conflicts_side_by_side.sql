-- Conflicting claims side by side, newest first (used by `claimhouse conflicts`).
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
from conflicts
order by created_at desc, severity desc
limit $limit
