#pragma once

#include "core/result.h"

#include <QJsonArray>

namespace wf {

// Webhook header values that look like credentials (auth::looksSecret: Authorization, API keys,
// tokens, bearer schemes, long key-like strings) never leave the server in an answer: they show
// as "[redacted]". A definition sent back with "[redacted]" where the stored one has a value
// keeps the stored value, so that GET, edit, PUT works without the client knowing the secret.
class SecretRedaction
{
public:
    static constexpr QLatin1StringView Marker{"[redacted]"};

    // `steps` as an answer may show them.
    static QJsonArray redacted(const QJsonArray &steps);
    // `incoming` with each "[redacted]" header value replaced by the value of the same header of
    // the same step in `stored`; Invalid when there is none to keep.
    static Result<QJsonArray> restored(const QJsonArray &incoming, const QJsonArray &stored);
};

} // namespace wf
