#pragma once

#include <QList>
#include <QObject>

class QNetworkAccessManager;

namespace wf {

// A few QNetworkAccessManagers handed out round robin. One manager opens at most six connections
// per host and queues the rest, so many concurrent webhooks to one host need several managers.
// Lives in, and is used only by, the thread that created it.
class HttpClientPool : public QObject
{
    Q_OBJECT

public:
    explicit HttpClientPool(int size = 8, QObject *parent = nullptr);
    ~HttpClientPool() override;

    // The next manager; never null.
    QNetworkAccessManager *next();
    int size() const;

private:
    QList<QNetworkAccessManager *> m_managers; // children of this
    int m_next = 0;
};

} // namespace wf
