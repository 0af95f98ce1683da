// Benchmark, not a test: parsing a list answer of 1,000 portfolios with 10 tokens each.
// Run: build/tests/bench/bench_apijson  (add -callgrind under valgrind for instruction counts)
#include "api/apijson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace agentfolio;

class BenchApiJson : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void parseListOf1000Portfolios();

private:
    QByteArray m_body;
};

void BenchApiJson::initTestCase()
{
    QJsonArray portfolios;
    for (int p = 0; p < 1000; ++p) {
        QJsonArray tokens;
        for (int t = 0; t < 10; ++t) {
            tokens.append(QJsonObject {
                { QStringLiteral("userTokenId"),
                  QUuid::createUuid().toString(QUuid::WithoutBraces) },
                { QStringLiteral("userTokenName"), QStringLiteral("token-%1").arg(t) },
                { QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
                { QStringLiteral("ipsWhitelist"),
                  QJsonArray { QStringLiteral("192.168.1.%1").arg(t) } },
                { QStringLiteral("scopeIds"), QJsonArray { 200, 202 } },
                { QStringLiteral("scopeNames"),
                  QJsonArray { QStringLiteral("etoro-public:real:read"),
                               QStringLiteral("etoro-public:real:write") } },
                { QStringLiteral("expiresAt"), QStringLiteral("2027-12-31T23:59:59Z") },
                { QStringLiteral("createdAt"), QStringLiteral("2026-11-28T10:00:00Z") },
            });
        }
        portfolios.append(QJsonObject {
            { QStringLiteral("agentPortfolioId"),
              QUuid::createUuid().toString(QUuid::WithoutBraces) },
            { QStringLiteral("agentPortfolioName"),
              QStringLiteral("Port%1").arg(p, 4, 10, QLatin1Char('0')) },
            { QStringLiteral("agentPortfolioGcid"), 10000000 + p },
            { QStringLiteral("agentPortfolioVirtualBalance"), 10000 },
            { QStringLiteral("mirrorId"), 50000 + p },
            { QStringLiteral("createdAt"), QStringLiteral("2026-11-28T10:00:00Z") },
            { QStringLiteral("userTokens"), tokens },
        });
    }
    m_body = QJsonDocument(QJsonObject { { QStringLiteral("agentPortfolios"), portfolios } })
                 .toJson(QJsonDocument::Compact);
    qInfo("list answer: %lld bytes", qlonglong(m_body.size()));
    QVERIFY2(m_body.size() <= ApiJson::MaxListBodySize, "above the list answer limit");
}

void BenchApiJson::parseListOf1000Portfolios()
{
    QBENCHMARK
    {
        QString error;
        const auto list = ApiJson::parsePortfolioList(m_body, &error);
        QVERIFY2(list && list->size() == 1000, qPrintable(error));
    }
}

QTEST_GUILESS_MAIN(BenchApiJson)
#include "bench_apijson.moc"
