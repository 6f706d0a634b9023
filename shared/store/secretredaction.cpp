#include "secretredaction.h"

#include "auth/apitoken.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

// The step's headers object (webhook steps only), or an empty one.
QJsonObject headersOf(const QJsonObject &step)
{
    if (step.value(u"type"_s).toString() != u"webhook"_s)
        return {};
    return step.value(u"config"_s).toObject().value(u"headers"_s).toObject();
}

QJsonObject withHeaders(QJsonObject step, const QJsonObject &headers)
{
    QJsonObject config = step.value(u"config"_s).toObject();
    config.insert(u"headers"_s, headers);
    step.insert(u"config"_s, config);
    return step;
}

} // namespace

QJsonArray SecretRedaction::redacted(const QJsonArray &steps)
{
    QJsonArray out;
    for (const QJsonValue &value : steps) {
        const QJsonObject step = value.toObject();
        QJsonObject headers = headersOf(step);
        bool changed = false;
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            if (it.value().isString() && auth::looksSecret(it.key(), it.value().toString())) {
                it.value() = QString(Marker);
                changed = true;
            }
        }
        out.append(changed ? withHeaders(step, headers) : step);
    }
    return out;
}

Result<QJsonArray> SecretRedaction::restored(const QJsonArray &incoming, const QJsonArray &stored)
{
    QHash<QString, QJsonObject> storedHeaders;
    for (const QJsonValue &value : stored)
        storedHeaders.insert(value.toObject().value(u"name"_s).toString(), headersOf(value.toObject()));
    QJsonArray out;
    for (const QJsonValue &value : incoming) {
        const QJsonObject step = value.toObject();
        QJsonObject headers = headersOf(step);
        bool changed = false;
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            if (it.value().toString() != Marker)
                continue;
            const QString name = step.value(u"name"_s).toString();
            const QJsonValue kept = storedHeaders.value(name).value(it.key());
            if (!kept.isString())
                return Error::invalid(u"steps '%1': config.headers.%2 is \"%3\" but the stored workflow has no value to keep;"
                                      " send the value itself"_s.arg(name, it.key(), QString(Marker)));
            it.value() = kept;
            changed = true;
        }
        out.append(changed ? withHeaders(step, headers) : step);
    }
    return out;
}

} // namespace wf
