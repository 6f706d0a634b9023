#include "historyseries.h"

#include <QJsonArray>
#include <QMap>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace wf {

QJsonObject historySeries(const QList<StatsSample> &samples, int resolutionSeconds)
{
    const qint64 stepMs = qint64(qMax(1, resolutionSeconds)) * 1000;
    QStringList fields;
    for (const StatsSample &sample : samples)
        for (auto it = sample.sample.constBegin(); it != sample.sample.constEnd(); ++it)
            if (!fields.contains(it.key()))
                fields.append(it.key());
    fields.sort();

    QJsonArray times;
    QMap<QString, QJsonArray> columns;
    qsizetype i = 0;
    while (i < samples.size()) {
        const qint64 bucket = samples.at(i).atMs / stepMs;
        qsizetype end = i;
        while (end < samples.size() && samples.at(end).atMs / stepMs == bucket)
            ++end;
        times.append(double(resolutionSeconds <= 1 ? samples.at(i).atMs : bucket * stepMs));
        for (const QString &field : std::as_const(fields)) {
            double sum = 0;
            int count = 0;
            for (qsizetype k = i; k < end; ++k) {
                const QJsonValue value = samples.at(k).sample.value(field);
                if (value.isDouble()) {
                    sum += value.toDouble();
                    ++count;
                }
            }
            columns[field].append(count > 0 ? QJsonValue(qRound64(sum / count * 100) / 100.0) : QJsonValue());
        }
        i = end;
    }
    QJsonObject series;
    for (auto it = columns.cbegin(); it != columns.cend(); ++it)
        series.insert(it.key(), it.value());
    return {{u"resolution_seconds"_s, qMax(1, resolutionSeconds)}, {u"t"_s, times}, {u"series"_s, series}};
}

} // namespace wf
