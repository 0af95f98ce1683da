// The API client against the real sandbox server over loopback: every endpoint,
// every documented error, every injected fault, and the create that must never
// be sent twice.
#include "api/apiclient.h"
#include "sandbox/sandboxserver.h"

#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTest>

using namespace agentfolio;
using Kind = ApiError::Kind;
using Fault = SandboxServer::Fault;

Q_DECLARE_METATYPE(ApiError::Kind)
Q_DECLARE_METATYPE(SandboxServer::Fault::Kind)

namespace {

const QString CreatePath = QStringLiteral("/api/v1/agent-portfolios");

CreatePortfolioRequest validRequest(const QString &name = QStringLiteral("MyPort1"))
{
    CreatePortfolioRequest request;
    request.investment = Money::fromCents(200000);
    request.portfolioName = name;
    request.tokenName = QStringLiteral("my-trading-token");
    request.scopeIds = { 200, 202 };
    request.description = QStringLiteral("My trading portfolio");
    request.ipsWhitelist = { QStringLiteral("192.168.1.1") };
    request.expiresAt = QDateTime::currentDateTimeUtc().addDays(30);
    return request;
}

AddTokenRequest tokenRequest(const QString &name)
{
    AddTokenRequest request;
    request.tokenName = name;
    request.scopeIds = { 201 };
    return request;
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void baseUrlRules_data();
    void baseUrlRules();
    void defaultsAreSafe();

    void createSucceedsAndCarriesTheRequestId();
    void listAndFindByName();
    void deletePortfolio();
    void addUpdateRevokeToken();
    void tokenNameConflictAndQuota();
    void serverValidationLandsAtItsField_data();
    void serverValidationLandsAtItsField();
    void duplicatePortfolioNameIsAConflict();
    void unauthorized();
    void missingCredentialsSendNothing();
    void rateLimited();

    void faultsOnList_data();
    void faultsOnList();
    void faultsOnCreate_data();
    void faultsOnCreate();
    void unreadableCreateAnswerKeepsTheTokenItCarried_data();
    void unreadableCreateAnswerKeepsTheTokenItCarried();
    void partialCreate207();
    void droppedCreateLeavesOnePortfolioAndIsOutcomeUnknown();
    void droppedCreateOnReusedConnectionIsNeverAPlainError();
    void slowCreateIsOutcomeUnknownAndNotResent();
    void faultsOnAddToken_data();
    void faultsOnAddToken();
    void droppedAddTokenOnReusedConnectionIsNotResent();
    void secretMakingCallsLeaveOtherCallsAlone();
    void unreadableAddTokenAnswerKeepsTheTokenItCarried_data();
    void unreadableAddTokenAnswerKeepsTheTokenItCarried();
    void connectionRefusedIsNotAmbiguous();
    void tlsFailureIsAnError();
    void abortBeforeAnswer();
    void logsNeverCarrySecrets();

private:
    ApiReply *finished(ApiReply *reply);

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;
};

ApiReply *TestApiClient::finished(ApiReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &ApiReply::finished);
        if (!spy.wait(15000))
            qWarning("reply did not finish in 15 s");
    }
    return reply;
}

void TestApiClient::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->start() != 0);
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<ApiClient>(m_network.get());
    QVERIFY(m_client->setBaseUrl(m_server->baseUrl()));
    m_client->setCredentials(Secret(SandboxServer::builtInApiKey()),
                             Secret(SandboxServer::builtInUserKey()));
}

void TestApiClient::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_server.reset();
}

void TestApiClient::baseUrlRules_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("eToro") << QStringLiteral("https://public-api.etoro.com") << true;
    QTest::newRow("https anywhere") << QStringLiteral("https://example.org:8443/base") << true;
    QTest::newRow("http loopback v4") << QStringLiteral("http://127.0.0.1:8080") << true;
    QTest::newRow("http loopback 127.x") << QStringLiteral("http://127.1.2.3:80") << true;
    QTest::newRow("http localhost") << QStringLiteral("http://localhost:9000") << true;
    QTest::newRow("http loopback v6") << QStringLiteral("http://[::1]:9000") << true;
    QTest::newRow("http remote") << QStringLiteral("http://public-api.etoro.com") << false;
    QTest::newRow("http private range") << QStringLiteral("http://192.168.1.10") << false;
    QTest::newRow("http localhost lookalike")
        << QStringLiteral("http://localhost.evil.com") << false;
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1") << false;
    QTest::newRow("user info") << QStringLiteral("https://user:pw@example.org") << false;
    QTest::newRow("no host") << QStringLiteral("https://") << false;
    QTest::newRow("garbage") << QStringLiteral("not a url") << false;
    QTest::newRow("space in the host") << QStringLiteral("https://exa mple.com") << false;
}

void TestApiClient::baseUrlRules()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    const QString problem = ApiClient::checkBaseUrl(QUrl(url));
    QCOMPARE(problem.isEmpty(), accepted);
    // A refusal quotes what it refuses, or says what an address looks like: never "".
    QVERIFY2(!problem.contains(QStringLiteral("\"\"")), qPrintable(problem));
    QString error;
    QCOMPARE(m_client->setBaseUrl(QUrl(url), &error), accepted);
    QCOMPARE(error, problem);
}

