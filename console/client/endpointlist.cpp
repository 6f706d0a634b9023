#include "endpointlist.h"

#include <QCoreApplication>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace wf::console {

QList<Endpoint> EndpointList::load()
{
    QSettings settings;
    QList<Endpoint> endpoints;
    const int count = settings.beginReadArray(u"endpoints"_s);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        Endpoint endpoint{settings.value(u"name"_s).toString(), QUrl(settings.value(u"url"_s).toString())};
        if (!endpoint.name.isEmpty() && endpoint.url.isValid())
            endpoints.append(endpoint);
    }
    settings.endArray();
    return endpoints;
}

void EndpointList::save(const QList<Endpoint> &endpoints)
{
    QSettings settings;
    settings.beginWriteArray(u"endpoints"_s, int(endpoints.size()));
    for (int i = 0; i < endpoints.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(u"name"_s, endpoints.at(i).name);
        settings.setValue(u"url"_s, endpoints.at(i).url.toString());
    }
    settings.endArray();
}

void EndpointList::remember(const Endpoint &endpoint)
{
    QList<Endpoint> endpoints = load();
    auto it = std::find_if(endpoints.begin(), endpoints.end(), [&](const Endpoint &e) { return e.name == endpoint.name; });
    if (it != endpoints.end())
        *it = endpoint;
    else
        endpoints.append(endpoint);
    save(endpoints);
}

QStringList EndpointList::lastOpen()
{
    return QSettings().value(u"session/open"_s).toStringList();
}

void EndpointList::setLastOpen(const QStringList &names)
{
    QSettings().setValue(u"session/open"_s, names);
}

QUrl EndpointList::parseUrl(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    QUrl url = QUrl::fromUserInput(trimmed);
    if (trimmed.isEmpty() || !url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("EndpointList", "\"%1\" is not an http:// or https:// URL, such as "
                                                                 "http://127.0.0.1:8000")
                             .arg(trimmed);
        return {};
    }
    if (!url.query().isEmpty() || !url.fragment().isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("EndpointList", "The URL must not have a query or fragment: %1").arg(trimmed);
        return {};
    }
    url = url.adjusted(QUrl::StripTrailingSlash);
    if (url.path() == u"/"_s)
        url.setPath({});
    return url;
}

} // namespace wf::console
