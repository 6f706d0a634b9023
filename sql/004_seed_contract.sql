-- 004: the seed's optional workflow id, and retries that know the run their chain started from
-- (a webhook's Idempotency-Key is derived from it, so it stays the same across retries).

ALTER TABLE workflow_definitions ALTER COLUMN id DROP NOT NULL;

ALTER TABLE workflow_runs ADD COLUMN retry_root varchar(32);  -- NULL: the run is no retry

WITH RECURSIVE chain (uuid, root) AS (
    SELECT uuid, uuid FROM workflow_runs WHERE retry_of IS NULL
    UNION ALL
    SELECT r.uuid, c.root FROM workflow_runs r JOIN chain c ON r.retry_of = c.uuid
)
UPDATE workflow_runs r SET retry_root = c.root FROM chain c WHERE r.uuid = c.uuid AND r.retry_of IS NOT NULL;
