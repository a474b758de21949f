"""Stage 7, serve: REST API and web dashboard over the ledger's query functions."""
