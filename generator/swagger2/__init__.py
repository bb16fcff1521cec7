"""Stage 2b, convert: a Swagger 2.0 document in OpenAPI 3.0 shape, with a map back to its pointers."""
