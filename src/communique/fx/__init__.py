"""Money normalisation: amounts to EUR and USD at the rate of their day.

`communique.fx.rates.convert` is the entry point; `fx.convert.enrich_pledges` is the pipeline stage.
Sources and the user rate CSV format are described in `fx/RATES.md`.
"""
