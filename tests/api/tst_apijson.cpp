#include "api/apijson.h"
#include "domain/scopes.h"
#include "seedfile.h"

#include <QJsonArray>
#include <QTest>

using namespace agentfolio;

class TestApiJson : public QObject
{
    Q_OBJECT
private slots:
    void seedRequestSerialisesExactly();
    void optionalFieldsAreOmitted();
    void amountsAreNumbers_data();
    void amountsAreNumbers();
    void seedResponseParses();
    void partialSuccess207();
    void createdTokenWithoutIdOrSecretIsAnError_data();
    void createdTokenWithoutIdOrSecretIsAnError();
    void scopeSpellings_data();
    void scopeSpellings();
    void integersADoubleDoesNotHoldAreAbsent_data();
    void integersADoubleDoesNotHoldAreAbsent();
    void virtualBalanceNoMoneyHoldsIsUnknown_data();
    void virtualBalanceNoMoneyHoldsIsUnknown();
    void nullAndMissingExpiry();
    void datesNoFourDigitYearWritesAreAbsent_data();
    void datesNoFourDigitYearWritesAreAbsent();
    void oversizedBodyIsRefused();
    void listParses();
    void listWithoutArrayIsAnError();
    void addTokenParses();
    void updateSendsOnlyWhatIsSet();
    void errorBodies_data();
    void errorBodies();
    void errorMessagesNeverCarryTheSecret();
};

static const QDateTime seedExpiry(QDate(2026, 12, 31), QTime(23, 59, 59), Qt::UTC);

void TestApiJson::seedRequestSerialisesExactly()
{
    const QJsonObject expected = seed::requestExample();
    QVERIFY2(!expected.isEmpty(), "the seed file's request example could not be read");

    CreatePortfolioRequest request;
    request.investment = Money::fromCents(200000);
    request.portfolioName = QStringLiteral("MyPort1");
    request.tokenName = QStringLiteral("my-trading-token");
    request.scopeIds = { 200, 202 };
    request.description = QStringLiteral("My trading portfolio");
    request.ipsWhitelist = { QStringLiteral("192.168.1.1") };
    request.expiresAt = seedExpiry;

    const QJsonObject actual = ApiJson::toJson(request);
    QCOMPARE(actual, expected);
    // Numbers as numbers, and 2000 as an integer literal, as in the seed.
    const QByteArray bytes = ApiJson::toBytes(actual);
    QVERIFY2(bytes.contains("\"investmentAmountInUsd\":2000,"), bytes.constData());
    QVERIFY(bytes.contains("\"scopeIds\":[200,202]"));
}

void TestApiJson::optionalFieldsAreOmitted()
{
    CreatePortfolioRequest request;
    request.investment = Money::fromCents(50000);
    request.portfolioName = QStringLiteral("Minimal");
    request.tokenName = QStringLiteral("t");
    request.scopeIds = { 201 };
    const QJsonObject json = ApiJson::toJson(request);
    QCOMPARE(json.keys(),
             (QStringList { QStringLiteral("agentPortfolioName"),
                            QStringLiteral("investmentAmountInUsd"), QStringLiteral("scopeIds"),
                            QStringLiteral("userTokenName") }));
}

void TestApiJson::amountsAreNumbers_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QByteArray>("literal");
    QTest::newRow("whole") << qint64(200000) << QByteArray("2000");
    QTest::newRow("half") << qint64(200050) << QByteArray("2000.5");
    QTest::newRow("seven cents") << qint64(7) << QByteArray("0.07");
    QTest::newRow("one cent") << qint64(1) << QByteArray("0.01");
    QTest::newRow("large") << qint64(123456789012) << QByteArray("1234567890.12");
}

