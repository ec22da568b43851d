"""Issue 7's concurrency figures, measured against a running server the way the issue did.

Every scenario releases N requests together (N threads, each with its own httpx connection,
held at a barrier), tallies the answers, then reads the outcome back through the API: the plan's
final version and title, its assignments (`GET /assignments?plan_id=`), `task_count` and task
positions (`GET /plans/{id}`), open amendment drafts (`GET /plans?status=draft`) and audit
entries (`GET /audit`, as admin). The demo users of huyện Tiên Lữ write (plans are issued on
ISSUED_ON, when the district and its communes were in force); nothing else is touched.

    DATABASE_URL=… python -m app migrate && … load-units && … load-demo && … serve --port 8160
    .venv/bin/python -m bench.races --base-url http://127.0.0.1:8160 --rounds 16 --trials 6

The demo password comes from CCHC_DEMO_PASSWORD (or --password). The exit status is 1 when any
scenario lost or duplicated something, answered 5xx or dropped a connection. `--json FILE` keeps
the tallies; `--compare BEFORE.json AFTER.json` prints them as one table. See bench/README.md.
"""

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from bench.race_kit import ISSUED_ON, Api, Request, Tally, race, successes


def patch_plan(api: Api, rounds: int, n: int = 20) -> Tally:
    """N × PATCH /plans/{id} with one ETag: one 200, the rest 412; the row is the winner's."""
    tally = Tally(f"{n} × PATCH plan, one ETag")
    for r in range(rounds):
        plan, tag = api.plan(api.draft(f"Kế hoạch CCHC 2024, sửa đồng thời {r}")["id"])
        titles = [f"Kế hoạch CCHC 2024 — bản sửa {i} vòng {r} [{api.run}]" for i in range(n)]
        headers = {**api.officer, "If-Match": tag}
        url = f"{api.url}/plans/{plan['id']}"
        won = successes(
            tally.add(race([Request("PATCH", url, headers, {"title": t}) for t in titles]))
        )
        final, _ = api.plan(plan["id"])
        tally.count("acknowledged", len(won))
        tally.count("lost", max(len(won) - 1, 0))
        tally.count("final_not_a_winner", final["title"] not in {w.json()["title"] for w in won})
        tally.count("version_steps", final["version"] - plan["version"])
        tally.count("update_audits", api.audit("plan", plan["id"], "update"))
    f = tally.figures
    tally.bad = f["lost"] + f["final_not_a_winner"]
    tally.outcome = (
        f"{f['acknowledged']} × 2xx for {rounds} rounds: {f['lost']} lost updates; "
        f"{f['update_audits']} update audits; final ≠ a winner: {f['final_not_a_winner']}"
    )
    return tally


def patch_assignment(api: Api, rounds: int, n: int = 20) -> Tally:
    """N × PATCH /assignments/{id} (progress) with one ETag, one assignment per round."""
    tally = Tally(f"{n} × PATCH assignment, one ETag")
    plan = api.draft("Kế hoạch CCHC 2024, cập nhật tiến độ đồng thời")
    for r in range(rounds):
        api.task(plan["id"], str(r + 1), lead_agency_id=api.agency_id)
    api.issue(plan["id"])
    for r, assignment in enumerate(api.assignments(plan["id"])[:rounds]):
        url = f"{api.url}/assignments/{assignment['id']}"
        tag = api.call("GET", f"/assignments/{assignment['id']}", api.officer).headers["ETag"]
        headers = {**api.officer, "If-Match": tag}
        patches = [
            Request(
                "PATCH",
                url,
                headers,
                {"status": "in_progress", "progress_note": f"Đã phát {i + 1} tin, vòng {r}"},
            )
            for i in range(n)
        ]
        won = successes(tally.add(race(patches)))
        final = api.call("GET", f"/assignments/{assignment['id']}", api.officer).json()
        tally.count("acknowledged", len(won))
        tally.count("lost", max(len(won) - 1, 0))
        winners = {w.json()["progress_note"] for w in won}
        tally.count("final_not_a_winner", final["progress_note"] not in winners)
        tally.count("update_audits", api.audit("assignment", assignment["id"], "update"))
    f = tally.figures
    tally.bad = f["lost"] + f["final_not_a_winner"]
    tally.outcome = (
        f"{f['acknowledged']} × 2xx for {tally.rounds} rounds: {f['lost']} lost updates; "
        f"{f['update_audits']} update audits; final ≠ a winner: {f['final_not_a_winner']}"
    )
    return tally


