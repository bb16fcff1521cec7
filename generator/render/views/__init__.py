"""What the built-in templates print, computed from the IR: layout, signatures, docstrings.

Templates loop and print; these modules decide what: `black_layout` lays out calls,
signatures, annotations and docstrings as black would, `codecs` holds per type kind how a
value is decoded and encoded, and `client_view` / `client_classes` give `client.py.j2` each
statement ready to print (the `client_view` filter).
"""
