-- abandon_runs: runs still `running` when another run holds the warehouse lock were left by a process
-- that died (kill -9, a power cut): they are marked `abandoned`, with why.
update run_rows set
    status = 'abandoned',
    error = coalesce(error, $reason)
where status = 'running' and run_id <> $run_id
