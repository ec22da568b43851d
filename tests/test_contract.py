"""openapi/openapi.json is the committed contract: it must equal what the app serves."""

import json
from typing import Any

from app.core.settings import ROOT
from app.main import create_app


def test_committed_contract_matches_the_app() -> None:
    committed = json.loads((ROOT / "openapi" / "openapi.json").read_text(encoding="utf-8"))
    assert committed == create_app().openapi(), "run `make openapi` and review the diff"


def test_every_operation_documents_its_errors_as_problem_json() -> None:
    paths = create_app().openapi()["paths"]
    lacking = [
        f"{method.upper()} {path}"
        for path, ops in paths.items()
        for method, op in ops.items()
        if not path.endswith(("/healthz", "/readyz"))
        and not any(code.startswith("4") for code in op["responses"])
    ]
    assert lacking == []


def test_every_schema_field_has_a_description() -> None:
    schemas = create_app().openapi()["components"]["schemas"]
    undocumented = [
        f"{name}.{field}"
        for name, schema in schemas.items()
        if not name.startswith(("HTTPValidationError", "ValidationError", "Body_"))
        for field, prop in schema.get("properties", {}).items()
        if "description" not in prop
    ]
    assert undocumented == []


def _unbounded(schema: dict[str, Any], components: dict[str, Any], where: str) -> list[str]:
    """Places in an input schema where a string lacks a length limit or the no-NUL pattern, or
    a list lacks an item limit."""
    if "$ref" in schema:
        return _unbounded(components[schema["$ref"].rsplit("/", 1)[1]], components, where)
    found: list[str] = []
    for key in ("anyOf", "allOf", "oneOf"):
        for part in schema.get(key, []):
            found += _unbounded(part, components, where)
    free_text = schema.get("type") == "string" and not {"enum", "format"} & schema.keys()
    if free_text and not {"maxLength", "pattern"} <= schema.keys():
        found.append(where)
    if schema.get("type") == "array":
        if "maxItems" not in schema:
            found.append(where)
        found += _unbounded(schema["items"], components, f"{where}[]")
    for name, prop in schema.get("properties", {}).items():
        found += _unbounded(prop, components, f"{where}.{name}")
    return found


def test_every_input_string_and_list_is_bounded_in_the_contract() -> None:
    contract = create_app().openapi()
    components = contract["components"]["schemas"]
    unbounded: list[str] = []
    for path, ops in contract["paths"].items():
        for method, op in ops.items():
            label = f"{method.upper()} {path}"
            body = op.get("requestBody", {}).get("content", {}).get("application/json")
            if body:
                unbounded += _unbounded(body["schema"], components, f"{label} body")
            for param in op.get("parameters", []):
                if param["in"] == "query":
                    unbounded += _unbounded(param["schema"], components, f"{label} {param['name']}")
    assert unbounded == []


def test_shared_enums_are_named_schemas() -> None:
    contract = create_app().openapi()
    schemas = contract["components"]["schemas"]
    signing_mode = schemas["PlanCreate"]["properties"]["signing_mode"]["anyOf"][0]

    assert (signing_mode, schemas["SigningMode"]["enum"]) == (
        {"$ref": "#/components/schemas/SigningMode"},
        ["TM.", "KT.", "TL.", "TUQ."],
    )


def test_each_documented_error_has_an_example_of_its_own_status() -> None:
    paths = create_app().openapi()["paths"]
    mismatched = [
        f"{method.upper()} {path} {status}"
        for path, ops in paths.items()
        for method, op in ops.items()
        for status, answer in op["responses"].items()
        if status.startswith(("4", "5"))
        and answer["content"]["application/problem+json"]["example"]["status"] != int(status)
    ]
    assert mismatched == []
