// The token manager against the real sandbox over loopback, a Session on temporary paths
// and an in-memory keychain: every action's success and its documented failures, each
// leaving the server, the keychain and the index consistent.
#include "api/apiclient.h"
#include "sandbox/sandboxserver.h"
#include "session/createflow.h"
#include "session/session.h"
#include "session/tokenmanager.h"
#include "store/memorysecretstore.h"
#include "store/portfolioindex.h"
#include "store/secretkeys.h"
#include "store/tokenhandoff.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <tuple>
#include <type_traits>

using namespace agentfolio;
using Fault = SandboxServer::Fault;
using StoreKind = SecretStoreError::Kind;

namespace {

constexpr int Timeout = 10000;

// What a callback received, and whether it came later, as promised.
template<typename... Args>
struct Answer
{
    int calls = 0;
    bool synchronous = false;
    std::tuple<std::decay_t<Args>...> values;
};

} // namespace

class TestTokenManager : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void refreshAddsNewPortfoliosWithoutSecrets();
    void refreshMarksPortfolioDeletedBehindOurBack();
    void refreshFailureLeavesIndexUntouched_data();
    void refreshFailureLeavesIndexUntouched();

    void deletePortfolioRevokesAndForgets();
    void deletePortfolioAlreadyGoneIsForgotten();
    void deletePortfolioKeychainFailureStillForgets();
    void deletePortfolioServerErrorChangesNothing();

    void addTokenStoresSecretAndIndexes();
    void addTokenRefusals_data();
    void addTokenRefusals();
    void addTokenKeychainFailureKeepsSecretPending();
    void addTokenUnreadableAnswerIsFoundByNameAndKept();
    void addTokenUnreadableAnswerNotFoundHandsBackTheValue_data();
    void addTokenUnreadableAnswerNotFoundHandsBackTheValue();
    void addTokenLostAnswerIsNeverNotAdded();
    void addTokenOutcomeWaitsForItsOwnKeychainWrite();

    void updateTokenUpdatesIndex();
    void updateTokenWithoutChanges();

    void revokeTokenForgetsLocally();
    void revokeTokenGoneFromServerIsStillForgotten();
    void revokeTokenRateLimitedChangesNothing();
    void revokeTokenKeychainFailureKeepsItMarkedRevoked();

    void forgetTokenRemovesSecretAndEntryOnly();
    void forgetTokenKeychainFailureKeepsEntry_data();
    void forgetTokenKeychainFailureKeepsEntry();

    void storePastedTokenForTokenCreatedElsewhere();
    void storePastedTokenRefusals_data();
    void storePastedTokenRefusals();
    void storePastedTokenKeychainFailure();

    void readSecretReturnsTheStoredSecret();
    void readSecretMissingMarksIndex();
    void readSecretKeychainFailure_data();
    void readSecretKeychainFailure();

    void busyCoversOverlappingActions();
    void callbackNotCalledAfterContextDestroyed();
    void refusesWithoutAConnectedAccount();

    void environmentLine_data();
    void environmentLine();

private:
    QString profile() const { return Profile::sandboxId(); }
    SandboxServer *sandbox() const { return m_session->sandbox(); }
    PortfolioIndex *index() const { return m_session->index(); }
    QString tokenKey(const QString &tokenId) const
    {
        return SecretKeys::tokenKey(profile(), tokenId);
    }
    // A portfolio created through the app: its token's secret in the keychain.
    bool createPortfolio(const QString &name, CreatePortfolioResult *result);
    // A portfolio created elsewhere: the server has it, the app knows nothing of it.
    bool createOnServerOnly(const QString &name, Portfolio *portfolio, QString *tokenId = nullptr);
    bool serverCall(ApiReply *reply);
    std::optional<UserToken> serverToken(const QString &portfolioId, const QString &tokenId) const;

    // Starts an action and waits for its answer.
    template<typename... Args>
    Answer<Args...>
    wait(const std::type_identity_t<std::function<void(std::function<void(Args...)>)>> &start);
    std::optional<TokenActionOutcome> act(const std::function<void(TokenActionCallback)> &start);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TokenManager> m_manager;
};

void TestTokenManager::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_secrets = std::make_unique<MemorySecretStore>();
    SessionOptions options;
    options.indexPath = m_dir->filePath(QStringLiteral("index.json"));
    options.settingsFile = m_dir->filePath(QStringLiteral("settings.ini"));
    options.sandboxStateFile = m_dir->filePath(QStringLiteral("sandbox.json"));
    options.secretStore = m_secrets.get();
    m_session = std::make_unique<Session>(options);
    m_session->activate(Profile::sandboxId());
    QTRY_VERIFY(m_session->isReady());
    QVERIFY(m_session->sandbox());
    m_manager = std::make_unique<TokenManager>(m_session.get());
}

void TestTokenManager::cleanup()
{
    m_manager.reset();
    m_session.reset();
    m_secrets.reset();
    m_dir.reset();
}

template<typename... Args>
Answer<Args...> TestTokenManager::wait(
    const std::type_identity_t<std::function<void(std::function<void(Args...)>)>> &start)
{
    auto answer = std::make_shared<Answer<Args...>>();
    auto returned = std::make_shared<bool>(false);
    start([answer, returned](Args... args) {
        ++answer->calls;
        answer->synchronous = answer->synchronous || !*returned;
        answer->values = std::make_tuple(std::decay_t<Args>(args)...);
    });
    *returned = true;
    if (!QTest::qWaitFor([answer] { return answer->calls > 0; }, Timeout))
        qWarning() << "no answer within" << Timeout << "ms";
    // A second call would come soon after the first, if at all.
    QTest::qWait(10);
    return *answer;
}

std::optional<TokenActionOutcome>
TestTokenManager::act(const std::function<void(TokenActionCallback)> &start)
{
    const auto answer = wait<const TokenActionOutcome &>(start);
    if (answer.calls != 1 || answer.synchronous) {
        qWarning() << "the callback was called" << answer.calls << "time(s)"
                   << (answer.synchronous ? "synchronously" : "");
        return std::nullopt;
    }
    return std::get<0>(answer.values);
}

bool TestTokenManager::createPortfolio(const QString &name, CreatePortfolioResult *result)
{
    CreateFlow flow(m_session.get());
    QSignalSpy finished(m_session->handOff(), &TokenHandOff::handOffFinished);
    CreatePortfolioRequest request;
    request.investment = Money::fromCents(200000);
    request.portfolioName = name;
    request.tokenName = QStringLiteral("agent-token");
    request.scopeIds = { 200, 202 };
    if (!flow.submit(request))
        return false;
    if (!QTest::qWaitFor([&] { return flow.state() == CreateFlow::State::Succeeded; }, Timeout))
        return false;
    if (!QTest::qWaitFor([&] { return finished.size() == 1; }, Timeout))
        return false;
    *result = flow.result();
    return !result->createdTokens.isEmpty();
}

