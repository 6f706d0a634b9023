#include "queryparameter.h"

using namespace Qt::StringLiterals;

namespace wf::api {

Result<int> intParameter(const http::HttpRequest &request, const QString &name, int fallback, int min, int max)
{
    const QString text = request.queryValue(name);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        return Error::invalid(u"%1 must be an integer between %2 and %3, got \"%4\""_s.arg(name).arg(min).arg(max).arg(text.left(40)));
    return value;
}

} // namespace wf::api
