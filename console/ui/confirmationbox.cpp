#include "confirmationbox.h"

#include <QPushButton>

namespace wf::console {

ConfirmationBox::ConfirmationBox(QWidget *parent, const QString &title, const QString &text, const QString &action)
    : QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, parent)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    m_confirm = addButton(action, QMessageBox::AcceptRole);
    // The safe answer is the default, so that a stray Return changes nothing.
    setDefaultButton(addButton(QMessageBox::Cancel));
}

ConfirmationBox *ConfirmationBox::ask(QWidget *parent, const QString &title, const QString &text, const QString &action,
                                      std::function<void()> confirmed)
{
    auto *box = new ConfirmationBox(parent, title, text, action);
    connect(box, &QMessageBox::buttonClicked, box, [box, confirmed = std::move(confirmed)](QAbstractButton *button) {
        if (button == box->m_confirm && confirmed)
            confirmed();
    });
    box->open();
    return box;
}

void ConfirmationBox::confirm()
{
    m_confirm->click();
}

} // namespace wf::console
