#include "runquery.h"

#include "runrecord.h"

#include "core/ids.h"

using namespace Qt::StringLiterals;

namespace wf {

Result<RunQuery> RunQuery::parse(const QString &limit, const QString &cursor, const QString &status,
                                 const QString &workflowId)
{
    auto page = PageRequest::parse(limit, cursor);
    if (!page)
        return page.error();
    RunQuery query;
    query.page = *page;
    if (!status.isEmpty()) {
        query.status = runStatusFromName(status);
        if (!query.status)
            return Error::invalid(u"status must be one of %1, got \"%2\""_s.arg(runStatusNames().join(u", "_s), status.left(40)));
    }
    if (!workflowId.isEmpty()) {
        query.workflowId = ids::normalize(workflowId);
        if (query.workflowId.isEmpty())
            return Error::invalid(u"workflow_id must be a 32-character hex id, got \"%1\""_s.arg(workflowId.left(40)));
    }
    return query;
}

} // namespace wf
