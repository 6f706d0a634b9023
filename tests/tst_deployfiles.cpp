// The deployment files (deploy/docker, deploy/compose, deploy/k8s), checked without Docker or a
// cluster: every YAML file parses, and the facts the platform depends on hold — replicas, the
// database reached only through PgBouncer in transaction pooling, the seed's HPA, PDBs, the
// scaler's RBAC, probes on the health endpoints, multi-stage non-root images, and an nginx
// configuration that nginx itself accepts and that answers its own errors in JSON.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <yaml-cpp/yaml.h>

#include <optional>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

// node[k1][k2]…, or an undefined node as soon as a step is missing (yaml-cpp throws on a lookup
// in a node that does not exist). Sequence steps are indexes ("0"). Never assigns: a YAML::Node's
// operator= writes into the tree it refers to.
YAML::Node at(const YAML::Node &root, std::initializer_list<std::string> path)
{
    YAML::Node node;
    node.reset(root);
    for (const std::string &key : path) {
        if (!node)
            return YAML::Node(YAML::NodeType::Undefined);
        const YAML::Node &current = node;
        std::optional<YAML::Node> child; // a missing key gives an invalid node: test before use
        if (current.IsMap()) {
            child.emplace(current[key]);
        } else if (current.IsSequence()) {
            bool ok = false;
            const int index = QString::fromStdString(key).toInt(&ok);
            if (ok && index >= 0 && std::size_t(index) < current.size())
                child.emplace(current[std::size_t(index)]);
        }
        if (!child || !*child)
            return YAML::Node(YAML::NodeType::Undefined);
        node.reset(*child);
    }
    return node;
}

// The scalar at `node`, or an empty string when it is missing or not a scalar.
QString text(const YAML::Node &node)
{
    return node && node.IsScalar() ? fromStd(node.Scalar()) : QString();
}

std::optional<int> integer(const YAML::Node &node)
{
    bool ok = false;
    const int value = text(node).toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

// A sequence of scalars, or a scalar split at spaces (compose's `command` may be either).
QStringList words(const YAML::Node &node)
{
    QStringList result;
    if (node && node.IsSequence()) {
        for (const YAML::Node &item : node)
            result << text(item);
    } else if (node && node.IsScalar()) {
        result = text(node).split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    }
    return result;
}

QStringList keys(const YAML::Node &map)
{
    QStringList result;
    if (map && map.IsMap()) {
        for (auto it = map.begin(); it != map.end(); ++it)
            result << fromStd(it->first.Scalar());
    }
    return result;
}

// Compose's `environment`, in its mapping or its list ("KEY=value") form.
QHash<QString, QString> environment(const YAML::Node &service)
{
    QHash<QString, QString> result;
    const YAML::Node env = at(service, {"environment"});
    if (env && env.IsMap()) {
        for (auto it = env.begin(); it != env.end(); ++it)
            result.insert(fromStd(it->first.Scalar()), text(it->second));
    } else if (env && env.IsSequence()) {
        for (const YAML::Node &item : env) {
            const QString entry = text(item);
            const qsizetype eq = entry.indexOf(u'=');
            result.insert(entry.left(eq), eq < 0 ? QString() : entry.mid(eq + 1));
        }
    }
    return result;
}

// "postgresql://user:${PASSWORD:-x}@host:6432/db" -> "host" (QUrl would choke on the ${…}).
QString urlHost(const QString &url)
{
    QString rest = url.mid(url.indexOf(u"://"_s) + 3);
    rest = rest.mid(rest.lastIndexOf(u'@') + 1);
    return rest.section(u'/', 0, 0).section(u':', 0, 0);
}

// `labels` holds every key/value of `subset` (a selector's matchLabels against pod labels).
bool selects(const YAML::Node &subset, const YAML::Node &labels)
{
    if (!subset || !subset.IsMap() || subset.size() == 0 || !labels || !labels.IsMap())
        return false;
    for (auto it = subset.begin(); it != subset.end(); ++it) {
        if (text(at(labels, {it->first.Scalar()})) != text(it->second))
            return false;
    }
    return true;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString readText(const QString &path)
{
    return QString::fromUtf8(readAll(path));
}

struct K8sDocument
{
    QString file;
    YAML::Node node;
    QString kind() const { return text(at(node, {"kind"})); }
    QString name() const { return text(at(node, {"metadata", "name"})); }
};

// A Dockerfile as instructions per stage, continuation lines joined, comments dropped.
struct DockerStage
{
    QString image;
    QString name;
    QList<QPair<QString, QString>> instructions; // (INSTRUCTION, arguments)
};

QList<DockerStage> parseDockerfile(const QByteArray &content)
{
    QList<DockerStage> stages;
    QString pending;
    const QStringList lines = QString::fromUtf8(content).split(u'\n');
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (pending.isEmpty() && (line.isEmpty() || line.startsWith(u'#')))
            continue;
        if (line.startsWith(u'#'))
            continue; // a comment inside a continued instruction
        if (line.endsWith(u'\\')) {
            pending += line.chopped(1) + u' ';
            continue;
        }
        const QString instruction = QString(pending + line).simplified();
        pending.clear();
        const QString keyword = instruction.section(u' ', 0, 0).toUpper();
        const QString arguments = instruction.section(u' ', 1);
        if (keyword == u"FROM"_s) {
            DockerStage stage;
            const QStringList parts = arguments.split(u' ', Qt::SkipEmptyParts);
            QStringList positional;
            for (const QString &part : parts) {
                if (!part.startsWith(u"--"_s))
                    positional << part;
            }
            stage.image = positional.value(0);
            if (positional.size() >= 3 && positional.at(1).compare(u"AS"_s, Qt::CaseInsensitive) == 0)
                stage.name = positional.at(2);
            stages.append(stage);
        } else if (!stages.isEmpty()) {
            stages.last().instructions.append({keyword, arguments});
        }
    }
    return stages;
}

QStringList valuesOf(const DockerStage &stage, const QString &keyword)
{
    QStringList result;
    for (const auto &instruction : stage.instructions) {
        if (instruction.first == keyword)
            result << instruction.second;
    }
    return result;
}

} // namespace

