-- delete_references: the figures of the reference files being reloaded.
delete from reference_rows where list_contains($files, source_file)