void TestApiClient::defaultsAreSafe()
{
    ApiClient client(m_network.get());
    QCOMPARE(client.baseUrl(), QUrl(QStringLiteral("https://public-api.etoro.com")));
    QCOMPARE(client.timeout(), std::chrono::milliseconds(30000));
}

void TestApiClient::createSucceedsAndCarriesTheRequestId()
{
    const QUuid intent = QUuid::createUuid();
    ApiReply *reply = finished(m_client->createPortfolio(validRequest(), intent));
    QVERIFY2(reply->isOk(), qPrintable(reply->error() ? reply->error()->summary() : QString()));
    QCOMPARE(reply->httpStatus(), 201);
    QCOMPARE(reply->requestId(), intent);
    const CreatePortfolioResult &result = reply->createResult();
    QCOMPARE(result.portfolio.name, QStringLiteral("MyPort1"));
    QVERIFY(!QUuid(result.portfolio.id).isNull());
    QCOMPARE(result.portfolio.virtualBalance, Money::fromCents(1000000));
    QVERIFY(result.tokenCreated);
    QCOMPARE(result.createdTokens.size(), 1);
    QVERIFY(result.createdTokens.first().secret.reveal().startsWith(QStringLiteral("sk_sandbox_")));
    QCOMPARE(result.createdTokens.first().token.scopeIds, (QList<int> { 200, 202 }));
    QVERIFY(reply->rateLimit().limit.has_value());

    // The server saw our request id, once.
    QCOMPARE(m_server->requestCount("POST", CreatePath), 1);
    QCOMPARE(m_server->requests().last().requestId, intent.toString(QUuid::WithoutBraces));
}

void TestApiClient::listAndFindByName()
{
    QVERIFY(finished(m_client->createPortfolio(validRequest(QStringLiteral("Alpha01"))))->isOk());
    QVERIFY(finished(m_client->createPortfolio(validRequest(QStringLiteral("Beta002"))))->isOk());

    ApiReply *list = finished(m_client->listPortfolios());
    QVERIFY(list->isOk());
    QCOMPARE(list->portfolios().size(), 2);
    for (const Portfolio &portfolio : list->portfolios())
        QCOMPARE(portfolio.tokens.size(), 1);

    ApiReply *found = finished(m_client->findPortfolioByName(QStringLiteral(" Beta002 ")));
    QVERIFY(found->isOk());
    QVERIFY(found->foundPortfolio());
    QCOMPARE(found->foundPortfolio()->name, QStringLiteral("Beta002"));

    // The server's names are unique ignoring case; so is the check.
    ApiReply *otherCase = finished(m_client->findPortfolioByName(QStringLiteral("BETA002")));
    QVERIFY(otherCase->isOk() && otherCase->foundPortfolio());
    QCOMPARE(otherCase->foundPortfolio()->name, QStringLiteral("Beta002"));

    ApiReply *missing = finished(m_client->findPortfolioByName(QStringLiteral("Gamma03")));
    QVERIFY(missing->isOk());
    QVERIFY(!missing->foundPortfolio());
}

void TestApiClient::deletePortfolio()
{
    ApiReply *created = finished(m_client->createPortfolio(validRequest()));
    QVERIFY(created->isOk());
    const QString id = created->createResult().portfolio.id;

    ApiReply *deleted = finished(m_client->deletePortfolio(id));
    QVERIFY(deleted->isOk());
    QCOMPARE(deleted->httpStatus(), 204);
    QVERIFY(m_server->portfolios().isEmpty());

    ApiReply *again = finished(m_client->deletePortfolio(id));
    QVERIFY(again->error());
    QCOMPARE(again->error()->kind, Kind::NotFound);
    QCOMPARE(again->error()->httpStatus, 404);

    ApiReply *bad = finished(m_client->deletePortfolio(QStringLiteral("not-a-uuid")));
    QVERIFY(bad->error());
    QCOMPARE(bad->error()->kind, Kind::Validation);
    QCOMPARE(bad->error()->errorCode, QStringLiteral("ValidationFailed"));
}

