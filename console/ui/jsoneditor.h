#pragma once

#include <QJsonValue>
#include <QPlainTextEdit>

class QAction;

namespace wf::console {

// A text editor for JSON (definitions, payloads): monospace, checked as it is typed, the line of
// a syntax error marked and problem() saying where ("line 3, column 14: missing comma"), and a
// Format action (Ctrl+Shift+F) that indents it. The text is what gets sent, so the operator's
// layout is kept until they ask for another.
class JsonEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit JsonEditor(QWidget *parent = nullptr);

    // Replaces the text with `value` indented (objects and arrays; other values as they are).
    void setJson(const QJsonValue &value);
    // The text's value; undefined while it is not valid. Empty text is `emptyValue()`.
    QJsonValue json() const;
    // What empty text stands for (a payload: {}); undefined by default, so empty is a problem.
    void setEmptyValue(const QJsonValue &value);
    // Only an object is valid (definitions and payloads are objects).
    void setRequireObject(bool require);

    bool isValid() const { return m_problem.isEmpty(); }
    // Why the text is not valid, with line and column; empty when it is.
    QString problem() const { return m_problem; }
    int problemLine() const { return m_problemLine; }
    int problemColumn() const { return m_problemColumn; }

    // Selects `length` characters from `offset` and scrolls there (a problem the API named).
    void selectSpan(int offset, int length);
    QAction *formatAction() const { return m_format; }

public Q_SLOTS:
    void format();
    void check();

Q_SIGNALS:
    // After every check whose outcome differs from the one before.
    void validityChanged(bool valid, const QString &problem);

private:
    static QString textOf(const QJsonValue &value);
    void markProblem(int offset);

    QAction *m_format = nullptr;
    QJsonValue m_emptyValue = QJsonValue(QJsonValue::Undefined);
    QString m_problem;
    int m_problemLine = 0;
    int m_problemColumn = 0;
    bool m_requireObject = false;
    bool m_checked = false;
};

} // namespace wf::console
