"""Read the build step's configuration: the `[[tool.clientgen.clients]]` tables of pyproject.toml.

    [[tool.clientgen.clients]]
    spec = "spec/petstore.yaml"      # required, relative to pyproject.toml
    output = "generated/pet_client"  # required, the distribution directory to (re)write
    package = "pet_client"           # required, the import name: [a-z_][a-z0-9_]*, no keyword
    templates = ["templates/extra"]  # optional, searched before the built-in templates
    post_render = [                  # optional, commands run on the generated tree, in order
        "ruff check --fix --quiet .",          # a string is split like a shell would (shlex)
        ["python", "-c", "print('done')"],     # an array is the argv itself
    ]                                # no shell is involved; see generator/output/hooks.py

    [tool.clientgen.clients.options]  # optional (or `options = { ... }` inline)
    package_version = "1.2.0"        # the distribution's version (PEP 440); default "0.1.0"
    strict = true                    # as --strict (the flag still wins when given)
    distribution_name = "pet-client" # the pip project name; default: package with "-" for "_"

Problems are diagnostics whose pointer is a TOML-ish key path such as
`tool.clientgen.clients[0].package`, with the line when it can be found.
Codes: config.not-found, config.unreadable, config.not-regular, config.too-large,
config.toml-syntax, config.missing-table, config.invalid-type, config.unknown-key, config.missing-key, config.invalid-value,
config.invalid-package, config.duplicate-output.
Wrong types are config.invalid-type and name the type expected; unknown keys, at every level,
are config.unknown-key with the closest known key as a hint.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostic, error
from generator.load.input_file import InputFileError, read_input
from generator.naming import package_name_problem

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib


def _toml() -> Any:
    """The TOML reader, imported when a configuration is read (an up-to-date `generate` run,
    which reads none, is mostly start-up)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib
    return tomllib