bool TestTokenManager::serverCall(ApiReply *reply)
{
    QSignalSpy finished(reply, &ApiReply::finished);
    const bool ok = finished.wait(Timeout) && reply->isOk();
    if (!ok && reply->error())
        qWarning().noquote() << "server call failed:" << reply->error()->summary();
    return ok;
}

bool TestTokenManager::createOnServerOnly(const QString &name, Portfolio *portfolio,
                                          QString *tokenId)
{
    CreatePortfolioRequest request;
    request.investment = Money::fromCents(300000);
    request.portfolioName = name;
    request.tokenName = QStringLiteral("elsewhere");
    request.scopeIds = { 201 };
    ApiReply *reply = m_session->client()->createPortfolio(request);
    if (!serverCall(reply))
        return false;
    *portfolio = reply->createResult().portfolio;
    if (tokenId && !reply->createResult().createdTokens.isEmpty())
        *tokenId = reply->createResult().createdTokens.first().token.id;
    return true;
}

std::optional<UserToken> TestTokenManager::serverToken(const QString &portfolioId,
                                                       const QString &tokenId) const
{
    for (const Portfolio &portfolio : sandbox()->portfolios()) {
        if (portfolio.id != portfolioId)
            continue;
        for (const UserToken &token : portfolio.tokens) {
            if (token.id == tokenId)
                return token;
        }
    }
    return std::nullopt;
}

// ---- refresh ----------------------------------------------------------------------------

void TestTokenManager::refreshAddsNewPortfoliosWithoutSecrets()
{
    Portfolio elsewhere;
    QVERIFY(createOnServerOnly(QStringLiteral("Remote1"), &elsewhere));
    QVERIFY(!index()->portfolio(profile(), elsewhere.id));
    const int keychainCalls = m_secrets->startedCount();

    const auto outcome = act([&](auto done) { m_manager->refresh(this, done); });
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->message));
    QVERIFY2(outcome->message.contains(QStringLiteral("1 new portfolio")),
             qPrintable(outcome->message));
    QVERIFY2(outcome->message.contains(QStringLiteral("1 new token")),
             qPrintable(outcome->message));
    const auto indexed = index()->portfolio(profile(), elsewhere.id);
    QVERIFY(indexed);
    QCOMPARE(indexed->name, QStringLiteral("Remote1"));
    QCOMPARE(indexed->gcid, elsewhere.gcid);
    QCOMPARE(indexed->mirrorId, elsewhere.mirrorId);
    QCOMPARE(indexed->tokens.size(), 1);
    QVERIFY(!indexed->tokens.first().secretStored);
    // Refreshing the view reads no secret.
    QCOMPARE(m_secrets->startedCount(), keychainCalls);

    // Nothing new the second time.
    const auto again = act([&](auto done) { m_manager->refresh(this, done); });
    QVERIFY(again && again->ok);
    QVERIFY2(again->message.contains(QStringLiteral("Up to date")), qPrintable(again->message));
}

void TestTokenManager::refreshMarksPortfolioDeletedBehindOurBack()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Doomed1"), &created));
    const QString id = created.portfolio.id;
    QVERIFY(serverCall(m_session->client()->deletePortfolio(id)));

    const auto outcome = act([&](auto done) { m_manager->refresh(this, done); });
    QVERIFY(outcome && outcome->ok);
    QVERIFY2(outcome->message.contains(QStringLiteral("1 portfolio")),
             qPrintable(outcome->message));
    QVERIFY2(outcome->message.contains(QStringLiteral("no longer on eToro")),
             qPrintable(outcome->message));
    const auto indexed = index()->portfolio(profile(), id);
    QVERIFY(indexed); // marked, never silently dropped
    QVERIFY(indexed->goneFromServer);
    // Its secret is still here: only the user decides to forget it.
    QVERIFY(m_secrets->contains(tokenKey(created.createdTokens.first().token.id)));
}

enum class Trouble { Unauthorized, RateLimited, ServerError, Dropped };

void TestTokenManager::refreshFailureLeavesIndexUntouched_data()
{
    QTest::addColumn<Trouble>("trouble");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::newRow("401") << Trouble::Unauthorized << ApiError::Kind::Unauthorized;
    QTest::newRow("429") << Trouble::RateLimited << ApiError::Kind::RateLimited;
    QTest::newRow("500") << Trouble::ServerError << ApiError::Kind::ServerError;
    QTest::newRow("network") << Trouble::Dropped << ApiError::Kind::Network;
}

void TestTokenManager::refreshFailureLeavesIndexUntouched()
{
    QFETCH(Trouble, trouble);
    QFETCH(ApiError::Kind, kind);
    CreatePortfolioResult known;
    QVERIFY(createPortfolio(QStringLiteral("Known01"), &known));
    // The server has changed since: a successful refresh would change the index.
    Portfolio elsewhere;
    QVERIFY(createOnServerOnly(QStringLiteral("Remote1"), &elsewhere));
    QVERIFY(serverCall(m_session->client()->deletePortfolio(known.portfolio.id)));
    const QList<IndexedPortfolio> before = index()->portfolios(profile());

    switch (trouble) {
    case Trouble::Unauthorized:
        sandbox()->setRequiredKeys(QStringLiteral("another-api-key"),
                                   QStringLiteral("another-user-key"));
        break;
    case Trouble::RateLimited:
        sandbox()->setRateLimit(1, 60);
        QVERIFY(serverCall(m_session->client()->listPortfolios()));
        break;
    case Trouble::ServerError:
        sandbox()->injectFault({ Fault::Kind::ServerError500, 0, "GET", {}, 1 });
        break;
    case Trouble::Dropped:
        // Qt may send a GET again on a fresh connection: every attempt is dropped.
        sandbox()->injectFault({ Fault::Kind::DropBeforeProcessing, 0, "GET", {}, 5 });
        break;
    }

    const auto outcome = act([&](auto done) { m_manager->refresh(this, done); });
    QVERIFY(outcome);
    QVERIFY(!outcome->ok);
    QVERIFY(outcome->apiError);
    QCOMPARE(outcome->apiError->kind, kind);
    QVERIFY(!outcome->apiError->requestId.isNull());
    QVERIFY(outcome->message.contains(outcome->apiError->message()));
    if (trouble == Trouble::RateLimited)
        QVERIFY2(outcome->message.contains(QStringLiteral("Try again in")),
                 qPrintable(outcome->message));
    QCOMPARE(index()->portfolios(profile()), before);
}

// ---- portfolio deletion -----------------------------------------------------------------