def issue(api: Api, trials: int, all_children: bool, if_match: bool, n: int = 10) -> Tally:
    """N × POST /plans/{id}/issue (one number; with or without the draft's ETag) on one draft:
    one 200, one fan-out, one audit entry."""
    lead = "all communes" if all_children else "an agency"
    tally = Tally(f"{n} × issue, task led by {lead}" + (", If-Match" if if_match else ""))
    expected = api.children if all_children else 1
    for t in range(trials):
        plan = api.draft(f"Kế hoạch CCHC 2024, ban hành đồng thời {t}")
        fields = {"lead_all_children": True} if all_children else {"lead_agency_id": api.agency_id}
        api.task(plan["id"], "1", **fields)
        _, tag = api.plan(plan["id"])
        body = {"number": api.number(), "issued_on": ISSUED_ON}
        headers = {**api.leader, "If-Match": tag} if if_match else api.leader
        url = f"{api.url}/plans/{plan['id']}/issue"
        won = successes(tally.add(race([Request("POST", url, headers, body)] * n)))
        made = len(api.assignments(plan["id"]))
        audits = api.audit("plan", plan["id"], "issue")
        tally.count("acknowledged", len(won))
        tally.count("extra_acknowledged", max(len(won) - 1, 0))
        tally.count("trials_several_won", len(won) > 1)
        tally.count("trials_none_won", not won)
        tally.count("assignments", made)
        tally.count("expected_assignments", expected)
        tally.count("extra_assignments", max(made - expected, 0))
        tally.count("issue_audits", audits)
        tally.count("extra_issue_audits", max(audits - 1, 0))
    f = tally.figures
    tally.bad = f["extra_acknowledged"] + f["extra_assignments"] + f["extra_issue_audits"]
    tally.outcome = (
        f"{f['acknowledged']} × 2xx (several in {f['trials_several_won']}/{trials} trials, "
        f"none in {f['trials_none_won']}); assignments "
        f"{f['assignments']} for {f['expected_assignments']} expected "
        f"({expected}/trial); {f['issue_audits']} issue audits"
    )
    return tally


