#pragma once

#include "api/apierror.h"
#include "domain/portfolio.h"
#include "domain/requests.h"
#include "domain/secret.h"
#include "store/secretstore.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUuid>
#include <functional>
#include <optional>
#include <type_traits>

namespace agentfolio {

class ApiReply;
class Session;

// What an action ended with, ready to show: a translated sentence, and the typed causes.
struct TokenActionOutcome
{
    bool ok = false;
    QString message; // e.g. "Revoked “bot-1” and forgot it here." / the error
    std::optional<ApiError> apiError; // with requestId, for the copyable line
    std::optional<SecretStoreError> storeError;
    QUuid requestId; // add-token: the request's x-request-id, also on success
};
using TokenActionCallback = std::function<void(const TokenActionOutcome &)>;
// With the token added. When `ok` is false it is empty, unless the token may exist and its
// value came back all the same (an unreadable answer): then it carries that value, without
// an id, for the caller to show, as it was saved nowhere.
using AddTokenCallback = std::function<void(const TokenActionOutcome &, const CreatedToken &)>;

// The token manager's actions on the active profile's portfolios and tokens, each one
// keeping the server, the keychain and the index in step:
// - the server comes first (nothing changes here when it refuses); a 404 on a delete or
//   a revoke means the thing is already gone, which is what the user wanted;
// - a secret leaves the keychain only on the user's request (readSecret), never to fill
//   the view;
// - the index never forgets a token whose secret it could not remove from the keychain
//   while the token may still work (the entry would be orphaned, invisibly).
//
// Every callback is called exactly once, always later (never from inside the call), and
// never after its `context` (or this manager) is destroyed. Actions may overlap; isBusy() tells the
// UI that one is under way.
class TokenManager : public QObject
{
    Q_OBJECT
public:
    explicit TokenManager(Session *session, QObject *parent = nullptr);
    ~TokenManager() override;

    // All act on the session's active profile; callbacks never fire after `context` is destroyed.
    void refresh(QObject *context, TokenActionCallback done); // list + mergeServerList
    void deletePortfolio(const QString &portfolioId, QObject *context, TokenActionCallback done);
    void addToken(const QString &portfolioId, const AddTokenRequest &request, QObject *context,
                  AddTokenCallback done);
    void updateToken(const QString &portfolioId, const QString &tokenId,
                     const UpdateTokenRequest &request, QObject *context, TokenActionCallback done);
    void revokeToken(const QString &portfolioId, const QString &tokenId, QObject *context,
                     TokenActionCallback done);
    void forgetToken(const QString &portfolioId, const QString &tokenId, QObject *context,
                     TokenActionCallback done);
    void storePastedToken(const QString &portfolioId, const QString &tokenId, const Secret &secret,
                          QObject *context, TokenActionCallback done);
    // The only way the view gets a secret: on the user's request (copy, reveal). A token
    // whose secret the hand-off still holds (the keychain refused it) is answered from
    // there, without a keychain read.
    void
    readSecret(const QString &portfolioId, const QString &tokenId, QObject *context,
               std::function<void(const std::optional<Secret> &, const TokenActionOutcome &)> done);

    // "AGENTFOLIO_TOKEN_<NAME>=<secret>": an environment line for an agent's config (name
    // upper-cased, non [A-Z0-9_] characters become '_'; an empty name gives
    // "AGENTFOLIO_TOKEN=<secret>"). Pure; the caller copies it through the ClipboardGuard.
    static QString environmentLine(const QString &tokenName, const Secret &secret);

    bool isBusy() const { return m_inFlight > 0; } // an action is under way

signals:
    void busyChanged(bool busy);
    // A value the user pasted is now in the keychain as this token's secret. Whatever holds
    // the same value unsaved (a create's value that could not be placed) may let it go.
    void pastedSecretStored(const QString &profileId, const QString &portfolioId,
                            const QString &tokenId, const agentfolio::Secret &secret);

private:
    // Starts an action: it counts towards isBusy() until the returned function is called
    // (once; later calls do nothing), which calls `done` unless `context` is gone.
    template<typename... Args>
    std::function<void(Args...)> begin(QObject *context, std::function<void(Args...)> done);
    // Calls `finish` with `args` from the event loop: every answer comes later.
    template<typename... Args>
    void finishLater(std::function<void(Args...)> finish, std::type_identity_t<Args>... args);
    // The session can send (ready); otherwise fills `outcome` with why not.
    bool canSend(TokenActionOutcome *outcome) const;
    bool hasProfile(TokenActionOutcome *outcome) const;
    QString tokenName(const QString &profileId, const QString &portfolioId,
                      const QString &tokenId) const;
    QString portfolioName(const QString &profileId, const QString &portfolioId) const;
    // " The index could not be saved: …" when `saved` is false, else empty.
    QString indexNote(bool saved) const;
    // Hands an added token to the keychain and the index, and answers once the hand-off has
    // (saved, or pending because the keychain refused); `note` ends the message.
    void keepAddedToken(const QString &profileId, const QString &portfolioId,
                        const CreatedToken &created, const QUuid &requestId, const QString &note,
                        const AddTokenCallback &finish);
    // An add-token answer that could not be read still carried the token's value, which eToro
    // shows once: finds the token in the list by its name and keeps it like any added token.
    void placeSalvagedToken(const QString &profileId, const QString &portfolioId,
                            const AddTokenRequest &request, const CreatedToken &salvaged,
                            const ApiError &answerError, const AddTokenCallback &finish);
    // Removes the token's keychain entry, then (only if that worked) its index entry.
    void
    forgetLocally(const QString &profileId, const QString &portfolioId, const QString &tokenId,
                  std::function<void(const std::optional<SecretStoreError> &, bool saved)> done);

    QPointer<Session> m_session;
    int m_inFlight = 0;
};

} // namespace agentfolio