void TestTokenManager::deletePortfolioRevokesAndForgets()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Delete1"), &created));
    CreatePortfolioResult other;
    QVERIFY(createPortfolio(QStringLiteral("Keep001"), &other));
    const QString id = created.portfolio.id;
    AddTokenRequest second;
    second.tokenName = QStringLiteral("second");
    second.scopeIds = { 201 };
    const auto added = wait<const TokenActionOutcome &, const CreatedToken &>(
        [&](auto done) { m_manager->addToken(id, second, this, done); });
    QVERIFY(added.calls == 1 && std::get<0>(added.values).ok);
    const QString firstToken = created.createdTokens.first().token.id;
    const QString secondToken = std::get<1>(added.values).token.id;
    QVERIFY(m_secrets->contains(tokenKey(firstToken)));
    QVERIFY(m_secrets->contains(tokenKey(secondToken)));

    const auto outcome = act([&](auto done) { m_manager->deletePortfolio(id, this, done); });
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->message));
    QVERIFY(!outcome->apiError);
    QVERIFY(!outcome->storeError);
    QVERIFY2(outcome->message.contains(QStringLiteral("Delete1")), qPrintable(outcome->message));
    QCOMPARE(sandbox()->portfolios().size(), 1);
    QVERIFY(!index()->portfolio(profile(), id));
    QVERIFY(!m_secrets->contains(tokenKey(firstToken)));
    QVERIFY(!m_secrets->contains(tokenKey(secondToken)));
    // The other portfolio is untouched.
    QVERIFY(index()->portfolio(profile(), other.portfolio.id));
    QVERIFY(m_secrets->contains(tokenKey(other.createdTokens.first().token.id)));
}

void TestTokenManager::deletePortfolioAlreadyGoneIsForgotten()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Gone001"), &created));
    const QString id = created.portfolio.id;
    QVERIFY(serverCall(m_session->client()->deletePortfolio(id)));

    const auto outcome = act([&](auto done) { m_manager->deletePortfolio(id, this, done); });
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->message));
    QVERIFY(outcome->apiError);
    QCOMPARE(outcome->apiError->kind, ApiError::Kind::NotFound);
    QVERIFY2(outcome->message.contains(QStringLiteral("already deleted")),
             qPrintable(outcome->message));
    QVERIFY(!index()->portfolio(profile(), id));
    QVERIFY(!m_secrets->contains(tokenKey(created.createdTokens.first().token.id)));
}

void TestTokenManager::deletePortfolioKeychainFailureStillForgets()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Locked1"), &created));
    const QString id = created.portfolio.id;
    const QString key = tokenKey(created.createdTokens.first().token.id);
    m_secrets->setKeyFailure(key, StoreKind::AccessDenied);

    const auto outcome = act([&](auto done) { m_manager->deletePortfolio(id, this, done); });
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->message)); // the server deleted it
    QVERIFY(outcome->storeError);
    QCOMPARE(outcome->storeError->kind, StoreKind::AccessDenied);
    QVERIFY2(outcome->message.contains(outcome->storeError->message), qPrintable(outcome->message));
    QVERIFY(sandbox()->portfolios().isEmpty());
    // Revoked tokens' secrets are useless: the portfolio leaves the index all the same.
    QVERIFY(!index()->portfolio(profile(), id));
    QVERIFY(m_secrets->contains(key));
}

void TestTokenManager::deletePortfolioServerErrorChangesNothing()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Stays01"), &created));
    const QString id = created.portfolio.id;
    const auto before = index()->portfolio(profile(), id);
    QVERIFY(before);
    sandbox()->injectFault({ Fault::Kind::ServerError500, 0, "DELETE", {}, 1 });

    const auto outcome = act([&](auto done) { m_manager->deletePortfolio(id, this, done); });
    QVERIFY(outcome);
    QVERIFY(!outcome->ok);
    QVERIFY(outcome->apiError);
    QCOMPARE(outcome->apiError->kind, ApiError::Kind::ServerError);
    QVERIFY2(outcome->message.contains(QStringLiteral("was not deleted")),
             qPrintable(outcome->message));
    QCOMPARE(index()->portfolio(profile(), id), before);
    QVERIFY(m_secrets->contains(tokenKey(created.createdTokens.first().token.id)));
    QCOMPARE(sandbox()->portfolios().size(), 1);
}

// ---- add ---------------------------------------------------------------------------------

void TestTokenManager::addTokenStoresSecretAndIndexes()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("AddTo01"), &created));
    const QString id = created.portfolio.id;
    AddTokenRequest request;
    request.tokenName = QStringLiteral("bot-2");
    request.scopeIds = { 201, 203 };
    request.ipsWhitelist = { QStringLiteral("10.0.0.1") };

    const auto answer = wait<const TokenActionOutcome &, const CreatedToken &>(
        [&](auto done) { m_manager->addToken(id, request, this, done); });
    QCOMPARE(answer.calls, 1);
    QVERIFY(!answer.synchronous);
    const auto &[outcome, token] = answer.values;
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QVERIFY(!outcome.storeError);
    QVERIFY2(outcome.message.contains(QStringLiteral("bot-2")), qPrintable(outcome.message));
    QVERIFY(!token.secret.isEmpty());
    QCOMPARE(token.token.name, QStringLiteral("bot-2"));

    const auto stored = m_secrets->value(tokenKey(token.token.id));
    QVERIFY(stored && *stored == token.secret);
    const auto indexed = index()->token(profile(), id, token.token.id);
    QVERIFY(indexed);
    QVERIFY(indexed->secretStored);
    QCOMPARE(indexed->token.scopeIds, (QList<int> { 201, 203 }));
    QCOMPARE(indexed->token.ipsWhitelist, QStringList { QStringLiteral("10.0.0.1") });
    QVERIFY(serverToken(id, token.token.id));
}

enum class AddTrouble { DuplicateName, Quota, UnknownPortfolio, BadIp };

void TestTokenManager::addTokenRefusals_data()
{
    QTest::addColumn<AddTrouble>("trouble");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<Field>("field");
    QTest::newRow("409 name taken")
        << AddTrouble::DuplicateName << ApiError::Kind::Conflict << Field::TokenName;
    QTest::newRow("429 quota") << AddTrouble::Quota << ApiError::Kind::TokenQuotaExceeded
                               << Field::None;
    QTest::newRow("404 portfolio")
        << AddTrouble::UnknownPortfolio << ApiError::Kind::NotFound << Field::None;
    QTest::newRow("400 bad ip") << AddTrouble::BadIp << ApiError::Kind::Validation
                                << Field::IpAllowList;
}

void TestTokenManager::addTokenRefusals()
{
    QFETCH(AddTrouble, trouble);
    QFETCH(ApiError::Kind, kind);
    QFETCH(Field, field);
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Refuse1"), &created));
    QString id = created.portfolio.id;
    AddTokenRequest request;
    request.tokenName = QStringLiteral("fresh-name");
    request.scopeIds = { 200 };
    switch (trouble) {
    case AddTrouble::DuplicateName:
        request.tokenName = created.createdTokens.first().token.name;
        break;
    case AddTrouble::Quota:
        // Fill the portfolio up to the server's cap behind the manager's back.
        for (int i = 1; i < 10; ++i) {
            AddTokenRequest filler;
            filler.tokenName = QStringLiteral("filler-%1").arg(i);
            filler.scopeIds = { 200 };
            QVERIFY(serverCall(m_session->client()->addToken(id, filler)));
        }
        break;
    case AddTrouble::UnknownPortfolio:
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        break;
    case AddTrouble::BadIp:
        request.ipsWhitelist = { QStringLiteral("999.1.2.3") };
        break;
    }
    const QList<IndexedPortfolio> before = index()->portfolios(profile());
    const QStringList keysBefore = m_secrets->keys();

    const auto answer = wait<const TokenActionOutcome &, const CreatedToken &>(
        [&](auto done) { m_manager->addToken(id, request, this, done); });
    QCOMPARE(answer.calls, 1);
    const auto &[outcome, token] = answer.values;
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.apiError);
    QCOMPARE(outcome.apiError->kind, kind);
    QCOMPARE(outcome.apiError->field, field);
    QVERIFY(!outcome.apiError->requestId.isNull());
    QVERIFY2(outcome.message.contains(outcome.apiError->message()), qPrintable(outcome.message));
    QVERIFY(token.secret.isEmpty());
    QCOMPARE(index()->portfolios(profile()), before);
    QCOMPARE(m_secrets->keys(), keysBefore);
    QVERIFY(!m_session->handOff()->hasPendingTokens());
}

