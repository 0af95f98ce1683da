#pragma once

#include "domain/money.h"
#include "domain/portfolio.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace agentfolio {

// What the sandbox server remembers: the account's agent portfolios and their tokens.
// Token secrets and keys are never part of it: the server hands a secret out once and
// forgets it, so the state file can be read by anyone without harm.
//
// File format (JSON, written with QSaveFile after every change):
//   {"version": 1, "portfolios": [{"id", "name", "description", "gcid", "mirrorId",
//     "virtualBalanceCents", "investmentCents", "createdAt",
//     "tokens": [{"id", "name", "clientId", "scopeIds", "ipsWhitelist", "expiresAt",
//                 "createdAt"}]}]}
class SandboxState
{
    Q_DECLARE_TR_FUNCTIONS(SandboxState)
public:
    static constexpr int FormatVersion = 1;

    struct Entry
    {
        Portfolio portfolio;
        QString description;
        Money investment;

        bool operator==(const Entry &) const = default;
    };

    // Empty = in memory only (what is held stays). Otherwise the state is replaced by the
    // file's; a missing file means empty; a file that is not valid state is moved aside
    // (".corrupt-<timestamp>" suffix), a warning is logged, and the state starts empty.
    void setFile(const QString &path);
    QString file() const { return m_file; }

    const QList<Entry> &entries() const { return m_entries; }
    QList<Portfolio> portfolios() const;
    const Entry *find(const QString &portfolioId) const;
    // Names are compared after trimming and without regard to case.
    bool hasPortfolioNamed(const QString &name) const;
    bool hasGcid(qint64 gcid) const;
    bool hasMirrorId(qint64 mirrorId) const;

    // Each change is written to the file at once (when there is one).
    void addPortfolio(const Entry &entry);
    bool removePortfolio(const QString &portfolioId);
    bool addToken(const QString &portfolioId, const UserToken &token);
    bool replaceToken(const QString &portfolioId, const UserToken &token);
    bool removeToken(const QString &portfolioId, const QString &tokenId);
    void clear();

    QJsonObject toJson() const;
    // nullopt (and *why) when the object is not valid state of a version this code reads.
    static std::optional<QList<Entry>> fromJson(const QJsonObject &object, QString *why);

    // False when the file could not be written (logged). Called by every change.
    bool save() const;

    // Ids in the path are compared in this form (lower case, no braces); empty if not a UUID.
    static QString normalizedUuid(QStringView text);

private:
    void load();
    void moveAside(const QString &why);
    Entry *findEntry(const QString &portfolioId);

    QString m_file;
    QList<Entry> m_entries;
};

} // namespace agentfolio
