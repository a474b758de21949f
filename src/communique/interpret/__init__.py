"""Stage 4, interpret: mentions → contract records (meetings, agreements, pledges, figures, …)."""