void TestTokenManager::addTokenKeychainFailureKeepsSecretPending()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Pendin1"), &created));
    const QString id = created.portfolio.id;
    m_secrets->setFailure(StoreKind::NoKeychain);
    AddTokenRequest request;
    request.tokenName = QStringLiteral("unsaved");
    request.scopeIds = { 200 };

    const auto answer = wait<const TokenActionOutcome &, const CreatedToken &>(
        [&](auto done) { m_manager->addToken(id, request, this, done); });
    QCOMPARE(answer.calls, 1);
    const auto &[outcome, token] = answer.values;
    QVERIFY(outcome.ok); // the token exists on eToro
    QVERIFY(outcome.storeError);
    QCOMPARE(outcome.storeError->kind, StoreKind::NoKeychain);
    QVERIFY2(outcome.message.contains(QStringLiteral("kept in memory")),
             qPrintable(outcome.message));
    QVERIFY(!token.secret.isEmpty());
    const auto indexed = index()->token(profile(), id, token.token.id);
    QVERIFY(indexed);
    QVERIFY(!indexed->secretStored);
    QVERIFY(m_session->handOff()->pendingToken(token.token.id));

    // The pending secret can still be copied, without asking the (absent) keychain.
    const int keychainCalls = m_secrets->startedCount();
    // By name: clang 14 cannot capture a structured binding.
    const QString tokenId = token.token.id;
    const auto read = wait<const std::optional<Secret> &, const TokenActionOutcome &>(
        [&](auto done) { m_manager->readSecret(id, tokenId, this, done); });
    QCOMPARE(read.calls, 1);
    QVERIFY(!read.synchronous);
    QVERIFY(std::get<0>(read.values) && *std::get<0>(read.values) == token.secret);
    QCOMPARE(m_secrets->startedCount(), keychainCalls);
}

// The server added the token, but its answer lacks the token's id: the value it carried is
// eToro's only copy, so the manager finds the token by its name and keeps it.
void TestTokenManager::addTokenUnreadableAnswerIsFoundByNameAndKept()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Salvag1"), &created));
    const QString id = created.portfolio.id;
    SandboxServer::Fault fault;
    fault.kind = SandboxServer::Fault::Kind::WithoutIds;
    fault.method = "POST";
    sandbox()->injectFault(fault);
    AddTokenRequest request;
    request.tokenName = QStringLiteral("bot-2");
    request.scopeIds = { 201 };

    const auto answer = wait<const TokenActionOutcome &, const CreatedToken &>(
        [&](auto done) { m_manager->addToken(id, request, this, done); });
    QCOMPARE(answer.calls, 1);
    const auto &[outcome, token] = answer.values;
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QVERIFY2(outcome.message.contains(QStringLiteral("found on eToro by its name")),
             qPrintable(outcome.message));
    QVERIFY(!outcome.requestId.isNull());
    QCOMPARE(token.token.name, QStringLiteral("bot-2"));
    const auto onServer = serverToken(id, token.token.id);
    QVERIFY2(onServer, "the kept token is not the one the server added");
    const auto stored = m_secrets->value(tokenKey(token.token.id));
    QVERIFY(stored && stored->reveal().startsWith(QLatin1String("sk_sandbox_")));
    QVERIFY(*stored == token.secret);
    const auto indexed = index()->token(profile(), id, token.token.id);
    QVERIFY(indexed && indexed->secretStored);
    QCOMPARE(sandbox()->requestCount("POST"), 2); // the create, and this one add
}

// An unreadable yes, but the token is not in the list: the value goes back to the caller, who
// must show it, never dropped.
// What stands between an unreadable yes and the token it was for.
enum class Salvage {
    NotListed, // the server did not add it after all
    ListFails, // the look-up is answered 500
    ListedTwice, // the list names two tokens so (never from a real server)
    AlreadyStored, // a token of that name is already in the keychain
    HandOffHolds, // a token of that name is held by the hand-off, the keychain having refused
};

void TestTokenManager::addTokenUnreadableAnswerNotFoundHandsBackTheValue_data()
{
    QTest::addColumn<Salvage>("salvage");
    QTest::addColumn<QString>("reason"); // in the message
    // Whether the message suggests Paste value…, which only works on a token listed alone
    // under its name without a value.
    QTest::addColumn<bool>("pasteAdvice");
    QTest::newRow("not listed") << Salvage::NotListed
                                << QStringLiteral("no token of that name is listed") << true;
    QTest::newRow("the list fails") << Salvage::ListFails << QStringLiteral("500") << true;
    QTest::newRow("listed twice") << Salvage::ListedTwice
                                  << QStringLiteral("more than one token of that name is listed")
                                  << false;
    QTest::newRow("already in the keychain")
        << Salvage::AlreadyStored
        << QStringLiteral("the listed token of that name already has a value here") << false;
    QTest::newRow("held by the hand-off")
        << Salvage::HandOffHolds
        << QStringLiteral("the listed token of that name already has a value here") << false;
}

