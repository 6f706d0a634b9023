// The Kafka layer against the embedded broker (a real Kafka protocol peer): offsets tracked per
// partition, delivery callbacks on the owner's thread, a consumer group that commits only what
// the application finished, and a producer that survives a broker restart.
#include "platformprocess.h"
#include "testcluster.h"

#include "kafka/kafkaconsumer.h"
#include "kafka/kafkaproducer.h"
#include "kafka/offsettracker.h"

#include <QSet>
#include <QElapsedTimer>
#include <QTimer>
#include <QtTest>

using namespace Qt::StringLiterals;
using wf::kafka::KafkaConsumer;
using wf::kafka::KafkaMessage;
using wf::kafka::KafkaProducer;
using wf::kafka::OffsetTracker;

class TestKafka : public QObject
{
    Q_OBJECT

private:
    wf::test::BrokerProcess m_broker;

    wf::kafka::KafkaSettings settings(const QString &client)
    {
        wf::kafka::KafkaSettings s;
        s.brokers = m_broker.bootstrap();
        s.clientId = client;
        return s;
    }

    int produce(KafkaProducer &producer, const QByteArray &topic, int count, const QByteArray &prefix)
    {
        int delivered = 0;
        int failed = 0;
        for (int i = 0; i < count; ++i) {
            producer.produce({topic, prefix + QByteArray::number(i), prefix + QByteArray::number(i), {{"h", "v"}}},
                             [&](const KafkaProducer::Delivery &delivery) { delivery.ok() ? ++delivered : ++failed; });
        }
        if (!QTest::qWaitFor([&] { return delivered + failed == count; }, 30000))
            return -1;
        return failed == 0 ? delivered : -failed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_broker.start(3);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void trackerCommitsBelowTheLowestUnfinished()
    {
        OffsetTracker tracker;
        const quint64 generation = tracker.assign("t", 0);
        for (qint64 offset = 10; offset < 15; ++offset)
            tracker.started("t", 0, offset, generation);
        QCOMPARE(tracker.takeCommittable().value(0).offset, 10); // nothing done: stay at the first
        tracker.done("t", 0, 11, generation);
        tracker.done("t", 0, 12, generation);
        QVERIFY(tracker.takeCommittable().isEmpty()); // 10 still running
        tracker.done("t", 0, 10, generation);
        QCOMPARE(tracker.takeCommittable().value(0).offset, 13);
        tracker.done("t", 0, 13, generation);
        tracker.done("t", 0, 14, generation);
        QCOMPARE(tracker.takeCommittable().value(0).offset, 15);
        QCOMPARE(tracker.inFlight(), 0);
        // A message from before a re-assignment changes nothing.
        const quint64 next = tracker.assign("t", 0);
        tracker.started("t", 0, 20, next);
        tracker.done("t", 0, 20, generation);
        QCOMPARE(tracker.inFlight(), 1);
    }

    void producedMessagesReachTheGroupWithHeaders()
    {
        KafkaProducer producer(settings(u"test-producer"_s));
        QVERIFY(producer.start().ok());
        QCOMPARE(produce(producer, "workflow.completed", 100, "m"), 100);
        QTRY_VERIFY_WITH_TIMEOUT(producer.connected(), 5000);

        KafkaConsumer::Options options;
        options.groupId = u"group-a"_s;
        options.topics = {u"workflow.completed"_s};
        options.sessionTimeoutMs = 6000;
        KafkaConsumer consumer(settings(u"test-consumer"_s), options);
        QSet<QByteArray> seen;
        connect(&consumer, &KafkaConsumer::received, this, [&](const KafkaMessage &message) {
            QCOMPARE(message.header("h"), QByteArray("v"));
            QCOMPARE(message.key, message.value);
            seen.insert(message.value);
            consumer.done(message);
        });
        QVERIFY(consumer.start().ok());
        QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 100, 30000);
        QCOMPARE(consumer.assignedPartitions(), 3);
        consumer.close();
    }

