#pragma once

#include <QByteArray>
#include <QHash>

#include <optional>

namespace wf::test {

// One HTTP/1.1 request as the tests' fake servers (webhook receivers, a fake Kubernetes API) see
// it on the wire: Content-Length bodies, keep-alive, no chunking.
struct RawHttpRequest
{
    QByteArray method;
    QByteArray path;   // with the query string
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;

    // Removes the first complete request from `buffer`; nullopt while it is still incomplete.
    static std::optional<RawHttpRequest> take(QByteArray &buffer);
    // The path without the query string.
    QByteArray route() const { return path.split('?').value(0); }
};

} // namespace wf::test