void TestTokenManager::addTokenUnreadableAnswerNotFoundHandsBackTheValue()
{
    QFETCH(Salvage, salvage);
    QFETCH(QString, reason);
    QFETCH(bool, pasteAdvice);
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Salvag2"), &created));
    const QString id = created.portfolio.id;
    AddTokenRequest request;
    request.tokenName = QStringLiteral("bot-3");
    request.scopeIds = { 201 };

    // A token already named so, whose value must not be replaced by the salvaged one.
    CreatedToken earlier;
    if (salvage == Salvage::AlreadyStored || salvage == Salvage::HandOffHolds) {
        if (salvage == Salvage::HandOffHolds)
            m_secrets->setFailure(StoreKind::NoKeychain);
        const auto first = wait<const TokenActionOutcome &, const CreatedToken &>(
            [&](auto done) { m_manager->addToken(id, request, this, done); });
        QCOMPARE(first.calls, 1);
        QVERIFY2(std::get<0>(first.values).ok, qPrintable(std::get<0>(first.values).message));
        earlier = std::get<1>(first.values);
        QCOMPARE(bool(m_session->handOff()->pendingToken(earlier.token.id)),
                 salvage == Salvage::HandOffHolds);
    }

    SandboxServer::Fault fault;
    fault.kind = SandboxServer::Fault::Kind::Answer; // not processed: nothing is added
    fault.method = "POST";
    fault.status = 201;
    fault.contentType = QByteArrayLiteral("application/json");
    fault.body = QByteArrayLiteral(R"({"userTokenName":"bot-3","userToken":"sk_only_copy"})");
    sandbox()->injectFault(fault);
    if (salvage == Salvage::ListFails) {
        SandboxServer::Fault broken;
        broken.kind = SandboxServer::Fault::Kind::ServerError500;
        broken.method = "GET";
        sandbox()->injectFault(broken);
    } else if (salvage == Salvage::ListedTwice) {
        SandboxServer::Fault twice;
        twice.kind = SandboxServer::Fault::Kind::Answer;
        twice.method = "GET";
        twice.status = 200;
        twice.contentType = QByteArrayLiteral("application/json");
        twice.body = QStringLiteral(R"({"agentPortfolios":[{"agentPortfolioId":"%1",)"
                                    R"("agentPortfolioName":"Salvag2","userTokens":[)"
                                    R"({"userTokenId":"t-1","userTokenName":"bot-3"},)"
                                    R"({"userTokenId":"t-2","userTokenName":"bot-3"}]}]})")
                         .arg(id)
                         .toUtf8();
        sandbox()->injectFault(twice);
    }
    const QStringList keysBefore = m_secrets->keys();

    const auto answer = wait<const TokenActionOutcome &, const CreatedToken &>(
        [&](auto done) { m_manager->addToken(id, request, this, done); });
    QCOMPARE(answer.calls, 1);
    const auto &[outcome, token] = answer.values;
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.apiError);
    QCOMPARE(outcome.apiError->kind, ApiError::Kind::OutcomeUnknown);
    QVERIFY2(outcome.message.contains(QStringLiteral("most likely added"))
                 && outcome.message.contains(QStringLiteral("password manager now"))
                 && outcome.message.contains(reason),
             qPrintable(outcome.message));
    QCOMPARE(outcome.message.contains(QStringLiteral("Paste value")), pasteAdvice);
    QVERIFY(!outcome.message.contains(QStringLiteral("sk_only_copy")));
    QCOMPARE(token.secret.reveal(), QStringLiteral("sk_only_copy"));
    QVERIFY(token.token.id.isEmpty());
    // Described as asked for, where the answer said nothing.
    QCOMPARE(token.token.name, QStringLiteral("bot-3"));
    QCOMPARE(token.token.scopeIds, QList<int> { 201 });
    QCOMPARE(m_secrets->keys(), keysBefore);
    QCOMPARE(sandbox()->pendingFaultCount(), 0);
    // The earlier token keeps its own value, wherever it is.
    if (salvage == Salvage::AlreadyStored) {
        const auto stored = m_secrets->value(tokenKey(earlier.token.id));
        QVERIFY(stored && *stored == earlier.secret);
    } else if (salvage == Salvage::HandOffHolds) {
        const auto held = m_session->handOff()->pendingToken(earlier.token.id);
        QVERIFY(held && held->token.secret == earlier.secret);
    }
}

// The answer never came after the server may have acted: "may have been added", never "not
// added", and nothing is sent again.
void TestTokenManager::addTokenLostAnswerIsNeverNotAdded()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Salvag3"), &created));
    const QString id = created.portfolio.id;
    SandboxServer::Fault fault;
    fault.kind = SandboxServer::Fault::Kind::DropAfterProcessing;
    fault.method = "POST";
    fault.times = 3;
    sandbox()->injectFault(fault);
    AddTokenRequest request;
    request.tokenName = QStringLiteral("bot-4");
    request.scopeIds = { 201 };

    const auto answer = wait<const TokenActionOutcome &, const CreatedToken &>(
        [&](auto done) { m_manager->addToken(id, request, this, done); });
    QCOMPARE(answer.calls, 1);
    const auto &[outcome, token] = answer.values;
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.apiError);
    QCOMPARE(outcome.apiError->kind, ApiError::Kind::OutcomeUnknown);
    QVERIFY2(outcome.message.contains(QStringLiteral("may have been added"))
                 && !outcome.message.contains(QStringLiteral("not added")),
             qPrintable(outcome.message));
    QVERIFY(token.secret.isEmpty());
    QCOMPARE(sandbox()->requestCount("POST"), 2); // the create, and this one add
}

// ---- update ------------------------------------------------------------------------------

// Two tokens added to one portfolio, the keychain answering the second first: each outcome
// waits for its own token's write. The first token is in the index (not yet stored) when the
// second's hand-off finishes, and must not be reported as in the keychain then.
void TestTokenManager::addTokenOutcomeWaitsForItsOwnKeychainWrite()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Twice01"), &created));
    const QString id = created.portfolio.id;
    m_secrets->setNeverAnswer(true);
    using Outcomes = QList<TokenActionOutcome>;
    auto outcomes = std::make_shared<QMap<QString, Outcomes>>();
    for (const QString &name : { QStringLiteral("first"), QStringLiteral("second") }) {
        AddTokenRequest request;
        request.tokenName = name;
        request.scopeIds = { 200 };
        m_manager->addToken(
            id, request, this,
            [outcomes, name](const TokenActionOutcome &outcome, const CreatedToken &) {
                (*outcomes)[name].append(outcome);
            });
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_secrets->hangingCount(), 2, Timeout);
    // Both are in the index before their writes end (the hand-off records them first).
    const auto indexedId = [&](const QString &name) {
        const auto portfolio = index()->portfolio(profile(), id);
        if (!portfolio)
            return QString();
        for (const IndexedToken &t : portfolio->tokens) {
            if (t.token.name == name)
                return t.token.id;
        }
        return QString();
    };
    const QString firstId = indexedId(QStringLiteral("first"));
    const QString secondId = indexedId(QStringLiteral("second"));
    QVERIFY(!firstId.isEmpty() && !secondId.isEmpty());

    m_secrets->answerHanging(tokenKey(secondId));
    QTRY_COMPARE_WITH_TIMEOUT(outcomes->value(QStringLiteral("second")).size(), 1, Timeout);
    QVERIFY(outcomes->value(QStringLiteral("second")).constFirst().ok);
    QVERIFY2(outcomes->value(QStringLiteral("first")).isEmpty(),
             "the first token was reported before its own keychain write ended");
    QVERIFY(!m_secrets->contains(tokenKey(firstId)));

    m_secrets->answerHanging(tokenKey(firstId));
    QTRY_COMPARE_WITH_TIMEOUT(outcomes->value(QStringLiteral("first")).size(), 1, Timeout);
    const TokenActionOutcome first = outcomes->value(QStringLiteral("first")).constFirst();
    QVERIFY2(first.ok && first.message.contains(QStringLiteral("Its secret is in the keychain")),
             qPrintable(first.message));
    QVERIFY(m_secrets->contains(tokenKey(firstId)));
    QCOMPARE(outcomes->value(QStringLiteral("second")).size(), 1);
}

