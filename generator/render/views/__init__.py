"""What the built-in templates print, computed from the IR, beside the renderer.

Templates loop and print; these modules decide what: `client_view` / `client_classes` give
`client.py.j2` each statement ready to print (the `client_view` filter), `codecs` holds per
type kind how a value is decoded and encoded, `strategies` builds each type's hypothesis
strategies, and `imports` what each generated module imports (the `imports` variable). Lines
are laid out by `generator.render.layout`.
"""
