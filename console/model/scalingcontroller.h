#pragma once

#include "scalingevent.h"

#include "client/apiresponse.h"

#include <QObject>

#include <functional>

namespace wf::console {

class ApiClient;

// What the capacity view changes and the decisions it lists: PUT /api/v1/admin/scaling/{component}
// (desired replicas, bounds, the autoscaler switch) and GET /api/v1/admin/scaling/events. The
// desired and actual counts themselves come with every stats snapshot.
class ScalingController : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const ApiResponse &)>;

    explicit ScalingController(ApiClient &client, QObject *parent = nullptr);

    void refreshEvents(int limit = 200);
    const QList<ScalingEvent> &events() const { return m_events; }

    void setReplicas(const QString &component, int replicas, const QString &reason, Callback done);
    void setAutoscale(const QString &component, bool on, int min, int max, Callback done);

Q_SIGNALS:
    void eventsChanged();
    // After every change, accepted or refused: the message says which and why.
    void changed(bool ok, const QString &message);

private:
    void put(const QString &component, const QJsonObject &body, Callback done);

    ApiClient &m_client;
    QList<ScalingEvent> m_events;
    bool m_eventsPending = false;
};

} // namespace wf::console