void TestApiClient::addUpdateRevokeToken()
{
    ApiReply *created = finished(m_client->createPortfolio(validRequest()));
    QVERIFY(created->isOk());
    const QString portfolioId = created->createResult().portfolio.id;

    ApiReply *added =
        finished(m_client->addToken(portfolioId, tokenRequest(QStringLiteral("second"))));
    QVERIFY2(added->isOk(), qPrintable(added->error() ? added->error()->summary() : QString()));
    QCOMPARE(added->httpStatus(), 201);
    const QString tokenId = added->createdToken().token.id;
    QVERIFY(!tokenId.isEmpty());
    QVERIFY(added->createdToken().secret.reveal().startsWith(QStringLiteral("sk_sandbox_")));
    QCOMPARE(added->createdToken().token.scopeIds, QList<int> { 201 });

    UpdateTokenRequest update;
    update.scopeIds = QList<int> { 201, 203 };
    update.ipsWhitelist = QStringList { QStringLiteral("10.0.0.1") };
    ApiReply *updated = finished(m_client->updateToken(portfolioId, tokenId, update));
    QVERIFY2(updated->isOk(),
             qPrintable(updated->error() ? updated->error()->summary() : QString()));
    QCOMPARE(updated->httpStatus(), 204);

    ApiReply *unchanged = finished(m_client->updateToken(portfolioId, tokenId, update));
    QVERIFY(unchanged->error());
    QCOMPARE(unchanged->error()->kind, Kind::Validation);
    QCOMPARE(unchanged->error()->errorCode, QStringLiteral("NoChangesDetected"));

    ApiReply *list = finished(m_client->listPortfolios());
    QVERIFY(list->isOk());
    bool seen = false;
    for (const UserToken &token : list->portfolios().first().tokens) {
        if (token.id == tokenId) {
            seen = true;
            QCOMPARE(token.scopeIds, (QList<int> { 201, 203 }));
            QCOMPARE(token.ipsWhitelist, QStringList { QStringLiteral("10.0.0.1") });
        }
    }
    QVERIFY(seen);

    ApiReply *revoked = finished(m_client->revokeToken(portfolioId, tokenId));
    QVERIFY(revoked->isOk());
    ApiReply *revokedAgain = finished(m_client->revokeToken(portfolioId, tokenId));
    QVERIFY(revokedAgain->error());
    QCOMPARE(revokedAgain->error()->kind, Kind::NotFound);

    ApiReply *updateGone = finished(m_client->updateToken(portfolioId, tokenId, update));
    QVERIFY(updateGone->error());
    QCOMPARE(updateGone->error()->kind, Kind::NotFound);
}

void TestApiClient::tokenNameConflictAndQuota()
{
    ApiReply *created = finished(m_client->createPortfolio(validRequest()));
    QVERIFY(created->isOk());
    const QString portfolioId = created->createResult().portfolio.id;

    ApiReply *duplicate =
        finished(m_client->addToken(portfolioId, tokenRequest(QStringLiteral("my-trading-token"))));
    QVERIFY(duplicate->error());
    QCOMPARE(duplicate->error()->kind, Kind::Conflict);
    QCOMPARE(duplicate->error()->errorCode, QStringLiteral("UserKeyNameAlreadyExists"));

    // One token came with the portfolio; nine more reach the cap of ten.
    for (int i = 2; i <= 10; ++i)
        QVERIFY(
            finished(m_client->addToken(portfolioId, tokenRequest(QStringLiteral("t%1").arg(i))))
                ->isOk());
    ApiReply *over = finished(m_client->addToken(portfolioId, tokenRequest(QStringLiteral("t11"))));
    QVERIFY(over->error());
    QCOMPARE(over->error()->kind, Kind::TokenQuotaExceeded);
    QCOMPARE(over->error()->httpStatus, 429);
    QVERIFY(!over->error()->message().isEmpty());

    ApiReply *unknown = finished(m_client->addToken(
        QUuid::createUuid().toString(QUuid::WithoutBraces), tokenRequest(QStringLiteral("x"))));
    QVERIFY(unknown->error());
    QCOMPARE(unknown->error()->kind, Kind::NotFound);
}

void TestApiClient::serverValidationLandsAtItsField_data()
{
    QTest::addColumn<CreatePortfolioRequest>("request");
    QTest::addColumn<Field>("field");

    CreatePortfolioRequest shortName = validRequest(QStringLiteral("Short"));
    QTest::newRow("name too short") << shortName << Field::PortfolioName;
    CreatePortfolioRequest tooLittle = validRequest();
    tooLittle.investment = Money::fromCents(100); // below the sandbox's minimum
    QTest::newRow("below minimum") << tooLittle << Field::InvestmentAmount;
    CreatePortfolioRequest noScopes = validRequest();
    noScopes.scopeIds.clear();
    QTest::newRow("no scopes") << noScopes << Field::Scopes;
    CreatePortfolioRequest badIp = validRequest();
    badIp.ipsWhitelist = { QStringLiteral("01.2.3.4") };
    QTest::newRow("bad ip") << badIp << Field::IpAllowList;
    CreatePortfolioRequest past = validRequest();
    past.expiresAt = QDateTime::currentDateTimeUtc().addDays(-1);
    QTest::newRow("expired") << past << Field::ExpiresAt;
}

void TestApiClient::serverValidationLandsAtItsField()
{
    QFETCH(CreatePortfolioRequest, request);
    QFETCH(Field, field);
    ApiReply *reply = finished(m_client->createPortfolio(request));
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->httpStatus, 400);
    QCOMPARE(reply->error()->kind, Kind::Validation);
    QCOMPARE(reply->error()->field, field);
    QVERIFY(!reply->error()->serverMessage.isEmpty());
    QVERIFY(reply->error()->message().contains(reply->error()->serverMessage));
    QVERIFY(m_server->portfolios().isEmpty());
}

