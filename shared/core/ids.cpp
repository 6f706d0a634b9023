#include "ids.h"

#include <QUuid>

namespace wf::ids {

QString create()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

QString normalize(const QString &candidate)
{
    if (candidate.size() != 32 && candidate.size() != 36)
        return {};
    QString id;
    id.reserve(32);
    for (int i = 0; i < candidate.size(); ++i) {
        const QChar c = candidate.at(i);
        if (candidate.size() == 36 && (i == 8 || i == 13 || i == 18 || i == 23)) {
            if (c != u'-')
                return {};
            continue;
        }
        const char16_t u = c.toLower().unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f')))
            return {};
        id.append(QChar(u));
    }
    return id;
}

} // namespace wf::ids