class TestDeployFiles : public QObject
{
    Q_OBJECT

private:
    QString m_root;
    YAML::Node m_compose;
    std::vector<K8sDocument> m_k8s;

    QString path(const QString &relative) const { return m_root + u'/' + relative; }
    QStringList yamlFiles(const QString &folder) const;
    // const: yaml-cpp's non-const operator[] inserts the keys it looks up.
    const YAML::Node service(const QString &name) const { return at(m_compose, {"services", name.toStdString()}); }
    std::vector<K8sDocument> k8s(const QString &kind) const;
    const YAML::Node k8s(const QString &kind, const QString &name) const;
    bool dockerfileHasHealthcheck(const YAML::Node &service) const;

private Q_SLOTS:
    void initTestCase();

    void yamlFilesExist();
    void yamlFilesParse_data();
    void yamlFilesParse();

    void composeHasEveryService();
    void composeRunsThreeServersAndThreeWorkers();
    void composeReachesPostgresOnlyThroughPgBouncer();
    void composePgBouncerPoolsTransactions();
    void composeRedisIsABoundedLruCache();
    void composeCreatesTheTopics();
    void composePublishesOnlyNginxOn8000();
    void composeDependenciesHaveTheirConditions();
    void composeBuildsExistingDockerfiles();
    void composeLetsWorkersDrain();
    void deploymentsRequireKeys();

    void k8sDocumentsAreObjects();
    void k8sKustomizationListsEveryFile();
    void k8sApiHpaIsTheSeeds();
    void k8sWorkerHpaStopsAtThePartitions();
    void k8sPdbsCoverServerAndWorker();
    void k8sScalerMayPatchTheScale();
    void k8sDeployments_data();
    void k8sDeployments();
    void k8sReferencesResolve();
    void settingsAreKnown();

    void dockerfiles_data();
    void dockerfiles();

    void nginxConfiguration();
};

