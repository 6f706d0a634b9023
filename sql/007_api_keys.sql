-- 007: API keys. Only the SHA-256 of a key's secret is kept (hex); the id is the key's public
-- part ("wf_<id>_<secret>"). A revoked key keeps its row, for the list and the audit trail.

CREATE TABLE api_keys (
    id         text        PRIMARY KEY,
    name       text        NOT NULL,
    role       text        NOT NULL CHECK (role IN ('client', 'operator')),
    digest     text        NOT NULL,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    revoked_at timestamptz
);
