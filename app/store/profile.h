#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace agentfolio {

// An account the app talks to. Only non-secret settings live here (and in QSettings);
// a real profile's API key and user key live in the keychain only, under
// SecretKeys::apiKeyKey(id) and SecretKeys::userKeyKey(id).
struct Profile
{
    Q_DECLARE_TR_FUNCTIONS(Profile)
public:
    QString id; // stable, used in keychain keys and the index: [a-z0-9-], "sandbox" reserved
    QString displayName;
    QUrl baseUrl; // empty for the sandbox: the embedded server's address is known once it listens
    bool isSandbox = false;

    static QString sandboxId() { return QStringLiteral("sandbox"); }
    // The built-in profile that talks to the embedded sandbox with its built-in keys.
    static Profile sandbox();
    // eToro's Public API, the default for a new real-account profile.
    static QUrl defaultBaseUrl() { return QUrl(QStringLiteral("https://public-api.etoro.com")); }

    bool operator==(const Profile &) const = default;
};

} // namespace agentfolio
