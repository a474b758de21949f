"""`/docs`: the OpenAPI reference rendered by the server from `app.openapi()`.

FastAPI's Swagger page loads its script from a CDN and runs an inline script, which breaks both
"no internet" and our CSP; this page lists every operation, parameter and response model from the
same OpenAPI document (`/openapi.json`), with no script at all.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from ..routing import ReadRoute
from . import render

router = APIRouter(include_in_schema=False, route_class=ReadRoute)


def _ref_name(schema: dict) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"list[{_ref_name(schema.get('items', {}))}]"
    if "anyOf" in schema:
        return " | ".join(_ref_name(s) for s in schema["anyOf"])
    return schema.get("type", "object")


def operations(spec: dict) -> list[dict]:
    """One row per (path, method) with its parameters and the model of its 2xx response."""
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": _ref_name(p.get("schema", {})),
                       "description": p.get("description") or p.get("schema", {}).get("description", "")}
                      for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {})
            response = ""
            for code, r in op.get("responses", {}).items():
                if code.startswith("2"):
                    content = r.get("content", {}).get("application/json", {})
                    response = f"{code} {_ref_name(content.get('schema', {}))}" if content else code
                    break
            ops.append({"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "params": params,
                        "body": ", ".join(body), "response": response,
                        "secured": bool(op.get("security")), "tag": (op.get("tags") or [""])[0]})
    return ops


@router.get("/docs")
def docs(request: Request):
    spec = request.app.openapi()
    return render(request, "apidocs.html", {"title": "API", "ops": operations(spec),
                                            "info": spec.get("info", {})})