    void onlyFinishedMessagesAreCommitted()
    {
        KafkaProducer producer(settings(u"test-producer-2"_s));
        QVERIFY(producer.start().ok());
        QCOMPARE(produce(producer, "workflow.trigger", 60, "x"), 60);

        KafkaConsumer::Options options;
        options.groupId = u"group-b"_s;
        options.topics = {u"workflow.trigger"_s};
        options.sessionTimeoutMs = 6000;
        QSet<QByteArray> firstRound;
        {
            // Finish every message except those with an even number, then leave.
            KafkaConsumer consumer(settings(u"first"_s), options);
            connect(&consumer, &KafkaConsumer::received, this, [&](const KafkaMessage &message) {
                firstRound.insert(message.value);
                if (message.value.mid(1).toInt() % 2 == 1)
                    consumer.done(message);
            });
            QVERIFY(consumer.start().ok());
            QTRY_COMPARE_WITH_TIMEOUT(firstRound.size(), 60, 30000);
            consumer.close();
        }
        // A new member of the group starts at the first unfinished message of each partition:
        // every unfinished message comes again, none is lost.
        QSet<QByteArray> secondRound;
        KafkaConsumer consumer(settings(u"second"_s), options);
        connect(&consumer, &KafkaConsumer::received, this, [&](const KafkaMessage &message) {
            secondRound.insert(message.value);
            consumer.done(message);
        });
        QVERIFY(consumer.start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    for (int i = 0; i < 60; i += 2) {
                        if (!secondRound.contains("x" + QByteArray::number(i)))
                            return false;
                    }
                    return true;
                }(),
                30000);
        // And what was committed past is not redelivered.
        QVERIFY(secondRound.size() < 60);
        consumer.close();
    }

    void aConsumerPausedAcrossARebalanceFetchesAgainOnceResumed()
    {
        // A worker at its concurrency pauses; a worker joining takes its partitions away; its runs
        // finish and it resumes with nothing assigned; the partitions come back when the other
        // leaves. They must be fetched again: librdkafka keeps a partition's pause across a
        // re-assignment, which once left a partition unconsumed for good.
        KafkaProducer producer(settings(u"test-producer-pause"_s));
        QVERIFY(producer.start().ok());
        QCOMPARE(produce(producer, "workflow.trigger", 30, "before"), 30);

        KafkaConsumer::Options options;
        options.groupId = u"group-pause"_s;
        options.topics = {u"workflow.trigger"_s};
        options.sessionTimeoutMs = 6000;
        KafkaConsumer first(settings(u"first-pause"_s), options);
        QSet<QByteArray> seen;
        connect(&first, &KafkaConsumer::received, this, [&](const KafkaMessage &message) {
            seen.insert(message.value);
            first.done(message);
            first.setPaused(true); // busy after the first message
        });
        QVERIFY(first.start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(!seen.isEmpty() && first.assignedPartitions() == 3, 30000);
        QVERIFY(first.paused());

        auto second = std::make_unique<KafkaConsumer>(settings(u"second-pause"_s), options);
        QVERIFY(second->start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(second->assignedPartitions() > 0 && first.assignedPartitions() < 3, 30000);
        // Nothing is consumed by the second: only the first's fetching is in question.
        second->setPaused(true);
        disconnect(&first, &KafkaConsumer::received, this, nullptr);
        connect(&first, &KafkaConsumer::received, this, [&](const KafkaMessage &message) {
            seen.insert(message.value);
            first.done(message);
        });
        first.setPaused(false);
        second->close();
        QTRY_VERIFY_WITH_TIMEOUT(second->isClosed(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(first.assignedPartitions(), 3, 30000);

        QCOMPARE(produce(producer, "workflow.trigger", 30, "after"), 30);
        QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    for (int i = 0; i < 30; ++i) {
                        if (!seen.contains("after" + QByteArray::number(i)) || !seen.contains("before" + QByteArray::number(i)))
                            return false;
                    }
                    return true;
                }(),
                30000);
        first.close();
    }

    void producerRecoversFromABrokerRestart()
    {
        KafkaProducer producer(settings(u"test-producer-3"_s));
        QVERIFY(producer.start().ok());
        QCOMPARE(produce(producer, "workflow.completed", 10, "before"), 10);
        const int port = m_broker.port();
        m_broker.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!producer.connected(), 15000);
        QVERIFY(m_broker.start(3, port).isEmpty());
        // The new broker has never seen this producer id: the producer rebuilds itself if it must,
        // and messages go through again.
        QTRY_VERIFY_WITH_TIMEOUT(produce(producer, "workflow.completed", 5, "after") == 5, 60000);
    }

    void closingWithTheBrokerGoneDoesNotBlockTheEventLoop()
    {
        KafkaConsumer::Options options;
        options.groupId = u"test-close"_s;
        options.topics = {u"workflow.trigger"_s};
        options.sessionTimeoutMs = 6000;
        options.closeTimeoutMs = 1500;
        auto consumer = std::make_unique<KafkaConsumer>(settings(u"test-close"_s), options);
        QVERIFY(consumer->start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(consumer->joined(), 30000);
        const int port = m_broker.port();
        m_broker.kill();

        // A timer of the same event loop must keep ticking while the consumer leaves.
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 longestGap = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] {
            longestGap = qMax(longestGap, clock.elapsed() - last);
            last = clock.elapsed();
        });
        ticker.start(20);
        bool closed = false;
        connect(consumer.get(), &KafkaConsumer::closed, this, [&] { closed = true; });
        consumer->close();
        const qint64 returnedAfter = clock.elapsed();
        QTRY_VERIFY_WITH_TIMEOUT(closed, 10000);
        const qint64 closedAfter = clock.elapsed();
        QTest::qWait(100);
        qInfo("close returned after %lld ms, closed after %lld ms, longest timer gap %lld ms", returnedAfter, closedAfter,
              longestGap);
        QVERIFY2(returnedAfter < 200, qPrintable(QString::number(returnedAfter)));
        QVERIFY2(closedAfter < options.closeTimeoutMs + 1500, qPrintable(QString::number(closedAfter)));
        QVERIFY2(longestGap < 500, qPrintable(QString::number(longestGap)));
        consumer.reset();
        QVERIFY(m_broker.start(3, port).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKafka)
#include "tst_kafka.moc"
