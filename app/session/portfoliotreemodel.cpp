#include "session/portfoliotreemodel.h"

#include "domain/scopes.h"
#include "session/sessionlog.h"

#include <QLocale>
#include <algorithm>
#include <string_view>

namespace agentfolio {

namespace {

// Token rows carry their portfolio's row + 1 as internal id; portfolio rows carry 0.
constexpr quintptr PortfolioRowId = 0;

// Between the parts of a search text: a character nobody types into a filter box, so that
// a filter never matches across the end of one part and the start of the next. It sorts
// before every printable character, so search texts in order are names in order.
constexpr QChar SearchSeparator(u'\n');

// Copies `from` to `out`, lower-casing ASCII letters; ORs every character into *seen.
char16_t *copyLoweringAscii(QStringView from, char16_t *out, char16_t *seen)
{
    char16_t all = 0;
    for (const char16_t c : std::u16string_view(from.utf16(), size_t(from.size()))) {
        all |= c;
        *out++ = char16_t(c + (unsigned(c - u'A') < 26u ? u'a' - u'A' : 0));
    }
    *seen |= all;
    return out;
}

QString makeSearchText(const QString &name, const QString &id)
{
    // One allocation and one tight pass: ids and most names are ASCII, and this runs for
    // every row of every rebuild (toLower()'s Unicode tables cost several times more).
    // Text with anything else is finished by toLower().
    QString text(name.size() + 1 + id.size(), Qt::Uninitialized);
    char16_t seen = 0;
    char16_t *out = reinterpret_cast<char16_t *>(text.data());
    out = copyLoweringAscii(name, out, &seen);
    *out++ = SearchSeparator.unicode();
    copyLoweringAscii(id, out, &seen);
    return seen < 0x80 ? text : std::move(text).toLower();
}

// The portfolio's own facts, leaving its tokens aside.
bool sameFacts(const IndexedPortfolio &a, const IndexedPortfolio &b)
{
    return a.id == b.id && a.name == b.name && a.gcid == b.gcid
        && a.virtualBalance == b.virtualBalance && a.mirrorId == b.mirrorId
        && a.investment == b.investment && a.description == b.description
        && a.createdAt == b.createdAt && a.createdByRequestId == b.createdByRequestId
        && a.goneFromServer == b.goneFromServer;
}

QString localDate(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime().date(), QLocale::ShortFormat);
}

QString localDateTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::LongFormat);
}

} // namespace

PortfolioTreeModel::PortfolioTreeModel(PortfolioIndex *index, QObject *parent)
    : QAbstractItemModel(parent)
    , m_index(index)
{
    if (m_index)
        connect(m_index, &PortfolioIndex::changed, this, &PortfolioTreeModel::reload);
}

PortfolioTreeModel::~PortfolioTreeModel() = default;

void PortfolioTreeModel::setProfile(const QString &profileId)
{
    if (profileId == m_profileId)
        return;
    beginResetModel();
    m_profileId = profileId;
    m_portfolios = m_index && !m_profileId.isEmpty() ? m_index->portfolios(m_profileId)
                                                     : QList<IndexedPortfolio>();
    rebuildCaches();
    endResetModel();
}

void PortfolioTreeModel::setHeldTokenIds(const QSet<QString> &tokenIds)
{
    if (tokenIds == m_heldTokenIds)
        return;
    // Only the rows whose mark comes or goes change.
    const QSet<QString> changed = (tokenIds - m_heldTokenIds) + (m_heldTokenIds - tokenIds);
    m_heldTokenIds = tokenIds;
    for (int row = 0; row < m_portfolios.size(); ++row) {
        const QList<IndexedToken> &tokens = m_portfolios.at(row).tokens;
        for (int tokenRow = 0; tokenRow < tokens.size(); ++tokenRow) {
            if (!changed.contains(tokens.at(tokenRow).token.id))
                continue;
            const QModelIndex cell = index(tokenRow, SecretColumn, index(row, 0));
            Q_EMIT dataChanged(cell, cell);
        }
    }
}

