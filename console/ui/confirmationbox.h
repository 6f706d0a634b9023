#pragma once

#include <QMessageBox>

#include <functional>

namespace wf::console {

// "Cancel 12 runs?" before an action that cannot be undone, as a window-modal box that does not
// block: the console keeps refreshing behind it (no nested event loop), and the action runs when
// the operator confirms, if ever. The confirming button names the action.
class ConfirmationBox : public QMessageBox
{
    Q_OBJECT

public:
    // Opens the box over `parent` (which owns it until it closes); `confirmed` runs on confirmation.
    static ConfirmationBox *ask(QWidget *parent, const QString &title, const QString &text, const QString &action,
                                std::function<void()> confirmed);

    QAbstractButton *confirmButton() const { return m_confirm; }

public Q_SLOTS:
    // As if the operator pressed the confirming button (keyboard users and tests).
    void confirm();

private:
    ConfirmationBox(QWidget *parent, const QString &title, const QString &text, const QString &action);

    QAbstractButton *m_confirm = nullptr;
};

} // namespace wf::console
