// The token manager's keychain path against a real Secret Service (gnome-keyring in its
// own D-Bus session, see tests/with-keyring.sh): secrets really go in, come back on
// request, and really leave when forgotten or revoked.
#include "api/apiclient.h"
#include "sandbox/sandboxserver.h"
#include "session/createflow.h"
#include "session/session.h"
#include "session/tokenmanager.h"
#include "store/keychainsecretstore.h"
#include "store/portfolioindex.h"
#include "store/secretkeys.h"
#include "store/tokenhandoff.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace agentfolio;

namespace {
constexpr int Timeout = 20000;
}

class TestTokenManagerKeychain : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void addedTokenIsReadBackThenForgotten();
    void pastedTokenIsReadBack();
    void revokedTokenLeavesTheKeychain();

private:
    QString profile() const { return Profile::sandboxId(); }
    bool createPortfolio(const QString &name, CreatePortfolioResult *result);
    std::optional<TokenActionOutcome> act(const std::function<void(TokenActionCallback)> &start);
    // readSecret's answer: the secret (if any) and the outcome.
    std::optional<std::pair<std::optional<Secret>, TokenActionOutcome>>
    read(const QString &portfolioId, const QString &tokenId);
    // Straight from the keychain, not through the manager.
    std::optional<SecretResult> readDirectly(const QString &tokenId);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TokenManager> m_manager;
};

void TestTokenManagerKeychain::initTestCase()
{
    // tests/with-keyring.sh gives this test a throwaway HOME and keyring; refuse a real one.
    QVERIFY2(QDir::homePath().startsWith(QDir::tempPath()),
             "HOME is not a throwaway directory; run through ctest (with-keyring.sh)");
}

void TestTokenManagerKeychain::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    SessionOptions options;
    options.indexPath = m_dir->filePath(QStringLiteral("index.json"));
    options.settingsFile = m_dir->filePath(QStringLiteral("settings.ini"));
    options.sandboxStateFile = m_dir->filePath(QStringLiteral("sandbox.json"));
    // No store injected: the system keychain.
    m_session = std::make_unique<Session>(options);
    QVERIFY(qobject_cast<KeychainSecretStore *>(m_session->secrets()));
    m_session->activate(Profile::sandboxId());
    QTRY_VERIFY(m_session->isReady());
    m_manager = std::make_unique<TokenManager>(m_session.get());
}

void TestTokenManagerKeychain::cleanup()
{
    m_manager.reset();
    m_session.reset();
    m_dir.reset();
}

bool TestTokenManagerKeychain::createPortfolio(const QString &name, CreatePortfolioResult *result)
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

std::optional<TokenActionOutcome>
TestTokenManagerKeychain::act(const std::function<void(TokenActionCallback)> &start)
{
    std::optional<TokenActionOutcome> outcome;
    start([&outcome](const TokenActionOutcome &o) { outcome = o; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, Timeout))
        qWarning() << "no answer within" << Timeout << "ms";
    return outcome;
}

std::optional<std::pair<std::optional<Secret>, TokenActionOutcome>>
TestTokenManagerKeychain::read(const QString &portfolioId, const QString &tokenId)
{
    std::optional<std::pair<std::optional<Secret>, TokenActionOutcome>> answer;
    m_manager->readSecret(
        portfolioId, tokenId, this,
        [&answer](const std::optional<Secret> &secret, const TokenActionOutcome &outcome) {
            answer = std::make_pair(secret, outcome);
        });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, Timeout))
        qWarning() << "no answer within" << Timeout << "ms";
    return answer;
}

std::optional<SecretResult> TestTokenManagerKeychain::readDirectly(const QString &tokenId)
{
    KeychainSecretStore store;
    std::optional<SecretResult> answer;
    store.read(SecretKeys::tokenKey(profile(), tokenId), this,
               [&answer](const SecretResult &result) { answer = result; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, Timeout))
        qWarning() << "no answer within" << Timeout << "ms";
    return answer;
}

