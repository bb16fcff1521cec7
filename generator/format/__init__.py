"""Stage 5, format: rendered Python modules laid out exactly as black writes them."""
