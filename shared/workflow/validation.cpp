#include "validation.h"

#include "core/json.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace wf::validation {

bool isInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    // 2^63 is exactly representable; anything at or beyond it does not fit a qint64.
    return std::isfinite(number) && std::trunc(number) == number && std::fabs(number) < 9223372036854775808.0;
}

QString got(const QJsonValue &value)
{
    // Scalars are shown as sent (a string cut short); containers only by their type.
    QString shown;
    if (value.isString())
        shown = u"string "_s + quote(value.toString().size() > 40 ? value.toString().left(40) + u"…"_s
                                                                  : value.toString());
    else if (value.isDouble() || value.isBool() || value.isNull())
        shown = QString::fromUtf8(json::serialize(value));
    else
        shown = json::typeName(value);
    return u" (got "_s + shown + u')';
}

QString at(const QString &where, const QString &field)
{
    if (where.isEmpty())
        return field;
    return where + u": "_s + field;
}

QString quote(const QString &text)
{
    // Error details end up in logs and JSON responses: keep them short and on one line.
    constexpr int maxLength = 120;
    QString shown;
    for (const QChar c : text) {
        if (shown.size() >= maxLength) {
            shown += u"…"_s;
            break;
        }
        if (c == u'"')
            shown += u"\\\""_s;
        else if (c == u'\\')
            shown += u"\\\\"_s;
        else if (c.category() == QChar::Other_Control)
            shown += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
        else
            shown += c;
    }
    return u'"' + shown + u'"';
}

Error invalid(const QString &subject, const QString &rule)
{
    return Error::invalid(subject + u' ' + rule);
}

Problem checkInteger(const QJsonValue &value, qint64 min, qint64 max, const QString &subject)
{
    const QString rule = u"must be an integer between "_s + QString::number(min) + u" and "_s
            + QString::number(max);
    if (!isInteger(value))
        return invalid(subject, rule + got(value));
    const qint64 number = value.toInteger();
    if (number < min || number > max)
        return invalid(subject, rule + got(value));
    return std::nullopt;
}

} // namespace wf::validation
