-- 001: workflow definitions with their versions, runs, and the transactional outbox.
-- Times are timestamptz; ids are 32 lowercase hex characters (uuid4 without dashes).

CREATE TABLE workflow_definitions (
    uuid        varchar(32) PRIMARY KEY,
    id          text        NOT NULL,            -- the client's own label, not unique
    name        text        NOT NULL,
    description text,
    steps       jsonb       NOT NULL,
    version     integer     NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    deleted_at  timestamptz                      -- soft delete: runs keep their definition
);
CREATE INDEX ix_workflow_definitions_created
    ON workflow_definitions (created_at DESC, uuid DESC) WHERE deleted_at IS NULL;

-- Every version ever saved: a run executes the version it was triggered with.
CREATE TABLE workflow_versions (
    workflow_uuid varchar(32) NOT NULL REFERENCES workflow_definitions (uuid),
    version       integer     NOT NULL,
    name          text        NOT NULL,
    description   text,
    steps         jsonb       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (workflow_uuid, version)
);

-- No foreign key to workflow_definitions: thousands of concurrent triggers of one workflow would
-- all take KEY SHARE locks on the same row (multixact churn). Definitions are never hard-deleted,
-- and the trigger statement inserts a run only for a definition it just read.
CREATE TABLE workflow_runs (
    uuid             varchar(32) PRIMARY KEY,
    workflow_id      varchar(32) NOT NULL,
    workflow_version integer     NOT NULL,
    status           text        NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'running', 'success', 'failed', 'cancelled')),
    payload          jsonb       NOT NULL DEFAULT '{}',
    started_at       timestamptz NOT NULL DEFAULT clock_timestamp(),  -- trigger time, the seed's meaning
    completed_at     timestamptz,
    error            text,
    step_results     jsonb       NOT NULL DEFAULT '{}',
    idempotency_key  text,
    retry_of         varchar(32),
    updated_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
-- The seed's indexes (status, started_at, uuid, composite), shaped for newest-first keyset pages.
CREATE INDEX ix_workflow_runs_status ON workflow_runs (status);
CREATE INDEX ix_workflow_runs_started_at ON workflow_runs (started_at DESC, uuid DESC);
CREATE INDEX ix_workflow_runs_workflow_id ON workflow_runs (workflow_id, started_at DESC, uuid DESC);
CREATE INDEX ix_workflow_runs_status_started_at ON workflow_runs (status, started_at DESC, uuid DESC);
CREATE UNIQUE INDEX ux_workflow_runs_idempotency_key
    ON workflow_runs (idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Messages written in the same transaction as the state they announce; a relay publishes the
-- rows not yet sent, so a trigger accepted while the broker is down is not lost.
CREATE TABLE outbox (
    id          bigserial   PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    payload     jsonb       NOT NULL,
    headers     jsonb       NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    sent_at     timestamptz
);
CREATE INDEX ix_outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
