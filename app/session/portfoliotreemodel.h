#pragma once

#include "store/portfolioindex.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QString>
#include <functional>
#include <optional>

namespace agentfolio {

// The active profile's portfolios (top-level rows) and their tokens (child rows), as the
// PortfolioIndex records them. It reads the index only, never a SecretStore: a token's
// secret is read from the keychain when the user asks for it, never to fill a view.
//
// QtCore only (it lives in agentfolio_core): data() returns plain text and values; badges,
// colours and icons are the view's business, driven by the roles below.
//
// A change in the index that keeps every portfolio and token in place (a secret stored, a
// token revoked or renamed, the server's facts merged) is announced with dataChanged(), so
// views keep their selection and expansion; anything else (rows added, removed or moved, a
// profile switch) resets the model.
class PortfolioTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        DetailsColumn,
        ExpiryColumn,
        CreatedColumn,
        SecretColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        KindRole = Qt::UserRole + 1, // ItemKind: Portfolio or Token
        PortfolioIdRole, // QString; a token row gives its portfolio's id
        TokenIdRole, // QString (tokens)
        SearchTextRole, // the name (as shown) and the id, lower-case, for the filter
        ExpiryStateRole, // ExpiryState (tokens)
        SecretStoredRole, // bool (tokens)
        GoneFromServerRole, // bool
        RevokedRole, // bool (tokens): revoked through this app
        SortRole, // a value that sorts the column sensibly (dates as QDateTime)
    };
    Q_ENUM(Role)
    enum class ItemKind { Portfolio, Token };
    Q_ENUM(ItemKind)
    enum class ExpiryState { Never, Valid, Soon, Expired };
    Q_ENUM(ExpiryState)

    // A token expiring within this is ExpiryState::Soon.
    static constexpr qint64 SoonSeconds = qint64 { 7 } * 24 * 60 * 60;

    explicit PortfolioTreeModel(PortfolioIndex *index, QObject *parent = nullptr);
    ~PortfolioTreeModel() override;

    // Which profile's portfolios to show (none until set).
    void setProfile(const QString &profileId);
    QString profile() const { return m_profileId; }
    // The tokens whose secret Agentfolio holds only in memory, because the keychain could not
    // save it (TokenHandOff's pending tokens, which this model does not read): their Secret
    // column says so, and that it is lost when Agentfolio quits.
    void setHeldTokenIds(const QSet<QString> &tokenIds);
    // For tests: "now" for the expiry badges. The default is the system clock.
    void setNow(std::function<QDateTime()> clock);

    QModelIndex indexOfPortfolio(const QString &portfolioId) const;
    QModelIndex indexOfToken(const QString &portfolioId, const QString &tokenId) const;
    // The portfolio of a portfolio row (nullopt for a token row or an index of another model).
    std::optional<IndexedPortfolio> portfolioAt(const QModelIndex &index) const;
    // The token of a token row; its portfolio's id is the row's PortfolioIdRole.
    std::optional<IndexedToken> tokenAt(const QModelIndex &index) const;

    // What SearchTextRole holds (empty for an index not of this model), without a QVariant:
    // the filter asks for it for every row at every keystroke.
    // It is the name as shown, a line break, then the id: ordering these texts orders rows
    // by name (case-insensitively), then by id.
    const QString &searchText(const QModelIndex &index) const;

    static ExpiryState expiryState(const UserToken &token, const QDateTime &now);
    // Every text the Secret column shows, in the current language: views size it to fit them.
    static QStringList secretColumnTexts();

    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    // Search texts, computed once per rebuild so that a filter keystroke only compares.
    struct SearchTexts
    {
        QString portfolio;
        QList<QString> tokens;
    };

    void reload();
    void rebuildCaches();
    bool sameShape(const QList<IndexedPortfolio> &other) const;
    void announceChanges(const QList<IndexedPortfolio> &before);
    QDateTime now() const;

    // Row lookups; null when `index` is not one of ours or out of range.
    const IndexedPortfolio *portfolioRow(const QModelIndex &index) const;
    const IndexedToken *tokenRow(const QModelIndex &index) const;

    QString portfolioName(const IndexedPortfolio &portfolio) const;
    QString tokenName(const IndexedToken &token) const;
    QVariant portfolioData(const IndexedPortfolio &portfolio, int row, int column, int role) const;
    QVariant tokenData(const IndexedPortfolio &portfolio, const IndexedToken &token,
                       int portfolioRow, int tokenRow, int column, int role) const;
    QString portfolioDetails(const IndexedPortfolio &portfolio) const;
    QString tokenDetails(const IndexedToken &token) const;
    QString tokenDetailsToolTip(const IndexedToken &token) const;
    QString expiryText(const UserToken &token, const QDateTime &now) const;
    QString secretToolTip(const IndexedToken &token) const;

    QPointer<PortfolioIndex> m_index;
    QString m_profileId;
    std::function<QDateTime()> m_clock;
    QList<IndexedPortfolio> m_portfolios; // shared with the index until it changes
    QList<SearchTexts> m_search; // per portfolio row
    QHash<QString, int> m_rowOfPortfolio;
    QSet<QString> m_heldTokenIds;
};

} // namespace agentfolio
