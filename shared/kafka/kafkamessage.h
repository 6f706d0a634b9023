#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace wf::kafka {

// A message as the application sees it: copied out of librdkafka, so it may outlive the poll.
struct KafkaMessage
{
    QByteArray topic;
    int partition = -1;
    qint64 offset = -1;
    QByteArray key;
    QByteArray value;
    QList<QPair<QByteArray, QByteArray>> headers;
    quint64 generation = 0; // the partition assignment it came from (for offset tracking)

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &header : headers) {
            if (header.first == name)
                return header.second;
        }
        return {};
    }
};

} // namespace wf::kafka
