-- last_run: the most recent completed run (status completed or completed_with_failures), the
-- run `--since last-run` means (`claimhouse conflicts`, `claimhouse report`, `review_queue`'s
-- is_new). One row, or none before the first run completes.
--
-- run_id      identifier of the run (see `runs`)
-- started_at  when it started
-- ended_at    when it finished
-- status      completed | completed_with_failures

create or replace view last_run as

with

completed_runs as (
    select run_id, started_at, ended_at, status from runs
    where status in ('completed', 'completed_with_failures')
),

final as (
    select * from completed_runs
    order by started_at desc
    limit 1
)

select * from final
