#include "stepresultmodel.h"

#include "displayformat.h"

#include "core/json.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wf::console {

namespace {

// Long outputs (a webhook's answer can be 64 KiB) are cut in the table; the detail pane shows all.
constexpr qsizetype kOutputPreview = 200;

} // namespace

StepResultModel::StepResultModel(QObject *parent) : QAbstractTableModel(parent) { }

void StepResultModel::setResults(const QJsonObject &stepResults)
{
    if (stepResults == m_source)
        return;
    QList<QJsonObject> results;
    for (auto it = stepResults.begin(); it != stepResults.end(); ++it) {
        QJsonObject result = it.value().toObject();
        if (result.value(u"step_name"_s).toString().isEmpty())
            result.insert(u"step_name"_s, it.key());
        results.append(result);
    }
    // The API sends them by name; the order they ran in is the one to read. Times are RFC 3339
    // in UTC with a fixed width, so they sort as text; steps never started (skipped) go last.
    std::stable_sort(results.begin(), results.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const QString left = a.value(u"started_at"_s).toString();
        const QString right = b.value(u"started_at"_s).toString();
        if (left.isEmpty() != right.isEmpty())
            return right.isEmpty();
        return left < right;
    });
    beginResetModel();
    m_source = stepResults;
    m_results = std::move(results);
    endResetModel();
}

int StepResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int StepResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StepResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_results.size())
        return {};
    const QJsonObject &result = m_results.at(index.row());
    const QString status = result.value(u"status"_s).toString();
    if (role == Qt::ForegroundRole && index.column() == Status && status == u"failed"_s)
        return QBrush(QColor(0xc6, 0x28, 0x28));
    if (role == Qt::ToolTipRole && index.column() == Error)
        return result.value(u"error"_s).toString();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Step:
        return result.value(u"step_name"_s).toString();
    case Status:
        return status;
    case Attempts:
        return result.value(u"attempts"_s).toInt();
    case Started:
        return formatTimestamp(result.value(u"started_at"_s).toString());
    case Duration:
        return formatDurationMs(
                millisecondsBetween(result.value(u"started_at"_s).toString(), result.value(u"completed_at"_s).toString()));
    case Error:
        return result.value(u"error"_s).toString().left(kOutputPreview);
    case Output: {
        const QJsonValue output = result.value(u"output"_s);
        if (output.isNull() || output.isUndefined())
            return QString();
        const QString text = output.isString() ? output.toString() : QString::fromUtf8(json::serialize(output));
        return text.size() > kOutputPreview ? text.left(kOutputPreview) + u'…' : text;
    }
    default:
        return {};
    }
}

QVariant StepResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Step:
        return tr("Step");
    case Status:
        return tr("Status");
    case Attempts:
        return tr("Attempts");
    case Started:
        return tr("Started");
    case Duration:
        return tr("Duration");
    case Error:
        return tr("Error");
    case Output:
        return tr("Output");
    default:
        return {};
    }
}

} // namespace wf::console
