"""GET /topics, /channel-types, /indicators: the reference lists the plans use."""

from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.plans.factories import API

Auth = Callable[[str], dict[str, str]]


def test_topics_are_a_tree_of_the_reform_areas_and_indices(client: TestClient, auth: Auth) -> None:
    topics = client.get(f"{API}/topics", headers=auth("lexa.officer")).json()["items"]

    by_parent: dict[str | None, list[str]] = {}
    for t in topics:
        by_parent.setdefault(t["parent_code"], []).append(t["code"])
    assert by_parent[None] == ["direction", "reform", "legal_dissemination", "index"]
    assert by_parent["reform"] == [
        "reform.institutions",
        "reform.procedures",
        "reform.apparatus",
        "reform.civil_service",
        "reform.public_finance",
        "reform.digital_government",
    ]
    assert by_parent["index"] == [
        "index.par",
        "index.sipas",
        "index.papi",
        "index.pci",
        "index.ddci",
    ]
    assert len(by_parent["index.papi"]) == 8
    assert len(by_parent["index.pci"]) == 10


def test_papi_dimensions_carry_the_names_of_the_tra_bong_plan(
    client: TestClient, auth: Auth
) -> None:
    topics = client.get(f"{API}/topics", headers=auth("lexa.officer")).json()["items"]

    names = {t["code"]: t["name"] for t in topics}
    assert names["papi.participation"] == "Tham gia của người dân ở cấp cơ sở"
    assert names["pci.land_access"] == "Tiếp cận đất đai"


def test_channel_types_start_with_radio(client: TestClient, auth: Auth) -> None:
    types = client.get(f"{API}/channel-types", headers=auth("portal")).json()["items"]

    assert (len(types), types[0]["code"], types[0]["name"]) == (
        21,
        "radio",
        "Đài phát thanh, truyền thanh, loa",
    )


def test_each_channel_type_says_what_its_activities_count(client: TestClient, auth: Auth) -> None:
    types = client.get(f"{API}/channel-types", headers=auth("lexa.officer")).json()["items"]

    counts = {t["code"]: t["counts"] for t in types}
    assert counts["radio"] == ["broadcasts", "minutes", "articles"]
    assert counts["training"] == ["trainings", "participants"]
    assert counts["leaflet"] == ["leaflets"]


def test_the_seeds_missing_channel_types_are_added(client: TestClient, auth: Auth) -> None:
    types = client.get(f"{API}/channel-types", headers=auth("lexa.officer")).json()["items"]

    added = {t["code"]: (t["name"], t["counts"]) for t in types[19:]}
    assert added == {
        "document_distribution": ("Biên soạn, cấp phát tài liệu", ["documents", "copies"]),
        "enterprise_meeting": (
            "Hội nghị tiếp xúc, đối thoại với doanh nghiệp",
            ["conferences", "participants"],
        ),
    }


def test_languages_are_vietnamese_then_the_minority_languages_of_the_seed_regions(
    client: TestClient, auth: Auth
) -> None:
    languages = client.get(f"{API}/languages", headers=auth("lexa.officer")).json()["items"]

    codes = [language["code"] for language in languages]
    assert (codes[0], len(codes)) == ("vie", 17)
    names = {language["code"]: language["name"] for language in languages}
    assert (names["blt"], names["hmn"], names["hre"]) == (
        "Tiếng Thái (Thái Đen)",
        "Tiếng Mông",
        "Tiếng Hrê",
    )


def test_indicators_carry_their_unit_of_measure(client: TestClient, auth: Auth) -> None:
    indicators = client.get(f"{API}/indicators", headers=auth("integration")).json()["items"]

    units = {i["code"]: (i["unit"], i["aggregation"]) for i in indicators}
    assert units["broadcasts"] == ("buổi", "sum")
    assert units["participants"] == ("lượt người", "sum")
    assert units["minutes"] == ("phút", "sum")
    assert len(indicators) == 23
    rules = {i["code"]: (i["aggregation"], i["rule"]) for i in indicators}
    assert rules["broadcasts"] == ("sum", "quantity:broadcasts")
    assert rules["budget_spent"] == ("sum", "cost")
    assert rules["tasks_done_rate"] == ("ratio", "ratio:tasks_done/tasks_assigned")
    assert rules["channels_active"] == ("latest", None)


def test_reference_lists_need_a_token(client: TestClient) -> None:
    assert client.get(f"{API}/topics").status_code == 401
