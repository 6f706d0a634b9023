#pragma once

#include <QString>
#include <QStringList>

namespace wf::console {

// Where a value is in a JSON text, by path, so that the platform's complaint about a definition
// ("steps[0] 'a': config.message: unknown template root …") can be shown at that place in the
// text the operator typed. QJsonDocument keeps no positions, hence this small scanner.
class JsonLocator
{
public:
    struct Span
    {
        int offset = -1; // in UTF-16 code units of the text
        int length = 0;
        int depth = 0;   // how many elements of the path were found
        bool isValid() const { return offset >= 0; }
    };

    // The path a definition problem names, from the start of the API's detail:
    // "steps[2] 'notify': config.headers.Host is set by …" → steps, 2, config, headers, Host;
    // "name is required" → name. It may name more than the text has (the start of the reason
    // after a colon): locate() goes as deep as it can.
    static QStringList pathOfProblem(const QString &detail);

    // The span of the deepest element of `path` present in `text`: a member's key (with its
    // quotes), or an array element's value (its first character for an object or array). Not
    // valid when not even the first element is there or the text is not JSON up to it.
    static Span locate(const QString &text, const QStringList &path);
};

} // namespace wf::console
