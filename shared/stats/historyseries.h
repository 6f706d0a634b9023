#pragma once

#include "store/statsstore.h"

#include <QJsonObject>
#include <QList>

namespace wf {

// The recorded cluster view as chart series: {"resolution_seconds", "t": [ms…], "series":
// {"requests_per_second": […], …}}, one column per sample field. At a resolution above one
// second the samples of each step are averaged (fields that are null in all of them stay null).
QJsonObject historySeries(const QList<StatsSample> &samples, int resolutionSeconds);

} // namespace wf
