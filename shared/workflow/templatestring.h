#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace wf {

// A piece of a template string: literal text, or a reference such as ${payload.user.id}.
struct TemplatePart
{
    QString text;     // the literal text (escapes resolved), or the reference as written: "${payload.a}"
    QStringList path; // the reference split at '.': {"payload", "a"}; empty for literal text

    bool isReference() const { return !path.isEmpty(); }
};

// The syntax of one string of a step config: literal text, ${a.b.c} references and the $${ escape.
// Only the syntax: what a reference may name is TemplateEngine's business.
class TemplateString
{
public:
    // Fails (Error::invalid, detail without location) on an unterminated "${", an empty "${}",
    // an empty path segment or a '$' / '{' inside a reference.
    static Result<TemplateString> parse(const QString &text);

    const QList<TemplatePart> &parts() const { return m_parts; }
    bool hasReferences() const;
    // The whole string is one reference, so rendering keeps the referenced value's JSON type.
    bool isSingleReference() const;

private:
    QList<TemplatePart> m_parts;
};

} // namespace wf