void TestTokenManager::updateTokenUpdatesIndex()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Update1"), &created));
    const QString id = created.portfolio.id;
    const QString tokenId = created.createdTokens.first().token.id;
    UpdateTokenRequest request;
    request.scopeIds = QList<int> { 201 };
    request.ipsWhitelist = QStringList { QStringLiteral("192.168.1.7") };
    request.expiresAt = QDateTime(QDate::currentDate().addDays(30), QTime(12, 0), Qt::UTC);

    const auto outcome =
        act([&](auto done) { m_manager->updateToken(id, tokenId, request, this, done); });
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->message));
    QVERIFY2(outcome->message.contains(QStringLiteral("agent-token")),
             qPrintable(outcome->message));
    const auto indexed = index()->token(profile(), id, tokenId);
    QVERIFY(indexed);
    QCOMPARE(indexed->token.scopeIds, QList<int> { 201 });
    QCOMPARE(indexed->token.ipsWhitelist, QStringList { QStringLiteral("192.168.1.7") });
    QCOMPARE(indexed->token.expiresAt, request.expiresAt);
    QVERIFY(indexed->secretStored); // untouched
    const auto onServer = serverToken(id, tokenId);
    QVERIFY(onServer);
    QCOMPARE(onServer->scopeIds, QList<int> { 201 });
    QCOMPARE(onServer->expiresAt, request.expiresAt);
}

void TestTokenManager::updateTokenWithoutChanges()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Nochg01"), &created));
    const QString id = created.portfolio.id;
    const QString tokenId = created.createdTokens.first().token.id;
    const auto before = index()->token(profile(), id, tokenId);

    // The same scopes again: the server answers NoChangesDetected.
    UpdateTokenRequest same;
    same.scopeIds = created.createdTokens.first().token.scopeIds;
    const auto outcome =
        act([&](auto done) { m_manager->updateToken(id, tokenId, same, this, done); });
    QVERIFY(outcome);
    QVERIFY(!outcome->ok);
    QCOMPARE(outcome->message, QStringLiteral("Nothing changed."));
    QVERIFY(outcome->apiError);
    QCOMPARE(outcome->apiError->errorCode, QStringLiteral("NoChangesDetected"));
    QCOMPARE(index()->token(profile(), id, tokenId), before);

    // An empty request is not even sent.
    const int patches = sandbox()->requestCount("PATCH");
    const auto empty = act(
        [&](auto done) { m_manager->updateToken(id, tokenId, UpdateTokenRequest(), this, done); });
    QVERIFY(empty);
    QVERIFY(!empty->ok);
    QCOMPARE(empty->message, QStringLiteral("Nothing changed."));
    QCOMPARE(sandbox()->requestCount("PATCH"), patches);
}

// ---- revoke ------------------------------------------------------------------------------

void TestTokenManager::revokeTokenForgetsLocally()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Revoke1"), &created));
    const QString id = created.portfolio.id;
    const QString tokenId = created.createdTokens.first().token.id;

    const auto outcome = act([&](auto done) { m_manager->revokeToken(id, tokenId, this, done); });
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->message));
    QCOMPARE(outcome->message, QStringLiteral("Revoked “agent-token” and forgot it here."));
    QVERIFY(!serverToken(id, tokenId));
    QVERIFY(!m_secrets->contains(tokenKey(tokenId)));
    QVERIFY(!index()->token(profile(), id, tokenId));
    QVERIFY(index()->portfolio(profile(), id)); // the portfolio stays
}

void TestTokenManager::revokeTokenGoneFromServerIsStillForgotten()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Revoke2"), &created));
    const QString id = created.portfolio.id;
    const QString tokenId = created.createdTokens.first().token.id;
    QVERIFY(serverCall(m_session->client()->revokeToken(id, tokenId)));

    const auto outcome = act([&](auto done) { m_manager->revokeToken(id, tokenId, this, done); });
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->message));
    QVERIFY(outcome->apiError);
    QCOMPARE(outcome->apiError->kind, ApiError::Kind::NotFound);
    QVERIFY2(outcome->message.contains(QStringLiteral("no longer had")),
             qPrintable(outcome->message));
    QVERIFY(!m_secrets->contains(tokenKey(tokenId)));
    QVERIFY(!index()->token(profile(), id, tokenId));
}

void TestTokenManager::revokeTokenRateLimitedChangesNothing()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Revoke3"), &created));
    const QString id = created.portfolio.id;
    const QString tokenId = created.createdTokens.first().token.id;
    const auto before = index()->token(profile(), id, tokenId);
    sandbox()->setRateLimit(1, 60);
    QVERIFY(serverCall(m_session->client()->listPortfolios()));

    const auto outcome = act([&](auto done) { m_manager->revokeToken(id, tokenId, this, done); });
    QVERIFY(outcome);
    QVERIFY(!outcome->ok);
    QVERIFY(outcome->apiError);
    QCOMPARE(outcome->apiError->kind, ApiError::Kind::RateLimited);
    QVERIFY(outcome->apiError->rateLimit.retryAfterSeconds);
    QVERIFY2(outcome->message.contains(QStringLiteral("Try again in")),
             qPrintable(outcome->message));
    QVERIFY(serverToken(id, tokenId));
    QVERIFY(m_secrets->contains(tokenKey(tokenId)));
    QCOMPARE(index()->token(profile(), id, tokenId), before);
}

void TestTokenManager::revokeTokenKeychainFailureKeepsItMarkedRevoked()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Revoke4"), &created));
    const QString id = created.portfolio.id;
    const QString tokenId = created.createdTokens.first().token.id;
    m_secrets->setKeyFailure(tokenKey(tokenId), StoreKind::AccessDenied);

    const auto outcome = act([&](auto done) { m_manager->revokeToken(id, tokenId, this, done); });
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->message)); // revoked on eToro
    QVERIFY(outcome->storeError);
    QCOMPARE(outcome->storeError->kind, StoreKind::AccessDenied);
    QVERIFY(!serverToken(id, tokenId));
    // The entry stays, so the keychain entry is not orphaned; it says the token is revoked.
    const auto indexed = index()->token(profile(), id, tokenId);
    QVERIFY(indexed);
    QVERIFY(indexed->revoked);
    QVERIFY(indexed->secretStored);
    QVERIFY(m_secrets->contains(tokenKey(tokenId)));

    // Once the keychain is back, forgetting finishes the job.
    m_secrets->setKeyFailure(tokenKey(tokenId), std::nullopt);
    const auto forgot = act([&](auto done) { m_manager->forgetToken(id, tokenId, this, done); });
    QVERIFY(forgot && forgot->ok);
    QCOMPARE(forgot->message, QStringLiteral("Forgot “agent-token” here."));
    QVERIFY(!index()->token(profile(), id, tokenId));
    QVERIFY(!m_secrets->contains(tokenKey(tokenId)));
}

// ---- forget ------------------------------------------------------------------------------