void TestApiClient::duplicatePortfolioNameIsAConflict()
{
    QVERIFY(finished(m_client->createPortfolio(validRequest()))->isOk());
    ApiReply *again = finished(m_client->createPortfolio(validRequest()));
    QVERIFY(again->error());
    // Sent once, refused once: a plain conflict, not an ambiguous outcome.
    QCOMPARE(again->error()->kind, Kind::Conflict);
    QCOMPARE(m_server->portfolios().size(), 1);
}

void TestApiClient::unauthorized()
{
    m_server->setRequiredKeys(QStringLiteral("right-api-key"), QStringLiteral("right-user-key"));
    m_client->setCredentials(Secret(QStringLiteral("wrong-api-key")),
                             Secret(QStringLiteral("right-user-key")));
    ApiReply *reply = finished(m_client->listPortfolios());
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, Kind::Unauthorized);
    QCOMPARE(reply->error()->httpStatus, 401);
    QVERIFY(!reply->error()->message().contains(QStringLiteral("wrong-api-key")));

    m_client->setCredentials(Secret(QStringLiteral("right-api-key")),
                             Secret(QStringLiteral("right-user-key")));
    QVERIFY(finished(m_client->listPortfolios())->isOk());
}

void TestApiClient::missingCredentialsSendNothing()
{
    m_client->setCredentials(Secret(), Secret(QStringLiteral("user")));
    ApiReply *reply = finished(m_client->createPortfolio(validRequest()));
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, Kind::Unauthorized);
    QCOMPARE(reply->error()->httpStatus, 0);
    QCOMPARE(m_server->requestCount(), 0);
}

void TestApiClient::rateLimited()
{
    m_server->setRateLimit(2, 60);
    ApiReply *first = finished(m_client->listPortfolios());
    QVERIFY(first->isOk());
    QCOMPARE(first->rateLimit().limit, std::optional<int>(2));
    QCOMPARE(first->rateLimit().remaining, std::optional<int>(1));
    QVERIFY(first->rateLimit().resetSeconds.has_value());
    QVERIFY(finished(m_client->listPortfolios())->isOk());
    ApiReply *third = finished(m_client->listPortfolios());
    QVERIFY(third->error());
    QCOMPARE(third->error()->kind, Kind::RateLimited);
    QVERIFY(third->error()->rateLimit.retryAfterSeconds.has_value());
    QVERIFY(*third->error()->rateLimit.retryAfterSeconds > 0);
    QVERIFY(third->error()->rateLimit.retryAt(QDateTime::currentDateTimeUtc()).has_value());
}

void TestApiClient::faultsOnList_data()
{
    QTest::addColumn<Fault::Kind>("fault");
    QTest::addColumn<Kind>("expected");
    QTest::addColumn<int>("status");
    QTest::newRow("500") << Fault::Kind::ServerError500 << Kind::ServerError << 500;
    QTest::newRow("502 html") << Fault::Kind::BadGateway502 << Kind::ServerError << 502;
    QTest::newRow("503 html") << Fault::Kind::ServiceUnavailable503 << Kind::ServerError << 503;
    QTest::newRow("malformed") << Fault::Kind::MalformedBody << Kind::MalformedResponse << 200;
    QTest::newRow("html 429") << Fault::Kind::Html429 << Kind::RateLimited << 429;
    QTest::newRow("redirect") << Fault::Kind::Redirect << Kind::Redirect << 307;
    QTest::newRow("dropped") << Fault::Kind::DropBeforeProcessing << Kind::Network << 0;
}

void TestApiClient::faultsOnList()
{
    QFETCH(Fault::Kind, fault);
    QFETCH(Kind, expected);
    QFETCH(int, status);
    Fault injected;
    injected.kind = fault;
    injected.times = 3; // also catches a silent re-send by Qt on a dropped connection
    m_server->injectFault(injected);
    ApiReply *reply = finished(m_client->listPortfolios());
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, expected);
    QCOMPARE(reply->error()->httpStatus, status);
    QVERIFY(!reply->error()->message().isEmpty());
    QCOMPARE(reply->error()->requestId, reply->requestId());
    if (fault == Fault::Kind::Html429)
        QCOMPARE(reply->error()->rateLimit.retryAfterSeconds, std::optional<int>(7));
}

void TestApiClient::faultsOnCreate_data()
{
    QTest::addColumn<Fault::Kind>("fault");
    QTest::addColumn<Kind>("underlying");
    QTest::addColumn<int>("portfoliosAfter");
    QTest::newRow("500") << Fault::Kind::ServerError500 << Kind::ServerError << 0;
    QTest::newRow("502 html") << Fault::Kind::BadGateway502 << Kind::ServerError << 0;
    QTest::newRow("503 html") << Fault::Kind::ServiceUnavailable503 << Kind::ServerError << 0;
    QTest::newRow("malformed 201") << Fault::Kind::MalformedBody << Kind::MalformedResponse << 1;
    QTest::newRow("truncated 201") << Fault::Kind::TruncatedBody << Kind::MalformedResponse << 1;
    // A redirect is never followed; after a POST it may mean the server acted.
    QTest::newRow("redirect") << Fault::Kind::Redirect << Kind::Redirect << 0;
    // An answer over 1 MiB is not read; whether the server acted is not known (-1).
    QTest::newRow("2 MiB answer") << Fault::Kind::HugeBody << Kind::MalformedResponse << -1;
}