void PortfolioTreeModel::setNow(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    // Every expiry badge may have changed.
    for (int row = 0; row < m_portfolios.size(); ++row) {
        const int tokens = int(m_portfolios.at(row).tokens.size());
        if (tokens > 0) {
            const QModelIndex parent = index(row, 0);
            Q_EMIT dataChanged(index(0, 0, parent), index(tokens - 1, ColumnCount - 1, parent));
        }
    }
}

QDateTime PortfolioTreeModel::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void PortfolioTreeModel::reload()
{
    const QList<IndexedPortfolio> fresh = m_index && !m_profileId.isEmpty()
        ? m_index->portfolios(m_profileId)
        : QList<IndexedPortfolio>();
    // Still the very data shown (a change kept in memory for another profile): nothing to do.
    if (fresh.constData() == m_portfolios.constData() && fresh.size() == m_portfolios.size())
        return;
    if (!sameShape(fresh)) {
        beginResetModel();
        m_portfolios = fresh;
        rebuildCaches();
        endResetModel();
        return;
    }
    const QList<IndexedPortfolio> before = m_portfolios;
    m_portfolios = fresh;
    rebuildCaches();
    announceChanges(before);
}

void PortfolioTreeModel::rebuildCaches()
{
    m_search.clear();
    m_search.reserve(m_portfolios.size());
    m_rowOfPortfolio.clear();
    m_rowOfPortfolio.reserve(m_portfolios.size());
    for (int row = 0; row < m_portfolios.size(); ++row) {
        const IndexedPortfolio &p = m_portfolios.at(row);
        SearchTexts texts;
        texts.portfolio = makeSearchText(portfolioName(p), p.id);
        texts.tokens.reserve(p.tokens.size());
        for (const IndexedToken &t : p.tokens)
            texts.tokens.append(makeSearchText(tokenName(t), t.token.id));
        m_search.append(std::move(texts));
        m_rowOfPortfolio.insert(p.id, row);
    }
}

bool PortfolioTreeModel::sameShape(const QList<IndexedPortfolio> &other) const
{
    if (other.size() != m_portfolios.size())
        return false;
    for (int row = 0; row < other.size(); ++row) {
        const IndexedPortfolio &a = m_portfolios.at(row);
        const IndexedPortfolio &b = other.at(row);
        if (a.id != b.id || a.tokens.size() != b.tokens.size())
            return false;
        for (int t = 0; t < a.tokens.size(); ++t) {
            if (a.tokens.at(t).token.id != b.tokens.at(t).token.id)
                return false;
        }
    }
    return true;
}

void PortfolioTreeModel::announceChanges(const QList<IndexedPortfolio> &before)
{
    // A changed portfolio announces all its rows: the filter decides a portfolio row by its
    // tokens and a token row by its portfolio, so both must be looked at again.
    for (int row = 0; row < m_portfolios.size(); ++row) {
        const IndexedPortfolio &now = m_portfolios.at(row);
        const IndexedPortfolio &was = before.at(row);
        if (sameFacts(now, was) && now.tokens == was.tokens)
            continue;
        const QModelIndex portfolio = index(row, 0);
        if (!now.tokens.isEmpty())
            Q_EMIT dataChanged(index(0, 0, portfolio),
                               index(int(now.tokens.size()) - 1, ColumnCount - 1, portfolio));
        Q_EMIT dataChanged(portfolio, index(row, ColumnCount - 1));
    }
}

const IndexedPortfolio *PortfolioTreeModel::portfolioRow(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() != PortfolioRowId)
        return nullptr;
    if (index.row() < 0 || index.row() >= m_portfolios.size())
        return nullptr;
    return &m_portfolios.at(index.row());
}

