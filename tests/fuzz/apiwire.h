#pragma once

// The response harnesses' way back to the wire: what the parsers read, written again in the
// shape the API documents (/work/shared/api), so that "parse, write, parse" can be compared.

#include "api/apijson.h"
#include "domain/portfolio.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace fuzz {

inline QJsonValue dateToWire(const std::optional<QDateTime> &date)
{
    if (!date)
        return QJsonValue::Null;
    return date->toString(Qt::ISODateWithMs);
}

inline QJsonObject tokenToWire(const agentfolio::UserToken &token)
{
    QJsonArray scopes;
    for (int id : token.scopeIds)
        scopes.append(id);
    return QJsonObject {
        { QStringLiteral("userTokenId"), token.id },
        { QStringLiteral("userTokenName"), token.name },
        { QStringLiteral("clientId"), token.clientId },
        { QStringLiteral("ipsWhitelist"), QJsonArray::fromStringList(token.ipsWhitelist) },
        { QStringLiteral("scopeIds"), scopes },
        { QStringLiteral("expiresAt"), dateToWire(token.expiresAt) },
        { QStringLiteral("createdAt"), dateToWire(token.createdAt) },
    };
}

inline QJsonObject createdTokenToWire(const agentfolio::CreatedToken &created)
{
    QJsonObject object = tokenToWire(created.token);
    object.insert(QStringLiteral("userToken"), created.secret.reveal());
    return object;
}

inline QJsonObject portfolioToWire(const agentfolio::Portfolio &portfolio)
{
    return QJsonObject {
        { QStringLiteral("agentPortfolioId"), portfolio.id },
        { QStringLiteral("agentPortfolioName"), portfolio.name },
        { QStringLiteral("agentPortfolioGcid"), double(portfolio.gcid) },
        { QStringLiteral("agentPortfolioVirtualBalance"), portfolio.virtualBalance.toDouble() },
        { QStringLiteral("mirrorId"), double(portfolio.mirrorId) },
        { QStringLiteral("createdAt"), dateToWire(portfolio.createdAt) },
    };
}

inline QByteArray toBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Ids and scopes as the parsers promise them: ids non-empty, scopes sorted without repeats,
// dates valid and in UTC.
inline bool tokenIsWellFormed(const agentfolio::UserToken &token)
{
    if (token.id.isEmpty())
        return false;
    for (qsizetype i = 1; i < token.scopeIds.size(); ++i) {
        if (token.scopeIds.at(i - 1) >= token.scopeIds.at(i))
            return false;
    }
    for (const auto &date : { token.expiresAt, token.createdAt }) {
        if (date && (!date->isValid() || date->timeSpec() != Qt::UTC))
            return false;
    }
    return true;
}

// Puts `canary` in place of every non-empty string "userToken" (the secret) in the body,
// so that a harness can look for it in an error message without guessing what in the
// fuzzer's input is a secret. Returns false when there is none to replace.
inline bool replaceSecrets(QJsonValue &value, const QString &canary)
{
    bool replaced = false;
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonValue item = array.at(i);
            if (replaceSecrets(item, canary)) {
                array.replace(i, item);
                replaced = true;
            }
        }
        value = array;
    } else if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            QJsonValue item = it.value();
            if (it.key() == QLatin1String("userToken") && item.isString()
                && !item.toString().isEmpty()) {
                it.value() = canary;
                replaced = true;
            } else if (replaceSecrets(item, canary)) {
                it.value() = item;
                replaced = true;
            }
        }
        value = object;
    }
    return replaced;
}

// A secret no message template contains.
inline QString canarySecret()
{
    return QStringLiteral("zz-FAKE-canary-7Qx9w-secret-zz");
}

} // namespace fuzz
