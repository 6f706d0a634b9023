#include "core/config.h"
#include "core/ids.h"
#include "core/json.h"
#include "core/settings.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace wf;

class TestCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsAreUniqueLowercaseHex()
    {
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i) {
            const QString id = ids::create();
            QCOMPARE(id.size(), 32);
            QCOMPARE(ids::normalize(id), id);
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 1000);
    }

    void normalizeIds_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addRow("plain") << u"0123456789abcdef0123456789abcdef"_s << u"0123456789abcdef0123456789abcdef"_s;
        QTest::addRow("upper") << u"0123456789ABCDEF0123456789ABCDEF"_s << u"0123456789abcdef0123456789abcdef"_s;
        QTest::addRow("dashed") << u"01234567-89ab-cdef-0123-456789abcdef"_s << u"0123456789abcdef0123456789abcdef"_s;
        QTest::addRow("short") << u"0123"_s << QString();
        QTest::addRow("not hex") << u"0123456789abcdef0123456789abcdeg"_s << QString();
        QTest::addRow("dash misplaced") << u"0123456-789ab-cdef-0123-456789abcdef"_s << QString();
        QTest::addRow("sql") << u"'; drop table workflow_runs; --xxxx"_s << QString();
    }
    void normalizeIds()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(ids::normalize(input), expected);
    }

    void jsonScalarsRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addRow("object") << QByteArray(R"({"a":1})");
        QTest::addRow("array") << QByteArray("[1,2]");
        QTest::addRow("string") << QByteArray(R"("x")");
        QTest::addRow("number") << QByteArray("2.5");
        QTest::addRow("true") << QByteArray("true");
        QTest::addRow("null") << QByteArray("null");
    }
    void jsonScalarsRoundTrip()
    {
        QFETCH(QByteArray, text);
        const auto value = json::parse(text);
        QVERIFY(value.has_value());
        QCOMPARE(json::serialize(*value), text);
    }

    void jsonRejectsGarbage()
    {
        QString error;
        QVERIFY(!json::parse("{\"a\":", &error).has_value());
        QVERIFY(!error.isEmpty());
        QVERIFY(!json::parse("", &error).has_value());
        QVERIFY(!json::parse("1 2", &error).has_value());
    }

    void storageProblems_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("problem"); // fragment; empty = storable
        QTest::addRow("plain") << QByteArray("{\"a\":[1,\"x\",{\"b\":null}]}") << QString();
        QTest::addRow("nul in value") << QByteArray("{\"a\":[\"x\\u0000\"]}") << u"body.a[0] contains the character U+0000"_s;
        QTest::addRow("nul in key") << QByteArray("{\"a\":{\"k\\u0000\":1}}") << u"a key in body.a"_s;
        QTest::addRow("lone surrogate") << QByteArray("{\"n\":\"x\\udc00y\"}") << u"body.n contains an unpaired"_s;
        QTest::addRow("pair is fine") << QByteArray("{\"n\":\"\\ud83d\\ude00\"}") << QString();
        QTest::addRow("64 deep") << QByteArray(64, '[') + QByteArray(64, ']') << QString();
        QTest::addRow("65 deep") << QByteArray(65, '[') + QByteArray(65, ']') << u"nested more than 64 levels"_s;
    }
    void storageProblems()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, problem);
        const auto value = json::parse(text);
        QVERIFY(value.has_value());
        const QString found = json::storageProblem(*value, u"body"_s, 64);
        if (problem.isEmpty())
            QVERIFY2(found.isEmpty(), qPrintable(found));
        else
            QVERIFY2(found.contains(problem), qPrintable(found));
    }

    void timestampsAreRfc3339Utc()
    {
        QCOMPARE(json::formatTimestamp(0), u"1970-01-01T00:00:00.000000Z"_s);
        QCOMPARE(json::formatTimestamp(1'700'000'000'123'456), u"2023-11-14T22:13:20.123456Z"_s);
        QCOMPARE(json::formatTimestamp(-1), u"1969-12-31T23:59:59.999999Z"_s);
    }

    void environmentOverridesFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"wf.ini"_s);
        {
            QSettings ini(path, QSettings::IniFormat);
            ini.setValue(u"http/port"_s, 9100);
            ini.setValue(u"database/connections"_s, 7);
        }
        qputenv("WF_HTTP_PORT", "9200");
        const Config config = Config::load(path);
        QCOMPARE(config.integer(u"http/port"_s, 0), 9200);
        QCOMPARE(config.origin(u"http/port"_s), u"environment"_s);
        QCOMPARE(config.integer(u"database/connections"_s, 0), 7);
        QCOMPARE(config.origin(u"database/connections"_s), u"file"_s);
        qunsetenv("WF_HTTP_PORT");
    }

    void malformedSettingsAreStartupErrors()
    {
        const auto settings = Settings::from(Config::fromValues({{u"http/port"_s, u"eighty"_s}}));
        QVERIFY(!settings.ok());
        QVERIFY(settings.error().detail().contains(u"WF_HTTP_PORT"_s));
        const auto good = Settings::from(Config::fromValues({{u"http/port"_s, u"8123"_s}}));
        QVERIFY(good.ok());
        QCOMPARE(good->httpPort, 8123);
        QVERIFY(good->httpThreads >= 1);
    }

    void helpListsOnlyTheExecutablesOwnSettings()
    {
        // Every setting names who reads it; a row without (a merge that forgot it) would appear in
        // no --help at all.
        const QList<Settings::Entry> catalog = Settings::catalog();
        for (const Settings::Entry &entry : catalog)
            QVERIFY2(entry.executables != Settings::Executables(), qPrintable(entry.key + u" applies to no executable"_s));

        const QString server = Settings::helpText(Settings::executablesNamed(u"wf-server"_s));
        const QString worker = Settings::helpText(Settings::executablesNamed(u"wf-worker"_s));
        const QString stack = Settings::helpText(Settings::executablesNamed(u"wf-stack"_s));
        for (const QString &shared : {u"WF_DATABASE_URL"_s, u"WF_KAFKA_BROKERS"_s, u"WF_LOG_FORMAT"_s}) {
            QVERIFY2(server.contains(shared), qPrintable(shared));
            QVERIFY2(worker.contains(shared), qPrintable(shared));
        }
        QVERIFY(server.contains(u"WF_HTTP_THREADS"_s));
        QVERIFY(server.contains(u"WF_ADMIN_TOKEN"_s));
        QVERIFY(!server.contains(u"WF_WORKER_"_s));
        QVERIFY(!server.contains(u"WF_KAFKA_SESSION_TIMEOUT_MS"_s));
        QVERIFY(!server.contains(u"WF_STACK_"_s));
        QVERIFY(worker.contains(u"WF_WORKER_CONCURRENCY"_s));
        QVERIFY(worker.contains(u"WF_KAFKA_SESSION_TIMEOUT_MS"_s));
        QVERIFY(!worker.contains(u"WF_HTTP_"_s));
        QVERIFY(!worker.contains(u"WF_ADMIN_TOKEN"_s));
        QVERIFY(!worker.contains(u"WF_STACK_"_s));
        QVERIFY(stack.contains(u"WF_STACK_POSTGRES_PORT"_s));
        QVERIFY(stack.contains(u"WF_HTTP_PORT"_s));
        QVERIFY(!stack.contains(u"WF_WORKER_CONCURRENCY"_s));
        QVERIFY(!stack.contains(u"WF_HTTP_THREADS"_s));
        // Another name (a tool, a test): the whole table.
        QCOMPARE(Settings::helpText(Settings::executablesNamed(u"wf-other"_s)).count(u"\n  WF_"_s), catalog.size());
    }
};

QTEST_GUILESS_MAIN(TestCore)
#include "tst_core.moc"