void TestApiClient::faultsOnCreate()
{
    QFETCH(Fault::Kind, fault);
    QFETCH(Kind, underlying);
    QFETCH(int, portfoliosAfter);
    Fault injected;
    injected.kind = fault;
    injected.method = "POST";
    m_server->injectFault(injected);
    ApiReply *reply = finished(m_client->createPortfolio(validRequest()));
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, Kind::OutcomeUnknown);
    QVERIFY(reply->error()->underlying.has_value());
    if (fault != Fault::Kind::TruncatedBody) // a cut body may surface as a network error
        QCOMPARE(*reply->error()->underlying, underlying);
    if (portfoliosAfter >= 0)
        QCOMPARE(m_server->portfolios().size(), portfoliosAfter);
    QVERIFY(reply->error()->message().contains(QStringLiteral("money may have moved")));
    if (fault == Fault::Kind::HugeBody)
        QVERIFY(reply->error()->message().contains(QStringLiteral("1 MiB")));
}

void TestApiClient::unreadableCreateAnswerKeepsTheTokenItCarried_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("secrets"); // the secrets kept, in order
    QTest::addColumn<QStringList>("ids"); // their ids as the answer gave them

    QTest::newRow("no portfolio id")
        << QByteArray(R"({"userTokens":[{"userTokenId":"t-1","userTokenName":"bot",)"
                      R"("userToken":"sk_known_1"}],"userTokenCreated":true})")
        << QStringList { QStringLiteral("sk_known_1") } << QStringList { QStringLiteral("t-1") };
    QTest::newRow("no token id") << QByteArray(
        R"({"agentPortfolioId":"p-1","userTokens":[{"userToken":"sk_known_1"}]})")
                                 << QStringList { QStringLiteral("sk_known_1") }
                                 << QStringList { QString() };
    QTest::newRow("one of two tokens carries its secret")
        << QByteArray(R"({"userTokens":[{"userTokenId":"t-1"},)"
                      R"({"userTokenId":"t-2","userToken":"sk_known_2"}]})")
        << QStringList { QStringLiteral("sk_known_2") } << QStringList { QStringLiteral("t-2") };
    QTest::newRow("no secret") << QByteArray(R"({"userTokens":[{"userTokenId":"t-1"}]})")
                               << QStringList() << QStringList();
    QTest::newRow("secret not a string")
        << QByteArray(R"({"userTokens":[{"userTokenId":"t-1","userToken":12}]})") << QStringList()
        << QStringList();
    QTest::newRow("empty secret") << QByteArray(
        R"({"userTokens":[{"userTokenId":"t-1","userToken":""}]})")
                                  << QStringList() << QStringList();
    // Not JSON: nothing in it can be trusted to be a whole secret.
    QTest::newRow("cut mid-JSON") << QByteArray(R"({"userTokens":[{"userToken":"sk_known_1)")
                                  << QStringList() << QStringList();
    QTest::newRow("tokens not a list") << QByteArray(R"({"userTokens":{"userToken":"sk_known_1"}})")
                                       << QStringList() << QStringList();
}

void TestApiClient::unreadableCreateAnswerKeepsTheTokenItCarried()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, secrets);
    QFETCH(QStringList, ids);
    Fault injected;
    injected.kind = Fault::Kind::Answer;
    injected.method = "POST";
    injected.status = 201;
    injected.contentType = QByteArrayLiteral("application/json");
    injected.body = body;
    m_server->injectFault(injected);
    ApiReply *reply = finished(m_client->createPortfolio(validRequest()));
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, Kind::OutcomeUnknown);
    QCOMPARE(reply->error()->underlying, std::optional<Kind>(Kind::MalformedResponse));
    QStringList kept;
    QStringList keptIds;
    for (const CreatedToken &token : reply->salvagedTokens()) {
        kept << token.secret.reveal();
        keptIds << token.token.id;
    }
    QCOMPARE(kept, secrets);
    QCOMPARE(keptIds, ids);
    QVERIFY(!reply->error()->message().contains(QStringLiteral("sk_known")));
    QVERIFY(!reply->error()->summary().contains(QStringLiteral("sk_known")));
}

void TestApiClient::partialCreate207()
{
    Fault injected;
    injected.kind = Fault::Kind::TokenNotCreated207;
    m_server->injectFault(injected);
    ApiReply *reply = finished(m_client->createPortfolio(validRequest()));
    QVERIFY2(reply->isOk(), qPrintable(reply->error() ? reply->error()->summary() : QString()));
    QCOMPARE(reply->httpStatus(), 207);
    QVERIFY(!reply->createResult().tokenCreated);
    QVERIFY(reply->createResult().createdTokens.isEmpty());
    QCOMPARE(reply->createResult().portfolio.name, QStringLiteral("MyPort1"));
    QCOMPARE(m_server->portfolios().size(), 1);
}

