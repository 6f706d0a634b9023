#pragma once

#include <QByteArray>

namespace wf {

// W3C trace context (traceparent: "00-<32 hex trace id>-<16 hex span id>-<2 hex flags>"). A run
// carries the traceparent of the request that triggered it through Kafka headers to the worker
// and on to its webhooks, so one trace id follows a run end to end.
class TraceContext
{
public:
    // The caller's trace continued with a new span when `header` is a valid traceparent, else a
    // new trace.
    static QByteArray continueFrom(const QByteArray &header);
    static bool isValid(const QByteArray &traceparent);
    static QByteArray traceId(const QByteArray &traceparent);
};

} // namespace wf
