-- file_states: the size and mtime_ns of each local file as of its newest fetch in a run that
-- published (a killed or failed run's files are read again next time).
select uri, bytes, mtime_ns
from (
    select
        f.uri,
        f.bytes,
        f.mtime_ns,
        row_number() over (partition by f.uri order by f.fetched_at desc) as newest
    from fetch_rows as f
    inner join run_rows as r on r.run_id = f.run_id
    where f.ok and f.mtime_ns is not null and list_contains($published, r.status)
)
where newest = 1
