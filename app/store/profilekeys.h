#pragma once

#include "domain/secret.h"
#include "store/profile.h"
#include "store/secretstore.h"

#include <functional>
#include <optional>

class QObject;

namespace agentfolio {

// A profile's two API keys.
struct ApiCredentials
{
    Secret apiKey;
    Secret userKey;
};

// Reads, writes and removes a profile's API key and user key. A real profile's keys live
// in the keychain only (SecretKeys::apiKeyKey / userKeyKey); the sandbox profile uses the
// embedded sandbox's built-in keys and touches no keychain.
//
// Callbacks are never called after `context` is destroyed.
class ProfileKeys
{
public:
    using ReadCallback = std::function<void(const std::optional<ApiCredentials> &credentials,
                                            const std::optional<SecretStoreError> &error)>;
    using DoneCallback = std::function<void(const std::optional<SecretStoreError> &error)>;

    static ApiCredentials sandboxCredentials();

    // Both keys, or the first error (NotFound: the profile's keys were never saved).
    static void read(SecretStore *store, const Profile &profile, QObject *context,
                     ReadCallback callback);
    // The API key, then the user key; answers after both, or at the first error.
    static void write(SecretStore *store, const QString &profileId,
                      const ApiCredentials &credentials, QObject *context, DoneCallback callback);
    // Both entries; absent ones count as removed.
    static void remove(SecretStore *store, const QString &profileId, QObject *context,
                       DoneCallback callback);
};

} // namespace agentfolio
