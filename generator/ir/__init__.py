"""The intermediate representation: frozen dataclasses the parser builds and templates read."""
