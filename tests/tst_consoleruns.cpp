// The console's workflow and run pages against a real stack (wf-stack: nginx, 1 server, 1 worker
// running 2 runs at a time, PgBouncer, Redis, the broker), driven as an operator drives them:
// a definition the API refuses shows its detail under the editor with the cursor on the field it
// names and creates nothing, a good one is created and listed, a run triggered from the page
// (with an Idempotency-Key) shows in the run browser within seconds, the run detail shows the
// timeline of a finished run, the browser pages through 3000 runs on demand (each page's latency
// reported), bulk cancel and retry count what worked and what had ended, the stuck-runs view of
// a healthy stack is empty, and a run whose worker froze mid-step shows there with the reason,
// is requeued from the page and finishes once a worker is back. Each main view is rendered to
// build/screenshots/<name>.png.
#include "httpclient.h"
#include "screenshots.h"
#include "stackports.h"
#include "testcluster.h"

#include "client/apiclient.h"
#include "model/jsonlocator.h"
#include "model/runlistmodel.h"
#include "model/runtimelinemodel.h"
#include "model/stepresultmodel.h"
#include "model/stuckrunmodel.h"
#include "model/workflowlistmodel.h"
#include "ui/confirmationbox.h"
#include "ui/jsoneditor.h"
#include "ui/rundetaildialog.h"
#include "ui/runspage.h"
#include "ui/stuckrunspage.h"
#include "ui/triggerdialog.h"
#include "ui/workflowspage.h"

#include "core/json.h"

#include <QAction>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QScrollBar>
#include <QSet>
#include <QTableView>
#include <QUuid>
#include <QtTest>

#include <algorithm>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace wf::console;
using wf::test::HttpClient;
using wf::test::HttpResult;

namespace {

constexpr int kPagedRuns = 3000;
constexpr int kSlowRuns = 20;

template <typename T>
T *waitForChild(QObject *parent)
{
    T *found = nullptr;
    return QTest::qWaitFor([&] { return (found = parent->findChild<T *>()) != nullptr; }, 5000) ? found : nullptr;
}

// Rows of `ids` in the page's table, selected as if with Ctrl+click.
void selectRuns(RunsPage &page, const QStringList &ids)
{
    QItemSelection selection;
    for (const QString &id : ids) {
        const int row = page.model()->indexOfId(id);
        selection.select(page.model()->index(row, 0), page.model()->index(row, RunListModel::ColumnCount - 1));
    }
    page.view()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

class TestConsoleRuns : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_state{QDir::tempPath() + u"/wf-consoleruns-XXXXXX"_s};
    QProcess m_stack;
    wf::test::StackPorts m_ports;
    QProcessEnvironment m_environment;
    QUrl m_url;
    std::unique_ptr<HttpClient> m_http; // client routes, without a key, as the seed's clients
    std::unique_ptr<ApiClient> m_client; // the console's, with the operator key
    std::unique_ptr<WorkflowsPage> m_workflows;
    std::unique_ptr<RunsPage> m_runs;
    QString m_quickWorkflow;
    QString m_triggeredRun;
    QStringList m_endedRuns;
    QString m_slowWorkflow;

    QString createWorkflow(const QByteArray &definition)
    {
        return m_http->postJson(u"/api/v1/workflows"_s, wf::json::parse(definition).value()).object().value(u"workflow_id"_s).toString();
    }

    QString runStatus(const QString &runId) { return m_http->get(u"/api/v1/runs/"_s + runId).object().value(u"status"_s).toString(); }

    bool allHaveStatus(const QStringList &runs, const QString &status)
    {
        return std::all_of(runs.cbegin(), runs.cend(), [&](const QString &run) { return runStatus(run) == status; });
    }

    int workflowCount()
    {
        int count = 0;
        QString cursor;
        do {
            const QJsonObject page = m_http->get(u"/api/v1/workflows?limit=200"_s + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor)).object();
            count += int(page.value(u"items"_s).toArray().size());
            cursor = page.value(u"next_cursor"_s).toString();
        } while (!cursor.isEmpty());
        return count;
    }

