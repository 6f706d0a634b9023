#include "bulkrunaction.h"

#include "client/apiclient.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace wf::console {

namespace {

// Requests at a time: enough to hide the round trip, few enough to leave the console's other
// requests (the live overview) room on the same connections.
constexpr int kParallel = 4;

} // namespace

BulkRunAction::BulkRunAction(ApiClient &client, Kind kind, QStringList runIds, QObject *parent)
    : QObject(parent), m_client(client), m_kind(kind), m_runIds(std::move(runIds))
{
}

QString BulkRunAction::path(Kind kind, const QString &runId)
{
    switch (kind) {
    case Kind::Cancel:
        return u"/api/v1/runs/%1/cancel"_s.arg(runId);
    case Kind::Retry:
        return u"/api/v1/runs/%1/retry"_s.arg(runId);
    case Kind::Requeue:
        return u"/api/v1/admin/runs/%1/requeue"_s.arg(runId);
    }
    return {};
}

QString BulkRunAction::summary() const
{
    const int count = total();
    QString text;
    switch (m_kind) {
    case Kind::Cancel:
        text = tr("Cancelled %1 of %n run(s); %2 had ended already.", nullptr, count);
        break;
    case Kind::Retry:
        text = tr("Retried %1 of %n run(s); %2 left alone (only failed or cancelled runs can be retried).", nullptr, count);
        break;
    case Kind::Requeue:
        text = tr("Requeued %1 of %n run(s); %2 were moving again or had ended.", nullptr, count);
        break;
    }
    text = text.arg(m_outcome.succeeded).arg(m_outcome.conflicts);
    if (m_outcome.failed > 0)
        text += u' ' + tr("%n failed; the first said: %1", nullptr, m_outcome.failed).arg(m_outcome.firstError);
    if (m_outcome.notSent > 0)
        text += u' ' + tr("%n not sent: stopped before.", nullptr, m_outcome.notSent);
    return text;
}

void BulkRunAction::start()
{
    if (m_started)
        return;
    m_started = true;
    sendNext();
}

void BulkRunAction::abort()
{
    if (!m_started || m_finished)
        return;
    m_aborted = true;
    sendNext();
}

void BulkRunAction::sendNext()
{
    while (!m_aborted && m_inFlight < kParallel && m_next < m_runIds.size()) {
        const QString runId = m_runIds.at(m_next++);
        ++m_inFlight;
        m_client.post(path(m_kind, runId), QJsonDocument(QJsonObject()), this,
                      [this](const ApiResponse &response) { answered(response); });
    }
    if (m_inFlight == 0 && !m_finished && (m_aborted || m_next == m_runIds.size())) {
        m_finished = true;
        m_outcome.notSent = int(m_runIds.size()) - m_next;
        Q_EMIT finished(QPrivateSignal());
    }
}

void BulkRunAction::answered(const ApiResponse &response)
{
    --m_inFlight;
    ++m_done;
    if (response.ok()) {
        ++m_outcome.succeeded;
        const QString started = response.object().value(u"run_id"_s).toString();
        if (m_kind == Kind::Retry && !started.isEmpty())
            m_outcome.newRunIds.append(started);
    } else if (response.outcome == ApiResponse::Outcome::Answered && response.status == 409) {
        ++m_outcome.conflicts;
    } else {
        if (m_outcome.failed++ == 0)
            m_outcome.firstError = response.message();
    }
    Q_EMIT progress(m_done, int(m_runIds.size()));
    sendNext();
}

} // namespace wf::console
