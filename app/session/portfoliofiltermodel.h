#pragma once

#include <QPointer>
#include <QSortFilterProxyModel>
#include <QString>

namespace agentfolio {

class PortfolioTreeModel;

// The token manager's filter box over a PortfolioTreeModel: keeps the rows whose names or
// ids contain the typed text, case-insensitively. A matching token shows with its
// portfolio; a matching portfolio shows with all its tokens.
//
// It reads the source's PortfolioTreeModel::SearchTextRole (lower-case names and ids,
// computed once per index change; read directly, without data(), from a
// PortfolioTreeModel), so a keystroke costs one substring search per row.
// Sorting, when a view asks for it, uses PortfolioTreeModel::SortRole.
class PortfolioFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit PortfolioFilterModel(QObject *parent = nullptr);

    // Case-insensitive substring of names and ids; surrounding spaces are ignored, and an
    // empty text shows everything.
    void setFilterText(const QString &text);
    QString filterText() const { return m_needle; } // as matched: trimmed, lower-case

    void setSourceModel(QAbstractItemModel *model) override;

    // Cheaper than the base class's, which filters a row's children to answer.
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const override;

private:
    bool matches(const QModelIndex &sourceIndex) const;
    bool descendantMatches(const QModelIndex &sourceIndex) const;

    QString m_needle;
    // The source when it is a PortfolioTreeModel: its search texts are read directly.
    QPointer<const PortfolioTreeModel> m_tree;
};

} // namespace agentfolio
