// The Redis cache against a real redis-server: values round-trip (binary too) and expire, deletes
// delete, a disabled cache misses, 10,000 commands in flight all complete, and a Redis that is
// killed, restarted or hung (SIGSTOP) turns gets into quick misses without losing or doubling a
// callback, after which the connection comes back by itself.
#include "redisprocess.h"
#include "testcluster.h"

#include "cache/cache.h"
#include "cache/ratelimiter.h"
#include "cache/redisconnection.h"
#include "cache/redisurl.h"

#include <QElapsedTimer>
#include <QtTest>

#include <optional>

using namespace Qt::StringLiterals;
using wf::Cache;
using wf::RedisConnection;
using wf::RedisReply;
using wf::RedisUrl;

namespace {

// What the callbacks of a batch of get() calls did: each must be called exactly once.
struct Outcomes
{
    explicit Outcomes(int count) : calls(count, 0), values(count) { }

    Cache::Found record(int index)
    {
        return [this, index](std::optional<QByteArray> value) {
            if (calls[index]++ == 0)
                ++completed;
            values[index] = std::move(value);
        };
    }
    int total() const { return int(calls.size()); }
    bool allDone() const { return completed == total(); }
    int duplicates() const
    {
        return int(std::count_if(calls.begin(), calls.end(), [](int n) { return n > 1; }));
    }
    int hits() const
    {
        return int(std::count_if(values.begin(), values.end(), [](const auto &v) { return v.has_value(); }));
    }

    std::vector<int> calls;
    std::vector<std::optional<QByteArray>> values;
    int completed = 0;
};

// One get() waited for; nullopt also when the callback never came.
std::optional<QByteArray> getNow(Cache &cache, const QByteArray &key, int timeoutMs = 5000)
{
    Outcomes outcome(1);
    cache.get(key, outcome.record(0));
    if (!QTest::qWaitFor([&] { return outcome.allDone(); }, timeoutMs))
        return std::nullopt;
    return outcome.values[0];
}

} // namespace

class TestCache : public QObject
{
    Q_OBJECT

private:
    wf::test::RedisProcess m_redis;

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_redis.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void init()
    {
        m_redis.resume(); // after a test that failed while Redis was stopped
        if (!m_redis.running())
            QVERIFY(m_redis.restart().isEmpty());
        QCOMPARE(m_redis.command({"FLUSHALL"_ba}).bytes(), QByteArray("OK"));
    }

