#pragma once

#include <QAbstractItemView>
#include <QKeySequence>
#include <QList>
#include <QString>

class QAction;
class QLabel;
class QTableView;
class QWidget;

namespace wf::console {

// Small pieces the workflow and run pages share, so that they look and behave alike.

// An action on `owner` with its shortcuts, active only while the focus is in `owner` or its
// children (other pages use the same keys); its tooltip names the first shortcut.
QAction *addShortcutAction(QWidget *owner, const QString &text, const QList<QKeySequence> &shortcuts, const QString &tip);

// A table of whole rows over `model`: fixed row heights and no per-row measuring, which keeps a
// table of a hundred thousand rows quick, and the last column stretched.
QTableView *rowTable(QAbstractItemModel *model, QAbstractItemView::SelectionMode selection, QWidget *parent);

// A label for what went wrong: red, wrapped, selectable (to copy into a ticket), hidden while
// it has nothing to say; setProblem() shows or hides it.
QLabel *problemLabel(QWidget *parent);
void setProblem(QLabel *label, const QString &problem);

} // namespace wf::console
