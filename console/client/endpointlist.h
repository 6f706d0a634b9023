#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace wf::console {

// A platform the console knows: a name and the base URL of its API (nginx's, or one server's).
struct Endpoint
{
    QString name;
    QUrl url;

    bool operator==(const Endpoint &other) const { return name == other.name && url == other.url; }
};

// The endpoints the console remembers (QSettings), and the last ones open. Keys are not here:
// they live in the keychain.
class EndpointList
{
public:
    static QList<Endpoint> load();
    static void save(const QList<Endpoint> &endpoints);
    // Adds `endpoint` or replaces the one with its name.
    static void remember(const Endpoint &endpoint);
    static QStringList lastOpen();
    static void setLastOpen(const QStringList &names);
    // "http://127.0.0.1:8000" → a usable URL, or an empty one with `error` set.
    static QUrl parseUrl(const QString &text, QString *error);
};

} // namespace wf::console
