#include "metrictile.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wf::console {

MetricTile::MetricTile(const QString &title, QWidget *parent) : QFrame(parent)
{
    setObjectName(u"metricTile"_s);
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(130);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(0);
    m_title = new QLabel(title, this);
    m_value = new QLabel(u"–"_s, this);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.9);
    big.setBold(true);
    m_value->setFont(big);
    m_detail = new QLabel(this);
    QFont small = m_detail->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_detail->setFont(small);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    setValue(u"–"_s, Level::Unknown);
}

void MetricTile::setValue(const QString &value, Level level, const QString &detail)
{
    m_value->setText(value);
    m_detail->setText(detail);
    m_level = level;
    // Light backgrounds with dark text keep every tile readable in light and dark themes.
    QString background;
    switch (level) {
    case Level::Good:
        background = u"#c8e6c9"_s;
        break;
    case Level::Warning:
        background = u"#ffe0b2"_s;
        break;
    case Level::Critical:
        background = u"#ffcdd2"_s;
        break;
    case Level::Unknown:
        background = u"#e0e0e0"_s;
        break;
    }
    setStyleSheet(u"QFrame#metricTile { background: %1; border-radius: 6px; } QLabel { color: #212121; background: transparent; }"_s
                          .arg(background));
}

QString MetricTile::value() const
{
    return m_value->text();
}

} // namespace wf::console
