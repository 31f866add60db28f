-- start_run: a run that has just started.
insert into run_rows (run_id, flow_run_id, started_at, status) values ($run_id, $flow_run_id, $started_at, 'running')