    // `count` triggers of `workflow` at once: the network manager keeps 6 connections busy.
    QStringList triggerMany(const QString &workflow, int count, qint64 *elapsedMs)
    {
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        QStringList runs;
        int answered = 0;
        QElapsedTimer clock;
        clock.start();
        const QByteArray body = wf::json::serialize(QJsonObject{{u"workflow_id"_s, workflow}, {u"payload"_s, QJsonObject()}});
        for (int i = 0; i < count; ++i) {
            QNetworkRequest request(QUrl(m_url.toString() + u"/api/v1/trigger"_s));
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
            request.setTransferTimeout(30000);
            QNetworkReply *reply = network.post(request, body);
            connect(reply, &QNetworkReply::finished, this, [reply, &runs, &answered] {
                ++answered;
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                    runs.append(wf::json::parse(reply->readAll()).value_or(QJsonValue()).toObject().value(u"run_id"_s).toString());
                reply->deleteLater();
            });
        }
        if (!QTest::qWaitFor([&] { return answered == count; }, 180000))
            qWarning("only %d of %d triggers were answered", answered, count);
        *elapsedMs = clock.elapsed();
        return runs;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_ports.server > 0 && m_ports.workerHealth > 0);
        m_environment = m_ports.environment(m_state.path());
        // Two runs at a time: runs of a slow workflow stay pending long enough to be cancelled.
        m_environment.insert(u"WF_WORKER_CONCURRENCY"_s, u"2"_s);
        // A frozen worker's lease expires in 4 s, and its replacement joins the consumer group
        // without waiting out a long session of the dead one.
        m_environment.insert(u"WF_WORKER_LEASE_SECONDS"_s, u"4"_s);
        m_environment.insert(u"WF_KAFKA_SESSION_TIMEOUT_MS"_s, u"6000"_s);
        m_stack.setProcessEnvironment(m_environment);
        m_stack.setProcessChannelMode(QProcess::ForwardedChannels);
        m_stack.start(wf::test::binDir() + u"/wf-stack"_s, {u"up"_s, u"--api"_s, u"1"_s, u"--workers"_s, u"1"_s});
        QVERIFY(m_stack.waitForStarted());
        QCOMPARE(wf::test::stackCommand(m_environment, {u"wait-ready"_s, u"--timeout"_s, u"150"_s}), 0);
        m_url = QUrl(u"http://127.0.0.1:%1"_s.arg(m_ports.http));
        m_http = std::make_unique<HttpClient>(m_url);
        const QByteArray key = wf::test::stackOperatorKey(m_environment);
        QVERIFY(!key.isEmpty());
        m_client = std::make_unique<ApiClient>(m_url);
        m_client->setToken(key);
        m_workflows = std::make_unique<WorkflowsPage>(*m_client);
        m_runs = std::make_unique<RunsPage>(*m_client);
        // As PlatformView wires them: a run triggered on the workflows page opens in the browser.
        connect(m_workflows.get(), &WorkflowsPage::runTriggered, m_runs.get(), &RunsPage::openRun);
    }

    void cleanupTestCase()
    {
        m_runs.reset();
        m_workflows.reset();
        m_client.reset();
        // WF_TEST_KEEP=1 keeps the stack's folder (logs) for a closer look.
        const bool keep = qEnvironmentVariableIsSet("WF_TEST_KEEP");
        wf::test::stackCommand(m_environment, keep ? QStringList{u"down"_s} : QStringList{u"down"_s, u"--purge"_s});
        m_stack.waitForFinished(60000);
        if (keep) {
            m_state.setAutoRemove(false);
            qInfo("stack state and logs kept in %s", qPrintable(m_state.path()));
        }
    }

    void locatorFindsWhatADetailNames()
    {
        const QString text = u"{\n  \"name\": \"n\",\n  \"steps\": [\n    {\"name\": \"first\", \"type\": \"delay\", \"config\": {\"duration\": 1}},\n"
                             "    {\"name\": \"a\", \"type\": \"log\", \"config\": {\"message\": \"${paylod.x}\"},\n"
                             "     \"retry\": {\"max_attempts\": 0}}\n  ]\n}"_s;
        const QStringList path = JsonLocator::pathOfProblem(
                u"steps[1] 'a': config.message: unknown template root 'paylod' in \"${paylod.x}\""_s);
        QCOMPARE(path, (QStringList{u"steps"_s, u"1"_s, u"config"_s, u"message"_s, u"unknown"_s}));
        JsonLocator::Span span = JsonLocator::locate(text, path);
        QCOMPARE(span.depth, 4);
        QCOMPARE(text.mid(span.offset, span.length), u"\"message\""_s);
        QVERIFY(text.indexOf(u"\"message\""_s) > text.indexOf(u"\"a\""_s)); // the second step's, not another

        span = JsonLocator::locate(text, JsonLocator::pathOfProblem(u"steps[1] 'a': retry: max_attempts must be an integer"_s));
        QCOMPARE(text.mid(span.offset, span.length), u"\"max_attempts\""_s);
        // The top-level name, not a step's.
        span = JsonLocator::locate(text, JsonLocator::pathOfProblem(u"name must not be empty"_s));
        QCOMPARE(span.offset, text.indexOf(u"\"name\""_s));
        // A step that is not there: as deep as the text goes.
        span = JsonLocator::locate(text, JsonLocator::pathOfProblem(u"steps[7] must be an object"_s));
        QCOMPARE(text.mid(span.offset, span.length), u"\"steps\""_s);
        span = JsonLocator::locate(text, JsonLocator::pathOfProblem(u"steps[1] 'a': unknown step type \"x\""_s));
        QCOMPARE(span.offset, text.indexOf(u"{\"name\": \"a\""_s));
        QVERIFY(!JsonLocator::locate(text, JsonLocator::pathOfProblem(u"a workflow definition must be a JSON object"_s)).isValid());
        QCOMPARE(JsonLocator::pathOfProblem(u"steps[0] 'c': config.skip[1] names no step of this workflow"_s),
                 (QStringList{u"steps"_s, u"0"_s, u"config"_s, u"skip"_s, u"1"_s}));
    }

    void editorSaysWhereTheSyntaxIsWrong()
    {
        JsonEditor editor;
        editor.setRequireObject(true);
        QSignalSpy validity(&editor, &JsonEditor::validityChanged);
        editor.setPlainText(u"{\n  \"a\": 1,\n  \"b\" 2\n}"_s);
        QVERIFY(!editor.isValid());
        QCOMPARE(editor.problemLine(), 3);
        QVERIFY2(editor.problem().startsWith(u"Line 3, column "_s), qPrintable(editor.problem()));
        QCOMPARE(validity.count(), 1);
        QCOMPARE(validity.first().at(0).toBool(), false);
        // Columns count characters, not UTF-8 bytes.
        editor.setPlainText(u"{\"äöü\": 1 x}"_s);
        QCOMPARE(editor.problemLine(), 1);
        QVERIFY2(editor.problemColumn() == 11 || editor.problemColumn() == 12, qPrintable(editor.problem()));
        editor.setPlainText(u"[1, 2]"_s);
        QVERIFY(!editor.isValid());
        QVERIFY(editor.problem().contains(u"object"_s));
        editor.setPlainText(u"{\"b\":[1,2],\"a\":{}}"_s);
        QVERIFY(editor.isValid());
        QVERIFY(editor.formatAction()->isEnabled());
        editor.formatAction()->trigger();
        QVERIFY(editor.toPlainText().count(u'\n') >= 4);
        QCOMPARE(editor.json().toObject().value(u"b"_s).toArray().size(), 2);
        editor.undo(); // Format is one undoable edit
        QCOMPARE(editor.toPlainText(), u"{\"b\":[1,2],\"a\":{}}"_s);
        QCOMPARE(editor.formatAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    }

    void stuckRunsPageOfAHealthyStackIsEmpty()
    {
        StuckRunsPage page(*m_client);
        QSignalSpy refreshed(page.model(), &StuckRunModel::refreshed);
        QSignalSpy failed(page.model(), &StuckRunModel::failed);
        page.activate();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(page.model()->rowCount(), 0);
        QVERIFY2(page.summary().startsWith(u"No stuck runs"_s), qPrintable(page.summary()));
        QVERIFY(page.isFollowing());
        page.deactivate();
        QVERIFY(!page.isFollowing());
        // Without an operator key the page says why, not nothing.
        ApiClient anonymous(m_url);
        StuckRunsPage refused(anonymous);
        QSignalSpy refusedSpy(refused.model(), &StuckRunModel::failed);
        refused.activate();
        QVERIFY(refusedSpy.wait(10000));
        QVERIFY2(refused.summary().contains(u"401"_s) && refused.summary().contains(u"operator key"_s), qPrintable(refused.summary()));
        refused.deactivate();
    }

    void refusedDefinitionShowsTheDetailAndCreatesNothing()
    {
        WorkflowsPage &page = *m_workflows;
        page.activate();
        const int before = workflowCount();
        page.newWorkflow();
        page.editor()->setPlainText(u"{\n  \"name\": \"refused\",\n  \"steps\": [\n"
                                    "    {\"name\": \"first\", \"type\": \"delay\", \"config\": {\"duration\": 0}},\n"
                                    "    {\"name\": \"a\", \"type\": \"log\",\n     \"config\": {\"message\": \"${paylod.x}\"}}\n  ]\n}"_s);
        QVERIFY(page.editor()->isValid());
        page.save();
        QVERIFY(page.isSaving());
        QVERIFY(QTest::qWaitFor([&] { return !page.isSaving(); }, 10000));
        const QString problem = page.problemText();
        QVERIFY2(problem.contains(u"steps[1] 'a': config.message: unknown template root 'paylod' in \"${paylod.x}\""_s),
                 qPrintable(problem));
        // The cursor is on what the detail names, in the second step.
        QCOMPARE(page.editor()->textCursor().selectedText(), u"\"message\""_s);
        QVERIFY(page.editor()->textCursor().position() > page.editor()->toPlainText().indexOf(u"\"a\""_s));
        QVERIFY(page.currentWorkflowId().isEmpty());
        QCOMPARE(workflowCount(), before);

        // Not JSON: said with line and column, nothing sent.
        page.editor()->setPlainText(u"{\"name\": \"x\",\n \"steps\": [}"_s);
        QVERIFY2(page.problemText().contains(u"Line 2"_s), qPrintable(page.problemText()));
        page.save();
        QVERIFY(!page.isSaving());
        QVERIFY2(page.problemText().contains(u"Line 2"_s), qPrintable(page.problemText()));
        QCOMPARE(workflowCount(), before);
    }

    void goodDefinitionIsCreatedListedAndVersioned()
    {
        WorkflowsPage &page = *m_workflows;
        // The editor holds unsaved text: a new definition asks first.
        page.newWorkflow();
        auto *box = waitForChild<ConfirmationBox>(&page);
        QVERIFY(box);
        box->confirm();
        QVERIFY(page.editor()->isValid());
        const QString name = u"console quick "_s + QUuid::createUuid().toString(QUuid::Id128).left(8);
        page.editor()->setPlainText(QString::fromUtf8(QJsonDocument(QJsonObject{
                {u"name"_s, name},
                {u"description"_s, u"made by tst_consoleruns"_s},
                {u"steps"_s, QJsonArray{QJsonObject{{u"name"_s, u"shape"_s}, {u"type"_s, u"transform"_s},
                                                     {u"config"_s, QJsonObject{{u"output"_s, QJsonObject{{u"user"_s, u"${payload.user}"_s}}}}}}}}})
                                                              .toJson()));
        page.save();
        QVERIFY(QTest::qWaitFor([&] { return !page.isSaving(); }, 10000));
        QVERIFY2(page.problemText().isEmpty(), qPrintable(page.problemText()));
        const QString id = page.currentWorkflowId();
        QVERIFY(!id.isEmpty());
        const HttpResult stored = m_http->get(u"/api/v1/workflows/"_s + id);
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.object().value(u"name"_s).toString(), name);
        QCOMPARE(stored.object().value(u"version"_s).toInt(), 1);
        QVERIFY(QTest::qWaitFor([&] { return page.model()->indexOfId(id) >= 0; }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return page.view()->currentIndex().row() == page.model()->indexOfId(id); }, 5000));

        // Saving again is a new version of the same workflow.
        page.editor()->setPlainText(page.editor()->toPlainText().replace(name, name + u" v2"_s));
        QVERIFY(page.isModified());
        page.save();
        QVERIFY(QTest::qWaitFor([&] { return !page.isSaving(); }, 10000));
        QVERIFY2(page.problemText().isEmpty(), qPrintable(page.problemText()));
        QCOMPARE(page.currentWorkflowId(), id);
        QCOMPARE(m_http->get(u"/api/v1/workflows/"_s + id).object().value(u"version"_s).toInt(), 2);
        QVERIFY(QTest::qWaitFor([&] {
            const int row = page.model()->indexOfId(id);
            return row >= 0 && page.model()->item(row).value(u"version"_s).toInt() == 2;
        }, 10000));
        QVERIFY(!page.isModified());
        m_quickWorkflow = id;

        QString why;
        QVERIFY2(wf::test::renderScreenshot(&page, u"workflows"_s, &why, {1200, 800}, 2), qPrintable(why));
    }

    void triggeredRunShowsInTheRunBrowser()
    {
        QVERIFY(!m_quickWorkflow.isEmpty());
        m_runs->activate();
        QVERIFY(QTest::qWaitFor([&] { return m_runs->model()->complete() || m_runs->model()->rowCount() > 0; }, 10000));
        m_workflows->triggerRun();
        auto *dialog = waitForChild<TriggerDialog>(m_workflows.get());
        QVERIFY(dialog);
        QCOMPARE(dialog->workflowId(), m_quickWorkflow);
        // A payload that is not JSON is not sent.
        dialog->payloadEditor()->setPlainText(u"{\"user\": "_s);
        dialog->trigger();
        QVERIFY2(dialog->errorText().contains(u"not valid"_s), qPrintable(dialog->errorText()));
        QVERIFY(dialog->isVisible());
        dialog->payloadEditor()->setPlainText(u"{\"user\": \"console\"}"_s);
        const QString key = u"tst-consoleruns-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        dialog->idempotencyKeyEdit()->setText(key);
        QString why;
        QVERIFY2(wf::test::renderScreenshot(dialog, u"trigger-dialog"_s, &why, {1200, 800}, 2), qPrintable(why));

        QSignalSpy triggered(m_workflows.get(), &WorkflowsPage::runTriggered);
        dialog->trigger();
        QVERIFY(triggered.wait(10000));
        QElapsedTimer sinceTrigger;
        sinceTrigger.start();
        m_triggeredRun = triggered.first().at(0).toString();
        QCOMPARE(triggered.first().at(1).toString(), m_quickWorkflow);
        QVERIFY(QTest::qWaitFor([&] { return m_runs->model()->indexOfId(m_triggeredRun) >= 0; }, 10000));
        qInfo("a run triggered on the workflows page was in the run browser %lld ms after the trigger's answer",
              sinceTrigger.elapsed());
        QVERIFY(m_runs->detailDialog(m_triggeredRun)); // opened, as the console does

        // The key went with it: the same key and payload again answer the same run.
        const HttpResult again = m_http->postJson(
                u"/api/v1/trigger"_s,
                QJsonObject{{u"workflow_id"_s, m_quickWorkflow}, {u"payload"_s, QJsonObject{{u"user"_s, u"console"_s}}}},
                {{"Idempotency-Key", key.toUtf8()}});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.object().value(u"run_id"_s).toString(), m_triggeredRun);
        QCOMPARE(again.headers.value("idempotent-replayed"), QByteArray("true"));

        m_endedRuns = {m_triggeredRun};
        for (int i = 0; i < 2; ++i)
            m_endedRuns.append(m_http->postJson(u"/api/v1/trigger"_s,
                                                QJsonObject{{u"workflow_id"_s, m_quickWorkflow},
                                                            {u"payload"_s, QJsonObject{{u"user"_s, u"api"_s}}}})
                                       .object()
                                       .value(u"run_id"_s)
                                       .toString());
    }

    void runDetailShowsTheTimelineOfAFinishedRun()
    {
        QVERIFY(QTest::qWaitFor([&] { return runStatus(m_triggeredRun) == u"success"_s; }, 30000));
        RunDetailDialog *dialog = m_runs->detailDialog(m_triggeredRun);
        QVERIFY(dialog);
        // It follows the run until it has ended and the end is in the timeline, then stops.
        QVERIFY(QTest::qWaitFor([&] { return !dialog->isFollowing(); }, 20000));
        QCOMPARE(dialog->status(), u"success"_s);
        const QStringList kinds = dialog->timeline()->kinds();
        for (const QString &kind : {u"accepted"_s, u"claimed"_s, u"step"_s, u"finished"_s})
            QVERIFY2(kinds.contains(kind), qPrintable(kinds.join(u", "_s)));
        const int step = int(kinds.indexOf(u"step"_s));
        RunTimelineModel &timeline = *dialog->timeline();
        QCOMPARE(timeline.index(step, RunTimelineModel::Step).data().toString(), u"shape"_s);
        QCOMPARE(timeline.index(step, RunTimelineModel::Status).data().toString(), u"success"_s);
        QCOMPARE(timeline.index(step, RunTimelineModel::Attempt).data().toInt(), 1);
        QVERIFY(timeline.index(step, RunTimelineModel::Duration).data().toString().endsWith(u" ms"_s));
        QVERIFY(timeline.index(step, RunTimelineModel::Instance).data().toString().startsWith(u"worker"_s));
        QVERIFY(!timeline.index(step, RunTimelineModel::Time).data().toString().isEmpty());
        QVERIFY(!timeline.traceId().isEmpty());
        QCOMPARE(dialog->steps()->rowCount(), 1);
        QVERIFY(dialog->steps()->index(0, StepResultModel::Output).data().toString().contains(u"console"_s));
        // Nothing to cancel or retry on a run that succeeded.
        QVERIFY(!dialog->cancelAction()->isEnabled());
        QVERIFY(!dialog->retryAction()->isEnabled());
        QString why;
        QVERIFY2(wf::test::renderScreenshot(dialog, u"run-detail"_s, &why, {1200, 800}, 2), qPrintable(why));
        dialog->close();
        QVERIFY(QTest::qWaitFor([&] { return m_runs->detailDialog(m_triggeredRun) == nullptr; }, 5000));
    }

    void shortcutsWorkWhereTheFocusIs()
    {
        WorkflowsPage workflows(*m_client);
        workflows.show();
        QVERIFY(QTest::qWaitForWindowActive(&workflows));
        workflows.editor()->setFocus();
        workflows.editor()->setPlainText(u"{\"name\": \"keys\", \"steps\": []}"_s);
        QTest::keyClick(workflows.editor(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier); // Format
        QVERIFY(workflows.editor()->toPlainText().contains(u'\n'));
        workflows.editor()->setPlainText(u"{\"name\": "_s);
        QTest::keyClick(workflows.editor(), Qt::Key_S, Qt::ControlModifier); // Save, refused here: not JSON
        QVERIFY2(workflows.problemText().contains(u"Line 1"_s), qPrintable(workflows.problemText()));
        QVERIFY(!workflows.isSaving());
        workflows.close();

        RunsPage runs(*m_client);
        runs.showRuns(m_quickWorkflow);
        runs.show();
        QVERIFY(QTest::qWaitForWindowActive(&runs));
        QVERIFY(QTest::qWaitFor([&] { return runs.model()->rowCount() > 0 && !runs.model()->loading(); }, 10000));
        runs.view()->setFocus();
        runs.view()->setCurrentIndex(runs.model()->index(0, 0));
        const QString first = runs.model()->idAt(0);
        QTest::keyClick(runs.view(), Qt::Key_Return); // Open
        QVERIFY(QTest::qWaitFor([&] { return runs.detailDialog(first) != nullptr; }, 5000));
        runs.detailDialog(first)->close();
        runs.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&runs));
        runs.view()->setFocus();
        QSignalSpy reset(runs.model(), &RunListModel::modelReset);
        QTest::keyClick(runs.view(), Qt::Key_F5); // Refresh
        QCOMPARE(reset.count(), 1);
        QVERIFY(QTest::qWaitFor([&] { return runs.model()->rowCount() > 0 && !runs.model()->loading(); }, 10000));
        runs.view()->setCurrentIndex(runs.model()->index(0, 0));
        QCOMPARE(runs.selectedRunIds().size(), 1);
        QTest::keyClick(runs.view(), Qt::Key_Delete); // Cancel the selection: asks first
        auto *box = waitForChild<ConfirmationBox>(&runs);
        QVERIFY(box);
        box->reject();
    }

    void runBrowserPagesThroughThousandsOfRuns()
    {
        const QString workflow = createWorkflow(R"({"name":"paged","steps":[{"name":"t","type":"transform","config":{"output":"ok"}}]})");
        QVERIFY(!workflow.isEmpty());
        qint64 triggerMs = 0;
        const QStringList created = triggerMany(workflow, kPagedRuns, &triggerMs);
        QCOMPARE(created.size(), kPagedRuns);
        qInfo("%d runs triggered in %lld ms (%.0f/s)", kPagedRuns, triggerMs, kPagedRuns * 1000.0 / std::max<qint64>(1, triggerMs));

        RunsPage page(*m_client);
        page.showRuns(workflow);
        page.activate();
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        // How long the event loop is ever kept from running while pages arrive and rows are added.
        QElapsedTimer probeClock;
        probeClock.start();
        qint64 lastTick = 0;
        qint64 longestStall = 0;
        QTimer probe;
        connect(&probe, &QTimer::timeout, this, [&] {
            longestStall = std::max(longestStall, probeClock.elapsed() - lastTick);
            lastTick = probeClock.elapsed();
        });
        probe.start(5);
        QList<qint64> latencies;
        QElapsedTimer total;
        total.start();
        RunListModel &model = *page.model();
        while (true) {
            QVERIFY2(QTest::qWaitFor([&] { return !model.loading(); }, 15000), "a page did not arrive within 15 s");
            QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
            if (model.complete())
                break;
            QVERIFY(latencies.size() < 100);
            const int before = model.rowCount();
            QElapsedTimer clock;
            clock.start();
            // Scrolled to the end, the table asks the model for the next page by itself.
            page.view()->scrollToBottom();
            QVERIFY2(QTest::qWaitFor([&] { return model.rowCount() > before || model.complete(); }, 15000),
                     "scrolling to the end fetched nothing");
            latencies.append(clock.elapsed());
        }
        probe.stop();
        QCOMPARE(model.rowCount(), kPagedRuns);
        QSet<QString> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            ids.insert(model.idAt(row));
            QCOMPARE(model.item(row).value(u"workflow_id"_s).toString(), workflow);
        }
        QCOMPARE(int(ids.size()), kPagedRuns);
        QCOMPARE(ids, QSet<QString>(created.cbegin(), created.cend()));
        const qint64 slowest = *std::max_element(latencies.cbegin(), latencies.cend());
        qInfo("%d runs in %lld pages of up to 200 after the first: %lld ms in all, a page in %lld ms (median), "
              "%lld ms (slowest); the event loop never waited longer than %lld ms",
              kPagedRuns, qint64(latencies.size()), total.elapsed(), median(latencies), slowest, longestStall);
        QVERIFY2(median(latencies) < 2000, "pages take too long");
        QVERIFY2(slowest < 10000, "a page took more than 10 s");
        QVERIFY(page.view()->verticalScrollBar()->maximum() > 0);

        // A run triggered now appears at the top by the page's own refresh, once.
        const QString newest =
                m_http->postJson(u"/api/v1/trigger"_s, QJsonObject{{u"workflow_id"_s, workflow}}).object().value(u"run_id"_s).toString();
        QVERIFY(!newest.isEmpty());
        QElapsedTimer appear;
        appear.start();
        QVERIFY(QTest::qWaitFor([&] { return model.indexOfId(newest) == 0; }, 10000));
        qInfo("a new run was at the top of 3000 after %lld ms (refresh every %d ms, list cached 2 s)", appear.elapsed(),
              RunsPage::refreshIntervalMs);
        QCOMPARE(model.rowCount(), kPagedRuns + 1);
        page.deactivate();
    }

    void bulkCancelAndRetryCountWhatWorked()
    {
        const QString slow = createWorkflow(R"({"name":"slow","steps":[{"name":"wait","type":"delay","config":{"duration":30}}]})");
        QVERIFY(!slow.isEmpty());
        QStringList slowRuns;
        for (int i = 0; i < kSlowRuns; ++i)
            slowRuns.append(m_http->postJson(u"/api/v1/trigger"_s, QJsonObject{{u"workflow_id"_s, slow}}).object().value(u"run_id"_s).toString());
        QVERIFY(!slowRuns.contains(QString()));
        m_slowWorkflow = slow;
        QVERIFY2(QTest::qWaitFor([&] { return allHaveStatus(m_endedRuns, u"success"_s); }, 120000),
                 qPrintable(m_endedRuns.join(u' ')));

        RunsPage page(*m_client);
        page.activate();
        page.resize(1200, 800);
        page.show();
        // Both kinds of run in one selection: the ended ones are far down the list. The API may
        // answer the first page from its 2 s cache, without the newest runs; the page's own
        // refresh adds them.
        RunListModel &model = *page.model();
        const QStringList selected = slowRuns + m_endedRuns;
        auto allListed = [&] {
            if (!model.loading() && model.canFetchMore({}))
                model.fetchMore({});
            return model.complete()
                    && std::all_of(selected.cbegin(), selected.cend(), [&](const QString &run) { return model.indexOfId(run) >= 0; });
        };
        QVERIFY(QTest::qWaitFor(allListed, 60000));

        // One of the pending runs in its own window: Cancel offered, Retry not.
        page.openRun(slowRuns.first());
        RunDetailDialog *detail = page.detailDialog(slowRuns.first());
        QVERIFY(detail);
        QVERIFY(QTest::qWaitFor([&] { return !detail->status().isEmpty(); }, 10000));
        QVERIFY2(detail->status() == u"pending"_s || detail->status() == u"running"_s, qPrintable(detail->status()));
        QVERIFY(detail->cancelAction()->isEnabled());
        QVERIFY(!detail->retryAction()->isEnabled());
        QVERIFY(detail->isFollowing());

        selectRuns(page, selected);
        QCOMPARE(page.selectedRunIds().size(), kSlowRuns + m_endedRuns.size());
        QSignalSpy finished(&page, &RunsPage::bulkFinished);
        page.cancelSelected();
        auto *box = waitForChild<ConfirmationBox>(&page);
        QVERIFY(box);
        QVERIFY2(box->text().contains(QString::number(kSlowRuns + m_endedRuns.size())), qPrintable(box->text()));
        QSignalSpy reloaded(&model, &RunListModel::modelReset);
        QElapsedTimer clock;
        clock.start();
        box->confirm();
        QVERIFY(finished.wait(30000));
        qInfo("bulk cancel of %lld runs answered in %lld ms: %s", qint64(kSlowRuns + m_endedRuns.size()), clock.elapsed(),
              qPrintable(page.report()));
        QCOMPARE(finished.first().at(0).toInt(), kSlowRuns);              // cancelled
        QCOMPARE(finished.first().at(1).toInt(), int(m_endedRuns.size())); // had ended: 409, counted
        QCOMPARE(finished.first().at(2).toInt(), 0);
        // "run(s)" without the English translation, which has the plural forms.
        QVERIFY2(page.report().startsWith(u"Cancelled %1 of %2 run"_s.arg(kSlowRuns).arg(kSlowRuns + m_endedRuns.size())),
                 qPrintable(page.report()));
        QVERIFY(allHaveStatus(slowRuns, u"cancelled"_s));
        QVERIFY(allHaveStatus(m_endedRuns, u"success"_s));
        // The open window follows the run to its end, then offers Retry.
        QVERIFY(QTest::qWaitFor([&] { return detail->status() == u"cancelled"_s && detail->retryAction()->isEnabled(); }, 10000));
        QVERIFY(!detail->cancelAction()->isEnabled());

        // Retry a few of them, and one that succeeded (a 409: only failed or cancelled runs).
        // The page loads the list again after a bulk action (once the API's cached pages expired).
        QVERIFY(QTest::qWaitFor([&] { return reloaded.count() > 0; }, 10000));
        QVERIFY(QTest::qWaitFor(allListed, 60000));
        const QStringList retried = slowRuns.mid(0, 3) + QStringList{m_endedRuns.first()};
        selectRuns(page, retried);
        QSignalSpy retryFinished(&page, &RunsPage::bulkFinished);
        page.retrySelected();
        box = waitForChild<ConfirmationBox>(&page);
        QVERIFY(box);
        box->confirm();
        QVERIFY(retryFinished.wait(30000));
        QCOMPARE(retryFinished.first().at(0).toInt(), 3);
        QCOMPARE(retryFinished.first().at(1).toInt(), 1);
        QCOMPARE(retryFinished.first().at(2).toInt(), 0);
        qInfo("bulk retry: %s", qPrintable(page.report()));

        // The run browser, once its own refreshes show the cancellations (list pages are cached 2 s).
        m_runs->showRuns({});
        RunListModel &browser = *m_runs->model();
        QVERIFY(QTest::qWaitFor([&] {
            const int row = browser.indexOfId(slowRuns.last());
            return row >= 0 && browser.item(row).value(u"status"_s).toString() == u"cancelled"_s;
        }, 15000));
        QString why;
        QVERIFY2(wf::test::renderScreenshot(m_runs.get(), u"runs"_s, &why, {1200, 800}, 2), qPrintable(why));
    }

    void aRunLeftByAFrozenWorkerIsListedAsStuckAndRequeued()
    {
        // The retries of slow runs above would keep the worker's two slots for 30 s.
        for (const QString &status : {u"pending"_s, u"running"_s}) {
            const QJsonArray left = m_http->get(u"/api/v1/runs?limit=100&status=%1&workflow_id=%2"_s.arg(status, m_slowWorkflow))
                                            .object().value(u"items"_s).toArray();
            for (const QJsonValue &item : left)
                m_http->postJson(u"/api/v1/runs/"_s + item.toObject().value(u"id"_s).toString() + u"/cancel"_s, QJsonObject());
        }
        const QString workflow = createWorkflow(R"({"name":"frozen","steps":[{"name":"wait","type":"delay","config":{"duration":3}}]})");
        QVERIFY(!workflow.isEmpty());
        const QString run = m_http->postJson(u"/api/v1/trigger"_s, QJsonObject{{u"workflow_id"_s, workflow}}).object().value(u"run_id"_s).toString();
        QVERIFY(!run.isEmpty());
        QVERIFY2(QTest::qWaitFor([&] { return runStatus(run) == u"running"_s; }, 60000), qPrintable(runStatus(run)));
        // The worker freezes in the middle of the step: its process lives on, its lease does not.
        const QJsonArray pids =
                wf::test::stackStatus(m_environment).value(u"components"_s).toObject().value(u"worker"_s).toObject().value(u"pids"_s).toArray();
        QCOMPARE(pids.size(), 1);
        const qint64 worker = pids.first().toInteger();
        QVERIFY(wf::test::sendSignal(worker, SIGSTOP));
        QElapsedTimer clock;
        clock.start();

        StuckRunsPage page(*m_client);
        page.resize(1200, 500);
        page.show();
        page.activate();
        StuckRunModel &model = *page.model();
        auto rowOfRun = [&] {
            for (int row = 0; row < model.rowCount(); ++row) {
                if (model.idAt(row) == run)
                    return row;
            }
            return -1;
        };
        // Listed once the 4 s lease expired, at the page's next refresh (every 5 s).
        QVERIFY2(QTest::qWaitFor([&] { return rowOfRun() >= 0; }, 30000), qPrintable(page.summary()));
        qInfo("the frozen worker's run was listed as stuck %lld ms after the worker stopped", clock.elapsed());
        const QJsonObject stuck = model.item(rowOfRun());
        QCOMPARE(stuck.value(u"status"_s).toString(), u"running"_s);
        QCOMPARE(stuck.value(u"lease_owner"_s).toString(), u"worker-1"_s);
        const QString reason = model.data(model.index(rowOfRun(), StuckRunModel::Reason)).toString();
        QVERIFY2(reason.contains(u"lease of worker-1 expired"_s), qPrintable(reason));
        QString why;
        QVERIFY2(wf::test::renderScreenshot(&page, u"stuck-runs"_s, &why, {1200, 500}, 2), qPrintable(why));

        // Requeued from the page, after the confirmation.
        page.view()->selectRow(rowOfRun());
        QCOMPARE(page.selectedRunIds(), QStringList{run});
        QSignalSpy requeued(&page, &StuckRunsPage::requeueFinished);
        page.requeueSelected();
        auto *box = waitForChild<ConfirmationBox>(&page);
        QVERIFY(box);
        box->confirm();
        QVERIFY(requeued.wait(15000));
        QCOMPARE(requeued.first().at(0).toInt(), 1);
        QCOMPARE(requeued.first().at(1).toInt(), 0);
        QCOMPARE(requeued.first().at(2).toInt(), 0);
        QCOMPARE(runStatus(run), u"pending"_s);

        // The frozen worker is killed; the supervisor starts another, which resumes the run.
        QVERIFY(wf::test::sendSignal(worker, SIGKILL));
        QVERIFY2(QTest::qWaitFor([&] { return runStatus(run) == u"success"_s; }, 90000), qPrintable(runStatus(run)));
        qInfo("requeued from the stuck-runs view, the run succeeded %lld ms after its worker froze", clock.elapsed());
        QVERIFY(QTest::qWaitFor([&] { return !model.loading() && rowOfRun() < 0; }, 15000));
        page.deactivate();
    }
};

QTEST_MAIN(TestConsoleRuns)
#include "tst_consoleruns.moc"
