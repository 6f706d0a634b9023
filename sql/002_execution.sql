-- 002: what the execution pipeline needs: run leases, re-enqueue bookkeeping, trace context,
-- outbox claims for the relay, and dead letters.

ALTER TABLE workflow_runs
    ADD COLUMN lease_owner        text,                 -- the worker executing the run
    ADD COLUMN lease_expires_at   timestamptz,          -- renewed while it runs; past = free to take over
    ADD COLUMN execution_attempts integer     NOT NULL DEFAULT 0,  -- claims so far (1 = first execution)
    ADD COLUMN enqueued_at        timestamptz NOT NULL DEFAULT clock_timestamp(),  -- last trigger message written
    ADD COLUMN traceparent        text;                 -- W3C trace context of the trigger

-- The sweeper's two questions: whose lease expired, which pending run waits suspiciously long.
CREATE INDEX ix_workflow_runs_lease_expires_at ON workflow_runs (lease_expires_at) WHERE status = 'running';
CREATE INDEX ix_workflow_runs_pending_enqueued_at ON workflow_runs (enqueued_at) WHERE status = 'pending';
CREATE INDEX ix_workflow_runs_retry_of ON workflow_runs (retry_of) WHERE retry_of IS NOT NULL;

-- A relay that takes unsent rows marks them for a while, so relays of other replicas skip them.
ALTER TABLE outbox ADD COLUMN claimed_until timestamptz;

-- Messages a worker could not use (unparseable, or for a run that does not exist), with why.
CREATE TABLE dead_letters (
    id             bigserial   PRIMARY KEY,
    topic          text        NOT NULL,
    kafka_partition integer    NOT NULL,
    kafka_offset   bigint      NOT NULL,
    message_key    text,
    payload        text,
    reason         text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
