#include "kafkasettings.h"

#include "core/settings.h"

#include "core/logging.h"

using namespace Qt::StringLiterals;

namespace wf::kafka {

namespace {

// librdkafka logs from its own threads; route it into the process's log format.
void logToQt(const rd_kafka_t *, int level, const char *facility, const char *message)
{
    if (level <= 3)
        qCWarning(lcKafka, "%s: %s", facility, message);
    else if (level <= 5)
        qCInfo(lcKafka, "%s: %s", facility, message);
    else
        qCDebug(lcKafka, "%s: %s", facility, message);
}

} // namespace

KafkaSettings KafkaSettings::from(const Settings &settings)
{
    KafkaSettings out;
    out.brokers = settings.kafkaBrokers;
    out.clientId = settings.instanceId;
    out.properties = parseProperties(settings.kafkaProperties);
    return out;
}

QList<QPair<QString, QString>> KafkaSettings::parseProperties(const QString &text)
{
    QList<QPair<QString, QString>> out;
    const QStringList items = text.split(u';', Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const qsizetype equals = item.indexOf(u'=');
        if (equals > 0)
            out.append({item.left(equals).trimmed(), item.mid(equals + 1).trimmed()});
    }
    return out;
}

Result<KafkaConf> KafkaSettings::makeConf(const QList<QPair<QString, QString>> &more) const
{
    KafkaConf conf(rd_kafka_conf_new());
    rd_kafka_conf_set_log_cb(conf.get(), &logToQt);
    char error[512];
    QList<QPair<QString, QString>> all{{u"bootstrap.servers"_s, brokers}, {u"client.id"_s, clientId}};
    all += properties;
    all += more;
    for (const auto &[name, value] : std::as_const(all)) {
        if (rd_kafka_conf_set(conf.get(), name.toUtf8().constData(), value.toUtf8().constData(), error, sizeof error)
            != RD_KAFKA_CONF_OK)
            return Error::invalid(u"Kafka setting %1=%2: %3"_s.arg(name, value, QString::fromUtf8(error)));
    }
    return conf;
}

} // namespace wf::kafka
