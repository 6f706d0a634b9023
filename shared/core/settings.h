#pragma once

#include "config.h"
#include "result.h"

#include <QFlags>
#include <QList>
#include <QString>

namespace wf {

// The autoscaler's trigger table (the seed's section 10) with its step sizes and cool-downs;
// the bounds are each component's min and max in scaling_targets.
struct AutoscaleThresholds
{
    qint64 workerLagHigh = 1000;    // lag above this: more workers
    qint64 workerLagLow = 100;      // lag below this: fewer workers
    int workerStep = 1;
    int workerCooldownSeconds = 60;
    int serverCpuHigh = 70;         // average CPU % of one core over the servers, last 10 s
    int serverCpuLow = 30;
    int serverP99HighMs = 2000;     // p99 of every request over the last 10 s
    int serverStep = 1;
    int serverCooldownSeconds = 60;
};

// The typed settings of the platform, read once at start-up from a Config. A value that is set
// but malformed is a start-up error, never silently replaced by its default.
struct Settings
{
    QString databaseUrl;
    int databaseConnections = 4;     // connections (and threads) of one process's database pool
    int databaseBatch = 64;          // most jobs one transaction may carry (group commit)
    QString httpHost;
    int httpPort = 8000;
    int httpThreads = 0;             // 0 = one per core
    qint64 httpMaxBodyBytes = 1 << 20;
    QString instanceId;
    QString logFormat;               // "text" or "json"
    bool authRequired = true;        // WF_AUTH=required (default) or open (client routes need no key)
    int databaseTimeoutMs = 5000;    // API: longest wait for the database (then 503); 0 = none
    QString adminToken;              // bootstrap operator key, besides the ones in api_keys
    QString rateLimitClient;         // "rate[:burst]" per client key; "0": none
    QString rateLimitOperator;       // the same per operator key
    QString rateLimitAddress;        // per client address, requests without a key
    QString kafkaBrokers;            // empty = no Kafka: triggers wait in the outbox
    QString redisUrl;                // empty = no cache
    QString kafkaProperties;         // extra librdkafka settings, "name=value;…"
    int kafkaSessionTimeoutMs = 10000;
    int workerConcurrency = 1000;    // runs one worker executes at once
    int workerLeaseSeconds = 15;
    int workerRequeueSeconds = 60;   // a pending run untouched this long is published again
    int workerHealthPort = 0;        // 0 = no health endpoint
    QString workerHealthHost = QStringLiteral("127.0.0.1"); // what it listens on
    QString webhookAllow;            // CIDRs webhook steps may reach beyond public addresses
    int workerMaxExecutions = 5;     // a run claimed more often than this ends failed
    qint64 runMaxStepOutputBytes = 1 << 20;
    qint64 runMaxBytes = 16 << 20;
    AutoscaleThresholds autoscale;
    int statsHistorySeconds = 3600;  // how long the recorded cluster view is kept

    static Result<Settings> from(const Config &config);

    // The executables a setting applies to: each one's --help lists only its own.
    enum class Executable { Server = 0x1, Worker = 0x2, Stack = 0x4 };
    Q_DECLARE_FLAGS(Executables, Executable)

    struct Entry
    {
        QString key;
        QString defaultValue;
        QString description;
        Executables executables; // never empty (tst_core checks)
    };
    // Every setting with its default and meaning, for --help and docs/configuration.md.
    static QList<Entry> catalog();
    // The settings table of `executables`' --help.
    static QString helpText(Executables executables);
    // By application name (wf-server, wf-worker, wf-stack); every executable for another name.
    static Executables executablesNamed(const QString &applicationName);
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Settings::Executables)

} // namespace wf
