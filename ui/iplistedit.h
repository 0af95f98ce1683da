#pragma once

#include <QMap>
#include <QStringList>
#include <QWidget>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace agentfolio {

// Edits an IP allow-list: a line to type an address, Add, the list, Remove.
// It only refuses what cannot be added; the messages explaining why come from the
// core's validation, shown by the page at its field.
class IpListEdit : public QWidget
{
    Q_OBJECT
public:
    explicit IpListEdit(QWidget *parent = nullptr);

    // The entries in the list, in order.
    QStringList entries() const;
    void setEntries(const QStringList &entries);
    // What is typed but not added yet, trimmed. The page validates and sends it too, so that
    // an address the user typed is never silently dropped.
    QString pendingEntry() const;
    // Moves a valid pending entry into the list (on submit).
    void commitPending();

    QLineEdit *entryEdit() const { return m_entry; }
    QPushButton *addButton() const { return m_add; }
    QListWidget *listWidget() const { return m_list; }
    QPushButton *removeButton() const { return m_remove; }

    // Adds the pending entry. Returns false (and emits addRefused) when it is not a strict
    // IPv4 address or the list is full; a duplicate is not added twice but counts as added.
    bool addPending();
    // Removes the selected entries.
    void removeSelected();
    // Marks the listed rows as refused (a warning icon and the reason as tooltip), so that a
    // restored invalid entry can be found in a long list. Other rows are unmarked.
    void markInvalid(const QMap<int, QString> &reasons);

signals:
    // The list or the pending text changed because of the user.
    void edited();
    void addRefused();
    // The user left the address line (or pressed Enter in it).
    void entryFinished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateButtons();

    QLineEdit *m_entry = nullptr;
    QPushButton *m_add = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace agentfolio
