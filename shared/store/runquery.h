#pragma once

#include "page.h"

#include "core/result.h"
#include "workflow/status.h"

#include <QString>

namespace wf {

// GET /api/v1/runs?limit=&cursor=&status=&workflow_id=
struct RunQuery
{
    PageRequest page;
    std::optional<RunStatus> status; // nullopt = any
    QString workflowId; // empty = any

    static Result<RunQuery> parse(const QString &limit, const QString &cursor, const QString &status,
                                  const QString &workflowId);
};

} // namespace wf
