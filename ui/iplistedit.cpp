#include "iplistedit.h"

#include "domain/validation.h"

#include <QBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>

namespace agentfolio {

IpListEdit::IpListEdit(QWidget *parent)
    : QWidget(parent)
{
    m_entry = new QLineEdit(this);
    m_entry->setObjectName(QStringLiteral("ipEntry"));
    m_entry->setPlaceholderText(tr("e.g. 192.168.1.1"));
    m_entry->setToolTip(tr("An IPv4 address allowed to use the token, like 192.168.1.1. Press "
                           "Enter or Add to put it on the list. Leave the list empty to allow "
                           "any address."));
    m_entry->setAccessibleName(tr("IP address to add"));
    // The clear button is switched on when the line is first used (see eventFilter): its
    // icon comes from the desktop's icon theme, whose first look-up scans the theme's
    // folders, and this line is built for every start, before the window can show. The
    // button shows only while there is text, so the user sees it exactly as before.
    // At most "255.255.255.255" plus some spaces; a longer paste is not an address anyway.
    m_entry->setMaxLength(64);

    m_add = new QPushButton(tr("Add"), this);
    m_add->setObjectName(QStringLiteral("ipAdd"));
    m_add->setToolTip(tr("Add the typed address to the allow-list."));
    m_add->setAccessibleName(tr("Add IP address"));
    // Enter on a focused button clicks it, as in a dialog; it must not submit the form.
    m_add->setAutoDefault(true);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("ipList"));
    m_list->setToolTip(tr("Addresses allowed to use the token. Select one and press Delete or "
                          "Remove to take it off."));
    m_list->setAccessibleName(tr("IP allow-list entries"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Refused entries carry a warning icon: small, so marked rows are as tall as the others.
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_list->setIconSize(QSize(icon, icon));
    // Four rows are enough to see what is there; the list scrolls beyond that.
    const int row = std::max(m_list->fontMetrics().height(), icon) + 4;
    m_list->setFixedHeight(4 * row + 2 * m_list->frameWidth());
    m_list->installEventFilter(this);

    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("ipRemove"));
    m_remove->setToolTip(tr("Remove the selected addresses from the allow-list (Delete)."));
    m_remove->setAccessibleName(tr("Remove selected IP addresses"));
    m_remove->setAutoDefault(true);

    auto *entryRow = new QHBoxLayout;
    entryRow->setContentsMargins(0, 0, 0, 0);
    entryRow->addWidget(m_entry, 1);
    entryRow->addWidget(m_add);
    auto *buttons = new QVBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *listRow = new QHBoxLayout;
    listRow->setContentsMargins(0, 0, 0, 0);
    listRow->addWidget(m_list, 1);
    listRow->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(entryRow);
    layout->addLayout(listRow);

    setTabOrder(m_entry, m_add);
    setTabOrder(m_add, m_list);
    setTabOrder(m_list, m_remove);
    setFocusProxy(m_entry);

    // Enter in the address line adds; the filter keeps it from reaching the form.
    m_entry->installEventFilter(this);
    connect(m_entry, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!text.isEmpty())
            m_entry->setClearButtonEnabled(true);
        updateButtons();
        emit edited();
    });
    connect(m_entry, &QLineEdit::editingFinished, this, &IpListEdit::entryFinished);
    connect(m_add, &QPushButton::clicked, this, [this] {
        addPending();
        m_entry->setFocus(Qt::OtherFocusReason);
    });
    connect(m_remove, &QPushButton::clicked, this, &IpListEdit::removeSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &IpListEdit::updateButtons);
    connect(m_list, &QListWidget::currentItemChanged, this, &IpListEdit::updateButtons);
    updateButtons();
}

QStringList IpListEdit::entries() const
{
    QStringList result;
    for (int i = 0; i < m_list->count(); ++i)
        result.append(m_list->item(i)->text());
    return result;
}

void IpListEdit::setEntries(const QStringList &entries)
{
    m_list->clear();
    m_list->addItems(entries);
    m_entry->clear();
    updateButtons();
}

QString IpListEdit::pendingEntry() const
{
    return m_entry->text().trimmed();
}

void IpListEdit::commitPending()
{
    const QString entry = pendingEntry();
    if (!entry.isEmpty() && Validation::isStrictIpv4(entry))
        addPending();
}

bool IpListEdit::addPending()
{
    const QString entry = pendingEntry();
    if (entry.isEmpty())
        return false;
    if (!Validation::isStrictIpv4(entry)) {
        emit addRefused();
        return false;
    }
    // Already there: the list holds each address once, so show that one instead.
    const auto existing = m_list->findItems(entry, Qt::MatchExactly);
    if (!existing.isEmpty()) {
        m_list->setCurrentItem(existing.first());
        m_list->scrollToItem(existing.first());
    } else {
        if (m_list->count() >= Validation::MaxIpEntries) {
            emit addRefused();
            return false;
        }
        m_list->addItem(entry);
        m_list->scrollToBottom();
    }
    m_entry->clear();
    updateButtons();
    emit edited();
    return true;
}

void IpListEdit::removeSelected()
{
    auto selected = m_list->selectedItems();
    // Tabbing into the list makes an item current without selecting it; Delete means that one.
    if (selected.isEmpty() && m_list->currentItem())
        selected.append(m_list->currentItem());
    if (selected.isEmpty())
        return;
    int next = m_list->count();
    for (QListWidgetItem *item : selected)
        next = std::min(next, m_list->row(item));
    qDeleteAll(selected);
    // Keep a selection so that repeated Delete presses keep removing.
    if (m_list->count() > 0) {
        m_list->setCurrentRow(std::min(next, m_list->count() - 1));
    } else if (m_list->hasFocus() || m_remove->hasFocus()) {
        m_entry->setFocus(Qt::OtherFocusReason);
    }
    updateButtons();
    emit edited();
}

void IpListEdit::markInvalid(const QMap<int, QString> &reasons)
{
    // Looked up only when needed: the first themed icon costs a scan of the icon theme, and
    // this runs for the empty list of every start.
    QIcon warning;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const QString reason = reasons.value(row);
        if (!reason.isEmpty() && warning.isNull())
            warning = style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this);
        item->setIcon(reason.isEmpty() ? QIcon() : warning);
        item->setToolTip(reason);
    }
}

bool IpListEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_entry && event->type() == QEvent::FocusIn)
        m_entry->setClearButtonEnabled(true);
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_entry && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            addPending();
            emit entryFinished();
            return true;
        }
        if (watched == m_list
            && (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace)) {
            removeSelected();
            return true;
        }
        // The list is not a single-line field: Enter there must not submit the form.
        if (watched == m_list && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter))
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

void IpListEdit::updateButtons()
{
    m_remove->setEnabled(!m_list->selectedItems().isEmpty() || m_list->currentItem());
}

} // namespace agentfolio
