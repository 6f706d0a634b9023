#include "seedflow.h"

#include "connectionpool.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace wf::bench {

namespace {

QString field(const QByteArray &body, const QString &name)
{
    return QJsonDocument::fromJson(body).object().value(name).toString();
}

} // namespace

SeedFlow::SeedFlow(Options options, LoadProgress &progress, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_progress(progress)
{
}

int SeedFlow::connectionsOpened() const
{
    return m_pool ? m_pool->opened() : 0;
}

void SeedFlow::start()
{
    m_pool = new ConnectionPool(m_options.host, m_options.port, m_options.connections, m_options.timeoutMs, this);
    m_users.resize(std::size_t(m_options.users));
    if (m_users.empty()) {
        Q_EMIT finished();
        return;
    }
    for (std::size_t i = 0; i < m_users.size(); ++i) {
        m_users[i].index = m_options.firstUser + int(i);
        next(m_users[i]);
    }
}

QByteArray SeedFlow::request(const char *method, const QString &path, const QByteArray &body) const
{
    return HttpConnection::request(method, m_options.host, m_options.port, path, body, m_options.authorization);
}

QString SeedFlow::rememberRun(const QByteArray &body)
{
    const QString run = field(body, u"run_id"_s);
    if (!run.isEmpty())
        m_triggered.append(run);
    return run;
}

void SeedFlow::timed(User &user, LoadStats::Endpoint endpoint, QByteArray request, std::function<void(const QByteArray &)> read)
{
    m_pool->send(std::move(request), [this, &user, endpoint, read = std::move(read)](const HttpConnection::Response &response) {
        const bool ok = response.status >= 200 && response.status < 300;
        const double ms = std::chrono::duration<double, std::milli>(response.elapsed).count();
        m_stats.record(endpoint, ms, ok, response.status > 0 ? u"HTTP %1"_s.arg(response.status) : response.error);
        ++m_progress.requests;
        if (!ok)
            ++m_progress.failed;
        if (ok && read)
            read(response.body);
        ++user.step;
        next(user);
    });
}

void SeedFlow::untimed(User &user, QByteArray request, std::function<void(const QByteArray &)> read)
{
    m_pool->send(std::move(request), [this, &user, read = std::move(read)](const HttpConnection::Response &response) {
        if (response.status >= 200 && response.status < 300)
            read(response.body);
        ++user.step;
        next(user);
    });
}

void SeedFlow::next(User &user)
{
    // A step that needs an id the user could not read fails without a request, as the seed's
    // client failed on it.
    auto missing = [this, &user](LoadStats::Endpoint endpoint, const QString &what) {
        m_stats.record(endpoint, 0, false, u"no %1 to use"_s.arg(what));
        ++m_progress.requests;
        ++m_progress.failed;
        ++user.step;
        QTimer::singleShot(0, this, [this, &user] { next(user); });
    };
    const QByteArray trigger = u"{\"workflow_id\":\"%1\",\"payload\":{\"user\":%2}}"_s.arg(user.workflowId).arg(user.index).toUtf8();
    switch (user.step) {
    case 0:
        timed(user, LoadStats::Health, request("GET", u"/health"_s));
        return;
    case 1:
        timed(user, LoadStats::Root, request("GET", u"/"_s));
        return;
    case 2:
        timed(user, LoadStats::CreateWorkflow, request("POST", u"/api/v1/workflows"_s, m_options.workflow));
        return;
    case 3:
        untimed(user, request("POST", u"/api/v1/workflows"_s, m_options.workflow),
                [&user](const QByteArray &body) { user.workflowId = field(body, u"workflow_id"_s); });
        return;
    case 4:
        if (user.workflowId.isEmpty())
            return missing(LoadStats::ReadWorkflow, u"workflow id"_s);
        timed(user, LoadStats::ReadWorkflow, request("GET", u"/api/v1/workflows/"_s + user.workflowId));
        return;
    case 5:
        if (user.workflowId.isEmpty())
            return missing(LoadStats::Trigger, u"workflow id"_s);
        timed(user, LoadStats::Trigger, request("POST", u"/api/v1/trigger"_s, trigger),
              [this](const QByteArray &body) { rememberRun(body); });
        return;
    case 6:
        if (user.workflowId.isEmpty()) {
            ++user.step;
            return next(user);
        }
        untimed(user, request("POST", u"/api/v1/trigger"_s, trigger),
                [this, &user](const QByteArray &body) { user.runId = rememberRun(body); });
        return;
    case 7:
        if (user.runId.isEmpty())
            return missing(LoadStats::ReadRun, u"run id"_s);
        timed(user, LoadStats::ReadRun, request("GET", u"/api/v1/runs/"_s + user.runId));
        return;
    case 8:
        timed(user, LoadStats::ListRuns, request("GET", u"/api/v1/runs?limit=50"_s));
        return;
    default:
        if (++user.round < m_options.rounds) {
            user.step = 0;
            user.workflowId.clear();
            user.runId.clear();
            QTimer::singleShot(0, this, [this, &user] { next(user); });
            return;
        }
        ++m_progress.usersDone;
        if (++m_done == int(m_users.size()))
            Q_EMIT finished();
        return;
    }
}

void SeedFlow::settle(int seconds)
{
    m_runs.triggered = m_triggered.size();
    m_open = m_triggered;
    m_settleDeadline = QDateTime::currentMSecsSinceEpoch() + qint64(seconds) * 1000;
    if (m_open.isEmpty()) {
        QTimer::singleShot(0, this, &SeedFlow::settled);
        return;
    }
    const int parallel = qMax(1, qMin(m_options.connections, 64));
    for (int i = 0; i < parallel && !m_open.isEmpty(); ++i)
        settleNext();
}

void SeedFlow::settleNext()
{
    if (m_open.isEmpty() || QDateTime::currentMSecsSinceEpoch() > m_settleDeadline) {
        if (m_inFlight == 0 && !m_settled) {
            m_settled = true;
            m_runs.unfinished = m_open.size();
            m_open.clear();
            Q_EMIT settled();
        }
        return;
    }
    const QString run = m_open.takeFirst();
    ++m_inFlight;
    m_pool->send(request("GET", u"/api/v1/runs/"_s + run), [this, run](const HttpConnection::Response &response) {
        --m_inFlight;
        const QString status = response.status == 200 ? field(response.body, u"status"_s) : QString();
        if (status == u"success"_s) {
            ++m_runs.succeeded;
        } else if (status == u"failed"_s || status == u"cancelled"_s) {
            ++m_runs.failed;
        } else {
            // Not ended yet (or no answer): again later, behind the others.
            m_open.append(run);
            if (m_open.size() <= 64) {
                QTimer::singleShot(100, this, &SeedFlow::settleNext);
                return;
            }
        }
        settleNext();
    });
}

} // namespace wf::bench
