#include "webhookstep.h"

#include "core/json.h"
#include "engine/httpclientpool.h"
#include "engine/immediateattempt.h"
#include "engine/stepenvironment.h"
#include "webhookattempt.h"
#include "workflow/stepdefinition.h"
#include "workflow/templatestring.h"
#include "workflow/validation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

const QStringList methods = {u"GET"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s, u"HEAD"_s};

// RFC 9110 token characters: anything else in a header name is rejected by servers or proxies.
bool isHeaderName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        const bool alphanumeric = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        if (!alphanumeric && !u"!#$%&'*+-.^_`|~"_s.contains(c))
            return false;
    }
    return true;
}

// Headers that frame the request or pick its destination: set only by the HTTP client, never by
// a definition or a template (a Host of one's own would reach another virtual host behind the
// checked address; the others would let the body be read as a second request).
bool isForbiddenHeader(const QString &name)
{
    static const QStringList forbidden{u"Host"_s, u"Content-Length"_s, u"Transfer-Encoding"_s, u"Connection"_s,
                                       u"Upgrade"_s, u"TE"_s, u"Trailer"_s, u"Keep-Alive"_s, u"Proxy-Connection"_s,
                                       u"Proxy-Authorization"_s, u"Expect"_s};
    return forbidden.contains(name, Qt::CaseInsensitive);
}

Problem checkUrl(const QJsonValue &value, const QString &subject)
{
    if (value.isUndefined())
        return validation::invalid(subject, u"is required"_s);
    if (!value.isString())
        return validation::invalid(subject, u"must be a string"_s + validation::got(value));
    const QString text = value.toString();
    // A URL that comes whole from a template can only be checked when the run renders it.
    if (text.startsWith(u"${"_s))
        return std::nullopt;
    if (!text.startsWith(u"http://"_s, Qt::CaseInsensitive) && !text.startsWith(u"https://"_s, Qt::CaseInsensitive))
        return validation::invalid(subject, u"must be an http:// or https:// URL or start with a template"_s
                                            + validation::got(value));
    const Result<TemplateString> parsed = TemplateString::parse(text);
    if (!parsed)
        return std::nullopt; // the template check reports the syntax error with its location
    // Templates elsewhere in the URL stand in for a harmless "0" so that the literal parts, the host
    // most of all, are still checked now rather than at the first run.
    QString literal;
    for (const TemplatePart &part : parsed->parts())
        literal += part.isReference() ? u"0"_s : part.text;
    const QUrl url(literal);
    if (!url.isValid()) {
        // QUrl appends the whole source and its parts after a ';': the client knows those already.
        const QString reason = url.errorString().section(u';', 0, 0);
        return validation::invalid(subject,
                                   u"is not a valid URL: "_s + validation::quote(text) + u" ("_s + reason + u')');
    }
    if (url.host().isEmpty())
        return validation::invalid(subject, u"has no host: "_s + validation::quote(text));
    return std::nullopt;
}

Problem checkMethod(const QJsonValue &value, const QString &subject)
{
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isString())
        return validation::invalid(subject, u"must be a string"_s + validation::got(value));
    if (!methods.contains(value.toString().toUpper()))
        return validation::invalid(subject, u"must be one of "_s + methods.join(u", "_s) + validation::got(value));
    return std::nullopt;
}

Problem checkHeaders(const QJsonValue &value, const QString &subject)
{
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isObject())
        return validation::invalid(subject, u"must be an object of strings"_s + validation::got(value));
    const QJsonObject headers = value.toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        if (!isHeaderName(it.key()))
            return validation::invalid(subject, u"has an invalid header name "_s + validation::quote(it.key()));
        if (isForbiddenHeader(it.key()))
            return validation::invalid(subject + u'.' + it.key(), u"is set by the HTTP client and may not be configured"_s);
        if (!it.value().isString())
            return validation::invalid(subject + u'.' + it.key(), u"must be a string"_s + validation::got(it.value()));
    }
    return std::nullopt;
}

