#include "store/profilekeys.h"

#include "sandbox/sandboxserver.h"
#include "store/secretkeys.h"

#include <QMetaObject>
#include <QPointer>

#include <utility>

namespace agentfolio {

ApiCredentials ProfileKeys::sandboxCredentials()
{
    return ApiCredentials { Secret(SandboxServer::builtInApiKey()),
                            Secret(SandboxServer::builtInUserKey()) };
}

void ProfileKeys::read(SecretStore *store, const Profile &profile, QObject *context,
                       ReadCallback callback)
{
    if (profile.isSandbox) {
        // Still asynchronous, like every answer from the keychain.
        QMetaObject::invokeMethod(
            context,
            [callback = std::move(callback)] { callback(sandboxCredentials(), std::nullopt); },
            Qt::QueuedConnection);
        return;
    }
    const QString userKeyKey = SecretKeys::userKeyKey(profile.id);
    store->read(SecretKeys::apiKeyKey(profile.id), context,
                [store = QPointer<SecretStore>(store), userKeyKey, context,
                 callback = std::move(callback)](const SecretResult &api) {
                    if (!api.ok()) {
                        callback(std::nullopt, api.error);
                        return;
                    }
                    if (!store) {
                        callback(std::nullopt,
                                 SecretStoreError::make(SecretStoreError::Kind::Other,
                                                        SecretStoreError::Operation::Read,
                                                        userKeyKey));
                        return;
                    }
                    const Secret apiKey = api.secret;
                    store->read(userKeyKey, context, [apiKey, callback](const SecretResult &user) {
                        if (!user.ok())
                            callback(std::nullopt, user.error);
                        else
                            callback(ApiCredentials { apiKey, user.secret }, std::nullopt);
                    });
                });
}

void ProfileKeys::write(SecretStore *store, const QString &profileId,
                        const ApiCredentials &credentials, QObject *context, DoneCallback callback)
{
    const QString userKeyKey = SecretKeys::userKeyKey(profileId);
    const Secret userKey = credentials.userKey;
    store->write(SecretKeys::apiKeyKey(profileId), credentials.apiKey, context,
                 [store = QPointer<SecretStore>(store), userKeyKey, userKey, context,
                  callback = std::move(callback)](const SecretResult &api) {
                     if (!api.ok() || !store) {
                         callback(api.ok() ? SecretStoreError::make(
                                      SecretStoreError::Kind::Other,
                                      SecretStoreError::Operation::Write, userKeyKey)
                                           : *api.error);
                         return;
                     }
                     store->write(userKeyKey, userKey, context,
                                  [callback](const SecretResult &user) { callback(user.error); });
                 });
}

void ProfileKeys::remove(SecretStore *store, const QString &profileId, QObject *context,
                         DoneCallback callback)
{
    const QString userKeyKey = SecretKeys::userKeyKey(profileId);
    store->remove(SecretKeys::apiKeyKey(profileId), context,
                  [store = QPointer<SecretStore>(store), userKeyKey, context,
                   callback = std::move(callback)](const SecretResult &api) {
                      if (!store) {
                          callback(api.error);
                          return;
                      }
                      // The user key goes even if the API key could not: less left behind.
                      store->remove(userKeyKey, context,
                                    [apiError = api.error, callback](const SecretResult &user) {
                                        callback(apiError ? apiError : user.error);
                                    });
                  });
}

} // namespace agentfolio