const IndexedToken *PortfolioTreeModel::tokenRow(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == PortfolioRowId)
        return nullptr;
    const qsizetype portfolio = qsizetype(index.internalId() - 1);
    if (portfolio >= m_portfolios.size())
        return nullptr;
    const QList<IndexedToken> &tokens = m_portfolios.at(portfolio).tokens;
    if (index.row() < 0 || index.row() >= tokens.size())
        return nullptr;
    return &tokens.at(index.row());
}

const QString &PortfolioTreeModel::searchText(const QModelIndex &index) const
{
    static const QString none;
    if (!index.isValid() || index.model() != this)
        return none;
    if (index.internalId() == PortfolioRowId)
        return index.row() < m_search.size() ? m_search.at(index.row()).portfolio : none;
    const qsizetype portfolio = qsizetype(index.internalId() - 1);
    if (portfolio >= m_search.size())
        return none;
    const QList<QString> &tokens = m_search.at(portfolio).tokens;
    return index.row() < tokens.size() ? tokens.at(index.row()) : none;
}

QString PortfolioTreeModel::portfolioName(const IndexedPortfolio &p) const
{
    // A portfolio known only from a token added to it has no name until the next list.
    return p.name.isEmpty() ? tr("Portfolio %1").arg(p.id) : p.name;
}

QString PortfolioTreeModel::tokenName(const IndexedToken &t) const
{
    return t.token.name.isEmpty() ? tr("Token %1").arg(t.token.id) : t.token.name;
}

QModelIndex PortfolioTreeModel::indexOfPortfolio(const QString &portfolioId) const
{
    const auto it = m_rowOfPortfolio.constFind(portfolioId);
    return it == m_rowOfPortfolio.cend() ? QModelIndex() : index(it.value(), 0);
}

QModelIndex PortfolioTreeModel::indexOfToken(const QString &portfolioId,
                                             const QString &tokenId) const
{
    const auto it = m_rowOfPortfolio.constFind(portfolioId);
    if (it == m_rowOfPortfolio.cend())
        return QModelIndex();
    const QList<IndexedToken> &tokens = m_portfolios.at(it.value()).tokens;
    for (int row = 0; row < tokens.size(); ++row) {
        if (tokens.at(row).token.id == tokenId)
            return index(row, 0, index(it.value(), 0));
    }
    return QModelIndex();
}

std::optional<IndexedPortfolio> PortfolioTreeModel::portfolioAt(const QModelIndex &index) const
{
    if (index.isValid() && index.model() != this)
        qCWarning(lcSession) << "PortfolioTreeModel::portfolioAt: an index of another model"
                             << "(a proxy's? map it to the source first)";
    if (const IndexedPortfolio *p = portfolioRow(index))
        return *p;
    return std::nullopt;
}

std::optional<IndexedToken> PortfolioTreeModel::tokenAt(const QModelIndex &index) const
{
    if (index.isValid() && index.model() != this)
        qCWarning(lcSession) << "PortfolioTreeModel::tokenAt: an index of another model"
                             << "(a proxy's? map it to the source first)";
    if (const IndexedToken *t = tokenRow(index))
        return *t;
    return std::nullopt;
}

PortfolioTreeModel::ExpiryState PortfolioTreeModel::expiryState(const UserToken &token,
                                                                const QDateTime &now)
{
    if (!token.expiresAt)
        return ExpiryState::Never;
    const qint64 left = now.secsTo(*token.expiresAt);
    if (left <= 0)
        return ExpiryState::Expired;
    if (left < SoonSeconds)
        return ExpiryState::Soon;
    return ExpiryState::Valid;
}

