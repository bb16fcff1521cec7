"""Errors raised by zoo; all derive from ClientError."""

from __future__ import annotations


class ClientError(Exception):
    """Base class of every error this package raises."""


class DeserializationError(ClientError, ValueError):
    """A value from the wire does not match its schema.

    `path` locates the offending value, e.g. `Pet.createdDateTime` or
    `Pet.tags[2]`, and `reason` says what is wrong with it.
    """

    def __init__(self, reason: str, *, root: str = "value", suffix: str = "") -> None:
        self.reason = reason
        self.root = root
        self.suffix = suffix
        super().__init__(f"{root}{suffix}: {reason}")

    @property
    def path(self) -> str:
        """Where the problem is: the type name followed by the JSON path inside it."""
        return self.root + self.suffix

    @classmethod
    def missing(cls, root: str, segment: str) -> DeserializationError:
        return cls("required field missing", root=root, suffix=segment)

    def at(self, root: str, segment: str) -> DeserializationError:
        """The same problem, seen from one level up: inside `segment` of a `root` value."""
        return DeserializationError(
            self.reason, root=root, suffix=segment + self.suffix
        )

    def at_index(self, index: int) -> DeserializationError:
        return DeserializationError(
            self.reason, root=self.root, suffix=f"[{index}]{self.suffix}"
        )

    def at_key(self, key: str) -> DeserializationError:
        return DeserializationError(
            self.reason, root=self.root, suffix=f"[{key!r}]{self.suffix}"
        )
