"""Stage 4, render: the IR through Jinja templates into {relative path: text}."""
