"""Stage 3, annotate: sentences → typed mentions with spans (grammars and gazetteers as data)."""
