"""Every filter templates get: the escaping and layout filters of `filters.FILTERS`, and the
views' filters, which compute what the built-in templates print (generator/render/views/).

The views print spec text through the escaping filters, so they import `filters`; this module
gathers both, so that neither imports the other in a cycle.
"""

from __future__ import annotations

from typing import Any

from generator.render import filters
from generator.render.views import client_view, codecs

FILTERS: dict[str, Any] = {
    **filters.FILTERS,
    "careful_decoder": codecs.careful_decoder,
    "client_view": client_view.client_view,
    "decode_expr": codecs.decode_expr,
    "encode_expr": codecs.encode_expr,
    "fast_read": codecs.fast_read,
}
"""Name → function, as the template environment registers them."""