void TestApiJson::amountsAreNumbers()
{
    QFETCH(qint64, cents);
    QFETCH(QByteArray, literal);
    CreatePortfolioRequest request;
    request.investment = Money::fromCents(cents);
    const QByteArray bytes = ApiJson::toBytes(ApiJson::toJson(request));
    QVERIFY2(bytes.contains("\"investmentAmountInUsd\":" + literal + ","), bytes.constData());
    // And back: the number reads as the same cents.
    const double sent = QJsonDocument::fromJson(bytes)
                            .object()
                            .value(QStringLiteral("investmentAmountInUsd"))
                            .toDouble();
    QCOMPARE(Money::fromJsonNumber(sent, nullptr), std::optional<Money>(Money::fromCents(cents)));
}

void TestApiJson::seedResponseParses()
{
    const QByteArray body = seed::responseExampleBytes();
    QVERIFY2(!body.isEmpty(), "the seed file's response example could not be read");
    QString error;
    const auto result = ApiJson::parseCreateResponse(body, &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(result->portfolio.id, QStringLiteral("a1b2c3d4-e5f6-7890-abcd-ef1234567890"));
    QCOMPARE(result->portfolio.name, QStringLiteral("MyPort1"));
    QCOMPARE(result->portfolio.gcid, 12345678);
    QCOMPARE(result->portfolio.virtualBalance, Money::fromCents(1000000));
    QCOMPARE(result->portfolio.mirrorId, 12345);
    QVERIFY(result->tokenCreated);
    QCOMPARE(result->createdTokens.size(), 1);
    const CreatedToken &created = result->createdTokens.first();
    QCOMPARE(created.token.id, QStringLiteral("f9e8d7c6-b5a4-3210-fedc-ba9876543210"));
    QVERIFY(created.secret.reveal() == QStringLiteral("sk_live_a1b2c3d4e5f6..."));
    QCOMPARE(created.token.name, QStringLiteral("my-trading-token"));
    QCOMPARE(created.token.clientId, QStringLiteral("c1d2e3f4-a5b6-7890-cdef-123456789abc"));
    QCOMPARE(created.token.ipsWhitelist, QStringList { QStringLiteral("192.168.1.1") });
    QCOMPARE(created.token.scopeIds, (QList<int> { 200, 202 }));
    QCOMPARE(created.token.expiresAt, std::optional<QDateTime>(seedExpiry));
}

void TestApiJson::partialSuccess207()
{
    const QByteArray body = R"({"agentPortfolioId":"a1b2c3d4-e5f6-7890-abcd-ef1234567890",
        "agentPortfolioName":"MyPort1","agentPortfolioGcid":1,"agentPortfolioVirtualBalance":10000,
        "mirrorId":2,"userTokenCreated":false})";
    QString error;
    const auto result = ApiJson::parseCreateResponse(body, &error);
    QVERIFY2(result, qPrintable(error));
    QVERIFY(!result->tokenCreated);
    QVERIFY(result->createdTokens.isEmpty());
    QCOMPARE(result->portfolio.name, QStringLiteral("MyPort1"));
}

void TestApiJson::createdTokenWithoutIdOrSecretIsAnError_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no userTokenId") << QByteArray(R"({"userToken":"sk_x","userTokenName":"n"})")
                                    << QStringLiteral("userTokenId");
    QTest::newRow("empty userTokenId")
        << QByteArray(R"({"userTokenId":"","userToken":"sk_x"})") << QStringLiteral("userTokenId");
    QTest::newRow("no userToken") << QByteArray(R"({"userTokenId":"t1","userTokenName":"n"})")
                                  << QStringLiteral("userToken");
    QTest::newRow("null userToken")
        << QByteArray(R"({"userTokenId":"t1","userToken":null})") << QStringLiteral("userToken");
    QTest::newRow("numeric userToken")
        << QByteArray(R"({"userTokenId":"t1","userToken":5})") << QStringLiteral("userToken");
}

