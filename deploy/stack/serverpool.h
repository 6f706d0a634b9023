#pragma once

#include "nginx.h"
#include "replicaset.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

class QNetworkAccessManager;
class QTimer;

namespace wf::stack {

class ChildProcess;

// The API replicas behind nginx. A replica joins the upstream list only once it answers
// /health/ready under its own instance id, and leaves it before it is stopped: on a scale-down
// the replica is taken out, nginx reloads, and only when nginx's old workers (which may still
// hold requests for it) are gone does the replica get SIGTERM — so a scale change fails no
// request. A replica whose process dies is taken out and comes back when its successor is ready;
// a replica that is merely slow (overloaded) stays in.
class ServerPool : public QObject
{
public:
    ServerPool(ReplicaSet::SpecFactory factory, Nginx::Options nginx, QObject *parent = nullptr);

    // Starts nginx and waits until it holds its port; an error naming the port (and whoever
    // holds it) when it cannot listen there.
    Status start(int replicas);
    void setDesired(int replicas);
    int desired() const { return m_replicas->desired(); }
    int actual() const;
    // The ports nginx sends requests to now.
    QList<int> upstream() const { return m_upstream; }
    // Every replica is in the upstream list and nginx finished reloading it.
    bool allReady() const;
    // nginx runs and its master holds a socket listening on the HTTP port.
    bool nginxListening() const;
    // Instance ids of the replicas (X-Instance-Id), in index order.
    QStringList instances() const;
    void stopAll(int timeoutMs);
    QJsonObject status() const;
    QJsonObject nginxStatus() const;

private:
    static int portOf(const ChildProcess *child);
    Status waitListening(int timeoutMs);
    void poll();
    void sync();
    void drain(ChildProcess *child, std::function<void()> stopNow);

    ReplicaSet *m_replicas;
    Nginx::Options m_nginxOptions;
    ChildProcess *m_nginx = nullptr;
    QNetworkAccessManager *m_network;
    QTimer *m_pollTimer;
    QSet<const ChildProcess *> m_ready;
    QHash<const ChildProcess *, qint64> m_readyPid;
    QSet<const ChildProcess *> m_draining;
    QList<int> m_upstream;
    qint64 m_nginxGroup = 0; // the master's process group, to end its workers if it dies
    QList<qint64> m_reloadingWorkers; // nginx workers of the configuration before the last reload
    int m_reloads = 0;
};

} // namespace wf::stack
