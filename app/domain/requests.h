#pragma once

#include "domain/money.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace agentfolio {

// POST /api/v1/agent-portfolios, after validation: every value normalised
// (trimmed, duplicates removed, expiry in UTC whole seconds).
struct CreatePortfolioRequest
{
    Money investment;
    QString portfolioName;
    QString tokenName;
    QList<int> scopeIds;
    QString description; // empty = omitted
    QStringList ipsWhitelist; // empty = omitted
    std::optional<QDateTime> expiresAt; // nullopt = omitted (never expires)

    bool operator==(const CreatePortfolioRequest &) const = default;
};

// POST /api/v1/agent-portfolios/{id}/user-tokens
struct AddTokenRequest
{
    QString tokenName;
    QList<int> scopeIds;
    QStringList ipsWhitelist;
    std::optional<QDateTime> expiresAt;

    bool operator==(const AddTokenRequest &) const = default;
};

// PATCH /api/v1/agent-portfolios/{id}/user-tokens/{tokenId}: only what is set is sent.
struct UpdateTokenRequest
{
    std::optional<QList<int>> scopeIds;
    std::optional<QStringList> ipsWhitelist;
    std::optional<QDateTime> expiresAt;

    bool isEmpty() const { return !scopeIds && !ipsWhitelist && !expiresAt; }
    bool operator==(const UpdateTokenRequest &) const = default;
};

} // namespace agentfolio
