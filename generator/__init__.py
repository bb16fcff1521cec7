"""clientgen: OpenAPI descriptions → typed, installable Python client packages."""

__version__ = "0.1.0"
