// The database layer against a real PostgreSQL: parameters, results, the asynchronous pool with
// group commit (a failing job fails alone), error mapping, reconnection and migrations.
#include "testcluster.h"

#include "db/circuitbreaker.h"
#include "db/database.h"
#include "db/dbconnection.h"
#include "db/dberror.h"
#include "db/migrator.h"
#include "core/callback.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QtConcurrent/QtConcurrent>
#include <QtTest>

using namespace Qt::StringLiterals;
using wf::db::DbConnection;
using wf::db::DbResult;

class TestDb : public QObject
{
    Q_OBJECT

private:
    wf::test::TestCluster m_cluster;
    wf::db::DatabaseUrl m_url;

    // Waits for a callback the pool delivers on this (the test's) thread.
    template<typename T>
    static wf::Result<T> await(std::function<void(QObject *, wf::Callback<T>)> start)
    {
        std::optional<wf::Result<T>> outcome;
        QObject context;
        start(&context, [&](wf::Result<T> result) { outcome.emplace(std::move(result)); });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30000))
            return wf::Error::internal(u"timed out"_s);
        return std::move(*outcome);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_cluster.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_url = wf::db::DatabaseUrl::parse(m_cluster.databaseUrl()).value();
        DbConnection connection(m_url, u"setup"_s);
        connection.exec("CREATE TABLE items (id integer PRIMARY KEY, label text, data jsonb)");
    }

    void init()
    {
        DbConnection connection(m_url, u"reset"_s);
        connection.exec("TRUNCATE items");
    }

    void parametersAndResults()
    {
        DbConnection connection(m_url, u"params"_s);
        const DbResult result = connection.exec(
                "SELECT $1::int8, $2::text, $3::text IS NULL, $4::jsonb, $5::bool, $6::float8, $7::text[]",
                {qint64(1) << 40, u"grüße ' \" \\ ;"_s, std::nullopt, QJsonObject{{u"a"_s, QJsonArray{1, u"x"_s}}}, true, 2.5,
                 wf::db::SqlParam::textArray({u"a\"b"_s, u"c,d"_s})});
        QCOMPARE(result.rows(), 1);
        QCOMPARE(result.int64(0, 0), qint64(1) << 40);
        QCOMPARE(result.text(0, 1), u"grüße ' \" \\ ;"_s);
        QVERIFY(result.boolean(0, 2));
        QCOMPARE(result.json(0, 3).toObject(), QJsonObject({{u"a"_s, QJsonArray{1, u"x"_s}}}));
        QVERIFY(result.boolean(0, 4));
        QCOMPARE(result.number(0, 5), 2.5);
        QCOMPARE(result.text(0, 6), u"{\"a\\\"b\",\"c,d\"}"_s);
    }

    void errorsCarrySqlState()
    {
        DbConnection connection(m_url, u"errors"_s);
        try {
            connection.exec("SELECT * FROM no_such_table");
            QFAIL("expected an error");
        } catch (const wf::db::DbError &error) {
            QCOMPARE(error.sqlState(), QByteArray("42P01"));
            QVERIFY(!error.transient());
        }
        // The connection is still usable.
        QCOMPARE(connection.exec("SELECT 1").int32(0, 0), 1);
    }

    void asyncResultsArriveOnTheCallersThread()
    {
        wf::db::Database database(m_url, 2, 16);
        QThread *caller = QThread::currentThread();
        QThread *seenOn = nullptr;
        const auto result = await<int>([&](QObject *context, wf::Callback<int> done) {
            database.read(context, [](DbConnection &c) { return c.exec("SELECT 41 + 1").int32(0, 0); },
                          [&, done](wf::Result<int> r) {
                              seenOn = QThread::currentThread();
                              done(std::move(r));
                          });
        });
        QVERIFY(result.ok());
        QCOMPARE(*result, 42);
        QCOMPARE(seenOn, caller);
    }

    void concurrentWritesShareTransactionsAndAllLand()
    {
        wf::db::Database database(m_url, 2, 64);
        QObject context;
        int delivered = 0;
        int failed = 0;
        for (int i = 0; i < 500; ++i) {
            database.write(
                    &context,
                    [i](DbConnection &c) { return c.exec("INSERT INTO items (id, label) VALUES ($1, 'x')", {i}).affected(); },
                    [&](wf::Result<qint64> r) { r.ok() ? ++delivered : ++failed; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(delivered + failed, 500, 30000);
        QCOMPARE(failed, 0);
        QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM items"_s), u"500"_s);
        // Group commit happened: far fewer transactions than jobs.
        QCOMPARE(database.jobsDone(), 500);
        QVERIFY2(database.transactions() < 250, qPrintable(QString::number(database.transactions())));
    }

    void theCircuitOpensAfterFailuresAndProbesAfterItsPeriod()
    {
        using Clock = wf::db::CircuitBreaker::Clock;
        using namespace std::chrono_literals;
        wf::db::CircuitBreaker breaker(3, 2000ms);
        const Clock::time_point t0 = Clock::now();
        QVERIFY(breaker.allows(t0));
        breaker.failed(t0);
        breaker.failed(t0);
        QVERIFY(breaker.allows(t0)); // two are not enough
        breaker.succeeded();         // and a success starts the count again
        breaker.failed(t0);
        breaker.failed(t0);
        QVERIFY(breaker.allows(t0));
        breaker.failed(t0);
        QVERIFY(!breaker.allows(t0 + 1ms));
        QCOMPARE(breaker.state(t0 + 1999ms), wf::db::CircuitBreaker::State::Open);
        QVERIFY(breaker.remaining(t0 + 1500ms) == 500ms);
        breaker.failed(t0 + 1900ms); // late failures of earlier work do not extend the period
        QVERIFY(breaker.allows(t0 + 2000ms)); // half open: a probe goes
        breaker.failed(t0 + 2100ms);          // which fails: open again at once
        QVERIFY(!breaker.allows(t0 + 2200ms));
        QVERIFY(breaker.allows(t0 + 4200ms));
        breaker.succeeded();
        QCOMPARE(breaker.state(t0 + 4300ms), wf::db::CircuitBreaker::State::Closed);
    }

    void aDeadlineAnswersWaitingJobsThatThenNeverRun()
    {
        // One connection, busy for 3 s: a write queued behind it is answered by its deadline
        // and never applied, and the caller of the busy one hears by then too.
        wf::db::Database database(m_url, 1, 8);
        database.setDeadline(std::chrono::milliseconds(500));
        QObject context;
        std::optional<wf::Result<int>> busy;
        std::optional<wf::Result<qint64>> queued;
        QElapsedTimer clock;
        clock.start();
        database.read(&context, [](DbConnection &c) { return c.exec("SELECT 1 FROM pg_sleep(3)").rows(); },
                      [&](wf::Result<int> r) { busy = std::move(r); });
        database.write(&context, [](DbConnection &c) { return c.exec("INSERT INTO items (id, label) VALUES (4242, 'late')").affected(); },
                       [&](wf::Result<qint64> r) { queued = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(busy && queued, 2000);
        QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!busy->ok() && busy->error().kind() == wf::Error::Kind::Unavailable);
        QVERIFY(!queued->ok() && queued->error().detail().contains(u"500 ms"_s));
        // After the sleep ends, the refused write still does not run.
        QTest::qWait(3000);
        QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM items WHERE id = 4242"_s), u"0"_s);
        // And the pool serves again.
        std::optional<wf::Result<qint64>> after;
        database.read(&context, [](DbConnection &c) { return c.exec("SELECT 7").int64(0, 0); },
                      [&](wf::Result<qint64> r) { after = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(after && after->ok(), 5000);
    }

    void aFailingJobFailsAloneInItsBatch()
    {
        // Jobs queued together share a transaction; one that breaks (a duplicate key, a thrown
        // domain error) must fail alone while every other write of the batch lands.
        wf::db::Database database(m_url, 1, 64);
        QObject context;
        QList<std::optional<wf::Result<int>>> outcomes(60);
        // Occupy the only connection so that the next 60 jobs queue up into one batch.
        database.write(&context, [](DbConnection &c) { return c.exec("SELECT pg_sleep(0.3)").rows(); },
                       [](wf::Result<int>) {});
        for (int i = 0; i < 60; ++i) {
            database.write(
                    &context,
                    [i](DbConnection &c) -> int {
                        if (i == 20)
                            throw wf::Error::conflict(u"refused by the job"_s);
                        // Job 40 reuses job 10's key: a unique violation inside the shared transaction.
                        const int id = i == 40 ? 10 : i;
                        return int(c.exec("INSERT INTO items (id, label) VALUES ($1, 'b')", {id}).affected());
                    },
                    [&outcomes, i](wf::Result<int> r) { outcomes[i].emplace(std::move(r)); });
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(outcomes.begin(), outcomes.end(), [](const auto &o) { return o.has_value(); }), 30000);
        for (int i = 0; i < 60; ++i) {
            if (i == 20) {
                QVERIFY(!outcomes[i]->ok());
                QCOMPARE(outcomes[i]->error().kind(), wf::Error::Kind::Conflict);
                QCOMPARE(outcomes[i]->error().detail(), u"refused by the job"_s);
            } else if (i == 40) {
                QVERIFY(!outcomes[i]->ok());
                QCOMPARE(outcomes[i]->error().kind(), wf::Error::Kind::Conflict);
            } else {
                QVERIFY2(outcomes[i]->ok(), outcomes[i]->ok() ? "" : qPrintable(outcomes[i]->error().detail()));
            }
        }
        QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM items"_s), u"58"_s);
        QVERIFY(database.replays() >= 1);
    }

    void returnedErrorsCommitWhatCameBefore()
    {
        // A job that returns (not throws) an error keeps its transaction: the documented contract.
        wf::db::Database database(m_url, 1, 8);
        const auto result = await<int>([&](QObject *context, wf::Callback<int> done) {
            database.write(context,
                           [](DbConnection &c) -> wf::Result<int> {
                               c.exec("INSERT INTO items (id, label) VALUES (1000, 'kept')");
                               return wf::Error::notFound(u"reported"_s);
                           },
                           done);
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), wf::Error::Kind::NotFound);
        QCOMPARE(m_cluster.scalar(u"SELECT label FROM items WHERE id = 1000"_s), u"kept"_s);
    }

    void dataTheDatabaseRejectsIsTheClientsError()
    {
        wf::db::Database database(m_url, 1, 8);
        const auto result = await<int>([&](QObject *context, wf::Callback<int> done) {
            database.write(context,
                           [](DbConnection &c) {
                               return int(c.exec("INSERT INTO items (id, data) VALUES (1, $1::jsonb)",
                                                 {QByteArray("{\"a\": \"\\u0000\"}")})
                                                  .affected());
                           },
                           done);
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), wf::Error::Kind::Invalid);
    }

    void lostConnectionsAreReopened()
    {
        wf::db::Database database(m_url, 1, 8);
        auto ping = [&] {
            return await<int>([&](QObject *context, wf::Callback<int> done) {
                database.read(context, [](DbConnection &c) { return c.exec("SELECT 1").int32(0, 0); }, done);
            });
        };
        QVERIFY(ping().ok());
        // Kill every server connection of the role behind the pool's back.
        m_cluster.scalar(u"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = 'workflow'"_s);
        const auto after = ping();
        QVERIFY2(after.ok(), after.ok() ? "" : qPrintable(after.error().detail()));
    }

    void unreachableDatabaseIsUnavailableNotAHang()
    {
        auto url = m_url;
        url.port = wf::test::freePort();
        wf::db::Database database(url, 1, 8);
        QElapsedTimer clock;
        clock.start();
        const auto result = await<int>([&](QObject *context, wf::Callback<int> done) {
            database.read(context, [](DbConnection &c) { return c.exec("SELECT 1").int32(0, 0); }, done);
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), wf::Error::Kind::Unavailable);
        QVERIFY(clock.elapsed() < 10000);
    }

    void aSilentDatabaseFailsQueuedJobsQuickly()
    {
        // A server that accepts connections and never answers (a hung PgBouncer, a blackholed
        // host): each connection attempt takes the whole connect timeout. The jobs queued behind
        // the first must not each wait for their own.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection())
                held.append(socket);
        });
        auto url = m_url;
        url.port = silent.serverPort();
        wf::db::Database database(url, 1, 8);
        QObject context;
        int answered = 0;
        int unavailable = 0;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 40; ++i) {
            database.read(&context, [](DbConnection &c) { return c.exec("SELECT 1").int32(0, 0); },
                          [&](const wf::Result<int> &r) {
                              ++answered;
                              unavailable += !r.ok() && r.error().kind() == wf::Error::Kind::Unavailable;
                          });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, 40, 60000);
        QCOMPARE(unavailable, 40);
        // One connect timeout (5 s) and a little, not forty of them.
        QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
        qDeleteAll(held);
    }

    void shutdownFailsQueuedJobs()
    {
        std::optional<wf::Result<int>> outcome;
        QObject context;
        {
            wf::db::Database database(m_url, 1, 8);
            database.read(&context, [](DbConnection &c) { return c.exec("SELECT pg_sleep(0.2)").rows(); },
                          [](wf::Result<int>) {});
            database.read(&context, [](DbConnection &c) { return c.exec("SELECT 1").rows(); },
                          [&](wf::Result<int> r) { outcome.emplace(std::move(r)); });
            database.shutdown();
        }
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 5000);
        // Either it ran before the pool closed or it was told the pool is shutting down: never lost.
        QVERIFY(outcome->ok() || outcome->error().kind() == wf::Error::Kind::Unavailable);
    }

    void migrationsRunOnceEvenWhenStartedTogether()
    {
        // A fresh database, migrated by four connections at once.
        m_cluster.scalar(u"CREATE DATABASE migrate_race OWNER workflow"_s);
        auto url = m_url;
        url.database = u"migrate_race"_s;
        QList<QFuture<QString>> runs;
        for (int i = 0; i < 4; ++i) {
            runs.append(QtConcurrent::run([url, i]() -> QString {
                DbConnection connection(url, u"migrate-%1"_s.arg(i));
                const auto applied = wf::db::Migrator::migrate(connection);
                if (!applied)
                    return u"error: "_s + applied.error().detail();
                return QString::number(applied->size());
            }));
        }
        int appliedTotal = 0;
        for (auto &run : runs) {
            const QString result = run.result();
            QVERIFY2(!result.startsWith(u"error"_s), qPrintable(result));
            appliedTotal += result.toInt();
        }
        QCOMPARE(appliedTotal, int(wf::db::Migrator::bundled().size()));
        DbConnection connection(url, u"check"_s);
        QCOMPARE(connection.exec("SELECT count(*) FROM schema_migrations").int32(0, 0), int(wf::db::Migrator::bundled().size()));
        QCOMPARE(wf::db::Migrator::migrate(connection)->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDb)
#include "tst_db.moc"
