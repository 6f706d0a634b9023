#include "redisurl.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace wf {

Result<RedisUrl> RedisUrl::parse(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const auto invalid = [&] {
        return Error::invalid(u"Redis URL must look like redis://[:password@]host:port/database, got \"%1\""_s.arg(
                QUrl(text).toDisplayString(QUrl::RemovePassword)));
    };
    if (!url.isValid() || url.scheme() != u"redis"_s || url.hasQuery() || url.hasFragment())
        return invalid();
    RedisUrl result;
    if (!url.host().isEmpty())
        result.host = url.host();
    result.port = url.port(6379);
    result.user = url.userName(QUrl::FullyDecoded);
    result.password = url.password(QUrl::FullyDecoded);
    const QString path = url.path(QUrl::FullyDecoded);
    if (path.size() > 1) {
        bool ok = false;
        result.database = path.mid(1).toInt(&ok);
        if (!ok || result.database < 0)
            return invalid();
    } else if (!path.isEmpty() && path != u"/"_s) {
        return invalid();
    }
    if (!result.user.isEmpty() && result.password.isEmpty())
        return invalid();
    return result;
}

QString RedisUrl::display() const
{
    const QString credentials = password.isEmpty() ? QString() : user + u":***@"_s;
    return u"redis://%1%2:%3/%4"_s.arg(credentials, host).arg(port).arg(database);
}

} // namespace wf
