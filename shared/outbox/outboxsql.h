#pragma once

// SQL fragments that write outbox messages, shared by every statement that announces a state
// change, so that one message shape is produced wherever a run is triggered or finishes.
// Each takes the name of a CTE (or table) with the run's columns and ends in
// RETURNING WF_OUTBOX_COLUMNS.

#include "outboxmessage.h"

// workflow.trigger, key = run id, from a source with uuid, workflow_id, workflow_version, traceparent.
#define WF_TRIGGER_MESSAGE_INSERT(source)                                                                    \
    "INSERT INTO outbox (topic, message_key, payload, headers)"                                              \
    " SELECT 'workflow.trigger', " source ".uuid, jsonb_build_object('run_id', " source ".uuid,"             \
    " 'workflow_id', " source ".workflow_id, 'workflow_version', " source ".workflow_version),"              \
    " CASE WHEN " source ".traceparent IS NULL THEN '{}'::jsonb"                                             \
    "      ELSE jsonb_build_object('traceparent', " source ".traceparent) END"                               \
    " FROM " source " RETURNING " WF_OUTBOX_COLUMNS

// workflow.completed, key = run id, from a source with the run's terminal columns.
#define WF_COMPLETED_MESSAGE_INSERT(source)                                                                  \
    "INSERT INTO outbox (topic, message_key, payload, headers)"                                              \
    " SELECT 'workflow.completed', " source ".uuid, jsonb_build_object('run_id', " source ".uuid,"           \
    " 'workflow_id', " source ".workflow_id, 'workflow_version', " source ".workflow_version,"                \
    " 'status', " source ".status, 'error', " source ".error,"                                               \
    " 'completed_at', to_char(" source ".completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')),"  \
    " CASE WHEN " source ".traceparent IS NULL THEN '{}'::jsonb"                                             \
    "      ELSE jsonb_build_object('traceparent', " source ".traceparent) END"                               \
    " FROM " source " RETURNING " WF_OUTBOX_COLUMNS
