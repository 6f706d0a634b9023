#pragma once

#include "model/thresholds.h"

#include <QFrame>

class QLabel;

namespace wf::console {

// One current figure of the overview, large, on a background coloured by how it stands against
// its threshold (green, amber, red; grey when unknown or stale).
class MetricTile : public QFrame
{
    Q_OBJECT

public:
    explicit MetricTile(const QString &title, QWidget *parent = nullptr);

    void setValue(const QString &value, Level level, const QString &detail = {});
    QString value() const;
    Level level() const { return m_level; }

private:
    QLabel *m_title = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_detail = nullptr;
    Level m_level = Level::Unknown;
};

} // namespace wf::console
