"""Stage 5, ledger: statements with provenance in SQLite or PostgreSQL, records rebuilt from them."""
