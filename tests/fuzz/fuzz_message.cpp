// What one process decodes of the bytes another wrote: every input is read both as a
// workflow.trigger message off Kafka (TriggerMessage, what RunCoordinator::handle acts on) and as
// an instance snapshot from Redis or PostgreSQL (InstanceSnapshot, what the cluster view adds up
// and the autoscaler decides on). Invariants:
//   - a trigger message yields a normalised run id, the same one again from the outbox's own
//     shape, or one of the two dead-letter reasons ("not JSON" exactly when it is not JSON);
//   - a snapshot that is accepted reads back unchanged from its own JSON, and the cluster view
//     over it (every figure, the history sample) is made without undefined behaviour and
//     serialises to JSON that parses again.
// WF_FUZZ_VERBOSE=1 build-fuzz/bin/fuzz_message <file> prints what each decoder made of it.
#include "core/ids.h"
#include "core/json.h"
#include "outbox/triggermessage.h"
#include "stats/clusterview.h"

#include <QJsonObject>

#include <cstdint>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

[[noreturn]] void broken(const char *invariant)
{
    std::fprintf(stderr, "broken invariant: %s\n", invariant);
    __builtin_trap();
}

const bool kVerbose = qEnvironmentVariableIsSet("WF_FUZZ_VERBOSE");

void checkTriggerMessage(const QByteArray &bytes)
{
    const Result<TriggerMessage> decoded = TriggerMessage::decode(bytes);
    if (kVerbose)
        std::fprintf(stderr, "trigger message: %s\n", qPrintable(decoded ? u"run "_s + decoded->runId : decoded.error().detail()));
    const bool isJson = json::parse(bytes).has_value();
    if (!decoded) {
        const QString &reason = decoded.error().detail();
        if (reason != (isJson ? u"message has no valid run_id"_s : u"message is not JSON"_s))
            broken("a dead letter with the wrong reason");
        return;
    }
    if (!isJson || decoded->runId.size() != 32 || ids::normalize(decoded->runId) != decoded->runId)
        broken("a run id that is not a normalised id");
    const QJsonObject outboxShape{{u"run_id"_s, decoded->runId}, {u"workflow_id"_s, ids::create()}, {u"workflow_version"_s, 1}};
    const Result<TriggerMessage> again = TriggerMessage::decode(json::serialize(outboxShape));
    if (!again || again->runId != decoded->runId)
        broken("the outbox's shape of an accepted run id is refused");
}

void checkSnapshot(const QByteArray &bytes)
{
    const auto parsed = json::parse(bytes);
    if (!parsed || !parsed->isObject())
        return;
    const std::optional<InstanceSnapshot> snapshot = InstanceSnapshot::fromJson(parsed->toObject());
    if (kVerbose)
        std::fprintf(stderr, "snapshot: %s\n", snapshot ? json::serialize(snapshot->toJson()).constData() : "refused");
    if (!snapshot)
        return;
    const QJsonObject written = snapshot->toJson();
    const std::optional<InstanceSnapshot> reread = InstanceSnapshot::fromJson(written);
    if (!reread || reread->toJson() != written)
        broken("an accepted snapshot does not read back from its own JSON");

    // Two replicas reporting the same figures, as the cluster view adds them up.
    ClusterInputs inputs;
    inputs.nowMs = snapshot->atMs;
    InstanceSnapshot other = *snapshot;
    other.id += u"-2"_s;
    inputs.instances = {*snapshot, other};
    const ClusterView view(inputs);
    for (const QJsonObject &object : {view.toJson(), view.sample()}) {
        const auto again = json::parse(json::serialize(object));
        if (!again || !again->isObject())
            broken("the cluster view does not serialise to JSON");
    }
    for (int seconds : InstanceSnapshot::WindowSeconds)
        (void)view.averageCpuPercent(snapshot->component, seconds);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    checkTriggerMessage(bytes);
    checkSnapshot(bytes);
    return 0;
}
