#include "apiresponse.h"

#include <QCoreApplication>

namespace wf::console {

QString ApiResponse::detail() const
{
    return body.object().value(QLatin1String("detail")).toString();
}

QString ApiResponse::message() const
{
    if (ok())
        return {};
    switch (outcome) {
    case Outcome::Timeout:
        return QCoreApplication::translate("ApiResponse", "The platform did not answer within %1 ms: it may be overloaded or "
                                                          "hung. The console keeps trying.")
                .arg(elapsedMs);
    case Outcome::Network:
        return QCoreApplication::translate("ApiResponse", "Cannot reach the platform (%1). Is it running? Check the URL in "
                                                          "Connection settings.")
                .arg(networkError);
    case Outcome::Malformed:
        return QCoreApplication::translate("ApiResponse", "The platform answered %1 with something that is not the expected "
                                                          "JSON: is this URL a Workflow Automation Platform?")
                .arg(status);
    case Outcome::Answered:
        break;
    }
    const QString said = detail().isEmpty() ? QCoreApplication::translate("ApiResponse", "HTTP %1").arg(status)
                                            : QCoreApplication::translate("ApiResponse", "HTTP %1: %2").arg(status).arg(detail());
    switch (status) {
    case 401:
        return QCoreApplication::translate("ApiResponse", "%1. The operator key is missing or not valid: enter one in "
                                                          "Connection settings (deploy/status --json names the local "
                                                          "stack's key file).")
                .arg(said);
    case 403:
        return QCoreApplication::translate("ApiResponse", "%1. This key may not do that: use an operator key.").arg(said);
    case 429:
        return QCoreApplication::translate("ApiResponse", "%1. Rate limited: the console slows down and tries again.").arg(said);
    case 502:
    case 503:
    case 504:
        return QCoreApplication::translate("ApiResponse", "%1. The platform is unavailable right now; the console keeps "
                                                          "trying.")
                .arg(said);
    default:
        return said;
    }
}

} // namespace wf::console
