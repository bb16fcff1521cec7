"""The runtime of every generated package, as ordinary modules: the renderer copies the ones
the manifest names (`runtime = "..."`) into each package byte for byte.

They import only the standard library, httpx and each other, and run on Python 3.10 and
later. Nothing in them is specific to an API: the logger is named after the package they
are copied into (`__package__`). The blocking modules `_sync_*.py` are derived from their
asyncio sources `_async_*.py` by `python -m generator.runtime.unasync`.
"""
