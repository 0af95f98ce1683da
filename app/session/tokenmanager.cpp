#include "session/tokenmanager.h"

#include "api/apiclient.h"
#include "api/apireply.h"
#include "session/session.h"
#include "session/sessionlog.h"
#include "store/portfolioindex.h"
#include "store/secretkeys.h"
#include "store/tokenhandoff.h"

#include <QMetaObject>
#include <algorithm>
#include <memory>
#include <utility>

namespace agentfolio {

namespace {

QString requestIdOf(const ApiReply *reply)
{
    return reply->requestId().toString(QUuid::WithoutBraces);
}

QString statusOf(const ApiReply *reply)
{
    return reply->error() ? reply->error()->summary() : QStringLiteral("ok");
}

// Deletes the reply once it has finished, whoever listens (or no longer listens) to it.
ApiReply *ownedUntilFinished(ApiReply *reply)
{
    QObject::connect(reply, &ApiReply::finished, reply, &QObject::deleteLater);
    return reply;
}

bool isNotFound(const ApiReply *reply)
{
    return reply->error() && reply->error()->kind == ApiError::Kind::NotFound;
}

} // namespace

TokenManager::TokenManager(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    Q_ASSERT(session);
}

TokenManager::~TokenManager() = default;

template<typename... Args>
std::function<void(Args...)> TokenManager::begin(QObject *context,
                                                 std::function<void(Args...)> done)
{
    if (m_inFlight++ == 0)
        emit busyChanged(true);
    QPointer<TokenManager> self(this);
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    auto called = std::make_shared<bool>(false);
    return [self, guard, hadContext, called, done = std::move(done)](Args... args) {
        if (*called)
            return;
        *called = true;
        if (self && --self->m_inFlight == 0)
            emit self->busyChanged(false);
        if ((hadContext && !guard) || !done)
            return;
        done(args...);
    };
}

template<typename... Args>
void TokenManager::finishLater(std::function<void(Args...)> finish,
                               std::type_identity_t<Args>... args)
{
    QMetaObject::invokeMethod(
        this, [finish, args...] { finish(args...); }, Qt::QueuedConnection);
}

bool TokenManager::hasProfile(TokenActionOutcome *outcome) const
{
    if (m_session && !m_session->activeProfile().id.isEmpty())
        return true;
    outcome->ok = false;
    outcome->message = tr("No account is open.");
    return false;
}

bool TokenManager::canSend(TokenActionOutcome *outcome) const
{
    if (!hasProfile(outcome))
        return false;
    if (m_session->isReady())
        return true;
    outcome->ok = false;
    outcome->message = m_session->problem().isEmpty()
        ? tr("Not connected to the account yet; wait a moment and try again.")
        : tr("Not connected to the account: %1").arg(m_session->problem());
    return false;
}

QString TokenManager::tokenName(const QString &profileId, const QString &portfolioId,
                                const QString &tokenId) const
{
    if (m_session) {
        if (const auto token = m_session->index()->token(profileId, portfolioId, tokenId);
            token && !token->token.name.isEmpty())
            return token->token.name;
    }
    return tokenId;
}

QString TokenManager::portfolioName(const QString &profileId, const QString &portfolioId) const
{
    if (m_session) {
        if (const auto portfolio = m_session->index()->portfolio(profileId, portfolioId);
            portfolio && !portfolio->name.isEmpty())
            return portfolio->name;
    }
    return portfolioId;
}

QString TokenManager::indexNote(bool saved) const
{
    if (saved || !m_session)
        return {};
    const QString status = m_session->index()->status().message;
    return QLatin1Char(' ')
        + (status.isEmpty()
               ? tr("The change is kept in memory but could not be saved to the index file yet.")
               : tr("The change is kept in memory but could not be saved: %1").arg(status));
}

// ---- refresh ----------------------------------------------------------------------------

void TokenManager::refresh(QObject *context, TokenActionCallback done)
{
    auto finish = begin(context, std::move(done));
    TokenActionOutcome refused;
    if (!canSend(&refused)) {
        finishLater(finish, refused);
        return;
    }
    const QString profileId = m_session->activeProfile().id;
    qCInfo(lcSession).noquote() << "token manager: refresh of profile" << profileId;
    ApiReply *reply = ownedUntilFinished(m_session->client()->listPortfolios());
    connect(reply, &ApiReply::finished, this, [this, reply, profileId, finish] {
        qCInfo(lcSession).noquote() << "token manager: refresh of profile" << profileId << "->"
                                    << statusOf(reply) << "request id" << requestIdOf(reply);
        TokenActionOutcome outcome;
        if (!reply->isOk()) {
            // The index is left as it was: a failed list says nothing about what exists.
            outcome.apiError = *reply->error();
            outcome.message = tr("The list could not be refreshed.") + QLatin1Char(' ')
                + outcome.apiError->message();
            finish(outcome);
            return;
        }
        if (!m_session) {
            outcome.message = tr("No account is open.");
            finish(outcome);
            return;
        }
        IndexMergeSummary summary;
        const bool saved =
            m_session->index()->mergeServerList(profileId, reply->portfolios(), &summary);
        QStringList parts;
        if (summary.portfoliosAdded)
            parts << tr("%n new portfolio(s)", nullptr, summary.portfoliosAdded);
        if (summary.portfoliosGone)
            parts << tr("%n portfolio(s) no longer on eToro", nullptr, summary.portfoliosGone);
        if (summary.tokensAdded)
            parts << tr("%n new token(s)", nullptr, summary.tokensAdded);
        if (summary.tokensGone)
            parts << tr("%n token(s) no longer on eToro", nullptr, summary.tokensGone);
        outcome.ok = true;
        outcome.message = parts.isEmpty()
            ? tr("Up to date: %n portfolio(s) on eToro, nothing new.", nullptr,
                 int(reply->portfolios().size()))
            : tr("Refreshed: %1.").arg(parts.join(QStringLiteral(", ")));
        outcome.message += indexNote(saved);
        finish(outcome);
    });
}

// ---- portfolio deletion -----------------------------------------------------------------

void TokenManager::deletePortfolio(const QString &portfolioId, QObject *context,
                                   TokenActionCallback done)
{
    auto finish = begin(context, std::move(done));
    TokenActionOutcome refused;
    if (!canSend(&refused)) {
        finishLater(finish, refused);
        return;
    }
    const QString profileId = m_session->activeProfile().id;
    const QString name = portfolioName(profileId, portfolioId);
    qCInfo(lcSession).noquote() << "token manager: delete portfolio" << portfolioId << "of profile"
                                << profileId;
    ApiReply *reply = ownedUntilFinished(m_session->client()->deletePortfolio(portfolioId));
    connect(reply, &ApiReply::finished, this, [this, reply, profileId, portfolioId, name, finish] {
        qCInfo(lcSession).noquote() << "token manager: delete portfolio" << portfolioId << "->"
                                    << statusOf(reply) << "request id" << requestIdOf(reply);
        if (!reply->isOk() && !isNotFound(reply)) {
            TokenActionOutcome outcome;
            outcome.apiError = *reply->error();
            outcome.message = tr("“%1” was not deleted.").arg(name) + QLatin1Char(' ')
                + outcome.apiError->message();
            finish(outcome);
            return;
        }
        if (!m_session) {
            finish(TokenActionOutcome { false, tr("No account is open."), {}, {}, {} });
            return;
        }
        // Gone on the server (deleted now, or before): every token of it is revoked, so
        // its secrets are useless. They leave the keychain as far as it lets them, and
        // the portfolio leaves the index even if some could not.
        const bool alreadyGone = !reply->isOk();
        std::optional<ApiError> notFound;
        if (alreadyGone)
            notFound = *reply->error();
        QStringList tokenIds;
        if (const auto known = m_session->index()->portfolio(profileId, portfolioId)) {
            for (const IndexedToken &token : known->tokens)
                tokenIds << token.token.id;
        }
        struct Removal
        {
            int outstanding = 0;
            int failures = 0;
            std::optional<SecretStoreError> firstError;
        };
        auto removal = std::make_shared<Removal>();
        removal->outstanding = int(tokenIds.size());
        auto conclude = [this, profileId, portfolioId, name, alreadyGone, notFound, removal,
                         finish] {
            TokenActionOutcome outcome;
            outcome.ok = true;
            outcome.apiError = notFound;
            outcome.storeError = removal->firstError;
            bool saved = true;
            if (m_session)
                saved = m_session->index()->removePortfolio(profileId, portfolioId);
            outcome.message = alreadyGone
                ? tr("“%1” was already deleted on eToro; it is forgotten here.").arg(name)
                : tr("Deleted “%1” on eToro: its copy mirror stopped and its tokens were "
                     "revoked.")
                      .arg(name);
            if (removal->failures > 0) {
                qCWarning(lcSession)
                    << "token manager:" << removal->failures << "secret(s) of deleted portfolio"
                    << portfolioId << "could not be removed from the keychain";
                outcome.message += QLatin1Char(' ')
                    + tr("%n token secret(s) could not be removed from the keychain (they no "
                         "longer work):",
                         nullptr, removal->failures)
                    + QLatin1Char(' ') + removal->firstError->message;
            }
            outcome.message += indexNote(saved);
            finish(outcome);
        };
        if (tokenIds.isEmpty()) {
            conclude();
            return;
        }
        for (const QString &tokenId : std::as_const(tokenIds)) {
            const QString key = SecretKeys::tokenKey(profileId, tokenId);
            m_session->secrets()->remove(
                key, this, [this, tokenId, removal, conclude](const SecretResult &result) {
                    if (!result.ok() && result.error->kind != SecretStoreError::Kind::NotFound) {
                        ++removal->failures;
                        if (!removal->firstError)
                            removal->firstError = result.error;
                    } else if (m_session) {
                        m_session->handOff()->discard(tokenId);
                    }
                    if (--removal->outstanding == 0)
                        conclude();
                });
        }
    });
}

// ---- tokens on the server ---------------------------------------------------------------

void TokenManager::addToken(const QString &portfolioId, const AddTokenRequest &request,
                            QObject *context, AddTokenCallback done)
{
    auto finish = begin(context, std::move(done));
    TokenActionOutcome refused;
    if (!canSend(&refused)) {
        finishLater(finish, refused, CreatedToken());
        return;
    }
    const QString profileId = m_session->activeProfile().id;
    qCInfo(lcSession).noquote() << "token manager: add token" << request.tokenName << "to portfolio"
                                << portfolioId << "of profile" << profileId;
    ApiReply *reply = ownedUntilFinished(m_session->client()->addToken(portfolioId, request));
    const QString requestedName = request.tokenName;
    connect(reply, &ApiReply::finished, this,
            [this, reply, profileId, portfolioId, request, requestedName, finish] {
                qCInfo(lcSession).noquote()
                    << "token manager: add token to portfolio" << portfolioId << "->"
                    << statusOf(reply) << "request id" << requestIdOf(reply);
                if (reply->isOk()) {
                    keepAddedToken(profileId, portfolioId, reply->createdToken(),
                                   reply->requestId(), QString(), finish);
                    return;
                }
                const ApiError error = *reply->error();
                if (error.kind == ApiError::Kind::OutcomeUnknown
                    && !reply->salvagedTokens().isEmpty()) {
                    placeSalvagedToken(profileId, portfolioId, request,
                                       reply->salvagedTokens().constFirst(), error, finish);
                    return;
                }
                TokenActionOutcome outcome;
                outcome.apiError = error;
                outcome.requestId = reply->requestId();
                // An unknown outcome is no refusal: the token may exist, its value lost.
                outcome.message =
                    (error.kind == ApiError::Kind::OutcomeUnknown ? tr("“%1” may have been added.")
                                                                  : tr("“%1” was not added."))
                        .arg(requestedName)
                    + QLatin1Char(' ') + error.message();
                finish(outcome, CreatedToken());
            });
}

void TokenManager::placeSalvagedToken(const QString &profileId, const QString &portfolioId,
                                      const AddTokenRequest &request, const CreatedToken &salvaged,
                                      const ApiError &answerError, const AddTokenCallback &finish)
{
    const QString requestedName = request.tokenName;
    // The value is kept for the caller whatever happens here: it exists nowhere else. What
    // the unreadable answer did not say is described as asked for, which the server accepted.
    CreatedToken held = salvaged;
    if (held.token.name.isEmpty())
        held.token.name = request.tokenName;
    if (held.token.scopeIds.isEmpty())
        held.token.scopeIds = request.scopeIds;
    if (held.token.ipsWhitelist.isEmpty())
        held.token.ipsWhitelist = request.ipsWhitelist;
    if (!held.token.expiresAt)
        held.token.expiresAt = request.expiresAt;
    // `pasteCanSave`: the token may yet show up alone under its name, with no value, where
    // Paste value… would save this one.
    auto notPlaced = [requestedName, held, answerError, finish](const QString &why,
                                                                bool pasteCanSave) {
        TokenActionOutcome outcome;
        outcome.apiError = answerError;
        outcome.requestId = answerError.requestId;
        outcome.message =
            tr("“%1” was most likely added: eToro said yes, and its answer, unreadable in part, "
               "carried the token's value. Agentfolio could not tie the value to a token on "
               "eToro (%2), so it is saved nowhere: put it in your agent's configuration or a "
               "password manager now.")
                .arg(requestedName, why);
        if (pasteCanSave)
            outcome.message += QLatin1Char(' ')
                + tr("Once the token is listed under Portfolios and tokens, Paste value… there "
                     "saves it.");
        finish(outcome, held);
    };
    if (!m_session) {
        notPlaced(tr("no account is open"), true);
        return;
    }
    qCInfo(lcSession).noquote() << "token manager: looking up the added token" << requestedName
                                << "of portfolio" << portfolioId << "by its name";
    ApiReply *list = ownedUntilFinished(m_session->client()->listPortfolios());
    connect(
        list, &ApiReply::finished, this,
        [this, list, profileId, portfolioId, requestedName, salvaged, answerError, finish,
         notPlaced] {
            qCInfo(lcSession).noquote() << "token manager: look-up of the added token ->"
                                        << statusOf(list) << "request id" << requestIdOf(list);
            if (!list->isOk()) {
                notPlaced(list->error()->message(), true);
                return;
            }
            if (!m_session) {
                notPlaced(tr("no account is open"), true);
                return;
            }
            const auto portfolio =
                std::find_if(list->portfolios().cbegin(), list->portfolios().cend(),
                             [&portfolioId](const Portfolio &p) { return p.id == portfolioId; });
            if (portfolio == list->portfolios().cend()) {
                notPlaced(tr("the portfolio is not listed"), true);
                return;
            }
            // Token names are unique in a portfolio, and the server accepted this one, so
            // the token listed under it is the one just added; unless the index already
            // holds a secret for it, which is never replaced by another.
            const auto named = [name = requestedName](const UserToken &t) {
                return t.name == name;
            };
            const auto listed =
                std::find_if(portfolio->tokens.cbegin(), portfolio->tokens.cend(), named);
            if (listed == portfolio->tokens.cend()) {
                notPlaced(tr("no token of that name is listed"), true);
                return;
            }
            if (std::count_if(portfolio->tokens.cbegin(), portfolio->tokens.cend(), named) > 1) {
                notPlaced(tr("more than one token of that name is listed"), false);
                return;
            }
            const auto known = m_session->index()->token(profileId, portfolioId, listed->id);
            if ((known && known->secretStored) || m_session->handOff()->pendingToken(listed->id)) {
                notPlaced(tr("the listed token of that name already has a value here"), false);
                return;
            }
            CreatedToken placed;
            placed.token = *listed;
            placed.secret = salvaged.secret;
            keepAddedToken(profileId, portfolioId, placed, answerError.requestId,
                           tr("Its answer could not be read but carried the token's value, "
                              "and the token was found on eToro by its name."),
                           finish);
        });
}

void TokenManager::keepAddedToken(const QString &profileId, const QString &portfolioId,
                                  const CreatedToken &created, const QUuid &requestId,
                                  const QString &note, const AddTokenCallback &finish)
{
    if (!m_session) {
        TokenActionOutcome outcome;
        outcome.message = tr("No account is open.");
        outcome.requestId = requestId;
        finish(outcome, created); // the value, for the caller to show: it is nowhere else
        return;
    }
    const QString tokenId = created.token.id;
    const QString portfolio = portfolioName(profileId, portfolioId);
    TokenHandOff *handOff = m_session->handOff();
    // The hand-off owns durability (keychain, then index) and the pending state of a secret
    // the keychain refused; this waits for its first answer so the user learns where the
    // secret is.
    auto pendingError = std::make_shared<std::optional<SecretStoreError>>();
    auto connections = std::make_shared<QList<QMetaObject::Connection>>();
    connections->append(
        connect(handOff, &TokenHandOff::tokenPending, this,
                [tokenId, pendingError](const QString &, const QString &, const QString &id,
                                        const SecretStoreError &error) {
                    if (id == tokenId)
                        *pendingError = error;
                }));
    connections->append(connect(
        handOff, &TokenHandOff::handOffFinished, this,
        [this, profileId, portfolioId, tokenId, portfolio, created, requestId, note, pendingError,
         connections, finish](const QString &profile, const QString &port, bool saved) {
            if (profile != profileId || port != portfolioId || !m_session
                || !m_session->index()->token(profileId, portfolioId, tokenId))
                return; // another batch of the same portfolio
            if (const auto held = m_session->handOff()->pendingToken(tokenId);
                held && held->storing)
                return; // another batch finished first: this token's write is still under way
            for (const QMetaObject::Connection &c : std::as_const(*connections))
                disconnect(c);
            TokenActionOutcome outcome;
            outcome.ok = true;
            outcome.requestId = requestId;
            const QString name = created.token.name;
            if (*pendingError) {
                outcome.storeError = *pendingError;
                outcome.message =
                    tr("Added “%1” to “%2”, but its secret could not be saved in the keychain:")
                        .arg(name, portfolio)
                    + QLatin1Char(' ') + (*pendingError)->message + QLatin1Char(' ')
                    + tr("It is kept in memory only: retry saving it, or copy it into your "
                         "agent's configuration or a password manager now.");
            } else {
                outcome.message =
                    tr("Added “%1” to “%2”. Its secret is in the keychain.").arg(name, portfolio);
            }
            if (!note.isEmpty())
                outcome.message += QLatin1Char(' ') + note;
            outcome.message += indexNote(saved);
            finish(outcome, created);
        }));
    handOff->storeAddedToken(profileId, portfolioId, created);
}

void TokenManager::updateToken(const QString &portfolioId, const QString &tokenId,
                               const UpdateTokenRequest &request, QObject *context,
                               TokenActionCallback done)
{
    auto finish = begin(context, std::move(done));
    TokenActionOutcome refused;
    if (request.isEmpty()) {
        // The server would answer NoChangesDetected: no need to spend a request on it.
        refused.message = tr("Nothing changed.");
        finishLater(finish, refused);
        return;
    }
    if (!canSend(&refused)) {
        finishLater(finish, refused);
        return;
    }
    const QString profileId = m_session->activeProfile().id;
    const QString name = tokenName(profileId, portfolioId, tokenId);
    qCInfo(lcSession).noquote() << "token manager: update token" << tokenId << "of portfolio"
                                << portfolioId << "of profile" << profileId;
    ApiReply *reply =
        ownedUntilFinished(m_session->client()->updateToken(portfolioId, tokenId, request));
    connect(reply, &ApiReply::finished, this,
            [this, reply, profileId, portfolioId, tokenId, request, name, finish] {
                qCInfo(lcSession).noquote()
                    << "token manager: update token" << tokenId << "->" << statusOf(reply)
                    << "request id" << requestIdOf(reply);
                TokenActionOutcome outcome;
                if (!reply->isOk()) {
                    outcome.apiError = *reply->error();
                    outcome.message =
                        reply->error()->errorCode == QLatin1String("NoChangesDetected")
                        ? tr("Nothing changed.")
                        : tr("“%1” was not updated.").arg(name) + QLatin1Char(' ')
                            + outcome.apiError->message();
                    finish(outcome);
                    return;
                }
                bool saved = true;
                if (m_session) {
                    PortfolioIndex *index = m_session->index();
                    if (auto known = index->token(profileId, portfolioId, tokenId)) {
                        if (request.scopeIds)
                            known->token.scopeIds = *request.scopeIds;
                        if (request.ipsWhitelist)
                            known->token.ipsWhitelist = *request.ipsWhitelist;
                        if (request.expiresAt)
                            known->token.expiresAt = request.expiresAt->toUTC();
                        saved = index->upsertToken(profileId, portfolioId, *known);
                    }
                }
                outcome.ok = true;
                outcome.message = tr("Updated “%1”.").arg(name) + indexNote(saved);
                finish(outcome);
            });
}

void TokenManager::revokeToken(const QString &portfolioId, const QString &tokenId, QObject *context,
                               TokenActionCallback done)
{
    auto finish = begin(context, std::move(done));
    TokenActionOutcome refused;
    if (!canSend(&refused)) {
        finishLater(finish, refused);
        return;
    }
    const QString profileId = m_session->activeProfile().id;
    const QString name = tokenName(profileId, portfolioId, tokenId);
    qCInfo(lcSession).noquote() << "token manager: revoke token" << tokenId << "of portfolio"
                                << portfolioId << "of profile" << profileId;
    ApiReply *reply = ownedUntilFinished(m_session->client()->revokeToken(portfolioId, tokenId));
    connect(reply, &ApiReply::finished, this,
            [this, reply, profileId, portfolioId, tokenId, name, finish] {
                qCInfo(lcSession).noquote()
                    << "token manager: revoke token" << tokenId << "->" << statusOf(reply)
                    << "request id" << requestIdOf(reply);
                if (!reply->isOk() && !isNotFound(reply)) {
                    // Rate limited, network, ...: the token still works; nothing changes here.
                    TokenActionOutcome outcome;
                    outcome.apiError = *reply->error();
                    outcome.message = tr("“%1” was not revoked.").arg(name) + QLatin1Char(' ')
                        + outcome.apiError->message();
                    finish(outcome);
                    return;
                }
                if (!m_session) {
                    finish(TokenActionOutcome { false, tr("No account is open."), {}, {}, {} });
                    return;
                }
                // A 404: eToro no longer has it, which is what revoking wanted.
                const bool alreadyGone = !reply->isOk();
                std::optional<ApiError> notFound;
                if (alreadyGone)
                    notFound = *reply->error();
                // Recorded first, so that the index tells the truth even if the keychain
                // refuses the removal below (then the token stays, marked revoked).
                m_session->index()->setRevoked(profileId, portfolioId, tokenId);
                forgetLocally(
                    profileId, portfolioId, tokenId,
                    [name, alreadyGone, notFound, finish,
                     this](const std::optional<SecretStoreError> &error, bool saved) {
                        TokenActionOutcome outcome;
                        outcome.ok = true;
                        outcome.apiError = notFound;
                        if (error) {
                            outcome.storeError = error;
                            outcome.message =
                                tr("Revoked “%1” on eToro, but its secret could not be removed "
                                   "from the keychain:")
                                    .arg(name)
                                + QLatin1Char(' ') + error->message + QLatin1Char(' ')
                                + tr("It stays listed as revoked; forget it to try again.");
                        } else if (alreadyGone) {
                            outcome.message =
                                tr("eToro no longer had “%1”; it is forgotten here.").arg(name);
                        } else {
                            outcome.message = tr("Revoked “%1” and forgot it here.").arg(name);
                        }
                        outcome.message += indexNote(saved);
                        finish(outcome);
                    });
            });
}

// ---- local only -------------------------------------------------------------------------

void TokenManager::forgetLocally(
    const QString &profileId, const QString &portfolioId, const QString &tokenId,
    std::function<void(const std::optional<SecretStoreError> &, bool saved)> done)
{
    const QString key = SecretKeys::tokenKey(profileId, tokenId);
    m_session->secrets()->remove(
        key, this,
        [this, profileId, portfolioId, tokenId,
         done = std::move(done)](const SecretResult &result) {
            if (!result.ok() && result.error->kind != SecretStoreError::Kind::NotFound) {
                // The index entry stays: without it the keychain entry would be orphaned,
                // and nothing would show that a secret is still stored.
                qCWarning(lcSession).noquote()
                    << "token manager: the secret of token" << tokenId
                    << "could not be removed from the keychain ("
                    << SecretStoreError::kindName(result.error->kind) << "); it stays in the index";
                done(result.error, true);
                return;
            }
            bool saved = true;
            if (m_session) {
                // A secret the keychain refused earlier is held by the hand-off: it goes too.
                m_session->handOff()->discard(tokenId);
                saved = m_session->index()->removeToken(profileId, portfolioId, tokenId);
            }
            qCInfo(lcSession).noquote()
                << "token manager: forgot token" << tokenId << "of portfolio" << portfolioId
                << "of profile" << profileId;
            done(std::nullopt, saved);
        });
}

void TokenManager::forgetToken(const QString &portfolioId, const QString &tokenId, QObject *context,
                               TokenActionCallback done)
{
    auto finish = begin(context, std::move(done));
    TokenActionOutcome refused;
    if (!hasProfile(&refused)) {
        finishLater(finish, refused);
        return;
    }
    const QString profileId = m_session->activeProfile().id;
    const QString name = tokenName(profileId, portfolioId, tokenId);
    const auto known = m_session->index()->token(profileId, portfolioId, tokenId);
    const bool stillWorks = known && !known->revoked && !known->goneFromServer;
    qCInfo(lcSession).noquote() << "token manager: forget token" << tokenId << "of portfolio"
                                << portfolioId << "of profile" << profileId;
    forgetLocally(
        profileId, portfolioId, tokenId,
        [this, name, stillWorks, finish](const std::optional<SecretStoreError> &error, bool saved) {
            TokenActionOutcome outcome;
            if (error) {
                outcome.storeError = error;
                outcome.message =
                    tr("“%1” was not forgotten:").arg(name) + QLatin1Char(' ') + error->message;
                finish(outcome);
                return;
            }
            outcome.ok = true;
            outcome.message = stillWorks
                ? tr("Forgot “%1” here. It still works on eToro until it is revoked.").arg(name)
                : tr("Forgot “%1” here.").arg(name);
            outcome.message += indexNote(saved);
            finish(outcome);
        });
}

void TokenManager::storePastedToken(const QString &portfolioId, const QString &tokenId,
                                    const Secret &secret, QObject *context,
                                    TokenActionCallback done)
{
    auto finish = begin(context, std::move(done));
    TokenActionOutcome refused;
    if (!hasProfile(&refused)) {
        finishLater(finish, refused);
        return;
    }
    const QString profileId = m_session->activeProfile().id;
    const QString name = tokenName(profileId, portfolioId, tokenId);
    const Secret trimmed(secret.reveal().trimmed());
    if (trimmed.isEmpty()) {
        refused.message = tr("There is nothing to store: paste the token's secret first.");
        finishLater(finish, refused);
        return;
    }
    const bool hasSpace = std::any_of(trimmed.reveal().cbegin(), trimmed.reveal().cend(),
                                      [](QChar c) { return c.isSpace() || c.isNull(); });
    if (hasSpace) {
        // Two lines pasted at once, most likely: storing them would store a broken token.
        refused.message = tr("A token's secret has no spaces or line breaks: paste the secret "
                             "alone.");
        finishLater(finish, refused);
        return;
    }
    if (!m_session->index()->token(profileId, portfolioId, tokenId)) {
        refused.message = tr("Agentfolio does not know this token: refresh the list, then paste "
                             "its secret again.");
        finishLater(finish, refused);
        return;
    }
    qCInfo(lcSession).noquote() << "token manager: store a pasted secret for token" << tokenId
                                << "of portfolio" << portfolioId << "of profile" << profileId;
    const QString key = SecretKeys::tokenKey(profileId, tokenId);
    m_session->secrets()->write(
        key, trimmed, this,
        [this, profileId, portfolioId, tokenId, name, trimmed, finish](const SecretResult &result) {
            TokenActionOutcome outcome;
            if (!result.ok()) {
                qCWarning(lcSession).noquote()
                    << "token manager: the pasted secret of token" << tokenId
                    << "could not be stored (" << SecretStoreError::kindName(result.error->kind)
                    << ")";
                outcome.storeError = result.error;
                outcome.message = tr("The secret of “%1” was not stored:").arg(name)
                    + QLatin1Char(' ') + result.error->message;
                finish(outcome);
                return;
            }
            bool saved = true;
            if (m_session)
                saved = m_session->index()->setSecretStored(profileId, portfolioId, tokenId, true);
            outcome.ok = true;
            outcome.message =
                tr("Stored the secret of “%1” in the keychain.").arg(name) + indexNote(saved);
            emit pastedSecretStored(profileId, portfolioId, tokenId, trimmed);
            finish(outcome);
        });
}

void TokenManager::readSecret(
    const QString &portfolioId, const QString &tokenId, QObject *context,
    std::function<void(const std::optional<Secret> &, const TokenActionOutcome &)> done)
{
    auto finish = begin(context, std::move(done));
    TokenActionOutcome outcome;
    if (!hasProfile(&outcome)) {
        finishLater(finish, std::optional<Secret>(), outcome);
        return;
    }
    const QString profileId = m_session->activeProfile().id;
    const QString name = tokenName(profileId, portfolioId, tokenId);
    if (const auto pending = m_session->handOff()->pendingToken(tokenId);
        pending && pending->profileId == profileId) {
        // Not in the keychain (it refused), but still held in memory: the only copy.
        qCInfo(lcSession).noquote() << "token manager: secret of token" << tokenId
                                    << "given from the hand-off's pending tokens";
        outcome.ok = true;
        outcome.message = tr("The secret of “%1” is not in the keychain yet; this is the only "
                             "copy.")
                              .arg(name);
        finishLater(finish, std::optional<Secret>(pending->token.secret), outcome);
        return;
    }
    qCInfo(lcSession).noquote() << "token manager: read the secret of token" << tokenId
                                << "of portfolio" << portfolioId << "of profile" << profileId;
    const QString key = SecretKeys::tokenKey(profileId, tokenId);
    m_session->secrets()->read(
        key, this,
        [this, profileId, portfolioId, tokenId, name, finish](const SecretResult &result) {
            TokenActionOutcome outcome;
            PortfolioIndex *index = m_session ? m_session->index() : nullptr;
            if (result.ok()) {
                // The keychain has it: the index says so too (it may have been put back).
                if (index) {
                    if (const auto known = index->token(profileId, portfolioId, tokenId);
                        known && !known->secretStored)
                        index->setSecretStored(profileId, portfolioId, tokenId, true);
                }
                outcome.ok = true;
                outcome.message = tr("Read the secret of “%1” from the keychain.").arg(name);
                finish(std::optional<Secret>(result.secret), outcome);
                return;
            }
            qCWarning(lcSession).noquote()
                << "token manager: the secret of token" << tokenId << "could not be read ("
                << SecretStoreError::kindName(result.error->kind) << ")";
            outcome.storeError = result.error;
            if (result.error->kind == SecretStoreError::Kind::NotFound) {
                if (index)
                    index->setSecretStored(profileId, portfolioId, tokenId, false);
                outcome.message =
                    tr("The secret of “%1” is not in the keychain. eToro cannot show it again: "
                       "revoke this token and add a new one.")
                        .arg(name);
            } else {
                outcome.message = result.error->message;
            }
            finish(std::nullopt, outcome);
        });
}

// ---- pure -------------------------------------------------------------------------------

QString TokenManager::environmentLine(const QString &tokenName, const Secret &secret)
{
    QString name;
    // By code point, so that a character outside the BMP becomes one '_', not two.
    const QList<uint> codePoints = tokenName.trimmed().toUpper().toUcs4();
    for (const uint c : codePoints) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        name += plain ? QChar(char16_t(c)) : QLatin1Char('_');
    }
    QString line = QStringLiteral("AGENTFOLIO_TOKEN");
    if (!name.isEmpty())
        line += QLatin1Char('_') + name;
    return line + QLatin1Char('=') + secret.reveal();
}

} // namespace agentfolio
