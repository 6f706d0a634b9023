-- 006: what the cluster view, the autoscaler and the run timeline need.
--   instance_stats   each process's latest snapshot, written here only while Redis is unavailable
--                    (readers take rows younger than a few seconds);
--   stats_history    the cluster view once a second, written by the lease holder, for charts;
--   cluster_leases   who does a cluster-wide job (the monitor and autoscaler) until when;
--   scaling_targets.autoscale, scaling_events.rule/inputs/acted: the autoscaler's switch and its
--   decisions, including the ones it did not carry out (bounds, cool-down);
--   run_events.trace_id: the timeline's events carry the run's trace.

CREATE TABLE instance_stats (
    id          text        PRIMARY KEY,
    component   text        NOT NULL,
    snapshot    jsonb       NOT NULL,
    reported_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE stats_history (
    at     timestamptz PRIMARY KEY,
    sample jsonb       NOT NULL
);

CREATE TABLE cluster_leases (
    name       text        PRIMARY KEY,
    holder     text        NOT NULL,
    expires_at timestamptz NOT NULL
);

ALTER TABLE scaling_targets ADD COLUMN autoscale boolean NOT NULL DEFAULT false;

ALTER TABLE scaling_events
    ADD COLUMN rule   text,
    ADD COLUMN inputs jsonb,
    ADD COLUMN acted  boolean NOT NULL DEFAULT true;
CREATE INDEX ix_scaling_events_component ON scaling_events (component, id DESC);

-- The run timeline (GET /api/v1/runs/{id}/events) carries the run's W3C trace id per event.
ALTER TABLE run_events ADD COLUMN trace_id text;
