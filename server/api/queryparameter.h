#pragma once

#include "http/httprequest.h"

#include "core/result.h"

namespace wf::api {

// An optional integer query parameter between min and max (`fallback` when absent); the error
// names the parameter and its range.
Result<int> intParameter(const http::HttpRequest &request, const QString &name, int fallback, int min, int max);

} // namespace wf::api
