"""Stage 6, checks: what a careful reader would question, within a document and across the ledger."""
