#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace wf {

// A stored workflow definition as the API shows it.
struct WorkflowRecord
{
    QString uuid;
    std::optional<QString> id; // the client's label, when it gave one
    QString name;
    std::optional<QString> description;
    QJsonArray steps;
    int version = 1;
    qint64 createdAtMicros = 0;
    qint64 updatedAtMicros = 0;

    // {uuid, id, name, description, steps, version, created_at, updated_at}; secret-looking
    // webhook header values redacted (SecretRedaction).
    QJsonObject toJson() const;
};

} // namespace wf
