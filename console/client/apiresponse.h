#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace wf::console {

// One answer of the platform's REST API as the console sees it: the HTTP status and JSON body,
// or why there is none. message() says what went wrong in words an operator can act on.
struct ApiResponse
{
    enum class Outcome {
        Answered,  // an HTTP status came back (any status: see ok())
        Timeout,   // no answer within the client's timeout
        Network,   // refused, reset, no route, TLS: nothing came back
        Malformed, // a 2xx whose body is not the JSON the route promises
    };

    Outcome outcome = Outcome::Network;
    int status = 0;
    QJsonDocument body;
    QString networkError; // Qt's words for a Network outcome
    qint64 elapsedMs = 0;

    bool ok() const { return outcome == Outcome::Answered && status >= 200 && status < 300; }
    QJsonObject object() const { return body.object(); }
    // The API's {"detail"} when there is one.
    QString detail() const;
    // What went wrong and what to do about it ("" when ok()).
    QString message() const;
};

} // namespace wf::console
