// The parts of the worker's run coordinator, each over a scripted ExecutionStore (no database,
// no broker): the batching helper they share, the claim queue, the end queue, the lease keeper,
// dead-lettering, the sweeper's lag rule and the decoding of trigger messages.
#include "core/batcher.h"
#include "execution/claimqueue.h"
#include "execution/deadletters.h"
#include "execution/endqueue.h"
#include "execution/executionstore.h"
#include "execution/leasekeeper.h"
#include "execution/sweeper.h"
#include "outbox/relaypace.h"
#include "outbox/triggermessage.h"
#include "store/changesink.h"
#include "store/triggerbatcher.h"

#include <QtTest>

#include <deque>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

// Answers every call from the event loop, with what the test queued for that kind of call (or a
// default); records what was asked.
class FakeStore : public ExecutionStore
{
public:
    const QString &owner() const override { return m_owner; }
    int leaseSeconds() const override { return 3; }

    std::deque<Result<ClaimOutcome>> claimAnswers;
    std::deque<Result<QList<OutboxMessage>>> finishAnswers;
    std::deque<Result<QList<LostLease>>> renewAnswers;
    std::deque<Result<OutboxMessage>> deadLetterAnswers;
    bool holdRenewals = false; // renewals never answered (a stalled database)

    QList<QStringList> claims;
    QList<QList<RunEnd>> finishes;
    QList<QList<RunLease>> renewals;
    QList<bool> sweeps; // republishStale of each sweep
    int deadLetters = 0;

    void claim(QObject *context, const QStringList &runIds, Callback<ClaimOutcome> done) override
    {
        claims.append(runIds);
        answer(context, take(claimAnswers, [&] {
            ClaimOutcome outcome;
            for (const QString &id : runIds) {
                ClaimedRun run;
                run.lease = {id, 1};
                run.plan.runId = id;
                outcome.claimed.append(run);
            }
            return Result<ClaimOutcome>(outcome);
        }), std::move(done));
    }
    void saveSteps(QObject *context, const RunLease &, const StepResults &, Callback<bool> done) override
    {
        answer(context, Result<bool>(true), std::move(done));
    }
    void markStepsRunning(QObject *context, const QList<StepMark> &marks, Callback<QStringList> done) override
    {
        QStringList runs;
        for (const StepMark &mark : marks)
            runs.append(mark.lease.runId);
        answer(context, Result<QStringList>(runs), std::move(done));
    }
    void saveCancelledSteps(QObject *context, const RunLease &, const StepResults &, Callback<bool> done) override
    {
        answer(context, Result<bool>(true), std::move(done));
    }
    void finish(QObject *context, const QList<RunEnd> &ends, Callback<QList<OutboxMessage>> done) override
    {
        finishes.append(ends);
        answer(context, take(finishAnswers, [&] {
            QList<OutboxMessage> messages;
            for (const RunEnd &end : ends)
                messages.append(message(end.lease.runId));
            return Result<QList<OutboxMessage>>(messages);
        }), std::move(done));
    }
    void renew(QObject *context, const QList<RunLease> &leases, Callback<QList<LostLease>> done) override
    {
        renewals.append(leases);
        if (holdRenewals)
            return;
        answer(context, take(renewAnswers, [] { return Result<QList<LostLease>>(QList<LostLease>{}); }), std::move(done));
    }
    void release(QObject *context, const QList<RunLease> &leases, Callback<qint64> done) override
    {
        answer(context, Result<qint64>(leases.size()), std::move(done));
    }
    std::deque<Result<QList<OutboxMessage>>> sweepAnswers;
    QList<bool> expiries; // expireLeases of each sweep

    void sweep(QObject *context, int, bool expireLeases, bool republishStale, int, Callback<QList<OutboxMessage>> done) override
    {
        sweeps.append(republishStale);
        expiries.append(expireLeases);
        if (!sweepAnswers.empty()) {
            Result<QList<OutboxMessage>> next = std::move(sweepAnswers.front());
            sweepAnswers.pop_front();
            answer(context, std::move(next), std::move(done));
            return;
        }
        answer(context, Result<QList<OutboxMessage>>(QList<OutboxMessage>{message(u"swept"_s)}), std::move(done));
    }
    void deadLetter(QObject *context, const QByteArray &, int, qint64, const QByteArray &, const QByteArray &, const QString &,
                    Callback<OutboxMessage> done) override
    {
        ++deadLetters;
        answer(context, take(deadLetterAnswers, [] { return Result<OutboxMessage>(message(u"dlq"_s)); }), std::move(done));
    }

