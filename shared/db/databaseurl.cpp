#include "databaseurl.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace wf::db {

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"postgresql"_s && url.scheme() != u"postgres"_s))
        return Error::invalid(u"database URL must look like postgresql://user:password@host:port/database, got \"%1\""_s
                                      .arg(QUrl(text).toDisplayString(QUrl::RemovePassword)));
    DatabaseUrl result;
    if (!url.host().isEmpty())
        result.host = url.host();
    result.port = url.port(5432);
    result.user = url.userName(QUrl::FullyDecoded);
    result.password = url.password(QUrl::FullyDecoded);
    result.database = url.path(QUrl::FullyDecoded).mid(1);
    if (result.database.isEmpty())
        result.database = result.user;
    QStringList options;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        options << item.first + u'=' + item.second;
    result.options = options.join(u';');
    return result;
}

QString DatabaseUrl::display() const
{
    return u"postgresql://%1@%2:%3/%4"_s.arg(user, host).arg(port).arg(database);
}

} // namespace wf::db