QModelIndex PortfolioTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return QModelIndex();
    if (!parent.isValid())
        return row < m_portfolios.size() ? createIndex(row, column, PortfolioRowId) : QModelIndex();
    // Only a portfolio's first column has children.
    if (parent.model() != this || parent.internalId() != PortfolioRowId || parent.column() != 0
        || parent.row() >= m_portfolios.size())
        return QModelIndex();
    if (row >= m_portfolios.at(parent.row()).tokens.size())
        return QModelIndex();
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex PortfolioTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == PortfolioRowId)
        return QModelIndex();
    return createIndex(int(child.internalId() - 1), 0, PortfolioRowId);
}

int PortfolioTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_portfolios.size());
    if (parent.column() != 0 || parent.internalId() != PortfolioRowId
        || parent.row() >= m_portfolios.size())
        return 0;
    return int(m_portfolios.at(parent.row()).tokens.size());
}

int PortfolioTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool PortfolioTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

Qt::ItemFlags PortfolioTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != PortfolioRowId)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QVariant PortfolioTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DetailsColumn:
        return tr("Details");
    case ExpiryColumn:
        return tr("Expires");
    case CreatedColumn:
        return tr("Created");
    case SecretColumn:
        return tr("Secret");
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> PortfolioTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(PortfolioIdRole, "portfolioId");
    names.insert(TokenIdRole, "tokenId");
    names.insert(SearchTextRole, "searchText");
    names.insert(ExpiryStateRole, "expiryState");
    names.insert(SecretStoredRole, "secretStored");
    names.insert(GoneFromServerRole, "goneFromServer");
    names.insert(RevokedRole, "revoked");
    names.insert(SortRole, "sortValue");
    return names;
}

QVariant PortfolioTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return QVariant();
    if (index.internalId() == PortfolioRowId) {
        if (const IndexedPortfolio *p = portfolioRow(index))
            return portfolioData(*p, index.row(), index.column(), role);
        return QVariant();
    }
    if (const IndexedToken *t = tokenRow(index)) {
        const int portfolio = int(index.internalId() - 1);
        return tokenData(m_portfolios.at(portfolio), *t, portfolio, index.row(), index.column(),
                         role);
    }
    return QVariant();
}

QVariant PortfolioTreeModel::portfolioData(const IndexedPortfolio &p, int row, int column,
                                           int role) const
{
    switch (role) {
    case KindRole:
        return QVariant::fromValue(ItemKind::Portfolio);
    case PortfolioIdRole:
        return p.id;
    case SearchTextRole:
        return m_search.at(row).portfolio;
    case GoneFromServerRole:
        return p.goneFromServer;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case SortRole:
        break;
    default:
        return QVariant();
    }

    switch (column) {
    case NameColumn: {
        const QString name = portfolioName(p);
        if (role == SortRole)
            return name; // the filter model sorts case-insensitively
        if (role == Qt::DisplayRole)
            return name;
        QString tip = tr("%1\nPortfolio ID: %2").arg(name, p.id);
        if (!p.description.isEmpty())
            tip += QLatin1Char('\n') + p.description;
        if (p.goneFromServer)
            tip += QLatin1Char('\n')
                + tr("eToro no longer lists this portfolio: it may have been deleted elsewhere.");
        return tip;
    }
    case DetailsColumn:
        if (role == Qt::ToolTipRole) {
            QString tip = tr("GCID: %1\nMirror ID: %2\nVirtual balance: %3")
                              .arg(QString::number(p.gcid), QString::number(p.mirrorId),
                                   p.virtualBalance.toDisplayString());
            tip += QLatin1Char('\n')
                + (p.investment ? tr("Investment: %1").arg(p.investment->toDisplayString())
                                : tr("Investment: unknown (eToro's list does not return it; "
                                     "it is known only for portfolios created here)"));
            if (p.goneFromServer)
                tip += QLatin1Char('\n') + tr("Gone from eToro: the last refresh did not list it.");
            return tip;
        }
        return portfolioDetails(p);
    case CreatedColumn:
        if (role == SortRole)
            return p.createdAt.value_or(QDateTime());
        if (!p.createdAt)
            return role == Qt::ToolTipRole ? tr("Creation date unknown") : QString();
        return role == Qt::ToolTipRole ? tr("Created %1").arg(localDateTime(*p.createdAt))
                                       : localDate(*p.createdAt);
    case ExpiryColumn:
    case SecretColumn:
        return role == SortRole ? QVariant() : QVariant(QString());
    default:
        return QVariant();
    }
}

