#pragma once

#include <QByteArray>
#include <QString>

namespace wf::console {

// Where an operator key can come from besides the keychain, in the order the console tries them:
// WF_CONSOLE_TOKEN, then the key file of a local stack (deploy/up writes it; its stack.json, the
// same JSON as `deploy/status --json`, names it as "operator_token_file").
class TokenSources
{
public:
    struct Found
    {
        QByteArray token;
        QString source; // in words, for the status bar: "WF_CONSOLE_TOKEN", "/path/.wf/operator.token"
    };

    // The first source that has a key, or an empty Found.
    static Found find();
    static QByteArray fromEnvironment();
    // The local stack's key file: from WF_STACK_STATE_DIR's stack.json, else ./.wf/stack.json.
    static QString localStackKeyFile();
    // The first line of `path`, trimmed ("" when unreadable).
    static QByteArray fromFile(const QString &path);
};

} // namespace wf::console