void TestApiJson::createdTokenWithoutIdOrSecretIsAnError()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, mentions);
    const QByteArray create =
        R"({"agentPortfolioId":"p1","agentPortfolioName":"MyPort1","userTokens":[)" + token + "]}";
    QString error;
    QVERIFY(!ApiJson::parseCreateResponse(create, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    error.clear();
    QVERIFY(!ApiJson::parseCreatedToken(token, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TestApiJson::scopeSpellings_data()
{
    QTest::addColumn<QByteArray>("member");
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("scopeIds") << QByteArray(R"("scopeIds":[202,200])") << QList<int> { 200, 202 };
    QTest::newRow("scopeNames") << QByteArray(
        R"("scopeNames":["etoro-public:demo:read","etoro-public:demo:write"])")
                                << QList<int> { 201, 203 };
    QTest::newRow("scopes objects") << QByteArray(
        R"("scopes":[{"name":"etoro-public:real:read"},{"name":"etoro-public:real:write"}])")
                                    << QList<int> { 200, 202 };
    QTest::newRow("ids and names together") << QByteArray(
        R"("scopeIds":[200],"scopeNames":["etoro-public:real:read","etoro-public:demo:read"])")
                                            << QList<int> { 200, 201 };
    QTest::newRow("unknown name ignored")
        << QByteArray(R"("scopeNames":["etoro-public:future:thing"])") << QList<int> {};
    QTest::newRow("scopes id objects")
        << QByteArray(R"("scopes":[{"id":201},{"id":203}])") << QList<int> { 201, 203 };
    QTest::newRow("scopes bare ids") << QByteArray(R"("scopes":[202])") << QList<int> { 202 };
    // 4294967496 is 2^32 + 200 and -4294967096 is 200 - 2^32: cast to int both would wrap to
    // 200 and grant the token a scope the server never named. No int, no scope.
    QTest::newRow("scopeIds beyond int dropped")
        << QByteArray(R"("scopeIds":[4294967496,201])") << QList<int> { 201 };
    QTest::newRow("scopeIds below int dropped")
        << QByteArray(R"("scopeIds":[-4294967096])") << QList<int> {};
    QTest::newRow("scopeIds string beyond int dropped")
        << QByteArray(R"("scopeIds":["4294967496"])") << QList<int> {};
    QTest::newRow("scopes id object beyond int dropped")
        << QByteArray(R"("scopes":[{"id":4294967496}])") << QList<int> {};
    QTest::newRow("scopes bare id beyond int dropped")
        << QByteArray(R"("scopes":[4294967496])") << QList<int> {};
}

void TestApiJson::scopeSpellings()
{
    QFETCH(QByteArray, member);
    QFETCH(QList<int>, expected);
    const QByteArray body = R"({"userTokenId":"t1","userToken":"sk_sandbox_x",)" + member + "}";
    QString error;
    const auto token = ApiJson::parseCreatedToken(body, &error);
    QVERIFY2(token, qPrintable(error));
    QCOMPARE(token->token.scopeIds, expected);
}

// The integers a double holds exactly, up to +-9e15, are what the index stores; anything
// larger has lost digits on the way and is read as absent (0), never converted (that is
// undefined behaviour) and never kept (the index would refuse the file it lands in).
void TestApiJson::integersADoubleDoesNotHoldAreAbsent_data()
{
    QTest::addColumn<QByteArray>("literal"); // the JSON value of gcid and mirrorId
    QTest::addColumn<qint64>("expected"); // 0 = absent

    QTest::newRow("seed") << QByteArray("12345678") << qint64(12345678);
    QTest::newRow("as a string") << QByteArray(R"("21")") << qint64(21);
    QTest::newRow("9e15") << QByteArray("9000000000000000") << qint64(9'000'000'000'000'000);
    QTest::newRow("-9e15") << QByteArray("-9000000000000000") << qint64(-9'000'000'000'000'000);
    QTest::newRow("9e15 as a string")
        << QByteArray(R"("9000000000000000")") << qint64(9'000'000'000'000'000);
    QTest::newRow("9e15 + 1") << QByteArray("9000000000000001") << qint64(0);
    QTest::newRow("-9e15 - 1") << QByteArray("-9000000000000001") << qint64(0);
    QTest::newRow("9e15 + 1 as a string") << QByteArray(R"("9000000000000001")") << qint64(0);
    QTest::newRow("qint64 max as a string") << QByteArray(R"("9223372036854775807")") << qint64(0);
    QTest::newRow("2^63") << QByteArray("9223372036854775808") << qint64(0);
    // The fuzzer's reproducer (regress-huge-integer-ub.json): about 1.9e23.
    QTest::newRow("1.9e23") << QByteArray("190071992547409932345678") << qint64(0);
    QTest::newRow("-1.9e23") << QByteArray("-190071992547409932345678") << qint64(0);
    QTest::newRow("1e300") << QByteArray("1e300") << qint64(0);
    QTest::newRow("fraction") << QByteArray("1.5") << qint64(0);
}

void TestApiJson::integersADoubleDoesNotHoldAreAbsent()
{
    QFETCH(QByteArray, literal);
    QFETCH(qint64, expected);
    const QByteArray portfolio = R"({"agentPortfolioId":"p1","agentPortfolioName":"Alpha01",)"
                                 R"("agentPortfolioGcid":)"
        + literal + R"(,"mirrorId":)" + literal + "}";
    QString error;
    const auto list =
        ApiJson::parsePortfolioList(R"({"agentPortfolios":[)" + portfolio + "]}", &error);
    QVERIFY2(list, qPrintable(error));
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->at(0).gcid, expected);
    QCOMPARE(list->at(0).mirrorId, expected);

    const auto created = ApiJson::parseCreateResponse(portfolio, &error);
    QVERIFY2(created, qPrintable(error));
    QCOMPARE(created->portfolio.gcid, expected);
    QCOMPARE(created->portfolio.mirrorId, expected);
}

// The virtual balance is display only, but one no Money holds (negative, or beyond MaxCents,
// which the index refuses to read back) is left unknown (0) rather than kept or converted.
void TestApiJson::virtualBalanceNoMoneyHoldsIsUnknown_data()
{
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<qint64>("cents"); // 0 = unknown

    QTest::newRow("seed") << QByteArray("10000") << qint64(1'000'000);
    QTest::newRow("sub-cent rounded") << QByteArray("0.125") << qint64(13);
    QTest::newRow("maximum") << QByteArray("100000000000") << Money::MaxCents;
    QTest::newRow("maximum + 0.01") << QByteArray("100000000000.01") << qint64(0);
    QTest::newRow("-5") << QByteArray("-5") << qint64(0);
    QTest::newRow("-0.01") << QByteArray("-0.01") << qint64(0);
    QTest::newRow("1.9e23") << QByteArray("190071992547409932345678") << qint64(0);
    QTest::newRow("1e300") << QByteArray("1e300") << qint64(0);
    QTest::newRow("-1e300") << QByteArray("-1e300") << qint64(0);
}

void TestApiJson::virtualBalanceNoMoneyHoldsIsUnknown()
{
    QFETCH(QByteArray, literal);
    QFETCH(qint64, cents);
    const QByteArray portfolio = R"({"agentPortfolioId":"p1","agentPortfolioName":"Alpha01",)"
                                 R"("agentPortfolioVirtualBalance":)"
        + literal + "}";
    QString error;
    const auto list =
        ApiJson::parsePortfolioList(R"({"agentPortfolios":[)" + portfolio + "]}", &error);
    QVERIFY2(list, qPrintable(error));
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->at(0).virtualBalance.cents(), cents);
}

void TestApiJson::nullAndMissingExpiry()
{
    QString error;
    auto token = ApiJson::parseCreatedToken(
        R"({"userTokenId":"t1","userToken":"s","expiresAt":null,"extra":{"x":1}})", &error);
    QVERIFY2(token, qPrintable(error));
    QVERIFY(!token->token.expiresAt);
    token = ApiJson::parseCreatedToken(R"({"userTokenId":"t1","userToken":"s"})", &error);
    QVERIFY(token && !token->token.expiresAt);
    token = ApiJson::parseCreatedToken(
        R"({"userTokenId":"t1","userToken":"s","expiresAt":"2027-01-02T03:04:05.123+02:00"})",
        &error);
    QVERIFY(token && token->token.expiresAt);
    QCOMPARE(token->token.expiresAt->toString(Qt::ISODate), QStringLiteral("2027-01-02T01:04:05Z"));
}

// A date whose UTC form has no four-digit year could be read but never written back (Qt
// writes no text for it): the index would lose it, and a round trip through the wire would
// not give it back. It is read as absent. The fuzzer found the first row (its reproducer is
// tests/fuzz/corpus/fuzz_portfolio_list/regress-date-past-9999.json).
void TestApiJson::datesNoFourDigitYearWritesAreAbsent_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // the UTC date in ISO 8601, or empty for absent

    QTest::newRow("past 9999 in UTC") << QStringLiteral("9999-12-31T23:59:59-01:00") << QString();
    QTest::newRow("last second of 9999 in UTC")
        << QStringLiteral("9999-12-31T22:59:59-01:00") << QStringLiteral("9999-12-31T23:59:59Z");
    QTest::newRow("last second of 9999")
        << QStringLiteral("9999-12-31T23:59:59Z") << QStringLiteral("9999-12-31T23:59:59Z");
    QTest::newRow("before year 1 in UTC")
        << QStringLiteral("0001-01-01T00:30:00+01:00") << QString();
    QTest::newRow("first hour of year 1 in UTC")
        << QStringLiteral("0001-01-01T01:30:00+01:00") << QStringLiteral("0001-01-01T00:30:00Z");
    QTest::newRow("not a date") << QStringLiteral("2026-02-30T00:00:00Z") << QString();
}

void TestApiJson::datesNoFourDigitYearWritesAreAbsent()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QByteArray date = text.toLatin1();
    QString error;
    const auto list = ApiJson::parsePortfolioList(
        R"({"agentPortfolios":[{"agentPortfolioId":"p1","createdAt":")" + date
            + R"(","userTokens":[{"userTokenId":"t1","createdAt":")" + date + R"(","expiresAt":")"
            + date + R"("}]}]})",
        &error);
    QVERIFY2(list, qPrintable(error));
    QCOMPARE(list->size(), 1);
    const Portfolio &portfolio = list->at(0);
    QCOMPARE(portfolio.tokens.size(), 1);
    for (const auto &read : { portfolio.createdAt, portfolio.tokens.at(0).createdAt,
                              portfolio.tokens.at(0).expiresAt }) {
        QCOMPARE(read.has_value(), !expected.isEmpty());
        if (read) {
            QCOMPARE(read->timeSpec(), Qt::UTC);
            QCOMPARE(read->toString(Qt::ISODate), expected);
            // And what is kept can be written back: the wire's and the index's form.
            QVERIFY(!read->toString(Qt::ISODateWithMs).isEmpty());
        }
    }
}

