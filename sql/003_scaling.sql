-- 003: replica counts per component. The console and PUT /api/v1/admin/scaling/{component} write
-- `desired`; whatever runs the replicas (wf-stack locally, the Kubernetes backend) makes it true
-- and writes `actual` back.

CREATE TABLE scaling_targets (
    component    text        PRIMARY KEY,
    desired      integer     NOT NULL,
    actual       integer     NOT NULL DEFAULT 0,
    min_replicas integer     NOT NULL,
    max_replicas integer     NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_by   text,
    CHECK (min_replicas >= 0 AND min_replicas <= max_replicas),
    CHECK (desired BETWEEN min_replicas AND max_replicas)
);

-- Every change of a desired count, with who asked and why (API, console, autoscaler, stack).
CREATE TABLE scaling_events (
    id            bigserial   PRIMARY KEY,
    component     text        NOT NULL,
    from_replicas integer,
    to_replicas   integer     NOT NULL,
    source        text        NOT NULL,
    reason        text,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ix_scaling_events_created_at ON scaling_events (created_at DESC);
