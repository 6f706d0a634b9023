#pragma once

#include "http/httprequest.h"

#include "core/result.h"

#include <QJsonValue>

namespace wf::api {

// The JSON body of a request: 415 when the client says it sent something else, 400 with the
// parser's reason when it is not valid JSON, 400 naming the place when it holds what cannot be
// stored and read back exactly (U+0000, lone surrogates, nesting deeper than 64 levels). A missing
// Content-Type is taken as JSON, as the seed's FastAPI did.
Result<QJsonValue> jsonBody(const http::HttpRequest &request);

} // namespace wf::api