    void urlParsing_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<int>("database");
        QTest::addColumn<QString>("password");
        QTest::addRow("plain") << u"redis://127.0.0.1:26379/0"_s << true << u"127.0.0.1"_s << 26379 << 0 << QString();
        QTest::addRow("defaults") << u"redis://cache"_s << true << u"cache"_s << 6379 << 0 << QString();
        QTest::addRow("database") << u"redis://cache:7000/3"_s << true << u"cache"_s << 7000 << 3 << QString();
        QTest::addRow("password") << u"redis://:s%40cret@cache:7000/1"_s << true << u"cache"_s << 7000 << 1 << u"s@cret"_s;
        QTest::addRow("wrong scheme") << u"http://cache:7000/0"_s << false << QString() << 0 << 0 << QString();
        QTest::addRow("bad database") << u"redis://cache:7000/x"_s << false << QString() << 0 << 0 << QString();
        QTest::addRow("negative database") << u"redis://cache:7000/-1"_s << false << QString() << 0 << 0 << QString();
        QTest::addRow("not a url") << u"cache:7000"_s << false << QString() << 0 << 0 << QString();
    }

    void urlParsing()
    {
        QFETCH(QString, url);
        QFETCH(bool, valid);
        const auto parsed = RedisUrl::parse(url);
        QCOMPARE(parsed.ok(), valid);
        if (!valid)
            return;
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(int, database);
        QFETCH(QString, password);
        QCOMPARE(parsed->host, host);
        QCOMPARE(parsed->port, port);
        QCOMPARE(parsed->database, database);
        QCOMPARE(parsed->password, password);
        QVERIFY(!parsed->display().contains(u"s@cret"_s));
    }

    void keysAndTtls()
    {
        QCOMPARE(Cache::workflowKey(u"abc"_s), QByteArray("wf:workflow:abc"));
        QCOMPARE(Cache::runKey(u"r-1"_s), QByteArray("wf:run:r-1"));
        const QByteArray key = Cache::runListKey("status=running&limit=50");
        QVERIFY(key.startsWith("wf:runs:"));
        QCOMPARE(key.size(), qsizetype(8 + 40));
        QCOMPARE(key, Cache::runListKey("status=running&limit=50"));
        QVERIFY(key != Cache::runListKey("status=running&limit=51"));
        QCOMPARE(Cache::WorkflowTtlSeconds, 60);
        QCOMPARE(Cache::RunTtlSeconds, 5);
        QCOMPARE(Cache::RunListTtlSeconds, 2);
    }

    void setThenGet()
    {
        Cache cache(m_redis.url());
        QTRY_VERIFY_WITH_TIMEOUT(cache.available(), 5000);
        cache.set("wf:workflow:1", "{\"name\":\"one\"}", Cache::WorkflowTtlSeconds);
        QCOMPARE(getNow(cache, "wf:workflow:1"), std::optional<QByteArray>("{\"name\":\"one\"}"));
        QCOMPARE(m_redis.get("wf:workflow:1"), QByteArray("{\"name\":\"one\"}"));
        const RedisReply ttl = m_redis.command({"TTL"_ba, "wf:workflow:1"_ba});
        QVERIFY2(ttl.integer() > 0 && ttl.integer() <= 60, QByteArray::number(ttl.integer()).constData());
        QCOMPARE(getNow(cache, "wf:workflow:missing"), std::nullopt);
        QCOMPARE(cache.hits(), quint64(1));
        QCOMPARE(cache.misses(), quint64(1));
        QCOMPARE(cache.errors(), quint64(0));
    }

    void hostNamesAreResolved()
    {
        Cache cache(u"redis://localhost:%1/0"_s.arg(m_redis.port()));
        QTRY_VERIFY_WITH_TIMEOUT(cache.available(), 5000);
        cache.set("k", "v", 60);
        QCOMPARE(getNow(cache, "k"), std::optional<QByteArray>("v"));
        Cache unknown(u"redis://no-such-host.invalid:%1/0"_s.arg(m_redis.port()));
        QTRY_VERIFY_WITH_TIMEOUT(unknown.connection()->lastError().contains(u"cannot resolve"_s), 10000);
        QCOMPARE(getNow(unknown, "k"), std::nullopt);
    }

    void entriesExpire()
    {
        Cache cache(m_redis.url());
        QTRY_VERIFY_WITH_TIMEOUT(cache.available(), 5000);
        cache.set("wf:run:1", "running", 1);
        QCOMPARE(getNow(cache, "wf:run:1"), std::optional<QByteArray>("running"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_redis.exists("wf:run:1"), 3000);
        QCOMPARE(getNow(cache, "wf:run:1"), std::nullopt);
        // A ttl of 0 stores nothing: every entry must expire.
        cache.set("wf:run:2", "x", 0);
        QCOMPARE(getNow(cache, "wf:run:2"), std::nullopt);
        QCOMPARE(m_redis.keyCount(), 0);
    }

    void removeDeletes()
    {
        Cache cache(m_redis.url());
        QTRY_VERIFY_WITH_TIMEOUT(cache.available(), 5000);
        cache.set("a", "1", 60);
        cache.set("b", "2", 60);
        cache.set("c", "3", 60);
        QCOMPARE(getNow(cache, "c"), std::optional<QByteArray>("3"));
        cache.remove({"a", "b"});
        QCOMPARE(getNow(cache, "a"), std::nullopt);
        QCOMPARE(getNow(cache, "b"), std::nullopt);
        QCOMPARE(getNow(cache, "c"), std::optional<QByteArray>("3"));
        QCOMPARE(m_redis.keyCount(), 1);
    }

    void binaryValuesRoundTrip()
    {
        Cache cache(m_redis.url());
        QTRY_VERIFY_WITH_TIMEOUT(cache.available(), 5000);
        QByteArray value;
        for (int round = 0; round < 4; ++round) {
            for (int byte = 0; byte < 256; ++byte)
                value.append(char(byte));
        }
        value.prepend('\0');
        value.append('\0');
        const QByteArray key("bin\0key\r\n", 9);
        cache.set(key, value, 60);
        const auto read = getNow(cache, key);
        QVERIFY(read.has_value());
        QCOMPARE(read->size(), value.size());
        QCOMPARE(*read, value);
        QCOMPARE(m_redis.get(key), value);
        // An empty value is a hit, not a miss.
        cache.set("empty", QByteArray(), 60);
        QCOMPARE(getNow(cache, "empty"), std::optional<QByteArray>(QByteArray()));
    }

    void disabledCacheAlwaysMisses()
    {
        Cache cache{QString()};
        QVERIFY(!cache.enabled());
        QVERIFY(!cache.available());
        cache.set("k", "v", 60);
        cache.remove({"k"});
        Outcomes outcome(1);
        cache.get("k", outcome.record(0));
        QCOMPARE(outcome.completed, 0); // never from inside get()
        QTRY_VERIFY(outcome.allDone());
        QCOMPARE(outcome.values[0], std::nullopt);
        QCOMPARE(cache.misses(), quint64(1));
        QCOMPARE(m_redis.keyCount(), 0);
    }

    void callbacksNeverRunInsideGet()
    {
        // Connected, and not connected (nothing listens on that port): both answer later.
        Cache connected(m_redis.url());
        Cache unreachable(u"redis://127.0.0.1:%1/0"_s.arg(wf::test::freePort()));
        QTRY_VERIFY_WITH_TIMEOUT(connected.available(), 5000);
        Outcomes outcomes(2);
        connected.get("k", outcomes.record(0));
        unreachable.get("k", outcomes.record(1));
        QCOMPARE(outcomes.completed, 0);
        QTRY_VERIFY(outcomes.allDone());
        QCOMPARE(outcomes.hits(), 0);
        QVERIFY(!unreachable.available());
        QCOMPARE(unreachable.errors(), quint64(1));
    }

    void tenThousandCommandsInFlight()
    {
        Cache cache(m_redis.url());
        QTRY_VERIFY_WITH_TIMEOUT(cache.available(), 5000);
        // Issuing 20,000 commands in one go keeps this thread busy for a while (longer than the
        // 100 ms timeout in slow builds): allow for it, this is about completing them all.
        cache.connection()->setCommandTimeout(5000);
        const int count = 10000;
        Outcomes outcomes(count);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < count; ++i) {
            const QByteArray key = "k" + QByteArray::number(i);
            cache.set(key, "v" + QByteArray::number(i), 60);
            cache.get(key, outcomes.record(i));
        }
        QTRY_VERIFY_WITH_TIMEOUT(outcomes.allDone(), 10000);
        qInfo() << count << "sets and gets in" << timer.elapsed() << "ms";
        QCOMPARE(outcomes.duplicates(), 0);
        QCOMPARE(outcomes.hits(), count);
        for (int i = 0; i < count; ++i)
            QCOMPARE(*outcomes.values[i], "v" + QByteArray::number(i));
        QCOMPARE(cache.errors(), quint64(0));
        QCOMPARE(m_redis.keyCount(), count);

        // With the real timeout, a burst the thread is slow to send may time out in part, but
        // every callback comes once, every hit carries its own value, and a busy thread is not
        // mistaken for a hung Redis (the connection stays).
        cache.connection()->setCommandTimeout(100);
        Outcomes burst(count);
        for (int i = 0; i < count; ++i)
            cache.get("k" + QByteArray::number(i), burst.record(i));
        QTRY_VERIFY_WITH_TIMEOUT(burst.allDone(), 10000);
        QCOMPARE(burst.duplicates(), 0);
        for (int i = 0; i < count; ++i) {
            if (burst.values[i])
                QCOMPARE(*burst.values[i], "v" + QByteArray::number(i));
        }
        qInfo() << burst.hits() << "hits," << cache.connection()->timeouts() << "timeouts";
        QVERIFY(cache.available());
        QCOMPARE(cache.connection()->connects(), quint64(1));
        QCOMPARE(getNow(cache, "k42"), std::optional<QByteArray>("v42"));
    }

    void tokenBucketsRefillAtTheirRate()
    {
        bool ok = false;
        const wf::RateLimit limit = wf::RateLimit::parse(u"10:3"_s, &ok);
        QVERIFY(ok);
        QCOMPARE(limit.perSecond, 10.0);
        QCOMPARE(limit.burst, 3.0);
        QCOMPARE(wf::RateLimit::parse(u"5"_s, &ok).burst, 10.0);
        QVERIFY(!wf::RateLimit::parse(u"0"_s, &ok).limited() && ok);
        for (const QString &bad : {u"x"_s, u"-1"_s, u"5:0"_s, u"1:2:3"_s}) {
            wf::RateLimit::parse(bad, &ok);
            QVERIFY2(!ok, qPrintable(bad));
        }
        wf::TokenBucket bucket;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(bucket.take(limit, 1000), 0); // the burst
        QCOMPARE(bucket.take(limit, 1000), 100); // next token in 100 ms
        QCOMPARE(bucket.take(limit, 1050), 50);
        QCOMPARE(bucket.take(limit, 1100), 0);
        QCOMPARE(bucket.take(limit, 10000), 0); // idle: full again, never above the burst
        QCOMPARE(bucket.take(limit, 10000), 0);
        QCOMPARE(bucket.take(limit, 10000), 0);
        QVERIFY(bucket.take(limit, 10000) > 0);
        QCOMPARE(bucket.take({}, 10000), 0); // unlimited
    }

    void rateLimitsAreSharedThroughRedisAndHeldWithoutIt()
    {
        // Two limiters on two connections: two replicas of the API.
        RedisConnection first(m_redis.url());
        RedisConnection second(m_redis.url());
        QTRY_VERIFY_WITH_TIMEOUT(first.available() && second.available(), 5000);
        wf::LocalBuckets firstLocal;
        wf::LocalBuckets secondLocal;
        wf::RateLimiter one(&first, firstLocal);
        wf::RateLimiter two(&second, secondLocal);
        const wf::RateLimit limit{1, 10}; // 10 at once, then one a second
        int allowed = 0;
        int refused = 0;
        qint64 longestWait = 0;
        const auto record = [&](qint64 wait) {
            wait == 0 ? ++allowed : ++refused;
            longestWait = std::max(longestWait, wait);
        };
        for (int i = 0; i < 20; ++i)
            (i % 2 ? one : two).take("key:shared", limit, record);
        QTRY_COMPARE_WITH_TIMEOUT(allowed + refused, 20, 5000);
        QCOMPARE(allowed, 10); // one bucket for both, not one each
        QVERIFY(longestWait > 0 && longestWait <= 1000);
        QVERIFY(m_redis.command({"EXISTS"_ba, wf::RateLimiter::redisKey("key:shared")}).integer() == 1);
        // Another subject has its own bucket.
        allowed = refused = 0;
        one.take("key:other", limit, record);
        QTRY_COMPARE_WITH_TIMEOUT(allowed, 1, 5000);

        // Redis gone: each replica limits on its own, and nothing fails or waits.
        m_redis.kill();
        allowed = refused = 0;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 30; ++i)
            one.take("key:alone", limit, record);
        QTRY_COMPARE_WITH_TIMEOUT(allowed + refused, 30, 5000);
        QCOMPARE(allowed, 10);
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(m_redis.restart().isEmpty());
    }

    void killedRedisMeansMissesThenReconnects()
    {
        Cache cache(m_redis.url());
        QTRY_VERIFY_WITH_TIMEOUT(cache.available(), 5000);
        cache.set("k", "before", 60);
        QCOMPARE(getNow(cache, "k"), std::optional<QByteArray>("before"));

        // Commands written, or about to be, when Redis dies.
        const int count = 1000;
        Outcomes inFlight(count);
        for (int i = 0; i < count; ++i)
            cache.get("k", inFlight.record(i));
        m_redis.kill();
        QElapsedTimer timer;
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(inFlight.allDone(), 2000);
        QVERIFY2(timer.elapsed() < 1000, QByteArray::number(timer.elapsed()).constData());
        QTRY_VERIFY_WITH_TIMEOUT(!cache.available(), 2000);

        // While it is down, gets miss at once.
        for (int i = 0; i < 20; ++i) {
            timer.restart();
            QCOMPARE(getNow(cache, "k"), std::nullopt);
            QVERIFY2(timer.elapsed() < 200, QByteArray::number(timer.elapsed()).constData());
        }
        cache.set("lost", "x", 60);
        cache.remove({"k"});

        // Back on the same port (empty: nothing is persisted): the connection returns by itself.
        QVERIFY(m_redis.restart().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(cache.available(), 10000);
        cache.set("k", "after", 60);
        QCOMPARE(getNow(cache, "k"), std::optional<QByteArray>("after"));
        QVERIFY(cache.connection()->connects() >= 2);

        // Nothing called twice, even after everything settled.
        QTest::qWait(200);
        QCOMPARE(inFlight.duplicates(), 0);
        QCOMPARE(inFlight.completed, count);
    }

    void hungRedisMeansQuickMissesThenRecovers()
    {
        Cache cache(m_redis.url());
        QTRY_VERIFY_WITH_TIMEOUT(cache.available(), 5000);
        QCOMPARE(cache.connection()->commandTimeout(), 100);
        cache.set("k", "v", 60);
        QCOMPARE(getNow(cache, "k"), std::optional<QByteArray>("v"));

        m_redis.pause();
        // One at a time: each misses within about the watchdog time, never hangs.
        Outcomes sequential(10);
        for (int i = 0; i < 10; ++i) {
            QElapsedTimer timer;
            timer.start();
            cache.get("k", sequential.record(i));
            QTRY_VERIFY_WITH_TIMEOUT(sequential.calls[i] > 0, 2000);
            QVERIFY2(timer.elapsed() < 1000, QByteArray::number(timer.elapsed()).constData());
            QCOMPARE(sequential.values[i], std::nullopt);
        }
        // After a few timeouts in a row the connection was dropped: later gets fail at once.
        QVERIFY(!cache.available());
        QCOMPARE(cache.connection()->timeouts(), quint64(3));

        m_redis.resume();
        QTRY_VERIFY_WITH_TIMEOUT(cache.available(), 10000);
        QCOMPARE(getNow(cache, "k"), std::optional<QByteArray>("v"));

        // Many at once on a live connection when Redis hangs: all miss within about the
        // watchdog time, and the connection is dropped.
        m_redis.pause();
        Outcomes burst(500);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < burst.total(); ++i)
            cache.get("k", burst.record(i));
        QTRY_VERIFY_WITH_TIMEOUT(burst.allDone(), 2000);
        QVERIFY2(timer.elapsed() < 1000, QByteArray::number(timer.elapsed()).constData());
        QCOMPARE(burst.hits(), 0);
        QVERIFY(!cache.available());

        m_redis.resume();
        QTRY_VERIFY_WITH_TIMEOUT(cache.available(), 10000);
        QCOMPARE(getNow(cache, "k"), std::optional<QByteArray>("v"));
        QTest::qWait(200);
        QCOMPARE(sequential.duplicates(), 0);
        QCOMPARE(burst.duplicates(), 0);
        QCOMPARE(sequential.completed, 10);
        QCOMPARE(burst.completed, 500);
    }

    void lateRepliesAfterATimeoutAreDropped()
    {
        // Keep the connection through the timeouts, so that Redis answers them after all.
        Cache cache(m_redis.url());
        cache.connection()->setMaxConsecutiveTimeouts(1000);
        QTRY_VERIFY_WITH_TIMEOUT(cache.available(), 5000);
        for (int i = 0; i < 5; ++i)
            cache.set("late" + QByteArray::number(i), "value" + QByteArray::number(i), 60);
        cache.set("fresh", "fresh value", 60);
        QCOMPARE(getNow(cache, "fresh"), std::optional<QByteArray>("fresh value"));

        m_redis.pause();
        Outcomes timedOut(5);
        for (int i = 0; i < 5; ++i)
            cache.get("late" + QByteArray::number(i), timedOut.record(i));
        QTRY_VERIFY_WITH_TIMEOUT(timedOut.allDone(), 2000);
        QCOMPARE(timedOut.hits(), 0);
        QVERIFY(cache.available());
        m_redis.resume();

        // The five late replies come first on the connection, and must not answer this get.
        QCOMPARE(getNow(cache, "fresh"), std::optional<QByteArray>("fresh value"));
        QCOMPARE(cache.connection()->timeouts(), quint64(5));
        QCOMPARE(timedOut.duplicates(), 0);
        QCOMPARE(timedOut.hits(), 0);
        QCOMPARE(cache.connection()->pendingCommands(), 0);
    }

    void invalidationsLostInAnOutageAreReplayed()
    {
        Cache cache(m_redis.url());
        QTRY_VERIFY_WITH_TIMEOUT(cache.available(), 5000);
        cache.set("wf:workflow:w", "old", 60);
        QCOMPARE(getNow(cache, "wf:workflow:w"), std::optional<QByteArray>("old"));
        m_redis.pause();
        // Reads time out until the connection is dropped; then an update's invalidation fails.
        QTRY_VERIFY_WITH_TIMEOUT((cache.get("wf:workflow:w", [](std::optional<QByteArray>) {}), !cache.available()), 3000);
        cache.remove({"wf:workflow:w"});
        QVERIFY(m_redis.running());
        m_redis.resume();
        QTRY_VERIFY_WITH_TIMEOUT(cache.available(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_redis.exists("wf:workflow:w"), 2000);
    }

    void destroyedWithCommandsOutstanding()
    {
        // Deleted from inside one of its callbacks, with more replies on their way: the others are
        // dropped, never called.
        auto *cache = new Cache(m_redis.url());
        QTRY_VERIFY_WITH_TIMEOUT(cache->available(), 5000);
        int called = 0;
        for (int i = 0; i < 100; ++i) {
            cache->get("k", [&](std::optional<QByteArray>) {
                ++called;
                delete cache;
                cache = nullptr;
            });
        }
        QTRY_VERIFY(cache == nullptr);
        QTest::qWait(100);
        QCOMPARE(called, 1);

        // Deleted while Redis hangs: nothing is called afterwards, nothing blocks.
        cache = new Cache(m_redis.url());
        QTRY_VERIFY_WITH_TIMEOUT(cache->available(), 5000);
        m_redis.pause();
        called = 0;
        for (int i = 0; i < 100; ++i)
            cache->get("k", [&](std::optional<QByteArray>) { ++called; });
        QElapsedTimer timer;
        timer.start();
        delete cache;
        QVERIFY(timer.elapsed() < 100);
        m_redis.resume();
        QTest::qWait(200);
        QCOMPARE(called, 0);
    }

    void passwordAndDatabase()
    {
        QCOMPARE(m_redis.command({"CONFIG"_ba, "SET"_ba, "requirepass"_ba, "s3cret"_ba}).bytes(), QByteArray("OK"));
        m_redis.setPassword("s3cret");
        const auto restore = qScopeGuard([&] {
            m_redis.command({"CONFIG"_ba, "SET"_ba, "requirepass"_ba, ""_ba});
            m_redis.setPassword({});
        });
        Cache none(m_redis.url());
        Cache wrong(u"redis://:wrong@127.0.0.1:%1/0"_s.arg(m_redis.port()));
        Cache right(u"redis://:s3cret@127.0.0.1:%1/2"_s.arg(m_redis.port()));
        QTRY_VERIFY_WITH_TIMEOUT(right.available(), 5000);
        right.set("in-db-2", "x", 60);
        QCOMPARE(getNow(right, "in-db-2"), std::optional<QByteArray>("x"));
        QCOMPARE(m_redis.keyCount(), 0); // database 0 is empty
        QTRY_VERIFY_WITH_TIMEOUT(wrong.connection()->lastError().contains(u"handshake"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(none.connection()->lastError().contains(u"handshake"_s), 5000);
        QVERIFY(!wrong.available());
        QVERIFY(!none.available());
        QCOMPARE(getNow(wrong, "in-db-2"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
