#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <cmath>

namespace wf::console {

// One answer of GET /api/v1/admin/stats, read once into typed fields (docs/api.md, "Cluster
// stats"). A figure the platform could not measure (null in the JSON) is NaN here.
struct ClusterSnapshot
{
    struct Partition
    {
        int partition = 0;
        double lag = NAN;
        double highWatermark = NAN;
        double committed = NAN; // NaN: nothing committed yet
    };
    struct Component
    {
        int instances = 0;
        int serving = 0;
        int draining = 0;
        int inFlight = 0;
        double cpuPercent10s = NAN;
        // From the scaling targets.
        int desired = -1;
        int actual = -1;
        int min = 0;
        int max = 0;
        bool autoscale = false;
    };
    struct Instance
    {
        QString component;
        QString id;
        QString host;
        qint64 pid = 0;
        QString state;
        bool draining = false;
        double cpuPercent = NAN;
        double cpuPercent10s = NAN;
        double rssBytes = NAN;
        double openFds = NAN;
        int inFlight = 0;
        double requestsPerSecond = NAN;
        double heartbeatAgeMs = NAN;
        QDateTime startedAt;
    };

    QDateTime at;
    double requestsPerSecond = NAN;      // last second
    double runsTriggeredPerSecond = NAN; // last second
    double runsFinishedPerSecond = NAN;  // last second
    double http4xxPercent = NAN;         // last 10 s
    double http5xxPercent = NAN;         // last 10 s
    double runFailurePercent = NAN;      // last 10 s; NaN when no run ended
    double latencyP50Ms = NAN;           // last 60 s, every route
    double latencyP95Ms = NAN;
    double latencyP99Ms = NAN;
    double kafkaLag = NAN;
    QString kafkaTopic;
    QList<Partition> partitions;
    double outboxBacklog = NAN;
    double outboxOldestSeconds = NAN;
    double deadLetters = NAN;
    QMap<QString, Component> components; // "server", "worker"
    QList<Instance> instances;
    QStringList unavailable; // sources the answering server could not ask

    static Result<ClusterSnapshot> fromJson(const QJsonObject &object);
};

} // namespace wf::console
