#include "secretcheck.h"

#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace wf::auth {

bool SecretCheck::isPlaceholder(const QString &value)
{
    static const QRegularExpression placeholder(u"change[-_ ]?me|placeholder|replace[-_ ]?me|example|^x+$|^secret$|^password$"_s,
                                                QRegularExpression::CaseInsensitiveOption);
    return placeholder.match(value).hasMatch();
}

Status SecretCheck::verify() const
{
    QStringList problems;
    if (!adminToken.isEmpty()) {
        if (isPlaceholder(adminToken))
            problems << u"WF_ADMIN_TOKEN is a placeholder: set it to a random value (openssl rand -hex 32)"_s;
        else if (adminToken.size() < MinTokenLength)
            problems << u"WF_ADMIN_TOKEN must be at least %1 characters (openssl rand -hex 32)"_s.arg(MinTokenLength);
    } else if (authRequired) {
        problems << u"WF_AUTH=required needs WF_ADMIN_TOKEN, the bootstrap operator key (openssl rand -hex 32);"
                    " WF_AUTH=open serves client routes without keys"_s;
    }
    if (authRequired) {
        for (const auto &[name, url] : {std::pair{u"WF_DATABASE_URL"_s, databaseUrl}, std::pair{u"WF_REDIS_URL"_s, redisUrl}}) {
            const QUrl parsed(url);
            if (!parsed.password().isEmpty() && isPlaceholder(parsed.password()))
                problems << u"the password in %1 is a placeholder"_s.arg(name);
        }
    }
    if (!problems.isEmpty())
        return Error::invalid(problems.join(u"; "_s));
    return Done{};
}

} // namespace wf::auth
