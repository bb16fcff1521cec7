"""Every filter templates get, in three kinds: the escaping filters of `filters.FILTERS`
(spec text as data), black's layout (`layout`), and the views, which compute what the built-in
templates print (generator/render/views/).

The layout and the views print through the escaping filters, so they import `filters`; this
module gathers all three, so that none imports another in a cycle.
"""

from __future__ import annotations

from typing import Any

from generator.render import filters, layout
from generator.render.views import (
    client_view,
    codecs,
    lazy_modules,
    readme_view,
    strategies,
    testing_readme,
    testing_view,
    xml_view,
)

FILTERS: dict[str, Any] = {
    **filters.FILTERS,
    "lay": layout.lay,
    "lay_entry": layout.lay_entry,
    "lay_def": layout.lay_def,
    "lay_method": layout.lay_method,
    "lay_class": layout.lay_class,
    "lay_assignment": layout.lay_assignment,
    "lay_annotation": layout.annotated,
    "lay_value": layout.lay_value,
    "lay_call": layout.call,
    "instance_strategy": strategies.instance_strategy,
    "wire_strategy": strategies.wire_strategy,
    "subtypes_strategy": strategies.subtypes_strategy,
    "careful_decoder": codecs.careful_decoder,
    "client_view": client_view.client_view,
    "decode_expr": codecs.decode_expr,
    "discriminator_default": codecs.discriminator_default,
    "encode_expr": codecs.encode_expr,
    "fast_read": codecs.fast_read,
    "package_exports": lazy_modules.package_exports,
    "readme_view": readme_view.readme_view,
    "testing_readme": testing_readme.testing_readme,
    "testing_view": testing_view.testing_view,
    "xml_table": xml_view.xml_table,
}
"""Name → function, as the template environment registers them."""
