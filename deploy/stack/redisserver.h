#pragma once

#include "core/result.h"

#include <QObject>
#include <QString>

namespace wf::stack {

class ChildProcess;

// Redis as the platform's cache: loopback only, memory only (no RDB snapshots, no AOF: a
// restarted cache starts empty, which is correct for a cache), bounded memory with LRU eviction
// over all keys (every key has a TTL anyway). Redis does not refuse root, so no user switch.
class RedisServer
{
public:
    struct Options
    {
        QString dir; // working directory (Redis writes nothing there with these settings)
        int port = 26379;
        int maxMemoryMb = 256;
        QString logFile;
    };

    static ChildProcess *createProcess(const Options &options, QObject *parent);
    // Waits until PING answers PONG.
    static Status waitReady(const Options &options, int timeoutMs);
    static QString url(const Options &options);
};

} // namespace wf::stack
