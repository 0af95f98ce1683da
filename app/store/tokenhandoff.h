#pragma once

#include "domain/money.h"
#include "domain/portfolio.h"
#include "store/portfolioindex.h"
#include "store/secretstore.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUuid>
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

// Makes a create or add-token answer durable: each token's secret goes to the keychain
// first, then the portfolio and its tokens go to the index (with `secretStored` telling
// which secrets made it). The portfolio is recorded even if no secret could be stored:
// money moved, so it must be known.
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
    std::optional<PendingToken> pendingToken(const QString &tokenId) const;
    bool hasPendingTokens() const { return !m_order.isEmpty(); }

    // Writes a failed token's secret again. False if there is no such failed token (or a
    // write for it is already under way).
    bool retry(const QString &tokenId);
    // Forgets a failed token's secret, for good: only on the user's explicit consent.
    // False if there is no such failed token (or a write for it is under way).
    bool discard(const QString &tokenId);

Q_SIGNALS:
    void tokenStored(const QString &profileId, const QString &portfolioId, const QString &tokenId);
    void tokenPending(const QString &profileId, const QString &portfolioId, const QString &tokenId,
                      const agentfolio::SecretStoreError &error);
    // A token entered or left the pending set, or its state (storing, error) changed.
    void pendingTokensChanged();
    // All tokens of one storeCreated()/storeAddedToken() call have had their first answer
    // and the index was written (indexSaved false: see the index's status()).
    void handOffFinished(const QString &profileId, const QString &portfolioId, bool indexSaved);

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

    QPointer<SecretStore> m_secrets;
    QPointer<PortfolioIndex> m_index;
    QHash<QString, PendingToken> m_tokens; // by token id
    QHash<QString, int> m_tokenBatch; // token id -> its batch, while the batch is open
    QSet<QString> m_awaitingFirstAnswer; // tokens whose first keychain write is under way
    QList<QString> m_order;
    QHash<int, Batch> m_batches;
    int m_nextBatchId = 1;
};

} // namespace agentfolio
