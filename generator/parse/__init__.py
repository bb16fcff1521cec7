"""Stage 3, parse: the document turned into the IR (`generator.ir`), with diagnostics."""