    static OutboxMessage message(const QString &key)
    {
        OutboxMessage message;
        message.key = key.toLatin1();
        return message;
    }

private:
    template<typename T, typename Default>
    static Result<T> take(std::deque<Result<T>> &queue, Default fallback)
    {
        if (queue.empty())
            return fallback();
        Result<T> next = std::move(queue.front());
        queue.pop_front();
        return next;
    }
    template<typename T>
    static void answer(QObject *context, Result<T> result, Callback<T> done)
    {
        QMetaObject::invokeMethod(context, [result = std::move(result), done = std::move(done)]() mutable { done(std::move(result)); },
                                  Qt::QueuedConnection);
    }

    QString m_owner = u"worker-test"_s;
};

class RecordingChanges : public ChangeSink
{
public:
    void committed(const Change &change) override { changes.append(change); }
    QList<Change> changes;
};

kafka::KafkaMessage messageFor(const QString &runId, qint64 offset)
{
    kafka::KafkaMessage message;
    message.topic = "workflow.trigger";
    message.partition = 0;
    message.offset = offset;
    message.value = "{\"run_id\":\"" + runId.toLatin1() + "\"}";
    return message;
}

} // namespace

class TestCoordinator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batcherLeavesBySizeDelayAndBytes();
    void batcherHoldsWhileInFlightAndRequeuesFirst();
    void claimQueueBatchesAndRetriesFirstInLine();
    void claimQueueSortsOutcomes();
    void endQueueRetriesUntilTheLeaseDeadline();
    void leaseKeeperRenewsOnceAtATimeAndReportsLosses();
    void deadLettersAreRetriedUntilRecorded();
    void sweeperLeavesStaleRunsAloneWhileThereIsLag();
    void relayBacksOffWhilePublishesFail();
    void triggerBatchesAreBoundedByBytes();
    void sweeperGivesLeasesGraceAfterAnOutage();
    void busyRunsAreClaimedAgainNotDropped();
    void endsGiveUpOnErrorsThatRepeat();
    void triggerMessagesYieldOnlyAValidRunId();
};

void TestCoordinator::batcherLeavesBySizeDelayAndBytes()
{
    QList<QList<int>> written;
    Batcher<int> *self = nullptr;
    Batcher<int> batcher({3, 0, 30, 4, 100}, [&](QList<int> batch) {
        written.append(batch);
        self->finished();
    });
    self = &batcher;
    batcher.add(1);
    batcher.add(2);
    QVERIFY(written.isEmpty());
    batcher.add(3); // full: leaves at once
    QCOMPARE(written, (QList<QList<int>>{{1, 2, 3}}));
    batcher.add(4);
    QVERIFY(written.size() == 1);
    QTRY_COMPARE(written.size(), 2); // after the delay
    QCOMPARE(written.at(1), QList<int>{4});
    QVERIFY(batcher.idle());

    // By bytes: items weigh their value; at most 10 per batch, but one item always leaves.
    QList<QList<int>> heavy;
    Batcher<int> *second = nullptr;
    Batcher<int> byBytes({100, 10, 0, 4, 100}, [&](QList<int> batch) {
        heavy.append(batch);
        second->finished();
    }, [](const int &item) { return qint64(item); });
    second = &byBytes;
    for (int item : {4, 4, 4, 30, 1})
        byBytes.add(item);
    QTRY_VERIFY(byBytes.idle());
    QList<int> all;
    for (const QList<int> &batch : heavy) {
        int bytes = 0;
        for (int item : batch)
            bytes += item;
        QVERIFY2(bytes <= 10 || batch.size() == 1, qPrintable(QString::number(bytes)));
        all += batch;
    }
    QCOMPARE(all, (QList<int>{4, 4, 4, 30, 1}));
}

