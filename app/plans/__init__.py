"""Plans (kế hoạch), their tasks (nhiệm vụ) and each assignee's share (phân công).

The example a new domain copies. Each sub-package holds one resource:
    models.py   the table(s)             schemas.py  the API shapes (create, update, read)
    service.py  plain functions (session, caller, *, filters): check, change, flush, audit
    router.py   thin routes: a loader dependency, one service call, the response with its ETag
and `plans/flows.py` holds the transitions (issue, close, amend). Shared by the three:
`access.py` (who may read and write: the `require()` dependencies and the visibility filter),
`loaders.py` (one loading dependency per resource: 404 out of scope, 403 not the owner, then
If-Match 428/412, under a row lock) and `recurrence.py` (schedules and due dates).
"""
