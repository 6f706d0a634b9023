#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace wf {

// The result of one step inside a run object:
// {"step_name","status","started_at","completed_at","attempts","output","error"}.
struct StepResult
{
    enum class Status { Pending, Running, Success, Failed, Skipped };

    QString stepName;
    Status status = Status::Pending;
    std::optional<QString> startedAt;   // RFC 3339 UTC with microseconds
    std::optional<QString> completedAt;
    int attempts = 0;                   // attempts made (started)
    QJsonValue output = QJsonValue::Null;
    std::optional<QString> error;

    // Success or skipped: a resumed run does not execute the step again.
    bool isDone() const;

    // Lenient, for stored results: nullopt unless it is an object with a known status.
    static std::optional<StepResult> fromJson(const QJsonValue &value);
    QJsonObject toJson() const;

    static QString statusName(Status status);
    static std::optional<Status> statusFromName(const QString &name);
};

} // namespace wf
