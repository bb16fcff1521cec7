"""What `models.py` prints for XML bodies: the table of XML shapes the runtime's reader and
writer follow (generator/runtime/_xml.py), one `XmlModel` per model an XML body holds.
"""

from __future__ import annotations

from generator.ir.nodes import Api
from generator.ir.xml import XmlNode
from generator.render.layout import LINE_LENGTH
from generator.render.literals import pyrepr


def xml_table(api: Api) -> str:
    """The `_XML_SHAPES` assignment of `api`'s models module ("" when no body is XML): per
    model (by class name), its element name and namespace, and its properties' names,
    attributes, text, arrays and items, as black lays them out."""
    entries = []
    for model in api.models:
        shape = model.xml
        if shape is None:
            continue
        keywords = [pyrepr(shape.name)]
        if shape.namespace:
            keywords.append(f"namespace={pyrepr(shape.namespace)}")
        if shape.prefix:
            keywords.append(f"prefix={pyrepr(shape.prefix)}")
        nodes = [_node(n, " " * 12) for n in shape.properties]
        one = f"properties=({nodes[0]},)" if len(nodes) == 1 else ""
        if one and "\n" not in one and len(one) + 9 <= LINE_LENGTH:
            keywords.append(one)  # black's one-tuple: its comma does not explode it
        elif nodes:
            properties = "".join(f"            {n},\n" for n in nodes)
            keywords.append(f"properties=(\n{properties}        )")
        else:
            keywords.append("properties=()")
        body = "".join(f"        {k},\n" for k in keywords)
        entries.append(f"    {pyrepr(model.class_name)}: XmlModel(\n{body}    ),\n")
    if not entries:
        return ""
    return "_XML_SHAPES: dict[str, XmlModel] = {\n" + "".join(entries) + "}\n"


def _node(node: XmlNode, indent: str, lead: int = 0) -> str:
    """`XmlNode(...)` on one line when it fits after `indent` and `lead` more characters."""
    inner = indent + "    "
    args = [pyrepr(node.name)]
    if node.key:
        args.append(f"key={pyrepr(node.key)}")
    if node.kind != "string":
        args.append(f"kind={pyrepr(node.kind)}")
    for flag in ("attribute", "text", "wrapped", "required"):
        if getattr(node, flag):
            args.append(f"{flag}=True")
    if node.namespace:
        args.append(f"namespace={pyrepr(node.namespace)}")
    if node.prefix:
        args.append(f"prefix={pyrepr(node.prefix)}")
    if node.target:
        args.append(f"target={pyrepr(node.target)}")
    if node.item is not None:
        args.append("item=" + _node(node.item, inner, len("item=")))
    one = f"XmlNode({', '.join(args)})"
    if "\n" not in one and len(indent) + lead + len(one) + 1 <= LINE_LENGTH:
        return one
    lines = "".join(f"{inner}{arg},\n" for arg in args)
    return f"XmlNode(\n{lines}{indent})"