QVariant PortfolioTreeModel::tokenData(const IndexedPortfolio &p, const IndexedToken &t,
                                       int portfolioRow, int tokenRow, int column, int role) const
{
    switch (role) {
    case KindRole:
        return QVariant::fromValue(ItemKind::Token);
    case PortfolioIdRole:
        return p.id;
    case TokenIdRole:
        return t.token.id;
    case SearchTextRole:
        return m_search.at(portfolioRow).tokens.at(tokenRow);
    case ExpiryStateRole:
        return QVariant::fromValue(expiryState(t.token, now()));
    case SecretStoredRole:
        return t.secretStored;
    case GoneFromServerRole:
        return t.goneFromServer;
    case RevokedRole:
        return t.revoked;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case SortRole:
        break;
    default:
        return QVariant();
    }

    switch (column) {
    case NameColumn: {
        const QString name = tokenName(t);
        if (role == SortRole)
            return name; // the filter model sorts case-insensitively
        if (role == Qt::DisplayRole)
            return name;
        QString tip = tr("%1\nToken ID: %2").arg(name, t.token.id);
        if (!t.token.clientId.isEmpty())
            tip += QLatin1Char('\n') + tr("Client ID: %1").arg(t.token.clientId);
        if (t.revoked)
            tip += QLatin1Char('\n') + tr("Revoked through Agentfolio.");
        if (t.goneFromServer)
            tip += QLatin1Char('\n')
                + tr("eToro no longer lists this token: it may have been revoked elsewhere.");
        return tip;
    }
    case DetailsColumn:
        return role == Qt::ToolTipRole ? tokenDetailsToolTip(t) : tokenDetails(t);
    case ExpiryColumn: {
        if (role == SortRole)
            // Tokens that never expire sort after every date.
            return t.token.expiresAt.value_or(
                QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC));
        const QDateTime current = now();
        if (role == Qt::DisplayRole)
            return expiryText(t.token, current);
        if (!t.token.expiresAt)
            return tr("This token never expires.");
        const QString when = localDateTime(*t.token.expiresAt);
        return expiryState(t.token, current) == ExpiryState::Expired
            ? tr("Expired on %1. eToro refuses it; add a new token.").arg(when)
            : tr("Expires on %1.").arg(when);
    }
    case CreatedColumn:
        if (role == SortRole)
            return t.token.createdAt.value_or(QDateTime());
        if (!t.token.createdAt)
            return role == Qt::ToolTipRole ? tr("Creation date unknown") : QString();
        return role == Qt::ToolTipRole ? tr("Created %1").arg(localDateTime(*t.token.createdAt))
                                       : localDate(*t.token.createdAt);
    case SecretColumn:
        if (role == SortRole)
            return t.secretStored;
        if (role == Qt::ToolTipRole)
            return secretToolTip(t);
        return secretColumnTexts().at(t.secretStored                            ? 0
                                          : m_heldTokenIds.contains(t.token.id) ? 1
                                                                                : 2);
    default:
        return QVariant();
    }
}

QString PortfolioTreeModel::portfolioDetails(const IndexedPortfolio &p) const
{
    const QLocale locale;
    QString details = tr("GCID %1 · mirror %2 · virtual %3")
                          .arg(QString::number(p.gcid), QString::number(p.mirrorId),
                               p.virtualBalance.toDisplayString(locale));
    details += p.investment ? tr(" · invested %1").arg(p.investment->toDisplayString(locale))
                            : tr(" · investment unknown");
    if (p.goneFromServer)
        details += tr(" · gone from eToro");
    return details;
}

