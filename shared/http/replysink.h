#pragma once

#include <QByteArray>
#include <QObject>

namespace wf::http {

// Where the answers of one connection go, in request order: each request takes a ticket when it
// arrives, and its answer's bytes are completed under that ticket whenever its work is done.
// ConnectionSequencer writes them to a socket; tests record them. A QObject, so that a Reply
// notices when the connection is gone.
class ReplySink : public QObject
{
public:
    using QObject::QObject;

    virtual quint64 take() = 0;
    // `closeAfter`: the connection ends once these bytes are written.
    virtual void complete(quint64 ticket, QByteArray bytes, bool closeAfter) = 0;
};

} // namespace wf::http
