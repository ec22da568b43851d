"""openapi/openapi.json is the committed contract: it must equal what the app serves."""

import json

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