QString PortfolioTreeModel::tokenDetails(const IndexedToken &t) const
{
    QStringList scopes;
    for (int id : t.token.scopeIds) {
        switch (id) {
        case Scopes::RealRead:
            scopes.append(tr("real read"));
            break;
        case Scopes::DemoRead:
            scopes.append(tr("demo read"));
            break;
        case Scopes::RealWrite:
            scopes.append(tr("real trade"));
            break;
        case Scopes::DemoWrite:
            scopes.append(tr("demo trade"));
            break;
        default:
            scopes.append(tr("scope %1").arg(id));
            break;
        }
    }
    QString details = scopes.isEmpty() ? tr("no scopes") : scopes.join(QStringLiteral(", "));
    details += QStringLiteral(" · ");
    const QStringList &ips = t.token.ipsWhitelist;
    // A long list is cut short here; the tooltip has all of it.
    constexpr int Shown = 3;
    if (ips.isEmpty())
        details += tr("any IP");
    else if (ips.size() <= Shown)
        details += ips.join(QStringLiteral(", "));
    else
        details += tr("%1 and %2 more")
                       .arg(ips.first(Shown).join(QStringLiteral(", ")),
                            QString::number(ips.size() - Shown));
    if (t.revoked)
        details += tr(" · revoked");
    if (t.goneFromServer)
        details += tr(" · gone from eToro");
    return details;
}

QString PortfolioTreeModel::tokenDetailsToolTip(const IndexedToken &t) const
{
    QStringList scopes;
    for (int id : t.token.scopeIds)
        scopes.append(Scopes::displayName(id));
    QString tip =
        tr("Scopes: %1").arg(scopes.isEmpty() ? tr("none") : scopes.join(QStringLiteral(", ")));
    tip += QLatin1Char('\n')
        + (t.token.ipsWhitelist.isEmpty()
               ? tr("IP allow-list: empty, any IP address may use it")
               : tr("IP allow-list: %1").arg(t.token.ipsWhitelist.join(QStringLiteral(", "))));
    return tip;
}

QString PortfolioTreeModel::expiryText(const UserToken &token, const QDateTime &now) const
{
    switch (expiryState(token, now)) {
    case ExpiryState::Never:
        return tr("never");
    case ExpiryState::Expired:
        return tr("expired");
    case ExpiryState::Valid:
        return localDate(*token.expiresAt);
    case ExpiryState::Soon:
        break;
    }
    const qint64 left = now.secsTo(*token.expiresAt);
    constexpr qint64 Hour = qint64 { 60 } * 60;
    constexpr qint64 Day = 24 * Hour;
    // Spelled out rather than with %n: without a translation loaded, %n says "day(s)".
    if (left < Day) {
        const qint64 hours = std::max<qint64>(1, (left + Hour - 1) / Hour);
        return hours == 1 ? tr("in 1 hour") : tr("in %1 hours").arg(hours);
    }
    const qint64 days = left / Day;
    return days == 1 ? tr("in 1 day") : tr("in %1 days").arg(days);
}

QStringList PortfolioTreeModel::secretColumnTexts()
{
    return { tr("stored here"), tr("only in memory"), tr("not stored here") };
}

QString PortfolioTreeModel::secretToolTip(const IndexedToken &t) const
{
    if (t.secretStored)
        return tr("The token's secret is in this computer's keychain. It is read from there only "
                  "when you copy or reveal it.");
    if (m_heldTokenIds.contains(t.token.id))
        return tr("Agentfolio holds the token's secret in memory only: the keychain could not "
                  "save it. Retry saving it, or copy it into your agent's configuration now; it "
                  "is lost when Agentfolio quits.");
    return tr("The token's secret is not on this computer. eToro shows a secret only once, when "
              "the token is created: paste it here if you have it, or add a new token.");
}

} // namespace agentfolio
