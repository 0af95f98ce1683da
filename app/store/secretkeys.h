#pragma once

#include <QString>

namespace agentfolio {

// The keychain keys we use. The keychain cannot be listed, and a person browsing it
// (Seahorse, secret-tool, Keychain Access) sees these as the entries' names, so they
// read as paths: app, profile, kind, id.
//   agentfolio/<profile>/api-key
//   agentfolio/<profile>/user-key
//   agentfolio/<profile>/token/<userTokenId>
//   agentfolio/<profile>/keychain-check (for a moment, see keychainCheckKey())
class SecretKeys
{
public:
    static QString apiKeyKey(const QString &profileId);
    static QString userKeyKey(const QString &profileId);
    static QString tokenKey(const QString &profileId, const QString &userTokenId);
    // A short-lived entry, holding nothing secret, that shows the keychain is open.
    static QString keychainCheckKey(const QString &profileId);

    // Profile ids and token ids become path segments: a '/' or an empty id would make
    // keys ambiguous, so such ids are rejected by callers (ProfileStore) and escaped here.
    static QString segment(const QString &id);

private:
    static QString prefix(const QString &profileId);
};

} // namespace agentfolio