void TestTokenManager::forgetTokenRemovesSecretAndEntryOnly()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Forget1"), &created));
    const QString id = created.portfolio.id;
    const QString tokenId = created.createdTokens.first().token.id;
    const int requests = sandbox()->requestCount();

    const auto outcome = act([&](auto done) { m_manager->forgetToken(id, tokenId, this, done); });
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->message));
    QVERIFY2(outcome->message.contains(QStringLiteral("still works on eToro")),
             qPrintable(outcome->message));
    QVERIFY(!m_secrets->contains(tokenKey(tokenId)));
    QVERIFY(!index()->token(profile(), id, tokenId));
    // Local only: nothing was sent, and eToro still has it.
    QCOMPARE(sandbox()->requestCount(), requests);
    QVERIFY(serverToken(id, tokenId));

    // Forgetting a token whose secret is already gone succeeds too.
    const auto again = act([&](auto done) { m_manager->forgetToken(id, tokenId, this, done); });
    QVERIFY(again && again->ok);
}

void TestTokenManager::forgetTokenKeychainFailureKeepsEntry_data()
{
    QTest::addColumn<StoreKind>("kind");
    QTest::newRow("no keychain") << StoreKind::NoKeychain;
    QTest::newRow("locked") << StoreKind::AccessDenied;
    QTest::newRow("timed out") << StoreKind::TimedOut;
}

void TestTokenManager::forgetTokenKeychainFailureKeepsEntry()
{
    QFETCH(StoreKind, kind);
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Forget2"), &created));
    const QString id = created.portfolio.id;
    const QString tokenId = created.createdTokens.first().token.id;
    const auto before = index()->token(profile(), id, tokenId);
    m_secrets->setFailure(kind);

    const auto outcome = act([&](auto done) { m_manager->forgetToken(id, tokenId, this, done); });
    QVERIFY(outcome);
    QVERIFY(!outcome->ok);
    QVERIFY(outcome->storeError);
    QCOMPARE(outcome->storeError->kind, kind);
    QVERIFY2(outcome->message.contains(outcome->storeError->message), qPrintable(outcome->message));
    QCOMPARE(index()->token(profile(), id, tokenId), before);
    QVERIFY(m_secrets->contains(tokenKey(tokenId)));
}

// ---- paste -------------------------------------------------------------------------------

void TestTokenManager::storePastedTokenForTokenCreatedElsewhere()
{
    Portfolio elsewhere;
    QString tokenId;
    QVERIFY(createOnServerOnly(QStringLiteral("Paste01"), &elsewhere, &tokenId));
    const auto refreshed = act([&](auto done) { m_manager->refresh(this, done); });
    QVERIFY(refreshed && refreshed->ok);
    QVERIFY(index()->token(profile(), elsewhere.id, tokenId));
    QVERIFY(!index()->token(profile(), elsewhere.id, tokenId)->secretStored);

    const Secret pasted(QStringLiteral("  sk_pasted_0123456789abcdef\n"));
    const auto outcome = act(
        [&](auto done) { m_manager->storePastedToken(elsewhere.id, tokenId, pasted, this, done); });
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->message));
    const Secret expected(QStringLiteral("sk_pasted_0123456789abcdef"));
    QCOMPARE(m_secrets->value(tokenKey(tokenId)), std::optional<Secret>(expected));
    QVERIFY(index()->token(profile(), elsewhere.id, tokenId)->secretStored);

    const auto read = wait<const std::optional<Secret> &, const TokenActionOutcome &>(
        [&](auto done) { m_manager->readSecret(elsewhere.id, tokenId, this, done); });
    QCOMPARE(read.calls, 1);
    QVERIFY(std::get<0>(read.values) && *std::get<0>(read.values) == expected);
}

void TestTokenManager::storePastedTokenRefusals_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("knownToken");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty") << QString() << true << QStringLiteral("nothing to store");
    QTest::newRow("blank") << QStringLiteral(" \t\n ") << true
                           << QStringLiteral("nothing to store");
    QTest::newRow("two lines") << QStringLiteral("sk_one\nsk_two") << true
                               << QStringLiteral("no spaces or line breaks");
    QTest::newRow("inner space") << QStringLiteral("sk one") << true
                                 << QStringLiteral("no spaces or line breaks");
    QTest::newRow("unknown token")
        << QStringLiteral("sk_valid") << false << QStringLiteral("refresh the list");
}

void TestTokenManager::storePastedTokenRefusals()
{
    QFETCH(QString, secret);
    QFETCH(bool, knownToken);
    QFETCH(QString, says);
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Paste02"), &created));
    const QString id = created.portfolio.id;
    const QString tokenId = knownToken ? created.createdTokens.first().token.id
                                       : QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto before = index()->portfolios(profile());
    const int keychainCalls = m_secrets->startedCount();

    const auto outcome = act(
        [&](auto done) { m_manager->storePastedToken(id, tokenId, Secret(secret), this, done); });
    QVERIFY(outcome);
    QVERIFY(!outcome->ok);
    QVERIFY2(outcome->message.contains(says), qPrintable(outcome->message));
    QCOMPARE(m_secrets->startedCount(), keychainCalls);
    QCOMPARE(index()->portfolios(profile()), before);
    QCOMPARE(m_secrets->value(tokenKey(created.createdTokens.first().token.id)),
             std::optional<Secret>(created.createdTokens.first().secret));
}

void TestTokenManager::storePastedTokenKeychainFailure()
{
    Portfolio elsewhere;
    QString tokenId;
    QVERIFY(createOnServerOnly(QStringLiteral("Paste03"), &elsewhere, &tokenId));
    QVERIFY(act([&](auto done) { m_manager->refresh(this, done); }));
    QVERIFY(index()->token(profile(), elsewhere.id, tokenId));
    m_secrets->setFailure(StoreKind::AccessDenied);

    const auto outcome = act([&](auto done) {
        m_manager->storePastedToken(elsewhere.id, tokenId, Secret(QStringLiteral("sk_abc")), this,
                                    done);
    });
    QVERIFY(outcome);
    QVERIFY(!outcome->ok);
    QVERIFY(outcome->storeError);
    QCOMPARE(outcome->storeError->kind, StoreKind::AccessDenied);
    QVERIFY2(outcome->message.contains(outcome->storeError->message), qPrintable(outcome->message));
    QVERIFY(!index()->token(profile(), elsewhere.id, tokenId)->secretStored);
    QVERIFY(!m_secrets->contains(tokenKey(tokenId)));
}

// ---- read --------------------------------------------------------------------------------

void TestTokenManager::readSecretReturnsTheStoredSecret()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Read001"), &created));
    const CreatedToken token = created.createdTokens.first();
    const int keychainCalls = m_secrets->startedCount();

    const auto read =
        wait<const std::optional<Secret> &, const TokenActionOutcome &>([&](auto done) {
            m_manager->readSecret(created.portfolio.id, token.token.id, this, done);
        });
    QCOMPARE(read.calls, 1);
    QVERIFY(!read.synchronous);
    const auto &[secret, outcome] = read.values;
    QVERIFY(outcome.ok);
    QVERIFY(secret && *secret == token.secret);
    // One read, on request.
    QCOMPARE(m_secrets->startedCount(), keychainCalls + 1);
}

