-- 0011_fetch_rows_mtime: a local file's modification time (st_mtime_ns) beside its size (`bytes`),
-- so a re-run can leave a file whose size and mtime are unchanged unread (warehouse/reads/file_states.sql).
alter table fetch_rows add column mtime_ns bigint;
