"""Stage 1, load: a spec file (and the files its `$ref`s name) read safely into a Document."""