void TestApiJson::oversizedBodyIsRefused()
{
    // One object over 1 MiB is refused...
    QByteArray token = R"({"userTokenId":"t1","userToken":"s","padding":")";
    token += QByteArray(ApiJson::MaxBodySize, 'x');
    token += "\"}";
    QString error;
    QVERIFY(!ApiJson::parseCreatedToken(token, &error));
    QVERIFY2(error.contains(QStringLiteral("1 MiB")), qPrintable(error));
    QVERIFY(!ApiJson::parseCreateResponse(token, &error));

    // ...a list may be larger, up to its own bound.
    QByteArray list = R"({"agentPortfolios":[],"padding":")";
    list += QByteArray(2 * ApiJson::MaxBodySize, 'x');
    list += "\"}";
    QVERIFY2(ApiJson::parsePortfolioList(list, &error), qPrintable(error));
    list.insert(list.size() - 2, QByteArray(ApiJson::MaxListBodySize, 'x'));
    QVERIFY(!ApiJson::parsePortfolioList(list, &error));
    QVERIFY2(error.contains(QStringLiteral("16 MiB")), qPrintable(error));
}

void TestApiJson::listParses()
{
    const QByteArray body = R"({"agentPortfolios":[
        {"agentPortfolioId":"p1","agentPortfolioName":"Alpha01","agentPortfolioGcid":11,
         "agentPortfolioVirtualBalance":10000,"mirrorId":"21","createdAt":"2026-11-01T10:00:00Z",
         "userTokens":[{"userTokenId":"t1","userTokenName":"one","clientId":"c1",
                        "ipsWhitelist":["1.2.3.4"],"expiresAt":null,"scopeIds":[200],
                        "createdAt":"2026-11-01T10:00:01Z","futureField":true}]},
        {"agentPortfolioId":"p2","agentPortfolioName":"Beta0002","userTokens":[]}],
        "nextPage":null})";
    QString error;
    const auto list = ApiJson::parsePortfolioList(body, &error);
    QVERIFY2(list, qPrintable(error));
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).mirrorId, 21); // tolerated as a string
    QCOMPARE(list->at(0).createdAt->toString(Qt::ISODate), QStringLiteral("2026-11-01T10:00:00Z"));
    QCOMPARE(list->at(0).tokens.size(), 1);
    QCOMPARE(list->at(0).tokens.at(0).ipsWhitelist, QStringList { QStringLiteral("1.2.3.4") });
    QVERIFY(list->at(1).tokens.isEmpty());
}

