#include "store/tokenhandoff.h"

#include "store/secretkeys.h"
#include "store/storelog.h"

#include <QDateTime>
#include <QFileInfo>
#include <QMetaObject>
#include <QUuid>

namespace agentfolio {

TokenHandOff::TokenHandOff(SecretStore *secrets, PortfolioIndex *index, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_index(index)
{
    Q_ASSERT(secrets);
    Q_ASSERT(index);
}

TokenHandOff::~TokenHandOff()
{
    if (!m_order.isEmpty())
        qCWarning(lcStore) << "the hand-off is destroyed holding" << m_order.size()
                           << "token(s) whose secret is not in the keychain:" << m_order;
}

void TokenHandOff::storeCreated(const QString &profileId, const CreatePortfolioResult &result,
                                Money investment, const QString &description,
                                const QUuid &requestId)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Batch batch;
    batch.profileId = profileId;
    batch.portfolioId = result.portfolio.id;
    IndexedPortfolio portfolio = IndexedPortfolio::fromPortfolio(result.portfolio);
    portfolio.investment = investment;
    portfolio.description = description;
    portfolio.createdByRequestId = requestId;
    if (!portfolio.createdAt)
        portfolio.createdAt = now; // the create answer carries no date: it happened now
    batch.portfolio = portfolio;
    qCInfo(lcStore) << "hand-off: portfolio" << result.portfolio.id << "of profile" << profileId
                    << "with" << result.createdTokens.size() << "token(s)";
    startBatch(std::move(batch), result.createdTokens, result.portfolio.name);
}

void TokenHandOff::storeAddedToken(const QString &profileId, const QString &portfolioId,
                                   const CreatedToken &token)
{
    Batch batch;
    batch.profileId = profileId;
    batch.portfolioId = portfolioId;
    QString portfolioName;
    if (m_index) {
        if (const auto known = m_index->portfolio(profileId, portfolioId))
            portfolioName = known->name;
    }
    qCInfo(lcStore) << "hand-off: token" << token.token.id << "added to portfolio" << portfolioId
                    << "of profile" << profileId;
    startBatch(std::move(batch), { token }, portfolioName);
}

void TokenHandOff::startBatch(Batch batch, const QList<CreatedToken> &tokens,
                              const QString &portfolioName)
{
    const int batchId = m_nextBatchId++;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList toWrite;
    for (const CreatedToken &created : tokens) {
        IndexedToken indexed { created.token, false, false, false, {} };
        if (!indexed.token.createdAt)
            indexed.token.createdAt = now;
        const QString id = created.token.id;
        if (id.isEmpty() || m_tokens.contains(id)) {
            qCWarning(lcStore) << "hand-off: token" << id
                               << "has no id or is already held; its secret is not stored again";
            // One this Agentfolio already holds is still its hand-off: keep it marked.
            if (!id.isEmpty())
                indexed.handOffOwner = owner()->id();
            batch.tokens.append(indexed);
            continue;
        }
        if (created.secret.isEmpty()) {
            qCWarning(lcStore) << "hand-off: the answer carried no secret for token" << id;
            batch.tokens.append(indexed);
            continue;
        }
        // Marked as being handed off by this Agentfolio until the keychain has answered:
        // if it stops before then, the next one knows to look (recoverInterrupted()).
        // Unmarked if this Agentfolio holds no lock (see HandOffOwner::id()).
        indexed.handOffOwner = owner()->id();
        batch.tokens.append(indexed);
        m_tokens.insert(id,
                        PendingToken { batch.profileId, batch.portfolioId, portfolioName, created,
                                       true, std::nullopt });
        m_order.append(id);
        m_tokenBatch.insert(id, batchId);
        m_awaitingFirstAnswer.insert(id);
        toWrite.append(id);
    }
    batch.outstanding = int(toWrite.size());
    if (!toWrite.isEmpty() && !recordBatch(batch))
        qCWarning(lcStore) << "hand-off: the index could not be saved before the keychain write"
                           << "for portfolio" << batch.portfolioId << "; it is kept in memory";
    m_batches.insert(batchId, batch);
    if (toWrite.isEmpty()) {
        // Nothing for the keychain (a 207 answer): the index alone, still asynchronously.
        QMetaObject::invokeMethod(
            this, [this, batchId] { finishBatch(batchId); }, Qt::QueuedConnection);
        return;
    }
    Q_EMIT pendingTokensChanged();
    for (const QString &id : std::as_const(toWrite))
        writeSecret(id);
}

void TokenHandOff::writeSecret(const QString &tokenId)
{
    const PendingToken &pending = m_tokens[tokenId];
    const QString key = SecretKeys::tokenKey(pending.profileId, tokenId);
    if (!m_secrets) {
        secretAnswered(
            tokenId,
            SecretResult { SecretStoreError::make(SecretStoreError::Kind::Other,
                                                  SecretStoreError::Operation::Write, key),
                           Secret() });
        return;
    }
    m_secrets->write(key, pending.token.secret, this, [this, tokenId](const SecretResult &result) {
        secretAnswered(tokenId, result);
    });
}

void TokenHandOff::secretAnswered(const QString &tokenId, const SecretResult &result)
{
    auto it = m_tokens.find(tokenId);
    if (it == m_tokens.end())
        return;
    const QString profileId = it->profileId;
    const QString portfolioId = it->portfolioId;
    const int batchId = m_tokenBatch.value(tokenId, 0);
    const auto batch = m_batches.find(batchId);
    const bool firstAnswer = m_awaitingFirstAnswer.remove(tokenId);

    if (result.ok()) {
        qCInfo(lcStore) << "hand-off: the secret of token" << tokenId << "is in the keychain";
        m_tokens.remove(tokenId);
        m_order.removeAll(tokenId);
        if (batch != m_batches.end()) {
            for (IndexedToken &t : batch->tokens) {
                if (t.token.id == tokenId) {
                    t.secretStored = true;
                    t.handOffOwner.clear();
                }
            }
        } else if (m_index) {
            // A retry after the batch was written: now the index may say so.
            m_index->settleHandOff(profileId, portfolioId, tokenId, true);
        }
        Q_EMIT tokenStored(profileId, portfolioId, tokenId);
    } else {
        qCWarning(lcStore) << "hand-off: the secret of token" << tokenId << "could not be stored ("
                           << SecretStoreError::kindName(result.error->kind)
                           << "); it is kept in memory, pending";
        it->storing = false;
        it->error = result.error;
        Q_EMIT tokenPending(profileId, portfolioId, tokenId, *result.error);
    }
    Q_EMIT pendingTokensChanged();

    if (firstAnswer && batch != m_batches.end() && --batch->outstanding == 0)
        finishBatch(batchId);
}

void TokenHandOff::finishBatch(int batchId)
{
    const auto it = m_batches.find(batchId);
    if (it == m_batches.end())
        return;
    Batch batch = std::move(*it);
    m_batches.remove(batchId);
    // From now on a (retried) token's success goes straight to the index.
    m_tokenBatch.removeIf([batchId](const auto &entry) { return entry.value() == batchId; });
    // Tokens still pending keep their mark: this Agentfolio still holds their secrets.
    const bool saved = recordBatch(batch);
    if (!saved)
        qCWarning(lcStore) << "hand-off: the index could not be saved for portfolio"
                           << batch.portfolioId << "; it is kept in memory";
    Q_EMIT handOffFinished(batch.profileId, batch.portfolioId, saved);
}

bool TokenHandOff::recordBatch(const Batch &batch)
{
    if (!m_index)
        return false;
    if (batch.portfolio) {
        IndexedPortfolio portfolio = *batch.portfolio;
        portfolio.tokens = batch.tokens;
        return m_index->upsertPortfolio(batch.profileId, portfolio);
    }
    bool saved = true;
    for (const IndexedToken &t : batch.tokens)
        saved = m_index->upsertToken(batch.profileId, batch.portfolioId, t) && saved;
    return saved;
}

HandOffOwner *TokenHandOff::owner()
{
    if (!m_owner) {
        const QString indexDirectory =
            m_index ? QFileInfo(m_index->path()).absolutePath() : QString();
        m_owner = std::make_unique<HandOffOwner>(indexDirectory + QStringLiteral("/running"));
    }
    return m_owner.get();
}

void TokenHandOff::recoverInterrupted(const QString &profileId)
{
    if (!m_index || !m_secrets || m_recovering.contains(profileId))
        return;
    QList<InterruptedToken> interrupted;
    const QList<IndexedPortfolio> portfolios = m_index->portfolios(profileId);
    for (const IndexedPortfolio &p : portfolios) {
        for (const IndexedToken &t : p.tokens) {
            if (t.handOffOwner.isEmpty() || m_tokens.contains(t.token.id)
                || owner()->isRunning(t.handOffOwner))
                continue;
            interrupted.append(InterruptedToken { p.id, p.name, t.token.id, t.token.name,
                                                  InterruptedToken::Outcome::Unchecked,
                                                  std::nullopt });
        }
    }
    if (interrupted.isEmpty())
        return;
    qCWarning(lcStore) << "hand-off: profile" << profileId << "has" << interrupted.size()
                       << "token(s) whose hand-off an Agentfolio that stopped did not finish;"
                       << "looking for their secrets in the keychain";
    m_recovering.insert(profileId);
    checkKeychainReadable(
        profileId,
        [this, profileId, interrupted](const std::optional<SecretStoreError> &unreadable) {
            if (unreadable) {
                qCWarning(lcStore) << "hand-off: the keychain cannot be relied on to say what is"
                                   << "missing (" << SecretStoreError::kindName(unreadable->kind)
                                   << "); the interrupted tokens are checked at the next start";
                QList<InterruptedToken> unchecked = interrupted;
                for (InterruptedToken &token : unchecked)
                    token.error = unreadable;
                m_recovering.remove(profileId);
                Q_EMIT interruptedTokensChecked(profileId, unchecked);
                return;
            }
            lookForInterrupted(profileId, interrupted);
        });
}

void TokenHandOff::checkKeychainReadable(
    const QString &profileId,
    const std::function<void(const std::optional<SecretStoreError> &)> &then)
{
    // A locked keychain may answer a read with "no such entry" (gnome-keyring does, when
    // it cannot prompt), which would have a stored token called lost. An entry written
    // and read back right before the lookups shows that the keychain is open and that its
    // "no such entry" can be trusted. The entry holds nothing secret, and is removed.
    const QString key = SecretKeys::keychainCheckKey(profileId);
    const Secret written(QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_secrets->write(key, written, this, [this, key, written, then](const SecretResult &wrote) {
        if (!wrote.ok() || !m_secrets) {
            then(wrote.ok() ? SecretStoreError::make(SecretStoreError::Kind::Other,
                                                     SecretStoreError::Operation::Write, key)
                            : *wrote.error);
            return;
        }
        m_secrets->read(key, this, [this, key, written, then](const SecretResult &read) {
            if (m_secrets)
                m_secrets->remove(key, this, [key](const SecretResult &removed) {
                    if (!removed.ok())
                        qCWarning(lcStore) << "hand-off: could not remove" << key;
                });
            if (!read.ok()) {
                then(read.error);
                return;
            }
            if (!(read.secret == written)) {
                then(SecretStoreError::make(
                    SecretStoreError::Kind::Other, SecretStoreError::Operation::Read, key,
                    tr("the keychain gave back something other than what was just saved")));
                return;
            }
            then(std::nullopt);
        });
    });
}

void TokenHandOff::lookForInterrupted(const QString &profileId,
                                      const QList<InterruptedToken> &interrupted)
{
    auto results = std::make_shared<QList<InterruptedToken>>(interrupted);
    auto outstanding = std::make_shared<int>(int(interrupted.size()));
    for (int i = 0; i < interrupted.size(); ++i) {
        const InterruptedToken &token = interrupted.at(i);
        const QString key = SecretKeys::tokenKey(profileId, token.tokenId);
        m_secrets->read(
            key, this, [this, profileId, results, outstanding, i](const SecretResult &result) {
                InterruptedToken &token = (*results)[i];
                if (!m_index) {
                    token.error = SecretStoreError::make(
                        SecretStoreError::Kind::Other, SecretStoreError::Operation::Read,
                        SecretKeys::tokenKey(profileId, token.tokenId));
                } else if (result.ok()) {
                    token.outcome = InterruptedToken::Outcome::Found;
                    m_index->settleHandOff(profileId, token.portfolioId, token.tokenId, true);
                } else if (result.error->kind == SecretStoreError::Kind::NotFound) {
                    token.outcome = InterruptedToken::Outcome::Lost;
                    m_index->settleHandOff(profileId, token.portfolioId, token.tokenId, false);
                } else {
                    token.error = result.error; // left marked: asked again next time
                }
                qCWarning(lcStore)
                    << "hand-off: interrupted token" << token.tokenId
                    << (token.outcome == InterruptedToken::Outcome::Found ? "found in the keychain"
                            : token.outcome == InterruptedToken::Outcome::Lost
                            ? "not in the keychain: its secret is lost"
                            : "could not be checked");
                if (--*outstanding > 0)
                    return;
                m_recovering.remove(profileId);
                Q_EMIT interruptedTokensChecked(profileId, *results);
            });
    }
}

QList<PendingToken> TokenHandOff::pendingTokens() const
{
    QList<PendingToken> list;
    for (const QString &id : m_order)
        list.append(m_tokens.value(id));
    return list;
}

std::optional<PendingToken> TokenHandOff::pendingToken(const QString &tokenId) const
{
    const auto it = m_tokens.constFind(tokenId);
    if (it == m_tokens.constEnd())
        return std::nullopt;
    return *it;
}

bool TokenHandOff::retry(const QString &tokenId)
{
    auto it = m_tokens.find(tokenId);
    if (it == m_tokens.end() || it->storing)
        return false;
    qCInfo(lcStore) << "hand-off: retrying the secret of token" << tokenId;
    it->storing = true;
    Q_EMIT pendingTokensChanged();
    writeSecret(tokenId);
    return true;
}

bool TokenHandOff::discard(const QString &tokenId)
{
    const auto it = m_tokens.find(tokenId);
    if (it == m_tokens.end() || it->storing)
        return false;
    qCWarning(lcStore) << "hand-off: the user discarded the secret of token" << tokenId
                       << "; it was never stored";
    const QString profileId = it->profileId;
    const QString portfolioId = it->portfolioId;
    m_tokens.remove(tokenId);
    m_order.removeAll(tokenId);
    // The user let it go: it is no longer being handed off, here or by anyone.
    const auto batch = m_batches.find(m_tokenBatch.value(tokenId, 0));
    if (batch != m_batches.end()) {
        for (IndexedToken &t : batch->tokens) {
            if (t.token.id == tokenId)
                t.handOffOwner.clear();
        }
    }
    // On disk now, not only when the batch finishes: a crash in between must not report
    // as lost a token the user chose to let go.
    if (m_index)
        m_index->settleHandOff(profileId, portfolioId, tokenId, false);
    Q_EMIT pendingTokensChanged();
    return true;
}

} // namespace agentfolio
