"""Stage 2, validate: the document checked against the OpenAPI schema, every error located."""
