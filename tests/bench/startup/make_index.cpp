// Writes an Agentfolio index with many tokens, through the real PortfolioIndex (the same
// server-list merge the app's Refresh does), for the start-up benchmark.
// Usage: bench_make_index TOKENS [PROFILE]
//   Writes PortfolioIndex::defaultPath() as the app sees it under the current HOME /
//   XDG_DATA_HOME (so point those at a throwaway directory first), for PROFILE (default:
//   the built-in sandbox profile), in portfolios of 10 tokens; prints the file's path.
#include "domain/portfolio.h"
#include "store/portfolioindex.h"
#include "store/profile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QUuid>
#include <cstdio>

using namespace agentfolio;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Only the file's path goes to stdout; the index's own progress notes stay quiet.
    QLoggingCategory::setFilterRules(QStringLiteral("agentfolio.*.info=false"));
    // As app/main.cpp names itself: that decides PortfolioIndex::defaultPath().
    QCoreApplication::setApplicationName(QStringLiteral("agentfolio"));
    QCoreApplication::setOrganizationName(QStringLiteral("agentfolio"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("agentfolio.github.io"));

    const QStringList args = QCoreApplication::arguments();
    bool ok = false;
    const int tokens = args.size() > 1 ? args.at(1).toInt(&ok) : 0;
    if (!ok || tokens < 0) {
        std::fprintf(stderr, "usage: bench_make_index TOKENS [PROFILE]\n");
        return 2;
    }
    const QString profile = args.size() > 2 ? args.at(2) : Profile::sandboxId();
    constexpr int TokensEach = 10;

    QList<Portfolio> server;
    const QDateTime created(QDate(2026, 1, 15), QTime(9, 0), Qt::UTC);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int p = 0; p * TokensEach < tokens; ++p) {
        Portfolio portfolio;
        portfolio.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        // Names as people give them: some in other languages than English.
        portfolio.name = (p % 4 ? QStringLiteral("Port%1") : QStringLiteral("Börse %1 📈"))
                             .arg(p, 4, 10, QLatin1Char('0'));
        portfolio.gcid = 10'000'000 + p;
        portfolio.virtualBalance = Money::fromCents(1'000'000);
        portfolio.mirrorId = 50'000 + p;
        portfolio.createdAt = created;
        for (int t = 0; t < TokensEach && p * TokensEach + t < tokens; ++t) {
            UserToken token;
            token.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            token.name = QStringLiteral("agent-%1-%2").arg(p, 4, 10, QLatin1Char('0')).arg(t);
            token.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            token.scopeIds = { 200, 202 };
            if (t % 2)
                token.ipsWhitelist = { QStringLiteral("192.168.1.%1").arg(t) };
            if (t % 3 == 1)
                token.expiresAt = now.addDays(t % 2 ? -2 : 200);
            token.createdAt = created;
            portfolio.tokens.append(token);
        }
        server.append(portfolio);
    }

    PortfolioIndex index;
    index.load();
    if (!index.mergeServerList(profile, server)) {
        std::fprintf(stderr, "bench_make_index: %s\n", qPrintable(index.status().message));
        return 1;
    }
    // Read back as the app will: the file must load and hold every token.
    PortfolioIndex check;
    qsizetype found = 0;
    if (check.load()) {
        for (const IndexedPortfolio &portfolio : check.portfolios(profile))
            found += portfolio.tokens.size();
    }
    if (found != tokens) {
        std::fprintf(stderr, "bench_make_index: wrote %d tokens but read back %lld\n", tokens,
                     qlonglong(found));
        return 1;
    }
    std::printf("%s\n", qPrintable(index.path()));
    return 0;
}