QStringList TestDeployFiles::yamlFiles(const QString &folder) const
{
    QStringList files;
    QDirIterator it(path(folder), {u"*.yaml"_s, u"*.yml"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

std::vector<K8sDocument> TestDeployFiles::k8s(const QString &kind) const
{
    std::vector<K8sDocument> result;
    for (const K8sDocument &document : m_k8s) {
        if (document.kind() == kind)
            result.push_back(document);
    }
    return result;
}

const YAML::Node TestDeployFiles::k8s(const QString &kind, const QString &name) const
{
    for (const K8sDocument &document : m_k8s) {
        if (document.kind() == kind && document.name() == name)
            return document.node;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

bool TestDeployFiles::dockerfileHasHealthcheck(const YAML::Node &service) const
{
    const YAML::Node build = at(service, {"build"});
    if (!build || !build.IsMap())
        return false;
    const QString context = QDir(path(u"deploy/compose"_s)).filePath(text(at(build, {"context"})));
    const QList<DockerStage> stages = parseDockerfile(readAll(QDir(context).filePath(text(at(build, {"dockerfile"})))));
    return !stages.isEmpty() && !valuesOf(stages.last(), u"HEALTHCHECK"_s).isEmpty();
}

void TestDeployFiles::initTestCase()
{
    m_root = qEnvironmentVariable("WF_SOURCE_DIR");
    QVERIFY2(!m_root.isEmpty(), "WF_SOURCE_DIR is not set (ctest sets it)");
    QVERIFY2(QDir(path(u"deploy"_s)).exists(), qPrintable(m_root));

    const QString compose = path(u"deploy/compose/compose.yaml"_s);
    QVERIFY2(QFile::exists(compose), qPrintable(compose));
    QStringList files = yamlFiles(u"deploy/k8s"_s);
    files.prepend(compose);
    for (const QString &file : std::as_const(files)) {
        try {
            const std::vector<YAML::Node> documents = YAML::LoadAllFromFile(file.toStdString());
            if (file == compose) {
                QCOMPARE(documents.size(), size_t(1));
                m_compose.reset(documents.front());
                continue;
            }
            for (const YAML::Node &node : documents) {
                if (node && !node.IsNull())
                    m_k8s.push_back({QFileInfo(file).fileName(), node});
            }
        } catch (const YAML::Exception &error) {
            QFAIL(qPrintable(QDir(m_root).relativeFilePath(file) + u": "_s + QString::fromUtf8(error.what())));
        }
    }
}

void TestDeployFiles::yamlFilesExist()
{
    QVERIFY2(!yamlFiles(u"deploy/compose"_s).isEmpty(), "no YAML file under deploy/compose");
    QVERIFY2(yamlFiles(u"deploy/k8s"_s).size() >= 5, "hardly any YAML file under deploy/k8s");
}

void TestDeployFiles::yamlFilesParse_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = yamlFiles(u"deploy/compose"_s) + yamlFiles(u"deploy/k8s"_s);
    for (const QString &file : files)
        QTest::newRow(qPrintable(QDir(m_root).relativeFilePath(file))) << file;
}

void TestDeployFiles::yamlFilesParse()
{
    QFETCH(QString, file);
    try {
        const std::vector<YAML::Node> documents = YAML::LoadAllFromFile(file.toStdString());
        int maps = 0;
        for (const YAML::Node &document : documents)
            maps += document.IsMap() ? 1 : 0;
        QVERIFY2(maps > 0, "no YAML mapping in the file");
    } catch (const YAML::Exception &error) {
        QFAIL(error.what());
    }
}

void TestDeployFiles::composeHasEveryService()
{
    const QStringList services = keys(at(m_compose, {"services"}));
    for (const QString &expected : {u"kafka"_s, u"postgres"_s, u"pgbouncer"_s, u"redis"_s, u"nginx"_s, u"migrate"_s,
                                    u"server"_s, u"worker"_s})
        QVERIFY2(services.contains(expected), qPrintable(u"no service "_s + expected));
    // Every service runs a pinned image (or builds one): no "latest" surprises.
    for (const QString &name : services) {
        const QString image = text(at(service(name), {"image"}));
        QVERIFY2(!image.isEmpty(), qPrintable(name + u" has no image"_s));
        QVERIFY2(image.contains(u':') && !image.endsWith(u":latest"_s), qPrintable(name + u": "_s + image));
    }
}

void TestDeployFiles::composeRunsThreeServersAndThreeWorkers()
{
    QCOMPARE(integer(at(service(u"server"_s), {"deploy", "replicas"})), std::optional<int>(3));
    QCOMPARE(integer(at(service(u"worker"_s), {"deploy", "replicas"})), std::optional<int>(3));
    // Replicas cannot share a fixed container name or a host port.
    for (const QString &name : {u"server"_s, u"worker"_s}) {
        QVERIFY2(!at(service(name), {"container_name"}), qPrintable(name));
        QVERIFY2(!at(service(name), {"ports"}), qPrintable(name));
    }
}

void TestDeployFiles::composeReachesPostgresOnlyThroughPgBouncer()
{
    for (const QString &name : {u"migrate"_s, u"server"_s, u"worker"_s}) {
        const QString url = environment(service(name)).value(u"WF_DATABASE_URL"_s);
        QVERIFY2(!url.isEmpty(), qPrintable(name + u" has no WF_DATABASE_URL"_s));
        QCOMPARE(urlHost(url), u"pgbouncer"_s);
        QVERIFY2(url.contains(u":6432/"_s), qPrintable(url));
    }
    QCOMPARE(environment(service(u"pgbouncer"_s)).value(u"DB_HOST"_s), u"postgres"_s);
    QCOMPARE(environment(service(u"pgbouncer"_s)).value(u"LISTEN_PORT"_s), u"6432"_s);
    // Nothing else names PostgreSQL.
    const QStringList services = keys(at(m_compose, {"services"}));
    for (const QString &name : services) {
        if (name == u"pgbouncer"_s || name == u"postgres"_s)
            continue;
        const auto env = environment(service(name));
        for (auto it = env.begin(); it != env.end(); ++it)
            QVERIFY2(!it.value().contains(u"@postgres"_s), qPrintable(name + u": "_s + it.key()));
    }
}

void TestDeployFiles::composePgBouncerPoolsTransactions()
{
    const auto env = environment(service(u"pgbouncer"_s));
    QCOMPARE(env.value(u"POOL_MODE"_s), u"transaction"_s);
    QCOMPARE(env.value(u"SERVER_RESET_QUERY"_s), u"DEALLOCATE ALL"_s);
    QCOMPARE(env.value(u"SERVER_RESET_QUERY_ALWAYS"_s), u"1"_s);
    const QStringList ignored = env.value(u"IGNORE_STARTUP_PARAMETERS"_s).split(u',');
    QVERIFY(ignored.contains(u"extra_float_digits"_s));
    QVERIFY(ignored.contains(u"options"_s));
    QVERIFY2(env.value(u"MAX_CLIENT_CONN"_s).toInt() >= 10000, qPrintable(env.value(u"MAX_CLIENT_CONN"_s)));

    // PgBouncer's server connections fit in PostgreSQL's max_connections.
    const QStringList command = words(at(service(u"postgres"_s), {"command"}));
    int maxConnections = 100; // PostgreSQL's default
    for (const QString &word : command) {
        if (word.startsWith(u"max_connections="_s))
            maxConnections = word.section(u'=', 1).toInt();
    }
    const int pool = env.value(u"DEFAULT_POOL_SIZE"_s).toInt() + env.value(u"RESERVE_POOL_SIZE"_s).toInt();
    QVERIFY(pool > 0);
    QVERIFY2(pool < maxConnections, qPrintable(u"pool %1, max_connections %2"_s.arg(pool).arg(maxConnections)));
    QVERIFY(at(service(u"pgbouncer"_s), {"ulimits", "nofile"}));
}

void TestDeployFiles::composeRedisIsABoundedLruCache()
{
    const QStringList command = words(at(service(u"redis"_s), {"command"}));
    const qsizetype maxmemory = command.indexOf(u"--maxmemory"_s);
    QVERIFY(maxmemory >= 0);
    QCOMPARE(command.value(maxmemory + 1).toLower(), u"256mb"_s);
    QCOMPARE(command.value(command.indexOf(u"--maxmemory-policy"_s) + 1), u"allkeys-lru"_s);
    for (const QString &name : {u"server"_s, u"worker"_s})
        QCOMPARE(urlHost(environment(service(name)).value(u"WF_REDIS_URL"_s)), u"redis"_s);
}

void TestDeployFiles::composeCreatesTheTopics()
{
    const auto kafka = environment(service(u"kafka"_s));
    QVERIFY2(kafka.value(u"KAFKA_PROCESS_ROLES"_s).contains(u"controller"_s), "Kafka must run in KRaft mode");
    QVERIFY(kafka.value(u"KAFKA_ADVERTISED_LISTENERS"_s).contains(u"//kafka:9092"_s));
    const QString script = words(at(service(u"kafka-init"_s), {"command"})).join(u' ');
    for (const QString &topic : {u"workflow.trigger"_s, u"workflow.completed"_s, u"workflow.dlq"_s})
        QVERIFY2(script.contains(topic), qPrintable(topic));
    QVERIFY(script.contains(u"--partitions"_s));
    QVERIFY(script.contains(u"--if-not-exists"_s));
    for (const QString &name : {u"server"_s, u"worker"_s})
        QCOMPARE(environment(service(name)).value(u"WF_KAFKA_BROKERS"_s), u"kafka:9092"_s);
}

void TestDeployFiles::composePublishesOnlyNginxOn8000()
{
    const QStringList services = keys(at(m_compose, {"services"}));
    for (const QString &name : services) {
        if (name != u"nginx"_s)
            QVERIFY2(!at(service(name), {"ports"}), qPrintable(name + u" publishes a port"_s));
    }
    const QStringList ports = words(at(service(u"nginx"_s), {"ports"}));
    QCOMPARE(ports.size(), 1);
    QCOMPARE(ports.constFirst().section(u':', -2, -2), u"8000"_s); // host port of "[ip:]8000:8000"
    const QString nginxConf = readText(path(u"deploy/compose/nginx.conf"_s));
    QVERIFY(nginxConf.contains(u"listen %1"_s.arg(ports.constFirst().section(u':', -1))));
    // The mounted configuration is the one in this folder.
    const QStringList volumes = words(at(service(u"nginx"_s), {"volumes"}));
    QVERIFY(volumes.contains(u"./nginx.conf:/etc/nginx/nginx.conf:ro"_s));
}

void TestDeployFiles::composeDependenciesHaveTheirConditions()
{
    const QStringList names = keys(at(m_compose, {"services"}));
    for (const QString &name : names) {
        const YAML::Node dependsOn = at(service(name), {"depends_on"});
        if (!dependsOn)
            continue;
        QVERIFY2(dependsOn.IsMap(), qPrintable(name + u": depends_on needs conditions"_s));
        for (auto it = dependsOn.begin(); it != dependsOn.end(); ++it) {
            const QString target = fromStd(it->first.Scalar());
            const QString condition = text(at(it->second, {"condition"}));
            const QString where = name + u" -> "_s + target;
            QVERIFY2(names.contains(target), qPrintable(where));
            if (condition == u"service_healthy"_s) {
                const YAML::Node healthcheck = at(service(target), {"healthcheck"});
                const bool own = healthcheck && at(healthcheck, {"test"}) && text(at(healthcheck, {"disable"})) != u"true"_s;
                QVERIFY2(own || dockerfileHasHealthcheck(service(target)), qPrintable(where + u": no health check"_s));
            } else if (condition == u"service_completed_successfully"_s) {
                QVERIFY2(text(at(service(target), {"restart"})) == u"no"_s, qPrintable(where + u": not a one-shot service"_s));
            } else {
                QVERIFY2(condition == u"service_started"_s, qPrintable(where + u": "_s + condition));
            }
        }
    }
    const YAML::Node server = at(service(u"server"_s), {"depends_on"});
    QCOMPARE(text(at(server, {"migrate", "condition"})), u"service_completed_successfully"_s);
    QCOMPARE(text(at(server, {"pgbouncer", "condition"})), u"service_healthy"_s);
    QCOMPARE(text(at(service(u"worker"_s), {"depends_on", "kafka-init", "condition"})), u"service_completed_successfully"_s);
    QCOMPARE(text(at(service(u"nginx"_s), {"depends_on", "server", "condition"})), u"service_healthy"_s);
    QCOMPARE(words(at(service(u"migrate"_s), {"command"})).value(0), u"--migrate"_s);
}

void TestDeployFiles::composeBuildsExistingDockerfiles()
{
    const QStringList names = keys(at(m_compose, {"services"}));
    int builds = 0;
    for (const QString &name : names) {
        const YAML::Node build = at(service(name), {"build"});
        if (!build)
            continue;
        ++builds;
        const QDir context(QDir(path(u"deploy/compose"_s)).filePath(text(at(build, {"context"}))));
        QCOMPARE(QDir::cleanPath(context.absolutePath()), QDir::cleanPath(m_root));
        const QString dockerfile = context.filePath(text(at(build, {"dockerfile"})));
        QVERIFY2(QFile::exists(dockerfile), qPrintable(dockerfile));
    }
    QVERIFY(builds >= 3); // migrate, server, worker
}

void TestDeployFiles::composeLetsWorkersDrain()
{
    // Workers drain 20 s by default after SIGTERM; Docker's default 10 s would SIGKILL them.
    const QString grace = text(at(service(u"worker"_s), {"stop_grace_period"}));
    QVERIFY2(grace.endsWith(u's') && grace.chopped(1).toInt() > 20, qPrintable(grace));
}

void TestDeployFiles::deploymentsRequireKeys()
{
    // Containers and Kubernetes need keys on every route; the bootstrap key must be supplied
    // (compose stops with a message without it), and the Secret's placeholder is what a server
    // refuses to start with (tst_auth, tst_keys).
    const YAML::Node environment = at(service(u"server"_s), {"environment"});
    QCOMPARE(text(at(environment, {"WF_AUTH"})), u"${WF_AUTH:-required}"_s);
    QVERIFY(text(at(environment, {"WF_ADMIN_TOKEN"})).startsWith(u"${WF_ADMIN_TOKEN:?"_s));
    QCOMPARE(text(at(k8s(u"ConfigMap"_s, u"wf-config"_s), {"data", "WF_AUTH"})), u"required"_s);
    QCOMPARE(text(at(k8s(u"Secret"_s, u"wf-secrets"_s), {"stringData", "WF_ADMIN_TOKEN"})), u"CHANGE_ME"_s);

    // Workers reach public addresses only, at the network too: every internal range is excepted
    // from the one rule that opens the internet.
    QCOMPARE(text(at(k8s(u"ConfigMap"_s, u"wf-config"_s), {"data", "WF_WEBHOOK_ALLOW"})), QString());
    const YAML::Node policy = k8s(u"NetworkPolicy"_s, u"wf-worker-egress"_s);
    QVERIFY(policy);
    QCOMPARE(text(at(policy, {"spec", "podSelector", "matchLabels", "app.kubernetes.io/name"})), u"wf-worker"_s);
    QStringList excepted;
    bool opensTheInternet = false;
    for (const YAML::Node &rule : at(policy, {"spec", "egress"})) {
        for (const YAML::Node &peer : at(rule, {"to"})) {
            if (text(at(peer, {"ipBlock", "cidr"})) == u"0.0.0.0/0"_s) {
                opensTheInternet = true;
                excepted += words(at(peer, {"ipBlock", "except"}));
            }
        }
    }
    QVERIFY(opensTheInternet);
    for (const QString &range : {u"10.0.0.0/8"_s, u"172.16.0.0/12"_s, u"192.168.0.0/16"_s, u"169.254.0.0/16"_s,
                                 u"127.0.0.0/8"_s, u"100.64.0.0/10"_s})
        QVERIFY2(excepted.contains(range), qPrintable(range));
}

void TestDeployFiles::k8sDocumentsAreObjects()
{
    QVERIFY(!m_k8s.empty());
    QSet<QString> seen;
    for (const K8sDocument &document : m_k8s) {
        if (document.kind() == u"Kustomization"_s)
            continue; // kustomize's own file, not an API object
        const QString where = document.file + u": "_s + document.kind() + u'/' + document.name();
        QVERIFY2(!text(at(document.node, {"apiVersion"})).isEmpty(), qPrintable(where + u" has no apiVersion"_s));
        QVERIFY2(!document.kind().isEmpty(), qPrintable(where + u" has no kind"_s));
        QVERIFY2(!document.name().isEmpty(), qPrintable(where + u" has no metadata.name"_s));
        const QString key = document.kind() + u'/' + document.name();
        QVERIFY2(!seen.contains(key), qPrintable(key + u" twice"_s));
        seen.insert(key);
    }
}

void TestDeployFiles::k8sKustomizationListsEveryFile()
{
    const std::vector<K8sDocument> kustomizations = k8s(u"Kustomization"_s);
    QCOMPARE(kustomizations.size(), size_t(1));
    const YAML::Node kustomization = kustomizations.front().node;
    QCOMPARE(text(at(kustomization, {"namespace"})), u"wf-platform"_s);
    QStringList listed = words(at(kustomization, {"resources"}));
    listed.sort();
    QStringList present;
    for (const QString &file : yamlFiles(u"deploy/k8s"_s)) {
        const QString name = QDir(path(u"deploy/k8s"_s)).relativeFilePath(file);
        if (name != u"kustomization.yaml"_s)
            present << name;
    }
    present.sort();
    QCOMPARE(listed, present);
    // The namespace it puts everything in is one of the resources.
    QVERIFY(k8s(u"Namespace"_s, u"wf-platform"_s));
}

void TestDeployFiles::k8sApiHpaIsTheSeeds()
{
    // scaling-strategy.md section 10.
    const YAML::Node hpa = k8s(u"HorizontalPodAutoscaler"_s, u"wf-server"_s);
    QVERIFY(hpa);
    QCOMPARE(text(at(hpa, {"apiVersion"})), u"autoscaling/v2"_s);
    const YAML::Node spec = at(hpa, {"spec"});
    QCOMPARE(text(at(spec, {"scaleTargetRef", "kind"})), u"Deployment"_s);
    QCOMPARE(text(at(spec, {"scaleTargetRef", "name"})), u"wf-server"_s);
    QCOMPARE(integer(at(spec, {"minReplicas"})), std::optional<int>(2));
    QCOMPARE(integer(at(spec, {"maxReplicas"})), std::optional<int>(20));
    QCOMPARE(int(at(spec, {"metrics"}).size()), 2);
    bool cpu = false;
    bool requests = false;
    for (const YAML::Node &metric : at(spec, {"metrics"})) {
        if (text(at(metric, {"type"})) == u"Resource"_s) {
            QCOMPARE(text(at(metric, {"resource", "name"})), u"cpu"_s);
            QCOMPARE(text(at(metric, {"resource", "target", "type"})), u"Utilization"_s);
            QCOMPARE(integer(at(metric, {"resource", "target", "averageUtilization"})), std::optional<int>(70));
            cpu = true;
        } else if (text(at(metric, {"type"})) == u"Pods"_s) {
            QCOMPARE(text(at(metric, {"pods", "metric", "name"})), u"http_requests_per_second"_s);
            QCOMPARE(text(at(metric, {"pods", "target", "type"})), u"AverageValue"_s);
            QCOMPARE(text(at(metric, {"pods", "target", "averageValue"})), u"100"_s);
            requests = true;
        }
    }
    QVERIFY(cpu);
    QVERIFY(requests);
}

void TestDeployFiles::k8sWorkerHpaStopsAtThePartitions()
{
    const YAML::Node hpa = k8s(u"HorizontalPodAutoscaler"_s, u"wf-worker"_s);
    QVERIFY(hpa);
    const YAML::Node spec = at(hpa, {"spec"});
    QCOMPARE(text(at(spec, {"scaleTargetRef", "name"})), u"wf-worker"_s);
    // 12 partitions of workflow.trigger in production: a 13th consumer would idle.
    QCOMPARE(integer(at(spec, {"maxReplicas"})), std::optional<int>(12));
    QVERIFY(integer(at(spec, {"minReplicas"})).value_or(0) >= 1);
    QCOMPARE(text(at(spec, {"metrics", "0", "resource", "name"})), u"cpu"_s);
    // Every HPA scales a Deployment of these manifests.
    for (const K8sDocument &document : k8s(u"HorizontalPodAutoscaler"_s))
        QVERIFY2(k8s(u"Deployment"_s, text(at(document.node, {"spec", "scaleTargetRef", "name"}))), qPrintable(document.name()));
}

void TestDeployFiles::k8sPdbsCoverServerAndWorker()
{
    for (const QString &deploymentName : {u"wf-server"_s, u"wf-worker"_s}) {
        const YAML::Node deployment = k8s(u"Deployment"_s, deploymentName);
        QVERIFY(deployment);
        const YAML::Node podLabels = at(deployment, {"spec", "template", "metadata", "labels"});
        bool covered = false;
        for (const K8sDocument &pdb : k8s(u"PodDisruptionBudget"_s)) {
            if (!selects(at(pdb.node, {"spec", "selector", "matchLabels"}), podLabels))
                continue;
            covered = true;
            QVERIFY2(at(pdb.node, {"spec", "maxUnavailable"}) || at(pdb.node, {"spec", "minAvailable"}), qPrintable(pdb.name()));
        }
        QVERIFY2(covered, qPrintable(u"no PodDisruptionBudget selects "_s + deploymentName));
    }
}

void TestDeployFiles::k8sScalerMayPatchTheScale()
{
    bool patch = false;
    QString roleName;
    for (const K8sDocument &role : k8s(u"Role"_s)) {
        for (const YAML::Node &rule : at(role.node, {"rules"})) {
            const QStringList groups = words(at(rule, {"apiGroups"}));
            const QStringList resources = words(at(rule, {"resources"}));
            const QStringList verbs = words(at(rule, {"verbs"}));
            if (groups.contains(u"apps"_s) && resources.contains(u"deployments/scale"_s) && verbs.contains(u"patch"_s)) {
                QVERIFY(verbs.contains(u"get"_s));
                QVERIFY(verbs.contains(u"update"_s));
                const QStringList names = words(at(rule, {"resourceNames"}));
                QVERIFY(names.isEmpty() || (names.contains(u"wf-server"_s) && names.contains(u"wf-worker"_s)));
                patch = true;
                roleName = role.name();
            }
        }
    }
    QVERIFY2(patch, "no Role grants patch on deployments/scale in group apps");
    // Bound to a ServiceAccount that exists and that the scaler runs as; the pods that never call
    // the Kubernetes API carry no token.
    bool bound = false;
    const QString serverAccount = text(at(k8s(u"Deployment"_s, u"wf-scaler"_s), {"spec", "template", "spec", "serviceAccountName"}));
    for (const QString &name : {u"wf-server"_s, u"wf-worker"_s}) {
        const YAML::Node pod = at(k8s(u"Deployment"_s, name), {"spec", "template", "spec"});
        QCOMPARE(text(at(pod, {"automountServiceAccountToken"})), u"false"_s);
        QVERIFY(text(at(pod, {"serviceAccountName"})).isEmpty());
    }
    for (const K8sDocument &binding : k8s(u"RoleBinding"_s)) {
        if (text(at(binding.node, {"roleRef", "kind"})) != u"Role"_s || text(at(binding.node, {"roleRef", "name"})) != roleName)
            continue;
        for (const YAML::Node &subject : at(binding.node, {"subjects"})) {
            const QString account = text(at(subject, {"name"}));
            if (text(at(subject, {"kind"})) == u"ServiceAccount"_s && k8s(u"ServiceAccount"_s, account) && account == serverAccount)
                bound = true;
        }
    }
    QVERIFY2(bound, "the Role is not bound to the ServiceAccount wf-scaler runs as");
}

void TestDeployFiles::k8sDeployments_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("port");
    QTest::newRow("server") << u"wf-server"_s << u"8000"_s;
    QTest::newRow("worker") << u"wf-worker"_s << u"8080"_s;
}

void TestDeployFiles::k8sDeployments()
{
    QFETCH(QString, name);
    QFETCH(QString, port);
    const YAML::Node deployment = k8s(u"Deployment"_s, name);
    QVERIFY(deployment);
    const YAML::Node spec = at(deployment, {"spec"});
    QCOMPARE(integer(at(spec, {"replicas"})), std::optional<int>(3));
    QVERIFY(selects(at(spec, {"selector", "matchLabels"}), at(spec, {"template", "metadata", "labels"})));
    const YAML::Node pod = at(spec, {"template", "spec"});
    QCOMPARE(text(at(pod, {"securityContext", "runAsNonRoot"})), u"true"_s);
    QCOMPARE(int(at(pod, {"containers"}).size()), 1);
    const YAML::Node container = at(pod, {"containers", "0"});

    // Probes: liveness on /health, readiness on /health/ready, on the container's own port.
    QHash<QString, QString> ports;
    for (const YAML::Node &p : at(container, {"ports"}))
        ports.insert(text(at(p, {"name"})), text(at(p, {"containerPort"})));
    QVERIFY2(ports.values().contains(port), qPrintable(port));
    const auto probePort = [&](const YAML::Node &probe) {
        const QString value = text(at(probe, {"httpGet", "port"}));
        return ports.contains(value) ? ports.value(value) : value;
    };
    QCOMPARE(text(at(container, {"livenessProbe", "httpGet", "path"})), u"/health"_s);
    QCOMPARE(text(at(container, {"readinessProbe", "httpGet", "path"})), u"/health/ready"_s);
    QCOMPARE(probePort(at(container, {"livenessProbe"})), port);
    QCOMPARE(probePort(at(container, {"readinessProbe"})), port);

    // scaling-strategy.md 5, "Prod": 1 CPU, 256 MB.
    QCOMPARE(text(at(container, {"resources", "requests", "cpu"})), u"1"_s);
    QCOMPARE(text(at(container, {"resources", "limits", "memory"})), u"256Mi"_s);

    // The grace period outlasts the preStop pause plus the drain the worker is given.
    const int grace = integer(at(pod, {"terminationGracePeriodSeconds"})).value_or(30);
    const QStringList args = words(at(container, {"args"}));
    const qsizetype drain = args.indexOf(u"--drain"_s);
    const int drainSeconds = drain >= 0 ? args.value(drain + 1).toInt() : (name == u"wf-worker"_s ? 20 : 0);
    int preStop = 0;
    const QStringList preStopCommand = words(at(container, {"lifecycle", "preStop", "exec", "command"}));
    if (preStopCommand.value(0) == u"sleep"_s)
        preStop = preStopCommand.value(1).toInt();
    QVERIFY2(grace > drainSeconds + preStop, qPrintable(u"grace %1, drain %2, preStop %3"_s.arg(grace).arg(drainSeconds).arg(preStop)));
}

void TestDeployFiles::k8sReferencesResolve()
{
    // envFrom, secretKeyRef and what they name, Services and what they select, the Ingress backend.
    for (const QString &kind : {u"Deployment"_s, u"Job"_s}) {
        for (const K8sDocument &workload : k8s(kind)) {
            for (const YAML::Node &container : at(workload.node, {"spec", "template", "spec", "containers"})) {
                for (const YAML::Node &from : at(container, {"envFrom"})) {
                    if (at(from, {"configMapRef"}))
                        QVERIFY2(k8s(u"ConfigMap"_s, text(at(from, {"configMapRef", "name"}))), qPrintable(workload.name()));
                    if (at(from, {"secretRef"}))
                        QVERIFY2(k8s(u"Secret"_s, text(at(from, {"secretRef", "name"}))), qPrintable(workload.name()));
                }
                for (const YAML::Node &variable : at(container, {"env"})) {
                    const YAML::Node ref = at(variable, {"valueFrom", "secretKeyRef"});
                    if (!ref)
                        continue;
                    const YAML::Node secret = k8s(u"Secret"_s, text(at(ref, {"name"})));
                    QVERIFY2(secret, qPrintable(workload.name()));
                    QVERIFY2(at(secret, {"stringData", text(at(ref, {"key"})).toStdString()}), qPrintable(workload.name()));
                }
                // Every workload gets the database URL one way or the other.
                bool database = false;
                for (const YAML::Node &variable : at(container, {"env"}))
                    database = database || text(at(variable, {"name"})) == u"WF_DATABASE_URL"_s;
                for (const YAML::Node &from : at(container, {"envFrom"}))
                    database = database || at(k8s(u"Secret"_s, text(at(from, {"secretRef", "name"}))), {"stringData", "WF_DATABASE_URL"});
                QVERIFY2(database, qPrintable(workload.name() + u" gets no WF_DATABASE_URL"_s));
            }
        }
    }
    const YAML::Node secret = k8s(u"Secret"_s, u"wf-secrets"_s);
    QCOMPARE(urlHost(text(at(secret, {"stringData", "WF_DATABASE_URL"}))), u"pgbouncer"_s);
    const YAML::Node job = k8s(u"Job"_s, u"wf-migrate"_s);
    QVERIFY(job);
    QCOMPARE(words(at(job, {"spec", "template", "spec", "containers", "0", "args"})).value(0), u"--migrate"_s);

    const YAML::Node service = k8s(u"Service"_s, u"wf-server"_s);
    QVERIFY(service);
    QVERIFY(selects(at(service, {"spec", "selector"}),
                    at(k8s(u"Deployment"_s, u"wf-server"_s), {"spec", "template", "metadata", "labels"})));
    bool exposed = text(at(service, {"spec", "type"})) == u"LoadBalancer"_s;
    for (const K8sDocument &ingress : k8s(u"Ingress"_s)) {
        for (const YAML::Node &rule : at(ingress.node, {"spec", "rules"})) {
            for (const YAML::Node &p : at(rule, {"http", "paths"}))
                exposed = exposed || text(at(p, {"backend", "service", "name"})) == u"wf-server"_s;
        }
    }
    QVERIFY2(exposed, "the API is neither behind an Ingress nor a LoadBalancer Service");
}

void TestDeployFiles::settingsAreKnown()
{
    // A misspelt WF_* variable is silently ignored by the programs: every one set here must be a
    // setting, documented (docs/configuration.md) or in the settings catalog (key "section/name"
    // is WF_SECTION_NAME), where a new one appears before its documentation.
    QSet<QString> known;
    const QString documentation = readText(path(u"docs/configuration.md"_s));
    QVERIFY(!documentation.isEmpty());
    QRegularExpressionMatchIterator names = QRegularExpression(u"`(WF_[A-Z0-9_]+)`"_s).globalMatch(documentation);
    while (names.hasNext())
        known.insert(names.next().captured(1));
    const QString catalog = readText(path(u"shared/core/settings.cpp"_s));
    QRegularExpressionMatchIterator entries = QRegularExpression(u"\\{u\"([a-z_]+)/([a-z_]+)\"_s"_s).globalMatch(catalog);
    while (entries.hasNext()) {
        const QRegularExpressionMatch entry = entries.next();
        known.insert(u"WF_"_s + entry.captured(1).toUpper() + u'_' + entry.captured(2).toUpper());
    }
    QVERIFY(known.contains(u"WF_DATABASE_URL"_s));

    QStringList used;
    for (const QString &name : keys(at(m_compose, {"services"})))
        used << environment(service(name)).keys();
    for (const K8sDocument &document : m_k8s) {
        used << keys(at(document.node, {"data"})) << keys(at(document.node, {"stringData"}));
        for (const YAML::Node &container : at(document.node, {"spec", "template", "spec", "containers"})) {
            for (const YAML::Node &variable : at(container, {"env"}))
                used << text(at(variable, {"name"}));
        }
    }
    int checked = 0;
    for (const QString &name : std::as_const(used)) {
        if (!name.startsWith(u"WF_"_s))
            continue;
        ++checked;
        QVERIFY2(known.contains(name), qPrintable(name + u" is not a setting of docs/configuration.md"_s));
    }
    QVERIFY(checked > 20);
}

void TestDeployFiles::dockerfiles_data()
{
    QTest::addColumn<QString>("binary");
    QTest::newRow("server") << u"wf-server"_s;
    QTest::newRow("worker") << u"wf-worker"_s;
}

void TestDeployFiles::dockerfiles()
{
    QFETCH(QString, binary);
    const QString file = path(u"deploy/docker/Dockerfile."_s + binary.mid(3));
    const QList<DockerStage> stages = parseDockerfile(readAll(file));
    QVERIFY2(stages.size() >= 2, qPrintable(file));
    QCOMPARE(stages.constFirst().name, u"build"_s);
    const DockerStage &runtime = stages.constLast();
    QVERIFY(runtime.name != u"build"_s);
    for (const DockerStage &stage : stages)
        QVERIFY2(stage.image.startsWith(u"debian:12"_s) || stage.image.startsWith(u"debian:bookworm"_s), qPrintable(stage.image));

    // Every COPY --from names an earlier stage.
    QStringList defined;
    for (const DockerStage &stage : stages) {
        for (const QString &copy : valuesOf(stage, u"COPY"_s)) {
            const QRegularExpressionMatch from = QRegularExpression(u"--from=(\\S+)"_s).match(copy);
            if (from.hasMatch())
                QVERIFY2(defined.contains(from.captured(1)), qPrintable(copy));
        }
        if (!stage.name.isEmpty())
            defined << stage.name;
    }
    const QStringList copies = valuesOf(runtime, u"COPY"_s);
    QVERIFY2(copies.join(u' ').contains(u"--from=build"_s), "the final stage copies nothing from the build");
    QVERIFY(copies.join(u' ').contains(binary));

    // The build builds this binary only; the runtime installs no compiler and has the QPSQL plugin.
    QVERIFY(valuesOf(stages.constFirst(), u"RUN"_s).join(u' ').contains(u"--target "_s + binary));
    const QString runtimeRuns = valuesOf(runtime, u"RUN"_s).join(u' ');
    QVERIFY(runtimeRuns.contains(u"libqt6sql6-psql"_s));
    QVERIFY(!runtimeRuns.contains(u"g++"_s) && !runtimeRuns.contains(u"-dev "_s));

    const QStringList users = valuesOf(runtime, u"USER"_s);
    QVERIFY2(!users.isEmpty(), "the final stage runs as root");
    const QString user = users.constLast().section(u':', 0, 0);
    QVERIFY2(user != u"root"_s && user != u"0"_s, qPrintable(user));

    const QStringList healthchecks = valuesOf(runtime, u"HEALTHCHECK"_s);
    QCOMPARE(healthchecks.size(), 1);
    QVERIFY(healthchecks.constFirst().contains(u"/health"_s));
    // The exec form is JSON: it must parse as such, or Docker runs it through a shell as text.
    const QString exec = healthchecks.constFirst().mid(healthchecks.constFirst().indexOf(u"CMD ["_s) + 4);
    QJsonParseError error;
    const QJsonDocument command = QJsonDocument::fromJson(exec.toUtf8(), &error);
    QVERIFY2(command.isArray(), qPrintable(error.errorString()));
    QVERIFY(!valuesOf(runtime, u"EXPOSE"_s).isEmpty());
    QCOMPARE(valuesOf(runtime, u"STOPSIGNAL"_s), QStringList{u"SIGTERM"_s});
    QVERIFY(valuesOf(runtime, u"ENTRYPOINT"_s).join(u' ').contains(binary));

    // BuildKit's per-Dockerfile ignore file keeps the build tree out of the context.
    const QString ignore = readText(file + u".dockerignore"_s);
    QVERIFY2(ignore.contains(u"\nbuild\n"_s) && ignore.contains(u".git"_s), qPrintable(file + u".dockerignore"_s));
}

void TestDeployFiles::nginxConfiguration()
{
    const QString config = readText(path(u"deploy/compose/nginx.conf"_s));
    QVERIFY(!config.isEmpty());
    QString directives = config; // without the comments, which may name what is not configured
    directives.remove(QRegularExpression(u"#[^\n]*"_s));
    QVERIFY(directives.contains(u"least_conn;"_s));
    QVERIFY(QRegularExpression(u"\\n\\s*keepalive \\d+;"_s).match(directives).hasMatch());
    QVERIFY(directives.contains(u"client_max_body_size 1m;"_s));
    QVERIFY(directives.contains(u"proxy_next_upstream error timeout http_502 http_503;"_s));
    QVERIFY2(!directives.contains(u"non_idempotent"_s), "a POST must never be sent to a second replica");
    const int connections = QRegularExpression(u"worker_connections (\\d+);"_s).match(directives).captured(1).toInt();
    QVERIFY2(connections >= 20000, "10,000 proxied clients need 20,000 connections");
    const int files = QRegularExpression(u"worker_rlimit_nofile (\\d+);"_s).match(directives).captured(1).toInt();
    QVERIFY(files >= connections);
    for (const QString &code : {u"413"_s, u"502"_s, u"503"_s, u"504"_s})
        QVERIFY2(QRegularExpression(u"error_page[^;]*\\b"_s + code + u"\\b"_s).match(directives).hasMatch(), qPrintable(code));

    // nginx itself, when installed (deploy/lib/common.sh installs it): a copy whose upstream is a
    // closed local port (the compose host name "server" does not resolve here) and whose user
    // and listening port suit this machine.
    const QString nginx = u"/usr/sbin/nginx"_s;
    if (!QFile::exists(nginx))
        QSKIP("nginx is not installed: the configuration was checked as text only");
    QTemporaryDir prefix;
    QVERIFY(prefix.isValid());
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    QString local = config;
    local.replace(QRegularExpression(u"(?m)^\\s*user\\s+[^;]*;"_s), QString());
    local.replace(QRegularExpression(u"(?m)^(\\s*)server\\s+[^{;\\s]+:\\d+[^;]*;"_s), u"\\1server 127.0.0.1:1;"_s);
    local.replace(QRegularExpression(u"(?m)^(\\s*)listen\\s+8000[^;]*;"_s), u"\\1listen 127.0.0.1:%1;"_s.arg(port));
    local.replace(QRegularExpression(u"(?m)^\\s*pid\\s+[^;]*;"_s), u"pid %1/nginx.pid;"_s.arg(prefix.path()));
    QVERIFY(local.contains(u"server 127.0.0.1:1;"_s));
    const QString copy = prefix.filePath(u"nginx.conf"_s);
    {
        QFile file(copy);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(local.toUtf8());
    }
    const QStringList common{u"-c"_s, copy, u"-p"_s, prefix.path() + u'/', u"-e"_s, u"stderr"_s};
    QProcess test;
    test.setProcessChannelMode(QProcess::MergedChannels);
    test.start(nginx, common + QStringList{u"-t"_s});
    QVERIFY(test.waitForFinished(20000));
    QVERIFY2(test.exitCode() == 0, test.readAll().constData());

    // Running it: nginx's own errors come back as JSON.
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(nginx, common + QStringList{u"-g"_s, u"daemon off; master_process off;"_s});
    QVERIFY(server.waitForStarted());
    const auto cleanup = qScopeGuard([&server] {
        server.terminate();
        if (!server.waitForFinished(5000))
            server.kill();
        server.waitForFinished(5000);
    });
    QNetworkAccessManager network;
    const auto call = [&](const QByteArray &verb, const QByteArray &body) {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/api/v1/runs"_s.arg(port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
        [[maybe_unused]] const bool finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
        reply->deleteLater();
        return std::make_tuple(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                               reply->header(QNetworkRequest::ContentTypeHeader).toString(), reply->readAll());
    };
    // Wait until nginx listens.
    QTRY_VERIFY_WITH_TIMEOUT(std::get<0>(call("GET", {})) != 0, 10000);

    const auto [badGateway, badGatewayType, badGatewayBody] = call("GET", {});
    QCOMPARE(badGateway, 502);
    QVERIFY2(badGatewayType.startsWith(u"application/json"_s), qPrintable(badGatewayType));
    QVERIFY2(QJsonDocument::fromJson(badGatewayBody).object().value(u"detail"_s).isString(), badGatewayBody.constData());

    const auto [tooLarge, tooLargeType, tooLargeBody] = call("POST", QByteArray(2 * 1024 * 1024, 'x'));
    QCOMPARE(tooLarge, 413);
    QVERIFY2(tooLargeType.startsWith(u"application/json"_s), qPrintable(tooLargeType));
    QVERIFY2(QJsonDocument::fromJson(tooLargeBody).object().value(u"detail"_s).isString(), tooLargeBody.constData());
}

QTEST_GUILESS_MAIN(TestDeployFiles)
#include "tst_deployfiles.moc"
