#pragma once

#include "stepdefinition.h"

#include "core/result.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace wf {

class StepCatalog;

// A workflow as a client defines it (POST/PUT /api/v1/workflows), validated as a whole.
struct WorkflowDefinition
{
    std::optional<QString> id; // the client's own label; not unique, optional
    QString name;
    std::optional<QString> description;
    QList<StepDefinition> steps;

    // Validates a request body against the step types of `catalog`. Every failure is an
    // Error::invalid whose detail names the field and, for a step, its index and name
    // ("steps[1] 'notify': …").
    static Result<WorkflowDefinition> fromJson(const QJsonValue &body, const StepCatalog &catalog);

    QJsonArray stepsToJson() const;
    // Lenient, for steps that were validated before they were stored.
    static QList<StepDefinition> stepsFromStoredJson(const QJsonArray &steps);
};

} // namespace wf
