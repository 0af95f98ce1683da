#include "session/portfoliofiltermodel.h"

#include "session/portfoliotreemodel.h"

#include <string_view>

namespace agentfolio {

PortfolioFilterModel::PortfolioFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterRole(PortfolioTreeModel::SearchTextRole);
    setSortRole(PortfolioTreeModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void PortfolioFilterModel::setFilterText(const QString &text)
{
    // The model's search texts are lower-case, so one lower-casing here spares a
    // case-insensitive comparison per row.
    const QString needle = text.trimmed().toLower();
    if (needle == m_needle)
        return;
    m_needle = needle;
    invalidateFilter();
}

void PortfolioFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_tree = qobject_cast<const PortfolioTreeModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

namespace {

std::u16string_view textView(const QString &text)
{
    return std::u16string_view(QStringView(text).utf16(), size_t(text.size()));
}

// A plain search: first character, then the rest. For texts of a few dozen characters it
// is several times faster than QString::contains(), whose set-up is made for long texts.
bool containsText(const QString &haystack, const QString &needle)
{
    return textView(haystack).find(textView(needle)) != std::u16string_view::npos;
}

} // namespace

bool PortfolioFilterModel::matches(const QModelIndex &sourceIndex) const
{
    if (m_tree)
        return containsText(m_tree->searchText(sourceIndex), m_needle);
    // Another model: through its data(). A QVariant holds a QString inline and shared.
    const QVariant text = sourceIndex.data(PortfolioTreeModel::SearchTextRole);
    if (text.typeId() != QMetaType::QString)
        return false;
    return containsText(*static_cast<const QString *>(text.constData()), m_needle);
}

bool PortfolioFilterModel::descendantMatches(const QModelIndex &sourceIndex) const
{
    const QAbstractItemModel *model = sourceModel();
    const int rows = model->rowCount(sourceIndex);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex child = model->index(row, 0, sourceIndex);
        if (matches(child) || descendantMatches(child))
            return true;
    }
    return false;
}

bool PortfolioFilterModel::hasChildren(const QModelIndex &parent) const
{
    // A row shown here has all its children shown when it or an ancestor matches, and at
    // least the child on the way to a matching descendant otherwise: either way it has
    // children here exactly when it has them in the source. Answering from the source saves
    // filtering every portfolio's tokens when a tree view lays out its collapsed rows.
    if (!parent.isValid() || !sourceModel())
        return QSortFilterProxyModel::hasChildren(parent);
    return sourceModel()->hasChildren(mapToSource(parent));
}

bool PortfolioFilterModel::lessThan(const QModelIndex &sourceLeft,
                                    const QModelIndex &sourceRight) const
{
    // Sorting by name, the usual order, compares the model's lower-case search texts (name,
    // then id): a portfolio that comes back through the filter has its tokens sorted, and
    // QString::compare(CaseInsensitive) through QVariants costs more than the filtering.
    if (m_tree && sortRole() == PortfolioTreeModel::SortRole
        && sourceLeft.column() == PortfolioTreeModel::NameColumn
        && sourceRight.column() == PortfolioTreeModel::NameColumn
        && sortCaseSensitivity() == Qt::CaseInsensitive && !isSortLocaleAware())
        return textView(m_tree->searchText(sourceLeft)) < textView(m_tree->searchText(sourceRight));
    return QSortFilterProxyModel::lessThan(sourceLeft, sourceRight);
}

bool PortfolioFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_needle.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (matches(index))
        return true;
    // A token shows when its portfolio matches...
    for (QModelIndex ancestor = sourceParent; ancestor.isValid(); ancestor = ancestor.parent()) {
        if (matches(ancestor))
            return true;
    }
    // ... and a portfolio when one of its tokens does.
    return descendantMatches(index);
}

} // namespace agentfolio