_TABLE = "tool.clientgen"
_CLIENTS = f"{_TABLE}.clients"
_CLIENT_KEYS = ("spec", "output", "package", "templates", "options", "post_render")
_OPTION_KEYS = ("package_version", "strict", "distribution_name")
DEFAULT_PACKAGE_VERSION = "0.1.0"
# PEP 440 versions in their canonical (normalized) form, plus a local label: what pip and PyPI
# print back, so the generated pyproject.toml says exactly what was configured.
_VERSION = re.compile(
    r"([1-9][0-9]*!)?(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*((a|b|rc)(0|[1-9][0-9]*))?"
    r"(\.post(0|[1-9][0-9]*))?(\.dev(0|[1-9][0-9]*))?(\+[a-z0-9]+(\.[a-z0-9]+)*)?"
)
# A project name as the core metadata defines it (PEP 508).
_DISTRIBUTION = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?")
_REQUIRED = ("spec", "output", "package")
_EXAMPLE = (
    'add to pyproject.toml a [[tool.clientgen.clients]] table with spec = "spec/api.yaml",'
    ' output = "generated/api_client" and package = "api_client"'
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClientConfig:
    """One client to generate; every path is absolute."""

    spec: Path
    output: Path
    package: str
    templates: tuple[Path, ...] = ()
    package_version: str = DEFAULT_PACKAGE_VERSION
    strict: bool = False
    """`--strict` for this client; the command line's flag makes every client strict."""
    distribution_name: str | None = None
    """The pip project name; None: the one naming.distribution_name makes from `package`."""
    post_render: tuple[tuple[str, ...], ...] = ()
    """Commands (argv) run in order on the generated tree before it is written."""


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml in `start` (a directory or a file's directory) or above."""
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(pyproject: Path) -> tuple[tuple[ClientConfig, ...], tuple[Diagnostic, ...]]:
    """The configured clients, or no clients and the reasons why."""
    file = str(pyproject)
    try:
        text = read_input(pyproject).decode("utf-8")
    except InputFileError as problem:
        return (), (replace(error(f"config.{problem.kind}", "", problem.message), file=file),)
    except UnicodeDecodeError as exc:
        message = f"cannot read the file: {exc}"
        return (), (replace(error("config.unreadable", "", message), file=file),)
    toml = _toml()
    try:
        document = toml.loads(text)
    except toml.TOMLDecodeError as exc:
        return (), (_syntax_error(exc, file),)
    reader = _Reader(text, file, pyproject.parent.resolve())
    clients = reader.read(document)
    if reader.diagnostics:
        return (), tuple(reader.diagnostics)
    return clients, ()


def _syntax_error(exc: tomllib.TOMLDecodeError, file: str) -> Diagnostic:
    message = str(exc)
    # Python < 3.14 has no lineno attribute; the position is only in the message.
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    line = column = None
    if found:
        message = message[: found.start()]
        line, column = int(found[1]), int(found[2])
    diagnostic = error("config.toml-syntax", "", f"invalid TOML: {message}")
    return replace(diagnostic, file=file, line=line, column=column)


class _Reader:
    def __init__(self, text: str, file: str, base: Path) -> None:
        self.lines = text.splitlines()
        self.file = file
        self.base = base
        self.diagnostics: list[Diagnostic] = []

    def report(self, code: str, where: str, message: str, *, hint: str | None = None) -> None:
        line = self._line_of(where)
        self.diagnostics.append(
            replace(error(code, where, message, hint=hint), file=self.file, line=line)
        )

    def read(self, document: dict[str, Any]) -> tuple[ClientConfig, ...]:
        tool = document.get("tool", {})
        table = tool.get("clientgen") if isinstance(tool, dict) else None
        if table is None:
            message = "there is no [tool.clientgen] table"
            self.report("config.missing-table", _TABLE, message, hint=_EXAMPLE)
            return ()
        if not isinstance(table, dict):
            self.report("config.invalid-type", _TABLE, "must be a table")
            return ()
        self._unknown_keys(table, ("clients",), _TABLE)
        entries = table.get("clients")
        if entries is None:
            self.report("config.missing-key", _CLIENTS, "no clients are configured", hint=_EXAMPLE)
            return ()
        if not isinstance(entries, list) or not entries:
            self.report(
                "config.invalid-type",
                _CLIENTS,
                "must be a non-empty array of tables",
                hint="write each client as [[tool.clientgen.clients]] (double brackets)",
            )
            return ()
        clients = [self._client(index, entry) for index, entry in enumerate(entries)]
        found = [client for client in clients if client is not None]
        self._distinct_outputs(clients)
        return tuple(found)

    def _client(self, index: int, entry: Any) -> ClientConfig | None:
        where = f"{_CLIENTS}[{index}]"
        if not isinstance(entry, dict):
            self.report("config.invalid-type", where, "must be a table")
            return None
        count = len(self.diagnostics)
        self._unknown_keys(entry, _CLIENT_KEYS, where)
        for key in _REQUIRED:
            if key not in entry:
                self.report("config.missing-key", f"{where}.{key}", f"`{key}` is required")
        spec = self._path(entry, "spec", where)
        output = self._path(entry, "output", where)
        package = entry.get("package")
        if package is not None and not self._valid_package(package, f"{where}.package"):
            package = None
        templates = self._templates(entry.get("templates", []), f"{where}.templates")
        options = self._options(entry.get("options", {}), f"{where}.options")
        post_render = self._post_render(entry.get("post_render", []), f"{where}.post_render")
        if len(self.diagnostics) > count or spec is None or output is None or package is None:
            return None
        return ClientConfig(
            spec=spec,
            output=output,
            package=package,
            templates=templates,
            package_version=options.get("package_version", DEFAULT_PACKAGE_VERSION),
            strict=options.get("strict", False),
            distribution_name=options.get("distribution_name"),
            post_render=post_render,
        )

    def _path(self, entry: dict[str, Any], key: str, where: str) -> Path | None:
        value = entry.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.report("config.invalid-value", f"{where}.{key}", "must be a non-empty path string")
            return None
        return (self.base / value).resolve()

    def _valid_package(self, value: Any, where: str) -> bool:
        if not isinstance(value, str):
            self.report("config.invalid-package", where, "must be a string")
            return False
        problem = package_name_problem(value)
        if problem is not None:
            self.report(
                "config.invalid-package",
                where,
                f"{value!r} is not a valid Python package name",
                hint=problem,
            )
            return False
        return True

    def _templates(self, value: Any, where: str) -> tuple[Path, ...]:
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item.strip() for item in value
        ):
            self.report("config.invalid-value", where, "must be a list of directory paths")
            return ()
        return tuple((self.base / item).resolve() for item in value)

    def _options(self, value: Any, where: str) -> dict[str, Any]:
        """The valid entries of the `options` table (the others are reported)."""
        if not isinstance(value, dict):
            self.report("config.invalid-type", where, f"must be a table, not {_kind(value)}")
            return {}
        self._unknown_keys(value, _OPTION_KEYS, where)
        found: dict[str, Any] = {}
        version = value.get("package_version")
        if version is not None and self._string(version, f"{where}.package_version"):
            if _VERSION.fullmatch(version):
                found["package_version"] = version
            else:
                self.report(
                    "config.invalid-value",
                    f"{where}.package_version",
                    f"{version!r} is not a PEP 440 version in normalized form",
                    hint="write it like 1.2.0, 1.2.0rc1, 1.2.0.post1 or 1.2.0.dev3",
                )
        strict = value.get("strict")
        if strict is not None:
            if isinstance(strict, bool):
                found["strict"] = strict
            else:
                message = f"must be a boolean (true or false), not {_kind(strict)}"
                self.report("config.invalid-type", f"{where}.strict", message)
        name = value.get("distribution_name")
        if name is not None and self._string(name, f"{where}.distribution_name"):
            if _DISTRIBUTION.fullmatch(name):
                found["distribution_name"] = name
            else:
                self.report(
                    "config.invalid-value",
                    f"{where}.distribution_name",
                    f"{name!r} is not a valid distribution (pip project) name",
                    hint="use ASCII letters, digits, '-', '_' and '.', starting and ending with"
                    " a letter or digit",
                )
        return found

    def _string(self, value: Any, where: str) -> bool:
        if isinstance(value, str):
            return True
        self.report("config.invalid-type", where, f"must be a string, not {_kind(value)}")
        return False

    def _post_render(self, value: Any, where: str) -> tuple[tuple[str, ...], ...]:
        """Each hook's argv: a string is split as a POSIX shell would (without running one),
        an array of strings is taken as it is."""
        if not isinstance(value, list):
            self.report(
                "config.invalid-type",
                where,
                f"must be an array of commands, not {_kind(value)}",
                hint='write post_render = ["ruff check --fix ."], one string or array per command',
            )
            return ()
        hooks: list[tuple[str, ...]] = []
        for index, item in enumerate(value):
            argv = self._command(item, f"{where}[{index}]")
            if argv is not None:
                hooks.append(argv)
        return tuple(hooks)

    def _command(self, item: Any, where: str) -> tuple[str, ...] | None:
        if isinstance(item, str):
            import shlex  # only when a hook is configured: not on every up-to-date run

            try:
                argv = tuple(shlex.split(item))
            except ValueError as exc:
                message = f"cannot be split into arguments: {exc}"
                self.report("config.invalid-value", where, message)
                return None
        elif isinstance(item, list):
            wrong = [i for i, arg in enumerate(item) if not isinstance(arg, str)]
            if wrong:
                self.report(
                    "config.invalid-type",
                    f"{where}[{wrong[0]}]",
                    f"must be a string (one argument), not {_kind(item[wrong[0]])}",
                )
                return None
            argv = tuple(item)
        else:
            self.report(
                "config.invalid-type",
                where,
                f"must be a string or an array of strings, not {_kind(item)}",
            )
            return None
        if not argv or not argv[0]:
            self.report("config.invalid-value", where, "names no program to run")
            return None
        if any("\0" in arg for arg in argv):
            self.report("config.invalid-value", where, "contains a NUL character")
            return None
        return argv

    def _unknown_keys(self, table: dict[str, Any], known: tuple[str, ...], where: str) -> None:
        for key in table:
            if key in known:
                continue
            import difflib

            close = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean `{close[0]}`?" if close else f"known keys: {', '.join(known)}"
            self.report("config.unknown-key", f"{where}.{key}", f"unknown key `{key}`", hint=hint)

    def _distinct_outputs(self, clients: list[ClientConfig | None]) -> None:
        first: dict[Path, int] = {}
        for index, client in enumerate(clients):
            if client is None:
                continue
            if client.output in first:
                self.report(
                    "config.duplicate-output",
                    f"{_CLIENTS}[{index}].output",
                    f"clients[{first[client.output]}] already writes to {client.output}",
                )
            else:
                first[client.output] = index

    def _line_of(self, where: str) -> int | None:
        """Best effort: the line where `where` is written, for the usual layouts of the tables:
        keys of a client's table, dotted keys (`options.strict = ...`), inline tables
        (`options = { ... }`) and sub-tables (`[tool.clientgen.clients.options]`). An array
        item (`post_render[1]`) is found at its key's line."""
        found = re.fullmatch(r"tool\.clientgen(?:\.clients\[(\d+)\])?(?:\.(.+))?", where)
        if not found:
            return None
        index, key = found[1], found[2]
        if index is None:
            start = self._first(r"\s*\[\s*tool\.clientgen\s*\]", 1)
            line = self._key_line(start, key) if start is not None and key else None
            if line is None and key == "clients":
                line = self._first(r"\s*\[+\s*tool\.clientgen\.clients\s*\]", 1)
            return line or start or self._first(r"\s*\[+\s*tool\.clientgen[\].]", 1)
        headers = [
            number
            for number, line in enumerate(self.lines, start=1)
            if re.match(_CLIENT_HEADER, line)
        ]
        if int(index) >= len(headers):
            return None
        start = headers[int(index)]
        if not key:
            return start
        key = re.sub(r"\[\d+\]", "", key)
        line = self._key_line(start, key)
        table, _, rest = key.partition(".")
        if line is None and rest:
            line = self._key_line(start, table)  # an inline table: the whole of it is one line
            if line is None:
                header = rf"\s*\[\s*tool\.clientgen\.clients\.{re.escape(table)}\s*\]"
                sub = self._first(header, start + 1)
                following = self._first(_CLIENT_HEADER, start + 1)
                if sub is not None and (following is None or sub < following):
                    line = self._key_line(sub, rest) or sub
        return line or start

    def _first(self, pattern: str, start: int) -> int | None:
        for number in range(start, len(self.lines) + 1):
            if re.match(pattern, self.lines[number - 1]):
                return number
        return None

    def _key_line(self, header: int, key: str) -> int | None:
        for number in range(header + 1, len(self.lines) + 1):
            line = self.lines[number - 1]
            if re.match(_ANY_HEADER, line):
                return None
            if re.match(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=", line):
                return number
        return None


_CLIENT_HEADER = r"\s*\[\[\s*tool\.clientgen\.clients\s*\]\]"
# A table header, and not a line of a multi-line array that starts with an inner array.
_ANY_HEADER = r"\s*\[\[?\s*[\w.\"' -]+\]\]?\s*(?:#.*)?$"


def _kind(value: Any) -> str:
    """The TOML type of a parsed value, for messages."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return "a date or time"


__all__ = ["ClientConfig", "find_pyproject", "load_config"]
