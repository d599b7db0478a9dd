"""The corpus store: an embedded DuckDB file of analysed articles, with queries and exports.

    sources -> engines.local (worker processes) -> store.writer (one writer) -> DuckDB

Modules: ``schema`` (tables, version, migrations, opening safely; ``StoreError``), ``rows``
(an analysis -> table rows), ``writer`` (one transaction per batch, skips, replacements),
``dedup`` (MinHash LSH near-duplicates), ``ingest`` (the whole run), ``queries`` and
``export`` (reading), and ``commands`` (the CLI). The schema is documented in docs/store.md.
Nothing is imported here, so ``parley --help`` does not load DuckDB.
"""