void TestApiJson::listWithoutArrayIsAnError()
{
    QString error;
    QVERIFY(!ApiJson::parsePortfolioList(R"({"portfolios":[]})", &error));
    QVERIFY(error.contains(QStringLiteral("agentPortfolios")));
    QVERIFY(!ApiJson::parsePortfolioList("[1,2]", &error));
    QVERIFY(!ApiJson::parsePortfolioList(R"({"agentPortfolios":[{"agentPortfolioName":"x"}]})",
                                         &error));
    QVERIFY(error.contains(QStringLiteral("agentPortfolioId")));
}

void TestApiJson::addTokenParses()
{
    QString error;
    const auto token = ApiJson::parseCreatedToken(
        R"({"userTokenId":"t9","userToken":"sk_sandbox_abc","userTokenName":"bot","clientId":"c9",
            "ipsWhitelist":[],"scopes":[{"name":"etoro-public:demo:write"}],"expiresAt":null,
            "createdAt":"2026-11-28T00:00:00Z"})",
        &error);
    QVERIFY2(token, qPrintable(error));
    QCOMPARE(token->token.id, QStringLiteral("t9"));
    QCOMPARE(token->token.scopeIds, QList<int> { 203 });
    QVERIFY(token->token.createdAt);
}

void TestApiJson::updateSendsOnlyWhatIsSet()
{
    UpdateTokenRequest update;
    update.scopeIds = QList<int> { 201 };
    QCOMPARE(ApiJson::toJson(update).keys(), QStringList { QStringLiteral("scopeIds") });
    update.ipsWhitelist = QStringList {};
    update.expiresAt = seedExpiry;
    const QJsonObject json = ApiJson::toJson(update);
    QCOMPARE(json.value(QStringLiteral("ipsWhitelist")).toArray().size(), 0);
    QCOMPARE(json.value(QStringLiteral("expiresAt")).toString(),
             QStringLiteral("2026-12-31T23:59:59Z"));
}

