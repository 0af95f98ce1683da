#include "store/secretkeys.h"

#include <QUrl>

namespace agentfolio {

QString SecretKeys::segment(const QString &id)
{
    // Ordinary ids (uuids, profile slugs) pass unchanged; anything that could split or
    // merge segments is percent-encoded so two different ids never share a key.
    if (id.isEmpty())
        return QStringLiteral("%00");
    return QString::fromLatin1(QUrl::toPercentEncoding(id, QByteArrayLiteral("-._~")));
}

QString SecretKeys::prefix(const QString &profileId)
{
    return QStringLiteral("agentfolio/") + segment(profileId);
}

QString SecretKeys::apiKeyKey(const QString &profileId)
{
    return prefix(profileId) + QStringLiteral("/api-key");
}

QString SecretKeys::userKeyKey(const QString &profileId)
{
    return prefix(profileId) + QStringLiteral("/user-key");
}

QString SecretKeys::tokenKey(const QString &profileId, const QString &userTokenId)
{
    return prefix(profileId) + QStringLiteral("/token/") + segment(userTokenId);
}

QString SecretKeys::keychainCheckKey(const QString &profileId)
{
    return prefix(profileId) + QStringLiteral("/keychain-check");
}

} // namespace agentfolio
