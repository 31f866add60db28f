-- validators: the newest ETag / Last-Modified seen for each URL, for conditional GETs.
select uri, etag, last_modified
from (
    select
        uri,
        etag,
        last_modified,
        row_number() over (partition by uri order by fetched_at desc) as newest
    from fetch_rows
    where ok and (etag is not null or last_modified is not null)
)
where newest = 1
