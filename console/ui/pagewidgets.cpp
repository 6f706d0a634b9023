#include "pagewidgets.h"

#include <QAction>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace wf::console {

QAction *addShortcutAction(QWidget *owner, const QString &text, const QList<QKeySequence> &shortcuts, const QString &tip)
{
    auto *action = new QAction(text, owner);
    action->setShortcuts(shortcuts);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(shortcuts.isEmpty() ? tip
                                           : QCoreApplication::translate("PageWidgets", "%1 (%2)")
                                                     .arg(tip, shortcuts.first().toString(QKeySequence::NativeText)));
    owner->addAction(action);
    return action;
}

QTableView *rowTable(QAbstractItemModel *model, QAbstractItemView::SelectionMode selection, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(selection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QLabel *problemLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(u"QLabel { color: #c62828; }"_s);
    label->hide();
    return label;
}

void setProblem(QLabel *label, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

} // namespace wf::console