void TestTokenManagerKeychain::addedTokenIsReadBackThenForgotten()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Chain01"), &created));
    const QString id = created.portfolio.id;

    AddTokenRequest request;
    request.tokenName = QStringLiteral("keychain-bot");
    request.scopeIds = { 201 };
    std::optional<std::pair<TokenActionOutcome, CreatedToken>> added;
    m_manager->addToken(id, request, this,
                        [&added](const TokenActionOutcome &outcome, const CreatedToken &token) {
                            added = std::make_pair(outcome, token);
                        });
    QTRY_VERIFY_WITH_TIMEOUT(added.has_value(), Timeout);
    QVERIFY2(added->first.ok, qPrintable(added->first.message));
    QVERIFY(!added->first.storeError);
    const CreatedToken token = added->second;
    QVERIFY(!token.secret.isEmpty());
    QVERIFY(m_session->index()->token(profile(), id, token.token.id)->secretStored);

    // The manager reads it back from the real keychain, and so does anyone else.
    const auto answer = read(id, token.token.id);
    QVERIFY(answer);
    QVERIFY2(answer->second.ok, qPrintable(answer->second.message));
    QVERIFY(answer->first && *answer->first == token.secret);
    const auto direct = readDirectly(token.token.id);
    QVERIFY(direct && direct->ok() && direct->secret == token.secret);

    const auto forgot =
        act([&](auto done) { m_manager->forgetToken(id, token.token.id, this, done); });
    QVERIFY(forgot);
    QVERIFY2(forgot->ok, qPrintable(forgot->message));
    QVERIFY(!m_session->index()->token(profile(), id, token.token.id));

    // Gone from the keychain: a read is NotFound.
    const auto again = read(id, token.token.id);
    QVERIFY(again);
    QVERIFY(!again->first);
    QVERIFY(again->second.storeError);
    QCOMPARE(again->second.storeError->kind, SecretStoreError::Kind::NotFound);
    QVERIFY2(again->second.message.contains(QStringLiteral("is not in the keychain")),
             qPrintable(again->second.message));
    const auto directAgain = readDirectly(token.token.id);
    QVERIFY(directAgain && directAgain->error);
    QCOMPARE(directAgain->error->kind, SecretStoreError::Kind::NotFound);

    // The portfolio's first token was not touched.
    const auto first = read(id, created.createdTokens.first().token.id);
    QVERIFY(first && first->first && *first->first == created.createdTokens.first().secret);
}

void TestTokenManagerKeychain::pastedTokenIsReadBack()
{
    // A portfolio made elsewhere: the list brings it in without its secret.
    CreatePortfolioRequest request;
    request.investment = Money::fromCents(250000);
    request.portfolioName = QStringLiteral("Chain02");
    request.tokenName = QStringLiteral("made-elsewhere");
    request.scopeIds = { 200 };
    ApiReply *reply = m_session->client()->createPortfolio(request);
    QSignalSpy finished(reply, &ApiReply::finished);
    QVERIFY(finished.wait(Timeout));
    QVERIFY(reply->isOk());
    const QString id = reply->createResult().portfolio.id;
    const CreatedToken elsewhere = reply->createResult().createdTokens.first();
    const auto refreshed = act([&](auto done) { m_manager->refresh(this, done); });
    QVERIFY(refreshed && refreshed->ok);
    QVERIFY(!m_session->index()->token(profile(), id, elsewhere.token.id)->secretStored);

    const auto before = read(id, elsewhere.token.id);
    QVERIFY(before && !before->first);

    const Secret pasted(QLatin1Char(' ') + elsewhere.secret.reveal() + QLatin1Char('\n'));
    const auto stored = act([&](auto done) {
        m_manager->storePastedToken(id, elsewhere.token.id, pasted, this, done);
    });
    QVERIFY(stored);
    QVERIFY2(stored->ok, qPrintable(stored->message));
    QVERIFY(m_session->index()->token(profile(), id, elsewhere.token.id)->secretStored);

    const auto answer = read(id, elsewhere.token.id);
    QVERIFY(answer);
    QVERIFY2(answer->second.ok, qPrintable(answer->second.message));
    QVERIFY(answer->first && *answer->first == elsewhere.secret);
}

void TestTokenManagerKeychain::revokedTokenLeavesTheKeychain()
{
    CreatePortfolioResult created;
    QVERIFY(createPortfolio(QStringLiteral("Chain03"), &created));
    const QString id = created.portfolio.id;
    const QString tokenId = created.createdTokens.first().token.id;
    const auto direct = readDirectly(tokenId);
    QVERIFY(direct && direct->ok());

    const auto revoked = act([&](auto done) { m_manager->revokeToken(id, tokenId, this, done); });
    QVERIFY(revoked);
    QVERIFY2(revoked->ok, qPrintable(revoked->message));
    QVERIFY(!revoked->storeError);
    QVERIFY(!m_session->index()->token(profile(), id, tokenId));
    const auto after = readDirectly(tokenId);
    QVERIFY(after && after->error);
    QCOMPARE(after->error->kind, SecretStoreError::Kind::NotFound);
}

QTEST_GUILESS_MAIN(TestTokenManagerKeychain)
#include "tst_tokenmanagerkeychain.moc"
