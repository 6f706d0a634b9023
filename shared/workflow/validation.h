#pragma once

#include "core/error.h"
#include "core/result.h"

#include <QJsonValue>
#include <QString>

// Small helpers shared by everything that validates client JSON, so that every rule is phrased
// the same way ("<where>: <field> must be …").
namespace wf::validation {

// A JSON number without a fractional part that fits a qint64 (JSON has no integer type, so 3.0 counts).
bool isInteger(const QJsonValue &value);

// " (got 2.5)", " (got string \"2s\")", " (got object)": appended to errors so that the client
// sees what it actually sent.
QString got(const QJsonValue &value);

// "<where>: <field>", or just the field at the top level.
QString at(const QString &where, const QString &field);

// Client text quoted for an error message: shortened when long, control characters escaped.
QString quote(const QString &text);

// Error::invalid("<subject> <rule>").
Error invalid(const QString &subject, const QString &rule);

// Fails unless value is an integer in [min, max].
Problem checkInteger(const QJsonValue &value, qint64 min, qint64 max, const QString &subject);

} // namespace wf::validation
