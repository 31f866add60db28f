-- rejected_rows: rows a pandera model refused, one row per failed check.
--
-- run_id        the run that produced the row
-- rejected_at   when the row was quarantined
-- table_name    the table the row was meant for (documents, claims, links)
-- schema        the pandera model that refused it
-- check_name    the failed check ("finite", "low_le_high", "isin(...)", ...)
-- column_name   the column checked; null for a check over the whole row
-- failure_case  the offending value, or what a whole-row check requires
-- row_json      the whole row as JSON (missing values null, dates ISO)
-- document_id   the row's document, when it has one
-- claim_id      the row's claim, when it has one

create or replace view rejected_rows as

with

quarantined as (
    select * from rejected
),

final as (
    select
        run_id,
        rejected_at,
        table_name,
        schema,
        check_name,
        column_name,
        failure_case,
        row_json,
        document_id,
        claim_id
    from quarantined
)

select * from final
