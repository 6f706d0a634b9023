// The database layer under PgBouncer in transaction pooling mode: 50 concurrent clients from two
// processes for 10 s with zero errors, plus the control experiment showing the harness catches
// the failure it guards against (QSqlQuery::prepare outside a transaction).
#include "testcluster.h"

#include "core/json.h"
#include "db/databaseurl.h"
#include "db/dbconnection.h"
#include "db/migrator.h"

#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestPgBouncer : public QObject
{
    Q_OBJECT

private:
    struct Summary
    {
        qint64 operations = -1;
        qint64 errors = -1;
        QString firstError;
    };

    QList<Summary> runStress(const QString &mode, int processes, int clients, int seconds)
    {
        std::vector<std::unique_ptr<QProcess>> children;
        for (int i = 0; i < processes; ++i) {
            auto process = std::make_unique<QProcess>();
            process->start(wf::test::binDir() + u"/wf-dbstress"_s,
                           {u"--url"_s, m_cluster.databaseUrl(), u"--clients"_s, QString::number(clients),
                            u"--seconds"_s, QString::number(seconds), u"--mode"_s, mode});
            children.push_back(std::move(process));
        }
        QList<Summary> summaries;
        for (auto &process : children) {
            process->waitForFinished((seconds + 60) * 1000);
            const QByteArray out = process->readAllStandardOutput().trimmed();
            const QJsonObject object = wf::json::parse(out.split('\n').last()).value_or(QJsonValue()).toObject();
            Summary summary;
            summary.operations = object.value(u"operations"_s).toInteger(-1);
            summary.errors = object.value(u"errors"_s).toInteger(-1);
            summary.firstError = object.value(u"first_error"_s).toString();
            if (summary.operations < 0)
                summary.firstError = QString::fromUtf8(out + process->readAllStandardError());
            summaries.append(summary);
        }
        return summaries;
    }

    wf::test::TestCluster m_cluster;

private Q_SLOTS:
    void initTestCase()
    {
        wf::test::TestCluster::Options options;
        options.pgbouncer = true;
        const QString error = m_cluster.start(options);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Migrate through PgBouncer too: the advisory lock must be transaction-scoped to work here.
        wf::db::DbConnection connection(wf::db::DatabaseUrl::parse(m_cluster.databaseUrl()).value(), u"migrate"_s);
        const auto applied = wf::db::Migrator::migrate(connection);
        QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().detail()));
        QVERIFY(!applied->isEmpty());
    }

    void fiftyClientsFromTwoProcessesForTenSecondsWithoutErrors()
    {
        const QList<Summary> summaries = runStress(u"layer"_s, 2, 25, 10);
        qint64 total = 0;
        for (const Summary &summary : summaries) {
            QVERIFY2(summary.operations > 0, qPrintable(summary.firstError));
            QVERIFY2(summary.errors == 0, qPrintable(u"%1 errors, first: %2"_s.arg(summary.errors).arg(summary.firstError)));
            total += summary.operations;
        }
        qInfo("%lld operations through PgBouncer in 10 s from 2 processes x 25 connections", total);
        // Everything the load triggered is there, each with its outbox message.
        QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM workflow_runs"_s),
                 m_cluster.scalar(u"SELECT count(*) FROM outbox"_s));
        QVERIFY(m_cluster.scalar(u"SELECT count(*) FROM workflow_runs"_s).toInt() > 0);
    }

    void naivePrepareFailsUnderTransactionPooling()
    {
        // The control: the hazard is real on this PgBouncer, so the test above could fail.
        const QList<Summary> summaries = runStress(u"naive-prepare"_s, 2, 10, 2);
        qint64 errors = 0;
        for (const Summary &summary : summaries)
            errors += qMax<qint64>(0, summary.errors);
        QVERIFY2(errors > 0, "QSqlQuery::prepare outside a transaction unexpectedly worked through PgBouncer");
    }
};

QTEST_GUILESS_MAIN(TestPgBouncer)
#include "tst_pgbouncer.moc"
