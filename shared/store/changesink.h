#pragma once

#include "core/callback.h"
#include "outbox/outboxmessage.h"

#include <QList>
#include <QStringList>

namespace wf {

// What one committed transaction changed: the runs and workflows whose cached copies are stale
// now, and the messages written with it (to publish at once; the outbox relay covers a publish
// that fails or never happens).
struct Change
{
    QStringList runs;
    QStringList workflows;
    QList<OutboxMessage> messages;

    bool isEmpty() const { return runs.isEmpty() && workflows.isEmpty() && messages.isEmpty(); }
};

// Where every committed change of runs and workflows goes, once, right after the commit: the one
// place that publishes and invalidates. Called on the thread that owns the sink.
class ChangeSink
{
public:
    virtual ~ChangeSink() = default;
    virtual void committed(const Change &change) = 0;
};

// `done`, preceded on success by telling `sink` (when there is one) what `describe` says changed.
template<typename T, typename Describe>
Callback<T> afterCommit(ChangeSink *sink, Callback<T> done, Describe describe)
{
    return [sink, done = std::move(done), describe = std::move(describe)](Result<T> outcome) {
        if (sink && outcome.ok()) {
            const Change change = describe(*outcome);
            if (!change.isEmpty())
                sink->committed(change);
        }
        done(std::move(outcome));
    };
}

} // namespace wf