void TestApiJson::errorBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<Field>("field");

    QTest::newRow("agent-portfolio shape") << QByteArray(
        R"({"errorCode":"ValidationFailed","errorMessage":"Agent-portfolio name must be between 6 and 10 characters"})")
                                           << QByteArray("application/json")
                                           << QStringLiteral("ValidationFailed")
                                           << QStringLiteral("Agent-portfolio name must be between "
                                                             "6 and 10 characters")
                                           << Field::PortfolioName;
    QTest::newRow("minimum amount") << QByteArray(
        R"({"errorCode":"ValidationFailed","errorMessage":"Investment amount is below the minimum threshold"})")
                                    << QByteArray("application/json")
                                    << QStringLiteral("ValidationFailed")
                                    << QStringLiteral(
                                           "Investment amount is below the minimum threshold")
                                    << Field::InvestmentAmount;
    QTest::newRow("explicit field member")
        << QByteArray(
               R"({"errorCode":"ValidationFailed","errorMessage":"bad","field":"ipsWhitelist"})")
        << QByteArray("application/json") << QStringLiteral("ValidationFailed")
        << QStringLiteral("bad") << Field::IpAllowList;
    QTest::newRow("problem details") << QByteArray(
        R"({"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"detail":"expiresAt is in the past","errors":{"expiresAt":["past"]}})")
                                     << QByteArray("application/problem+json")
                                     << QStringLiteral("One or more validation errors occurred.")
                                     << QStringLiteral("expiresAt is in the past")
                                     << Field::ExpiresAt;
    QTest::newRow("code message requestId")
        << QByteArray(R"({"code":"Forbidden","message":"Key lacks permission","requestId":"r1"})")
        << QByteArray("application/json") << QStringLiteral("Forbidden")
        << QStringLiteral("Key lacks permission") << Field::None;
    QTest::newRow("html from the edge")
        << QByteArray("<html><head><title>429 Too Many Requests</title></head><body><h1>Slow "
                      "down</h1></body></html>")
        << QByteArray("text/html") << QString() << QStringLiteral("429 Too Many Requests")
        << Field::None;
    QTest::newRow("html without title")
        << QByteArray("<html><body><h1>Bad   gateway</h1></body></html>") << QByteArray()
        << QString() << QStringLiteral("Bad gateway") << Field::None;
    QTest::newRow("empty") << QByteArray() << QByteArray() << QString() << QString() << Field::None;
    QTest::newRow("plain text") << QByteArray("upstream\nreset") << QByteArray("text/plain")
                                << QString() << QStringLiteral("upstream reset") << Field::None;
    // Text is cut to 300 UTF-16 units, on a whole character and without a trailing space.
    QTest::newRow("long text cut before a pair")
        << QByteArray(299, 'x') + "\xF0\x9F\x98\x80 tail" << QByteArray("text/plain") << QString()
        << QString(299, u'x') << Field::None;
    QTest::newRow("long text keeps a whole pair")
        << QByteArray(298, 'x') + "\xF0\x9F\x98\x80 tail" << QByteArray("text/plain") << QString()
        << QString(QString(298, u'x') + QStringLiteral("\U0001F600")) << Field::None;
    QTest::newRow("long text cut after a space")
        << QByteArray(299, 'x') + " tail" << QByteArray("text/plain") << QString()
        << QString(299, u'x') << Field::None;
    // The fuzzer's reproducer (regress-cut-leaves-space.bin): unit 300 is a space.
    QTest::newRow("long non-ASCII text cut after a space")
        << QByteArray("\xC3\xA9\xF0\x9F\x98\x80 ").repeated(100) << QByteArray("text/plain")
        << QString() << QStringLiteral("\u00E9\U0001F600 ").repeated(75).chopped(1) << Field::None;
    QTest::newRow("cut mid-JSON") << QByteArray(R"({"errorCode":"Valid)")
                                  << QByteArray("application/json") << QString()
                                  << QStringLiteral(R"({"errorCode":"Valid)") << Field::None;
}

void TestApiJson::errorBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(Field, field);
    const ErrorBody parsed = ApiJson::parseErrorBody(body, contentType);
    QCOMPARE(parsed.errorCode, code);
    QCOMPARE(parsed.message, message);
    QCOMPARE(parsed.field, field);
}

void TestApiJson::errorMessagesNeverCarryTheSecret()
{
    const QString secret = QStringLiteral("sk_live_verysecretvalue");
    const QByteArray body = R"({"agentPortfolioName":"MyPort1","userTokens":[{"userToken":")"
        + secret.toUtf8() + R"(","userTokenName":"n"}]})";
    QString error;
    QVERIFY(!ApiJson::parseCreateResponse(body, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!error.contains(secret));
}

QTEST_GUILESS_MAIN(TestApiJson)
#include "tst_apijson.moc"