Problem checkExpectStatus(const QJsonValue &value, const QString &subject)
{
    if (value.isUndefined())
        return std::nullopt;
    if (value.isArray()) {
        const QJsonArray statuses = value.toArray();
        if (statuses.isEmpty())
            return validation::invalid(subject, u"must not be an empty array"_s);
        for (qsizetype i = 0; i < statuses.size(); ++i) {
            const QString element = subject + u'[' + QString::number(i) + u']';
            if (Problem problem = validation::checkInteger(statuses.at(i), 100, 599, element))
                return problem;
        }
        return std::nullopt;
    }
    if (!validation::isInteger(value))
        return validation::invalid(subject, u"must be an integer between 100 and 599 or a non-empty array of them"_s
                                            + validation::got(value));
    return validation::checkInteger(value, 100, 599, subject);
}

// Checks made again on the rendered config: templates may have produced anything.

Result<QUrl> renderedUrl(const QJsonValue &value)
{
    const QString subject = u"config.url"_s;
    if (!value.isString())
        return validation::invalid(subject, u"must be a string"_s + validation::got(value));
    const QUrl url(value.toString(), QUrl::StrictMode);
    if (!url.isValid())
        return validation::invalid(subject, u"is not a valid URL: "_s + validation::quote(value.toString()) + u" ("_s
                                                    + url.errorString().section(u';', 0, 0) + u')');
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http"_s && scheme != u"https"_s)
        return validation::invalid(subject, u"must be an http:// or https:// URL"_s + validation::got(value));
    if (url.host().isEmpty())
        return validation::invalid(subject, u"has no host: "_s + validation::quote(value.toString()));
    return url;
}

Result<QList<int>> renderedExpectStatus(const QJsonValue &value)
{
    const QString subject = u"config.expect_status"_s;
    if (value.isUndefined() || value.isNull())
        return QList<int>();
    const QJsonArray statuses = value.isArray() ? value.toArray() : QJsonArray{value};
    if (statuses.isEmpty())
        return validation::invalid(subject, u"must not be an empty array"_s);
    QList<int> accepted;
    for (const QJsonValue &status : statuses) {
        if (Problem problem = validation::checkInteger(status, 100, 599, subject))
            return *problem;
        accepted.append(int(status.toInteger()));
    }
    return accepted;
}

bool isHeaderValue(const QByteArray &value)
{
    // CR or LF would let a template start a header (or a request) of its own.
    return !value.contains('\r') && !value.contains('\n') && !value.contains('\0');
}

bool isReservedHeader(const QString &name)
{
    // Set by the engine for every call; a client's own value would break deduplication or tracing.
    return name.compare(u"Idempotency-Key"_s, Qt::CaseInsensitive) == 0
            || name.compare(u"traceparent"_s, Qt::CaseInsensitive) == 0;
}

// The request of one attempt, or why the rendered config cannot make one.
Result<QNetworkRequest> buildRequest(const StepDefinition &step, const QJsonObject &config,
                                     const StepEnvironment &environment, bool hasBody, QByteArray defaultContentType)
{
    Result<QUrl> url = renderedUrl(config.value(u"url"_s));
    if (!url)
        return url.error();
    QNetworkRequest request(*url);
    // Qt's default ("Mozilla/5.0") would tell receivers nothing; a configured header replaces this.
    request.setRawHeader("User-Agent", "wf-worker (Workflow Automation Platform)");
    // The managers are shared by all runs of the thread: nothing may carry over between them.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    const QJsonValue headersValue = config.value(u"headers"_s);
    if (!headersValue.isUndefined() && !headersValue.isNull() && !headersValue.isObject())
        return validation::invalid(u"config.headers"_s, u"must be an object of strings"_s + validation::got(headersValue));
    bool hasContentType = false;
    const QJsonObject headers = headersValue.toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        if (isReservedHeader(it.key()))
            continue;
        if (!isHeaderName(it.key()) || isForbiddenHeader(it.key()))
            return validation::invalid(u"config.headers."_s + it.key(), u"may not be sent by a webhook step"_s);
        const QJsonValue value = it.value();
        const QByteArray bytes = value.isString() ? value.toString().toUtf8() : json::serialize(value);
        if (!isHeaderValue(bytes))
            return validation::invalid(u"config.headers."_s + it.key(), u"must not contain line breaks or NUL"_s);
        request.setRawHeader(it.key().toLatin1(), bytes);
        if (it.key().compare(u"Content-Type"_s, Qt::CaseInsensitive) == 0)
            hasContentType = true;
    }
    if (hasBody && !hasContentType)
        request.setRawHeader("Content-Type", defaultContentType);
    // The same for every retry of the run: a receiver that applied a call whose answer was lost
    // recognises it when the retried run calls again.
    const QString &callerRun = environment.retryRootId.isEmpty() ? environment.runId : environment.retryRootId;
    request.setRawHeader("Idempotency-Key", (callerRun + u':' + step.name).toUtf8());
    if (!environment.traceparent.isEmpty() && isHeaderValue(environment.traceparent))
        request.setRawHeader("traceparent", environment.traceparent);
    if (environment.timeoutMs && *environment.timeoutMs > 0)
        request.setTransferTimeout(int(std::min<qint64>(*environment.timeoutMs, std::numeric_limits<int>::max())));
    return request;
}

} // namespace

