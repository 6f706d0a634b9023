#include "jsoneditor.h"

#include <QAction>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QTextBlock>

using namespace Qt::StringLiterals;

namespace wf::console {

JsonEditor::JsonEditor(QWidget *parent) : QPlainTextEdit(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(true); // keyboard users leave the editor with Tab; indentation is Format's job
    m_format = new QAction(tr("&Format JSON"), this);
    m_format->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_format->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_format->setToolTip(tr("Indent the JSON (Ctrl+Shift+F)"));
    addAction(m_format);
    connect(m_format, &QAction::triggered, this, &JsonEditor::format);
    connect(this, &QPlainTextEdit::textChanged, this, &JsonEditor::check);
    check();
}

QString JsonEditor::textOf(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    if (value.isUndefined())
        return {};
    // A scalar (a step's output may be one): QJsonDocument takes none, an array of one does.
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

void JsonEditor::setJson(const QJsonValue &value)
{
    setPlainText(textOf(value));
}

void JsonEditor::setEmptyValue(const QJsonValue &value)
{
    m_emptyValue = value;
    check();
}

void JsonEditor::setRequireObject(bool require)
{
    m_requireObject = require;
    check();
}

QJsonValue JsonEditor::json() const
{
    const QString text = toPlainText();
    if (text.trimmed().isEmpty())
        return m_emptyValue;
    const QJsonDocument parsed = QJsonDocument::fromJson(text.toUtf8());
    if (parsed.isObject())
        return parsed.object();
    if (parsed.isArray() && !m_requireObject)
        return parsed.array();
    return QJsonValue(QJsonValue::Undefined);
}

void JsonEditor::check()
{
    const QString text = toPlainText();
    QString problem;
    int offset = -1;
    if (isReadOnly()) {
        // Shown, not edited: nothing to point out (a scalar output is fine here).
    } else if (text.trimmed().isEmpty()) {
        if (m_emptyValue.isUndefined())
            problem = tr("empty: enter a JSON value");
    } else {
        const QByteArray utf8 = text.toUtf8();
        QJsonParseError error{};
        const QJsonDocument parsed = QJsonDocument::fromJson(utf8, &error);
        if (error.error != QJsonParseError::NoError) {
            // Qt counts bytes of UTF-8; the editor counts characters.
            offset = int(QString::fromUtf8(utf8.left(error.offset)).size());
            problem = error.errorString();
        } else if (m_requireObject && !parsed.isObject()) {
            offset = 0;
            problem = tr("must be a JSON object ({…})");
        }
    }
    m_problemLine = 0;
    m_problemColumn = 0;
    if (offset >= 0) {
        const QTextBlock block = document()->findBlock(qMin(offset, int(text.size())));
        m_problemLine = block.blockNumber() + 1;
        m_problemColumn = offset - block.position() + 1;
        problem = tr("Line %1, column %2: %3").arg(m_problemLine).arg(m_problemColumn).arg(problem);
    }
    markProblem(offset);
    const bool changed = !m_checked || problem != m_problem;
    m_checked = true;
    m_problem = problem;
    m_format->setEnabled(problem.isEmpty() && !text.trimmed().isEmpty());
    setToolTip(problem);
    if (changed)
        Q_EMIT validityChanged(problem.isEmpty(), problem);
}

void JsonEditor::markProblem(int offset)
{
    QList<QTextEdit::ExtraSelection> marks;
    if (offset >= 0) {
        QTextEdit::ExtraSelection line;
        line.format.setBackground(QColor(0xff, 0xeb, 0xee));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(document());
        line.cursor.setPosition(qMin(offset, document()->characterCount() - 1));
        marks.append(line);
        QTextEdit::ExtraSelection at;
        at.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        at.format.setUnderlineColor(QColor(0xc6, 0x28, 0x28));
        at.cursor = line.cursor;
        at.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        marks.append(at);
    }
    setExtraSelections(marks);
}

void JsonEditor::format()
{
    const QJsonValue value = json();
    if (value.isUndefined() || toPlainText().trimmed().isEmpty())
        return;
    // One undoable edit (setPlainText would drop the undo history), so Ctrl+Z brings the
    // operator's own layout back.
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(textOf(value));
}

void JsonEditor::selectSpan(int offset, int length)
{
    QTextCursor cursor(document());
    const int end = document()->characterCount() - 1;
    cursor.setPosition(qBound(0, offset, end));
    cursor.setPosition(qBound(0, offset + length, end), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    centerCursor();
}

} // namespace wf::console