void TestApiClient::droppedCreateLeavesOnePortfolioAndIsOutcomeUnknown()
{
    Fault injected;
    injected.kind = Fault::Kind::DropAfterProcessing;
    injected.method = "POST";
    injected.pathPrefix = CreatePath;
    injected.times = 5; // any re-send is dropped too, after being processed (or refused)
    m_server->injectFault(injected);

    ApiReply *reply = finished(m_client->createPortfolio(validRequest()));
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, Kind::OutcomeUnknown);
    QCOMPARE(m_server->portfolios().size(), 1);
    // Qt's words for a refused re-send are "Unknown error": the user is told what happened.
    const QString detail = reply->error()->detail;
    QVERIFY2(!detail.isEmpty() && !detail.contains(QStringLiteral("Unknown error")),
             qPrintable(detail));

    // Reconciliation finds it, by name.
    m_server->clearFaults();
    ApiReply *check = finished(m_client->findPortfolioByName(QStringLiteral("MyPort1")));
    QVERIFY(check->isOk());
    QVERIFY(check->foundPortfolio());
    QCOMPARE(check->foundPortfolio()->id, m_server->portfolios().first().id);
}

void TestApiClient::droppedCreateOnReusedConnectionIsNeverAPlainError()
{
    // Open a keep-alive connection first, on which Qt once re-sent the POST after the drop
    // (the copy met "name already exists"); the create now goes through a manager of its
    // own, with a body that cannot be sent twice.
    QVERIFY(finished(m_client->listPortfolios())->isOk());
    Fault injected;
    injected.kind = Fault::Kind::DropAfterProcessing;
    injected.method = "POST";
    injected.pathPrefix = CreatePath;
    m_server->injectFault(injected);

    const QUuid intent = QUuid::createUuid();
    ApiReply *reply = finished(m_client->createPortfolio(validRequest(), intent));
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, Kind::OutcomeUnknown);
    QCOMPARE(m_server->portfolios().size(), 1);
    // Whatever Qt did on the wire, every copy carried the same intent.
    for (const auto &request : m_server->requests()) {
        if (request.method == "POST")
            QCOMPARE(request.requestId, intent.toString(QUuid::WithoutBraces));
    }
}

void TestApiClient::slowCreateIsOutcomeUnknownAndNotResent()
{
    m_client->setTimeout(std::chrono::milliseconds(400));
    Fault injected;
    injected.kind = Fault::Kind::Delay;
    injected.delayMs = 1500;
    injected.method = "POST";
    m_server->injectFault(injected);
    ApiReply *reply = finished(m_client->createPortfolio(validRequest()));
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, Kind::OutcomeUnknown);
    QCOMPARE(reply->error()->underlying, std::optional<Kind>(Kind::Timeout));
    // The server processed it; nothing was sent again.
    QTRY_COMPARE(m_server->portfolios().size(), 1);
    QTest::qWait(1500);
    QCOMPARE(m_server->requestCount("POST"), 1);

    // A slow list is a plain timeout.
    injected.method = "GET";
    m_server->injectFault(injected);
    ApiReply *list = finished(m_client->listPortfolios());
    QVERIFY(list->error());
    QCOMPARE(list->error()->kind, Kind::Timeout);
}

// Adding a token makes a secret that eToro shows once: like a create, an answer that leaves
// open whether the server acted is OutcomeUnknown, never "not added", and is never re-sent.
void TestApiClient::faultsOnAddToken_data()
{
    QTest::addColumn<Fault::Kind>("fault");
    QTest::addColumn<Kind>("underlying");
    QTest::addColumn<int>("tokensAfter"); // -1: either
    QTest::newRow("dropped after processing")
        << Fault::Kind::DropAfterProcessing << Kind::Network << 2;
    QTest::newRow("slow past the timeout") << Fault::Kind::Delay << Kind::Timeout << 2;
    QTest::newRow("500") << Fault::Kind::ServerError500 << Kind::ServerError << 1;
    QTest::newRow("502 html") << Fault::Kind::BadGateway502 << Kind::ServerError << 1;
    QTest::newRow("malformed 201") << Fault::Kind::MalformedBody << Kind::MalformedResponse << 2;
    QTest::newRow("truncated 201") << Fault::Kind::TruncatedBody << Kind::MalformedResponse << 2;
    QTest::newRow("redirect") << Fault::Kind::Redirect << Kind::Redirect << 1;
    QTest::newRow("2 MiB answer") << Fault::Kind::HugeBody << Kind::MalformedResponse << -1;
}

