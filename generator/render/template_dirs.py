"""Where the generator's shipped templates are, found without importing the renderer (the
run record fingerprints them on every run, including the ones that stop there)."""

from __future__ import annotations

from pathlib import Path

MANIFEST = "manifest.toml"
"""The template that maps templates to output paths; its presence marks a template root."""


def builtin_templates_dir() -> Path:
    """The shipped templates: `templates/` in a source checkout, `generator/templates` installed."""
    package = Path(__file__).resolve().parents[1]
    checkout = package.parent / "templates"
    if (checkout / MANIFEST).is_file():
        return checkout
    installed = package / "templates"
    if (installed / MANIFEST).is_file():
        return installed
    from importlib.resources import files

    return Path(str(files("generator.templates")))
