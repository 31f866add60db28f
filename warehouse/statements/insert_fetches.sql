-- insert_fetches: the fetch records of one attempt (registered as incoming_fetches).
insert into fetch_rows by name select *, $run_id as run_id from incoming_fetches