void TestApiClient::faultsOnAddToken()
{
    QFETCH(Fault::Kind, fault);
    QFETCH(Kind, underlying);
    QFETCH(int, tokensAfter);
    ApiReply *created = finished(m_client->createPortfolio(validRequest()));
    QVERIFY(created->isOk());
    const QString portfolioId = created->createResult().portfolio.id;
    m_server->clearRequests();

    m_client->setTimeout(std::chrono::milliseconds(400));
    Fault injected;
    injected.kind = fault;
    injected.delayMs = 1500;
    injected.method = "POST";
    injected.times = 5; // any re-send meets the fault too
    m_server->injectFault(injected);
    ApiReply *reply =
        finished(m_client->addToken(portfolioId, tokenRequest(QStringLiteral("second"))));
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, Kind::OutcomeUnknown);
    QVERIFY(reply->error()->underlying.has_value());
    if (fault != Fault::Kind::TruncatedBody) // a cut body may surface as a network error
        QCOMPARE(*reply->error()->underlying, underlying);
    const QString message = reply->error()->message();
    QVERIFY2(message.contains(QStringLiteral("token may have been added")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("money")), qPrintable(message));

    QTest::qWait(fault == Fault::Kind::Delay ? 1500 : 100);
    QCOMPARE(m_server->requestCount("POST"), 1);
    if (tokensAfter >= 0)
        QCOMPARE(m_server->portfolios().constFirst().tokens.size(), tokensAfter);
}

void TestApiClient::droppedAddTokenOnReusedConnectionIsNotResent()
{
    ApiReply *created = finished(m_client->createPortfolio(validRequest()));
    QVERIFY(created->isOk());
    const QString portfolioId = created->createResult().portfolio.id;
    // A keep-alive connection, on which Qt re-sent a dropped POST by itself: the copy met
    // "name already exists" and the token, added by the first, read as not added, its secret
    // lost. Now the add-token goes through a manager of its own, with a body that cannot be
    // sent twice.
    QVERIFY(finished(m_client->listPortfolios())->isOk());
    m_server->clearRequests();
    Fault injected;
    injected.kind = Fault::Kind::DropAfterProcessing;
    injected.method = "POST";
    m_server->injectFault(injected);

    ApiReply *reply =
        finished(m_client->addToken(portfolioId, tokenRequest(QStringLiteral("second"))));
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, Kind::OutcomeUnknown);
    QCOMPARE(m_server->requestCount("POST"), 1);
    QCOMPARE(m_server->portfolios().constFirst().tokens.size(), 2);
}

// A create or an add-token goes out on a connection of its own without disturbing a call
// already under way (a refresh, a revoke): clearing the shared connections would cut it off.
void TestApiClient::secretMakingCallsLeaveOtherCallsAlone()
{
    ApiReply *created = finished(m_client->createPortfolio(validRequest()));
    QVERIFY(created->isOk());
    const QString portfolioId = created->createResult().portfolio.id;
    Fault slow;
    slow.kind = Fault::Kind::Delay;
    slow.delayMs = 1500;
    slow.method = "GET";
    slow.times = 2;
    m_server->injectFault(slow);
    ApiReply *list = m_client->listPortfolios();
    QTRY_COMPARE(m_server->requestCount("GET"), 1); // under way
    ApiReply *added =
        finished(m_client->addToken(portfolioId, tokenRequest(QStringLiteral("second"))));
    QVERIFY2(added->isOk(), qPrintable(added->error() ? added->error()->summary() : QString()));
    QVERIFY2(!list->isFinished(), "the calls did not overlap; the test proves nothing");
    ApiReply *another = m_client->listPortfolios();
    QTRY_COMPARE(m_server->requestCount("GET"), 2);
    ApiReply *createdToo =
        finished(m_client->createPortfolio(validRequest(QStringLiteral("MyPort2"))));
    QVERIFY(createdToo->isOk());
    QVERIFY2(!another->isFinished(), "the calls did not overlap; the test proves nothing");
    QVERIFY2(finished(list)->isOk(),
             qPrintable(list->error() ? list->error()->summary() : QString()));
    QVERIFY2(finished(another)->isOk(),
             qPrintable(another->error() ? another->error()->summary() : QString()));
    // The managers made for the two calls are gone with their replies.
    QTRY_VERIFY(m_client->findChildren<QNetworkAccessManager *>().isEmpty());
}

void TestApiClient::unreadableAddTokenAnswerKeepsTheTokenItCarried_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("secret"); // the secret kept, or empty for none

    QTest::newRow("no token id") << QByteArray(
        R"({"userTokenName":"second","userToken":"sk_known_1","scopeIds":[201]})")
                                 << QStringLiteral("sk_known_1");
    QTest::newRow("token id not a string")
        << QByteArray(R"({"userTokenId":7,"userToken":"sk_known_1"})")
        << QStringLiteral("sk_known_1");
    QTest::newRow("no secret") << QByteArray(R"({"userTokenName":"second"})") << QString();
    QTest::newRow("secret not a string") << QByteArray(R"({"userToken":12})") << QString();
    QTest::newRow("empty secret") << QByteArray(R"({"userToken":""})") << QString();
    // Not JSON: nothing in it can be trusted to be a whole secret.
    QTest::newRow("cut mid-JSON") << QByteArray(R"({"userToken":"sk_known_1)") << QString();
    QTest::newRow("a list") << QByteArray(R"([{"userToken":"sk_known_1"}])") << QString();
}

