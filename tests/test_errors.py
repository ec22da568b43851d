"""Every error is application/problem+json with a stable code and a Vietnamese title."""

from fastapi.testclient import TestClient


def _problem(response) -> dict[str, object]:  # type: ignore[no-untyped-def]
    assert response.headers["content-type"].startswith("application/problem+json")
    return response.json()  # type: ignore[no-any-return]


def test_unknown_path_is_a_vietnamese_404_problem(client: TestClient) -> None:
    body = _problem(client.get("/api/v1/khong-co"))
    assert (body["status"], body["code"], body["title"]) == (404, "not_found", "Không tìm thấy")


def test_wrong_method_is_a_405_problem(client: TestClient) -> None:
    body = _problem(client.delete("/api/v1/healthz"))
    assert (body["status"], body["code"]) == (405, "method_not_allowed")


def test_missing_token_is_401_with_bearer_challenge(client: TestClient) -> None:
    response = client.get("/api/v1/units")
    assert response.headers["www-authenticate"] == "Bearer"
    assert _problem(response)["code"] == "unauthorized"


def test_bad_query_values_name_every_field(client: TestClient, auth) -> None:  # type: ignore[no-untyped-def]
    response = client.get(
        "/api/v1/units",
        params={"level": "village", "as_of": "15/01/2024", "limit": 500},
        headers=auth("admin"),
    )
    body = _problem(response)
    assert response.status_code == 422
    fields = {e["field"]: e["message"] for e in body["errors"]}  # type: ignore[attr-defined]
    assert set(fields) == {"query.level", "query.as_of", "query.limit"}
    assert fields["query.level"] == "Giá trị không thuộc danh sách cho phép."


def test_malformed_json_is_422_not_500(client: TestClient, auth) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/api/v1/agencies",
        content=b"{not json",
        headers={**auth("admin"), "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert _problem(response)["code"] == "invalid_json"


def test_tampered_cursor_is_422(client: TestClient, auth) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/units", params={"cursor": "!!!"}, headers=auth("admin"))
    assert [e["field"] for e in _problem(response)["errors"]] == ["query.cursor"]  # type: ignore[union-attr]


def test_unit_list_pages_with_the_cursor_without_overlap(client: TestClient, auth) -> None:  # type: ignore[no-untyped-def]
    headers = auth("admin")
    first = client.get(
        "/api/v1/units",
        params={"level": "province", "as_of": "2025-07-01", "limit": 20},
        headers=headers,
    ).json()
    second = client.get(
        "/api/v1/units",
        params={
            "level": "province",
            "as_of": "2025-07-01",
            "limit": 20,
            "cursor": first["next_cursor"],
        },
        headers=headers,
    ).json()
    names = [u["name"] for u in first["items"] + second["items"]]
    assert (len(names), len(set(names)), second["next_cursor"]) == (34, 34, None)


def test_ids_beyond_the_database_range_are_422_on_every_kind_of_route(
    client: TestClient,
    auth,  # type: ignore[no-untyped-def]
) -> None:
    headers = auth("admin")
    huge = 2**31
    for path in (
        f"/api/v1/units/{huge}",
        f"/api/v1/agencies/{huge}",
        f"/api/v1/users/{huge}",
        f"/api/v1/plans/{huge}",
    ):
        response = client.get(path, headers=headers)
        assert response.status_code == 422, path
        assert [e["field"] for e in _problem(response)["errors"]] == [  # type: ignore[union-attr]
            "path." + path.split("/")[3].rstrip("s").replace("agencie", "agency") + "_id"
        ]
    listed = client.get("/api/v1/units", params={"parent_id": huge}, headers=headers)
    assert listed.status_code == 422
