#include "jsonlocator.h"

using namespace Qt::StringLiterals;

namespace wf::console {

namespace {

bool isKeyCharacter(QChar c)
{
    // Field names of definitions and header names; not what ends a subject in a detail.
    return !c.isSpace() && c != u'.' && c != u'[' && c != u']' && c != u':' && c != u'\'' && c != u'"';
}

// Reads "config.headers.Host" or "skip[1]" from the front of `text`, adding its segments.
qsizetype readSegments(QStringView text, QStringList &path)
{
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) == u'[') {
            const qsizetype close = text.indexOf(u']', i);
            if (close < 0)
                break;
            path.append(text.mid(i + 1, close - i - 1).toString());
            i = close + 1;
            continue;
        }
        if (text.at(i) == u'.' && i > 0)
            ++i;
        const qsizetype start = i;
        while (i < text.size() && isKeyCharacter(text.at(i)))
            ++i;
        if (i == start)
            break;
        path.append(text.mid(start, i - start).toString());
        if (i >= text.size() || (text.at(i) != u'.' && text.at(i) != u'['))
            break;
    }
    return i;
}

// A recursive descent over JSON text that only remembers where the path's elements are.
class Scanner
{
public:
    Scanner(const QString &text, const QStringList &path) : m_text(text), m_path(path) { }

    JsonLocator::Span run()
    {
        value(0, true);
        return m_best;
    }

private:
    QChar peek() const { return m_pos < m_text.size() ? m_text.at(m_pos) : QChar(); }

    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }

    void found(int depth, int offset, int length)
    {
        if (depth > m_best.depth)
            m_best = {offset, length, depth};
    }

    // Skips a string at m_pos (on its opening quote); its contents without the quotes.
    bool string(QString *contents)
    {
        const qsizetype start = ++m_pos;
        while (m_pos < m_text.size() && m_text.at(m_pos) != u'"')
            m_pos += m_text.at(m_pos) == u'\\' ? 2 : 1;
        if (m_pos >= m_text.size())
            return false;
        if (contents)
            *contents = m_text.mid(start, m_pos - start); // escapes kept: keys of definitions have none
        ++m_pos;
        return true;
    }

    // The value at m_pos; `onPath` when it is the element path[depth - 1], so its members may be
    // the next one. False when the text is not JSON here (the scan stops).
    bool value(int depth, bool onPath)
    {
        skipSpace();
        const QChar c = peek();
        if (c == u'{')
            return members(depth, onPath);
        if (c == u'[')
            return elements(depth, onPath);
        if (c == u'"')
            return string(nullptr);
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && !m_text.at(m_pos).isSpace() && m_text.at(m_pos) != u','
               && m_text.at(m_pos) != u'}' && m_text.at(m_pos) != u']')
            ++m_pos;
        return m_pos > start;
    }

    bool members(int depth, bool onPath)
    {
        ++m_pos;
        skipSpace();
        if (peek() == u'}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (peek() != u'"')
                return false;
            const int keyStart = int(m_pos);
            QString key;
            if (!string(&key))
                return false;
            const bool match = onPath && depth < m_path.size() && key == m_path.at(depth);
            if (match)
                found(depth + 1, keyStart, int(m_pos) - keyStart);
            skipSpace();
            if (peek() != u':')
                return false;
            ++m_pos;
            if (!value(depth + 1, match))
                return false;
            skipSpace();
            if (peek() == u',') {
                ++m_pos;
                continue;
            }
            if (peek() != u'}')
                return false;
            ++m_pos;
            return true;
        }
    }

    bool elements(int depth, bool onPath)
    {
        ++m_pos;
        skipSpace();
        if (peek() == u']') {
            ++m_pos;
            return true;
        }
        for (int index = 0;; ++index) {
            skipSpace();
            const bool match = onPath && depth < m_path.size() && m_path.at(depth) == QString::number(index);
            if (match) {
                const qsizetype start = m_pos;
                const QChar first = peek();
                if (!value(depth + 1, true))
                    return false;
                found(depth + 1, int(start), (first == u'{' || first == u'[') ? 1 : int(m_pos - start));
            } else if (!value(depth + 1, false)) {
                return false;
            }
            skipSpace();
            if (peek() == u',') {
                ++m_pos;
                continue;
            }
            if (peek() != u']')
                return false;
            ++m_pos;
            return true;
        }
    }

    const QString &m_text;
    const QStringList &m_path;
    qsizetype m_pos = 0;
    JsonLocator::Span m_best;
};

} // namespace

QStringList JsonLocator::pathOfProblem(const QString &detail)
{
    QStringList path;
    QStringView rest(detail);
    rest = rest.mid(readSegments(rest, path));
    // A step's name follows its index in quotes: steps[0] 'a': …
    if (!path.isEmpty() && rest.startsWith(u" '"_s)) {
        const qsizetype end = rest.indexOf(u"': "_s, 2);
        if (end < 0)
            return path;
        rest = rest.mid(end + 1);
    }
    // Then subjects joined by ": " (retry: max_attempts), and the reason, which may begin with
    // a word that is no key; locate() stops at the last element present.
    while (rest.startsWith(u": "_s)) {
        rest = rest.mid(2);
        const qsizetype before = path.size();
        rest = rest.mid(readSegments(rest, path));
        if (path.size() == before)
            break;
    }
    return path;
}

JsonLocator::Span JsonLocator::locate(const QString &text, const QStringList &path)
{
    if (path.isEmpty())
        return {};
    return Scanner(text, path).run();
}

} // namespace wf::console
