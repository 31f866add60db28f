-- fetch_log: one row per attempt to fetch a source or one of its documents.
--
-- run_id         the run that fetched
-- source         the source as given to the run
-- uri            what was fetched
-- fetched_at     when
-- ok             true when a document came back (or was not modified)
-- http_status    HTTP status, for http(s) sources
-- bytes          size of the response body
-- duration_s     seconds the fetch took
-- not_modified   true when the server answered 304 Not Modified
-- etag           ETag header of the response
-- last_modified  Last-Modified header of the response
-- error          what went wrong, when ok is false

create or replace view fetch_log as

with

fetches as (
    select * from fetch_rows
),

final as (
    select
        run_id,
        source,
        uri,
        fetched_at,
        ok,
        http_status,
        bytes,
        duration_s,
        not_modified,
        etag,
        last_modified,
        error
    from fetches
)

select * from final
