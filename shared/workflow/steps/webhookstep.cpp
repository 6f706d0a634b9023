#include "webhookstep.h"

#include "workflow/stepdefinition.h"
#include "workflow/templatestring.h"
#include "workflow/validation.h"

#include <QJsonArray>
#include <QUrl>

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

} // namespace wf
