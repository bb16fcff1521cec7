"""Where the generator's shipped templates and runtime modules are, found without importing
the renderer (the run record fingerprints them on every run, including the ones that stop
there)."""

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


RUNTIME_OVERRIDE_DIR = "package/"
"""A file `package/NAME` in a user's template directory replaces the runtime module NAME."""


def builtin_runtime_dir() -> Path:
    """The shipped runtime modules (generator/runtime/), copied into each generated package
    as they are: the manifest names them with `runtime = "NAME"`."""
    return Path(__file__).resolve().parents[1] / "runtime"
