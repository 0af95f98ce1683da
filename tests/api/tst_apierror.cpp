#include "api/apierror.h"

#include <QMap>
#include <QTest>

using namespace agentfolio;
using Headers = QMap<QByteArray, QByteArray>;
Q_DECLARE_METATYPE(ApiError::Kind)

class TestApiError : public QObject
{
    Q_OBJECT
private slots:
    void rateLimitHeaders_data();
    void rateLimitHeaders();
    void everyKindHasAMessage_data();
    void everyKindHasAMessage();
    void validationNamesTheField();
    void summaryIsStable();
};

static const QDateTime now(QDate(2026, 11, 28), QTime(12, 0, 0), Qt::UTC);

void TestApiError::rateLimitHeaders_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("remaining");
    QTest::addColumn<int>("reset");
    QTest::addColumn<int>("retryAfter"); // -1 = absent

    QTest::newRow("standard") << Headers {
        { "ratelimit-limit", "60" }, { "ratelimit-remaining", "59" }, { "ratelimit-reset", "42" }
    } << 60 << 59 << 42 << -1;
    QTest::newRow("x- spelling") << Headers { { "x-ratelimit-limit", "60" },
                                              { "x-ratelimit-remaining", "0" },
                                              { "x-ratelimit-reset", "5" } }
                                 << 60 << 0 << 5 << -1;
    QTest::newRow("retry-after seconds")
        << Headers { { "retry-after", "7" } } << -1 << -1 << -1 << 7;
    QTest::newRow("retry-after date")
        << Headers { { "retry-after", "Sat, 28 Nov 2026 12:00:30 GMT" } } << -1 << -1 << -1 << 30;
    QTest::newRow("garbage") << Headers { { "ratelimit-limit", "lots" }, { "retry-after", "soon" } }
                             << -1 << -1 << -1 << -1;
}

void TestApiError::rateLimitHeaders()
{
    QFETCH(Headers, headers);
    QFETCH(int, limit);
    QFETCH(int, remaining);
    QFETCH(int, reset);
    QFETCH(int, retryAfter);
    const RateLimitInfo info = RateLimitInfo::fromHeaders(
        [&headers](const QByteArray &name) { return headers.value(name.toLower()); }, now);
    auto asInt = [](const std::optional<int> &value) { return value.value_or(-1); };
    QCOMPARE(asInt(info.limit), limit);
    QCOMPARE(asInt(info.remaining), remaining);
    QCOMPARE(asInt(info.resetSeconds), reset);
    QCOMPARE(asInt(info.retryAfterSeconds), retryAfter);
    if (retryAfter >= 0)
        QCOMPARE(info.retryAt(now), std::optional<QDateTime>(now.addSecs(retryAfter)));
    else if (remaining == 0)
        QCOMPARE(info.retryAt(now), std::optional<QDateTime>(now.addSecs(reset)));
    else
        QVERIFY(!info.retryAt(now));
}

void TestApiError::everyKindHasAMessage_data()
{
    QTest::addColumn<ApiError::Kind>("kind");
    for (int i = int(ApiError::Kind::Validation); i <= int(ApiError::Kind::NotRecorded); ++i) {
        const auto kind = ApiError::Kind(i);
        QTest::newRow(qPrintable(ApiError::kindName(kind))) << kind;
    }
}

void TestApiError::everyKindHasAMessage()
{
    QFETCH(ApiError::Kind, kind);
    ApiError error;
    error.kind = kind;
    error.httpStatus = 500;
    error.requestId = QUuid::createUuid();
    QVERIFY(error.message().size() > 20);
    QVERIFY(ApiError::kindName(kind) != QStringLiteral("Unknown"));
    QVERIFY(error.requestIdText().contains(error.requestId.toString(QUuid::WithoutBraces)));
}

void TestApiError::validationNamesTheField()
{
    ApiError error;
    error.kind = ApiError::Kind::Validation;
    error.field = Field::PortfolioName;
    error.serverMessage =
        QStringLiteral("Agent-portfolio name must be between 6 and 10 characters");
    QVERIFY(error.message().contains(QStringLiteral("\"Portfolio name\"")));
    QVERIFY(error.message().contains(error.serverMessage));
}

void TestApiError::summaryIsStable()
{
    ApiError error;
    error.kind = ApiError::Kind::OutcomeUnknown;
    error.underlying = ApiError::Kind::Timeout;
    QCOMPARE(error.summary(), QStringLiteral("OutcomeUnknown(after Timeout)"));
    error.kind = ApiError::Kind::Conflict;
    error.underlying.reset();
    error.httpStatus = 409;
    error.errorCode = QStringLiteral("UserKeyNameAlreadyExists");
    QCOMPARE(error.summary(), QStringLiteral("Conflict(409 UserKeyNameAlreadyExists)"));
}

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
