-- 005: what happened to a run besides its state: who requeued it, and (later) the rest of its
-- timeline. One row per event, in order.

CREATE TABLE run_events (
    id         bigserial   PRIMARY KEY,
    run_id     varchar(32) NOT NULL,
    at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    kind       text        NOT NULL,   -- requeued, …
    instance   text,                   -- the process that did it (X-Instance-Id)
    detail     jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX ix_run_events_run ON run_events (run_id, id);