void TestApiClient::unreadableAddTokenAnswerKeepsTheTokenItCarried()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, secret);
    ApiReply *created = finished(m_client->createPortfolio(validRequest()));
    QVERIFY(created->isOk());
    Fault injected;
    injected.kind = Fault::Kind::Answer;
    injected.method = "POST";
    injected.status = 201;
    injected.contentType = QByteArrayLiteral("application/json");
    injected.body = body;
    m_server->injectFault(injected);
    ApiReply *reply = finished(m_client->addToken(created->createResult().portfolio.id,
                                                  tokenRequest(QStringLiteral("second"))));
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, Kind::OutcomeUnknown);
    QCOMPARE(reply->error()->underlying, std::optional<Kind>(Kind::MalformedResponse));
    QStringList kept;
    for (const CreatedToken &token : reply->salvagedTokens())
        kept << token.secret.reveal();
    QCOMPARE(kept, secret.isEmpty() ? QStringList() : QStringList { secret });
    QVERIFY(!reply->error()->message().contains(QStringLiteral("sk_known")));
    QVERIFY(!reply->error()->summary().contains(QStringLiteral("sk_known")));
}

void TestApiClient::connectionRefusedIsNotAmbiguous()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    QVERIFY(m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))));
    ApiReply *reply = finished(m_client->createPortfolio(validRequest()));
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, Kind::Network);
}

void TestApiClient::tlsFailureIsAnError()
{
    // A real TLS server whose certificate is self-signed: the client must refuse it,
    // and no HTTP request (so no key) may cross.
    QFile certFile(QStringLiteral(AGENTFOLIO_TEST_DATA "/selfsigned-cert.pem"));
    QFile keyFile(QStringLiteral(AGENTFOLIO_TEST_DATA "/selfsigned-key.pem"));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    QSslServer server;
    server.setSslConfiguration(tls);
    QByteArray received;
    connect(&server, &QSslServer::pendingConnectionAvailable, this, [&server, &received] {
        while (QTcpSocket *socket = server.nextPendingConnection())
            connect(socket, &QTcpSocket::readyRead, socket,
                    [socket, &received] { received += socket->readAll(); });
    });
    QVERIFY(server.listen(QHostAddress::LocalHost));

    QVERIFY(m_client->setBaseUrl(
        QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort()))));
    ApiReply *reply = finished(m_client->createPortfolio(validRequest()));
    QVERIFY(reply->error());
    QVERIFY2(reply->error()->kind == Kind::Tls,
             qPrintable(reply->error()->summary() + reply->error()->detail));
    QVERIFY(reply->error()->message().contains(reply->error()->detail));
    QVERIFY(received.isEmpty());
}

void TestApiClient::abortBeforeAnswer()
{
    Fault injected;
    injected.kind = Fault::Kind::Delay;
    injected.delayMs = 2000;
    m_server->injectFault(injected);
    ApiReply *reply = m_client->listPortfolios();
    QTest::qWait(200);
    reply->abort();
    finished(reply);
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, Kind::Cancelled);
}

namespace {
QStringList *capturedLog = nullptr;
void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    capturedLog->append(QString::fromLatin1(context.category) + QLatin1Char(' ') + message);
}
} // namespace

void TestApiClient::logsNeverCarrySecrets()
{
    const QString apiKey = QStringLiteral("apikey-5f0c2b7e9d1a4c3b");
    const QString userKey = QStringLiteral("userkey-8e7d6c5b4a392817");
    m_client->setCredentials(Secret(apiKey), Secret(userKey));
    QStringList log;
    capturedLog = &log;
    QLoggingCategory::setFilterRules(QStringLiteral("agentfolio.*=true\nqt.network.*=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);

    ApiReply *created = finished(m_client->createPortfolio(validRequest()));
    ApiReply *added = created->isOk()
        ? finished(m_client->addToken(created->createResult().portfolio.id,
                                      tokenRequest(QStringLiteral("second"))))
        : nullptr;
    finished(m_client->listPortfolios());
    m_server->injectFault(Fault { Fault::Kind::ServerError500, 0, "POST", {}, 1 });
    finished(m_client->createPortfolio(validRequest(QStringLiteral("Other01"))));

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    capturedLog = nullptr;

    QVERIFY(created->isOk() && added && added->isOk());
    QVERIFY2(log.size() >= 4, "the client logged nothing: the test would prove nothing");
    QStringList secrets { apiKey, userKey,
                          created->createResult().createdTokens.first().secret.reveal(),
                          added->createdToken().secret.reveal() };
    for (const QString &line : std::as_const(log)) {
        for (const QString &secret : std::as_const(secrets))
            QVERIFY2(!line.contains(secret), "a secret reached the log (line not shown)");
    }
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
