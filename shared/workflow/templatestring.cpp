#include "templatestring.h"

#include "validation.h"

using namespace Qt::StringLiterals;

namespace wf {

Result<TemplateString> TemplateString::parse(const QString &text)
{
    TemplateString result;
    QString literal;
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar c = text.at(i);
        if (c != u'$') {
            literal += c;
            ++i;
            continue;
        }
        if (i + 2 < size && text.at(i + 1) == u'$' && text.at(i + 2) == u'{') {
            literal += u"${"_s;
            i += 3;
            continue;
        }
        if (i + 1 >= size || text.at(i + 1) != u'{') {
            literal += c;
            ++i;
            continue;
        }
        const qsizetype end = text.indexOf(u'}', i + 2);
        const QString expression = end < 0 ? QString() : text.mid(i + 2, end - i - 2);
        // A "${" inside the expression means the first reference was never closed.
        if (end < 0 || expression.contains(u"${"_s))
            return Error::invalid(u"unterminated template in "_s + validation::quote(text));
        const QString source = text.mid(i, end - i + 1);
        if (expression.isEmpty())
            return Error::invalid(u"empty template "_s + validation::quote(source));
        if (expression.contains(u'$') || expression.contains(u'{'))
            return Error::invalid(u"invalid character in template "_s + validation::quote(source)
                                  + u" (use $${ for a literal ${)"_s);
        const QStringList path = expression.split(u'.');
        for (const QString &segment : path) {
            if (segment.isEmpty())
                return Error::invalid(u"empty path segment in template "_s + validation::quote(source));
        }
        if (!literal.isEmpty()) {
            result.m_parts.append({literal, {}});
            literal.clear();
        }
        result.m_parts.append({source, path});
        i = end + 1;
    }
    if (!literal.isEmpty())
        result.m_parts.append({literal, {}});
    return result;
}

bool TemplateString::hasReferences() const
{
    for (const TemplatePart &part : m_parts) {
        if (part.isReference())
            return true;
    }
    return false;
}

bool TemplateString::isSingleReference() const
{
    return m_parts.size() == 1 && m_parts.constFirst().isReference();
}

} // namespace wf