def issue_racing_tasks(api: Api, trials: int, n: int = 10) -> Tally:
    """One issue (no If-Match: any task that commits first would rightly make it 412) racing N
    task creations (each led by all communes): every task of the issued plan is fanned out."""
    tally = Tally(f"issue racing {n} task creations")
    for t in range(trials):
        plan = api.draft(f"Kế hoạch CCHC 2024, ban hành khi đang thêm nhiệm vụ {t}")
        api.task(plan["id"], "0", lead_all_children=True)
        url = f"{api.url}/plans/{plan['id']}"
        racers = [
            Request(
                "POST",
                f"{url}/tasks",
                api.officer,
                {"ordinal": f"{i + 1}", "title": f"Nhiệm vụ {i + 1}", "lead_all_children": True},
            )
            for i in range(n)
        ]
        body = {"number": api.number(), "issued_on": ISSUED_ON}
        racers.insert(n // 2, Request("POST", f"{url}/issue", api.leader, body))
        tally.add(race(racers))
        detail, _ = api.plan(plan["id"])
        per_task = Counter(a["task_id"] for a in api.assignments(plan["id"]))
        issued = detail["status"] == "issued"
        short = [x for x in detail["tasks"] if per_task[x["id"]] != api.children] if issued else []
        tally.count("issued", issued)
        tally.count("tasks", len(detail["tasks"]))
        tally.count("tasks_without_assignments", sum(per_task[x["id"]] == 0 for x in short))
        tally.count("tasks_wrong_fan_out", len(short))
    f = tally.figures
    tally.bad = f["tasks_wrong_fan_out"]
    tally.outcome = (
        f"issued {f['issued']}/{trials}; {f['tasks']} tasks, "
        f"{f['tasks_without_assignments']} without assignments, "
        f"{f['tasks_wrong_fan_out']} with ≠ {api.children}"
    )
    return tally


def amend(api: Api, trials: int, n: int = 8) -> Tally:
    """N × POST /plans/{id}/amend (If-Match) on one issued plan: one open amendment draft."""
    tally = Tally(f"{n} × amend")
    for t in range(trials):
        plan = api.draft(f"Kế hoạch CCHC 2024, sửa đổi đồng thời {t}")
        api.task(plan["id"], "1", lead_agency_id=api.agency_id)
        api.issue(plan["id"])
        _, tag = api.plan(plan["id"])
        headers = {**api.officer, "If-Match": tag}
        url = f"{api.url}/plans/{plan['id']}/amend"
        tally.add(race([Request("POST", url, headers)] * n))
        drafts = api.unit_plans(status="draft")
        open_drafts = sum(d["supersedes_id"] == plan["id"] for d in drafts)
        tally.count("open_amendments", open_drafts)
        tally.count("extra_amendments", max(open_drafts - 1, 0))
    f = tally.figures
    tally.bad = f["extra_amendments"]
    tally.outcome = (
        f"{f['open_amendments']} open amendment drafts for {trials} plans "
        f"({f['extra_amendments']} extra)"
    )
    return tally


def create_tasks(api: Api, trials: int, n: int = 20) -> Tally:
    """N × POST /plans/{id}/tasks on one draft: count and positions stay consistent."""
    tally = Tally(f"{n} × task creation")
    for t in range(trials):
        plan = api.draft(f"Kế hoạch CCHC 2024, thêm nhiệm vụ đồng thời {t}")
        url = f"{api.url}/plans/{plan['id']}/tasks"
        adds = [
            Request("POST", url, api.officer, {"ordinal": f"{i + 1}", "title": f"Nhiệm vụ {i + 1}"})
            for i in range(n)
        ]
        created = len(successes(tally.add(race(adds))))
        detail, _ = api.plan(plan["id"])
        positions = [x["position"] for x in detail["tasks"]]
        tally.count("created", created)
        tally.count("listed", len(positions))
        tally.count("task_count", detail["task_count"])
        tally.count("count_off", abs(detail["task_count"] - len(positions)))
        tally.count("duplicate_positions", len(positions) - len(set(positions)))
        tally.count("version_steps", detail["version"] - plan["version"])
    f = tally.figures
    tally.bad = f["count_off"] + f["duplicate_positions"] + abs(f["created"] - f["listed"])
    tally.outcome = (
        f"{f['created']} created, {f['listed']} listed, task_count sum {f['task_count']}; "
        f"{f['duplicate_positions']} duplicate positions"
    )
    return tally


SCENARIOS: dict[str, Callable[[Api, argparse.Namespace], Tally]] = {
    "patch-plan": lambda api, a: patch_plan(api, a.rounds),
    "patch-assignment": lambda api, a: patch_assignment(api, a.rounds),
    "issue-all-communes": lambda api, a: issue(api, a.trials, True, if_match=False),
    "issue-all-communes-if-match": lambda api, a: issue(api, a.trials, True, if_match=True),
    "issue-agency": lambda api, a: issue(api, a.trials, False, if_match=False),
    "issue-agency-if-match": lambda api, a: issue(api, a.trials, False, if_match=True),
    "issue-vs-tasks": lambda api, a: issue_racing_tasks(api, a.trials),
    "amend": lambda api, a: amend(api, a.trials),
    "create-tasks": lambda api, a: create_tasks(api, a.trials),
}


COLUMNS = ["requests", "2xx", "412", "409", "428", "5xx", "no answer", "lost / duplicated"]


def _row(cells: list[Any]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def table(label: str, tallies: list[Tally]) -> str:
    lines = [f"{label}\n"] if label else []
    lines += [_row(["scenario", "rounds", *COLUMNS, "outcome"]), _row(["---"] * 11)]
    for t in tallies:
        columns = t.columns()
        lines.append(_row([t.scenario, t.rounds, *(columns[c] for c in COLUMNS), t.outcome]))
    errors = Counter[str]()
    for t in tallies:
        errors.update(c for c in t.codes.elements() if c.startswith("5"))
    if errors:
        lines.append("")
        lines.append("5xx answers: " + ", ".join(f"{n} × {c}" for c, n in errors.most_common()))
    return "\n".join(lines)


def compare(paths: list[str]) -> str:
    """One table from the JSON of several runs (BEFORE then AFTER): a row per scenario and run."""
    runs = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            runs.append(json.load(f))
    lines = [_row(["scenario", "code", *COLUMNS, "outcome"]), _row(["---"] * 11)]
    for i, first in enumerate(runs[0]["scenarios"]):
        for run in runs:
            t = run["scenarios"][i]
            assert t["scenario"] == first["scenario"], "runs of different scenario lists"
            name = t["scenario"] if run is runs[0] else ""
            cells = [t["columns"][c] for c in COLUMNS]
            lines.append(_row([name, run["label"], *cells, t["outcome"]]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", help="e.g. http://127.0.0.1:8160")
    parser.add_argument("--password", default=os.environ.get("CCHC_DEMO_PASSWORD"))
    parser.add_argument("--rounds", type=int, default=16, help="rounds of each PATCH scenario")
    parser.add_argument("--trials", type=int, default=6, help="trials of the other scenarios")
    parser.add_argument("--only", action="append", choices=sorted(SCENARIOS), help="repeatable")
    parser.add_argument("--label", default="", help="heading of the table (code and database)")
    parser.add_argument("--json", help="also write the tallies to this file")
    parser.add_argument(
        "--compare", nargs="+", metavar="JSON", help="print one table from earlier --json files"
    )
    args = parser.parse_args(argv)
    if args.compare:
        print(compare(args.compare))
        return 0
    if not args.base_url:
        parser.error("--base-url is required (or --compare)")
    if not args.password:
        parser.error("set CCHC_DEMO_PASSWORD (the password load-demo gave the demo users)")
    api = Api(args.base_url, args.password)
    tallies = []
    for name in args.only or list(SCENARIOS):
        started = time.monotonic()
        tally = SCENARIOS[name](api, args)
        tally.seconds = round(time.monotonic() - started, 1)
        tallies.append(tally)
        answers = {s: n for s, n in sorted(tally.statuses.items()) if n}
        print(f"{name}: {answers} {tally.outcome} ({tally.seconds} s)", file=sys.stderr)
    print(table(args.label, tallies))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            scenarios = [t.as_json() for t in tallies]
            payload = {"label": args.label, "communes": api.children, "scenarios": scenarios}
            json.dump(payload, out, ensure_ascii=False, indent=2)
    held = all(t.bad == 0 and t.failures() == 0 for t in tallies)
    return 0 if held else 1


if __name__ == "__main__":
    sys.exit(main())
