"""The run: configuration, the chain of stages, the cache that skips an up-to-date run, progress."""