void TestCoordinator::batcherHoldsWhileInFlightAndRequeuesFirst()
{
    QList<QList<int>> written;
    Batcher<int> batcher({10, 0, 0, 1, 50}, [&](QList<int> batch) { written.append(batch); });
    batcher.add(1);
    QTRY_COMPARE(written.size(), 1);
    batcher.add(2);
    batcher.add(3);
    QTest::qWait(20);
    QCOMPARE(written.size(), 1); // one in flight at most
    QCOMPARE(batcher.inFlight(), 1);
    // The writer hands its batch back: it goes first, after the retry delay, with what waited.
    QElapsedTimer clock;
    clock.start();
    batcher.finished({1});
    QCOMPARE(batcher.waiting(), (QList<int>{1, 2, 3}));
    QTRY_COMPARE(written.size(), 2);
    QVERIFY2(clock.elapsed() >= 45, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(written.at(1), (QList<int>{1, 2, 3}));
    batcher.finished();
    QVERIFY(batcher.idle());
    // takeWaiting forgets what did not leave.
    batcher.add(9);
    QTRY_COMPARE(written.size(), 3);
    batcher.add(10);
    QCOMPARE(batcher.takeWaiting(), QList<int>{10});
    batcher.finished();
    QTest::qWait(20);
    QCOMPARE(written.size(), 3);
}

void TestCoordinator::claimQueueBatchesAndRetriesFirstInLine()
{
    FakeStore store;
    store.claimAnswers.push_back(Error::unavailable(u"database down"_s));
    QStringList claimed;
    QList<qint64> acknowledged;
    QList<bool> stalls;
    ClaimQueue::Handlers handlers;
    handlers.claimed = [&](const ClaimedRun &run) { claimed.append(run.lease.runId); };
    handlers.acknowledge = [&](const kafka::KafkaMessage &message) { acknowledged.append(message.offset); };
    handlers.missing = [](const kafka::KafkaMessage &, const QString &) { QFAIL("nothing is missing"); };
    handlers.stalled = [&](bool stalled) { stalls.append(stalled); };
    ClaimQueue queue(store, {10, 5, 50}, handlers);
    queue.add(u"a"_s, messageFor(u"a"_s, 1));
    queue.add(u"b"_s, messageFor(u"b"_s, 2));
    queue.add(u"a"_s, messageFor(u"a"_s, 3)); // the same run twice: claimed once, both acknowledged
    QTRY_COMPARE(store.claims.size(), 1);
    QCOMPARE(store.claims.at(0), (QStringList{u"a"_s, u"b"_s}));
    QTRY_COMPARE(stalls, QList<bool>{true});
    queue.add(u"c"_s, messageFor(u"c"_s, 4));
    QTRY_COMPARE(store.claims.size(), 2);
    QCOMPARE(store.claims.at(1), (QStringList{u"a"_s, u"b"_s, u"c"_s})); // the failed ones first
    QTRY_COMPARE(acknowledged, (QList<qint64>{1, 2, 3, 4}));
    QCOMPARE(claimed, (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(stalls, (QList<bool>{true, false}));
    QCOMPARE(queue.claimed(), 3);
}

void TestCoordinator::claimQueueSortsOutcomes()
{
    FakeStore store;
    ClaimOutcome outcome;
    ClaimedRun run;
    run.lease = {u"ok"_s, 2};
    outcome.claimed.append(run);
    outcome.missing = {u"ghost"_s};
    outcome.skipped = {u"done"_s};
    outcome.failed = {u"poison"_s};
    outcome.completed = {FakeStore::message(u"poison"_s)};
    store.claimAnswers.push_back(outcome);
    QStringList events;
    ClaimQueue::Handlers handlers;
    handlers.claimed = [&](const ClaimedRun &claimed) { events.append(u"claimed "_s + claimed.lease.runId); };
    handlers.acknowledge = [&](const kafka::KafkaMessage &message) { events.append(u"ack "_s + QString::number(message.offset)); };
    handlers.missing = [&](const kafka::KafkaMessage &message, const QString &reason) {
        events.append(u"missing "_s + QString::number(message.offset) + u": "_s + reason);
    };
    handlers.endedAtClaim = [&](const QStringList &ids, const QList<OutboxMessage> &completed) {
        events.append(u"ended "_s + ids.join(u','));
        QCOMPARE(completed.size(), 1);
    };
    ClaimQueue queue(store, {10, 0, 50}, handlers);
    int offset = 0;
    for (const QString &id : {u"ok"_s, u"ghost"_s, u"done"_s, u"poison"_s})
        queue.add(id, messageFor(id, ++offset));
    QTRY_COMPARE(events.size(), 6);
    QCOMPARE(events, (QStringList{u"claimed ok"_s, u"ended poison"_s, u"ack 1"_s, u"missing 2: run ghost does not exist"_s,
                                  u"ack 3"_s, u"ack 4"_s}));
}

void TestCoordinator::endQueueRetriesUntilTheLeaseDeadline()
{
    FakeStore store;
    for (int i = 0; i < 100; ++i)
        store.finishAnswers.push_back(Error::unavailable(u"stalled"_s));
    qint64 now = 0;
    QHash<QString, qint64> deadlines{{u"short"_s, 120}, {u"long"_s, 100000}};
    QStringList fates;
    QList<QList<OutboxMessage>> written;
    EndQueue ends(
            store, {10, 0, 20}, [&](const RunLease &lease) { return deadlines.value(lease.runId); }, [&] { return now; },
            [&](const RunEnd &end, EndQueue::Fate fate) {
                fates.append(end.lease.runId + u':' + QString::number(int(fate)));
            },
            [&](const QList<OutboxMessage> &messages) { written.append(messages); });
    ends.add({{u"short"_s, 1}, RunStatus::Success, std::nullopt, {}});
    ends.add({{u"long"_s, 1}, RunStatus::Failed, u"step 'x': boom"_s, {}});
    QTRY_VERIFY(store.finishes.size() >= 2);
    now = 200; // past the short lease's deadline: it is left to the lease; the other keeps trying
    QTRY_COMPARE(fates, QStringList{u"short:%1"_s.arg(int(EndQueue::Fate::Abandoned))});
    const qsizetype attempts = store.finishes.size();
    QTRY_VERIFY(store.finishes.size() > attempts + 1);
    QCOMPARE(store.finishes.last().size(), 1);
    QCOMPARE(store.finishes.last().at(0).lease.runId, u"long"_s);
    store.finishAnswers.clear(); // the database is back
    QTRY_COMPARE(fates.size(), 2);
    QCOMPARE(fates.at(1), u"long:%1"_s.arg(int(EndQueue::Fate::Written)));
    QCOMPARE(written.size(), 1);
    QVERIFY(ends.idle());

    // An end the store did not write (the run was no longer ours) is NotOurs.
    store.finishAnswers.push_back(QList<OutboxMessage>{});
    ends.add({{u"taken"_s, 2}, RunStatus::Success, std::nullopt, {}});
    QTRY_COMPARE(fates.size(), 3);
    QCOMPARE(fates.at(2), u"taken:%1"_s.arg(int(EndQueue::Fate::NotOurs)));
}

void TestCoordinator::leaseKeeperRenewsOnceAtATimeAndReportsLosses()
{
    FakeStore store;
    QList<LostLease> lost;
    LeaseKeeper keeper(store, [&](const LostLease &lease) { lost.append(lease); });
    keeper.track({u"a"_s, 1}, 0);
    keeper.track({u"b"_s, 2}, 0);
    QCOMPARE(keeper.deadline({u"a"_s, 1}), 3000);
    QCOMPARE(keeper.deadline({u"a"_s, 2}), 0); // another execution of the run is not this lease
    QVERIFY(!keeper.holds({u"b"_s, 1}));

    store.renewAnswers.push_back(QList<LostLease>{{{u"b"_s, 2}, RunStatus::Cancelled}});
    QTest::qWait(5);
    keeper.renew();
    QCOMPARE(store.renewals.size(), 1);
    QTRY_COMPARE(lost.size(), 1);
    QCOMPARE(lost.at(0).lease.runId, u"b"_s);
    QCOMPARE(lost.at(0).status, std::optional<RunStatus>(RunStatus::Cancelled));
    QVERIFY(!keeper.holds({u"b"_s, 2}));
    QVERIFY(keeper.deadline({u"a"_s, 1}) > 3000); // confirmed by the renewal

    // A stalled database: one renewal waits, no second one piles up behind it.
    store.holdRenewals = true;
    keeper.renew();
    keeper.renew();
    keeper.renew();
    QCOMPARE(store.renewals.size(), 2);
    QCOMPARE(store.renewals.last(), (QList<RunLease>{{u"a"_s, 1}}));
    keeper.forget({u"a"_s, 1});
    QCOMPARE(keeper.tracked(), 0);
}

void TestCoordinator::deadLettersAreRetriedUntilRecorded()
{
    FakeStore store;
    store.deadLetterAnswers.push_back(Error::unavailable(u"down"_s));
    store.deadLetterAnswers.push_back(Error::unavailable(u"still down"_s));
    QList<qint64> acknowledged;
    RecordingChanges changes;
    DeadLetters letters(store, changes, [&](const kafka::KafkaMessage &message) { acknowledged.append(message.offset); });
    letters.setRetryStepMs(10);
    letters.record(messageFor(u"x"_s, 42), u"message has no valid run_id"_s);
    QCOMPARE(letters.pending(), 1);
    QTRY_COMPARE(acknowledged, QList<qint64>{42});
    QCOMPARE(store.deadLetters, 3);
    QCOMPARE(letters.recorded(), 1);
    QCOMPARE(letters.pending(), 0);
    // Its workflow.dlq message went through the after-commit sink, once.
    QCOMPARE(changes.changes.size(), 1);
    QCOMPARE(changes.changes.at(0).messages.size(), 1);
}

void TestCoordinator::sweeperLeavesStaleRunsAloneWhileThereIsLag()
{
    FakeStore store;
    RecordingChanges changes;
    std::optional<qint64> lag = 250;
    Sweeper sweeper(store, changes, [&] { return lag; }, 60, 1000, 0);
    sweeper.sweep();
    QTRY_COMPARE(changes.changes.size(), 1); // expired leases are requeued regardless
    lag = 0;
    sweeper.sweep();
    QTRY_COMPARE(changes.changes.size(), 2);
    lag.reset(); // unknown: a lost message must not stay lost
    sweeper.sweep();
    QTRY_COMPARE(changes.changes.size(), 3);
    QCOMPARE(store.sweeps, (QList<bool>{false, true, true}));
    QCOMPARE(sweeper.heldBack(), 1);
    QCOMPARE(changes.changes.at(0).runs, QStringList{u"swept"_s});
    QCOMPARE(changes.changes.at(0).messages.size(), 1);
}

void TestCoordinator::sweeperGivesLeasesGraceAfterAnOutage()
{
    FakeStore store;
    RecordingChanges changes;
    Sweeper sweeper(store, changes, [] { return std::optional<qint64>(0); }, 60, 1000, 300);
    // A worker that just started gives leases the grace too: it cannot know whether the
    // database was just away.
    QVERIFY(sweeper.inGrace());
    QTest::qWait(320);
    QVERIFY(!sweeper.inGrace());
    store.sweepAnswers.push_back(Error::unavailable(u"database unavailable"_s));
    sweeper.sweep();
    QTRY_COMPARE(store.expiries.size(), 1);
    QTRY_VERIFY(sweeper.inGrace()); // the database went away
    sweeper.sweep();
    QTRY_COMPARE(store.expiries.size(), 2);
    QCOMPARE(store.expiries, (QList<bool>{true, false})); // back, but leases left alone for now
    QTest::qWait(320);
    sweeper.sweep();
    QTRY_COMPARE(store.expiries.size(), 3);
    QCOMPARE(store.expiries.last(), true);
}

void TestCoordinator::relayBacksOffWhilePublishesFail()
{
    RelayPace pace(1000, 8000);
    QCOMPARE(pace.next(10, 500, 0), 1000);  // a small batch: the regular interval
    QCOMPARE(pace.next(500, 500, 0), 0);    // a full one: a backlog, go on at once
    QCOMPARE(pace.next(500, 500, 3), 1000); // publishes failed: pause, growing
    QCOMPARE(pace.next(500, 500, 9), 2000);
    QCOMPARE(pace.next(500, 500, 20), 4000);
    QCOMPARE(pace.next(500, 500, 21), 8000);
    QCOMPARE(pace.next(500, 500, 22), 8000); // capped
    QCOMPARE(pace.backoffMs(), 8000);
    QCOMPARE(pace.next(500, 500, 22), 0);    // no new failures: the backlog again, at once
    QCOMPARE(pace.backoffMs(), 0);
}

void TestCoordinator::triggerBatchesAreBoundedByBytes()
{
    QCOMPARE(TriggerBatcher::nextBatch({}), 0);
    QCOMPARE(TriggerBatcher::nextBatch(QList<qint64>(600, 10)), 500);            // by count
    QCOMPARE(TriggerBatcher::nextBatch({4 << 20, 3 << 20, 2 << 20, 1}), 2);      // by bytes: 8 MiB
    QCOMPARE(TriggerBatcher::nextBatch({20 << 20, 1}), 1);                       // one always leaves
    QCOMPARE(TriggerBatcher::nextBatch({5, 5, 5}, 10, 12), 2);
}

void TestCoordinator::busyRunsAreClaimedAgainNotDropped()
{
    // A row another write held when the claim ran: its message waits and is claimed again.
    FakeStore store;
    ClaimOutcome first;
    first.busy = {u"locked"_s};
    store.claimAnswers.push_back(first);
    QStringList claimed;
    QList<qint64> acknowledged;
    ClaimQueue::Handlers handlers;
    handlers.claimed = [&](const ClaimedRun &run) { claimed.append(run.lease.runId); };
    handlers.acknowledge = [&](const kafka::KafkaMessage &message) { acknowledged.append(message.offset); };
    handlers.missing = [](const kafka::KafkaMessage &, const QString &) { QFAIL("nothing is missing"); };
    ClaimQueue queue(store, {10, 0, 30}, handlers);
    queue.add(u"locked"_s, messageFor(u"locked"_s, 7));
    QTRY_COMPARE(store.claims.size(), 1);
    QTest::qWait(10);
    QVERIFY(acknowledged.isEmpty());
    QTRY_COMPARE(store.claims.size(), 2);
    QTRY_COMPARE(claimed, QStringList{u"locked"_s});
    QCOMPARE(acknowledged, QList<qint64>{7});
}

void TestCoordinator::endsGiveUpOnErrorsThatRepeat()
{
    FakeStore store;
    for (int i = 0; i < 20; ++i)
        store.finishAnswers.push_back(Error::internal(u"value too long"_s));
    QStringList fates;
    EndQueue ends(
            store, {10, 0, 5, 60000}, [](const RunLease &) { return qint64(1) << 40; }, [] { return qint64(0); },
            [&](const RunEnd &end, EndQueue::Fate fate) { fates.append(end.lease.runId + u':' + QString::number(int(fate))); }, {});
    ends.add({{u"bad"_s, 1}, RunStatus::Success, std::nullopt, {}});
    // Not for ever, although the lease holds: five tries, then it is left to the lease.
    QTRY_COMPARE(fates, QStringList{u"bad:%1"_s.arg(int(EndQueue::Fate::Abandoned))});
    QCOMPARE(store.finishes.size(), 5);
}

void TestCoordinator::triggerMessagesYieldOnlyAValidRunId()
{
    // What the outbox writes (jsonb_build_object, keys in jsonb's order), any id spelling.
    const auto written = TriggerMessage::decode(
            R"({"run_id": "a9df3ab41c2d4e5f8a9b0c1d2e3f4a5b", "workflow_id": "17885abc0b2d4c3e9f1a2b3c4d5e6f70", "workflow_version": 3})");
    QVERIFY(written);
    QCOMPARE(written->runId, u"a9df3ab41c2d4e5f8a9b0c1d2e3f4a5b"_s);
    QCOMPARE(TriggerMessage::decode(R"({"run_id":"A9DF3AB4-1C2D-4E5F-8A9B-0C1D2E3F4A5B"})")->runId,
             u"a9df3ab41c2d4e5f8a9b0c1d2e3f4a5b"_s);
    // Anything else is a dead letter, with the reason it records.
    for (const QByteArray &notJson : {QByteArray(), QByteArray("{"), QByteArray("run_id=a9df"), QByteArray("\xff\xfe{}")}) {
        const auto decoded = TriggerMessage::decode(notJson);
        QVERIFY2(!decoded, notJson.constData());
        QCOMPARE(decoded.error().detail(), u"message is not JSON"_s);
    }
    for (const QByteArray &noRun : {QByteArray("{}"), QByteArray("[]"), QByteArray("null"), QByteArray(R"("a9df3ab41c2d4e5f8a9b0c1d2e3f4a5b")"),
                                    QByteArray(R"({"run_id": 42})"), QByteArray(R"({"run_id": null})"),
                                    QByteArray(R"({"run_id": "a9df3ab41c2d4e5f8a9b0c1d2e3f4a5"})"),
                                    QByteArray(R"({"run_id": "g9df3ab41c2d4e5f8a9b0c1d2e3f4a5b"})"),
                                    QByteArray(R"({"run_id": ["a9df3ab41c2d4e5f8a9b0c1d2e3f4a5b"]})"),
                                    QByteArray(R"({"runId": "a9df3ab41c2d4e5f8a9b0c1d2e3f4a5b"})")}) {
        const auto decoded = TriggerMessage::decode(noRun);
        QVERIFY2(!decoded, noRun.constData());
        QCOMPARE(decoded.error().detail(), u"message has no valid run_id"_s);
    }
}

QTEST_GUILESS_MAIN(TestCoordinator)
#include "tst_coordinator.moc"
