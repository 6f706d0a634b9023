#pragma once

#include "http/router.h"

namespace wf::api {

// GET /openapi.json: the OpenAPI 3.1 document of this API (resources/openapi.json, compiled in),
// as the seed's FastAPI served one for client generators and API tools.
class DocsController
{
public:
    void registerRoutes(http::Router &router);

    // The document's bytes (from the Qt resource :/openapi.json).
    static QByteArray document();
};

} // namespace wf::api
