-- runs: one row per pipeline run.
--
-- run_id          identifier of the run
-- flow_run_id     the Prefect flow run, when run under Prefect
-- started_at      when the run started
-- ended_at        when it finished (null while running or after a crash)
-- status          running | completed | completed_with_failures | failed | abandoned (marked by the next run)
-- error           why the run failed or was abandoned (the first line of its error); else null
-- sources_tried   sources the run tried to fetch
-- docs_new        documents seen for the first time
-- docs_changed    documents whose text changed (a new version)
-- docs_unchanged  documents fetched again with the same text
-- docs_failed     documents that could not be fetched or read
-- claims_added    claims stored
-- claims_removed  claims that left `claims` because their document changed
-- rows_rejected   rows quarantined into `rejected_rows`
-- links_found     links (pairs of `claim_links`) first found by the run
-- conflicts_new   pairs of value groups that conflict or update first found by the run (rows of
--                 `group_links`: a new figure's conflicts; a restated one's are not new)

create or replace view runs as

with

run_log as (
    select * from run_rows
),

final as (
    select
        run_id,
        flow_run_id,
        started_at,
        ended_at,
        status,
        error,
        sources_tried,
        docs_new,
        docs_changed,
        docs_unchanged,
        docs_failed,
        claims_added,
        claims_removed,
        rows_rejected,
        links_found,
        conflicts_new
    from run_log
)

select * from final
