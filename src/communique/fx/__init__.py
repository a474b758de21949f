"""Money normalisation: amounts to EUR and USD at the rate of their day."""