QString WebhookStep::name() const
{
    return u"webhook"_s;
}

Problem WebhookStep::validateConfig(const StepDefinition &step, const StepValidationContext &context) const
{
    const QJsonObject &config = step.config;
    const auto subject = [&context](const QString &field) {
        return validation::at(context.where, u"config."_s + field);
    };
    if (Problem problem = checkUrl(config.value(u"url"_s), subject(u"url"_s)))
        return problem;
    if (Problem problem = checkMethod(config.value(u"method"_s), subject(u"method"_s)))
        return problem;
    if (Problem problem = checkHeaders(config.value(u"headers"_s), subject(u"headers"_s)))
        return problem;
    // `body` may be any JSON; its templates are checked with the rest of the config.
    return checkExpectStatus(config.value(u"expect_status"_s), subject(u"expect_status"_s));
}

bool WebhookStep::isLongRunning() const
{
    return true;
}

std::optional<qint64> WebhookStep::defaultTimeoutMs() const
{
    return 30'000;
}

StepAttempt *WebhookStep::start(const StepDefinition &step, const QJsonObject &renderedConfig,
                                const StepEnvironment &environment, QObject *parent) const
{
    const auto fail = [parent](const Error &error) -> StepAttempt * { return new ImmediateAttempt(error, parent); };

    const QJsonValue methodValue = renderedConfig.value(u"method"_s);
    const QString method = methodValue.isUndefined() ? u"POST"_s : methodValue.toString().toUpper();
    if (!methods.contains(method))
        return fail(validation::invalid(u"config.method"_s, u"must be one of "_s + methods.join(u", "_s)
                                                                  + validation::got(methodValue)));
    Result<QList<int>> accepted = renderedExpectStatus(renderedConfig.value(u"expect_status"_s));
    if (!accepted)
        return fail(accepted.error());

    // Objects, arrays and other JSON go as compact JSON, text as UTF-8 text; null or absent: no body.
    const QJsonValue body = renderedConfig.value(u"body"_s);
    const bool hasBody = !body.isUndefined() && !body.isNull() && method != u"HEAD"_s;
    const QByteArray bytes = !hasBody ? QByteArray() : body.isString() ? body.toString().toUtf8() : json::serialize(body);
    const QByteArray contentType = body.isString() ? "text/plain; charset=utf-8" : "application/json";

    const Result<QNetworkRequest> request = buildRequest(step, renderedConfig, environment, hasBody, contentType);
    if (!request)
        return fail(request.error());
    if (!environment.http)
        return fail(Error::internal(u"no HTTP client for webhook steps"_s));

    WebhookAttempt::Call call;
    call.url = renderedConfig.value(u"url"_s).toString();
    call.request = *request;
    call.method = method;
    call.body = bytes;
    call.hasBody = hasBody;
    call.acceptedStatuses = *accepted;
    call.timeoutMs = environment.timeoutMs;
    return new WebhookAttempt(*environment.http, std::move(call), parent);
}

} // namespace wf
