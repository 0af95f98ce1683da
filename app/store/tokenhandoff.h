#pragma once

#include "domain/money.h"
#include "domain/portfolio.h"
#include "store/handoffowner.h"
#include "store/portfolioindex.h"
#include "store/secretstore.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUuid>
#include <functional>
#include <memory>
#include <optional>

namespace agentfolio {

// A token whose secret is not (yet) in the keychain. It exists only in this object's
// memory: it is never written anywhere else, and never dropped without discard().
struct PendingToken
{
    QString profileId;
    QString portfolioId;
    QString portfolioName;
    CreatedToken token; // with its secret, for display and copy on the user's request
    bool storing = false; // a keychain write is under way (first attempt or retry)
    std::optional<SecretStoreError> error; // why the last attempt failed
};

// A token whose hand-off an earlier Agentfolio began and never finished (it was killed
// between the keychain write and the index write, say), as recoverInterrupted() found it.
struct InterruptedToken
{
    enum class Outcome {
        Found, // the secret is in the keychain after all; the index now says so
        Lost, // the secret never reached the keychain: eToro cannot show it again
        Unchecked, // the keychain could not be asked (see error); asked again next time
    };
    QString portfolioId;
    QString portfolioName;
    QString tokenId;
    QString tokenName;
    Outcome outcome = Outcome::Unchecked;
    std::optional<SecretStoreError> error; // for Unchecked
};

// Makes a create or add-token answer durable, in three steps, so that a crash at any
// point leaves the token found or reported, never silently lost:
//  1. the portfolio and its tokens go to the index, each token marked with this
//     Agentfolio's hand-off owner id (money moved: the portfolio must be known even if
//     nothing else works);
//  2. each token's secret goes to the keychain;
//  3. the index records which secrets made it and clears the marks.
// recoverInterrupted() finishes what an Agentfolio that stopped between 1 and 3 began.
//
// A secret the keychain refused stays here as a pending token: the caller is told which
// and why (tokenPending), can show and copy it, retry() it, and only an explicit
// discard() forgets it. Nothing is ever written in plain text.
class TokenHandOff : public QObject
{
    Q_OBJECT
public:
    TokenHandOff(SecretStore *secrets, PortfolioIndex *index, QObject *parent = nullptr);
    ~TokenHandOff() override;

    // `investment`, `description` and `requestId` are what was sent: the server does not
    // return them, and the index keeps them.
    void storeCreated(const QString &profileId, const CreatePortfolioResult &result,
                      Money investment, const QString &description, const QUuid &requestId);
    void storeAddedToken(const QString &profileId, const QString &portfolioId,
                         const CreatedToken &token);

    // Every token not yet in the keychain, in the order received.
    QList<PendingToken> pendingTokens() const;
    // This running Agentfolio's mark (made on first use, beside the index). Creates whose
    // outcome is unknown are marked with it too (CreateFlow).
    HandOffOwner *owner();
    std::optional<PendingToken> pendingToken(const QString &tokenId) const;
    bool hasPendingTokens() const { return !m_order.isEmpty(); }

    // Writes a failed token's secret again. False if there is no such failed token (or a
    // write for it is already under way).
    bool retry(const QString &tokenId);
    // Forgets a failed token's secret, for good: only on the user's explicit consent.
    // False if there is no such failed token (or a write for it is under way).
    bool discard(const QString &tokenId);

    // Looks in the keychain for the secret of every token of the profile whose hand-off
    // an Agentfolio that is no longer running began and never finished, and settles each
    // in the index (found: stored; not found: not stored). Emits interruptedTokensChecked
    // once, later, if there were any. Never reads a value it keeps: only whether it is there.
    void recoverInterrupted(const QString &profileId);

Q_SIGNALS:
    void tokenStored(const QString &profileId, const QString &portfolioId, const QString &tokenId);
    void tokenPending(const QString &profileId, const QString &portfolioId, const QString &tokenId,
                      const agentfolio::SecretStoreError &error);
    // A token entered or left the pending set, or its state (storing, error) changed.
    void pendingTokensChanged();
    // All tokens of one storeCreated()/storeAddedToken() call have had their first answer
    // and the index was written (indexSaved false: see the index's status()).
    void handOffFinished(const QString &profileId, const QString &portfolioId, bool indexSaved);
    void interruptedTokensChecked(const QString &profileId,
                                  const QList<agentfolio::InterruptedToken> &tokens);

private:
    struct Batch
    {
        QString profileId;
        QString portfolioId;
        std::optional<IndexedPortfolio> portfolio; // set for a create
        QList<IndexedToken> tokens;
        int outstanding = 0;
    };

    void startBatch(Batch batch, const QList<CreatedToken> &tokens, const QString &portfolioName);
    void writeSecret(const QString &tokenId);
    void secretAnswered(const QString &tokenId, const SecretResult &result);
    void finishBatch(int batchId);
    // Writes the batch's portfolio or tokens to the index as they stand.
    bool recordBatch(const Batch &batch);
    // Answers (later) whether a "no such entry" from the keychain can be trusted now:
    // nullopt when it can, else why not.
    void
    checkKeychainReadable(const QString &profileId,
                          const std::function<void(const std::optional<SecretStoreError> &)> &then);
    void lookForInterrupted(const QString &profileId, const QList<InterruptedToken> &interrupted);

    QPointer<SecretStore> m_secrets;
    QPointer<PortfolioIndex> m_index;
    QHash<QString, PendingToken> m_tokens; // by token id
    QHash<QString, int> m_tokenBatch; // token id -> its batch, while the batch is open
    QSet<QString> m_awaitingFirstAnswer; // tokens whose first keychain write is under way
    QList<QString> m_order;
    QHash<int, Batch> m_batches;
    int m_nextBatchId = 1;
    std::unique_ptr<HandOffOwner> m_owner; // made on first use, beside the index
    QSet<QString> m_recovering; // profiles whose recoverInterrupted() is under way
};

} // namespace agentfolio
