"""IO in, plain functions, no Prefect: sources in, Document + FetchRecord out.

dispatch.py: one source -> its documents; local.py: files and folders; decoding.py: bytes -> str;
http.py: guarded HTTP; feeds.py: RSS/Atom; attempts.py: settings, errors and fetch records;
front_matter.py, html_text.py: text and HTML -> body and metadata; sources.py: the sources file;
reference.py: reference tables -> rows keyed like claims."""
