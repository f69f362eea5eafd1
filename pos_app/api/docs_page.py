"""The API's human documentation: its OpenAPI document as one self-contained HTML page.

Drawn on the till from the same document clients read, so it cannot disagree with the
routes, and it needs nothing from the internet (no CDN, no script): plain HTML with its
style inline. Every text from the document is escaped.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;
color:#1d1d1f;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ddd}
section.op{border:1px solid #ddd;border-radius:6px;padding:.4rem 1rem;margin:1rem 0}
h3{font-size:1.05rem;font-family:ui-monospace,monospace}
.m{display:inline-block;min-width:4.2em;padding:0 .4em;border-radius:4px;color:#fff;
text-align:center;margin-right:.4em}
.GET{background:#2f6fb2}.POST{background:#2e8540}.DELETE{background:#b3261e}
.PUT,.PATCH{background:#8a5a00}
.scope{font-family:ui-monospace,monospace;background:#f1f1f4;padding:0 .3em;border-radius:3px}
.dep{color:#b3261e;font-weight:bold}
table{border-collapse:collapse;margin:.4rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;
text-align:left;vertical-align:top}
pre{background:#f6f6f8;padding:.5rem;overflow:auto;font-size:13px}
nav a{font-family:ui-monospace,monospace;display:block}
@media (prefers-color-scheme:dark){body{background:#161618;color:#e8e8ea}
pre,.scope{background:#252528}section.op,td,th,h2{border-color:#3a3a3e}}
"""
METHODS = ("get", "post", "put", "patch", "delete")


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref", "")
    if ref.startswith("#/components/schemas/"):
        return doc.get("components", {}).get("schemas", {}).get(ref.rsplit("/", 1)[1], {})
    return schema


def _type(doc: dict[str, Any], schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[1]
    if "anyOf" in schema:
        return " or ".join(_type(doc, s) for s in schema["anyOf"])
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"])
    if "const" in schema:
        return repr(schema["const"])
    kind = str(schema.get("type", "any"))
    if kind == "array":
        return f"array of {_type(doc, schema.get('items', {}))}"
    limits = [
        f"{word} {schema[key]}"
        for key, word in (
            ("minimum", ">="),
            ("exclusiveMinimum", ">"),
            ("maximum", "<="),
            ("minLength", "min length"),
            ("maxLength", "max length"),
        )
        if key in schema
    ]
    return kind + (f" ({', '.join(limits)})" if limits else "")


def _parameters(doc: dict[str, Any], op: dict[str, Any]) -> str:
    params = op.get("parameters") or []
    if not params:
        return ""
    rows = []
    for p in params:
        schema = p.get("schema", {})
        default = f"default {_e(json.dumps(schema['default']))}" if "default" in schema else ""
        required = "required" if p.get("required") else default
        rows.append(
            f"<tr><td><code>{_e(p.get('name'))}</code></td><td>{_e(p.get('in'))}</td>"
            f"<td>{_e(_type(doc, schema))}</td><td>{required}</td>"
            f"<td>{_e(p.get('description', ''))}</td></tr>"
        )
    head = "<tr><th>name</th><th>in</th><th>type</th><th></th><th></th></tr>"
    return f"<h4>Parameters</h4><table>{head}{''.join(rows)}</table>"


def _body(doc: dict[str, Any], op: dict[str, Any]) -> str:
    content = op.get("requestBody", {}).get("content", {})
    if not content:
        return ""
    media, spec = next(iter(content.items()))
    schema = _resolve(doc, spec.get("schema", {}))
    required = set(schema.get("required", ()))
    rows = [
        f"<tr><td><code>{_e(name)}</code></td><td>{_e(_type(doc, prop))}</td>"
        f"<td>{'required' if name in required else ''}</td>"
        f"<td>{_e(prop.get('description', ''))}</td></tr>"
        for name, prop in schema.get("properties", {}).items()
    ]
    table = f"<table>{''.join(rows)}</table>" if rows else ""
    return f"<h4>Request body <small>({_e(media)})</small></h4>{table}"


def _responses(op: dict[str, Any]) -> str:
    rows = []
    for status, answer in op.get("responses", {}).items():
        media = ", ".join(answer.get("content", {})) or "-"
        rows.append(
            f"<tr><td>{_e(status)}</td><td>{_e(answer.get('description', ''))}</td>"
            f"<td>{_e(media)}</td></tr>"
        )
    return f"<h4>Answers</h4><table>{''.join(rows)}</table>"


def _anchor(method: str, path: str) -> str:
    return "op-" + "".join(c if c.isalnum() else "-" for c in f"{method}{path}")


def _operation(doc: dict[str, Any], method: str, path: str, op: dict[str, Any]) -> str:
    scope = op.get("x-scope")
    needs = (
        "any valid key"
        if scope == "any"
        else f'scope <span class="scope">{_e(scope)}</span>'
        if scope
        else "no key"
    )
    deprecated = ' <span class="dep">deprecated</span>' if op.get("deprecated") else ""
    text = "".join(f"<p>{_e(p)}</p>" for p in op.get("description", "").split("\n\n") if p)
    return (
        f'<section class="op" id="{_anchor(method, path)}">'
        f'<h3><span class="m {method.upper()}">{method.upper()}</span>{_e(path)}{deprecated}</h3>'
        f"<p><b>{_e(op.get('summary', ''))}</b> ({needs})</p>{text}"
        f"{_parameters(doc, op)}{_body(doc, op)}{_responses(op)}</section>"
    )


def render(doc: dict[str, Any], openapi_url: str) -> str:
    """The page for the OpenAPI document ``doc`` (``openapi_url``: where it is served)."""
    info = doc.get("info", {})
    by_tag: dict[str, list[str]] = {}
    index = []
    for path, item in doc.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            tag = (op.get("tags") or ["other"])[0]
            by_tag.setdefault(tag, []).append(_operation(doc, method, path, op))
            index.append(f'<a href="#{_anchor(method, path)}">{method.upper()} {_e(path)}</a>')
    sections = "".join(f"<h2>{_e(tag)}</h2>{''.join(ops)}" for tag, ops in sorted(by_tag.items()))
    title = _e(info.get("title", "API"))
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{title}</title><style>{STYLE}</style></head><body>"
        f"<h1>{title} <small>{_e(info.get('version', ''))}</small></h1>"
        "<p>Every call sends <code>Authorization: Bearer &lt;key&gt;</code> unless it says "
        'no key. Errors are JSON: <code>{"error": {"category", "code", "message"}}'
        f'</code>. The machine-readable document: <a href="{_e(openapi_url)}">'
        f"{_e(openapi_url)}</a>.</p><nav>{''.join(index)}</nav>{sections}</body></html>"
    )