void TestTokenManager::readSecretMissingMarksIndex()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Read002"), &created));
    const QString id = created.portfolio.id;
    const QString tokenId = created.createdTokens.first().token.id;
    // Someone deleted it in Seahorse.
    bool removed = false;
    m_secrets->remove(tokenKey(tokenId), this,
                      [&removed](const SecretResult &result) { removed = result.ok(); });
    QTRY_VERIFY(removed);
    QVERIFY(index()->token(profile(), id, tokenId)->secretStored);

    const auto read = wait<const std::optional<Secret> &, const TokenActionOutcome &>(
        [&](auto done) { m_manager->readSecret(id, tokenId, this, done); });
    QCOMPARE(read.calls, 1);
    const auto &[secret, outcome] = read.values;
    QVERIFY(!secret);
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.storeError);
    QCOMPARE(outcome.storeError->kind, StoreKind::NotFound);
    QCOMPARE(outcome.message,
             QStringLiteral("The secret of “agent-token” is not in the keychain. eToro cannot "
                            "show it again: revoke this token and add a new one."));
    QVERIFY(!index()->token(profile(), id, tokenId)->secretStored);
}

void TestTokenManager::readSecretKeychainFailure_data()
{
    QTest::addColumn<StoreKind>("kind");
    QTest::newRow("no keychain") << StoreKind::NoKeychain;
    QTest::newRow("locked") << StoreKind::AccessDenied;
    QTest::newRow("timed out") << StoreKind::TimedOut;
}

void TestTokenManager::readSecretKeychainFailure()
{
    QFETCH(StoreKind, kind);
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Read003"), &created));
    const QString id = created.portfolio.id;
    const QString tokenId = created.createdTokens.first().token.id;
    const auto before = index()->portfolios(profile());
    m_secrets->setFailure(kind);

    const auto read = wait<const std::optional<Secret> &, const TokenActionOutcome &>(
        [&](auto done) { m_manager->readSecret(id, tokenId, this, done); });
    QCOMPARE(read.calls, 1);
    const auto &[secret, outcome] = read.values;
    QVERIFY(!secret);
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.storeError);
    QCOMPARE(outcome.storeError->kind, kind);
    QCOMPARE(outcome.message, outcome.storeError->message);
    // A locked keychain says nothing about whether the secret is there.
    QCOMPARE(index()->portfolios(profile()), before);
}

// ---- the manager itself ------------------------------------------------------------------

void TestTokenManager::busyCoversOverlappingActions()
{
    QSignalSpy busy(m_manager.get(), &TokenManager::busyChanged);
    QVERIFY(!m_manager->isBusy());
    int answers = 0;
    m_manager->refresh(this, [&answers](const TokenActionOutcome &) { ++answers; });
    QVERIFY(m_manager->isBusy());
    m_manager->refresh(this, [&answers](const TokenActionOutcome &) { ++answers; });
    QTRY_COMPARE_WITH_TIMEOUT(answers, 2, Timeout);
    QVERIFY(!m_manager->isBusy());
    QCOMPARE(busy.size(), 2);
    QCOMPARE(busy.at(0).first().toBool(), true);
    QCOMPARE(busy.at(1).first().toBool(), false);
}

void TestTokenManager::callbackNotCalledAfterContextDestroyed()
{
    Portfolio elsewhere;
    QVERIFY(createOnServerOnly(QStringLiteral("Ctx0001"), &elsewhere));
    auto *context = new QObject;
    bool called = false;
    m_manager->refresh(context, [&called](const TokenActionOutcome &) { called = true; });
    delete context;
    QTRY_VERIFY_WITH_TIMEOUT(!m_manager->isBusy(), Timeout);
    QTest::qWait(20);
    QVERIFY(!called);
    // The action itself was carried out.
    QVERIFY(index()->portfolio(profile(), elsewhere.id));
}

void TestTokenManager::refusesWithoutAConnectedAccount()
{
    SessionOptions options;
    options.indexPath = m_dir->filePath(QStringLiteral("idle-index.json"));
    options.settingsFile = m_dir->filePath(QStringLiteral("idle-settings.ini"));
    options.sandboxStateFile = m_dir->filePath(QStringLiteral("idle-sandbox.json"));
    options.secretStore = m_secrets.get();
    Session idle(options);
    TokenManager manager(&idle);
    const int keychainCalls = m_secrets->startedCount();

    const auto refreshed = act([&](auto done) { manager.refresh(this, done); });
    QVERIFY(refreshed);
    QVERIFY(!refreshed->ok);
    QVERIFY(!refreshed->message.isEmpty());
    const auto read =
        wait<const std::optional<Secret> &, const TokenActionOutcome &>([&](auto done) {
            manager.readSecret(QStringLiteral("p"), QStringLiteral("t"), this, done);
        });
    QCOMPARE(read.calls, 1);
    QVERIFY(!read.synchronous);
    QVERIFY(!std::get<0>(read.values));
    QCOMPARE(std::get<1>(read.values).message, QStringLiteral("No account is open."));
    QCOMPARE(m_secrets->startedCount(), keychainCalls);
    QVERIFY(!idle.sandbox());
    QVERIFY(!manager.isBusy());
}

void TestTokenManager::environmentLine_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("line");
    QTest::newRow("dash") << QStringLiteral("bot-1")
                          << QStringLiteral("AGENTFOLIO_TOKEN_BOT_1=sk_x");
    QTest::newRow("space") << QStringLiteral("My agent")
                           << QStringLiteral("AGENTFOLIO_TOKEN_MY_AGENT=sk_x");
    QTest::newRow("kept") << QStringLiteral("already_OK_9")
                          << QStringLiteral("AGENTFOLIO_TOKEN_ALREADY_OK_9=sk_x");
    QTest::newRow("trimmed") << QStringLiteral("  lead ")
                             << QStringLiteral("AGENTFOLIO_TOKEN_LEAD=sk_x");
    QTest::newRow("accent") << QStringLiteral("émile")
                            << QStringLiteral("AGENTFOLIO_TOKEN__MILE=sk_x");
    QTest::newRow("emoji is one character")
        << QStringLiteral("a\U0001F600b") << QStringLiteral("AGENTFOLIO_TOKEN_A_B=sk_x");
    QTest::newRow("dots") << QStringLiteral("x.y=z")
                          << QStringLiteral("AGENTFOLIO_TOKEN_X_Y_Z=sk_x");
    QTest::newRow("empty") << QString() << QStringLiteral("AGENTFOLIO_TOKEN=sk_x");
}

void TestTokenManager::environmentLine()
{
    QFETCH(QString, name);
    QFETCH(QString, line);
    QCOMPARE(TokenManager::environmentLine(name, Secret(QStringLiteral("sk_x"))), line);
}

QTEST_GUILESS_MAIN(TestTokenManager)
#include "tst_tokenmanager.moc"
