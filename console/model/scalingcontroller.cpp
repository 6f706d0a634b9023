#include "scalingcontroller.h"

#include "client/apiclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace wf::console {

ScalingController::ScalingController(ApiClient &client, QObject *parent) : QObject(parent), m_client(client) { }

void ScalingController::refreshEvents(int limit)
{
    if (m_eventsPending)
        return;
    m_eventsPending = true;
    m_client.get(u"/api/v1/admin/scaling/events?limit=%1"_s.arg(limit), this, [this](const ApiResponse &response) {
        m_eventsPending = false;
        if (!response.ok())
            return;
        QList<ScalingEvent> events = ScalingEvent::listFromJson(response.object());
        const bool same = events.size() == m_events.size() && (events.isEmpty() || events.first().id == m_events.first().id);
        m_events = std::move(events);
        if (!same)
            Q_EMIT eventsChanged();
    });
}

void ScalingController::setReplicas(const QString &component, int replicas, const QString &reason, Callback done)
{
    QJsonObject body{{u"replicas"_s, replicas}};
    if (!reason.isEmpty())
        body.insert(u"reason"_s, reason);
    put(component, body, std::move(done));
}

void ScalingController::setAutoscale(const QString &component, bool on, int min, int max, Callback done)
{
    put(component, QJsonObject{{u"autoscale"_s, on}, {u"min"_s, min}, {u"max"_s, max}}, std::move(done));
}

void ScalingController::put(const QString &component, const QJsonObject &body, Callback done)
{
    const QString path = u"/api/v1/admin/scaling/"_s + QString::fromLatin1(QUrl::toPercentEncoding(component));
    m_client.put(path, QJsonDocument(body), this, [this, component, done = std::move(done)](const ApiResponse &response) {
        const QString message = response.ok()
                                        ? QCoreApplication::translate("ScalingController", "%1: change accepted; the platform "
                                                                                           "makes it true within seconds.")
                                                  .arg(component)
                                        : QCoreApplication::translate("ScalingController", "%1: change refused. %2")
                                                  .arg(component, response.message());
        Q_EMIT changed(response.ok(), message);
        refreshEvents();
        if (done)
            done(response);
    });
}

} // namespace wf::console
